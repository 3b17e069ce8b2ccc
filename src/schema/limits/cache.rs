//! Documents already parsed and measured, by their text: clients send the same few documents
//! over and over, so a repeated one is neither scanned, parsed nor walked again.
//!
//! An entry is a document that passed the text limits and parsed. What the limits found that
//! does not depend on the request (introspection use; the cost, when the walk read no variable)
//! is kept with it, for the graph version it was measured on. What does depend on the request
//! is checked again each time: the variables' values, and the cost of a document whose page
//! sizes come from variables (its walk is repeated, since a cached verdict could be walked
//! around by replaying the document with larger pages).

use std::sync::Arc;

use async_graphql::parser::types::ExecutableDocument;
use quick_cache::Weighter;

use crate::cache::{CacheStats, Counted};
use std::sync::Mutex;

/// Bytes of parsed document per byte of query text: an estimate of an entry's size, not a
/// measurement (each node of the parser's tree carries positions, a name and vectors, tens of
/// bytes for a few bytes of text).
const AST_BYTES_PER_BYTE: u64 = 12;
/// Bytes of an entry beyond its text and document (key, slot, counters).
const ENTRY_OVERHEAD: u64 = 256;

/// A document that passed the text limits and parsed, with what was found out about it.
pub(crate) struct Prepared {
    pub(crate) document: ExecutableDocument,
    pub(crate) uses_introspection: bool,
    /// The cost, and the id of the [`super::TypeInfo`] it was measured with, when the walk read
    /// no variable (so any request with this text costs the same on that graph version).
    fixed_cost: Mutex<Option<(u64, usize)>>,
    /// What async-graphql's validation found, once it has passed (the schema does not change
    /// while the server runs, so only the variables' values can change the verdict).
    validated: std::sync::OnceLock<async_graphql::ValidationResult>,
}

impl Prepared {
    pub(crate) fn new(document: ExecutableDocument, uses_introspection: bool) -> Prepared {
        Prepared {
            document,
            uses_introspection,
            fixed_cost: Mutex::new(None),
            validated: std::sync::OnceLock::new(),
        }
    }

    /// The cost measured for the types `types_id`, if it holds for every request.
    pub(crate) fn fixed_cost(&self, types_id: u64) -> Option<usize> {
        self.fixed_cost
            .lock()
            .ok()
            .and_then(|cost| *cost)
            .filter(|&(id, _)| id == types_id)
            .map(|(_, cost)| cost)
    }

    /// The validation's result, if the document has passed it.
    pub(crate) fn validated(&self) -> Option<async_graphql::ValidationResult> {
        self.validated.get().copied()
    }

    /// Keeps a passed validation's result.
    pub(crate) fn set_validated(&self, result: async_graphql::ValidationResult) {
        let _ = self.validated.set(result);
    }

    /// Keeps a cost that holds for every request on the types `types_id`.
    pub(crate) fn set_fixed_cost(&self, types_id: u64, cost: usize) {
        if let Ok(mut fixed) = self.fixed_cost.lock() {
            *fixed = Some((types_id, cost));
        }
    }
}

#[derive(Clone)]
struct ByText;

impl Weighter<Arc<str>, Arc<Prepared>> for ByText {
    fn weight(&self, text: &Arc<str>, _: &Arc<Prepared>) -> u64 {
        (text.len() as u64).saturating_mul(AST_BYTES_PER_BYTE + 1) + ENTRY_OVERHEAD
    }
}

/// The cache, bounded by the estimated bytes of its entries.
pub struct DocumentCache(Counted<Arc<str>, Arc<Prepared>, ByText>);

impl DocumentCache {
    /// A cache of at most `max_bytes` (0 turns it off: every request is parsed).
    pub fn new(max_bytes: usize) -> DocumentCache {
        DocumentCache(Counted::new(max_bytes, 4096, ByText))
    }

    /// The entry for this text, counting a hit or a miss.
    pub(crate) fn get(&self, text: &str) -> Option<Arc<Prepared>> {
        self.0.get(text)
    }

    pub(crate) fn insert(&self, text: &str, prepared: Arc<Prepared>) {
        self.0.insert(Arc::from(text), prepared);
    }

    /// Hits, misses and size so far.
    pub fn stats(&self) -> CacheStats {
        self.0.stats()
    }
}
