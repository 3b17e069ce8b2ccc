//! A compact one-to-many index: for each key in `0..n`, the items filed under it, stored as
//! one offsets array and one items array (no per-key allocation).

/// Items grouped by a dense key, in insertion order within each group.
#[derive(Clone, Debug, Default)]
pub(crate) struct GroupIndex {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl GroupIndex {
    /// Groups `(key, item)` pairs; every key must be below `n_keys`.
    pub(crate) fn new(n_keys: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut offsets = vec![0u32; n_keys + 1];
        for (key, _) in pairs.clone() {
            offsets[key as usize + 1] += 1;
        }
        for i in 0..n_keys {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; offsets[n_keys] as usize];
        for (key, item) in pairs {
            let slot = &mut fill[key as usize];
            items[*slot as usize] = item;
            *slot += 1;
        }
        GroupIndex { offsets, items }
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.offsets.capacity() + self.items.capacity()) * 4
    }

    /// The items filed under `key` (empty for an unknown key).
    pub(crate) fn get(&self, key: u32) -> &[u32] {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GroupIndex;

    #[test]
    fn groups_keep_insertion_order() {
        let pairs = [(2, 10), (0, 11), (2, 12), (1, 13)];
        let index = GroupIndex::new(4, pairs.iter().copied());
        assert_eq!(index.get(0), &[11]);
        assert_eq!(index.get(1), &[13]);
        assert_eq!(index.get(2), &[10, 12]);
        assert!(index.get(3).is_empty());
        assert!(index.get(99).is_empty());
    }
}
