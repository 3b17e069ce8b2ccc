//! Where a graph keeps its mentions: the base's in one array grouped by source in text order
//! (the source is implicit: each source owns a range, so no per-source index is stored), and
//! the mentions found again after a write as owned records beside it.

use std::sync::Arc;

use super::csr::FastMap;
use super::layered::Chunks;
use super::model::{EntityId, Mention, SourceId, Span};

/// A base mention without its source: 20 bytes.
#[derive(Clone, Copy, Debug)]
struct Stored {
    entity: EntityId,
    start: u32,
    end: u32,
    char_start: u32,
    char_end: u32,
}

/// The base's mentions, grouped by source.
#[derive(Debug, Default)]
struct Base {
    mentions: Vec<Stored>,
    /// Source `s`'s mentions are `mentions[source_end[s - 1]..source_end[s]]` (from 0 for the
    /// first).
    source_end: Vec<u32>,
}

impl Base {
    fn range(&self, source: u32) -> std::ops::Range<usize> {
        let s = source as usize;
        let Some(&end) = self.source_end.get(s) else {
            return 0..0;
        };
        let start = if s == 0 { 0 } else { self.source_end[s - 1] };
        start as usize..end as usize
    }

    fn source_of(&self, i: usize) -> SourceId {
        SourceId(self.source_end.partition_point(|&end| end as usize <= i) as u32)
    }

    fn mention(&self, i: usize, source: SourceId) -> Mention {
        let m = self.mentions[i];
        Mention {
            entity: m.entity,
            source,
            span: Span {
                start: m.start,
                end: m.end,
                char_start: m.char_start,
                char_end: m.char_end,
            },
        }
    }
}

/// Every mention of a graph version, numbered: the base's first, then those found since.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mentions {
    base: Arc<Base>,
    /// Mentions found since the base.
    chunks: Chunks<Mention>,
    /// The mentions of sources searched again (or added) since the base, by source.
    by_source: FastMap<u32, Arc<[u32]>>,
    len: usize,
}

impl Mentions {
    /// The mentions of `n_sources` sources, grouped by source in text order.
    pub(crate) fn new(n_sources: usize, mentions: &[Mention]) -> Mentions {
        debug_assert!(mentions.is_sorted_by_key(|m| m.source));
        let mut source_end = vec![0u32; n_sources];
        for m in mentions {
            source_end[m.source.index()] += 1;
        }
        let mut total = 0;
        for end in &mut source_end {
            total += *end;
            *end = total;
        }
        let stored = mentions
            .iter()
            .map(|m| Stored {
                entity: m.entity,
                start: m.span.start,
                end: m.span.end,
                char_start: m.span.char_start,
                char_end: m.span.char_end,
            })
            .collect();
        Mentions {
            len: mentions.len(),
            base: Arc::new(Base {
                mentions: stored,
                source_end,
            }),
            chunks: Chunks::default(),
            by_source: FastMap::default(),
        }
    }

    /// How many mentions, including those of sources searched again (no longer listed).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Mention `i`. O(log sources) for a base mention, O(log writes) for a later one.
    pub(crate) fn get(&self, i: usize) -> Mention {
        if i < self.base.mentions.len() {
            return self.base.mention(i, self.base.source_of(i));
        }
        *self
            .chunks
            .get(i)
            .expect("mention numbers come from this table")
    }

    /// The numbers of the mentions in `source`, in text order.
    pub(crate) fn numbers_in(&self, source: SourceId) -> Numbers<'_> {
        if !self.by_source.is_empty()
            && let Some(list) = self.by_source.get(&source.0)
        {
            return Numbers::Listed(list.iter());
        }
        Numbers::Range(self.base.range(source.0))
    }

    /// The mentions in `source`, in text order.
    pub(crate) fn of_source(
        &self,
        source: SourceId,
    ) -> impl ExactSizeIterator<Item = Mention> + '_ {
        let listed = !self.by_source.is_empty() && self.by_source.contains_key(&source.0);
        self.numbers_in(source).map(move |i| {
            if listed {
                self.get(i)
            } else {
                self.base.mention(i, source)
            }
        })
    }

    /// Gives `source` the mentions `found` (in text order), numbered from [`len`](Self::len),
    /// in place of what it had.
    pub(crate) fn replace_source(&mut self, source: SourceId, found: Vec<Mention>) {
        let start = self.len;
        self.len += found.len();
        let numbers: Arc<[u32]> = (start as u32..self.len as u32).collect();
        self.chunks.push(start, found);
        self.by_source.insert(source.0, numbers);
    }

    /// The sources given new mentions since the base, with their mention numbers.
    pub(crate) fn replaced(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        self.by_source.iter().map(|(&s, list)| (s, &**list))
    }

    /// Mentions in the base.
    pub(crate) fn base_len(&self) -> usize {
        self.base.mentions.len()
    }

    /// The base alone, as ranges per source: the most mentions one source has.
    pub(crate) fn base_most_in_one_source(&self) -> usize {
        (0..self.base.source_end.len() as u32)
            .map(|s| self.base.range(s).len())
            .max()
            .unwrap_or(0)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.base.mentions.capacity() * size_of::<Stored>()
            + self.base.source_end.capacity() * 4
            + self.chunks.iter().count() * size_of::<Mention>()
            + self
                .by_source
                .values()
                .map(|l| l.len() * 4 + 32)
                .sum::<usize>()
    }
}

/// Mention numbers: a range of the base, or a list.
pub(crate) enum Numbers<'a> {
    Range(std::ops::Range<usize>),
    Listed(std::slice::Iter<'a, u32>),
}

impl Iterator for Numbers<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Numbers::Range(r) => r.next(),
            Numbers::Listed(l) => l.next().map(|&i| i as usize),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Numbers::Range(r) => r.size_hint(),
            Numbers::Listed(l) => l.size_hint(),
        }
    }
}

impl ExactSizeIterator for Numbers<'_> {}
