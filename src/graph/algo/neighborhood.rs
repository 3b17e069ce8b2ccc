//! The k-hop neighbourhood of an entity.

use super::{Bounded, Budget, Filter};
use crate::graph::{ClaimId, EntityId, FastMap, KnowledgeGraph};

/// The entities within some hops of a centre and the claims among them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subgraph {
    /// Entities with their distance from the centre, nearest first (the centre at 0).
    pub nodes: Vec<(EntityId, u32)>,
    /// Every claim allowed by the filter whose two ends are both in `nodes`, in dataset order.
    pub claims: Vec<ClaimId>,
}

/// The entities within `hops` claims of `center` (breadth-first), and the claims among them.
///
/// `filter.predicates` restricts the claims followed and returned; `filter.kinds` restricts the
/// entities entered (the centre is always included); `filter.direction` the way claims are
/// followed. With `filter.through_qualifiers`, the place or event a claim's qualifier names is
/// entered too; the claim itself is among `claims` only when its subject and object both are. At most `max_nodes` entities are returned; `complete` is false when that bound or
/// `budget.max_visited` cut the neighbourhood short (the nodes returned are then the nearest).
///
/// Complexity: O(V' + E') for the V' entities and E' claims within reach.
pub fn neighborhood(
    graph: &KnowledgeGraph,
    center: EntityId,
    hops: usize,
    max_nodes: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Subgraph> {
    let cap = max_nodes.min(budget.max_visited).max(1);
    let mut distance: FastMap<EntityId, u32> = FastMap::from_iter([(center, 0)]);
    let mut nodes = vec![(center, 0)];
    let mut frontier = vec![center];
    let mut complete = true;
    for depth in 1..=hops as u32 {
        let mut next = Vec::new();
        for &u in &frontier {
            for step in filter.steps(graph, u, filter.direction) {
                let v = step.to;
                if distance.contains_key(&v) || !filter.allows_kind(graph.entity(v).kind) {
                    continue;
                }
                distance.insert(v, depth);
                next.push(v);
            }
        }
        // Within a level, dataset order; a cut keeps the nearest entities.
        next.sort_unstable();
        if nodes.len() + next.len() > cap {
            next.truncate(cap - nodes.len());
            // `next` is sorted: dropping the cut part of the level is O(level × log level).
            distance.retain(|v, d| *d != depth || next.binary_search(v).is_ok());
            nodes.extend(next.iter().map(|&v| (v, depth)));
            complete = false;
            break;
        }
        nodes.extend(next.iter().map(|&v| (v, depth)));
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let mut claims: Vec<ClaimId> = nodes
        .iter()
        .flat_map(|&(u, _)| filter.steps(graph, u, filter.direction))
        // A step through a qualifier reaches the place or event, not the claim's object.
        .filter(|s| s.qualifier.is_none() && distance.contains_key(&s.to))
        .map(|s| s.claim)
        .collect();
    claims.sort_unstable();
    claims.dedup();
    Bounded {
        value: Subgraph { nodes, claims },
        complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::algo::testing::{A, C};
    use crate::graph::algo::testing::{e, graph};

    #[test]
    fn collects_nodes_by_distance_and_the_claims_among_them() {
        let g = graph(5, &[(0, A, 1), (1, A, 2), (2, A, 3), (0, C, 4)]);
        let one = neighborhood(&g, e(0), 1, 100, &Filter::default(), Budget::default());
        assert_eq!(one.value.nodes, vec![(e(0), 0), (e(1), 1), (e(4), 1)]);
        assert_eq!(one.value.claims.len(), 2);
        let two = neighborhood(
            &g,
            e(0),
            2,
            100,
            &Filter {
                predicates: &[A],
                ..Filter::default()
            },
            Budget::default(),
        );
        assert_eq!(two.value.nodes, vec![(e(0), 0), (e(1), 1), (e(2), 2)]);
        assert!(two.complete);
        let capped = neighborhood(&g, e(0), 3, 2, &Filter::default(), Budget::default());
        assert_eq!(capped.value.nodes.len(), 2);
        assert!(!capped.complete);
    }
}
