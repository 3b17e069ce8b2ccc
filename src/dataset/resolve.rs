//! Turns dataset records into validated graph parts, collecting every problem on the way.

use crate::graph::FastMap;

use serde::de::DeserializeOwned;

use super::error::{DatasetError, DatasetErrors, ErrorCode};
use super::lint::RecordLines;
use super::near_miss::not_found_hint;
use super::quote::{CharIndex, QuoteProblem, locate_indexed};
use super::records::*;
use super::{Location, Progress};
use crate::graph::fold::fold;
use crate::graph::*;

pub(super) mod base;
use base::Additions;

/// The files a dataset must have, in load order.
pub(crate) const VOCABULARY: &str = "vocabulary.jsonl";
pub(crate) const SOURCES: &str = "sources.jsonl";
pub(crate) const ENTITIES: &str = "entities.jsonl";
pub(crate) const CLAIMS: &str = "claims.jsonl";
pub(crate) const QUANTITIES: &str = "quantities.jsonl";

/// Fields every entity type has: a predicate's typed fields may not take their names.
const BUILT_IN_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "aliases",
    "description",
    "relations",
    "quantities",
    "mentions",
    "mentionedIn",
    "__typename",
];

/// Past this many problems, "did you mean" suggestions (a scan of every id) are skipped.
const MAX_SUGGESTIONS: usize = 100;

pub(crate) fn load(
    location: &Location,
    progress: &mut dyn FnMut(Progress),
) -> Result<(GraphParts, RecordLines), DatasetErrors> {
    let mut loader = Loader::new(location, progress, None);
    loader.vocabulary();
    loader.sources();
    loader.entities();
    loader.claims();
    loader.quantities();
    if loader.errors.is_empty() {
        Ok((loader.parts, loader.lines))
    } else {
        Err(DatasetErrors(loader.errors))
    }
}

/// What a dataset id names, and where it was declared.
#[derive(Clone, Copy)]
enum Declared {
    Source(SourceId),
    Entity(EntityId),
    Claim,
}

struct Loader<'a> {
    location: &'a Location,
    progress: &'a mut dyn FnMut(Progress),
    /// When extending a graph: the graph and the new lines (see [`base`]). Items of the graph
    /// keep their ids; the loader's own tables hold only the new items, numbered after them.
    base: Option<(&'a KnowledgeGraph, &'a Additions<'a>)>,
    /// Character indexes of the base graph's sources, built when a new quote cites them.
    base_index: FastMap<SourceId, CharIndex>,
    /// Existing relation claims rewritten by the additions.
    replaced: Vec<(ClaimId, Claim)>,
    /// Rewrites of the base graph's quantity claims, checked (when extending).
    replaced_quantities: Vec<(QuantityId, Quantity)>,
    errors: Vec<DatasetError>,
    keys: FastMap<String, (Declared, &'static str, usize)>,
    /// Ids whose declaration was refused (malformed, a duplicate, or an entity of unknown
    /// kind): that line has its error, so references to them are not reported again.
    refused: std::collections::HashSet<String>,
    /// Entity ids in order, for suggestions (when extending, only the new ones).
    entity_keys: Vec<String>,
    /// Predicates declared but refused: claims using them are not reported again.
    broken_predicates: Vec<String>,
    /// Sources whose text or metadata was refused: their quotes are not checked.
    broken_sources: Vec<bool>,
    /// Per source, character counts for turning byte offsets into character offsets.
    char_index: Vec<CharIndex>,
    parts: GraphParts,
    /// The line of each entity and quantity claim, for warnings.
    lines: RecordLines,
}

/// How a claim line gets its key.
enum KeyFrom<'k> {
    /// A new line: its `id`, else derived from its triple (counts of the keys derived so far).
    Line(&'k mut FastMap<String, u32>),
    /// A rewrite of an existing claim, which keeps its key (and its triple).
    Kept(ClaimRef<'k>),
}

/// How a quantity line gets its key (see [`KeyFrom`]).
enum QuantityKey<'k> {
    /// A new line: its `id`, else derived from subject, property and source.
    Line(&'k mut FastMap<String, u32>),
    /// A rewrite of an existing figure, which keeps its key (and what it states).
    Kept(&'k Quantity),
}

/// One parsed line: its number, its raw text (for columns) and its record.
struct Line<'t, T> {
    number: usize,
    raw: &'t str,
    record: T,
}

/// A line's number, its text, and its record (`None` for a blank line or a comment).
type Parsed<'l, T> = (usize, &'l str, Option<serde_json::Result<T>>);

/// The record on a line, unless the line is blank or a comment.
fn parse_line<T: DeserializeOwned>(raw: &str) -> Option<serde_json::Result<T>> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    Some(serde_json::from_str(trimmed))
}

/// The lines a file gives the loader: the whole file, or (when extending a graph) only the
/// lines a write adds, numbered after the graph's items.
enum Text<'a> {
    File(std::borrow::Cow<'static, str>),
    Added { first: usize, lines: &'a [String] },
}

impl Text<'_> {
    /// Every line with its number (from 1).
    fn numbered(&self) -> Box<dyn Iterator<Item = (usize, &str)> + Send + '_> {
        match self {
            Text::File(text) => Box::new(text.lines().enumerate().map(|(i, raw)| (i + 1, raw))),
            Text::Added { first, lines } => Box::new(
                lines
                    .iter()
                    .enumerate()
                    .map(move |(k, raw)| (first + k, raw.as_str())),
            ),
        }
    }

    /// Bytes in all, for progress.
    fn bytes(&self) -> u64 {
        match self {
            Text::File(text) => text.len() as u64,
            Text::Added { lines, .. } => lines.iter().map(|l| l.len() as u64 + 1).sum(),
        }
    }
}

/// `HANDED_FLAG_TO`: upper-case letters and digits in words joined by single underscores,
/// starting with a letter.
fn valid_predicate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.split('_').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn valid_property(property: &str) -> bool {
    property.starts_with(|c: char| c.is_ascii_lowercase())
        && property
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The 1-based character column of `value` (as a JSON string) in `raw`, else of `field`'s key.
fn column_of(raw: &str, field: &str, value: &str) -> usize {
    let quoted = serde_json::to_string(value).unwrap_or_default();
    let key = format!("\"{field}\"");
    let at = raw
        .find(&key)
        .and_then(|k| raw[k..].find(&quoted).map(|v| k + v))
        .or_else(|| raw.find(&quoted))
        .or_else(|| raw.find(&key))
        .unwrap_or(0);
    raw[..at].chars().count() + 1
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'a> Loader<'a> {
    fn new(
        location: &'a Location,
        progress: &'a mut dyn FnMut(Progress),
        base: Option<(&'a KnowledgeGraph, &'a Additions<'a>)>,
    ) -> Self {
        Loader {
            location,
            progress,
            base,
            base_index: FastMap::default(),
            replaced: Vec::new(),
            replaced_quantities: Vec::new(),
            errors: Vec::new(),
            keys: FastMap::default(),
            refused: std::collections::HashSet::new(),
            entity_keys: Vec::new(),
            broken_predicates: Vec::new(),
            broken_sources: Vec::new(),
            char_index: Vec::new(),
            parts: GraphParts::default(),
            lines: RecordLines::default(),
        }
    }

    fn tick(&mut self, stage: &'static str, step: &'static str, i: usize, total: u64) {
        if i.is_multiple_of(8192) || i as u64 + 1 == total {
            (self.progress)(Progress {
                stage,
                step,
                done: i as u64 + 1,
                total,
            });
        }
    }

    /// Sets the code of the error just reported.
    fn set_code(&mut self, code: ErrorCode) {
        if let Some(error) = self.errors.last_mut() {
            error.code = code;
        }
    }

    fn error(
        &mut self,
        file: &'static str,
        line: &Line<'_, impl Sized>,
        field: &str,
        value: &str,
        message: String,
    ) -> &mut DatasetError {
        let column = column_of(line.raw, field, value);
        self.errors.push(DatasetError::at(
            &self.location.display(file),
            line.number,
            column,
            message,
        ));
        self.errors.last_mut().expect("just pushed")
    }

    /// The records of `file`: its lines, or when extending, the new lines given for it.
    /// The lines of `file`: the whole file, or the lines a write adds to it.
    fn text(&mut self, file: &'static str) -> Text<'a> {
        if let Some((graph, additions)) = self.base {
            let (first, lines) = base::new_lines(graph, additions, file);
            return Text::Added { first, lines };
        }
        match self.location.read(file) {
            Ok(text) => Text::File(text),
            Err(e) => {
                self.errors.push(
                    DatasetError::file(&self.location.display(file), format!("cannot read this file: {e}"))
                        .hint(format!("a dataset directory needs {VOCABULARY}, {SOURCES}, {ENTITIES}, {CLAIMS} and {QUANTITIES} (an empty file is fine); `olympia-kg init DIR` writes a starting set, and seed/README.md documents them")),
                );
                Text::File(std::borrow::Cow::Borrowed(""))
            }
        }
    }

    /// Parses every line of `text` into records.
    fn parse<'t, T: DeserializeOwned + Send>(
        &mut self,
        file: &'static str,
        text: &'t Text<'_>,
    ) -> Vec<Line<'t, T>> {
        self.parse_lines(file, text.numbered(), text.bytes())
    }

    /// Parses numbered lines (`total` bytes in all, for progress) into records.
    fn parse_lines<'l, T: DeserializeOwned + Send>(
        &mut self,
        file: &'static str,
        numbered: impl Iterator<Item = (usize, &'l str)> + Send,
        total: u64,
    ) -> Vec<Line<'l, T>> {
        let mut lines = Vec::new();
        self.each_line(file, numbered, total, |_, line| lines.push(line));
        lines
    }

    /// Parses numbered lines (`total` bytes in all, for progress) and hands each record to `f`
    /// in line order. A large file is parsed on a second thread, a batch ahead of the checks in
    /// `f`, and never held whole as records.
    fn each_line<'l, T: DeserializeOwned + Send>(
        &mut self,
        file: &'static str,
        numbered: impl Iterator<Item = (usize, &'l str)> + Send,
        total: u64,
        mut f: impl FnMut(&mut Self, Line<'l, T>),
    ) {
        const BATCH: usize = 4096;
        let (mut done, mut seen) = (0u64, 0usize);
        let mut take = |loader: &mut Self, (number, raw, parsed): Parsed<'l, T>| {
            done += raw.len() as u64 + 1;
            seen += 1;
            if seen % BATCH == 1 {
                (loader.progress)(Progress {
                    stage: file,
                    step: "parse and check",
                    done,
                    total,
                });
            }
            match parsed {
                Some(Ok(record)) => f(
                    loader,
                    Line {
                        number,
                        raw,
                        record,
                    },
                ),
                Some(Err(e)) => loader.invalid_record(file, number, raw, &e),
                None => {}
            }
        };
        if total < (1 << 20) {
            for (number, raw) in numbered {
                take(self, (number, raw, parse_line(raw)));
            }
            return;
        }
        std::thread::scope(|scope| {
            let (batches, parsed) = std::sync::mpsc::sync_channel::<Vec<Parsed<'l, T>>>(4);
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                for (number, raw) in numbered {
                    batch.push((number, raw, parse_line(raw)));
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        if batches.send(full).is_err() {
                            return;
                        }
                    }
                }
                let _ = batches.send(batch);
            });
            for batch in parsed {
                for line in batch {
                    take(self, line);
                }
            }
        });
    }

    fn invalid_record(
        &mut self,
        file: &'static str,
        number: usize,
        raw: &str,
        e: &serde_json::Error,
    ) {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        let indent = raw.len() - raw.trim_start().len();
        let column = raw[..indent].chars().count() + e.column().max(1);
        self.errors.push(
            DatasetError::at(&self.location.display(file), number, column, format!("invalid record: {message}"))
                .hint("each line is one JSON object (blank lines and lines starting with # are skipped); see seed/README.md for the fields")
                .code(ErrorCode::InvalidRecord),
        );
    }

    /// Records a new id, refusing malformed ones and duplicates.
    fn declare<T>(
        &mut self,
        file: &'static str,
        line: &Line<'_, T>,
        id: &str,
        what: Declared,
    ) -> bool {
        if !valid_id(id) {
            self.error(file, line, "id", id, format!("invalid id {id:?}"))
                .hint = Some("ids are lower-case kebab-case: letters a-z, digits and single hyphens, e.g. \"tom-cruise\"".into());
            self.set_code(ErrorCode::InvalidId);
            self.refused.insert(id.to_owned());
            return false;
        }
        if let Some((_, first_file, first_line)) = self.declared(id) {
            let first = format!("{}:{first_line}", self.location.display(first_file));
            self.error(
                file,
                line,
                "id",
                id,
                format!("duplicate id {id:?}, first declared at {first}"),
            )
            .hint =
                Some("ids must be unique across sources, entities and claims; rename one".into());
            self.set_code(ErrorCode::DuplicateId);
            self.refused.insert(id.to_owned());
            return false;
        }
        self.keys.insert(id.to_owned(), (what, file, line.number));
        true
    }

    fn vocabulary(&mut self) {
        let text = self.text(VOCABULARY);
        let lines = self.parse::<PredicateRecord>(VOCABULARY, &text);
        let mut defs: Vec<PredicateDef> = Vec::new();
        // Field name -> (predicate, line) per entity kind, to catch two fields of one name.
        let mut fields: FastMap<(EntityKind, String), (String, usize)> = FastMap::default();
        for line in &lines {
            let r = &line.record;
            let before = self.errors.len();
            if !valid_predicate_name(&r.predicate) {
                self.error(VOCABULARY, line, "predicate", &r.predicate, format!("invalid predicate name {:?}", r.predicate))
                    .hint = Some("predicate names are UPPER_SNAKE_CASE: A-Z, digits and single underscores, starting with a letter, e.g. \"HANDED_TROPHY_TO\"".into());
            } else if let Some(first) = lines
                .iter()
                .find(|l| l.record.predicate == r.predicate && l.number < line.number)
            {
                let first_line = first.number;
                self.error(
                    VOCABULARY,
                    line,
                    "predicate",
                    &r.predicate,
                    format!(
                        "predicate {:?} is declared twice, first at line {first_line}",
                        r.predicate
                    ),
                )
                .hint = Some("remove one of them".into());
            }
            if r.description.trim().is_empty() {
                self.error(VOCABULARY, line, "description", &r.description, "description is empty".into())
                    .hint = Some("say in one sentence what a claim with this predicate states; it becomes the GraphQL documentation".into());
            }
            let mut kinds = |field: &str, names: &[String]| -> Vec<EntityKind> {
                if names.is_empty() {
                    self.error(
                        VOCABULARY,
                        line,
                        field,
                        field,
                        format!("{field} lists no entity kind"),
                    )
                    .hint = Some(format!(
                        "list the kinds allowed as {field}: {}",
                        list(EntityKind::ALL)
                    ));
                }
                names
                    .iter()
                    .filter_map(|name| {
                        let kind = EntityKind::parse(name);
                        if kind.is_none() {
                            self.error(
                                VOCABULARY,
                                line,
                                field,
                                name,
                                format!("unknown entity kind {name:?} in \"{field}\""),
                            )
                            .hint = Some(format!("use one of: {}", list(EntityKind::ALL)));
                        }
                        kind
                    })
                    .collect()
            };
            let subject = kinds("subject", &r.subject);
            let object = kinds("object", &r.object);
            match (&r.inverse, r.symmetric) {
                (None, false) => {
                    self.error(VOCABULARY, line, "predicate", &r.predicate, format!("predicate {:?} has no inverse", r.predicate))
                        .hint = Some("name the relation read from object to subject, e.g. \"inverse\": \"RECEIVED_TROPHY_FROM\" (it becomes a GraphQL field on the object's type), or set \"symmetric\": true".into());
                }
                (Some(inverse), true) => {
                    self.error(VOCABULARY, line, "inverse", inverse, "a symmetric predicate has no inverse".into())
                        .hint = Some("remove \"inverse\" (a symmetric predicate reads the same both ways) or set \"symmetric\": false".into());
                }
                (Some(inverse), false) if !valid_predicate_name(inverse) => {
                    self.error(
                        VOCABULARY,
                        line,
                        "inverse",
                        inverse,
                        format!("invalid inverse name {inverse:?}"),
                    )
                    .hint = Some("inverse names are UPPER_SNAKE_CASE, like predicate names".into());
                }
                _ => {}
            }
            if r.symmetric && subject != object {
                self.error(
                    VOCABULARY,
                    line,
                    "symmetric",
                    "symmetric",
                    "a symmetric predicate must allow the same kinds as subject and object".into(),
                )
                .hint = Some("make \"subject\" and \"object\" list the same kinds".into());
            }
            let qualifiers = r.qualifiers.as_ref().map(|names| {
                names
                    .iter()
                    .filter_map(|name| {
                        let key = QualifierKey::parse(name);
                        if key.is_none() {
                            let known: Vec<&str> =
                                QualifierKey::ALL.iter().map(|q| q.as_str()).collect();
                            self.error(
                                VOCABULARY,
                                line,
                                "qualifiers",
                                name,
                                format!("unknown qualifier {name:?}"),
                            )
                            .hint = Some(format!("use one of: {}", known.join(", ")));
                        }
                        key
                    })
                    .collect()
            });
            let def = PredicateDef {
                name: r.predicate.clone(),
                description: r.description.trim().to_owned(),
                subject,
                object,
                inverse: r.inverse.clone().filter(|_| !r.symmetric),
                symmetric: r.symmetric,
                chain: r.chain,
                qualifiers,
            };
            // Typed fields: the forward field on subject kinds, the inverse (or, when symmetric,
            // the same field) on object kinds. Two of one name on one type cannot both exist.
            let mut names = vec![(def.field_name(), def.subject.clone())];
            names.push(match def.inverse_field_name() {
                Some(inverse) => (inverse, def.object.clone()),
                None => (
                    def.field_name(),
                    def.object
                        .iter()
                        .filter(|k| !def.subject.contains(k))
                        .copied()
                        .collect(),
                ),
            });
            for (name, on_kinds) in names {
                for variant in [name.clone(), format!("{name}Connection")] {
                    if BUILT_IN_FIELDS.contains(&variant.as_str()) {
                        self.error(VOCABULARY, line, "predicate", &r.predicate, format!("{:?} would make a GraphQL field `{variant}`, which entity types already have", r.predicate))
                            .hint = Some("rename the predicate or its inverse".into());
                        continue;
                    }
                    for &kind in &on_kinds {
                        match fields.get(&(kind, variant.clone())) {
                            Some((other, other_line))
                                if other != &def.name || *other_line != line.number =>
                            {
                                self.error(VOCABULARY, line, "predicate", &r.predicate, format!("{:?} and {other:?} (line {other_line}) would both make the field `{variant}` on {kind}", r.predicate))
                                    .hint = Some("rename one of the predicates or inverses".into());
                            }
                            _ => {
                                fields.insert(
                                    (kind, variant.clone()),
                                    (def.name.clone(), line.number),
                                );
                            }
                        }
                    }
                }
            }
            if self.errors.len() == before {
                defs.push(def);
            } else {
                self.broken_predicates.push(r.predicate.clone());
            }
        }
        if defs.len() > MAX_PREDICATES {
            self.errors.push(
                DatasetError::file(
                    &self.location.display(VOCABULARY),
                    format!(
                        "{} predicates declared; a vocabulary holds at most {MAX_PREDICATES}",
                        defs.len()
                    ),
                )
                .hint("merge predicates that differ only by a qualifier (e.g. use `role`)"),
            );
            defs.truncate(MAX_PREDICATES);
        }
        self.parts.vocabulary = Vocabulary::new(defs);
    }

    /// Refuses qualifiers the claim's predicate does not take.
    fn check_qualifiers(
        &mut self,
        line: &Line<'_, ClaimRecord>,
        def: &PredicateDef,
        q: &QualifiersRecord,
    ) {
        let set = [
            (QualifierKey::Role, q.role.is_some()),
            (QualifierKey::Medal, q.medal.is_some()),
            (QualifierKey::Date, q.date.is_some()),
            (QualifierKey::Place, q.place.is_some()),
            (QualifierKey::Event, q.event.is_some()),
            (QualifierKey::Order, q.order.is_some()),
            (QualifierKey::Note, q.note.is_some()),
        ];
        for (key, present) in set {
            if present && !def.allows_qualifier(key) {
                let name = key.as_str();
                self.error(
                    CLAIMS,
                    line,
                    name,
                    name,
                    format!("{} does not take the qualifier {name:?}", def.name),
                )
                .hint = Some(if key == QualifierKey::Order {
                    format!(
                        "order numbers the steps of a chain: set \"chain\": true on {} in {VOCABULARY}",
                        def.name
                    )
                } else {
                    format!(
                        "remove it, or add {name:?} to the \"qualifiers\" of {} in {VOCABULARY}",
                        def.name
                    )
                });
                self.set_code(ErrorCode::QualifierNotAllowed);
            }
        }
    }

    fn sources(&mut self) {
        let text = self.text(SOURCES);
        let lines = self.parse::<SourceRecord>(SOURCES, &text);
        let total = lines.len() as u64;
        for (i, line) in lines.into_iter().enumerate() {
            self.tick(SOURCES, "read texts", i, total);
            let r = &line.record;
            let mut ok = self.declare(
                SOURCES,
                &line,
                &r.id,
                Declared::Source(SourceId(
                    (self.counts().sources + self.parts.sources.len()) as u32,
                )),
            );
            if let Some(date) = &r.published_on
                && !is_date(date, false)
            {
                self.error(
                    SOURCES,
                    &line,
                    "published_on",
                    date,
                    format!("invalid date {date:?}"),
                )
                .hint = Some("write the publication date as YYYY-MM-DD, or leave the field out when the text gives none".into());
                ok = false;
            }
            if !is_language_tag(&r.language) {
                self.error(
                    SOURCES,
                    &line,
                    "language",
                    &r.language,
                    format!("invalid language tag {:?}", r.language),
                )
                .hint = Some("write a BCP 47 language tag: \"en\", \"fr\", \"pt-BR\"".into());
                ok = false;
            }
            for (field, value) in [("title", &r.title)] {
                if value.trim().is_empty() {
                    self.error(SOURCES, &line, field, value, format!("{field} is empty"));
                    ok = false;
                }
            }
            let text = match self.read_text(&r.file) {
                Ok(text) => text,
                Err(e) => {
                    self.error(SOURCES, &line, "file", &r.file, format!("cannot read source text {:?}: {e}", r.file))
                        .hint = Some("\"file\" is a path relative to the dataset directory, e.g. \"sources/report.txt\"".into());
                    ok = false;
                    String::new()
                }
            };
            let headlines_from = match &r.headlines_from {
                Some(start) if ok => match text.match_indices(start.as_str()).count() {
                    1 => text.find(start.as_str()).map(|at| at as u32),
                    n => {
                        self.error(SOURCES, &line, "headlines_from", start, if n == 0 {
                            format!("headlines_from {start:?} does not occur in the text")
                        } else {
                            format!("headlines_from {start:?} occurs {n} times in the text")
                        })
                        .hint = Some("copy the first words of the block of related-article headlines verbatim, enough of them to occur once".into());
                        ok = false;
                        None
                    }
                },
                _ => None,
            };
            // A refused source still takes its slot so that ids stay dense; loading fails anyway.
            self.broken_sources.push(!ok);
            self.char_index.push(CharIndex::new(&text));
            self.parts.sources.push(Source {
                key: r.id.clone(),
                title: r.title.clone(),
                published_on: r.published_on.clone(),
                language: r.language.clone(),
                outlet: r.outlet.clone(),
                text,
                headlines_from,
            });
        }
    }

    fn entities(&mut self) {
        let text = self.text(ENTITIES);
        let lines = self.parse::<EntityRecord>(ENTITIES, &text);
        // Folded name -> (entity id, the name as written, shared?, line).
        let mut names: FastMap<String, Vec<(usize, String, bool, usize)>> = FastMap::default();
        for line in &lines {
            let r = &line.record;
            let index = self.counts().entities + self.parts.entities.len();
            let declared = self.declare(
                ENTITIES,
                line,
                &r.id,
                Declared::Entity(EntityId(index as u32)),
            );
            let kind = EntityKind::parse(&r.kind);
            if kind.is_none() {
                let allowed = list(EntityKind::ALL);
                self.error(
                    ENTITIES,
                    line,
                    "kind",
                    &r.kind,
                    format!("unknown entity kind {:?}", r.kind),
                )
                .hint = Some(format!("use one of: {allowed}"));
            }
            if r.name.trim().is_empty() {
                self.error(ENTITIES, line, "name", &r.name, "name is empty".into());
            }
            for alias in r.aliases.iter().chain(&r.shared_aliases) {
                if alias.trim().is_empty() {
                    self.error(ENTITIES, line, "aliases", alias, "an alias is empty".into())
                        .hint = Some("remove the empty string".into());
                }
            }
            self.lines.entities.push(line.number as u32);
            let (Some(kind), true) = (kind, declared) else {
                if kind.is_none() {
                    self.refused.insert(r.id.clone());
                }
                // Keep indexes dense: a refused entity still takes its slot, and loading fails.
                self.entity_keys.push(r.id.clone());
                self.parts.entities.push(Entity {
                    key: r.id.clone(),
                    kind: EntityKind::Person,
                    name: r.name.clone(),
                    aliases: Vec::new(),
                    shared_aliases: Vec::new(),
                    description: None,
                });
                continue;
            };
            let shared: Vec<String> = r.shared_aliases.iter().map(|s| fold(s)).collect();
            let mut own: Vec<String> = Vec::new();
            for name in std::iter::once(&r.name)
                .chain(&r.aliases)
                .chain(&r.shared_aliases)
            {
                let folded = fold(name.trim());
                if folded.is_empty() || own.contains(&folded) {
                    continue;
                }
                own.push(folded.clone());
                names
                    .entry(folded.clone())
                    .or_insert_with(|| self.base_owners(name, &folded))
                    .push((index, name.clone(), shared.contains(&folded), line.number));
            }
            self.entity_keys.push(r.id.clone());
            self.parts.entities.push(Entity {
                key: r.id.clone(),
                kind,
                name: r.name.clone(),
                aliases: r.aliases.clone(),
                shared_aliases: r.shared_aliases.clone(),
                description: r.description.clone(),
            });
        }
        let mut collisions: Vec<(usize, String, String, String, usize)> = Vec::new();
        for owners in names.values() {
            if owners.len() < 2 || owners.iter().all(|&(_, _, shared, _)| shared) {
                continue;
            }
            let (first, first_name, _, first_line) = &owners[0];
            let other = self.entity_key(*first);
            for (_, name, _, line) in &owners[1..] {
                collisions.push((
                    *line,
                    name.clone(),
                    other.to_owned(),
                    first_name.clone(),
                    *first_line,
                ));
            }
        }
        collisions.sort();
        for (line_number, name, other, other_name, other_line) in collisions {
            // When extending, collisions among the graph's own entities (all shared there) are
            // not lines of the additions: only the new lines are reported.
            let Some(line) = lines.iter().find(|l| l.number == line_number) else {
                continue;
            };
            let at = format!("{}:{other_line}", self.location.display(ENTITIES));
            self.error(
                ENTITIES,
                line,
                "aliases",
                &name,
                format!("name {name:?} is also a name of entity {other:?} ({other_name:?}, at {at}); names are compared without case and accents"),
            )
            .hint = Some("if both entities really bear this name, list it under \"shared_aliases\" in both; otherwise remove it from one".into());
        }
    }

    fn entity(
        &mut self,
        file: &'static str,
        line: &Line<'_, impl Sized>,
        field: &str,
        id: &str,
    ) -> Option<EntityId> {
        match self.declared(id) {
            // Checked only when something was refused, so a valid dataset pays nothing for it.
            _ if !self.refused.is_empty() && self.refused.contains(id) => None,
            Some((Declared::Entity(e), _, _)) => Some(e),
            Some(_) => {
                self.error(
                    file,
                    line,
                    field,
                    id,
                    format!("{field} {id:?} is a source or claim id, not an entity id"),
                );
                self.set_code(ErrorCode::UnknownEntity);
                None
            }
            None => {
                let suggestion = (self.errors.len() < MAX_SUGGESTIONS)
                    .then(|| {
                        self.all_entity_keys()
                            .map(|k| (strsim::jaro_winkler(k, id), k))
                            .filter(|(s, _)| *s > 0.85)
                            .max_by(|a, b| a.0.total_cmp(&b.0))
                            .map(|(_, k)| k.to_owned())
                    })
                    .flatten();
                let error = self.error(
                    file,
                    line,
                    field,
                    id,
                    format!("unknown entity id {id:?} in \"{field}\""),
                );
                error.hint = Some(match suggestion {
                    Some(k) => format!("did you mean {k:?}?"),
                    None => format!("declare it in {ENTITIES} first"),
                });
                error.code = ErrorCode::UnknownEntity;
                None
            }
        }
    }

    fn qualifiers(
        &mut self,
        file: &'static str,
        line: &Line<'_, impl Sized>,
        q: &QualifiersRecord,
    ) -> Qualifiers {
        let mut out = Qualifiers {
            role: q.role.clone(),
            date: q.date.clone(),
            order: q.order,
            note: q.note.clone(),
            ..Qualifiers::default()
        };
        if let Some(medal) = &q.medal {
            out.medal = Medal::parse(medal);
            if out.medal.is_none() {
                self.error(
                    file,
                    line,
                    "medal",
                    medal,
                    format!("unknown medal {medal:?}"),
                )
                .hint = Some(format!("use one of: {}", list(Medal::ALL)));
            }
        }
        if let Some(date) = &q.date
            && !is_date(date, true)
        {
            self.error(file, line, "date", date, format!("invalid date {date:?}"))
                .hint = Some("write YYYY, YYYY-MM or YYYY-MM-DD".into());
        }
        if q.order == Some(0) {
            self.error(file, line, "order", "order", "order starts at 1".into());
        }
        for (field, value) in [("role", &q.role), ("note", &q.note)] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                self.error(file, line, field, field, format!("{field} is empty"))
                    .hint = Some("remove it or fill it in".into());
            }
        }
        let places = [EntityKind::Place, EntityKind::Country];
        for (field, value, allowed) in [
            ("place", &q.place, &places[..]),
            ("event", &q.event, &[EntityKind::Event][..]),
        ] {
            let Some(id) = value else { continue };
            let Some(entity) = self.entity(file, line, field, id) else {
                continue;
            };
            let kind = self.entity_kind(entity);
            if !allowed.contains(&kind) {
                self.error(
                    file,
                    line,
                    field,
                    id,
                    format!(
                        "qualifier {field} must name a {}, but {id:?} is a {kind}",
                        list(allowed)
                    ),
                );
            }
            match field {
                "place" => out.place = Some(entity),
                _ => out.event = Some(entity),
            }
        }
        out
    }

    fn evidence(
        &mut self,
        file: &'static str,
        line: &Line<'_, impl Sized>,
        items: &[EvidenceRecord],
    ) -> Vec<Evidence> {
        if items.is_empty() {
            self.error(
                file,
                line,
                "evidence",
                "evidence",
                "no evidence: every claim cites at least one quote".into(),
            )
            .hint =
                Some("add {\"source\": \"<source id>\", \"quote\": \"<the exact words>\"}".into());
        }
        let mut out = Vec::new();
        for item in items {
            let source = match self.declared(&item.source) {
                Some((Declared::Source(s), _, _)) => s,
                _ if self.refused.contains(&item.source) => continue,
                _ => {
                    let known = list(&self.all_source_keys().collect::<Vec<_>>());
                    self.error(
                        file,
                        line,
                        "source",
                        &item.source,
                        format!("unknown source id {:?}", item.source),
                    )
                    .hint = Some(format!("known sources: {known}"));
                    self.set_code(ErrorCode::UnknownSource);
                    continue;
                }
            };
            let Some((text, index, headlines)) = self.source_text(source) else {
                // A refused source: its quotes are not checked.
                continue;
            };
            match locate_indexed(text, index, &item.quote, item.occurrence) {
                Ok(span) => {
                    let section = match headlines {
                        Some(from) if span.start >= from => Section::Headlines,
                        _ => Section::Body,
                    };
                    out.push(Evidence {
                        source,
                        span,
                        section,
                    })
                }
                Err(problem) => {
                    let code = match problem {
                        QuoteProblem::Ambiguous(_) | QuoteProblem::NoSuchOccurrence { .. } => {
                            ErrorCode::QuoteAmbiguous
                        }
                        _ => ErrorCode::QuoteNotFound,
                    };
                    let (message, hint) = match problem {
                        QuoteProblem::Empty => (
                            "the quote is empty".to_owned(),
                            "copy the words that state the claim".to_owned(),
                        ),
                        QuoteProblem::NotFound(closest) => (
                            format!("quote not found verbatim in source {:?}", item.source),
                            not_found_hint(&item.quote, closest.as_deref()),
                        ),
                        QuoteProblem::Ambiguous(n) => (
                            format!("quote occurs {n} times in source {:?}", item.source),
                            format!(
                                "add \"occurrence\": N (1 to {n}) to say which, or quote more words"
                            ),
                        ),
                        QuoteProblem::NoSuchOccurrence { occurrence, found } => (
                            format!(
                                "occurrence {occurrence} asked for, but the quote occurs {found} time(s)"
                            ),
                            format!("use an occurrence from 1 to {found}"),
                        ),
                    };
                    let error = self.error(file, line, "quote", &item.quote, message);
                    error.hint = Some(hint);
                    error.code = code;
                }
            }
        }
        out
    }

    fn claims(&mut self) {
        self.replaced_claims();
        let mut derived: FastMap<String, u32> = FastMap::default();
        let text = self.text(CLAIMS);
        self.each_line(
            CLAIMS,
            text.numbered(),
            text.bytes(),
            |loader, line: Line<'_, ClaimRecord>| {
                if let Some(claim) = loader.claim(&line, KeyFrom::Line(&mut derived)) {
                    loader.parts.claims.push(claim);
                }
            },
        );
    }

    /// Checks one line of `claims.jsonl`, and builds its claim if its subject, predicate and
    /// object resolve. `key_from` says how it gets its key: a new line's own, or that of the
    /// claim it rewrites.
    fn claim(&mut self, line: &Line<'_, ClaimRecord>, key_from: KeyFrom<'_>) -> Option<Claim> {
        let r = &line.record;
        let subject = self.entity(CLAIMS, line, "subject", &r.subject);
        let object = self.entity(CLAIMS, line, "object", &r.object);
        let predicate = self.predicates().find(&r.predicate);
        if predicate.is_none() && !self.broken_predicates.contains(&r.predicate) {
            let names: Vec<&str> = self
                .predicates()
                .predicates()
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            let closest = names
                .iter()
                .map(|n| (strsim::jaro_winkler(n, &r.predicate), n))
                .filter(|(score, _)| *score > 0.85)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let hint = match closest {
                Some((_, name)) => {
                    format!("did you mean {name:?}? Otherwise declare it in {VOCABULARY}")
                }
                None if names.is_empty() => format!("declare it in {VOCABULARY}"),
                None => format!(
                    "use one of: {}, or declare it in {VOCABULARY}",
                    names.join(", ")
                ),
            };
            self.error(
                CLAIMS,
                line,
                "predicate",
                &r.predicate,
                format!("unknown predicate {:?}", r.predicate),
            )
            .hint = Some(hint);
            self.set_code(ErrorCode::UnknownPredicate);
        }
        if let (Some(p), Some(s), Some(o)) = (predicate, subject, object) {
            let def = self.predicates().get(p).clone();
            let p = &def.name;
            for (role, entity, allowed, field, id) in [
                ("subject", s, &def.subject, "subject", &r.subject),
                ("object", o, &def.object, "object", &r.object),
            ] {
                let kind = self.entity_kind(entity);
                if !allowed.contains(&kind) {
                    self.error(
                        CLAIMS,
                        line,
                        field,
                        id,
                        format!("{p} does not allow a {role} of kind {kind} ({id:?})"),
                    )
                    .hint = Some(format!(
                        "{p} takes a {role} of kind {}; use another predicate, fix the entity's kind or widen {p} in {VOCABULARY}",
                        list(allowed)
                    ));
                    self.set_code(ErrorCode::PredicateNotAllowed);
                }
            }
            self.check_qualifiers(line, &def, &r.qualifiers);
        }
        let qualifiers = self.qualifiers(CLAIMS, line, &r.qualifiers);
        let evidence = self.evidence(CLAIMS, line, &r.evidence);
        if r.inferred && r.evidence.len() < 2 {
            self.error(CLAIMS, line, "inferred", "inferred", "an inferred claim must cite every sentence it rests on (at least two quotes)".into())
                .hint = Some("add the other sentence as a second evidence item, or set \"inferred\": false if one sentence states it".into());
        }
        let retracted = r
            .retracted
            .as_ref()
            .map(|t| self.retraction(CLAIMS, line, t));
        let key = match key_from {
            KeyFrom::Line(derived) => match &r.id {
                Some(id) => {
                    self.declare(CLAIMS, line, id, Declared::Claim);
                    id.clone()
                }
                None => {
                    let base = format!("{}.{}.{}", r.subject, r.predicate, r.object);
                    self.derive_key(derived, CLAIMS, base)
                }
            },
            KeyFrom::Kept(old) => {
                self.check_rewrite(line, old, (subject, predicate, object));
                old.key().into_owned()
            }
        };
        let (Some(subject), Some(predicate), Some(object)) = (subject, predicate, object) else {
            return None;
        };
        Some(Claim {
            key,
            subject,
            predicate,
            object,
            qualifiers,
            evidence,
            inferred: r.inferred,
            retracted,
        })
    }

    /// The key of the `n`-th line without an id deriving `base` (counting the base graph's,
    /// when extending): `base`, then `base.2`, `base.3`…
    fn derive_key(
        &self,
        derived: &mut FastMap<String, u32>,
        file: &'static str,
        base: String,
    ) -> String {
        let n = match derived.get_mut(&base) {
            Some(n) => {
                *n += 1;
                *n
            }
            None => {
                let n = self.derived_in_base(file, &base) + 1;
                derived.insert(base.clone(), n);
                n
            }
        };
        if n == 1 { base } else { format!("{base}.{n}") }
    }

    fn retraction<T>(
        &mut self,
        file: &'static str,
        line: &Line<'_, T>,
        r: &RetractionRecord,
    ) -> Retraction {
        if !is_timestamp(&r.at) {
            self.error(file, line, "at", &r.at, format!("invalid timestamp {:?}", r.at))
                .hint = Some("write when the claim was retracted as an RFC 3339 UTC timestamp: \"2026-12-03T05:19:25Z\"".into());
        }
        if r.reason.trim().is_empty() {
            self.error(
                file,
                line,
                "reason",
                &r.reason,
                "the retraction's reason is empty".into(),
            )
            .hint = Some("say why the claim was withdrawn".into());
        }
        Retraction {
            at: r.at.clone(),
            reason: r.reason.clone(),
            by: r.by.clone(),
        }
    }

    fn quantities(&mut self) {
        self.replaced_quantities();
        let mut derived: FastMap<String, u32> = FastMap::default();
        let text = self.text(QUANTITIES);
        let lines = self.parse::<QuantityRecord>(QUANTITIES, &text);
        let total = lines.len() as u64;
        for (i, line) in lines.into_iter().enumerate() {
            self.tick(QUANTITIES, "check and locate quotes", i, total);
            if let Some(quantity) = self.quantity(&line, QuantityKey::Line(&mut derived)) {
                self.lines.quantities.push(line.number as u32);
                self.parts.quantities.push(quantity);
            }
        }
    }

    /// Checks one line of `quantities.jsonl`, and builds its quantity claim if its subject,
    /// hedge and evidence resolve. `key_from` says how it gets its key: a new line's own, or
    /// that of the figure it rewrites.
    fn quantity(
        &mut self,
        line: &Line<'_, QuantityRecord>,
        key_from: QuantityKey<'_>,
    ) -> Option<Quantity> {
        let r = &line.record;
        let subject = self.entity(QUANTITIES, line, "subject", &r.subject);
        if !valid_property(&r.property) {
            self.error(
                QUANTITIES,
                line,
                "property",
                &r.property,
                format!("invalid property {:?}", r.property),
            )
            .hint =
                Some("properties are snake_case, e.g. \"spectators\" or \"seat_capacity\"".into());
        }
        if !r.value.is_finite() {
            self.error(
                QUANTITIES,
                line,
                "value",
                "value",
                "value must be a finite number".into(),
            );
        }
        if r.unit.trim().is_empty() {
            self.error(QUANTITIES, line, "unit", &r.unit, "unit is empty".into())
                .hint = Some("say what the number counts, e.g. \"people\"".into());
        }
        let hedge = match &r.hedge {
            None => Some(Hedge::Exact),
            Some(h) => {
                let parsed = Hedge::parse(h);
                if parsed.is_none() {
                    self.error(QUANTITIES, line, "hedge", h, format!("unknown hedge {h:?}"))
                        .hint = Some(format!("use one of: {}", list(Hedge::ALL)));
                }
                parsed
            }
        };
        let qualifiers = self.qualifiers(QUANTITIES, line, &r.qualifiers);
        let evidence = self.evidence(QUANTITIES, line, &r.evidence);
        let mut cited: Vec<&str> = r.evidence.iter().map(|e| e.source.as_str()).collect();
        cited.sort_unstable();
        cited.dedup();
        if cited.len() > 1 {
            let names = list(&cited);
            self.error(
                QUANTITIES,
                line,
                "evidence",
                "evidence",
                format!("evidence comes from several sources ({names})"),
            )
            .hint = Some(
                "each source's figure is its own quantity claim: split this line, one per source"
                    .into(),
            );
        }
        let retracted = r
            .retracted
            .as_ref()
            .map(|t| self.retraction(QUANTITIES, line, t));
        let key = match key_from {
            QuantityKey::Line(derived) => match &r.id {
                Some(id) => {
                    self.declare(QUANTITIES, line, id, Declared::Claim);
                    id.clone()
                }
                None => {
                    let source = cited.first().copied().unwrap_or("none");
                    let base = format!("{}.{}.{}", r.subject, r.property, source);
                    self.derive_key(derived, QUANTITIES, base)
                }
            },
            QuantityKey::Kept(old) => {
                self.check_quantity_rewrite(line, old, subject, evidence.first());
                old.key.clone()
            }
        };
        let (Some(subject), Some(hedge), false) = (subject, hedge, evidence.is_empty()) else {
            return None;
        };
        Some(Quantity {
            key,
            subject,
            property: r.property.clone(),
            value: r.value,
            unit: r.unit.clone(),
            hedge,
            qualifiers,
            evidence,
            retracted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_dates_and_properties() {
        assert!(
            valid_id("tom-cruise")
                && valid_id("la28")
                && !valid_id("Tom")
                && !valid_id("a--b")
                && !valid_id("-a")
        );
        assert!(is_date("2024-08-11", false) && !is_date("2024", false) && is_date("2024", true));
        assert!(!is_date("2024-13-01", false) && !is_date("24-08-11", false));
        assert!(
            valid_property("seat_capacity") && !valid_property("Seats") && !valid_property("_x")
        );
    }

    #[test]
    fn columns_point_at_the_value() {
        let raw = r#"{"subject": "tom", "object": "tom"}"#;
        assert_eq!(column_of(raw, "object", "tom"), 30);
        assert_eq!(column_of(raw, "subject", "tom"), 13);
    }
}
