//! Mention detection: every occurrence of every entity's name or alias in every source, whole
//! words only, leftmost then longest match first.
//!
//! The folded text is read a word at a time: at each word, one hash table, keyed by the folded
//! names cut at their word ends, says which names end there and whether longer ones go on. The
//! cost follows the length of the text and the matches, not the number of names (one automaton
//! over a million names no longer fitted in cache). Matching never looks at anything but the
//! folded text: [`fold`] is the one notion of "same text".

use std::hash::Hasher;

use super::FastMap;
use super::csr::FxHasher;
use super::fold::{fold, fold_with_offsets, is_word_char};
use super::model::{Entity, EntityId, Mention, Source, SourceId, Span};

/// The names of a set of entities: every folded name or alias that is not shared, with the
/// entity that bears it.
///
/// A name is cut in three: what comes before its first word character (`lead`, as in
/// "'Ndrangheta"), its core (from its first word character to its last) and what follows
/// (`trail`, as in "Jr."). A whole-word occurrence of a name has its core on whole words of the
/// text, so the text is searched by looking up runs of whole words; the few names with no word
/// character at all ("!!!") are searched for as plain substrings.
pub(crate) struct Matcher {
    /// Every folded name, one after the other.
    text: String,
    /// The names, those with the same core hash next to each other.
    names: Vec<Name>,
    /// The names with no word character, as indexes into `names`.
    wordless: Vec<u32>,
    /// By the hash of a core, or of a core cut at the end of one of its words: the names with
    /// that core, and whether a longer core goes on from there.
    prefixes: FastMap<u64, Prefix>,
}

/// A folded name: `text[start..end]`, of which the first `lead` and the last `trail` bytes are
/// not part of its core.
#[derive(Clone, Copy, Debug)]
struct Name {
    start: u32,
    end: u32,
    lead: u32,
    trail: u32,
    owner: EntityId,
}

/// What the matcher knows of one hashed run of words.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    /// The names whose core has this hash: `names[first..first + count]`.
    first: u32,
    count: u32,
    /// True when the core of some name starts with a run of words of this hash and goes on.
    longer: bool,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({} names)", self.names.len())
    }
}

impl Matcher {
    /// The matcher of `entities` (with their ids), or `None` when they have no usable name.
    /// Complexity: O(total name length).
    pub(crate) fn new<'a>(entities: impl Iterator<Item = (EntityId, &'a Entity)>) -> Option<Self> {
        let mut folded_names: Vec<(u64, String, EntityId)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, entity) in entities {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let folded = fold(name);
                if folded.trim().is_empty()
                    || entity.shared_aliases.iter().any(|s| fold(s) == folded)
                {
                    continue;
                }
                // Validation guarantees a folded name has one owner; the first one wins otherwise.
                if seen.insert(folded.clone()) {
                    let (lead, trail) = core_bounds(&folded);
                    let hash = run_hash(&folded[lead..folded.len() - trail]);
                    folded_names.push((hash, folded, id));
                }
            }
        }
        if folded_names.is_empty() {
            return None;
        }
        // Stable, so that among names of one core the first given is tried first.
        folded_names.sort_by_key(|&(hash, _, _)| hash);

        let mut matcher = Matcher {
            text: String::with_capacity(folded_names.iter().map(|(_, n, _)| n.len()).sum()),
            names: Vec::with_capacity(folded_names.len()),
            wordless: Vec::new(),
            prefixes: FastMap::default(),
        };
        for (hash, folded, owner) in folded_names {
            let index = matcher.names.len() as u32;
            let start = matcher.text.len();
            matcher.text.push_str(&folded);
            let (lead, trail) = core_bounds(&folded);
            matcher.names.push(Name {
                start: start as u32,
                end: matcher.text.len() as u32,
                lead: lead as u32,
                trail: trail as u32,
                owner,
            });
            if lead == folded.len() {
                matcher.wordless.push(index);
                continue;
            }
            let entry = matcher.prefixes.entry(hash).or_default();
            if entry.count == 0 {
                entry.first = index;
            }
            entry.count += 1;
            let core = &folded[lead..folded.len() - trail];
            for (at, c) in core.char_indices() {
                let next = at + c.len_utf8();
                let ends_word = is_word_char(c)
                    && core[next..]
                        .chars()
                        .next()
                        .is_some_and(|d| !is_word_char(d));
                if ends_word {
                    matcher
                        .prefixes
                        .entry(run_hash(&core[..next]))
                        .or_default()
                        .longer = true;
                }
            }
        }
        Some(matcher)
    }

    /// Every whole-word occurrence of a name in `folded`, overlapping ones included, as
    /// `(start, end, entity)` byte ranges of `folded`.
    pub(crate) fn candidates(&self, folded: &str, out: &mut Vec<(usize, usize, EntityId)>) {
        let words = word_spans(folded);
        for (i, &(start, _)) in words.iter().enumerate() {
            for &(_, end) in &words[i..] {
                let Some(prefix) = self.prefixes.get(&run_hash(&folded[start..end])) else {
                    break;
                };
                let group = prefix.first as usize..(prefix.first + prefix.count) as usize;
                for name in &self.names[group] {
                    if let Some(found) = self.found_at(name, folded, start, end) {
                        out.push(found);
                    }
                }
                if !prefix.longer {
                    break;
                }
            }
        }
        for &n in &self.wordless {
            let name = &self.names[n as usize];
            let pattern = self.text_of(name);
            let step = pattern.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(at) = folded[from..].find(pattern) {
                let start = from + at;
                let end = start + pattern.len();
                if whole_word(folded, start, end) {
                    out.push((start, end, name.owner));
                }
                from = start + step;
            }
        }
    }

    /// True when some name occurs as a whole word in `folded`.
    pub(crate) fn occurs_in(&self, folded: &str) -> bool {
        let mut found = Vec::new();
        self.candidates(folded, &mut found);
        !found.is_empty()
    }

    fn text_of(&self, name: &Name) -> &str {
        &self.text[name.start as usize..name.end as usize]
    }

    /// The occurrence of `name` whose core is `folded[start..end]`, if the name is there as a
    /// whole word.
    fn found_at(
        &self,
        name: &Name,
        folded: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize, EntityId)> {
        let from = start.checked_sub(name.lead as usize)?;
        let to = end + name.trail as usize;
        let there = folded.as_bytes().get(from..to)?;
        // Equal bytes of a whole name begin and end on character boundaries.
        (there == self.text_of(name).as_bytes() && whole_word(folded, from, to))
            .then_some((from, to, name.owner))
    }
}

/// How many bytes of a folded name come before its first word character and after its last
/// (`(name.len(), 0)` when it has none).
fn core_bounds(folded: &str) -> (usize, usize) {
    match folded.find(is_word_char) {
        None => (folded.len(), 0),
        Some(lead) => {
            let last = folded
                .char_indices()
                .rev()
                .find(|&(_, c)| is_word_char(c))
                .map_or(lead, |(at, c)| at + c.len_utf8());
            (lead, folded.len() - last)
        }
    }
}

/// The words of folded text (maximal runs of word characters), as byte ranges.
fn word_spans(folded: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in folded.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, folded.len()));
    }
    words
}

/// The hash a run of words is filed under (FxHash, then a final mix so that every bit counts:
/// the table hashes it again with FxHash, which only spreads low bits upwards).
fn run_hash(run: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(run.as_bytes());
    let mut z = h.finish();
    z = (z ^ (z >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    z ^ (z >> 33)
}
/// The sources each folded word occurs in as a whole word: where a new name can occur at all
/// (a name that begins with a word occurs only where that word does).
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    words: FastMap<Box<str>, Vec<u32>>,
}

impl WordIndex {
    /// The index of `sources` (numbered from 0). O(text length).
    pub(crate) fn new(sources: &[Source]) -> Self {
        let mut words: FastMap<Box<str>, Vec<u32>> = FastMap::default();
        for (s, source) in sources.iter().enumerate() {
            let folded = fold(&source.text);
            let mut seen: Vec<&str> = folded.split(|c: char| !is_word_char(c)).collect();
            seen.sort_unstable();
            seen.dedup();
            for word in seen.into_iter().filter(|w| !w.is_empty()) {
                match words.get_mut(word) {
                    Some(list) => list.push(s as u32),
                    None => {
                        words.insert(word.into(), vec![s as u32]);
                    }
                }
            }
        }
        WordIndex { words }
    }

    /// The sources `word` occurs in, in order.
    pub(crate) fn sources_with(&self, word: &str) -> &[u32] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    /// Heap bytes held, estimated.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.words
            .iter()
            .map(|(w, list)| w.len() + list.capacity() * 4 + 48)
            .sum()
    }
}

/// The word a folded name begins with, when it begins with one (`None` for "'Ndrangheta").
pub(crate) fn first_word(folded: &str) -> Option<&str> {
    let end = folded
        .find(|c: char| !is_word_char(c))
        .unwrap_or(folded.len());
    (end > 0).then(|| &folded[..end])
}

/// Finds all mentions, grouped by source and in text order within each source.
///
/// Shared aliases are skipped: a name two entities bear cannot say which one a passage means.
/// Where names overlap, the leftmost wins, then the longest (see [`mentions_in`]).
/// Complexity: O(total name length) to build, O(text length + matches) per source.
pub(crate) fn find_all(
    entities: &[Entity],
    sources: &[Source],
    progress: &mut dyn FnMut(u64, u64),
) -> Vec<Mention> {
    let Some(matcher) = Matcher::new(
        entities
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityId(i as u32), e)),
    ) else {
        return Vec::new();
    };

    // Sources are scanned in batches, each split between the cores; results stay in source
    // order, so the outcome is the same as one sequential scan.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let total = sources.len() as u64;
    let mut mentions = Vec::new();
    let mut first = 0usize;
    for batch in sources.chunks(2048) {
        let per_thread = batch.len().div_ceil(threads).max(1);
        let found: Vec<Vec<Mention>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(per_thread)
                .enumerate()
                .map(|(k, part)| {
                    let matcher = &matcher;
                    let offset = first + k * per_thread;
                    scope.spawn(move || {
                        let mut found = Vec::new();
                        for (j, source) in part.iter().enumerate() {
                            let id = SourceId((offset + j) as u32);
                            found.extend(mentions_in(id, &source.text, &[matcher]));
                        }
                        found
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for part in found {
            mentions.extend(part);
        }
        first += batch.len();
        progress(first as u64, total);
    }
    mentions
}

/// The mentions in one source's text of the names `matchers` hold, in text order: among
/// overlapping whole-word occurrences the leftmost wins, then the longest. Several matchers
/// give what one matcher over all their names would.
pub(crate) fn mentions_in(source: SourceId, text: &str, matchers: &[&Matcher]) -> Vec<Mention> {
    let (folded, offsets) = fold_with_offsets(text);
    let mut candidates = Vec::new();
    for matcher in matchers {
        matcher.candidates(&folded, &mut candidates);
    }
    candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut mentions = Vec::new();
    let mut taken_to = 0usize;
    let mut chars_before = 0u32;
    let mut counted_to = 0usize;
    for (start, end, entity) in candidates {
        if start < taken_to {
            continue;
        }
        taken_to = end;
        let start = offsets[start] as usize;
        let end = offsets[end] as usize;
        chars_before += text[counted_to..start].chars().count() as u32;
        counted_to = start;
        let len = text[start..end].chars().count() as u32;
        mentions.push(Mention {
            entity,
            source,
            span: Span {
                start: start as u32,
                end: end as u32,
                char_start: chars_before,
                char_end: chars_before + len,
            },
        });
    }
    mentions
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests;
