//! Reading and validating datasets: the only module that does IO on data.
//!
//! A dataset is a directory of JSON Lines files and source texts (format: `seed/README.md`).
//! Loading either yields a complete [`KnowledgeGraph`] or every problem found, each with file,
//! line, column and a hint; nothing half-loaded ever leaves this module.

pub mod authoring;
mod error;
pub mod generate;
pub mod init;
mod lint;
mod near_miss;
mod quote;
pub(crate) mod records;
mod resolve;
pub use resolve::base::{Additions, extend};
pub(crate) use resolve::{CLAIMS, ENTITIES, QUANTITIES, SOURCES, VOCABULARY};

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

pub use error::{DatasetError, DatasetErrors, ErrorCode};
pub use lint::DatasetWarning;

use crate::graph::KnowledgeGraph;

/// The seed's vocabulary file (`seed/vocabulary.jsonl`).
pub const SEED_VOCABULARY: &str = include_str!("../../seed/vocabulary.jsonl");

/// The seed dataset, embedded in the binary: every file of `seed/` the loader reads.
const SEED: &[(&str, &str)] = &[
    ("vocabulary.jsonl", SEED_VOCABULARY),
    ("sources.jsonl", include_str!("../../seed/sources.jsonl")),
    ("entities.jsonl", include_str!("../../seed/entities.jsonl")),
    ("claims.jsonl", include_str!("../../seed/claims.jsonl")),
    (
        "quantities.jsonl",
        include_str!("../../seed/quantities.jsonl"),
    ),
    (
        "sources/000_1406bd90bdd8dd8f.txt",
        include_str!("../../seed/sources/000_1406bd90bdd8dd8f.txt"),
    ),
    (
        "sources/002_2e7414b0fbc5f8c0.txt",
        include_str!("../../seed/sources/002_2e7414b0fbc5f8c0.txt"),
    ),
    (
        "sources/004_b5f895584244b7f4.txt",
        include_str!("../../seed/sources/004_b5f895584244b7f4.txt"),
    ),
];

/// The ids of the seed's sources: a graph holding all of them holds the seed (a store filled
/// from it, say), whose example queries then apply.
pub fn seed_source_ids() -> Vec<String> {
    let (_, sources) = SEED
        .iter()
        .find(|(path, _)| *path == "sources.jsonl")
        .expect("the seed has sources.jsonl");
    sources
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record["id"].as_str().map(str::to_owned))
        .collect()
}

/// A fingerprint of the dataset in `dir`: the path, size and modification time of each file
/// the loader may read (the `*.jsonl` files at the top, everything under `sources/`), summed.
/// It stays the same while none of them is added, removed, resized or touched; it names a
/// graph snapshot of a directory (so the snapshot may live in `dir` itself).
pub fn fingerprint(dir: &Path) -> std::io::Result<String> {
    let mut entries = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let top = folder == dir;
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            let meta = entry.metadata()?;
            if meta.is_dir() {
                if !top || path == dir.join("sources") {
                    pending.push(path);
                }
            } else if !top || path.extension().is_some_and(|e| e == "jsonl") {
                let modified = meta
                    .modified()?
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .into_owned();
                entries.push((name, meta.len(), modified));
            }
        }
    }
    entries.sort();
    let mut crc = crc32fast::Hasher::new();
    for (name, len, modified) in &entries {
        crc.update(format!("{name}\t{len}\t{modified}\n").as_bytes());
    }
    let bytes: u64 = entries.iter().map(|e| e.1).sum();
    Ok(format!(
        "dir:{:08x}:{}:{bytes}",
        crc.finalize(),
        entries.len()
    ))
}

/// Where a dataset's files come from.
#[derive(Clone, Debug)]
pub enum Location {
    /// The seed dataset compiled into the binary.
    Embedded,
    /// A directory on disk.
    Dir(PathBuf),
    /// Files held in memory, by relative path (for tests, fuzzing and embedding).
    Memory(std::sync::Arc<std::collections::BTreeMap<String, String>>),
}

impl Location {
    /// How to name a file of this dataset in messages.
    pub(crate) fn display(&self, file: &str) -> String {
        match self {
            Location::Embedded => format!("seed/{file} (embedded)"),
            Location::Memory(_) => file.to_owned(),
            Location::Dir(dir) => dir.join(file).display().to_string(),
        }
    }

    /// Reads a file of the dataset; `file` is relative and may not leave the dataset.
    pub(crate) fn read(&self, file: &str) -> Result<Cow<'static, str>, String> {
        let relative = inside(file)?;
        match self {
            Location::Embedded => SEED
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, text)| Cow::Borrowed(*text))
                .ok_or_else(|| "no such file in the embedded seed dataset".to_owned()),
            Location::Memory(files) => files
                .get(file)
                .map(|text| Cow::Owned(text.clone()))
                .ok_or_else(|| "no such file".to_owned()),
            Location::Dir(dir) => {
                let bytes = std::fs::read(dir.join(relative)).map_err(|e| e.to_string())?;
                String::from_utf8(bytes).map(Cow::Owned).map_err(|e| {
                    format!(
                        "not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    )
                })
            }
        }
    }
}

/// `file` as a path, if it is relative and does not leave the dataset.
pub(crate) fn inside(file: &str) -> Result<&Path, String> {
    let relative = Path::new(file);
    if relative.as_os_str().is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err("the path must be relative and stay inside the dataset directory".into());
    }
    Ok(relative)
}

/// Where loading is, for a progress bar: a stage (a file, or `graph`), a step within it, and how
/// far the step is (`done` of `total`, in the step's own unit: bytes, lines or sources).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The file being read, or `"graph"` while the graph and its indexes are built.
    pub stage: &'static str,
    /// What is being done.
    pub step: &'static str,
    /// How much of the step is done.
    pub done: u64,
    /// The step's size.
    pub total: u64,
}

/// Loads and validates the dataset at `location`.
pub fn load(location: &Location) -> Result<KnowledgeGraph, DatasetErrors> {
    load_with_progress(location, &mut |_| {})
}

/// [`load`], reporting progress (a few thousand calls at most, whatever the size).
pub fn load_with_progress(
    location: &Location,
    progress: &mut dyn FnMut(Progress),
) -> Result<KnowledgeGraph, DatasetErrors> {
    load_parts(location, progress).map(|(graph, _)| graph)
}

/// A dataset that loaded, with the warnings `check` lists about it.
#[derive(Debug)]
pub struct Loaded {
    /// The graph.
    pub graph: KnowledgeGraph,
    /// What looks like a slip but does not stop the dataset from loading, in file and line
    /// order.
    pub warnings: Vec<DatasetWarning>,
}

/// [`load_with_progress`], also listing the dataset's warnings (entities nothing mentions or
/// relates, quantities whose quotes do not write their value).
pub fn load_with_warnings(
    location: &Location,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded, DatasetErrors> {
    let (graph, lines) = load_parts(location, progress)?;
    let warnings = lint::warnings(location, &graph, &lines);
    Ok(Loaded { graph, warnings })
}

fn load_parts(
    location: &Location,
    progress: &mut dyn FnMut(Progress),
) -> Result<(KnowledgeGraph, lint::RecordLines), DatasetErrors> {
    let (parts, lines) = resolve::load(location, progress)?;
    let graph = KnowledgeGraph::with_progress(parts, &mut |step, done, total| {
        progress(Progress {
            stage: "graph",
            step,
            done,
            total,
        })
    });
    Ok((graph, lines))
}

/// Loads the embedded seed dataset.
pub fn load_embedded() -> Result<KnowledgeGraph, DatasetErrors> {
    load(&Location::Embedded)
}

/// Loads the dataset in a directory.
pub fn load_dir(dir: &Path) -> Result<KnowledgeGraph, DatasetErrors> {
    load(&Location::Dir(dir.to_path_buf()))
}
