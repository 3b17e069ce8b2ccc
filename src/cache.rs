//! What the document cache (`schema`) and the response cache (`server`) share: a concurrent
//! cache bounded by weight (quick_cache: scan-resistant CLOCK-Pro, no background thread) that
//! counts its own hits and misses, so that `/metrics` reads each cache's figures without any
//! layer calling another.

use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};

use quick_cache::sync::Cache;
use quick_cache::{Equivalent, Weighter};

/// What a cache has done since the server started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Lookups that found an entry.
    pub hits: u64,
    /// Lookups that found none.
    pub misses: u64,
    /// Bytes held now, as the cache's weigher counts them.
    pub bytes: u64,
    /// Entries held now.
    pub entries: u64,
}

/// A cache of at most a weight, or none at all (every lookup then misses, uncounted).
pub(crate) struct Counted<K, V, W> {
    entries: Option<Cache<K, V, W>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl<K: Eq + Hash, V: Clone, W: Weighter<K, V> + Clone> Counted<K, V, W> {
    /// A cache of at most `max_bytes` as `weigher` counts them, expecting entries of about
    /// `typical` bytes; 0 turns it off.
    pub(crate) fn new(max_bytes: usize, typical: usize, weigher: W) -> Self {
        let entries = (max_bytes > 0).then(|| {
            let estimated_items = (max_bytes / typical.max(1)).max(16);
            Cache::with_weighter(estimated_items, max_bytes as u64, weigher)
        });
        Counted {
            entries,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// True when the cache is on.
    pub(crate) fn enabled(&self) -> bool {
        self.entries.is_some()
    }

    /// The entry for `key`, counting a hit or a miss.
    pub(crate) fn get<Q: Hash + Equivalent<K> + ?Sized>(&self, key: &Q) -> Option<V> {
        let found = self.entries.as_ref()?.get(key);
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    pub(crate) fn insert(&self, key: K, value: V) {
        if let Some(entries) = &self.entries {
            entries.insert(key, value);
        }
    }

    /// Hits, misses and size so far.
    pub(crate) fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            bytes: self.entries.as_ref().map_or(0, Cache::weight),
            entries: self.entries.as_ref().map_or(0, |e| e.len() as u64),
        }
    }
}
