//! All simple paths between two entities, shortest first, bounded in length and count.

use super::{Bounded, Budget, Filter, Path};
use crate::graph::{EntityId, KnowledgeGraph, Step};

/// Every simple path (no repeated entity) from `from` to `to` of at most `max_hops` claims,
/// shortest first, at most `max_paths` of them.
///
/// Filters as for [`shortest_path`](super::shortest_path): `kinds` restricts the entities passed
/// through, not the ends. Paths are found by iterative deepening, so the first `max_paths` are
/// the shortest; among equal lengths, edge order decides.
///
/// `complete` is false when `budget.max_visited` edge expansions ran out first.
///
/// Complexity: O(b^k) edge expansions for branching factor b and `max_hops` k (iterative
/// deepening repeats the shallower levels, at most doubling the work); memory O(k + results).
pub fn simple_paths(
    graph: &KnowledgeGraph,
    from: EntityId,
    to: EntityId,
    max_hops: usize,
    max_paths: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Vec<Path>> {
    let mut search = Search {
        graph,
        to,
        filter,
        max_paths,
        work: 0,
        budget: budget.max_visited,
        found: Vec::new(),
        nodes: vec![from],
        steps: Vec::new(),
    };
    if from == to {
        return Bounded {
            value: if max_paths > 0 {
                vec![Path::single(from)]
            } else {
                vec![]
            },
            complete: true,
        };
    }
    for depth in 1..=max_hops {
        if search.found.len() >= max_paths {
            break;
        }
        if !search.dfs(from, depth) {
            return Bounded {
                value: search.found,
                complete: false,
            };
        }
    }
    Bounded {
        value: search.found,
        complete: true,
    }
}

struct Search<'a, 'f> {
    graph: &'a KnowledgeGraph,
    to: EntityId,
    filter: &'a Filter<'f>,
    max_paths: usize,
    work: usize,
    budget: usize,
    found: Vec<Path>,
    nodes: Vec<EntityId>,
    steps: Vec<Step>,
}

impl Search<'_, '_> {
    /// Extends the current path by exactly `remaining` more steps, recording paths that end at
    /// the target; returns false when the budget ran out.
    fn dfs(&mut self, at: EntityId, remaining: usize) -> bool {
        // The graph and filter outlive `self`'s borrow, so the steps need not be collected.
        let (graph, filter) = (self.graph, self.filter);
        for step in filter.steps(graph, at, filter.direction) {
            if self.found.len() >= self.max_paths {
                return true;
            }
            self.work += 1;
            if self.work > self.budget {
                return false;
            }
            let v = step.to;
            if self.nodes.contains(&v) {
                continue;
            }
            if v == self.to {
                if remaining == 1 {
                    self.nodes.push(v);
                    self.steps.push(step);
                    self.found.push(Path {
                        nodes: self.nodes.clone(),
                        steps: self.steps.clone(),
                    });
                    self.nodes.pop();
                    self.steps.pop();
                }
                continue;
            }
            if remaining == 1 || !filter.allows_entity(graph, v) {
                continue;
            }
            self.nodes.push(v);
            self.steps.push(step);
            let ok = self.dfs(v, remaining - 1);
            self.nodes.pop();
            self.steps.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::algo::testing::A;
    use crate::graph::algo::testing::{e, graph};

    #[test]
    fn lists_paths_shortest_first_and_stops_at_the_count() {
        // 0-1-3, 0-2-3, 0-3 and 0-1-2-3.
        let g = graph(
            4,
            &[
                (0, A, 1),
                (1, A, 3),
                (0, A, 2),
                (2, A, 3),
                (0, A, 3),
                (1, A, 2),
            ],
        );
        let all = simple_paths(&g, e(0), e(3), 3, 10, &Filter::default(), Budget::default());
        assert!(all.complete);
        let lengths: Vec<usize> = all.value.iter().map(Path::len).collect();
        assert_eq!(lengths, vec![1, 2, 2, 3, 3]);
        for path in &all.value {
            let mut nodes = path.nodes.clone();
            nodes.sort();
            nodes.dedup();
            assert_eq!(nodes.len(), path.nodes.len(), "path repeats an entity");
        }
        let two = simple_paths(&g, e(0), e(3), 3, 2, &Filter::default(), Budget::default());
        assert_eq!(
            two.value.iter().map(Path::len).collect::<Vec<_>>(),
            vec![1, 2]
        );
        let short = simple_paths(&g, e(0), e(3), 1, 10, &Filter::default(), Budget::default());
        assert_eq!(short.value.len(), 1);
    }

    #[test]
    fn a_budget_stops_the_search_and_says_so() {
        let mut edges = vec![];
        for a in 0..8 {
            for b in a + 1..8 {
                edges.push((a, A, b));
            }
        }
        let g = graph(8, &edges);
        let result = simple_paths(
            &g,
            e(0),
            e(7),
            7,
            10_000,
            &Filter::default(),
            Budget { max_visited: 50 },
        );
        assert!(!result.complete);
    }
}
