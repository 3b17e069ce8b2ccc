//! `uncovered`: names in the source texts that no entity's name or alias covers yet.

use std::collections::{HashMap, HashSet};

use crate::graph::fold::fold;
use crate::graph::{KnowledgeGraph, SourceId, Span};

use super::names::{NameRun, Word, name_runs};

/// A name in the sources that no entity covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The name as first written.
    pub name: String,
    /// How often it occurs (case and diacritics aside) in the sources scanned.
    pub count: usize,
    /// The source of its first occurrence.
    pub source: SourceId,
    /// The character offset of its first occurrence in that source.
    pub char_start: u32,
}

/// Day and month names: capitalised, never entities.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The runs of capitalised words (see `names` for the heuristic) in `sources` (every source
/// when `None`) that no entity covers: none of their words lies in a mention the graph found,
/// and their text is no entity's name, alias or shared alias. Most frequent first, then in
/// order of first occurrence.
///
/// A run that overlaps a mention is split at its connectors and the parts outside every
/// mention are kept, so "Tom Cruise and Jane Roe" still offers "Jane Roe" when Tom Cruise is
/// an entity. Headline blocks (`headlines_from`) are skipped: their title case marks no names.
/// Complexity: O(text length + mentions) per source, plus O(names) once.
pub fn uncovered(graph: &KnowledgeGraph, sources: Option<SourceId>) -> Vec<Candidate> {
    let known: HashSet<String> = graph
        .entities()
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.shared_aliases)
        })
        .map(|n| fold(n))
        .collect();
    let ids: Vec<SourceId> = match sources {
        Some(id) => vec![id],
        None => (0..graph.sources().len())
            .map(|i| SourceId(i as u32))
            .collect(),
    };
    let mut found: Vec<Candidate> = Vec::new();
    // Per candidate: every occurrence so far is one word starting a sentence.
    let mut only_sentence_starts: Vec<bool> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut lower_case: HashSet<&str> = HashSet::new();
    for id in ids {
        let source = graph.source(id);
        let text = match source.headlines_from {
            Some(from) => &source.text[..from as usize],
            None => &source.text[..],
        };
        lower_case.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(char::is_lowercase)),
        );
        let mentions: Vec<Span> = graph.mentions_in(id).map(|m| m.span).collect();
        for run in name_runs(text) {
            for words in uncovered_parts(&run, &mentions) {
                let (start, end) = (words[0].start, words[words.len() - 1].end);
                let name = &text[start..end];
                let folded = fold(name);
                if known.contains(&folded) {
                    continue;
                }
                let sentence_start = words.len() == 1 && run.sentence_start && start == run.start();
                match by_name.get(&folded) {
                    Some(&i) => {
                        found[i].count += 1;
                        only_sentence_starts[i] &= sentence_start;
                    }
                    None => {
                        by_name.insert(folded, found.len());
                        only_sentence_starts.push(sentence_start);
                        found.push(Candidate {
                            name: name.to_owned(),
                            count: 1,
                            source: id,
                            char_start: text[..start].chars().count() as u32,
                        });
                    }
                }
            }
        }
    }
    // A word that only ever starts a sentence, and is written in lower case elsewhere, is an
    // ordinary word ("Multiple", "Fittingly"), not a name; a day or month name is a date.
    let mut found: Vec<Candidate> = found
        .into_iter()
        .zip(only_sentence_starts)
        .filter(|(c, only_starts)| !(*only_starts && lower_case.contains(&*c.name.to_lowercase())))
        .filter(|(c, _)| !CALENDAR.contains(&c.name.as_str()))
        .map(|(c, _)| c)
        .collect();
    // A stable sort keeps first-occurrence order among equal counts.
    found.sort_by_key(|c| std::cmp::Reverse(c.count));
    found
}

/// The parts of `run` outside every mention: the whole run when it overlaps none, else its
/// pieces between connectors that overlap none (trimmed of connectors at their ends).
fn uncovered_parts<'r>(run: &'r NameRun, mentions: &[Span]) -> Vec<&'r [Word]> {
    let overlaps = |start: usize, end: usize| {
        // Mentions are in text order and never overlap each other (longest match first), so
        // the first one ending after `start` is the only one to look at.
        let from = mentions.partition_point(|m| (m.end as usize) <= start);
        mentions.get(from).is_some_and(|m| (m.start as usize) < end)
    };
    if !overlaps(run.start(), run.end()) {
        return vec![&run.words[..]];
    }
    run.words
        .split(|w| w.connector)
        .filter(|part| !part.is_empty())
        .filter(|part| !overlaps(part[0].start, part[part.len() - 1].end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, name: &str) -> Span {
        let start = text.find(name).expect("the name is in the text");
        Span {
            start: start as u32,
            end: (start + name.len()) as u32,
            char_start: 0,
            char_end: 0,
        }
    }

    /// The uncovered parts of every run of `text`, given the names mentioned.
    fn parts(text: &str, mentioned: &[&str]) -> Vec<String> {
        let mut mentions: Vec<Span> = mentioned.iter().map(|n| span(text, n)).collect();
        mentions.sort();
        name_runs(text)
            .iter()
            .flat_map(|run| uncovered_parts(run, &mentions))
            .map(|words| text[words[0].start..words[words.len() - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn a_run_inside_a_mention_is_covered() {
        let text = "fireworks over the Eiffel Tower and the Hollywood Hills";
        assert_eq!(parts(text, &["Eiffel Tower"]), ["Hollywood Hills"]);
        // Connectors join the two into one run while neither is known.
        assert_eq!(parts(text, &[]), ["Eiffel Tower and the Hollywood Hills"]);
    }

    #[test]
    fn a_run_overlapping_a_mention_keeps_its_parts_beyond_connectors() {
        let text = "as Tom Cruise and Jane Roe waved to President Emmanuel Macron";
        assert_eq!(
            parts(text, &["Tom Cruise", "Emmanuel Macron"]),
            ["Jane Roe"]
        );
        assert_eq!(
            parts(text, &["Cruise"]),
            ["Jane Roe", "President Emmanuel Macron"]
        );
    }
}
