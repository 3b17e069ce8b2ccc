//! Compact storage built once after loading: a compressed-sparse-row (CSR) adjacency of the
//! relation claims in both directions, a table of stable ids that stores no strings of its own,
//! and a fast non-cryptographic hasher for the graph's own tables.
//!
//! The adjacency keeps each entity's edges in one contiguous run, so a traversal reads memory
//! sequentially; each edge is 8 bytes (the entity reached, and the claim with its predicate
//! packed into the high bits), so the predicate filter needs no look-up in the claims.

use std::hash::{BuildHasherDefault, Hasher};

use super::model::Predicate;

/// Bits of a packed edge word that hold the claim index; the predicate sits in the 7 above
/// them (see [`MAX_PREDICATES`](super::MAX_PREDICATES)).
const CLAIM_BITS: u32 = 25;
const CLAIM_MASK: u32 = (1 << CLAIM_BITS) - 1;

/// Most relation claims a graph can hold (2^25 - 1, about 33.5 million).
pub const MAX_CLAIMS: usize = CLAIM_MASK as usize;

/// One edge of the adjacency: the entity at the other end and the claim, predicate packed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Edge {
    /// The entity this edge leads to.
    pub to: u32,
    packed: u32,
}

impl Edge {
    pub(crate) fn new(to: u32, claim: u32, predicate: Predicate) -> Edge {
        Edge {
            to,
            packed: claim | (u32::from(predicate.0) << CLAIM_BITS),
        }
    }

    /// The claim's index.
    #[inline]
    pub fn claim(self) -> u32 {
        self.packed & CLAIM_MASK
    }

    /// The claim's predicate.
    #[inline]
    pub fn predicate(self) -> Predicate {
        Predicate((self.packed >> CLAIM_BITS) as u8)
    }
}

/// Edges grouped by node: the edges of node `u` are `edges[offsets[u]..offsets[u + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr {
    offsets: Vec<u32>,
    edges: Vec<Edge>,
}

impl Csr {
    /// The edges at `node` (empty for a node out of range).
    #[inline]
    pub fn edges(&self, node: u32) -> &[Edge] {
        let n = node as usize;
        match (self.offsets.get(n), self.offsets.get(n + 1)) {
            (Some(&a), Some(&b)) => &self.edges[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.offsets.capacity() * 4 + self.edges.capacity() * std::mem::size_of::<Edge>()
    }
}

/// Both directions of the relation claims.
///
/// Edge order reproduces the order the graph has always used (so that "the first shortest path
/// in edge order" does not change): outgoing edges of a node by claim index, highest first;
/// incoming edges by subject, highest first, then by claim index, highest first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Adjacency {
    pub out: Csr,
    pub inc: Csr,
}

impl Adjacency {
    /// Builds both directions in O(V + E) with two counting sorts, from `(subject, object,
    /// claim, predicate)` links in ascending claim order.
    pub fn new(
        n_entities: usize,
        links: impl Iterator<Item = (u32, u32, u32, Predicate)> + Clone,
    ) -> Adjacency {
        let mut out_offsets = vec![0u32; n_entities + 1];
        let mut in_offsets = vec![0u32; n_entities + 1];
        let mut n_links = 0;
        for (subject, object, _, _) in links.clone() {
            out_offsets[subject as usize + 1] += 1;
            in_offsets[object as usize + 1] += 1;
            n_links += 1;
        }
        assert!(
            n_links <= MAX_CLAIMS,
            "a graph holds at most {MAX_CLAIMS} relation claims"
        );
        for i in 0..n_entities {
            out_offsets[i + 1] += out_offsets[i];
            in_offsets[i + 1] += in_offsets[i];
        }
        let mut out_edges = vec![Edge::default(); n_links];
        // Each node's run is filled from its end, so that higher claims come first.
        let mut fill = out_offsets[1..].to_vec();
        for (subject, object, claim, predicate) in links {
            let slot = &mut fill[subject as usize];
            *slot -= 1;
            out_edges[*slot as usize] = Edge::new(object, claim, predicate);
        }
        let mut in_edges = vec![Edge::default(); n_links];
        let mut fill = in_offsets.clone();
        for subject in (0..n_entities).rev() {
            let (a, b) = (out_offsets[subject], out_offsets[subject + 1]);
            for e in &out_edges[a as usize..b as usize] {
                let slot = &mut fill[e.to as usize];
                in_edges[*slot as usize] = Edge {
                    to: subject as u32,
                    packed: e.packed,
                };
                *slot += 1;
            }
        }
        Adjacency {
            out: Csr {
                offsets: out_offsets,
                edges: out_edges,
            },
            inc: Csr {
                offsets: in_offsets,
                edges: in_edges,
            },
        }
    }
}

/// FxHash (as in rustc): one multiply per word, fine for trusted integer and id keys.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The hash of an id string (FxHash, then a final mix so that the high bits are usable).
fn hash_key(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    let mut z = h.finish();
    z = (z ^ (z >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    z ^ (z >> 33)
}

/// An open-addressing table from id strings to tagged indexes that stores no strings: a slot
/// holds a tag (2 bits) and an index (30 bits), and a probe compares the query with the key the
/// graph already stores for that item. About 1.5 slots of 4 bytes per id.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyTable {
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;
const INDEX_BITS: u32 = 30;

/// Most items of one kind the table can name.
const MAX_INDEX: usize = (1 << INDEX_BITS) - 2;

impl KeyTable {
    /// A table for `n` ids, filled with `insert`.
    pub fn with_capacity(n: usize) -> KeyTable {
        KeyTable {
            slots: vec![EMPTY; (n + n / 2).max(4)],
        }
    }

    #[inline]
    fn home(&self, hash: u64) -> usize {
        ((hash as u128 * self.slots.len() as u128) >> 64) as usize
    }

    /// Files `(tag, index)` under `key`; `key_of` gives the key of an already-filed item. The
    /// first item filed under a key wins (ids are unique in a validated dataset).
    pub fn insert<'a>(
        &mut self,
        key: &str,
        tag: u32,
        index: usize,
        key_of: impl Fn(u32, usize) -> &'a str,
    ) {
        assert!(index <= MAX_INDEX, "too many items for the id table");
        let mut at = self.home(hash_key(key));
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                self.slots[at] = (tag << INDEX_BITS) | index as u32;
                return;
            }
            if key_of(
                slot >> INDEX_BITS,
                (slot & ((1 << INDEX_BITS) - 1)) as usize,
            ) == key
            {
                return;
            }
            at = if at + 1 == self.slots.len() {
                0
            } else {
                at + 1
            };
        }
    }

    /// The `(tag, index)` filed under `key`.
    pub fn get<'a>(
        &self,
        key: &str,
        key_of: impl Fn(u32, usize) -> &'a str,
    ) -> Option<(u32, usize)> {
        let mut at = self.home(hash_key(key));
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return None;
            }
            let (tag, index) = (
                slot >> INDEX_BITS,
                (slot & ((1 << INDEX_BITS) - 1)) as usize,
            );
            if key_of(tag, index) == key {
                return Some((tag, index));
            }
            at = if at + 1 == self.slots.len() {
                0
            } else {
                at + 1
            };
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_table_finds_every_key_and_nothing_else() {
        let keys: Vec<String> = (0..5000).map(|i| format!("key-{i}")).collect();
        let mut table = KeyTable::with_capacity(keys.len());
        for (i, _) in keys.iter().enumerate() {
            table.insert(&keys[i], (i % 4) as u32, i, |_, j| keys[j].as_str());
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(
                table.get(k, |_, j| keys[j].as_str()),
                Some(((i % 4) as u32, i))
            );
        }
        assert_eq!(table.get("key-5000", |_, j| keys[j].as_str()), None);
        assert_eq!(table.get("", |_, j| keys[j].as_str()), None);
    }

    #[test]
    fn edges_pack_claims_and_predicates() {
        let e = Edge::new(7, 123_456, Predicate(127));
        assert_eq!(
            (e.to, e.claim(), e.predicate()),
            (7, 123_456, Predicate(127))
        );
        let e = Edge::new(0, MAX_CLAIMS as u32 - 1, Predicate(0));
        assert_eq!(e.claim(), MAX_CLAIMS as u32 - 1);
        assert_eq!(e.predicate(), Predicate(0));
    }
}
