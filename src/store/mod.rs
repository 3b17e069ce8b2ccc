//! The durable store: the system of record of a server started with `--db`, with the in-memory
//! graph as its query index.
//!
//! A store holds a dataset as its records: one row per line of the dataset files (exactly the
//! JSON of `seed/README.md`'s format), the source texts, and a log of the writes that changed
//! it. Loading a store hands those files to the same loader as a dataset directory, so a store
//! can never hold what a file could not; exporting writes them back out.
//!
//! [`Store`] is the seam for other back ends (a PostgreSQL one for several server instances;
//! ARCHITECTURE.md, "Beyond one machine"); [`SqliteStore`] is the one this crate ships.
//! [`Live`] is the write path on top: it validates a write with the loader, commits it, and
//! publishes the new graph version.

mod live;
mod snapshots;
mod sqlite;

pub use live::{
    CHANGE_BACKLOG, Change, Compaction, Live, NewClaim, NewEntity, NewEvidence, NewQualifiers,
    NewQuantity, NewSource, Snapshot, WriteError, WriteErrors, Written,
};
pub use snapshots::Snapshots;
pub use sqlite::SqliteStore;

use std::collections::BTreeMap;

/// The dataset files of a store, by path relative to a dataset directory (`claims.jsonl`,
/// `sources/report.txt`): what [`crate::dataset::Location::Memory`] reads.
pub type Files = BTreeMap<String, String>;

/// One record: a line of a dataset file, with the id it declares or was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The file it is a line of (`entities.jsonl`, …).
    pub file: String,
    /// The id of what it declares (derived for claims without one).
    pub key: String,
    /// The JSON line, as a dataset file holds it.
    pub line: String,
}

/// What one write changes, committed all at once or not at all.
#[derive(Clone, Debug, Default)]
pub struct Commit<'a> {
    /// The version the store moves to (one more than its current one).
    pub version: u64,
    /// When, as an RFC 3339 UTC timestamp.
    pub at: String,
    /// The name of the write token used (never the secret), or `import`.
    pub by: &'a str,
    /// The operation (`addSource`, `addClaims`, …).
    pub operation: &'a str,
    /// A one-line account of the change, for the write log.
    pub summary: String,
    /// New records, appended in order.
    pub records: &'a [Record],
    /// New source texts, by path.
    pub texts: Vec<(&'a str, &'a str)>,
    /// Records rewritten in place (a retraction marks its claim): `(file, key, new line)`.
    pub rewrites: &'a [(String, String, String)],
}

/// Why a store could not do what was asked.
#[derive(Debug)]
pub enum StoreError {
    /// The disk (or the file system's quota) is full: nothing was written.
    Full(String),
    /// Any other failure of the back end, with its message.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full(m) => write!(f, "the store's disk is full: {m}"),
            StoreError::Failed(m) => write!(f, "the store failed: {m}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A durable, transactional home for a dataset's records.
pub trait Store: Send {
    /// The version of the last committed write (0 for an empty store).
    fn version(&self) -> u64;
    /// An id of this store's data, the same across opens and distinct between stores (it
    /// names the store in a graph snapshot).
    fn id(&self) -> &str;
    /// Every record, in commit order, and every source text.
    fn read(&mut self) -> Result<(Vec<Record>, Files), StoreError>;
    /// The stored line of the record `key` of `file`, if there is one.
    fn line(&self, file: &str, key: &str) -> Result<Option<String>, StoreError>;
    /// The stored source text at `path`, if there is one.
    fn text(&self, path: &str) -> Result<Option<String>, StoreError>;
    /// Applies a write atomically and durably: when this returns `Ok`, the write survives a
    /// crash or a power cut; when it returns `Err`, nothing of it was written.
    fn commit(&mut self, commit: &Commit<'_>) -> Result<(), StoreError>;
}
