//! "Related to": the entities linked to a target within some hops, each with the path that
//! links it.

use super::{Bounded, Budget, Filter, Path, reverse};
use crate::graph::{EntityId, FastMap, KnowledgeGraph, Step};

/// An entity linked to the target, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The linked entity.
    pub entity: EntityId,
    /// A shortest path from the linked entity to the target.
    pub path: Path,
}

/// The entities linked to `target` within `max_hops` claims, nearest first (then in dataset
/// order), each with a shortest path from it to the target.
///
/// `filter.predicates` restricts the claims followed; `filter.kinds` restricts the *results*
/// (the path may pass through any kind); `filter.direction` is seen from the results: with
/// `Outgoing`, each path follows claims subject→object from the result towards the target (the
/// performers who are NATIVE_OF California). At most `max_results` are returned; `complete` is
/// false when that bound or `budget.max_visited` cut the list short.
///
/// Complexity: O(V' + E') for the entities and claims within `max_hops` of the target.
pub fn related(
    graph: &KnowledgeGraph,
    target: EntityId,
    max_hops: usize,
    max_results: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Vec<Related>> {
    let walk = reverse(filter.direction);
    let mut parent: FastMap<EntityId, (EntityId, Step)> = FastMap::default();
    let mut frontier = vec![target];
    let mut found: Vec<EntityId> = Vec::new();
    let mut complete = true;
    for _ in 0..max_hops {
        let mut next = Vec::new();
        let mut out_of_budget = false;
        'expand: for &u in &frontier {
            for step in filter.steps(graph, u, walk) {
                let v = step.to;
                if v == target || parent.contains_key(&v) {
                    continue;
                }
                if parent.len() >= budget.max_visited {
                    out_of_budget = true;
                    break 'expand;
                }
                parent.insert(v, (u, step));
                next.push(v);
            }
        }
        // Within a level, dataset order; a cut level still yields what it discovered.
        let mut level: Vec<EntityId> = next
            .iter()
            .copied()
            .filter(|&v| filter.allows_kind(graph.entity(v).kind))
            .collect();
        level.sort_unstable();
        let room = max_results.saturating_sub(found.len());
        if level.len() > room {
            level.truncate(room);
            complete = false;
        }
        found.extend(level);
        if out_of_budget {
            complete = false;
        }
        if !complete || next.is_empty() {
            break;
        }
        frontier = next;
    }
    let value = found
        .into_iter()
        .map(|entity| {
            let mut nodes = vec![entity];
            let mut steps = Vec::new();
            let mut at = entity;
            while let Some(&(toward_target, step)) = parent.get(&at) {
                steps.push(Step {
                    claim: step.claim,
                    to: toward_target,
                    forward: !step.forward,
                    qualifier: step.qualifier,
                });
                nodes.push(toward_target);
                at = toward_target;
            }
            Related {
                entity,
                path: Path { nodes, steps },
            }
        })
        .collect();
    Bounded { value, complete }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Direction;
    use crate::graph::algo::testing::{A, N};
    use crate::graph::algo::testing::{e, graph};

    #[test]
    fn lists_linked_entities_nearest_first_with_paths_towards_the_target() {
        // 1 and 2 are natives of 0; 3 appeared with 1.
        let g = graph(4, &[(1, N, 0), (2, N, 0), (3, A, 1)]);
        let natives = related(
            &g,
            e(0),
            1,
            10,
            &Filter {
                predicates: &[N],
                direction: Direction::Outgoing,
                ..Filter::default()
            },
            Budget::default(),
        );
        let entities: Vec<_> = natives.value.iter().map(|r| r.entity).collect();
        assert_eq!(entities, vec![e(1), e(2)]);
        let path = &natives.value[0].path;
        assert_eq!(path.nodes, vec![e(1), e(0)]);
        assert!(path.steps[0].forward);

        let two = related(&g, e(0), 2, 10, &Filter::default(), Budget::default());
        let far = two.value.last().expect("3 is two hops away");
        assert_eq!(far.entity, e(3));
        assert_eq!(far.path.nodes, vec![e(3), e(1), e(0)]);
        assert_eq!(far.path.steps[1].to, e(0));

        let capped = related(&g, e(0), 2, 1, &Filter::default(), Budget::default());
        assert_eq!(capped.value.len(), 1);
        assert!(!capped.complete);
    }
}
