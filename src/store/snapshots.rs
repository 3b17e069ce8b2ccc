//! The graph snapshot file of a store: the built graph at one store version, so that a restart
//! reads it instead of parsing every record and searching every source for every name again.
//!
//! The snapshot is a cache, never the record: it is used only when it names this store (its
//! id) at its current version and passes its checksum; otherwise the graph is built from the
//! store as before and a new snapshot written. It is written (to a temporary file, fsync'd,
//! then renamed over the old one, so a crash leaves the old file or the new one) after a start
//! that had to build the graph, after each compaction, and at a clean shutdown when the
//! graph changed since the last one.
//!
//! A read-only server of a dataset directory (`serve --data DIR --snapshot FILE`) uses the same
//! file with the directory's fingerprint (`dataset::fingerprint`: each file's path, size and
//! modification time) as its id and version 0: a changed file means a new load.
//!
//! What a snapshot cannot see: a store changed behind the server's back (rows edited with the
//! `sqlite3` shell) without a write, or a dataset file rewritten with the same size and time.
//! Delete the snapshot after such an edit.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use crate::graph::KnowledgeGraph;
use crate::graph::snapshot::{Label, SnapshotError};

/// Where a store's (or a dataset directory's) snapshot lives, and which version it holds now.
#[derive(Debug)]
pub struct Snapshots {
    path: PathBuf,
    /// The store's id, or the directory's fingerprint (what the snapshot's label must name).
    data: String,
    /// The version the file holds, when known; the lock also keeps two writers apart.
    saved: Mutex<Option<u64>>,
}

impl Snapshots {
    /// The snapshot at `path` of the store (or the dataset) `data` names.
    pub fn new(path: PathBuf, data: String) -> Snapshots {
        Snapshots {
            path,
            data,
            saved: Mutex::new(None),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The graph of the snapshot, if it holds this store at `version`; says in the log why
    /// not otherwise (missing, stale, another build, damaged).
    pub fn load(
        &self,
        version: u64,
        progress: &mut dyn FnMut(&'static str, u64, u64),
    ) -> Option<KnowledgeGraph> {
        let started = Instant::now();
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                tracing::warn!(snapshot = %self.path.display(), "cannot read the snapshot ({e}); building the graph again");
                return None;
            }
        };
        let why_not = match KnowledgeGraph::snapshot_header(&bytes) {
            Err(e) => e.to_string(),
            Ok(h) if h.label.data != self.data => format!(
                "it was written from other data ({}, this is {})",
                h.label.data, self.data
            ),
            Ok(h) if h.label.version != version => format!(
                "it holds version {}, the data is at version {version}",
                h.label.version
            ),
            Ok(_) => match KnowledgeGraph::read_snapshot(&bytes, progress) {
                Ok((_, graph)) => {
                    *self.saved.lock().unwrap_or_else(|p| p.into_inner()) = Some(version);
                    tracing::info!(
                        snapshot = %self.path.display(),
                        bytes = bytes.len(),
                        millis = started.elapsed().as_millis() as u64,
                        "graph read from the snapshot"
                    );
                    return Some(graph);
                }
                Err(e) => e.to_string(),
            },
        };
        tracing::info!(snapshot = %self.path.display(), "not using the snapshot: {why_not}; building the graph again");
        None
    }

    /// Writes `graph` (the store at `version`) as the snapshot, unless the file already holds
    /// that version or a later one.
    pub fn save(&self, graph: &KnowledgeGraph, version: u64) -> Result<(), SnapshotError> {
        let mut saved = self.saved.lock().unwrap_or_else(|p| p.into_inner());
        if saved.is_some_and(|saved| saved >= version) {
            return Ok(());
        }
        let started = Instant::now();
        let label = Label {
            data: self.data.clone(),
            version,
        };
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let written = (|| {
            let file = File::create(&tmp).map_err(SnapshotError::Io)?;
            let mut out = BufWriter::with_capacity(1 << 20, file);
            graph.write_snapshot(&label, &mut out)?;
            let file = out
                .into_inner()
                .map_err(|e| SnapshotError::Io(e.into_error()))?;
            file.sync_all().map_err(SnapshotError::Io)?;
            std::fs::rename(&tmp, &self.path).map_err(SnapshotError::Io)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        *saved = Some(version);
        tracing::info!(
            snapshot = %self.path.display(),
            version,
            millis = started.elapsed().as_millis() as u64,
            "snapshot written"
        );
        Ok(())
    }

    /// [`save`](Self::save), logging a failure instead of returning it: the snapshot only
    /// speeds a restart up, and the store (or the dataset) keeps every fact whatever happens to it.
    pub fn save_or_warn(&self, graph: &KnowledgeGraph, version: u64) {
        if let Err(e) = self.save(graph, version) {
            tracing::warn!(snapshot = %self.path.display(), "{e}; the next start builds the graph again");
        }
    }
}
