//! Extending a loaded graph: the loader run over new lines only, with the graph standing in
//! for the lines it was loaded from.
//!
//! The checks are the loader's own ([`Loader`]): what differs is where the lines come from
//! ([`Additions`] instead of files) and the accessors below, through which every check reads
//! what was declared before. Items of the base graph keep their ids; the loader's tables hold
//! only the new items, numbered after them. Nothing here walks the whole graph on the success
//! path: lookups go through the graph's key and name indexes, and a base source's character
//! index is built only when a new quote cites it. (Suggestions, on the error path, scan keys as
//! they do in a full load.)

use std::collections::BTreeMap;

use super::{
    CLAIMS, ClaimRecord, Declared, ENTITIES, KeyFrom, Line, Loader, QUANTITIES, QuantityKey,
    QuantityRecord, SOURCES, valid_id,
};
use crate::dataset::quote::CharIndex;
use crate::dataset::{DatasetError, DatasetErrors, ErrorCode, Location, Progress, inside};
use crate::graph::fold::fold;
use crate::graph::{
    ClaimId, ClaimRef, EntityId, EntityKind, Evidence, GraphDelta, Hedge, Item, KnowledgeGraph,
    Predicate, Quantity, QuantityId, SourceId, Vocabulary,
};

/// New lines for a dataset's files, to be checked against a graph loaded from the rest.
///
/// The `k`-th new line (from 0) of a file is numbered as if appended to a file holding one line
/// per item of the graph: `count + k + 1`. There are no new vocabulary lines.
#[derive(Clone, Copy, Debug)]
pub struct Additions<'a> {
    /// New lines of `sources.jsonl`, in order.
    pub sources: &'a [String],
    /// New lines of `entities.jsonl`, in order.
    pub entities: &'a [String],
    /// New lines of `claims.jsonl`, in order.
    pub claims: &'a [String],
    /// New lines of `quantities.jsonl`, in order.
    pub quantities: &'a [String],
    /// Rewritten lines of existing relation claims: the claim, and its new JSON line (at line
    /// `claim.index() + 1` of `claims.jsonl`).
    pub replaced: &'a [(ClaimId, String)],
    /// Rewritten lines of existing quantity claims (at line `quantity.index() + 1` of
    /// `quantities.jsonl`).
    pub replaced_quantities: &'a [(QuantityId, String)],
    /// New source texts by relative path (e.g. `"sources/my-report.txt"`).
    pub texts: &'a BTreeMap<String, String>,
}

/// Validates `additions` against `graph` with the loader's own checks and returns what they
/// add: `extend(&load(A)?, B)` accepts and builds what `load(A ++ B)` would for the lines of
/// `B`, and refuses them with the same errors (file names as [`Location::Memory`] shows them,
/// line numbers as in the concatenated files).
///
/// A replaced claim is checked as a claim line at its own line; it keeps the graph claim's key,
/// and may not change its id, subject, predicate or object.
///
/// Items come as the loader builds them: a claim's evidence is in line order (the graph sorts
/// it by source and position when it builds). Errors are those of the additions' lines: when
/// the whole load would also blame a line of the graph (a name all of the graph's owners share
/// and a new entity does not), only the new line's error is reported.
///
/// Complexity: linear in the additions and in the texts of the sources their quotes cite
/// (plus, per derived key, the graph's claims already deriving it); never in the graph's size,
/// except for "did you mean" suggestions and lists of known sources on the error path.
pub fn extend(
    graph: &KnowledgeGraph,
    additions: &Additions<'_>,
) -> Result<GraphDelta, DatasetErrors> {
    // Shows files by their bare names, as the store's in-memory loads do.
    let location = Location::Memory(Default::default());
    let mut progress = |_: Progress| {};
    let mut loader = Loader::new(&location, &mut progress, Some((graph, additions)));
    loader.sources();
    loader.entities();
    loader.claims();
    loader.quantities();
    if !loader.errors.is_empty() {
        return Err(DatasetErrors(loader.errors));
    }
    Ok(GraphDelta {
        entities: loader.parts.entities,
        sources: loader.parts.sources,
        claims: loader.parts.claims,
        quantities: loader.parts.quantities,
        replaced: loader.replaced,
        replaced_quantities: loader.replaced_quantities,
    })
}

/// The number of the first new line of `file` and the new lines.
pub(super) fn new_lines<'a>(
    graph: &KnowledgeGraph,
    additions: &Additions<'a>,
    file: &str,
) -> (usize, &'a [String]) {
    match file {
        SOURCES => (graph.sources().len() + 1, additions.sources),
        ENTITIES => (graph.entities().len() + 1, additions.entities),
        CLAIMS => (graph.claims().len() + 1, additions.claims),
        QUANTITIES => (graph.quantities().len() + 1, additions.quantities),
        _ => (1, &[]),
    }
}

/// How many items the base graph holds (all zero in a full load).
#[derive(Clone, Copy, Default)]
pub(super) struct Counts {
    pub sources: usize,
    pub entities: usize,
}

impl Loader<'_> {
    /// Items of the base graph, which come before the loader's own.
    pub(super) fn counts(&self) -> Counts {
        self.base.map_or_else(Counts::default, |(graph, _)| Counts {
            sources: graph.sources().len(),
            entities: graph.entities().len(),
        })
    }

    /// What `id` names and where it was declared (file and line), among the ids declared so far
    /// and those of the base graph. Derived claim keys are not ids, in the graph as in a load.
    pub(super) fn declared(&self, id: &str) -> Option<(Declared, &'static str, usize)> {
        if let Some(&found) = self.keys.get(id) {
            return Some(found);
        }
        let (graph, _) = self.base?;
        Some(match graph.lookup(id)? {
            Item::Entity(e) => (Declared::Entity(e), ENTITIES, e.index() + 1),
            Item::Source(s) => (Declared::Source(s), SOURCES, s.index() + 1),
            Item::Claim(c) if valid_id(id) => (Declared::Claim, CLAIMS, c.index() + 1),
            Item::Quantity(q) if valid_id(id) => (Declared::Claim, QUANTITIES, q.index() + 1),
            Item::Claim(_) | Item::Quantity(_) => return None,
        })
    }

    /// The predicates: the dataset's, or the base graph's.
    pub(super) fn predicates(&self) -> &Vocabulary {
        match self.base {
            Some((graph, _)) => graph.vocabulary(),
            None => &self.parts.vocabulary,
        }
    }

    /// The kind of a declared entity.
    pub(super) fn entity_kind(&self, entity: EntityId) -> EntityKind {
        let n = self.counts().entities;
        match self.base {
            Some((graph, _)) if entity.index() < n => graph.entity(entity).kind,
            _ => self.parts.entities[entity.index() - n].kind,
        }
    }

    /// The id of the entity at `index`.
    pub(super) fn entity_key(&self, index: usize) -> &str {
        let n = self.counts().entities;
        match self.base {
            Some((graph, _)) if index < n => &graph.entity(EntityId(index as u32)).key,
            _ => &self.parts.entities[index - n].key,
        }
    }

    /// Every entity id, in order, for suggestions.
    pub(super) fn all_entity_keys(&self) -> impl Iterator<Item = &str> {
        let base = self
            .base
            .iter()
            .flat_map(|(graph, _)| graph.entities().iter());
        base.map(|e| e.key.as_str())
            .chain(self.entity_keys.iter().map(String::as_str))
    }

    /// Every source id, in order, for hints.
    pub(super) fn all_source_keys(&self) -> impl Iterator<Item = &str> {
        let base = self
            .base
            .iter()
            .flat_map(|(graph, _)| graph.sources().iter());
        base.chain(&self.parts.sources).map(|s| s.key.as_str())
    }

    /// A source's text, character index and headline start; `None` for a refused source, whose
    /// quotes are not checked. A base source's index is built on first use.
    pub(super) fn source_text(
        &mut self,
        source: SourceId,
    ) -> Option<(&str, &CharIndex, Option<u32>)> {
        let n = self.counts().sources;
        if let Some((graph, _)) = self.base
            && source.index() < n
        {
            let source_ref = graph.source(source);
            let index = self
                .base_index
                .entry(source)
                .or_insert_with(|| CharIndex::new(&source_ref.text));
            return Some((&source_ref.text, index, source_ref.headlines_from));
        }
        let i = source.index() - n;
        if self.broken_sources[i] {
            return None;
        }
        let s = &self.parts.sources[i];
        Some((&s.text, &self.char_index[i], s.headlines_from))
    }

    /// A source text by path: from the dataset, or when extending, from the new texts.
    pub(super) fn read_text(&self, file: &str) -> Result<String, String> {
        match self.base {
            Some((_, additions)) => {
                inside(file)?;
                additions
                    .texts
                    .get(file)
                    .cloned()
                    .ok_or_else(|| "no such file".to_owned())
            }
            None => self.location.read(file).map(|text| text.into_owned()),
        }
    }

    /// The base graph's entities bearing `name` (which folds to `folded`), as the entity check
    /// lists a name's owners: (entity, the name as written, shared?, line).
    pub(super) fn base_owners(
        &self,
        name: &str,
        folded: &str,
    ) -> Vec<(usize, String, bool, usize)> {
        let Some((graph, _)) = self.base else {
            return Vec::new();
        };
        graph
            .entities_named(name)
            .into_iter()
            .filter_map(|id| {
                let e = graph.entity(id);
                let written = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.shared_aliases)
                    .find(|n| fold(n.trim()) == folded)?;
                let shared = e.shared_aliases.iter().any(|s| fold(s) == folded);
                Some((id.index(), written.clone(), shared, id.index() + 1))
            })
            .collect()
    }

    /// How many of the base graph's claims (or quantity claims) derive the key `base`: they
    /// hold `base`, `base.2`… in a row.
    pub(super) fn derived_in_base(&self, file: &str, base: &str) -> u32 {
        let Some((graph, _)) = self.base else {
            return 0;
        };
        if file == CLAIMS {
            return graph.derived_keys_of(base);
        }
        let mut n = 0u32;
        loop {
            let key = if n == 0 {
                base.to_owned()
            } else {
                format!("{base}.{}", n + 1)
            };
            match (graph.lookup(&key), file) {
                (Some(Item::Claim(_)), CLAIMS) | (Some(Item::Quantity(_)), QUANTITIES) => n += 1,
                _ => return n,
            }
        }
    }

    /// Checks the rewritten lines of existing claims, each at its own line.
    pub(super) fn replaced_claims(&mut self) {
        let Some((graph, additions)) = self.base else {
            return;
        };
        for (id, raw) in additions.replaced {
            let number = id.index() + 1;
            let Some(old) = graph.claim_at(id.index()) else {
                let count = graph.claim_count();
                self.errors.push(
                    DatasetError::at(
                        &self.location.display(CLAIMS),
                        number,
                        1,
                        format!("no relation claim at line {number} to rewrite: there are {count}"),
                    )
                    .hint("only an existing claim's line can be rewritten; add a new line instead")
                    .code(ErrorCode::InvalidRecord),
                );
                continue;
            };
            let lines = self.parse_lines::<ClaimRecord>(
                CLAIMS,
                std::iter::once((number, raw.as_str())),
                raw.len() as u64 + 1,
            );
            for line in lines {
                if let Some(claim) = self.claim(&line, KeyFrom::Kept(old)) {
                    self.replaced.push((*id, claim));
                }
            }
        }
    }

    /// Checks the rewritten lines of existing quantity claims, each at its own line.
    pub(super) fn replaced_quantities(&mut self) {
        let Some((graph, additions)) = self.base else {
            return;
        };
        for (id, raw) in additions.replaced_quantities {
            let number = id.index() + 1;
            let Some(old) = graph.quantities().get(id.index()) else {
                let count = graph.quantities().len();
                self.errors.push(
                    DatasetError::at(
                        &self.location.display(QUANTITIES),
                        number,
                        1,
                        format!("no quantity claim at line {number} to rewrite: there are {count}"),
                    )
                    .hint("only an existing claim's line can be rewritten; add a new line instead")
                    .code(ErrorCode::InvalidRecord),
                );
                continue;
            };
            let lines = self.parse_lines::<QuantityRecord>(
                QUANTITIES,
                std::iter::once((number, raw.as_str())),
                raw.len() as u64 + 1,
            );
            for line in lines {
                if let Some(quantity) = self.quantity(&line, QuantityKey::Kept(old)) {
                    self.replaced_quantities.push((*id, quantity));
                }
            }
        }
    }

    /// Refuses a rewrite that changes what a quantity claim states: its id, subject, property,
    /// value, unit, hedge or source (each as far as it resolved).
    pub(super) fn check_quantity_rewrite(
        &mut self,
        line: &Line<'_, QuantityRecord>,
        old: &Quantity,
        subject: Option<EntityId>,
        first: Option<&Evidence>,
    ) {
        let r = &line.record;
        let hedge = r.hedge.as_deref().unwrap_or(Hedge::Exact.as_str());
        let changed = [
            ("id", r.id.as_deref().is_some_and(|id| id != old.key)),
            ("subject", subject.is_some_and(|s| s != old.subject)),
            ("property", r.property != old.property),
            ("value", r.value != old.value),
            ("unit", r.unit != old.unit),
            ("hedge", hedge != old.hedge.as_str()),
            ("source", first.is_some_and(|e| e.source != old.source())),
        ];
        if let Some((field, _)) = changed.into_iter().find(|c| c.1) {
            self.error(
                QUANTITIES,
                line,
                field,
                field,
                format!("a rewrite may not change what a quantity claim states (its {field})"),
            )
            .hint = Some("retract this claim and add a new one".into());
            self.set_code(ErrorCode::InvalidRecord);
        }
    }

    /// Refuses a rewrite that changes what the claim is: its id, subject, predicate or object
    /// (each as far as it resolved; an unresolved one has its own error).
    pub(super) fn check_rewrite(
        &mut self,
        line: &Line<'_, ClaimRecord>,
        old: ClaimRef<'_>,
        (subject, predicate, object): (Option<EntityId>, Option<Predicate>, Option<EntityId>),
    ) {
        let r = &line.record;
        let same_id = match &r.id {
            // The loader's invalid-id error (a derived key is not an id either).
            Some(id) if !valid_id(id) => {
                self.declare(CLAIMS, line, id, Declared::Claim);
                true
            }
            Some(id) => *id == old.key(),
            // Without an id, the line derives its key from its triple, as the old one did.
            None => !valid_id(&old.key()),
        };
        if !same_id {
            let written = r.id.as_deref().unwrap_or("id");
            self.error(
                CLAIMS,
                line,
                "id",
                written,
                format!("a rewrite may not change a claim's id ({:?})", old.key()),
            )
            .hint = Some("keep the line's \"id\" as it was".into());
            self.set_code(ErrorCode::InvalidRecord);
        }
        let changed = [
            (
                "subject",
                &r.subject,
                subject.is_some_and(|s| s != old.subject),
            ),
            (
                "predicate",
                &r.predicate,
                predicate.is_some_and(|p| p != old.predicate),
            ),
            ("object", &r.object, object.is_some_and(|o| o != old.object)),
        ];
        if let Some((field, value, _)) = changed.into_iter().find(|c| c.2) {
            self.error(
                CLAIMS,
                line,
                field,
                value,
                "a rewrite may not change a claim's subject, predicate or object".into(),
            )
            .hint = Some("retract this claim and add a new one".into());
            self.set_code(ErrorCode::InvalidRecord);
        }
    }
}
