//! Ranked entity search by name or alias: case- and diacritic-insensitive, tolerant of small
//! typos, optionally filtered by kind.
//!
//! Ranking, best first: the whole name (1.0) or an alias (0.98) equals the query; a name starts
//! with the query (0.90); every query word starts a word of a name (0.85); otherwise a fuzzy
//! score, 0.8 × Jaro-Winkler similarity of the whole strings or of their best-aligned words,
//! kept when the similarity is at least 0.8. Ties go to the shorter canonical name.
//!
//! Candidates come from an exact-name table and a character-trigram index, so a query touches
//! only names that share text with it; below [`SCAN_ALL_BELOW`] names every name is scored.

use super::FastMap;
use super::fold::{fold, words};
use super::layered::Layered;
use super::model::{Entity, EntityId, EntityKind};

/// Below this many names, search scores every name instead of consulting the trigram index.
pub const SCAN_ALL_BELOW: usize = 4096;

/// Longest query, in characters, that search considers; longer text is cut there.
pub const MAX_QUERY_CHARS: usize = 200;

/// Candidates re-ranked per query when the trigram index is used.
const MAX_CANDIDATES: usize = 512;

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The entity found.
    pub entity: EntityId,
    /// Relevance in `0.0..=1.0`.
    pub score: f32,
    /// The name or alias that matched best, as written in the dataset.
    pub matched: String,
}

#[derive(Clone, Debug)]
struct Name {
    folded: String,
    entity: u32,
    /// Index into the entity's names: 0 is the canonical name.
    which: u32,
}

/// The search index: folded names, an exact table and trigram postings.
#[derive(Clone, Debug, Default)]
pub(crate) struct SearchIndex {
    names: Vec<Name>,
    exact: FastMap<String, Vec<u32>>,
    trigrams: FastMap<u64, Vec<u32>>,
}

fn all_names(entity: &Entity) -> impl Iterator<Item = &String> {
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .chain(&entity.shared_aliases)
}

fn trigram_keys(folded: &str) -> Vec<u64> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(folded.chars())
        .chain(std::iter::once(' '))
        .collect();
    let mut keys: Vec<u64> = chars
        .windows(3)
        .map(|w| ((w[0] as u64) << 42) | ((w[1] as u64) << 21) | (w[2] as u64))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn normalize(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl SearchIndex {
    /// The index of `entities`, given with their ids.
    pub(crate) fn new<'a>(entities: impl Iterator<Item = (u32, &'a Entity)>) -> Self {
        let mut index = SearchIndex::default();
        for (e, entity) in entities {
            for (which, name) in all_names(entity).enumerate() {
                let folded = normalize(name);
                if folded.is_empty() {
                    continue;
                }
                let id = index.names.len() as u32;
                index.exact.entry(folded.clone()).or_default().push(id);
                index.names.push(Name {
                    folded,
                    entity: e,
                    which: which as u32,
                });
            }
        }
        if index.names.len() >= SCAN_ALL_BELOW {
            for (id, name) in index.names.iter().enumerate() {
                for key in trigram_keys(&name.folded) {
                    index.trigrams.entry(key).or_default().push(id as u32);
                }
            }
        }
        index
    }

    /// Heap bytes held, estimated (hash tables count their slots, not their control bytes).
    pub(crate) fn heap_bytes(&self) -> usize {
        let names: usize = self
            .names
            .iter()
            .map(|n| n.folded.capacity() + std::mem::size_of::<Name>())
            .sum();
        let exact: usize = self
            .exact
            .iter()
            .map(|(k, v)| k.capacity() + v.capacity() * 4)
            .sum::<usize>()
            + self.exact.capacity() * (std::mem::size_of::<(String, Vec<u32>)>() + 1);
        let trigrams: usize = self
            .trigrams
            .values()
            .map(|v| v.capacity() * 4)
            .sum::<usize>()
            + self.trigrams.capacity() * (std::mem::size_of::<(u64, Vec<u32>)>() + 1);
        names + exact + trigrams
    }

    /// The entities one of whose names (canonical, alias or shared alias) folds to `folded`
    /// (as [`fold`] folds a trimmed name), in id order.
    pub(crate) fn named(&self, entities: &Layered<Entity>, folded: &str) -> Vec<EntityId> {
        let mut found: Vec<EntityId> = self
            .exact
            .get(&normalize(folded))
            .into_iter()
            .flatten()
            .map(|&id| &self.names[id as usize])
            .filter(|n| {
                all_names(&entities[n.entity as usize])
                    .nth(n.which as usize)
                    .is_some_and(|name| fold(name.trim()) == folded)
            })
            .map(|n| EntityId(n.entity))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Complexity: O(names) below [`SCAN_ALL_BELOW`] names; otherwise O(Σ postings of the
    /// query's trigrams + [`MAX_CANDIDATES`] × name length).
    pub(crate) fn search(
        &self,
        entities: &Layered<Entity>,
        text: &str,
        kinds: &[EntityKind],
        limit: usize,
    ) -> Vec<Hit> {
        let cut: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let query = normalize(&cut);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query_words: Vec<&str> = words(&query).collect();
        let mut best: FastMap<u32, (f32, u32)> = FastMap::default();
        let mut consider = |id: u32| {
            let name = &self.names[id as usize];
            if !kinds.is_empty() && !kinds.contains(&entities[name.entity as usize].kind) {
                return;
            }
            if let Some(score) = score(&query, &query_words, name) {
                let slot = best.entry(name.entity).or_insert((0.0, id));
                if score > slot.0 {
                    *slot = (score, id);
                }
            }
        };
        if self.trigrams.is_empty() {
            (0..self.names.len() as u32).for_each(&mut consider);
        } else {
            for &id in self.exact.get(&query).into_iter().flatten() {
                consider(id);
            }
            for id in self.trigram_candidates(&query) {
                consider(id);
            }
        }
        let mut hits: Vec<Hit> = best
            .into_iter()
            .map(|(entity, (score, name))| Hit {
                entity: EntityId(entity),
                score,
                matched: all_names(&entities[entity as usize])
                    .nth(self.names[name as usize].which as usize)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        rank(&mut hits, entities);
        hits.truncate(limit);
        hits
    }

    fn trigram_candidates(&self, query: &str) -> Vec<u32> {
        let keys = trigram_keys(query);
        let mut counts: FastMap<u32, u32> = FastMap::default();
        for key in &keys {
            for &id in self.trigrams.get(key).into_iter().flatten() {
                *counts.entry(id).or_default() += 1;
            }
        }
        let needed = (keys.len() as u32 / 3).max(1);
        let mut ranked: Vec<(u32, u32)> =
            counts.into_iter().filter(|&(_, n)| n >= needed).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(id, _)| id).collect()
    }
}

/// Sorts hits best first: by score, then the shorter canonical name, then the entity id.
pub(crate) fn rank(hits: &mut [Hit], entities: &Layered<Entity>) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| {
                let (x, y) = (&entities[a.entity.index()], &entities[b.entity.index()]);
                x.name.len().cmp(&y.name.len())
            })
            .then_with(|| a.entity.cmp(&b.entity))
    });
}

fn score(query: &str, query_words: &[&str], name: &Name) -> Option<f32> {
    let folded = name.folded.as_str();
    if folded == query {
        return Some(if name.which == 0 { 1.0 } else { 0.98 });
    }
    if folded.starts_with(query) {
        return Some(0.90);
    }
    let name_words: Vec<&str> = words(folded).collect();
    if !query_words.is_empty()
        && query_words
            .iter()
            .all(|q| name_words.iter().any(|w| w.starts_with(q)))
    {
        return Some(0.85);
    }
    let whole = strsim::jaro_winkler(query, folded);
    let per_word = if query_words.is_empty() || name_words.is_empty() {
        0.0
    } else {
        let sum: f64 = query_words
            .iter()
            .map(|q| {
                name_words
                    .iter()
                    .map(|w| strsim::jaro_winkler(q, w))
                    .fold(0.0, f64::max)
            })
            .sum();
        // Penalise names with more words than the query, so "dogg" does not rank
        // "Snoop Dogg" and "Dr. Dre" alike.
        sum / query_words.len().max(name_words.len()) as f64
    };
    let similarity = whole.max(per_word);
    (similarity >= 0.8).then_some(0.8 * similarity as f32)
}
