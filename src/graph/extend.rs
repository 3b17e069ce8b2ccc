//! New graph versions without a rebuild: [`KnowledgeGraph::extend`] adds a write's items beside
//! the base and replaces only the runs and groups they touch; [`KnowledgeGraph::compact`]
//! folds the layers into a new base (the store runs it in the background).
//!
//! The invariant both keep: a graph extended by a delta answers every question exactly as the
//! graph a full load of the same records builds (same ids, same edge order, same mentions),
//! which `tests/extend.rs` checks item by item.

use std::sync::Arc;

use super::csr::{Edge, FastMap};
use super::fold::{fold, fold_with_offsets};
use super::mentions::{Matcher, WordIndex, first_word, mentions_in};
use super::search::SearchIndex;
use super::*;

/// What `extend` costs past the base, to decide when to fold it in (see
/// [`KnowledgeGraph::layered`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layers {
    /// Writes since the base.
    pub writes: usize,
    /// Items added or replaced since the base.
    pub items: usize,
}

impl KnowledgeGraph {
    /// The graph with `delta` added: new items take the next ids, replaced claims keep theirs.
    ///
    /// Costs the size of the delta plus the runs and groups it touches (a hub's whole run is
    /// copied once), plus, when it adds entities, one pass over every source text to find their
    /// names in it; it never rebuilds the graph. The delta must come from `dataset::extend`
    /// over this graph, which validated it.
    pub fn extend(&self, delta: GraphDelta) -> KnowledgeGraph {
        let mut g = self.clone();
        // Analyses describe this version only.
        g.analytics = Arc::default();
        let GraphDelta {
            entities,
            sources,
            mut claims,
            quantities,
            mut replaced,
            replaced_quantities,
        } = delta;
        let (e0, s0, c0, q0) = (
            g.entities.len(),
            g.sources.len(),
            g.claims.len(),
            g.quantities.len(),
        );

        for (k, e) in entities.iter().enumerate() {
            let id = EntityId((e0 + k) as u32);
            g.added_keys.insert(e.key.as_str().into(), Item::Entity(id));
        }
        for (k, s) in sources.iter().enumerate() {
            let id = SourceId((s0 + k) as u32);
            g.added_keys.insert(s.key.as_str().into(), Item::Source(id));
        }
        for (k, c) in claims.iter().enumerate() {
            let id = ClaimId((c0 + k) as u32);
            g.added_keys.insert(c.key.as_str().into(), Item::Claim(id));
        }
        for (k, q) in quantities.iter().enumerate() {
            let id = QuantityId((q0 + k) as u32);
            g.added_keys
                .insert(q.key.as_str().into(), Item::Quantity(id));
        }

        let adds_entities = !entities.is_empty();
        g.entities.push(entities);
        if adds_entities {
            let added = g.entities.added().map(|(i, e)| (i as u32, e));
            g.added_search = Some(Arc::new(SearchIndex::new(added)));
        }
        let adds_sources = !sources.is_empty();
        g.sources.push(sources);

        g.add_claims(c0, &mut claims, &mut replaced);
        g.claims.push(claims);
        for (id, claim) in replaced {
            g.claims.replace(id.index(), claim);
        }

        let mut by_entity: FastMap<u32, Vec<u32>> = FastMap::default();
        let mut by_source: FastMap<u32, Vec<u32>> = FastMap::default();
        for (k, q) in quantities.iter().enumerate() {
            by_entity
                .entry(q.subject.0)
                .or_default()
                .push((q0 + k) as u32);
            by_source
                .entry(q.source().0)
                .or_default()
                .push((q0 + k) as u32);
        }
        append_groups(&mut g.quantities_by_entity, by_entity);
        append_groups(&mut g.quantities_by_source, by_source);
        g.quantities.push(quantities);
        // A rewrite keeps what the figure states and its source: only its record changes.
        for (id, quantity) in replaced_quantities {
            g.quantities.replace(id.index(), quantity);
        }

        if adds_sources || adds_entities {
            g.find_new_mentions(s0, e0);
        }
        g
    }

    /// Files new claims in the adjacency, the qualifier links and the claims-by-source groups,
    /// and re-files the sources of replaced ones.
    fn add_claims(&mut self, c0: usize, claims: &mut [Claim], replaced: &mut [(ClaimId, Claim)]) {
        for claim in claims.iter_mut().chain(replaced.iter_mut().map(|(_, c)| c)) {
            claim.evidence.sort_by_key(|e| (e.source, e.span.start));
            self.has_retractions |= claim.retracted.is_some();
        }
        let mut out: FastMap<u32, Vec<Edge>> = FastMap::default();
        let mut inc: FastMap<u32, Vec<Edge>> = FastMap::default();
        let mut q_out: FastMap<u32, Vec<Edge>> = FastMap::default();
        let mut q_inc: FastMap<u32, Vec<Edge>> = FastMap::default();
        let mut citing: FastMap<u32, Vec<u32>> = FastMap::default();
        for (k, c) in claims.iter().enumerate() {
            let i = (c0 + k) as u32;
            out.entry(c.subject.0)
                .or_default()
                .push(Edge::new(c.object.0, i, c.predicate));
            inc.entry(c.object.0)
                .or_default()
                .push(Edge::new(c.subject.0, i, c.predicate));
            for (from, to, i, p) in qualifier_links(i, c.subject, c.predicate, &c.qualifiers) {
                q_out.entry(from).or_default().push(Edge::new(to, i, p));
                q_inc.entry(to).or_default().push(Edge::new(from, i, p));
            }
            for s in cited_sources(&c.evidence) {
                citing.entry(s.0).or_default().push(i);
            }
        }
        add_runs(&mut self.adjacency, out, inc);
        add_runs(&mut self.qualified, q_out, q_inc);
        append_groups(&mut self.claims_by_source, citing);

        // A replaced claim may cite sources it did not: file it there, in claim order.
        for (id, claim) in replaced.iter() {
            let before: Vec<SourceId> = cited_sources(self.claim(*id).evidence).collect();
            for s in cited_sources(&claim.evidence).filter(|s| !before.contains(s)) {
                let mut items = self.claims_by_source.get(s.0).to_vec();
                if let Err(at) = items.binary_search(&id.0) {
                    items.insert(at, id.0);
                }
                self.claims_by_source.set(s.0, items);
            }
        }
    }

    /// Finds the mentions in the sources from `s0` on, and, when there are entities from `e0`
    /// on, finds their names again in every older source that has one of them.
    fn find_new_mentions(&mut self, s0: usize, e0: usize) {
        let cell = self.matcher.clone();
        let base = cell.get_or_init(|| base_matcher(&self.entities)).as_ref();
        let added = Matcher::new(self.entities.added().map(|(i, e)| (EntityId(i as u32), e)));
        let matchers: Vec<&Matcher> = base.into_iter().chain(added.as_ref()).collect();

        let mut found: Vec<(SourceId, Vec<Mention>)> = Vec::new();
        for s in s0..self.sources.len() {
            let id = SourceId(s as u32);
            found.push((id, mentions_in(id, &self.sources[s].text, &matchers)));
        }
        let fresh = Matcher::new(
            (e0..self.entities.len()).map(|i| (EntityId(i as u32), &self.entities[i])),
        );
        if let Some(fresh) = fresh {
            let candidates = self.sources_to_search(e0, s0);
            let sources: Vec<&Source> = candidates.iter().map(|&s| &self.sources[s]).collect();
            for k in sources_naming(&fresh, &sources) {
                let id = SourceId(candidates[k] as u32);
                found.push((
                    id,
                    mentions_in(id, &self.sources[id.index()].text, &matchers),
                ));
            }
        }
        self.replace_mentions(found);
    }

    /// The sources below `s0` in which a name of the entities from `e0` on can occur: those of
    /// the base that have the word each name begins with (all of them when a name begins with
    /// no word), and every one added since the base.
    fn sources_to_search(&self, e0: usize, s0: usize) -> Vec<usize> {
        let base = self.sources.base_len().min(s0);
        let words = self
            .words
            .get_or_init(|| WordIndex::new(self.sources.base()));
        let mut found: Vec<usize> = Vec::new();
        for i in e0..self.entities.len() {
            let entity = &self.entities[i];
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let folded = fold(name);
                match first_word(folded.trim_start()) {
                    Some(word) => found.extend(
                        words
                            .sources_with(word)
                            .iter()
                            .map(|&s| s as usize)
                            .filter(|&s| s < base),
                    ),
                    None => return (0..s0).collect(),
                }
            }
        }
        found.extend(base..s0);
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Gives each source listed its new mentions, and re-files the entities they name or
    /// named there.
    fn replace_mentions(&mut self, found: Vec<(SourceId, Vec<Mention>)>) {
        let mut changed: FastMap<u32, ()> = FastMap::default();
        let mut touched: Vec<u32> = Vec::new();
        let mut new_of: FastMap<u32, Vec<u32>> = FastMap::default();
        for (source, list) in found {
            changed.insert(source.0, ());
            touched.extend(self.mentions.of_source(source).map(|m| m.entity.0));
            for (m, mention) in list.iter().enumerate() {
                touched.push(mention.entity.0);
                let number = (self.mentions.len() + m) as u32;
                new_of.entry(mention.entity.0).or_default().push(number);
            }
            self.mentions.replace_source(source, list);
        }
        touched.sort_unstable();
        touched.dedup();
        for e in touched {
            let mut list: Vec<u32> = self
                .mentions_by_entity
                .get(e)
                .iter()
                .copied()
                .filter(|&m| !changed.contains_key(&self.mentions.get(m as usize).source.0))
                .chain(new_of.remove(&e).into_iter().flatten())
                .collect();
            list.sort_unstable_by_key(|&m| {
                let m = self.mentions.get(m as usize);
                (m.source, m.span.start)
            });
            self.mentions_by_entity.set(e, list);
        }
    }

    /// How far this graph is from its base: what [`compact`](Self::compact) would fold in.
    pub fn layered(&self) -> Layers {
        let writes = [
            self.entities.chunks(),
            self.sources.chunks(),
            self.claims.chunks(),
            self.quantities.chunks(),
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        let added = |len: usize, base: usize| len - base;
        let items = added(self.entities.len(), self.entities.base_len())
            + added(self.sources.len(), self.sources.base_len())
            + added(self.claims.len(), self.claims.base_len())
            + self.claims.replaced().count()
            + added(self.quantities.len(), self.quantities.base_len())
            + self.quantities.replaced().count();
        Layers { writes, items }
    }

    /// The same graph with its layers folded into a new base: no mention is searched for
    /// again, and ids and answers stay the same. O(graph); meant to run in the background
    /// while writes go on (see `store::Live`).
    pub fn compact(&self) -> KnowledgeGraph {
        let parts = GraphParts {
            vocabulary: self.vocabulary.clone(),
            entities: self.entities.iter().cloned().collect(),
            sources: self.sources.iter().cloned().collect(),
            claims: Vec::new(),
            quantities: self.quantities.iter().cloned().collect(),
        };
        let claims = self.claims.compacted(self);
        let mentions = self.mentions();
        let graph = KnowledgeGraph::build_with(parts, claims, mentions, &mut |_, _, _| {});
        graph.prepare_writes();
        graph
    }

    /// Builds what the first write would otherwise build on its way (the base's name table,
    /// the words of its texts, its list bounds): call it off the request path on a graph that
    /// will take writes.
    pub fn prepare_writes(&self) {
        self.matcher.get_or_init(|| base_matcher(&self.entities));
        self.words
            .get_or_init(|| WordIndex::new(self.sources.base()));
        let _ = self.list_bounds();
    }
}

fn base_matcher(entities: &Layered<Entity>) -> Option<Matcher> {
    Matcher::new(
        entities
            .base()
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityId(i as u32), e)),
    )
}

/// The indexes of `sources` in whose text one of `matcher`'s names occurs, on every core.
fn sources_naming(matcher: &Matcher, sources: &[&Source]) -> Vec<usize> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(per_thread)
            .enumerate()
            .map(|(k, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .filter(|(_, s)| matcher.occurs_in(&fold_with_offsets(&s.text).0))
                        .map(|(j, _)| k * per_thread + j)
                        .collect::<Vec<usize>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Adds new edges (in ascending claim order) to the runs of the nodes they touch, in the order
/// a full build gives: outgoing by claim, highest first; incoming by the other end, highest
/// first, then by claim, highest first.
fn add_runs(links: &mut Links, out: FastMap<u32, Vec<Edge>>, inc: FastMap<u32, Vec<Edge>>) {
    for (node, new) in out {
        let mut run: Vec<Edge> = new.into_iter().rev().collect();
        run.extend_from_slice(links.out.get(node));
        links.out.set(node, run);
    }
    for (node, new) in inc {
        let mut run = links.inc.get(node).to_vec();
        run.extend(new);
        run.sort_by(|a, b| b.to.cmp(&a.to).then(b.claim().cmp(&a.claim())));
        links.inc.set(node, run);
    }
}

/// Appends items (in ascending order, after every item already filed) to their groups.
fn append_groups(groups: &mut LayeredGroups, new: FastMap<u32, Vec<u32>>) {
    for (key, items) in new {
        let mut all = groups.get(key).to_vec();
        all.extend(items);
        groups.set(key, all);
    }
}
