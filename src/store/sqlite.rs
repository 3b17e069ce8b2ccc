//! The SQLite back end: one file, WAL journal, `synchronous = FULL`.
//!
//! Durability: in WAL mode with `synchronous = FULL`, SQLite fsyncs the write-ahead log at
//! every commit, so a commit that returned survives a power cut (with `NORMAL` it would survive
//! a crash of the process but could roll back on power loss). Readers of the file (the
//! `sqlite3` shell, a backup) are never blocked by the server's writes.
//!
//! Tables (inspect them with `sqlite3 FILE .schema`):
//! - `records(seq, file, key, line, version)`: one row per dataset line, in commit order;
//! - `texts(path, text, version)`: the source texts;
//! - `writes(version, at, by, operation, summary)`: who changed what, when (`by` is the write
//!   token's name, never its secret);
//! - `meta(key, value)`: the format version, and the store's random id (what names it in a
//!   graph snapshot, `snapshots.rs`).

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::{Commit, Files, Record, Store, StoreError};

/// The layout version this build reads and writes.
const FORMAT: &str = "1";

/// A store in one SQLite file.
pub struct SqliteStore {
    connection: Connection,
    version: u64,
    id: String,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

fn failed(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => StoreError::Full(e.to_string()),
        _ => StoreError::Failed(e.to_string()),
    }
}

impl SqliteStore {
    /// Opens the store in `path`, creating an empty one when the file does not exist.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let connection = Connection::open(path).map_err(failed)?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(failed)?;
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(failed)?;
        // A second server on the same file waits for the write lock rather than failing at once.
        connection
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(failed)?;
        connection
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE IF NOT EXISTS records (
                     seq INTEGER PRIMARY KEY AUTOINCREMENT,
                     file TEXT NOT NULL,
                     key TEXT NOT NULL,
                     line TEXT NOT NULL,
                     version INTEGER NOT NULL);
                 CREATE UNIQUE INDEX IF NOT EXISTS records_by_key ON records (file, key);
                 CREATE TABLE IF NOT EXISTS texts (
                     path TEXT PRIMARY KEY,
                     text TEXT NOT NULL,
                     version INTEGER NOT NULL);
                 CREATE TABLE IF NOT EXISTS writes (
                     version INTEGER PRIMARY KEY,
                     at TEXT NOT NULL,
                     by TEXT NOT NULL,
                     operation TEXT NOT NULL,
                     summary TEXT NOT NULL);",
            )
            .map_err(failed)?;
        let format: Option<String> = connection
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
                row.get(0)
            })
            .optional()
            .map_err(failed)?;
        match format.as_deref() {
            None => {
                connection
                    .execute(
                        "INSERT INTO meta (key, value) VALUES ('format', ?1)",
                        [FORMAT],
                    )
                    .map_err(failed)?;
            }
            Some(FORMAT) => {}
            Some(other) => {
                return Err(StoreError::Failed(format!(
                    "{} has store format {other}, this build reads format {FORMAT}: export it with the build that wrote it and import the files",
                    path.display()
                )));
            }
        }
        let id = store_id(&connection)?;
        let version: u64 = connection
            .query_row("SELECT COALESCE(MAX(version), 0) FROM writes", [], |row| {
                row.get::<_, i64>(0)
            })
            .map_err(failed)? as u64;
        Ok(SqliteStore {
            connection,
            version,
            id,
        })
    }

    /// Caps the file at `pages` pages (SQLite's `max_page_count`): a write that needs more is
    /// refused as if the disk were full. For tests of the full-disk path, and for operators who
    /// want a size cap.
    pub fn set_max_pages(&self, pages: u64) -> Result<(), StoreError> {
        self.connection
            .pragma_update(None, "max_page_count", pages as i64)
            .map_err(failed)
    }

    /// Pages the file holds now.
    pub fn pages(&self) -> Result<u64, StoreError> {
        self.connection
            .query_row("PRAGMA page_count", [], |row| row.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(failed)
    }
}

/// The store's id, made (at random) the first time the file is opened.
fn store_id(connection: &Connection) -> Result<String, StoreError> {
    let id: Option<String> = connection
        .query_row("SELECT value FROM meta WHERE key = 'id'", [], |row| {
            row.get(0)
        })
        .optional()
        .map_err(failed)?;
    if let Some(id) = id {
        return Ok(id);
    }
    // std's hasher keys are random per process: two of them make a 128-bit id.
    use std::hash::BuildHasher;
    let random =
        || std::collections::hash_map::RandomState::new().hash_one(std::time::SystemTime::now());
    let id = format!("{:016x}{:016x}", random(), random());
    connection
        .execute("INSERT INTO meta (key, value) VALUES ('id', ?1)", [&id])
        .map_err(failed)?;
    Ok(id)
}

impl Store for SqliteStore {
    fn version(&self) -> u64 {
        self.version
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn read(&mut self) -> Result<(Vec<Record>, Files), StoreError> {
        let mut statement = self
            .connection
            .prepare("SELECT file, key, line FROM records ORDER BY seq")
            .map_err(failed)?;
        let records = statement
            .query_map([], |row| {
                Ok(Record {
                    file: row.get(0)?,
                    key: row.get(1)?,
                    line: row.get(2)?,
                })
            })
            .map_err(failed)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed)?;
        let mut statement = self
            .connection
            .prepare("SELECT path, text FROM texts")
            .map_err(failed)?;
        let texts = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(failed)?
            .collect::<Result<Files, _>>()
            .map_err(failed)?;
        Ok((records, texts))
    }

    fn line(&self, file: &str, key: &str) -> Result<Option<String>, StoreError> {
        self.connection
            .prepare_cached("SELECT line FROM records WHERE file = ?1 AND key = ?2")
            .and_then(|mut s| s.query_row((file, key), |row| row.get(0)).optional())
            .map_err(failed)
    }

    fn text(&self, path: &str) -> Result<Option<String>, StoreError> {
        self.connection
            .prepare_cached("SELECT text FROM texts WHERE path = ?1")
            .and_then(|mut s| s.query_row([path], |row| row.get(0)).optional())
            .map_err(failed)
    }

    fn commit(&mut self, commit: &Commit<'_>) -> Result<(), StoreError> {
        let transaction = self.connection.transaction().map_err(failed)?;
        let version = commit.version as i64;
        {
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO records (file, key, line, version) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(failed)?;
            for r in commit.records {
                insert
                    .execute(params![r.file, r.key, r.line, version])
                    .map_err(failed)?;
            }
            let mut text = transaction
                .prepare_cached("INSERT INTO texts (path, text, version) VALUES (?1, ?2, ?3)")
                .map_err(failed)?;
            for &(path, body) in &commit.texts {
                text.execute(params![path, body, version]).map_err(failed)?;
            }
            let mut rewrite = transaction
                .prepare_cached("UPDATE records SET line = ?3 WHERE file = ?1 AND key = ?2")
                .map_err(failed)?;
            for (file, key, line) in commit.rewrites {
                let n = rewrite.execute(params![file, key, line]).map_err(failed)?;
                if n != 1 {
                    return Err(StoreError::Failed(format!(
                        "no record {key:?} in {file} to rewrite"
                    )));
                }
            }
        }
        transaction
            .execute(
                "INSERT INTO writes (version, at, by, operation, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![version, commit.at, commit.by, commit.operation, commit.summary],
            )
            .map_err(failed)?;
        transaction.commit().map_err(failed)?;
        self.version = commit.version;
        Ok(())
    }
}
