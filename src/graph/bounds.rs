//! The longest list of each kind the graph can hand out: what a query's cost estimate multiplies
//! by, so that the estimate is an upper bound of the work a query causes rather than a guess.

use serde::{Deserialize, Serialize};

use super::layered::LayeredGroups;
use super::{Edge, EntityKind, KnowledgeGraph, Predicate};

/// Per-kind maxima of the lists the graph returns, computed once from the whole graph.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListBounds {
    /// Most names an entity has besides its own (aliases and shared aliases).
    pub aliases_per_entity: usize,
    /// Most mentions of one entity across all sources.
    pub mentions_per_entity: usize,
    /// Most sources that name one entity.
    pub sources_per_entity: usize,
    /// Most quantity claims about one entity.
    pub quantities_per_entity: usize,
    /// Most mentions in one source.
    pub mentions_per_source: usize,
    /// Most quantity claims one source states.
    pub quantities_per_source: usize,
    /// Most quotes cited by one relation claim.
    pub evidence_per_claim: usize,
    /// Most quotes cited by one quantity claim.
    pub evidence_per_quantity: usize,
    /// Relation claims of each predicate, by [`Predicate::index`].
    pub claims_per_predicate: Vec<usize>,
    /// Most claims of each predicate one entity is the subject of, and the object of, by
    /// [`Predicate::index`]: the longest list a typed relationship field can return.
    pub predicate_degrees: Vec<[usize; 2]>,
    /// Outgoing relation claims of the entities with the most, largest first, as running sums:
    /// `top_out_degrees[k - 1]` is the most claims any `k` entities can be the subject of.
    pub top_out_degrees: Vec<usize>,
    /// Entities, sources, relation claims, quantity claims, mentions: the largest of these
    /// bounds any list the graph can return.
    pub largest: usize,
    /// Sources in the graph.
    pub sources: usize,
    /// Relation claims in the graph.
    pub claims: usize,
    /// Entity kinds.
    pub kinds: usize,
    /// Predicates of the vocabulary.
    pub predicates: usize,
}

/// How many of the highest out-degrees [`ListBounds::top_out_degrees`] keeps.
pub const TOP_DEGREES: usize = 100;

impl KnowledgeGraph {
    /// The longest list of each kind this graph can return. O(entities + claims + quantities)
    /// the first time for a base, then O(what was added since the base) for each version
    /// built on it: added runs and groups can only raise a maximum, so the base's maxima
    /// raised by them stay upper bounds.
    pub fn list_bounds(&self) -> ListBounds {
        let base = self.base_bounds.get_or_init(|| self.base_list_bounds());
        let mut b = base.clone();
        let raise = |bound: &mut usize, groups: &LayeredGroups| {
            for (_, items) in groups.replaced() {
                *bound = (*bound).max(items.len());
            }
        };
        raise(&mut b.mentions_per_entity, &self.mentions_by_entity);
        for (_, items) in self.mentions_by_entity.replaced() {
            b.sources_per_entity = b.sources_per_entity.max(self.distinct_sources(items));
        }
        raise(&mut b.quantities_per_entity, &self.quantities_by_entity);
        for (_, list) in self.mentions.replaced() {
            b.mentions_per_source = b.mentions_per_source.max(list.len());
        }
        raise(&mut b.quantities_per_source, &self.quantities_by_source);
        for (_, e) in self.entities.added() {
            b.aliases_per_entity = b
                .aliases_per_entity
                .max(e.aliases.len() + e.shared_aliases.len());
        }
        for (_, c) in self.claims.added() {
            b.claims_per_predicate[c.predicate.index()] += 1;
            b.evidence_per_claim = b.evidence_per_claim.max(c.evidence.len());
        }
        for (_, c) in self.claims.replaced() {
            b.evidence_per_claim = b.evidence_per_claim.max(c.evidence.len());
        }
        for (_, q) in self.quantities.added() {
            b.evidence_per_quantity = b.evidence_per_quantity.max(q.evidence.len());
        }
        let mut count = vec![0; b.claims_per_predicate.len()];
        for (side, csr) in [&self.adjacency.out, &self.adjacency.inc]
            .into_iter()
            .enumerate()
        {
            for (_, edges) in csr.replaced() {
                raise_degrees(&mut b.predicate_degrees, &mut count, side, edges);
            }
        }
        if !self.adjacency.out.is_base() {
            // A node in both lists is counted twice: still an upper bound, exact again once
            // the layers are folded in.
            let mut degrees: Vec<usize> = b
                .top_out_degrees
                .iter()
                .scan(0, |before, &sum| {
                    let degree = sum - *before;
                    *before = sum;
                    Some(degree)
                })
                .chain(self.adjacency.out.replaced().map(|(_, e)| e.len()))
                .collect();
            b.top_out_degrees = top_sums(&mut degrees);
        }
        b.largest = [
            self.entities.len(),
            self.sources.len(),
            self.claims.len(),
            self.quantities.len(),
            self.mentions.len(),
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        b.sources = self.sources.len();
        b.claims = self.claims.len();
        b
    }

    /// How many sources the mentions `items` (sorted by source) are in.
    fn distinct_sources(&self, items: &[u32]) -> usize {
        let source = |m: &u32| self.mentions.get(*m as usize).source;
        items
            .iter()
            .enumerate()
            .filter(|&(k, m)| k == 0 || source(&items[k - 1]) != source(m))
            .count()
    }

    /// The bounds of the base alone.
    fn base_list_bounds(&self) -> ListBounds {
        let entities = self.entities.base();
        let quantities = self.quantities.base();
        let (out, inc) = (self.adjacency.out.base(), self.adjacency.inc.base());
        let n_entities = entities.len() as u32;
        let n_sources = self.sources.base_len() as u32;
        let max_over = |n: u32, groups: &LayeredGroups| {
            (0..n)
                .map(|k| groups.base().get(k).len())
                .max()
                .unwrap_or(0)
        };
        let mut degrees: Vec<usize> = (0..n_entities).map(|e| out.edges(e).len()).collect();
        let top_out_degrees = top_sums(&mut degrees);
        let n_predicates = self.vocabulary.len();
        let mut claims_per_predicate = vec![0; n_predicates];
        for p in self.claims.base_predicates() {
            claims_per_predicate[p.index()] += 1;
        }
        let mut predicate_degrees = vec![[0; 2]; n_predicates];
        let mut count = vec![0; n_predicates];
        for (side, csr) in [out, inc].into_iter().enumerate() {
            for e in 0..n_entities {
                raise_degrees(&mut predicate_degrees, &mut count, side, csr.edges(e));
            }
        }
        ListBounds {
            aliases_per_entity: entities
                .iter()
                .map(|e| e.aliases.len() + e.shared_aliases.len())
                .max()
                .unwrap_or(0),
            mentions_per_entity: max_over(n_entities, &self.mentions_by_entity),
            sources_per_entity: (0..n_entities)
                .map(|e| self.distinct_sources(self.mentions_by_entity.base().get(e)))
                .max()
                .unwrap_or(0),
            quantities_per_entity: max_over(n_entities, &self.quantities_by_entity),
            mentions_per_source: self.mentions.base_most_in_one_source(),
            quantities_per_source: max_over(n_sources, &self.quantities_by_source),
            evidence_per_claim: self.claims.base_most_evidence(),
            evidence_per_quantity: quantities
                .iter()
                .map(|q| q.evidence.len())
                .max()
                .unwrap_or(0),
            claims_per_predicate,
            predicate_degrees,
            top_out_degrees,
            largest: [
                entities.len(),
                self.sources.base_len(),
                self.claims.base_len(),
                quantities.len(),
                self.mentions.base_len(),
            ]
            .into_iter()
            .max()
            .unwrap_or(0),
            sources: self.sources.base_len(),
            claims: self.claims.base_len(),
            kinds: EntityKind::ALL.len(),
            predicates: n_predicates,
        }
    }
}

/// Raises each predicate's degree on `side` to its count in one node's run (`count` is
/// scratch, all zero before and after).
fn raise_degrees(degrees: &mut [[usize; 2]], count: &mut [usize], side: usize, edges: &[Edge]) {
    for edge in edges {
        count[edge.predicate().index()] += 1;
    }
    for edge in edges {
        let p = edge.predicate().index();
        let degree = &mut degrees[p][side];
        *degree = (*degree).max(count[p]);
        count[p] = 0;
    }
}

/// The running sums of the [`TOP_DEGREES`] largest degrees, largest first.
fn top_sums(degrees: &mut Vec<usize>) -> Vec<usize> {
    degrees.sort_unstable_by(|a, b| b.cmp(a));
    degrees.truncate(TOP_DEGREES);
    degrees
        .iter()
        .scan(0usize, |sum, &d| {
            *sum += d;
            Some(*sum)
        })
        .collect()
}

impl ListBounds {
    /// Most relation claims whose subjects are among any `k` entities.
    pub fn claims_among(&self, k: usize) -> usize {
        if k == 0 {
            return 0;
        }
        match self.top_out_degrees.get(k - 1) {
            Some(&sum) => sum,
            None => self.claims,
        }
    }

    /// Relation claims of one predicate.
    pub fn claims_of(&self, predicate: Predicate) -> usize {
        self.claims_per_predicate
            .get(predicate.index())
            .copied()
            .unwrap_or(self.claims)
    }

    /// Most claims of one predicate an entity takes part in as subject (`outgoing`) or object.
    pub fn predicate_degree(&self, predicate: Predicate, outgoing: bool) -> usize {
        self.predicate_degrees
            .get(predicate.index())
            .map_or(self.claims, |d| d[usize::from(!outgoing)])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_bounds_are_its_real_maxima() {
        let graph = crate::dataset::load_embedded().expect("the seed loads");
        let bounds = graph.list_bounds();
        let paris = graph.entity_by_key("paris").expect("paris");
        assert!(bounds.mentions_per_entity >= graph.mentions_of(paris).len());
        assert_eq!(
            bounds.mentions_per_source,
            (0..graph.sources().len() as u32)
                .map(|s| graph.mentions_in(super::super::SourceId(s)).len())
                .max()
                .unwrap_or(0)
        );
        assert_eq!(bounds.claims_among(usize::MAX), graph.claims().len());
        assert!(bounds.claims_among(1) >= 1);
        assert_eq!(
            bounds.claims_per_predicate.iter().sum::<usize>(),
            graph.claims().len()
        );
    }
}
