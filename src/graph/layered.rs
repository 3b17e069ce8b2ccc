//! Storage shared between graph versions: an immutable base built in one pass, and what the
//! writes since then added beside it, so that a write costs the size of what it adds and
//! touches rather than the size of the graph (`KnowledgeGraph::extend`). A merge
//! (`KnowledgeGraph::compact`) folds the layers back into a new base.

use std::sync::Arc;

use super::csr::{Csr, Edge, FastMap};
use super::index::GroupIndex;

/// Items appended since a base, one chunk per write, each numbered on from where the list
/// stood: what [`Layered`], the claim columns and the mention table keep beside their base.
#[derive(Debug)]
pub(crate) struct Chunks<T> {
    /// Each chunk with the number of its first item.
    chunks: Vec<(usize, Arc<[T]>)>,
}

impl<T> Clone for Chunks<T> {
    fn clone(&self) -> Self {
        Chunks {
            chunks: self.chunks.clone(),
        }
    }
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks { chunks: Vec::new() }
    }
}

impl<T> Chunks<T> {
    /// Appends `items`, the first numbered `start` (nothing for no items).
    pub(crate) fn push(&mut self, start: usize, items: Vec<T>) {
        if !items.is_empty() {
            self.chunks.push((start, items.into()));
        }
    }

    /// Item number `i`, if a chunk holds it. O(log chunks).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&T> {
        let chunk = self.chunks.partition_point(|(start, _)| *start <= i);
        let (start, items) = self.chunks.get(chunk.checked_sub(1)?)?;
        items.get(i - start)
    }

    /// How many chunks (writes that added items).
    pub(crate) fn count(&self) -> usize {
        self.chunks.len()
    }

    /// Every item with its number, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &T)> + '_ {
        self.chunks
            .iter()
            .flat_map(|(start, c)| c.iter().enumerate().map(move |(k, t)| (start + k, t)))
    }
}

/// A list shared between versions: the base, then one chunk per write, with some items
/// replaced by newer versions of themselves (a claim that gained a quote or was retracted).
#[derive(Debug)]
pub struct Layered<T> {
    base: Arc<Vec<T>>,
    /// Items added since the base.
    chunks: Chunks<T>,
    replaced: FastMap<u32, Arc<T>>,
    len: usize,
}

impl<T> Clone for Layered<T> {
    fn clone(&self) -> Self {
        Layered {
            base: self.base.clone(),
            chunks: self.chunks.clone(),
            replaced: self.replaced.clone(),
            len: self.len,
        }
    }
}

impl<T> Default for Layered<T> {
    fn default() -> Self {
        Layered::new(Vec::new())
    }
}

impl<T> Layered<T> {
    /// A list of `base` alone.
    pub(crate) fn new(base: Vec<T>) -> Self {
        Layered {
            len: base.len(),
            base: Arc::new(base),
            chunks: Chunks::default(),
            replaced: FastMap::default(),
        }
    }

    /// How many items.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The item at `i`, if any.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&T> {
        if !self.replaced.is_empty()
            && let Some(item) = self.replaced.get(&(i as u32))
        {
            return Some(item);
        }
        if i < self.base.len() {
            return Some(&self.base[i]);
        }
        self.chunks.get(i)
    }

    /// Every item, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &T> + '_ {
        let items = self.base.iter().chain(self.chunks.iter().map(|(_, t)| t));
        Items {
            items,
            at: 0,
            len: self.len,
            replaced: &self.replaced,
        }
    }

    /// Items in the base; the rest were added since it was built.
    pub(crate) fn base_len(&self) -> usize {
        self.base.len()
    }

    /// The base alone.
    pub(crate) fn base(&self) -> &[T] {
        &self.base
    }

    /// Items added since the base, with their indexes.
    pub(crate) fn added(&self) -> impl Iterator<Item = (usize, &T)> + '_ {
        self.chunks.iter()
    }

    /// Items replaced since the base, by index.
    pub(crate) fn replaced(&self) -> impl Iterator<Item = (u32, &T)> + '_ {
        self.replaced.iter().map(|(&i, t)| (i, &**t))
    }

    /// Writes since the base.
    pub(crate) fn chunks(&self) -> usize {
        self.chunks.count()
    }

    /// Appends `items`, numbered from [`len`](Self::len).
    pub(crate) fn push(&mut self, items: Vec<T>) {
        if items.is_empty() {
            return;
        }
        let start = self.len;
        self.len += items.len();
        self.chunks.push(start, items);
    }

    /// Replaces the item at `i` (which must exist).
    pub(crate) fn replace(&mut self, i: usize, item: T) {
        debug_assert!(i < self.len);
        self.replaced.insert(i as u32, Arc::new(item));
    }
}

struct Items<'a, T, I> {
    items: I,
    at: u32,
    len: usize,
    replaced: &'a FastMap<u32, Arc<T>>,
}

impl<'a, T, I: Iterator<Item = &'a T>> Iterator for Items<'a, T, I> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let item = self.items.next()?;
        let i = self.at;
        self.at += 1;
        if !self.replaced.is_empty()
            && let Some(newer) = self.replaced.get(&i)
        {
            return Some(newer);
        }
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.at as usize;
        (left, Some(left))
    }
}

impl<'a, T, I: Iterator<Item = &'a T>> ExactSizeIterator for Items<'a, T, I> {}

impl<T> std::ops::Index<usize> for Layered<T> {
    type Output = T;

    #[inline]
    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(item) => item,
            None => panic!("index {i} out of range for a list of {}", self.len),
        }
    }
}

impl<'a, T> IntoIterator for &'a Layered<T> {
    type Item = &'a T;
    type IntoIter = Box<dyn ExactSizeIterator<Item = &'a T> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<T: PartialEq> PartialEq for Layered<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// Storage that hands out one run of items per key: the base of a [`LayeredRuns`].
pub(crate) trait Runs: std::fmt::Debug + Default {
    /// What a run holds.
    type Item: std::fmt::Debug;
    /// The run of `key` (empty for an unknown key).
    fn run(&self, key: u32) -> &[Self::Item];
    /// Heap bytes held.
    fn heap_bytes(&self) -> usize;
}

impl Runs for GroupIndex {
    type Item = u32;
    fn run(&self, key: u32) -> &[u32] {
        self.get(key)
    }
    fn heap_bytes(&self) -> usize {
        GroupIndex::heap_bytes(self)
    }
}

impl Runs for Csr {
    type Item = Edge;
    fn run(&self, key: u32) -> &[Edge] {
        self.edges(key)
    }
    fn heap_bytes(&self) -> usize {
        Csr::heap_bytes(self)
    }
}

/// Runs by key (groups of a [`GroupIndex`], edges of a [`Csr`]) with some runs replaced whole
/// since the base.
#[derive(Debug, Default)]
pub(crate) struct LayeredRuns<B: Runs> {
    base: Arc<B>,
    replaced: FastMap<u32, Arc<[B::Item]>>,
}

/// One-to-many groups, layered.
pub(crate) type LayeredGroups = LayeredRuns<GroupIndex>;
/// A CSR adjacency, layered.
pub(crate) type LayeredCsr = LayeredRuns<Csr>;

impl<B: Runs> Clone for LayeredRuns<B> {
    fn clone(&self) -> Self {
        LayeredRuns {
            base: self.base.clone(),
            replaced: self.replaced.clone(),
        }
    }
}

impl<B: Runs> LayeredRuns<B> {
    pub(crate) fn new(base: B) -> Self {
        LayeredRuns {
            base: Arc::new(base),
            replaced: FastMap::default(),
        }
    }

    /// The run of `key` (empty for an unknown key).
    #[inline]
    pub(crate) fn get(&self, key: u32) -> &[B::Item] {
        if !self.replaced.is_empty()
            && let Some(items) = self.replaced.get(&key)
        {
            return items;
        }
        self.base.run(key)
    }

    /// Gives `key` the run `items`, in place of what was there.
    pub(crate) fn set(&mut self, key: u32, items: Vec<B::Item>) {
        self.replaced.insert(key, items.into());
    }

    pub(crate) fn base(&self) -> &B {
        &self.base
    }

    /// The runs replaced since the base.
    pub(crate) fn replaced(&self) -> impl Iterator<Item = (u32, &[B::Item])> + '_ {
        self.replaced.iter().map(|(&k, v)| (k, &**v))
    }

    /// True when no run was replaced.
    pub(crate) fn is_base(&self) -> bool {
        self.replaced.is_empty()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.base.heap_bytes()
            + self
                .replaced
                .values()
                .map(|v| std::mem::size_of_val(&**v) + 16)
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::Layered;

    #[test]
    fn a_layered_list_reads_like_one_vector() {
        let mut list = Layered::new(vec![0, 1, 2]);
        list.push(vec![3, 4]);
        list.push(Vec::new());
        list.push(vec![5]);
        list.replace(1, 10);
        list.replace(4, 40);
        let all: Vec<i32> = list.iter().copied().collect();
        assert_eq!(all, [0, 10, 2, 3, 40, 5]);
        assert_eq!(list.len(), 6);
        assert_eq!(list.iter().len(), 6);
        assert_eq!((0..6).map(|i| list[i]).collect::<Vec<_>>(), all);
        assert_eq!(list.get(6), None);
        assert_eq!(list.base_len(), 3);
        assert_eq!(list.chunks(), 2);
        let added: Vec<(usize, i32)> = list.added().map(|(i, &t)| (i, t)).collect();
        assert_eq!(added, [(3, 3), (4, 4), (5, 5)]);
    }
}
