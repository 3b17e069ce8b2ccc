//! Mention detection: every occurrence of every entity's name or alias in every source, found
//! with one Aho-Corasick automaton over the folded names, whole words only, leftmost then longest
//! match first.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::FastMap;
use super::fold::{fold, fold_with_offsets, is_word_char};
use super::model::{Entity, EntityId, Mention, Source, SourceId, Span};

/// The names of a set of entities as one automaton: every folded name or alias that is not
/// shared, with the entity that bears it.
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    owners: Vec<EntityId>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({} names)", self.owners.len())
    }
}

impl Matcher {
    /// The matcher of `entities` (with their ids), or `None` when they have no usable name.
    /// Complexity: O(total name length).
    pub(crate) fn new<'a>(entities: impl Iterator<Item = (EntityId, &'a Entity)>) -> Option<Self> {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<EntityId> = Vec::new();
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
                    patterns.push(folded);
                    owners.push(id);
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("folded names are plain strings well under the automaton's size limits");
        Some(Matcher { automaton, owners })
    }

    /// Every whole-word occurrence of a name in `folded`, overlapping ones included, as
    /// `(start, end, entity)` byte ranges of `folded`.
    pub(crate) fn candidates(&self, folded: &str, out: &mut Vec<(usize, usize, EntityId)>) {
        for m in self.automaton.find_overlapping_iter(folded) {
            if whole_word(folded, m.start(), m.end()) {
                out.push((m.start(), m.end(), self.owners[m.pattern().as_usize()]));
            }
        }
    }

    /// True when some name occurs as a whole word in `folded`.
    pub(crate) fn occurs_in(&self, folded: &str) -> bool {
        self.automaton
            .find_overlapping_iter(folded)
            .any(|m| whole_word(folded, m.start(), m.end()))
    }
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
