//! The in-memory knowledge graph: entities and sources as nodes, relation claims as directed
//! edges, with id, name and mention indexes, search and traversals.
//!
//! This module is pure: it does no IO and knows nothing of files, GraphQL or HTTP. The storage
//! (a CSR adjacency in both directions, `csr.rs`) is an implementation detail: nothing outside
//! this module sees an edge offset.

pub mod algo;
pub mod analytics;
mod bounds;
mod claims;
mod csr;
mod extend;
pub mod fold;
mod index;
mod layered;
mod mention_table;
mod mentions;
pub mod model;
pub mod search;
pub mod snapshot;
pub mod view;
mod vocabulary;

pub use model::*;

pub use bounds::ListBounds;
pub use claims::ClaimRef;
pub use csr::MAX_CLAIMS;
pub(crate) use csr::{Edge, FastMap};
pub use extend::Layers;
pub use layered::Layered;
pub use vocabulary::{MAX_PREDICATES, camel_case};

use std::sync::{Arc, OnceLock};

use claims::Claims;
use csr::{Adjacency, KeyTable};
use index::GroupIndex;
use layered::{LayeredCsr, LayeredGroups};
use mention_table::Mentions;
use mentions::{Matcher, WordIndex};
use search::SearchIndex;

/// Which way to follow relation edges from an entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From subject to object.
    Outgoing,
    /// From object to subject.
    Incoming,
    /// Both ways.
    #[default]
    Both,
}

/// Anything an id can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// An entity.
    Entity(EntityId),
    /// A source.
    Source(SourceId),
    /// A relation claim.
    Claim(ClaimId),
    /// A quantity claim.
    Quantity(QuantityId),
}

/// One step along a relation edge, seen from the entity it leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// The claim followed.
    pub claim: ClaimId,
    /// The entity the step reaches.
    pub to: EntityId,
    /// True when the step goes from the claim's subject to its object (or, through a
    /// qualifier, from the subject to the entity the qualifier names).
    pub forward: bool,
    /// Set when the step joins the claim's subject to the entity its `place` or `event`
    /// qualifier names, rather than to its object.
    pub qualifier: Option<QualifierKey>,
}

/// Everything the graph is built from, already validated by the dataset loader: every id in a
/// claim, quantity or qualifier is in range, and every span lies on character boundaries.
#[derive(Clone, Debug, Default)]
pub struct GraphParts {
    /// The predicates claims may use.
    pub vocabulary: Vocabulary,
    /// Entities, indexed by [`EntityId`].
    pub entities: Vec<Entity>,
    /// Sources, indexed by [`SourceId`].
    pub sources: Vec<Source>,
    /// Relation claims, indexed by [`ClaimId`].
    pub claims: Vec<Claim>,
    /// Quantity claims, indexed by [`QuantityId`].
    pub quantities: Vec<Quantity>,
}

/// What one write adds to a graph, already validated against it by the dataset loader
/// (`dataset::extend`): new items take the ids after the graph's last ones, in order; a
/// replaced claim keeps its id, key, subject, predicate and object and changes only its
/// evidence or retraction.
#[derive(Clone, Debug, Default)]
pub struct GraphDelta {
    /// New entities, numbered from the graph's entity count.
    pub entities: Vec<Entity>,
    /// New sources, numbered from the graph's source count.
    pub sources: Vec<Source>,
    /// New relation claims, numbered from the graph's claim count.
    pub claims: Vec<Claim>,
    /// New quantity claims, numbered from the graph's quantity count.
    pub quantities: Vec<Quantity>,
    /// Existing relation claims rewritten (more evidence, a retraction), with their new record.
    pub replaced: Vec<(ClaimId, Claim)>,
    /// Existing quantity claims rewritten (a retraction), with their new record.
    pub replaced_quantities: Vec<(QuantityId, Quantity)>,
}

impl GraphDelta {
    /// True when the delta adds and replaces nothing.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.sources.is_empty()
            && self.claims.is_empty()
            && self.quantities.is_empty()
            && self.replaced.is_empty()
            && self.replaced_quantities.is_empty()
    }
}

/// Counts of what a graph holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entities by kind, for every kind.
    pub entities_by_kind: Vec<(EntityKind, usize)>,
    /// Relation claims by predicate, for every predicate in use.
    pub claims_by_predicate: Vec<(Predicate, usize)>,
    /// Per source: (source, claims citing it, quantity claims from it, mentions in it).
    pub by_source: Vec<(SourceId, usize, usize, usize)>,
    /// All entities.
    pub entities: usize,
    /// All relation claims.
    pub claims: usize,
    /// Relation claims marked inferred.
    pub inferred_claims: usize,
    /// All quantity claims.
    pub quantities: usize,
    /// All mentions.
    pub mentions: usize,
    /// All sources.
    pub sources: usize,
}

/// Heap bytes held by each part of a graph, as requested from the allocator (its own overhead
/// and fragmentation excluded: compare with the process's resident set size).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memory {
    /// Entities: records, ids, names, aliases, descriptions.
    pub entities: usize,
    /// Sources: records and texts.
    pub sources: usize,
    /// Relation claims: records, ids, qualifiers, evidence spans.
    pub claims: usize,
    /// Quantity claims.
    pub quantities: usize,
    /// Mentions (one span per occurrence of a name in a source).
    pub mentions: usize,
    /// The CSR adjacency of the relation claims, both directions.
    pub adjacency: usize,
    /// The id table and the per-entity and per-source indexes.
    pub indexes: usize,
    /// The search index.
    pub search: usize,
}

impl Memory {
    /// Every part together.
    pub fn total(&self) -> usize {
        self.entities
            + self.sources
            + self.claims
            + self.quantities
            + self.mentions
            + self.adjacency
            + self.indexes
            + self.search
    }
}

fn opt(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, String::capacity)
}

fn qualifiers_heap(q: &Qualifiers) -> usize {
    opt(&q.role) + opt(&q.date) + opt(&q.note)
}

/// Both directions of some links, as layered CSR runs.
#[derive(Clone, Debug, Default)]
struct Links {
    out: LayeredCsr,
    inc: LayeredCsr,
}

impl Links {
    fn new(adjacency: Adjacency) -> Links {
        Links {
            out: LayeredCsr::new(adjacency.out),
            inc: LayeredCsr::new(adjacency.inc),
        }
    }
}

/// The knowledge graph. Immutable once built; share it behind an `Arc`. A write makes a new
/// graph with [`extend`](Self::extend), which shares everything the write leaves alone with
/// this one.
#[derive(Clone, Debug)]
pub struct KnowledgeGraph {
    vocabulary: Vocabulary,
    adjacency: Links,
    /// A claim's subject to the entities its `place` and `event` qualifiers name.
    qualified: Links,
    entities: Layered<Entity>,
    sources: Layered<Source>,
    claims: Claims,
    quantities: Layered<Quantity>,
    /// Mentions by number, grouped by source (a source whose mentions were found again after a
    /// write leaves its old ones unlisted).
    mentions: Mentions,
    /// Ids of the base's items.
    keys: Arc<KeyTable>,
    /// Ids of the items added since the base.
    added_keys: FastMap<Arc<str>, Item>,
    mentions_by_entity: LayeredGroups,
    quantities_by_entity: LayeredGroups,
    quantities_by_source: LayeredGroups,
    claims_by_source: LayeredGroups,
    /// Search over the base's entities, and over the ones added since.
    search: Arc<SearchIndex>,
    added_search: Option<Arc<SearchIndex>>,
    /// The names of the base's entities, built by the first write that needs them.
    matcher: Arc<OnceLock<Option<Matcher>>>,
    /// The words of the base's source texts, built by the first write that adds an entity.
    words: Arc<OnceLock<WordIndex>>,
    /// The base's list bounds, computed when first asked for.
    base_bounds: Arc<OnceLock<ListBounds>>,
    /// True when some claim is retracted (traversals then look each claim up).
    has_retractions: bool,
    /// Whole-graph analyses of this version, by scope; a new version starts empty.
    analytics: Arc<analytics::Cache>,
}

impl KnowledgeGraph {
    /// Builds the graph and its indexes from validated parts, finding every mention of every
    /// entity in every source.
    pub fn new(parts: GraphParts) -> KnowledgeGraph {
        KnowledgeGraph::with_progress(parts, &mut |_, _, _| {})
    }

    /// [`new`](Self::new), reporting each step as `(step, done, total)`.
    pub fn with_progress(
        parts: GraphParts,
        progress: &mut dyn FnMut(&'static str, u64, u64),
    ) -> KnowledgeGraph {
        let mentions = mentions::find_all(&parts.entities, &parts.sources, &mut |done, total| {
            progress("find mentions", done, total)
        });
        KnowledgeGraph::build(parts, mentions, progress)
    }

    /// The graph of validated parts whose mentions are already found (grouped by source, in
    /// text order within each).
    fn build(
        mut parts: GraphParts,
        mentions: Vec<Mention>,
        progress: &mut dyn FnMut(&'static str, u64, u64),
    ) -> KnowledgeGraph {
        // Claims column-wise first, so that their owned records are freed before the indexes
        // are built.
        let claims = Claims::new(std::mem::take(&mut parts.claims));
        KnowledgeGraph::build_with(parts, claims, mentions, progress)
    }

    /// [`build`](Self::build) with the claims already in columns (`parts.claims` is ignored).
    fn build_with(
        parts: GraphParts,
        claims: Claims,
        mentions: Vec<Mention>,
        progress: &mut dyn FnMut(&'static str, u64, u64),
    ) -> KnowledgeGraph {
        let GraphParts {
            vocabulary,
            entities,
            sources,
            quantities,
            ..
        } = parts;
        let n_entities = entities.len();

        // The search index is built on a second core while this one builds the rest.
        let (search, adjacency, qualified, indexes, keys, mentions) = std::thread::scope(|scope| {
            let search = scope.spawn(|| {
                SearchIndex::new(entities.iter().enumerate().map(|(i, e)| (i as u32, e)))
            });
            // Relation claims as a CSR adjacency in both directions.
            progress("adjacency", 0, 1);
            let rows = claims.base_rows();
            let adjacency = Adjacency::new(
                n_entities,
                rows.clone()
                    .enumerate()
                    .map(|(i, (s, o, p, _, _))| (s.0, o.0, i as u32, p)),
            );
            let qualified = Adjacency::new(
                n_entities,
                rows.clone()
                    .enumerate()
                    .flat_map(|(i, (s, _, p, q, _))| qualifier_links(i as u32, s, p, q)),
            );

            progress("indexes", 0, 1);
            let n_sources = sources.len();
            let mentions_by_entity = GroupIndex::new(
                n_entities,
                mentions
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (m.entity.0, i as u32)),
            );
            let quantities_by_entity = GroupIndex::new(
                n_entities,
                quantities
                    .iter()
                    .enumerate()
                    .map(|(i, q)| (q.subject.0, i as u32)),
            );
            let quantities_by_source = GroupIndex::new(
                n_sources,
                quantities
                    .iter()
                    .enumerate()
                    .map(|(i, q)| (q.source().0, i as u32)),
            );
            let claims_by_source = GroupIndex::new(
                n_sources,
                rows.enumerate().flat_map(|(i, (.., evidence))| {
                    cited_sources(evidence).map(move |s| (s.0, i as u32))
                }),
            );

            // Only the keys a dataset gave are filed in the id table (the others are derived from
            // the claim's triple, and parsed back by `lookup`).
            let given: Vec<(usize, &str)> = claims.given_keys().collect();
            let mut keys = KeyTable::with_capacity(
                n_entities + sources.len() + given.len() + quantities.len(),
            );
            {
                let key_of = |tag: u32, i: usize| -> &str {
                    match tag {
                        TAG_ENTITY => &entities[i].key,
                        TAG_SOURCE => &sources[i].key,
                        TAG_CLAIM => claims.given_key(i).unwrap_or_default(),
                        _ => &quantities[i].key,
                    }
                };
                for (i, e) in entities.iter().enumerate() {
                    keys.insert(&e.key, TAG_ENTITY, i, key_of);
                }
                for (i, s) in sources.iter().enumerate() {
                    keys.insert(&s.key, TAG_SOURCE, i, key_of);
                }
                for &(i, key) in &given {
                    keys.insert(key, TAG_CLAIM, i, key_of);
                }
                for (i, q) in quantities.iter().enumerate() {
                    keys.insert(&q.key, TAG_QUANTITY, i, key_of);
                }
            }
            drop(given);
            progress("search index", 0, 1);
            let search = search
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            progress("search index", 1, 1);
            let indexes = [
                mentions_by_entity,
                quantities_by_entity,
                quantities_by_source,
                claims_by_source,
            ];
            let mention_table = Mentions::new(n_sources, &mentions);
            (search, adjacency, qualified, indexes, keys, mention_table)
        });
        let [
            mentions_by_entity,
            quantities_by_entity,
            quantities_by_source,
            claims_by_source,
        ] = indexes;

        let has_retractions = claims.base_has_retractions();
        KnowledgeGraph {
            has_retractions,
            vocabulary,
            adjacency: Links::new(adjacency),
            qualified: Links::new(qualified),
            entities: Layered::new(entities),
            sources: Layered::new(sources),
            claims,
            quantities: Layered::new(quantities),
            mentions,
            keys: Arc::new(keys),
            added_keys: FastMap::default(),
            mentions_by_entity: LayeredGroups::new(mentions_by_entity),
            quantities_by_entity: LayeredGroups::new(quantities_by_entity),
            quantities_by_source: LayeredGroups::new(quantities_by_source),
            claims_by_source: LayeredGroups::new(claims_by_source),
            search: Arc::new(search),
            added_search: None,
            matcher: Arc::default(),
            words: Arc::default(),
            base_bounds: Arc::default(),
            analytics: Arc::default(),
        }
    }

    /// True when at least one claim is retracted.
    #[inline]
    pub fn has_retractions(&self) -> bool {
        self.has_retractions
    }

    /// The predicates this graph's claims use, with what each means.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Every entity, in dataset order.
    pub fn entities(&self) -> &Layered<Entity> {
        &self.entities
    }

    /// Every source, in dataset order.
    pub fn sources(&self) -> &Layered<Source> {
        &self.sources
    }

    /// Every relation claim, in dataset order.
    pub fn claims(&self) -> impl ExactSizeIterator<Item = ClaimRef<'_>> + '_ {
        (0..self.claims.len()).map(|i| self.claim(ClaimId(i as u32)))
    }

    /// How many relation claims.
    pub fn claim_count(&self) -> usize {
        self.claims.len()
    }

    /// The relation claim at position `i` of [`claims`](Self::claims), if any.
    pub fn claim_at(&self, i: usize) -> Option<ClaimRef<'_>> {
        self.claims.get(i, self)
    }

    /// Every quantity claim, in dataset order.
    pub fn quantities(&self) -> &Layered<Quantity> {
        &self.quantities
    }

    /// Every mention, grouped by source, in text order. O(mentions): for whole-graph passes.
    pub fn mentions(&self) -> Vec<Mention> {
        (0..self.sources.len() as u32)
            .flat_map(|s| self.mentions_in(SourceId(s)))
            .collect()
    }

    /// An entity by index.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// A source by index.
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }

    /// A relation claim by index.
    #[inline]
    pub fn claim(&self, id: ClaimId) -> ClaimRef<'_> {
        match self.claims.get(id.index(), self) {
            Some(claim) => claim,
            None => panic!("claim {} out of range of {}", id.0, self.claims.len()),
        }
    }

    /// A quantity claim by index.
    pub fn quantity(&self, id: QuantityId) -> &Quantity {
        &self.quantities[id.index()]
    }

    /// Whatever the stable id names, if anything.
    pub fn lookup(&self, key: &str) -> Option<Item> {
        if !self.added_keys.is_empty()
            && let Some(&item) = self.added_keys.get(key)
        {
            return Some(item);
        }
        let Some((tag, i)) = self.keys.get(key, |tag, i| self.key_of(tag, i)) else {
            return self.claim_by_derived_key(key).map(Item::Claim);
        };
        Some(match tag {
            TAG_ENTITY => Item::Entity(EntityId(i as u32)),
            TAG_SOURCE => Item::Source(SourceId(i as u32)),
            TAG_CLAIM => Item::Claim(ClaimId(i as u32)),
            _ => Item::Quantity(QuantityId(i as u32)),
        })
    }

    fn key_of(&self, tag: u32, i: usize) -> &str {
        match tag {
            TAG_ENTITY => &self.entities[i].key,
            TAG_SOURCE => &self.sources[i].key,
            TAG_CLAIM => self.claims.given_key(i).unwrap_or_default(),
            _ => &self.quantities[i].key,
        }
    }

    /// The claim whose derived key is `key` (`subject.PREDICATE.object`, `.n` for the `n`-th
    /// such claim): found among the subject's outgoing claims. O(subject's degree).
    fn claim_by_derived_key(&self, key: &str) -> Option<ClaimId> {
        let mut parts = key.split('.');
        let triple = (parts.next()?, parts.next()?, parts.next()?);
        let repeat = match parts.next() {
            None => 1,
            Some(n) => n.parse().ok().filter(|&n: &u32| n >= 2)?,
        };
        if parts.next().is_some() {
            return None;
        }
        self.claims_with_triple(triple)
            .find(|c| c.derives_key(repeat))
            .map(|c| c.id)
    }

    /// How many claims derive their key from `subject.PREDICATE.object` (the next one gets
    /// `.n + 1`). O(subject's degree).
    pub fn derived_keys_of(&self, triple: &str) -> u32 {
        let mut parts = triple.split('.');
        let (Some(s), Some(p), Some(o), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return 0;
        };
        let mut repeats: Vec<u32> = self
            .claims_with_triple((s, p, o))
            .filter_map(|c| c.derived_repeat())
            .collect();
        repeats.sort_unstable();
        repeats.dedup();
        // Numbered from 1 without gaps; count the run from 1, as the loader numbers.
        repeats
            .iter()
            .zip(1..)
            .take_while(|&(&r, n)| r == n)
            .count() as u32
    }

    /// The claims from `subject` by `PREDICATE` to `object`, named by their ids.
    fn claims_with_triple(
        &self,
        (subject, predicate, object): (&str, &str, &str),
    ) -> impl Iterator<Item = ClaimRef<'_>> + '_ {
        let found = (|| {
            Some((
                self.entity_by_key(subject)?,
                self.vocabulary.find(predicate)?,
                self.entity_by_key(object)?,
            ))
        })();
        found
            .into_iter()
            .flat_map(move |(subject, predicate, object)| {
                let (out, _) = self.edges(subject, Direction::Outgoing);
                out.iter()
                    .filter(move |e| e.to == object.0 && e.predicate() == predicate)
                    .map(|e| self.claim(ClaimId(e.claim())))
            })
    }

    /// The entity with this stable id.
    pub fn entity_by_key(&self, key: &str) -> Option<EntityId> {
        match self.lookup(key)? {
            Item::Entity(id) => Some(id),
            _ => None,
        }
    }

    /// The source with this stable id.
    pub fn source_by_key(&self, key: &str) -> Option<SourceId> {
        match self.lookup(key)? {
            Item::Source(id) => Some(id),
            _ => None,
        }
    }

    /// The text a piece of evidence quotes.
    pub fn quote(&self, evidence: &Evidence) -> &str {
        self.source(evidence.source).slice(evidence.span)
    }

    /// How many relation claims an entity is the subject or the object of (retracted ones
    /// included; a claim about itself counted once). O(its outgoing edges).
    pub fn degree(&self, id: EntityId) -> usize {
        let (out, inc) = self.edges(id, Direction::Both);
        let loops = out.iter().filter(|e| e.to == id.0).count();
        out.len() + inc.len() - loops
    }

    /// The relation edges at an entity, in the given direction, as steps away from it.
    /// A claim whose subject and object are the same entity is reported once per direction.
    pub fn steps(&self, id: EntityId, direction: Direction) -> impl Iterator<Item = Step> + '_ {
        let (out, inc) = self.edges(id, direction);
        out.iter()
            .map(|e| Step {
                claim: ClaimId(e.claim()),
                to: EntityId(e.to),
                forward: true,
                qualifier: None,
            })
            .chain(inc.iter().map(|e| Step {
                claim: ClaimId(e.claim()),
                to: EntityId(e.to),
                forward: false,
                qualifier: None,
            }))
    }

    /// The links at an entity through claims' `place` and `event` qualifiers: outgoing from a
    /// claim's subject to the entity a qualifier names, incoming the other way.
    #[inline]
    pub(crate) fn qualifier_edges(&self, id: EntityId, direction: Direction) -> (&[Edge], &[Edge]) {
        let out = match direction {
            Direction::Outgoing | Direction::Both => self.qualified.out.get(id.0),
            Direction::Incoming => &[],
        };
        let inc = match direction {
            Direction::Incoming | Direction::Both => self.qualified.inc.get(id.0),
            Direction::Outgoing => &[],
        };
        (out, inc)
    }

    /// Which qualifier of a claim names `entity` (`place` first).
    pub fn qualifier_naming(&self, claim: ClaimId, entity: EntityId) -> Option<QualifierKey> {
        let q = self.claim(claim).qualifiers;
        if q.place == Some(entity) {
            Some(QualifierKey::Place)
        } else if q.event == Some(entity) {
            Some(QualifierKey::Event)
        } else {
            None
        }
    }

    /// The raw adjacency runs at an entity: outgoing edges (empty unless `direction` allows
    /// them), then incoming ones.
    #[inline]
    pub(crate) fn edges(&self, id: EntityId, direction: Direction) -> (&[Edge], &[Edge]) {
        let out = match direction {
            Direction::Outgoing | Direction::Both => self.adjacency.out.get(id.0),
            Direction::Incoming => &[],
        };
        let inc = match direction {
            Direction::Incoming | Direction::Both => self.adjacency.inc.get(id.0),
            Direction::Outgoing => &[],
        };
        (out, inc)
    }

    /// The CSR arrays of the relation edges, subject to object: `offsets` has one entry per
    /// entity plus one, and `targets[offsets[u]..offsets[u + 1]]` are the objects of `u`'s
    /// claims. For benchmarks that compare a plain loop over the same edges with the traversals.
    pub fn csr_outgoing(&self) -> (Vec<u32>, Vec<u32>) {
        csr_arrays(&self.adjacency.out, self.entities.len())
    }

    /// As [`csr_outgoing`](Self::csr_outgoing), object to subject.
    pub fn csr_incoming(&self) -> (Vec<u32>, Vec<u32>) {
        csr_arrays(&self.adjacency.inc, self.entities.len())
    }

    /// The relation claims at an entity in the given direction, in dataset order.
    pub fn claims_of(&self, id: EntityId, direction: Direction) -> Vec<ClaimId> {
        let mut claims: Vec<ClaimId> = self.steps(id, direction).map(|s| s.claim).collect();
        claims.sort_unstable();
        claims.dedup();
        claims
    }

    /// The sources that name an entity at least once, in dataset order. O(its mentions).
    pub fn sources_mentioning(&self, id: EntityId) -> Vec<SourceId> {
        // The mentions of an entity are sorted by source.
        let mut sources: Vec<SourceId> = self.mentions_of(id).map(|m| m.source).collect();
        sources.dedup();
        sources
    }

    /// Every mention of an entity, by source then position.
    pub fn mentions_of(&self, id: EntityId) -> impl ExactSizeIterator<Item = Mention> + '_ {
        self.mentions_by_entity
            .get(id.0)
            .iter()
            .map(|&m| self.mentions.get(m as usize))
    }

    /// Every mention in a source, in text order.
    pub fn mentions_in(&self, id: SourceId) -> impl ExactSizeIterator<Item = Mention> + '_ {
        self.mentions.of_source(id)
    }

    /// Every quantity claim about an entity, in dataset order.
    pub fn quantities_of(&self, id: EntityId) -> impl ExactSizeIterator<Item = QuantityId> + '_ {
        self.quantities_by_entity
            .get(id.0)
            .iter()
            .map(|&q| QuantityId(q))
    }

    /// Every quantity claim a source states, in dataset order.
    pub fn quantities_from(&self, id: SourceId) -> impl ExactSizeIterator<Item = QuantityId> + '_ {
        self.quantities_by_source
            .get(id.0)
            .iter()
            .map(|&q| QuantityId(q))
    }

    /// Every relation claim a source gives evidence for, in dataset order.
    pub fn claims_citing(&self, id: SourceId) -> impl ExactSizeIterator<Item = ClaimId> + '_ {
        self.claims_by_source.get(id.0).iter().map(|&c| ClaimId(c))
    }

    /// Ranked entity search by name or alias; see [`search`].
    pub fn search(&self, text: &str, kinds: &[EntityKind], limit: usize) -> Vec<search::Hit> {
        let mut hits = self.search.search(&self.entities, text, kinds, limit);
        if let Some(added) = &self.added_search {
            hits.extend(added.search(&self.entities, text, kinds, limit));
            search::rank(&mut hits, &self.entities);
            hits.truncate(limit);
        }
        hits
    }

    /// The entities that bear a name (canonical, alias or shared alias) equal to `name` once
    /// both are trimmed and folded (case and accents ignored), in id order: what the loader
    /// checks a new entity's names against.
    pub fn entities_named(&self, name: &str) -> Vec<EntityId> {
        let folded = fold::fold(name.trim());
        let mut found = self.search.named(&self.entities, &folded);
        if let Some(added) = &self.added_search {
            found.extend(added.named(&self.entities, &folded));
        }
        found
    }

    /// Heap bytes held by each part of the graph.
    pub fn memory(&self) -> Memory {
        use std::mem::size_of;
        let strings = |v: &[String]| v.iter().map(String::capacity).sum::<usize>();
        let entities = self.entities.len() * size_of::<Entity>()
            + self
                .entities
                .iter()
                .map(|e| {
                    e.key.capacity()
                        + e.name.capacity()
                        + e.aliases.capacity() * size_of::<String>()
                        + strings(&e.aliases)
                        + e.shared_aliases.capacity() * size_of::<String>()
                        + strings(&e.shared_aliases)
                        + opt(&e.description)
                })
                .sum::<usize>();
        let sources = self.sources.len() * size_of::<Source>()
            + self
                .sources
                .iter()
                .map(|s| {
                    s.key.capacity()
                        + s.title.capacity()
                        + opt(&s.published_on)
                        + s.language.capacity()
                        + opt(&s.outlet)
                        + s.text.capacity()
                })
                .sum::<usize>();
        let claims = self.claims.heap_bytes();
        let quantities = self.quantities.len() * size_of::<Quantity>()
            + self
                .quantities
                .iter()
                .map(|q| {
                    q.key.capacity()
                        + q.property.capacity()
                        + q.unit.capacity()
                        + q.evidence.capacity() * size_of::<Evidence>()
                        + qualifiers_heap(&q.qualifiers)
                })
                .sum::<usize>();
        Memory {
            entities,
            sources,
            claims,
            quantities,
            mentions: self.mentions.heap_bytes(),
            adjacency: self.adjacency.out.heap_bytes()
                + self.adjacency.inc.heap_bytes()
                + self.qualified.out.heap_bytes()
                + self.qualified.inc.heap_bytes(),
            indexes: self.keys.heap_bytes()
                + self.words.get().map_or(0, WordIndex::heap_bytes)
                + self.added_keys.keys().map(|k| k.len() + 32).sum::<usize>()
                + self.mentions_by_entity.heap_bytes()
                + self.quantities_by_entity.heap_bytes()
                + self.quantities_by_source.heap_bytes()
                + self.claims_by_source.heap_bytes(),
            search: self.search.heap_bytes()
                + self.added_search.as_ref().map_or(0, |s| s.heap_bytes()),
        }
    }

    /// Counts of what the graph holds.
    pub fn stats(&self) -> Stats {
        let entities_by_kind = EntityKind::ALL
            .iter()
            .map(|&k| (k, self.entities.iter().filter(|e| e.kind == k).count()))
            .collect();
        let mut counts = vec![0; self.vocabulary.len()];
        for c in self.claims() {
            counts[c.predicate.index()] += 1;
        }
        let claims_by_predicate = self
            .vocabulary
            .ids()
            .zip(counts)
            .filter(|&(_, n)| n > 0)
            .collect();
        let by_source = (0..self.sources.len() as u32)
            .map(|s| {
                (
                    SourceId(s),
                    self.claims_by_source.get(s).len(),
                    self.quantities_by_source.get(s).len(),
                    self.mentions.numbers_in(SourceId(s)).len(),
                )
            })
            .collect();
        Stats {
            entities_by_kind,
            claims_by_predicate,
            by_source,
            entities: self.entities.len(),
            claims: self.claims.len(),
            inferred_claims: self.claims().filter(|c| c.inferred).count(),
            quantities: self.quantities.len(),
            mentions: (0..self.sources.len() as u32)
                .map(|s| self.mentions.numbers_in(SourceId(s)).len())
                .sum(),
            sources: self.sources.len(),
        }
    }
}

/// The links a claim's `place` and `event` qualifiers make from its subject: at most two, the
/// same entity twice being one link, and none to the subject itself.
fn qualifier_links(
    i: u32,
    subject: EntityId,
    predicate: Predicate,
    q: &Qualifiers,
) -> impl Iterator<Item = (u32, u32, u32, Predicate)> + Clone + use<> {
    let mut links = q
        .place
        .into_iter()
        .chain(q.event)
        .filter(move |&to| to != subject);
    let first = links.next();
    let second = links.next().filter(|&s| Some(s) != first);
    first
        .into_iter()
        .chain(second)
        .map(move |to| (subject.0, to.0, i, predicate))
}

/// The sources a claim's evidence cites, each once (the evidence is sorted by source).
fn cited_sources(evidence: &[Evidence]) -> impl Iterator<Item = SourceId> + Clone + '_ {
    evidence
        .iter()
        .enumerate()
        .filter(|&(k, e)| k == 0 || evidence[k - 1].source != e.source)
        .map(|(_, e)| e.source)
}

/// Offsets and targets of a CSR over `n` nodes, read run by run.
fn csr_arrays(csr: &LayeredCsr, n: usize) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = Vec::with_capacity(n + 1);
    let mut targets = Vec::new();
    offsets.push(0);
    for u in 0..n as u32 {
        targets.extend(csr.get(u).iter().map(|e| e.to));
        offsets.push(targets.len() as u32);
    }
    (offsets, targets)
}

const TAG_ENTITY: u32 = 0;
const TAG_SOURCE: u32 = 1;
const TAG_CLAIM: u32 = 2;
const TAG_QUANTITY: u32 = 3;

/// A human-readable account of what a graph holds: totals, entities by kind, claims by
/// predicate, and per-source counts.
pub fn summary(stats: &Stats, graph: &KnowledgeGraph) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} entities, {} relation claims ({} inferred), {} quantity claims, {} mentions, {} sources",
        stats.entities,
        stats.claims,
        stats.inferred_claims,
        stats.quantities,
        stats.mentions,
        stats.sources
    );
    let kinds: Vec<String> = stats
        .entities_by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let _ = writeln!(out, "entities by kind: {}", kinds.join(", "));
    let predicates: Vec<String> = stats
        .claims_by_predicate
        .iter()
        .map(|&(p, n)| format!("{} {n}", graph.vocabulary().name(p)))
        .collect();
    let _ = writeln!(
        out,
        "vocabulary: {} predicates, {} in use",
        graph.vocabulary().len(),
        stats.claims_by_predicate.len()
    );
    let _ = writeln!(out, "claims by predicate: {}", predicates.join(", "));
    for &(source, claims, quantities, mentions) in &stats.by_source {
        let _ = writeln!(
            out,
            "source {}: {claims} claims cite it, {quantities} quantity claims, {mentions} mentions",
            graph.source(source).key
        );
    }
    out.push_str("every claim's evidence was found verbatim in its source");
    out
}
