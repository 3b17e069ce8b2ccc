//! The write path: validate a write with the dataset loader, commit it to the store, publish the
//! new graph version.
//!
//! Writes are serialised (one writer at a time); readers never wait for them. A reader takes
//! the current [`Snapshot`] (an atomic pointer load) and runs its whole query on that version;
//! a write builds the next version beside it and swaps the pointer only after the store has
//! committed, so no reader ever sees half a write, and a write that fails leaves no trace.
//!
//! Validation is the loader's own: `dataset::extend` runs the loader's checks on the write's
//! lines against the current graph, so a write is refused exactly when the same lines appended
//! to the dataset's files would be, at the cost of the lines and not of the dataset. The new
//! version is the current graph extended by them (`KnowledgeGraph::extend`: a layer beside a
//! shared base); once the layers grow past [`Compaction`], a background thread folds them into
//! a new base and replays the writes committed meanwhile.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use arc_swap::ArcSwap;
use tokio::sync::broadcast;

use super::{Commit, Files, Record, Snapshots, Store, StoreError};
use crate::codes::ErrorCode;
use crate::dataset::records::{
    ClaimRecord, EntityRecord, EvidenceRecord, QualifiersRecord, QuantityRecord, RetractionRecord,
    SourceRecord,
};
use crate::dataset::{
    self, CLAIMS, DatasetErrors, ENTITIES, Location, QUANTITIES, SOURCES, VOCABULARY,
};
use crate::graph::{self, EntityKind, Item, KnowledgeGraph, Qualifiers};

/// The dataset files, in load order.
const FILES: [&str; 5] = [VOCABULARY, SOURCES, ENTITIES, CLAIMS, QUANTITIES];

/// Changes kept for subscribers that have not read them yet; one that falls further behind is
/// dropped rather than let its backlog grow.
pub const CHANGE_BACKLOG: usize = 256;

/// One version of the graph, as readers see it.
#[derive(Debug)]
pub struct Snapshot {
    /// Counts writes: 1 after the import that filled the store, one more per write since (0 for
    /// a server without a store).
    pub version: u64,
    /// The graph at this version.
    pub graph: Arc<KnowledgeGraph>,
}

/// What one committed write changed, as subscribers are told.
#[derive(Debug)]
pub struct Change {
    /// The version the write produced.
    pub version: u64,
    /// When, as an RFC 3339 UTC timestamp.
    pub at: String,
    /// The write token's name.
    pub by: String,
    /// `addSource`, `addEntities`, `addClaims` or `retractClaim`.
    pub operation: &'static str,
    /// Ids of the sources added.
    pub sources: Vec<String>,
    /// Ids of the entities added.
    pub entities: Vec<String>,
    /// Ids of the relation claims added.
    pub relations: Vec<String>,
    /// Ids of the quantity claims added.
    pub quantities: Vec<String>,
    /// Ids of the claims retracted.
    pub retracted: Vec<String>,
    /// The graph the write produced.
    pub snapshot: Arc<Snapshot>,
}

/// A new source: its metadata and its whole text.
#[derive(Clone, Debug, Default)]
pub struct NewSource {
    /// Its id (lower-case kebab-case).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published_on: Option<String>,
    /// BCP 47 language tag.
    pub language: String,
    /// The publication.
    pub outlet: Option<String>,
    /// The words of the report, exactly as published.
    pub text: String,
    /// The first words of a block of related-article headlines printed after the report.
    pub headlines_from: Option<String>,
}

/// A new entity.
#[derive(Clone, Debug)]
pub struct NewEntity {
    /// Its id; derived from the name when absent (`Léon Marchand` → `leon-marchand`).
    pub id: Option<String>,
    /// What it is.
    pub kind: EntityKind,
    /// Its name.
    pub name: String,
    /// Other names that refer to it alone.
    pub aliases: Vec<String>,
    /// A short description.
    pub description: Option<String>,
}

/// One quote a claim cites.
#[derive(Clone, Debug, Default)]
pub struct NewEvidence {
    /// The source's id.
    pub source: String,
    /// The exact words.
    pub quote: String,
    /// Which occurrence, when the words occur more than once (1-based).
    pub occurrence: Option<u32>,
}

/// A claim's context.
#[derive(Clone, Debug, Default)]
pub struct NewQualifiers {
    /// Role.
    pub role: Option<String>,
    /// Medal colour, as dataset files write it (`gold`).
    pub medal: Option<String>,
    /// Date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// A place or country id.
    pub place: Option<String>,
    /// An event id.
    pub event: Option<String>,
    /// Position in a chain (1-based).
    pub order: Option<u32>,
    /// Note.
    pub note: Option<String>,
}

/// The number of a quantity claim.
#[derive(Clone, Debug, Default)]
pub struct NewQuantity {
    /// What is counted (snake_case).
    pub property: String,
    /// The number.
    pub value: f64,
    /// What it counts.
    pub unit: String,
    /// The source's hedge (`about`, `more_than`, …).
    pub hedge: Option<String>,
}

/// A new claim: a relation (`predicate` and `object`) or a quantity (`quantity`).
#[derive(Clone, Debug, Default)]
pub struct NewClaim {
    /// The subject's id.
    pub subject: String,
    /// A relation's predicate.
    pub predicate: Option<String>,
    /// A relation's object id.
    pub object: Option<String>,
    /// A quantity claim's number.
    pub quantity: Option<NewQuantity>,
    /// Context.
    pub qualifiers: NewQualifiers,
    /// The quotes that state it.
    pub evidence: Vec<NewEvidence>,
    /// True when it joins several sentences.
    pub inferred: bool,
}

/// Why a write, or one item of it, was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteError {
    /// `QUOTE_NOT_FOUND`, `UNKNOWN_ENTITY`, `STORAGE_FULL`, …: the loader's codes and the
    /// store's own, all API codes (`crate::codes` says why they live outside the schema layer).
    pub code: ErrorCode,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The position of the input item at fault, for a list input.
    pub index: Option<usize>,
}

impl WriteError {
    fn new(code: ErrorCode, message: impl Into<String>) -> WriteError {
        WriteError {
            code,
            message: message.into(),
            hint: None,
            index: None,
        }
    }

    /// The refusal of a server without a store.
    pub fn read_only() -> WriteError {
        WriteError::new(
            ErrorCode::WritesDisabled,
            "this server is read-only: it has no store to write to",
        )
        .hint("start it with --db FILE and --write-tokens-file FILE to accept writes")
    }

    fn at(mut self, index: usize) -> WriteError {
        self.index = Some(index);
        self
    }

    fn hint(mut self, hint: impl Into<String>) -> WriteError {
        self.hint = Some(hint.into());
        self
    }
}

/// Every problem of a refused write (never empty); nothing of the write was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteErrors(pub Vec<WriteError>);

impl From<WriteError> for WriteErrors {
    fn from(error: WriteError) -> Self {
        WriteErrors(vec![error])
    }
}

/// What a write did.
#[derive(Clone, Debug)]
pub struct Written {
    /// The version to read the result in (the current one when nothing changed).
    pub snapshot: Arc<Snapshot>,
    /// Per input item, the id of what it names (added now, or already there).
    pub ids: Vec<String>,
    /// How many items were new.
    pub added: usize,
}

/// The writer: the store (which alone holds the records; the graph is their index).
struct Writer {
    store: Box<dyn Store>,
    /// While the graph is compacted in the background: the writes committed since it began,
    /// to replay on the compacted graph.
    pending: Option<Vec<graph::GraphDelta>>,
}

/// What a write will append or rewrite, before validation.
#[derive(Default)]
struct Plan {
    records: Vec<(Record, usize)>,
    texts: Vec<(String, String)>,
    rewrites: Vec<(String, String, String)>,
    ids: Vec<Option<String>>,
    summary: String,
    retracted: Vec<String>,
    /// `(item, first)`: an input item that repeats an earlier one of the same write.
    same_as: Vec<(usize, usize)>,
    /// The input item each rewrite comes from, when one does.
    rewrite_items: Vec<Option<usize>>,
}

/// The current graph, and (with a store) the way to change it.
pub struct Live {
    current: Arc<ArcSwap<Snapshot>>,
    writer: Option<Arc<Mutex<Writer>>>,
    changes: broadcast::Sender<Arc<Change>>,
    compaction: Compaction,
    /// The graph snapshot file, when the store has one.
    snapshots: Option<Arc<Snapshots>>,
}

/// When the write path folds the graph's layers into a new base (in the background): once
/// the writes since the last base add or replace this many items, or number this many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compaction {
    /// Items added or replaced since the base.
    pub items: usize,
    /// Writes since the base.
    pub writes: usize,
}

impl Default for Compaction {
    fn default() -> Self {
        Compaction {
            items: 20_000,
            writes: 500,
        }
    }
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("version", &self.current.load().version)
            .field("writable", &self.writer.is_some())
            .finish_non_exhaustive()
    }
}

fn files_of(records: &[Record], texts: &Files) -> Files {
    let mut files = texts.clone();
    for file in FILES {
        files.insert(file.to_owned(), String::new());
    }
    for r in records {
        let text = files.get_mut(&r.file).expect("records name dataset files");
        text.push_str(&r.line);
        text.push('\n');
    }
    files
}

/// The error a refused commit gives the client, logged for the operator too: a full or failing
/// disk is theirs to fix, and the client's error alone would not reach them.
fn storage_error(e: StoreError) -> WriteError {
    match e {
        StoreError::Full(m) => {
            tracing::warn!("a write was refused: the store's disk is full ({m})");
            WriteError::new(
                ErrorCode::StorageFull,
                format!("the store's disk is full, nothing was written ({m})"),
            )
            .hint("free space on the store's file system; reads go on meanwhile")
        }
        StoreError::Failed(m) => {
            tracing::error!("a write was refused: the store could not commit ({m})");
            WriteError::new(
                ErrorCode::StorageFailed,
                format!("the store could not commit, nothing was written ({m})"),
            )
        }
    }
}

fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    graph::timestamp(seconds)
}

fn line<T: serde::Serialize>(record: &T) -> String {
    serde_json::to_string(record).expect("records serialise")
}

/// An id from a name: folded to ASCII lower case, runs of other characters as one hyphen.
pub(crate) fn id_from_name(name: &str) -> String {
    let folded = graph::fold::fold(name);
    let mut id = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    id
}

fn qualifiers_record(q: &NewQualifiers) -> QualifiersRecord {
    QualifiersRecord {
        role: q.role.clone(),
        medal: q.medal.clone(),
        date: q.date.clone(),
        place: q.place.clone(),
        event: q.event.clone(),
        order: q.order,
        note: q.note.clone(),
    }
}

/// A claim's qualifiers as its record would write them, for comparing contents.
fn qualifiers_of(graph: &KnowledgeGraph, q: &Qualifiers) -> QualifiersRecord {
    QualifiersRecord {
        role: q.role.clone(),
        medal: q.medal.map(|m| m.as_str().to_owned()),
        date: q.date.clone(),
        place: q.place.map(|e| graph.entity(e).key.clone()),
        event: q.event.map(|e| graph.entity(e).key.clone()),
        order: q.order,
        note: q.note.clone(),
    }
}

impl Live {
    /// A server without a store: this graph, read-only.
    pub fn read_only(graph: Arc<KnowledgeGraph>) -> Live {
        Live {
            current: Arc::new(ArcSwap::from_pointee(Snapshot { version: 0, graph })),
            writer: None,
            changes: broadcast::channel(1).0,
            compaction: Compaction::default(),
            snapshots: None,
        }
    }

    /// Opens a store: loads what it holds, or, when it is empty, fills it from `initial` (a
    /// dataset directory or the embedded seed), validated first.
    pub fn open(
        store: Box<dyn Store>,
        initial: &Location,
        progress: &mut dyn FnMut(dataset::Progress),
    ) -> anyhow::Result<Live> {
        Live::open_with_snapshot(store, initial, None, progress)
    }

    /// [`open`](Self::open), reading the graph from the snapshot at `snapshot` when it holds
    /// this store at its current version (much faster than loading the records), and keeping
    /// that snapshot up to date: written after a start that had to build the graph, after each
    /// compaction, and by [`save_snapshot`](Self::save_snapshot).
    pub fn open_with_snapshot(
        mut store: Box<dyn Store>,
        initial: &Location,
        snapshot: Option<PathBuf>,
        progress: &mut dyn FnMut(dataset::Progress),
    ) -> anyhow::Result<Live> {
        let snapshots = snapshot.map(|path| Arc::new(Snapshots::new(path, store.id().to_owned())));
        let from_snapshot = match &snapshots {
            Some(s) if store.version() > 0 => s.load(store.version(), &mut |step, done, total| {
                progress(dataset::Progress {
                    stage: "snapshot",
                    step,
                    done,
                    total,
                })
            }),
            _ => None,
        };
        let fresh = from_snapshot.is_some();
        let graph = if let Some(graph) = from_snapshot {
            graph
        } else if store.version() == 0 {
            let (records, texts, graph) = import(initial, progress)?;
            let commit = Commit {
                version: 1,
                at: now(),
                by: "import",
                operation: "import",
                summary: format!(
                    "imported {} records and {} source texts",
                    records.len(),
                    texts.len()
                ),
                records: &records,
                texts: texts
                    .iter()
                    .map(|(p, t)| (p.as_str(), t.as_str()))
                    .collect(),
                rewrites: &[],
            };
            store.commit(&commit)?;
            graph
        } else {
            let (records, texts) = store.read()?;
            let files = files_of(&records, &texts);
            drop((records, texts));
            dataset::load_with_progress(&Location::Memory(Arc::new(files)), progress).map_err(
                |e| {
                    anyhow::anyhow!(
                        "the store holds a dataset the loader refuses (was it changed by hand?):\n{e}"
                    )
                },
            )?
        };
        let version = store.version();
        let graph = Arc::new(graph);
        // What the first write would build on its way, built now off the request path; then
        // the snapshot of a graph that had to be built.
        let warm = graph.clone();
        let save = snapshots.clone().filter(|_| !fresh);
        let _ = std::thread::Builder::new()
            .name("prepare-writes".into())
            .spawn(move || {
                warm.prepare_writes();
                if let Some(s) = save {
                    s.save_or_warn(&warm, version);
                }
            });
        Ok(Live {
            current: Arc::new(ArcSwap::from_pointee(Snapshot { version, graph })),
            writer: Some(Arc::new(Mutex::new(Writer {
                store,
                pending: None,
            }))),
            changes: broadcast::channel(CHANGE_BACKLOG).0,
            compaction: Compaction::default(),
            snapshots,
        })
    }

    /// The same, compacting its graph at other thresholds (tests use small ones).
    pub fn with_compaction(mut self, compaction: Compaction) -> Live {
        self.compaction = compaction;
        self
    }

    /// Writes the current graph as the snapshot when it changed since the snapshot was
    /// written (a clean shutdown calls this, so that the next start is fast). Blocks for as
    /// long as writing the graph takes: seconds for a million entities.
    pub fn save_snapshot(&self) {
        if let Some(s) = &self.snapshots {
            let current = self.snapshot();
            s.save_or_warn(&current.graph, current.version);
        }
    }

    /// The snapshot file, when the store has one.
    pub fn snapshot_path(&self) -> Option<&Path> {
        self.snapshots.as_ref().map(|s| s.path())
    }

    /// The current version: take it once per request and answer from it alone.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// True when the graph can be changed (the server has a store).
    pub fn writable(&self) -> bool {
        self.writer.is_some()
    }

    /// A receiver of every change committed from now on; one that falls more than
    /// [`CHANGE_BACKLOG`] changes behind gets `Lagged` and should be dropped.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Change>> {
        self.changes.subscribe()
    }

    /// The dataset the store holds, as files (`export`).
    pub fn files(&self) -> Result<Files, WriteError> {
        let mut writer = self.lock()?;
        let (records, texts) = writer.store.read().map_err(storage_error)?;
        Ok(files_of(&records, &texts))
    }

    fn lock(&self) -> Result<MutexGuard<'_, Writer>, WriteError> {
        let Some(writer) = &self.writer else {
            return Err(WriteError::read_only());
        };
        // A write that panicked left the records as they were before it (see `apply`).
        Ok(writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Adds a source with its text; the mentions of every entity in it are found at once.
    /// Sending the same source again changes nothing.
    pub fn add_source(&self, by: &str, source: NewSource) -> Result<Written, WriteErrors> {
        self.apply(by, "addSource", |writer, _graph, plan| {
            let path = format!("sources/{}.txt", source.id);
            let record = SourceRecord {
                id: source.id.clone(),
                file: path.clone(),
                title: source.title.clone(),
                published_on: source.published_on.clone(),
                language: source.language.clone(),
                outlet: source.outlet.clone(),
                headlines_from: source.headlines_from.clone(),
            };
            let record_line = line(&record);
            plan.ids.push(Some(source.id.clone()));
            plan.summary = format!("source {}", source.id);
            let stored = |e| WriteErrors::from(storage_error(e));
            let text = writer.store.text(&path).map_err(stored)?;
            let present = writer.store.line(SOURCES, &source.id).map_err(stored)?;
            if present.as_ref() == Some(&record_line) && text.as_ref() == Some(&source.text) {
                return Ok(());
            }
            if text.is_none() {
                plan.texts.push((path, source.text.clone()));
            }
            plan.records.push((
                Record {
                    file: SOURCES.into(),
                    key: source.id.clone(),
                    line: record_line,
                },
                0,
            ));
            Ok(())
        })
    }

    /// Adds entities (all or none); an entity already present with the same fields changes
    /// nothing.
    pub fn add_entities(&self, by: &str, entities: &[NewEntity]) -> Result<Written, WriteErrors> {
        self.apply(by, "addEntities", |writer, _graph, plan| {
            let mut errors = Vec::new();
            for (i, e) in entities.iter().enumerate() {
                let id = match &e.id {
                    Some(id) => id.clone(),
                    None => id_from_name(&e.name),
                };
                if id.is_empty() {
                    errors.push(
                        WriteError::new(
                            ErrorCode::InvalidId,
                            format!("no id can be derived from the name {:?}", e.name),
                        )
                        .hint("give the entity an `id` (lower-case kebab-case)")
                        .at(i),
                    );
                    plan.ids.push(None);
                    continue;
                }
                let record = EntityRecord {
                    id: id.clone(),
                    kind: e.kind.as_str().to_owned(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    shared_aliases: Vec::new(),
                    description: e.description.clone(),
                };
                let text = line(&record);
                plan.ids.push(Some(id.clone()));
                let present = match writer.store.line(ENTITIES, &id) {
                    Ok(present) => present,
                    Err(e) => return Err(storage_error(e).into()),
                };
                let repeated = plan
                    .records
                    .iter()
                    .any(|(r, _)| r.key == id && r.line == text);
                if present.as_ref() == Some(&text) || repeated {
                    continue;
                }
                plan.records.push((
                    Record {
                        file: ENTITIES.into(),
                        key: id,
                        line: text,
                    },
                    i,
                ));
            }
            plan.summary = format!("{} entities", plan.records.len());
            if errors.is_empty() {
                Ok(())
            } else {
                Err(WriteErrors(errors))
            }
        })
    }

    /// Adds relation and quantity claims (all or none). A claim whose content (subject,
    /// predicate, object and qualifiers; for a quantity, subject, property, value, unit, hedge
    /// and qualifiers) matches one present and not retracted is not added again; a relation's
    /// quotes it does not cite yet are added to its evidence.
    pub fn add_claims(&self, by: &str, claims: &[NewClaim]) -> Result<Written, WriteErrors> {
        self.apply(by, "addClaims", |writer, graph, plan| {
            let mut errors = Vec::new();
            // Claims already present that this write brings new quotes for.
            let mut extended: Vec<Extended> = Vec::new();
            let mut seen: Vec<(String, usize)> = Vec::new();
            for (i, c) in claims.iter().enumerate() {
                let evidence: Vec<EvidenceRecord> = c
                    .evidence
                    .iter()
                    .map(|e| EvidenceRecord {
                        source: e.source.clone(),
                        quote: e.quote.clone(),
                        occurrence: e.occurrence,
                    })
                    .collect();
                let qualifiers = qualifiers_record(&c.qualifiers);
                let (file, record, existing) = match (&c.predicate, &c.object, &c.quantity) {
                    (Some(predicate), Some(object), None) => {
                        let existing = existing_relation(graph, &c.subject, predicate, object, &qualifiers);
                        let record = ClaimRecord {
                            id: None,
                            subject: c.subject.clone(),
                            predicate: predicate.clone(),
                            object: object.clone(),
                            qualifiers,
                            evidence,
                            inferred: c.inferred,
                            retracted: None,
                        };
                        (CLAIMS, line(&record), existing)
                    }
                    (None, None, Some(q)) => {
                        let record = QuantityRecord {
                            id: None,
                            subject: c.subject.clone(),
                            property: q.property.clone(),
                            value: q.value,
                            unit: q.unit.clone(),
                            hedge: q.hedge.clone(),
                            qualifiers,
                            evidence,
                            retracted: None,
                        };
                        let existing = existing_quantity(graph, &record);
                        (QUANTITIES, line(&record), existing)
                    }
                    _ => {
                        errors.push(
                            WriteError::new(ErrorCode::InvalidInput, "a claim is either a relation (`predicate` and `object`) or a quantity (`quantity`), not both or neither")
                                .hint("give `predicate` and `object` for a relation between two entities, or `quantity` for a number")
                                .at(i),
                        );
                        plan.ids.push(None);
                        continue;
                    }
                };
                if let Some(key) = existing {
                    if let Err(e) =
                        extend_evidence(writer, &mut extended, file, &key, &c.evidence, i)
                    {
                        errors.push(e.at(i));
                    }
                    plan.ids.push(Some(key));
                    continue;
                }
                let signature = format!("{file}\n{record}");
                if let Some(first) = seen.iter().position(|(s, _)| *s == signature) {
                    // The same claim twice in one write: the second names the first.
                    plan.same_as.push((i, seen[first].1));
                    plan.ids.push(None);
                    continue;
                }
                seen.push((signature, i));
                plan.ids.push(None);
                plan.records.push((
                    Record {
                        file: file.into(),
                        key: String::new(),
                        line: record,
                    },
                    i,
                ));
            }
            plan.summary = format!(
                "{} claims, new quotes for {}",
                plan.records.len(),
                extended.len()
            );
            for e in extended {
                plan.rewrites.push((e.file.into(), e.key, e.record.to_string()));
                plan.rewrite_items.push(Some(e.item));
            }
            if errors.is_empty() { Ok(()) } else { Err(WriteErrors(errors)) }
        })
    }

    /// Marks a relation claim retracted, with when, why and by whom; it is kept. Retracting a
    /// claim already retracted changes nothing.
    pub fn retract_claim(&self, by: &str, id: &str, reason: &str) -> Result<Written, WriteErrors> {
        self.apply(by, "retractClaim", |writer, graph, plan| {
            plan.ids.push(Some(id.to_owned()));
            plan.summary = format!("retracted {id}");
            let (file, retracted) = match graph.lookup(id) {
                Some(Item::Claim(claim)) => (CLAIMS, graph.claim(claim).retracted.is_some()),
                Some(Item::Quantity(q)) => (QUANTITIES, graph.quantity(q).retracted.is_some()),
                _ => {
                    return Err(WriteError::new(ErrorCode::UnknownClaim, format!("no relation or quantity claim has the id {id:?}"))
                        .hint("ids are as `Relation.id` and `QuantityClaim.id` give them, e.g. \"simone-biles.HANDED_FLAG_TO.tom-cruise\"")
                        .into());
                }
            };
            if retracted {
                return Ok(());
            }
            let Some(stored) = writer.store.line(file, id).map_err(storage_error)? else {
                return Err(WriteError::new(ErrorCode::StorageFailed, format!("the store has no record for claim {id:?}")).into());
            };
            let mut value: serde_json::Value = serde_json::from_str(&stored)
                .map_err(|e| WriteError::new(ErrorCode::StorageFailed, format!("the stored record of {id:?} is not JSON: {e}")))?;
            let retraction = RetractionRecord {
                at: now(),
                reason: reason.to_owned(),
                by: Some(by.to_owned()),
            };
            if let serde_json::Value::Object(map) = &mut value {
                map.insert(
                    "retracted".into(),
                    serde_json::to_value(&retraction).expect("records serialise"),
                );
            }
            plan.rewrites.push((file.into(), id.to_owned(), value.to_string()));
            plan.rewrite_items.push(None);
            plan.retracted.push(id.to_owned());
            Ok(())
        })
    }

    /// Runs one write: `build` plans it against the current records and graph; the loader
    /// checks the plan's lines against the current graph (`dataset::extend`); the store
    /// commits them; the graph extended by them is published.
    fn apply(
        &self,
        by: &str,
        operation: &'static str,
        build: impl FnOnce(&Writer, &KnowledgeGraph, &mut Plan) -> Result<(), WriteErrors>,
    ) -> Result<Written, WriteErrors> {
        let mut writer = self.lock()?;
        let current = self.snapshot();
        let graph = &*current.graph;
        let mut plan = Plan::default();
        build(&writer, graph, &mut plan)?;
        if plan.records.is_empty() && plan.rewrites.is_empty() {
            let ids = plan
                .ids
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect();
            return Ok(Written {
                snapshot: current,
                ids,
                added: 0,
            });
        }

        // The new lines, numbered as a load of the store's files would number them, and the
        // input item each one comes from (to name it in an error).
        let count = |file: &str| match file {
            SOURCES => graph.sources().len(),
            ENTITIES => graph.entities().len(),
            CLAIMS => graph.claims().len(),
            _ => graph.quantities().len(),
        };
        let mut lines: HashMap<&str, Vec<String>> = HashMap::new();
        let mut new_lines: HashMap<(&str, usize), usize> = HashMap::new();
        for (record, index) in &plan.records {
            let Some(file) = [SOURCES, ENTITIES, CLAIMS, QUANTITIES]
                .into_iter()
                .find(|&f| f == record.file)
            else {
                return Err(WriteError::new(
                    ErrorCode::StorageFailed,
                    format!("a write may not add to {:?}", record.file),
                )
                .into());
            };
            let list = lines.entry(file).or_default();
            list.push(record.line.clone());
            new_lines.insert((file, count(file) + list.len()), *index);
        }
        let mut replaced = Vec::new();
        let mut replaced_quantities = Vec::new();
        for ((file, key, text), item) in plan.rewrites.iter().zip(&plan.rewrite_items) {
            let (file, line) = match (file.as_str(), graph.lookup(key)) {
                (CLAIMS, Some(Item::Claim(id))) => {
                    replaced.push((id, text.clone()));
                    (CLAIMS, id.index() + 1)
                }
                (QUANTITIES, Some(Item::Quantity(id))) => {
                    replaced_quantities.push((id, text.clone()));
                    (QUANTITIES, id.index() + 1)
                }
                _ => {
                    return Err(WriteError::new(
                        ErrorCode::StorageFailed,
                        format!("only claims are rewritten, and {key:?} is none"),
                    )
                    .into());
                }
            };
            if let Some(item) = item {
                new_lines.insert((file, line), *item);
            }
        }
        let texts: Files = plan.texts.iter().cloned().collect();
        let none = Vec::new();
        let additions = dataset::Additions {
            sources: lines.get(SOURCES).unwrap_or(&none),
            entities: lines.get(ENTITIES).unwrap_or(&none),
            claims: lines.get(CLAIMS).unwrap_or(&none),
            quantities: lines.get(QUANTITIES).unwrap_or(&none),
            replaced: &replaced,
            replaced_quantities: &replaced_quantities,
            texts: &texts,
        };
        let delta =
            dataset::extend(graph, &additions).map_err(|errors| map_errors(errors, &new_lines))?;

        // Keys of the new claims, as the loader derived them (in line order).
        let mut relation_keys = delta.claims.iter().map(|c| c.key.clone());
        let mut quantity_keys = delta.quantities.iter().map(|q| q.key.clone());
        let mut new_relations = Vec::new();
        let mut new_quantities = Vec::new();
        for (record, index) in &mut plan.records {
            match record.file.as_str() {
                CLAIMS => {
                    record.key = relation_keys.next().unwrap_or_default();
                    new_relations.push(record.key.clone());
                }
                QUANTITIES => {
                    record.key = quantity_keys.next().unwrap_or_default();
                    new_quantities.push(record.key.clone());
                }
                _ => {}
            }
            if plan.ids[*index].is_none() {
                plan.ids[*index] = Some(record.key.clone());
            }
        }
        // A claim repeated within one write names the first copy's id.
        for &(item, first) in &plan.same_as {
            plan.ids[item] = plan.ids[first].clone();
        }

        let w = &mut *writer;
        if let Some(pending) = &mut w.pending {
            pending.push(delta.clone());
        }
        let next = graph.extend(delta);
        let records: Vec<Record> = plan.records.into_iter().map(|(r, _)| r).collect();
        let version = w.store.version() + 1;
        let at = now();
        let committed = w.store.commit(&Commit {
            version,
            at: at.clone(),
            by,
            operation,
            summary: plan.summary.clone(),
            records: &records,
            texts: plan
                .texts
                .iter()
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect(),
            rewrites: &plan.rewrites,
        });
        if let Err(e) = committed {
            if let Some(pending) = &mut w.pending {
                pending.pop();
            }
            return Err(storage_error(e).into());
        }
        let by_file = |file: &str| -> Vec<String> {
            records
                .iter()
                .filter(|r| r.file == file)
                .map(|r| r.key.clone())
                .collect()
        };
        let (sources, entities) = (by_file(SOURCES), by_file(ENTITIES));

        let layers = next.layered();
        let snapshot = Arc::new(Snapshot {
            version,
            graph: Arc::new(next),
        });
        self.current.store(snapshot.clone());
        if w.pending.is_none()
            && (layers.items >= self.compaction.items || layers.writes >= self.compaction.writes)
        {
            w.pending = Some(Vec::new());
            self.compact_in_background(snapshot.clone());
        }
        drop(writer);

        let added =
            new_lines.len() - plan.rewrite_items.iter().flatten().count() + plan.retracted.len();
        // No subscriber is not an error.
        let _ = self.changes.send(Arc::new(Change {
            version,
            at,
            by: by.to_owned(),
            operation,
            sources,
            entities,
            relations: new_relations,
            quantities: new_quantities,
            retracted: plan.retracted,
            snapshot: snapshot.clone(),
        }));
        Ok(Written {
            snapshot,
            ids: plan
                .ids
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
            added,
        })
    }

    /// Folds the layers of `snapshot`'s graph into a new base on a thread of its own, then
    /// replays the writes committed meanwhile on it (they wait in `Writer::pending`) and
    /// publishes the result under the current version: same answers, cheaper writes.
    fn compact_in_background(&self, snapshot: Arc<Snapshot>) {
        let (current, writer) = (self.current.clone(), self.writer.clone());
        let snapshots = self.snapshots.clone();
        let Some(writer) = writer else { return };
        let spawned = std::thread::Builder::new()
            .name("compact".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let compacted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    snapshot.graph.compact()
                }));
                let mut w = writer.lock().unwrap_or_else(|p| p.into_inner());
                let pending = w.pending.take().unwrap_or_default();
                let Ok(mut graph) = compacted else {
                    tracing::error!("compacting the graph failed; writes go on on the layers");
                    return;
                };
                let replayed = pending.len();
                for delta in pending {
                    graph = graph.extend(delta);
                }
                let version = current.load().version;
                let graph = Arc::new(graph);
                current.store(Arc::new(Snapshot {
                    version,
                    graph: graph.clone(),
                }));
                tracing::info!(
                    version,
                    replayed,
                    seconds = started.elapsed().as_secs_f64(),
                    "graph compacted"
                );
                // The writer's lock is released first: writes go on while the file is written.
                drop(w);
                if let Some(s) = snapshots {
                    s.save_or_warn(&graph, version);
                }
            });
        if let Err(e) = spawned {
            tracing::error!("cannot start compacting the graph: {e}");
            if let Some(writer) = &self.writer {
                writer.lock().unwrap_or_else(|p| p.into_inner()).pending = None;
            }
        }
    }
}

/// A stored claim's record, with the quotes a write adds to it.
struct Extended {
    file: &'static str,
    key: String,
    record: serde_json::Value,
    /// The input item that first named it.
    item: usize,
}

/// Adds the quotes of `evidence` that the stored claim `key` does not cite yet to its record
/// (in `extended`, so several items of one write extending one claim build on each other).
/// Fails only when the store cannot give the claim's record.
fn extend_evidence(
    writer: &Writer,
    extended: &mut Vec<Extended>,
    file: &'static str,
    key: &str,
    evidence: &[NewEvidence],
    item: usize,
) -> Result<(), WriteError> {
    let at = match extended.iter().position(|e| e.file == file && e.key == key) {
        Some(at) => at,
        None => {
            let unreadable = |why: String| {
                WriteError::new(
                    ErrorCode::StorageFailed,
                    format!("the stored record of {key:?} {why}"),
                )
            };
            let line = writer
                .store
                .line(file, key)
                .map_err(storage_error)?
                .ok_or_else(|| unreadable("is missing".into()))?;
            let record =
                serde_json::from_str(&line).map_err(|e| unreadable(format!("is not JSON: {e}")))?;
            extended.push(Extended {
                file,
                key: key.to_owned(),
                record,
                item,
            });
            extended.len() - 1
        }
    };
    let record = &mut extended[at].record;
    let Some(cited) = record.get_mut("evidence").and_then(|e| e.as_array_mut()) else {
        return Err(WriteError::new(
            ErrorCode::StorageFailed,
            format!("the stored record of {key:?} has no evidence list"),
        ));
    };
    let before = cited.len();
    for e in evidence {
        let new = serde_json::to_value(EvidenceRecord {
            source: e.source.clone(),
            quote: e.quote.clone(),
            occurrence: e.occurrence,
        })
        .expect("records serialise");
        let same = |c: &serde_json::Value| {
            c.get("source") == new.get("source")
                && c.get("quote") == new.get("quote")
                && c.get("occurrence").and_then(|o| o.as_u64()).unwrap_or(1)
                    == new.get("occurrence").and_then(|o| o.as_u64()).unwrap_or(1)
        };
        if !cited.iter().any(same) {
            cited.push(new);
        }
    }
    if cited.len() == before && extended[at].item == item {
        // Nothing new from the item that fetched the record: nothing to rewrite.
        extended.remove(at);
    }
    Ok(())
}

/// The id of a relation claim, not retracted, with this content, if there is one.
fn existing_relation(
    graph: &KnowledgeGraph,
    subject: &str,
    predicate: &str,
    object: &str,
    qualifiers: &QualifiersRecord,
) -> Option<String> {
    let s = graph.entity_by_key(subject)?;
    let o = graph.entity_by_key(object)?;
    let p = graph.vocabulary().find(predicate)?;
    let wanted = line(qualifiers);
    graph
        .steps(s, graph::Direction::Outgoing)
        .map(|step| graph.claim(step.claim))
        .find(|c| {
            c.predicate == p
                && c.object == o
                && c.retracted.is_none()
                && line(&qualifiers_of(graph, c.qualifiers)) == wanted
        })
        .map(|c| c.key().into_owned())
}

/// The id of a quantity claim, not retracted, with this content from the same source, if there
/// is one.
fn existing_quantity(graph: &KnowledgeGraph, r: &QuantityRecord) -> Option<String> {
    let s = graph.entity_by_key(&r.subject)?;
    let wanted = line(&r.qualifiers);
    // One source's figure: the same number from another source is a claim of its own.
    let source = graph.source_by_key(&r.evidence.first()?.source)?;
    graph
        .quantities_of(s)
        .map(|q| graph.quantity(q))
        .find(|q| {
            q.source() == source
                && q.retracted.is_none()
                && q.property == r.property
                && q.value == r.value
                && q.unit == r.unit
                && r.hedge.as_deref().unwrap_or(graph::Hedge::Exact.as_str()) == q.hedge.as_str()
                && line(&qualifiers_of(graph, &q.qualifiers)) == wanted
        })
        .map(|q| q.key.clone())
}

/// Loader errors as write errors, each naming the input item whose line it is about.
fn map_errors(errors: DatasetErrors, new_lines: &HashMap<(&str, usize), usize>) -> WriteErrors {
    WriteErrors(
        errors
            .0
            .into_iter()
            .map(|e| {
                let index = FILES
                    .iter()
                    .find(|&&f| f == e.file)
                    .and_then(|&f| new_lines.get(&(f, e.line?)))
                    .copied();
                WriteError {
                    code: e.code.into(),
                    message: e.message,
                    hint: e.hint,
                    index,
                }
            })
            .collect(),
    )
}

/// Reads and validates a dataset, and turns it into store records keyed as the graph keys them.
fn import(
    location: &Location,
    progress: &mut dyn FnMut(dataset::Progress),
) -> anyhow::Result<(Vec<Record>, Files, KnowledgeGraph)> {
    let graph =
        dataset::load_with_progress(location, progress).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut records = Vec::new();
    let mut texts = Files::new();
    for file in FILES {
        let text = location
            .read(file)
            .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        for (i, raw) in lines.iter().enumerate() {
            // Re-serialised, so the store holds one canonical spelling of each record.
            let (key, line) = match file {
                VOCABULARY => {
                    let r: crate::dataset::records::PredicateRecord = serde_json::from_str(raw)?;
                    (r.predicate.clone(), line(&r))
                }
                SOURCES => {
                    let r: SourceRecord = serde_json::from_str(raw)?;
                    let body = location
                        .read(&r.file)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", r.file))?;
                    texts.insert(r.file.clone(), body.into_owned());
                    (r.id.clone(), line(&r))
                }
                ENTITIES => {
                    let r: EntityRecord = serde_json::from_str(raw)?;
                    (r.id.clone(), line(&r))
                }
                CLAIMS => {
                    let r: ClaimRecord = serde_json::from_str(raw)?;
                    (
                        graph
                            .claim_at(i)
                            .expect("a line per claim")
                            .key()
                            .into_owned(),
                        line(&r),
                    )
                }
                _ => {
                    let r: QuantityRecord = serde_json::from_str(raw)?;
                    (graph.quantities()[i].key.clone(), line(&r))
                }
            };
            records.push(Record {
                file: file.to_owned(),
                key,
                line,
            });
        }
    }
    Ok((records, texts, graph))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Léon Marchand"), "leon-marchand");
        assert_eq!(id_from_name("  H.E.R. "), "h-e-r");
        assert_eq!(id_from_name("Paris 2024 — closing!"), "paris-2024-closing");
        assert_eq!(id_from_name("!!!"), "");
    }
}
