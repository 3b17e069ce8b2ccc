//! A built graph as bytes: what a restart reads instead of parsing JSON and searching every
//! source for every name again.
//!
//! A snapshot holds what [`KnowledgeGraph::compact`] builds a base from (the vocabulary, the
//! entities, sources and quantity claims, the relation claims' columns and the mentions
//! found); reading one builds the indexes again from those, which takes a fraction of a load.
//!
//! Layout: `MAGIC`, a little-endian `u32` header length, the header (postcard), the body
//! (postcard), then a little-endian CRC-32 of everything before it. The header names the
//! format and the build that wrote it and carries a caller's label (the store's id and
//! version), so a stale or foreign snapshot is refused before its body is read. Readers
//! check the checksum first: a torn or damaged file is refused, never half-read.
//!
//! Bump [`FORMAT`] whenever a type written here changes shape (a field added, removed or
//! reordered in `model.rs`, `vocabulary.rs` or the claim columns): postcard does not
//! describe its own fields, so an old file would otherwise be read wrongly rather than
//! refused. The package version is checked too, as a second guard.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::claims::{Claims, Columns};
use super::{Entity, GraphParts, KnowledgeGraph, Layers, ListBounds, Mention, PredicateDef};
use super::{Quantity, Source};
use super::{SourceId, Vocabulary};

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"OKGSNAP\n";

/// The layout version this build reads and writes.
pub const FORMAT: u32 = 2;

/// What a snapshot says about itself, readable without its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The layout version ([`FORMAT`] when this build wrote it).
    pub format: u32,
    /// The package version of the build that wrote it.
    pub build: String,
    /// The caller's label: which data the graph is, and at which version.
    pub label: Label,
}

/// Which data a snapshot's graph is: the caller's own identity and version (for the store,
/// its random id and its last write).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Identifies the data (a store's id).
    pub data: String,
    /// The data's version the graph was built at.
    pub version: u64,
}

/// Why a snapshot cannot be used.
#[derive(Debug)]
pub enum SnapshotError {
    /// Not a snapshot, cut short, or damaged (bad magic, bad checksum, undecodable).
    Damaged(String),
    /// Written by another layout version or build.
    OtherBuild {
        /// What the file says.
        format: u32,
        /// The build that wrote it.
        build: String,
    },
    /// Writing it failed.
    Io(io::Error),
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::Damaged(why) => write!(f, "the snapshot is damaged: {why}"),
            SnapshotError::OtherBuild { format, build } => write!(
                f,
                "the snapshot was written by olympia-kg {build} (format {format}); this is {} (format {FORMAT})",
                env!("CARGO_PKG_VERSION")
            ),
            SnapshotError::Io(e) => write!(f, "cannot write the snapshot: {e}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The body, borrowed from a graph to write it.
#[derive(Serialize)]
struct BodyRef<'a> {
    vocabulary: &'a [PredicateDef],
    entities: Vec<&'a Entity>,
    sources: Vec<&'a Source>,
    quantities: Vec<&'a Quantity>,
    claims: &'a Columns,
    mentions: Vec<Mention>,
    /// The base's list bounds when the graph has no layers (then they are exact, and computing
    /// them again costs seconds at a million entities); `None` otherwise.
    bounds: Option<ListBounds>,
}

/// The body, read back.
#[derive(Deserialize)]
struct Body {
    vocabulary: Vec<PredicateDef>,
    entities: Vec<Entity>,
    sources: Vec<Source>,
    quantities: Vec<Quantity>,
    claims: Columns,
    mentions: Vec<Mention>,
    bounds: Option<ListBounds>,
}

/// A writer that sums what passes through it.
struct Summed<W> {
    inner: W,
    crc: crc32fast::Hasher,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn damaged(why: impl std::fmt::Display) -> SnapshotError {
    SnapshotError::Damaged(why.to_string())
}

impl KnowledgeGraph {
    /// Writes this graph as a snapshot labelled `label` to `out` (buffer it: postcard writes
    /// field by field). A graph with layers is written as its compaction would be.
    /// O(graph); no copy of the graph is made when it has no layers.
    pub fn write_snapshot(&self, label: &Label, out: impl Write) -> Result<(), SnapshotError> {
        let compacted;
        let claims = match self.claims.only_base() {
            Some(columns) => columns,
            None => {
                compacted = self.claims.compacted(self);
                compacted.only_base().expect("a compaction has only a base")
            }
        };
        let body = BodyRef {
            vocabulary: self.vocabulary.predicates(),
            entities: self.entities.iter().collect(),
            sources: self.sources.iter().collect(),
            quantities: self.quantities.iter().collect(),
            claims,
            mentions: self.mentions(),
            bounds: (self.layered() == Layers::default()).then(|| self.list_bounds()),
        };
        let header = Header {
            format: FORMAT,
            build: env!("CARGO_PKG_VERSION").to_owned(),
            label: label.clone(),
        };
        let header = postcard::to_stdvec(&header).map_err(damaged)?;
        let mut out = Summed {
            inner: out,
            crc: crc32fast::Hasher::new(),
        };
        out.write_all(MAGIC).map_err(SnapshotError::Io)?;
        out.write_all(&(header.len() as u32).to_le_bytes())
            .map_err(SnapshotError::Io)?;
        out.write_all(&header).map_err(SnapshotError::Io)?;
        postcard::to_io(&body, &mut out).map_err(|e| match e {
            postcard::Error::SerializeBufferFull => {
                SnapshotError::Io(io::ErrorKind::WriteZero.into())
            }
            other => damaged(other),
        })?;
        let Summed { mut inner, crc } = out;
        inner
            .write_all(&crc.finalize().to_le_bytes())
            .map_err(SnapshotError::Io)?;
        inner.flush().map_err(SnapshotError::Io)
    }

    /// The header of the snapshot in `bytes`, checked (magic, checksum, format and build),
    /// without reading its body.
    pub fn snapshot_header(bytes: &[u8]) -> Result<Header, SnapshotError> {
        let (header, _) = split(bytes)?;
        Ok(header)
    }

    /// The graph in the snapshot `bytes`, with its header: the indexes are built again
    /// from the stored parts (no JSON is parsed and no mention searched for).
    pub fn read_snapshot(
        bytes: &[u8],
        progress: &mut dyn FnMut(&'static str, u64, u64),
    ) -> Result<(Header, KnowledgeGraph), SnapshotError> {
        let (header, body) = split(bytes)?;
        progress("read snapshot", 0, 1);
        let body: Body = postcard::from_bytes(body).map_err(damaged)?;
        progress("read snapshot", 1, 1);
        let Body {
            vocabulary,
            entities,
            sources,
            quantities,
            claims,
            mentions,
            bounds,
        } = body;
        check_body(&entities, &sources, &quantities, &claims, &mentions)?;
        let parts = GraphParts {
            vocabulary: Vocabulary::new(vocabulary),
            entities,
            sources,
            claims: Vec::new(),
            quantities,
        };
        let claims = Claims::from_columns(claims);
        let graph = KnowledgeGraph::build_with(parts, claims, mentions, progress);
        if let Some(bounds) = bounds {
            if bounds.sources != graph.sources.len() || bounds.claims != graph.claims.len() {
                return Err(damaged("its list bounds are of another graph"));
            }
            let _ = graph.base_bounds.set(bounds);
        }
        Ok((header, graph))
    }
}

/// The header and body of a snapshot, once its frame, checksum and build are checked.
fn split(bytes: &[u8]) -> Result<(Header, &[u8]), SnapshotError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| damaged("it does not start as a snapshot does"))?;
    if rest.len() < 8 {
        return Err(damaged("it is cut short"));
    }
    let (framed, sum) = bytes.split_at(bytes.len() - 4);
    let sum = u32::from_le_bytes(sum.try_into().expect("4 bytes"));
    if crc32fast::hash(framed) != sum {
        return Err(damaged(
            "its checksum does not match (a torn or altered file)",
        ));
    }
    let rest = &framed[MAGIC.len()..];
    let (len, rest) = rest.split_at(4);
    let len = u32::from_le_bytes(len.try_into().expect("4 bytes")) as usize;
    if len > rest.len() {
        return Err(damaged("its header is cut short"));
    }
    let (header, body) = rest.split_at(len);
    let header: Header = postcard::from_bytes(header).map_err(damaged)?;
    if header.format != FORMAT || header.build != env!("CARGO_PKG_VERSION") {
        return Err(SnapshotError::OtherBuild {
            format: header.format,
            build: header.build,
        });
    }
    Ok((header, body))
}

/// The invariants the graph's builder relies on (ids in range, one evidence end per claim),
/// checked once, so that a file that passed its checksum but was written wrongly is refused
/// rather than served.
fn check_body(
    entities: &[Entity],
    sources: &[Source],
    quantities: &[Quantity],
    claims: &Columns,
    mentions: &[Mention],
) -> Result<(), SnapshotError> {
    let (n_entities, n_sources) = (entities.len() as u32, sources.len() as u32);
    if !claims.is_consistent(n_entities, n_sources) {
        return Err(damaged(
            "its claims refer to entities or sources it does not hold",
        ));
    }
    if quantities.iter().any(|q| {
        q.subject.0 >= n_entities
            || q.evidence.is_empty()
            || q.evidence.iter().any(|e| e.source.0 >= n_sources)
    }) {
        return Err(damaged(
            "its quantity claims refer to entities or sources it does not hold",
        ));
    }
    let text_len = |s: SourceId| sources.get(s.index()).map(|s| s.text.len() as u32);
    if mentions
        .iter()
        .any(|m| m.entity.0 >= n_entities || text_len(m.source).is_none_or(|len| m.span.end > len))
    {
        return Err(damaged(
            "its mentions refer to entities or spans it does not hold",
        ));
    }
    if !mentions.is_sorted_by_key(|m| m.source) {
        return Err(damaged("its mentions are not grouped by source"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
