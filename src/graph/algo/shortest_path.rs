//! Shortest path between two entities by bidirectional breadth-first search.

use std::ops::ControlFlow;

use super::scratch::{Scratch, Tree, Visit, with_scratch};
use super::{Bounded, Budget, Filter, Path, reverse};
use crate::graph::{EntityId, KnowledgeGraph, Step};

/// One side of the search: the nodes it discovered (each with its distance from the side's
/// root and the step that reached it), and the nodes it expands next.
struct Side<'t> {
    root: EntityId,
    tree: &'t mut Tree,
    frontier: &'t mut Vec<EntityId>,
    depth: u32,
}

impl<'t> Side<'t> {
    fn new(tree: &'t mut Tree, frontier: &'t mut Vec<EntityId>, at: EntityId, n: usize) -> Self {
        tree.clear(n);
        frontier.clear();
        frontier.push(at);
        tree.insert(
            at,
            Visit {
                depth: 0,
                from: None,
            },
        );
        Side {
            root: at,
            tree,
            frontier,
            depth: 0,
        }
    }
}

/// The shortest path from `from` to `to` of at most `max_hops` claims.
///
/// Arguments: `filter.predicates` restricts the claims followed; `filter.kinds` restricts the
/// entities the path passes *through* (its two ends are exempt); `filter.direction` says whether
/// claims are followed subject→object only (`Outgoing`), object→subject only (`Incoming`), or
/// either way (`Both`).
///
/// Returns `None` in `value` when no such path exists within `max_hops`; `complete` is false when
/// `budget.max_visited` nodes were discovered before the search could decide. Among several
/// shortest paths, the one found first in edge order is returned.
///
/// Complexity: O(b^(d/2)) nodes and edges for branching factor b and distance d (each side
/// expands about half the depth), at most O(V + E); memory O(visited), in the thread's reused
/// scratch (dense arrays of the graph's size, cleared in O(1)).
///
/// ```
/// # use olympia_kg::graph::algo::{shortest_path, Filter, Budget};
/// let graph = olympia_kg::dataset::load_embedded().expect("the seed dataset loads");
/// let snoop = graph.entity_by_key("snoop-dogg").unwrap();
/// let macron = graph.entity_by_key("emmanuel-macron").unwrap();
/// let path = shortest_path(&graph, snoop, macron, 6, &Filter::default(), Budget::default());
/// assert!(path.value.is_some_and(|p| p.len() >= 2));
/// ```
pub fn shortest_path(
    graph: &KnowledgeGraph,
    from: EntityId,
    to: EntityId,
    max_hops: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Option<Path>> {
    if from == to {
        return Bounded {
            value: Some(Path::single(from)),
            complete: true,
        };
    }
    with_scratch(|scratch| {
        let n = graph.entities().len();
        let Scratch {
            trees: [a, b],
            entities: [from_frontier, to_frontier, next, _],
            ..
        } = scratch;
        let mut fwd = Side::new(a, from_frontier, from, n);
        let mut bwd = Side::new(b, to_frontier, to, n);
        search(graph, max_hops, filter, budget, [&mut fwd, &mut bwd], next)
    })
}

/// The bidirectional search from `fwd.root` to `bwd.root`, expanding the smaller frontier.
fn search<'t>(
    graph: &KnowledgeGraph,
    max_hops: usize,
    filter: &Filter<'_>,
    budget: Budget,
    [fwd, bwd]: [&mut Side<'t>; 2],
    next: &mut Vec<EntityId>,
) -> Bounded<Option<Path>> {
    let (from, to) = (fwd.root, bwd.root);
    let mut discovered = 2usize;
    while !fwd.frontier.is_empty()
        && !bwd.frontier.is_empty()
        && ((fwd.depth + bwd.depth) as usize) < max_hops
    {
        let forward = fwd.frontier.len() <= bwd.frontier.len();
        let (this, other, direction) = if forward {
            (&mut *fwd, &*bwd, filter.direction)
        } else {
            (&mut *bwd, &*fwd, reverse(filter.direction))
        };
        this.depth += 1;
        let depth = this.depth;
        next.clear();
        let mut meeting: Option<(u32, EntityId)> = None;
        for &u in this.frontier.iter() {
            let expanded = filter.steps(graph, u, direction).try_for_each(|step| {
                let v = step.to;
                if this.tree.contains(v) {
                    return ControlFlow::Continue(());
                }
                if v != from && v != to && !filter.allows_entity(graph, v) {
                    return ControlFlow::Continue(());
                }
                // The step as walked from `from` towards `to`.
                let stored = if forward {
                    step
                } else {
                    Step {
                        claim: step.claim,
                        to: u,
                        forward: !step.forward,
                        qualifier: step.qualifier,
                    }
                };
                this.tree.insert(
                    v,
                    Visit {
                        depth,
                        from: Some((u, stored)),
                    },
                );
                discovered += 1;
                if let Some(there) = other.tree.get(v) {
                    let total = depth + there.depth;
                    if meeting.is_none_or(|(best, _)| total < best) {
                        meeting = Some((total, v));
                    }
                }
                next.push(v);
                if discovered > budget.max_visited {
                    return ControlFlow::Break(());
                }
                ControlFlow::Continue(())
            });
            if expanded.is_break() {
                return Bounded {
                    value: None,
                    complete: false,
                };
            }
        }
        std::mem::swap(this.frontier, next);
        if let Some((_, meet)) = meeting {
            return Bounded {
                value: Some(join(fwd.tree, bwd.tree, meet)),
                complete: true,
            };
        }
    }
    Bounded {
        value: None,
        complete: true,
    }
}

/// The path through `meet`: back along the forward tree to `from`, on along the backward one
/// to `to`.
fn join(fwd: &Tree, bwd: &Tree, meet: EntityId) -> Path {
    let mut nodes = vec![meet];
    let mut steps = Vec::new();
    let mut at = meet;
    while let Some(&Visit {
        from: Some((parent, step)),
        ..
    }) = fwd.get(at)
    {
        nodes.push(parent);
        steps.push(step);
        at = parent;
    }
    nodes.reverse();
    steps.reverse();
    at = meet;
    while let Some(&Visit {
        from: Some((next, step)),
        ..
    }) = bwd.get(at)
    {
        nodes.push(next);
        steps.push(step);
        at = next;
    }
    Path { nodes, steps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Direction;
    use crate::graph::algo::testing::{A, C};
    use crate::graph::algo::testing::{e, graph};
    use proptest::prelude::*;

    fn length(
        g: &KnowledgeGraph,
        from: u32,
        to: u32,
        hops: usize,
        filter: &Filter,
    ) -> Option<usize> {
        shortest_path(g, e(from), e(to), hops, filter, Budget::default())
            .value
            .map(|p| p.len())
    }

    #[test]
    fn finds_the_shorter_of_two_routes() {
        let g = graph(5, &[(0, A, 1), (1, A, 2), (2, A, 3), (0, A, 4), (4, A, 3)]);
        let path = shortest_path(&g, e(0), e(3), 5, &Filter::default(), Budget::default());
        let path = path.value.expect("0 and 3 are linked");
        assert_eq!(path.nodes, vec![e(0), e(4), e(3)]);
        assert_eq!(path.steps.len(), 2);
        assert!(path.steps.iter().all(|s| s.forward));
    }

    #[test]
    fn respects_hops_direction_and_predicates() {
        let g = graph(3, &[(0, A, 1), (2, C, 1)]);
        let both = Filter::default();
        assert_eq!(length(&g, 0, 2, 2, &both), Some(2));
        assert_eq!(length(&g, 0, 2, 1, &both), None);
        let outgoing = Filter {
            direction: Direction::Outgoing,
            ..Filter::default()
        };
        assert_eq!(length(&g, 0, 2, 5, &outgoing), None);
        let only_a = Filter {
            predicates: &[A],
            ..Filter::default()
        };
        assert_eq!(length(&g, 0, 2, 5, &only_a), None);
        let path = shortest_path(&g, e(0), e(2), 2, &both, Budget::default()).value;
        let steps = path.expect("linked").steps;
        assert!(steps[0].forward && !steps[1].forward);
        assert_eq!(steps[1].to, e(2));
    }

    #[test]
    fn a_budget_stops_the_search_and_says_so() {
        let edges: Vec<_> = (0..50).map(|i| (i, A, i + 1)).collect();
        let g = graph(51, &edges);
        let result = shortest_path(
            &g,
            e(0),
            e(50),
            100,
            &Filter::default(),
            Budget { max_visited: 10 },
        );
        assert!(!result.complete);
        assert!(result.value.is_none());
    }

    /// Breadth-first distances by brute force over an adjacency matrix.
    fn brute_force(
        n: usize,
        edges: &[(usize, usize)],
        from: usize,
        to: usize,
        directed: bool,
    ) -> Option<usize> {
        let mut dist = vec![usize::MAX; n];
        dist[from] = 0;
        for _ in 0..n {
            for &(a, b) in edges {
                if dist[a] != usize::MAX && dist[a] + 1 < dist[b] {
                    dist[b] = dist[a] + 1;
                }
                if !directed && dist[b] != usize::MAX && dist[b] + 1 < dist[a] {
                    dist[a] = dist[b] + 1;
                }
            }
        }
        (dist[to] != usize::MAX).then_some(dist[to])
    }

    /// The same distance from petgraph's Dijkstra (unit weights), a well-kept reference.
    fn petgraph_distance(
        n: usize,
        edges: &[(usize, usize)],
        from: usize,
        to: usize,
        directed: bool,
    ) -> Option<usize> {
        use petgraph::graph::{NodeIndex, UnGraph};
        use petgraph::prelude::DiGraph;
        let pairs = edges.iter().map(|&(a, b)| (a as u32, b as u32));
        let (start, goal) = (NodeIndex::new(from), NodeIndex::new(to));
        let distances = if directed {
            let mut graph = DiGraph::<(), ()>::from_edges(pairs);
            while graph.node_count() < n {
                graph.add_node(());
            }
            petgraph::algo::dijkstra(&graph, start, Some(goal), |_| 1usize)
        } else {
            let mut graph = UnGraph::<(), ()>::from_edges(pairs);
            while graph.node_count() < n {
                graph.add_node(());
            }
            petgraph::algo::dijkstra(&graph, start, Some(goal), |_| 1usize)
        };
        distances.get(&goal).copied()
    }

    proptest! {
        #[test]
        fn shortest_paths_are_shortest_and_valid(
            n in 2usize..12,
            raw in proptest::collection::vec((0usize..12, 0usize..12), 0..30),
            from in 0usize..12,
            to in 0usize..12,
            directed in any::<bool>(),
        ) {
            let edges: Vec<(usize, usize)> = raw.into_iter().map(|(a, b)| (a % n, b % n)).collect();
            let (from, to) = (from % n, to % n);
            let claims: Vec<_> = edges.iter().map(|&(a, b)| (a, A, b)).collect();
            let g = graph(n, &claims);
            let filter = Filter {
                direction: if directed { Direction::Outgoing } else { Direction::Both },
                ..Filter::default()
            };
            let found = shortest_path(&g, e(from as u32), e(to as u32), n, &filter, Budget::default());
            prop_assert!(found.complete);
            let expected = brute_force(n, &edges, from, to, directed);
            prop_assert_eq!(expected, petgraph_distance(n, &edges, from, to, directed));
            prop_assert_eq!(found.value.as_ref().map(|p| p.len()), expected);
            if let Some(path) = found.value {
                prop_assert_eq!(path.nodes[0], e(from as u32));
                prop_assert_eq!(*path.nodes.last().unwrap(), e(to as u32));
                for (i, step) in path.steps.iter().enumerate() {
                    let claim = g.claim(step.claim);
                    let (a, b) = (path.nodes[i], path.nodes[i + 1]);
                    prop_assert_eq!(step.to, b);
                    if step.forward {
                        prop_assert!(claim.subject == a && claim.object == b);
                    } else {
                        prop_assert!(!directed);
                        prop_assert!(claim.object == a && claim.subject == b);
                    }
                }
            }
        }
    }
}
