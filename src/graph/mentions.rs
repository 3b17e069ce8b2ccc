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
///
/// Looking up a run of words and checking the names found touch two places in memory: a
/// table slot and the names' records, which hold their text (at a million names neither fits in
/// cache, and a third array would cost a third cache miss per name found).
pub(crate) struct Matcher {
    /// The names, each a [`Header`] then its folded bytes, those whose cores have the same key
    /// one after the other.
    names: Vec<u8>,
    /// How many names `names` holds.
    count: usize,
    /// Where the records of the names with no word character start in `names`.
    wordless: Vec<u32>,
    /// By the key of a core, or of a core cut at the end of one of its words: the names with
    /// that core, and whether a longer core goes on from there.
    prefixes: Prefixes,
}

/// The fixed part of a name's record in [`Matcher::names`], four little-endian `u32`s: the
/// entity that bears the name, the bytes before its core, the bytes of its core and the bytes
/// after its core.
#[derive(Clone, Copy, Debug)]
struct Header {
    owner: EntityId,
    lead: usize,
    core: usize,
    trail: usize,
}

const HEADER_BYTES: usize = 16;

impl Header {
    fn write(&self, out: &mut Vec<u8>) {
        for n in [self.owner.0 as usize, self.lead, self.core, self.trail] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
    }

    fn read(record: &[u8]) -> Header {
        let n = |i: usize| {
            let bytes: [u8; 4] = record[4 * i..4 * i + 4]
                .try_into()
                .expect("a slice of four bytes");
            u32::from_le_bytes(bytes)
        };
        Header {
            owner: EntityId(n(0)),
            lead: n(1) as usize,
            core: n(2) as usize,
            trail: n(3) as usize,
        }
    }

    fn len(&self) -> usize {
        self.lead + self.core + self.trail
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({} names)", self.count)
    }
}

impl Matcher {
    /// The matcher of `entities` (with their ids), or `None` when they have no usable name.
    /// Complexity: O(total name length).
    pub(crate) fn new<'a>(entities: impl Iterator<Item = (EntityId, &'a Entity)>) -> Option<Self> {
        let mut folded_names: Vec<(u32, String, EntityId)> = Vec::new();
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
                    let key = run_key(&folded[lead..folded.len() - trail]);
                    folded_names.push((key, folded, id));
                }
            }
        }
        if folded_names.is_empty() {
            return None;
        }
        // The names whose cores share a key side by side, so that one table entry gives them all.
        folded_names.sort_by_key(|&(key, _, _)| key);

        let bytes = folded_names.iter().map(|(_, n, _)| HEADER_BYTES + n.len());
        let mut names = Vec::with_capacity(bytes.sum());
        let mut wordless = Vec::new();
        let mut prefixes: FastMap<u32, Prefix> = FastMap::default();
        for (key, folded, owner) in &folded_names {
            let at = u32::try_from(names.len()).expect("names take well under 4 GiB");
            let (lead, trail) = core_bounds(folded);
            let core = &folded[lead..folded.len() - trail];
            let header = Header {
                owner: *owner,
                lead,
                core: core.len(),
                trail,
            };
            header.write(&mut names);
            names.extend_from_slice(folded.as_bytes());
            if core.is_empty() {
                wordless.push(at);
                continue;
            }
            let prefix = prefixes.entry(*key).or_default();
            if prefix.count == 0 {
                prefix.first = at;
            }
            prefix.count += 1;
            for (i, c) in core.char_indices() {
                let next = i + c.len_utf8();
                let ends_word = is_word_char(c)
                    && core[next..]
                        .chars()
                        .next()
                        .is_some_and(|d| !is_word_char(d));
                if ends_word {
                    prefixes.entry(run_key(&core[..next])).or_default().longer = true;
                }
            }
        }
        Some(Matcher {
            names,
            count: folded_names.len(),
            wordless,
            prefixes: Prefixes::new(prefixes),
        })
    }

    /// Every whole-word occurrence of a name in `folded`, overlapping ones included, as
    /// `(start, end, entity)` byte ranges of `folded`.
    pub(crate) fn candidates(&self, folded: &str, out: &mut Vec<(usize, usize, EntityId)>) {
        let words = word_spans(folded);
        // Every word is looked up before any name is checked: those look-ups do not wait on
        // one another, so the processor overlaps their cache misses.
        let firsts: Vec<Option<Prefix>> = words
            .iter()
            .map(|&(start, end)| self.prefixes.get(run_key(&folded[start..end])))
            .collect();
        for (i, &(start, _)) in words.iter().enumerate() {
            for (k, &(_, end)) in words.iter().enumerate().skip(i) {
                let prefix = if k == i {
                    firsts[i]
                } else {
                    self.prefixes.get(run_key(&folded[start..end]))
                };
                let Some(prefix) = prefix else {
                    break;
                };
                let mut at = prefix.first as usize;
                for _ in 0..prefix.count {
                    let (header, name) = self.name_at(at);
                    if let Some(from) = found_at(&header, name, folded, start, end) {
                        out.push((from, from + name.len(), header.owner));
                    }
                    at += HEADER_BYTES + name.len();
                }
                if !prefix.longer {
                    break;
                }
            }
        }
        for &at in &self.wordless {
            let (header, pattern) = self.name_at(at as usize);
            let step = pattern.first().map_or(1, |&b| utf8_len(b));
            let mut from = 0;
            while let Some(i) = folded[from..].find(str_of(pattern)) {
                let start = from + i;
                let end = start + pattern.len();
                if whole_word(folded, start, end) {
                    out.push((start, end, header.owner));
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

    /// The header and folded bytes of the name whose record starts at `at`.
    fn name_at(&self, at: usize) -> (Header, &[u8]) {
        let header = Header::read(&self.names[at..at + HEADER_BYTES]);
        let start = at + HEADER_BYTES;
        (header, &self.names[start..start + header.len()])
    }
}

/// Where the name `name` starts in `folded` when its core is `folded[start..end]` and it is
/// there as a whole word.
fn found_at(header: &Header, name: &[u8], folded: &str, start: usize, end: usize) -> Option<usize> {
    let from = start.checked_sub(header.lead)?;
    let there = folded.as_bytes().get(from..end + header.trail)?;
    // Equal bytes of a whole name begin and end on character boundaries.
    (there == name && whole_word(folded, from, from + name.len())).then_some(from)
}

/// The text of a name's bytes, which were copied from a `String`.
fn str_of(name: &[u8]) -> &str {
    std::str::from_utf8(name).expect("names are copied from strings whole")
}

/// The length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead.leading_ones() {
        0 => 1,
        n => n as usize,
    }
}

/// What the matcher knows of one key of a run of words.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    /// Where the records of the names whose core has this key start in [`Matcher::names`].
    first: u32,
    /// How many names have a core of this key.
    count: u32,
    /// True when the core of some name starts with a run of words of this key and goes on.
    longer: bool,
}

/// An open-addressing table (linear probing, at most two thirds full) from the keys of runs of
/// words to [`Prefix`]es: 12 bytes a slot and one cache miss a look-up, where a `HashMap` took
/// two (its control bytes, then its 24-byte slot). Keys that collide share one entry, whose
/// names are checked byte by byte all the same.
#[derive(Debug)]
struct Prefixes {
    /// `(key, first, count)`, the top bit of `count` set when `longer`; key 0 marks an empty slot.
    slots: Vec<(u32, u32, u32)>,
}

const LONGER: u32 = 1 << 31;

impl Prefixes {
    fn new(entries: FastMap<u32, Prefix>) -> Self {
        let size = (entries.len() + entries.len() / 2 + 1).next_power_of_two();
        let mut slots = vec![(0, 0, 0); size];
        for (key, prefix) in entries {
            let mut at = key as usize & (size - 1);
            while slots[at].0 != 0 {
                at = (at + 1) & (size - 1);
            }
            let longer = if prefix.longer { LONGER } else { 0 };
            slots[at] = (key, prefix.first, prefix.count | longer);
        }
        Prefixes { slots }
    }

    fn get(&self, key: u32) -> Option<Prefix> {
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let (k, first, count) = self.slots[at];
            if k == key {
                return Some(Prefix {
                    first,
                    count: count & !LONGER,
                    longer: count & LONGER != 0,
                });
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
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

/// The key a run of words is filed under: 32 bits of its hash (FxHash, then a final mix so
/// that every bit counts), never 0.
fn run_key(run: &str) -> u32 {
    let mut h = FxHasher::default();
    h.write(run.as_bytes());
    let mut z = h.finish();
    z = (z ^ (z >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    ((z ^ (z >> 33)) as u32).max(1)
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
/// Complexity: O(total name length) to build; per source, O(text length + matches) with one
/// table look-up per word, and one more per following word while a longer name could match.
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
