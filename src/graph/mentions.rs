//! Mention detection: every occurrence of every entity's name or alias in every source, found
//! with one Aho-Corasick automaton over the folded names, whole words only, longest match first.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::fold::{fold, fold_with_offsets, is_word_char};
use super::model::{Entity, EntityId, Mention, Source, SourceId, Span};

/// Finds all mentions, grouped by source and in text order within each source.
///
/// Shared aliases are skipped: a name two entities bear cannot say which one a passage means.
/// Complexity: O(total name length) to build, O(text length + matches) per source.
pub(crate) fn find_all(
    entities: &[Entity],
    sources: &[Source],
    progress: &mut dyn FnMut(u64, u64),
) -> Vec<Mention> {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<EntityId> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, entity) in entities.iter().enumerate() {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let folded = fold(name);
            if folded.trim().is_empty() || entity.shared_aliases.iter().any(|s| fold(s) == folded) {
                continue;
            }
            // Validation guarantees a folded name has one owner; the first one wins otherwise.
            if seen.insert(folded.clone()) {
                patterns.push(folded);
                owners.push(EntityId(i as u32));
            }
        }
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .expect("folded names are plain strings well under the automaton's size limits");

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
                    let (automaton, owners) = (&automaton, &owners);
                    let offset = first + k * per_thread;
                    scope.spawn(move || scan(automaton, owners, part, offset))
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

/// The mentions in `sources`, the first of which has index `first`.
fn scan(
    automaton: &AhoCorasick,
    owners: &[EntityId],
    sources: &[Source],
    first: usize,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for (k, source) in sources.iter().enumerate() {
        let s = first + k;
        let (folded, offsets) = fold_with_offsets(&source.text);
        let mut chars_before = 0u32;
        let mut counted_to = 0usize;
        for m in automaton.find_iter(&folded) {
            if !whole_word(&folded, m.start(), m.end()) {
                continue;
            }
            let start = offsets[m.start()] as usize;
            let end = offsets[m.end()] as usize;
            chars_before += source.text[counted_to..start].chars().count() as u32;
            counted_to = start;
            let len = source.text[start..end].chars().count() as u32;
            mentions.push(Mention {
                entity: owners[m.pattern().as_usize()],
                source: SourceId(s as u32),
                span: Span {
                    start: start as u32,
                    end: end as u32,
                    char_start: chars_before,
                    char_end: chars_before + len,
                },
            });
        }
    }
    mentions
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}
