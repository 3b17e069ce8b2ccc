//! "Related to": the entities linked to a target within some hops, each with the path that
//! links it.

use std::ops::ControlFlow;

use super::scratch::{Scratch, Tree, Visit, with_scratch};
use super::{Bounded, Budget, Filter, Path, reverse};
use crate::graph::{EntityId, KnowledgeGraph, Step};

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
/// Complexity: O(V' + E') for the entities and claims within `max_hops` of the target; memory
/// O(V') in the thread's reused scratch (dense arrays of the graph's size, cleared in O(1)).
pub fn related(
    graph: &KnowledgeGraph,
    target: EntityId,
    max_hops: usize,
    max_results: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Vec<Related>> {
    with_scratch(|scratch| {
        let Scratch {
            trees: [tree, _],
            entities: [frontier, next, level, found],
            ..
        } = scratch;
        tree.clear(graph.entities().len());
        let mut work = Work {
            tree,
            frontier,
            next,
            level,
            found,
        };
        let complete = search(
            graph,
            target,
            max_hops,
            max_results,
            filter,
            budget,
            &mut work,
        );
        let value = work
            .found
            .iter()
            .map(|&entity| Related {
                entity,
                path: path_to_root(work.tree, entity),
            })
            .collect();
        Bounded { value, complete }
    })
}

/// Where a search works, in the thread's scratch: `tree` records how each entity was reached,
/// `found` holds the results when the search returns.
struct Work<'s> {
    tree: &'s mut Tree,
    frontier: &'s mut Vec<EntityId>,
    next: &'s mut Vec<EntityId>,
    level: &'s mut Vec<EntityId>,
    found: &'s mut Vec<EntityId>,
}

/// Breadth-first from `target` against `filter.direction`, recording in `work.tree` how each
/// entity was reached and in `work.found` the results in order; returns whether it ran to
/// completion.
fn search(
    graph: &KnowledgeGraph,
    target: EntityId,
    max_hops: usize,
    max_results: usize,
    filter: &Filter<'_>,
    budget: Budget,
    work: &mut Work<'_>,
) -> bool {
    let Work {
        tree,
        frontier,
        next,
        level,
        found,
    } = work;
    let walk = reverse(filter.direction);
    tree.insert(
        target,
        Visit {
            depth: 0,
            from: None,
        },
    );
    frontier.clear();
    frontier.push(target);
    found.clear();
    let mut complete = true;
    for depth in 1..=max_hops as u32 {
        next.clear();
        let mut out_of_budget = false;
        for &u in frontier.iter() {
            let expanded = filter.steps(graph, u, walk).try_for_each(|step| {
                let v = step.to;
                if tree.contains(v) {
                    return ControlFlow::Continue(());
                }
                // Every entity reached but the target (the first inserted) counts against
                // the budget.
                if tree.inserted() > budget.max_visited {
                    return ControlFlow::Break(());
                }
                tree.insert(
                    v,
                    Visit {
                        depth,
                        from: Some((u, step)),
                    },
                );
                next.push(v);
                ControlFlow::Continue(())
            });
            if expanded.is_break() {
                out_of_budget = true;
                break;
            }
        }
        // Within a level, dataset order; a cut level still yields what it discovered.
        level.clear();
        level.extend(
            next.iter()
                .copied()
                .filter(|&v| filter.allows_entity(graph, v)),
        );
        let room = max_results.saturating_sub(found.len());
        if level.len() > room {
            // Only the lowest ids are kept: select them in O(level) rather than sort the level
            // (a hub's level holds thousands).
            level.select_nth_unstable(room);
            level.truncate(room);
            complete = false;
        }
        level.sort_unstable();
        found.extend_from_slice(level);
        if out_of_budget {
            complete = false;
        }
        if !complete || next.is_empty() {
            break;
        }
        std::mem::swap(frontier, next);
    }
    complete
}

/// The path from `entity` back to the root of `tree`, each step turned to face the root.
fn path_to_root(tree: &Tree, entity: EntityId) -> Path {
    let depth = tree.get(entity).map_or(0, |v| v.depth as usize);
    let mut nodes = Vec::with_capacity(depth + 1);
    let mut steps = Vec::with_capacity(depth);
    nodes.push(entity);
    let mut at = entity;
    while let Some(&Visit {
        from: Some((toward_target, step)),
        ..
    }) = tree.get(at)
    {
        steps.push(Step {
            claim: step.claim,
            to: toward_target,
            forward: !step.forward,
            qualifier: step.qualifier,
        });
        nodes.push(toward_target);
        at = toward_target;
    }
    Path { nodes, steps }
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
