//! A chain: one predicate followed step by step from a start entity (the Olympic flag's
//! handovers).

use super::Filter;
use super::scratch::{Tree, Visit, with_scratch};
use crate::graph::{ClaimId, Direction, EntityId, KnowledgeGraph, Predicate, Step};

/// The claims met by following `predicate` from `from`, one step at a time.
///
/// `Outgoing` follows subject→object (who `from` handed the flag to, then who they handed it
/// to…); `Incoming` walks back object→subject and returns the claims in the order walked;
/// `Both` returns the whole chain through `from`: the incoming part, earliest first, then the
/// outgoing part. Where an entity has several candidate claims, the one with the lowest `order`
/// qualifier wins (unordered claims last, then dataset order). The walk stops at a dead end, at
/// an entity already on the chain (so cycles end), or after `max_steps` claims. `filter`
/// gives the direction and which claims to leave out (its predicates and kinds are not used).
///
/// Complexity: O(Σ degree of the entities on the chain).
pub fn chain(
    graph: &KnowledgeGraph,
    from: EntityId,
    predicate: Predicate,
    filter: &Filter<'_>,
    max_steps: usize,
) -> Vec<ClaimId> {
    let predicates = [predicate];
    let filter = &Filter {
        predicates: &predicates,
        kinds: &[],
        through_qualifiers: false,
        ..*filter
    };
    with_scratch(|scratch| {
        let on_chain = &mut scratch.trees[0];
        on_chain.clear(graph.entities().len());
        on_chain.insert(from, ON_CHAIN);
        match filter.direction {
            Direction::Outgoing | Direction::Incoming => {
                walk(graph, from, filter, filter.direction, max_steps, on_chain)
            }
            Direction::Both => {
                let mut before = walk(
                    graph,
                    from,
                    filter,
                    Direction::Incoming,
                    max_steps,
                    on_chain,
                );
                before.reverse();
                let left = max_steps.saturating_sub(before.len());
                before.extend(walk(
                    graph,
                    from,
                    filter,
                    Direction::Outgoing,
                    left,
                    on_chain,
                ));
                before
            }
        }
    })
}

/// How the chain marks an entity it has passed (no parents needed: the claims are the result).
const ON_CHAIN: Visit = Visit {
    depth: 0,
    from: None,
};

fn walk(
    graph: &KnowledgeGraph,
    from: EntityId,
    filter: &Filter<'_>,
    direction: Direction,
    max_steps: usize,
    on_chain: &mut Tree,
) -> Vec<ClaimId> {
    let mut claims = Vec::new();
    let mut at = from;
    while claims.len() < max_steps {
        let next: Option<Step> = filter
            .steps(graph, at, direction)
            .filter(|s| !on_chain.contains(s.to))
            .min_by_key(|s| {
                (
                    graph.claim(s.claim).qualifiers.order.unwrap_or(u32::MAX),
                    s.claim,
                )
            });
        let Some(step) = next else { break };
        claims.push(step.claim);
        on_chain.insert(step.to, ON_CHAIN);
        at = step.to;
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::algo::testing::{A, H};
    use crate::graph::algo::testing::{e, graph};

    fn way(direction: Direction) -> Filter<'static> {
        Filter {
            direction,
            ..Filter::default()
        }
    }

    #[test]
    fn follows_one_predicate_and_stops_at_cycles() {
        // 0 -> 1 -> 2 -> 0 by H, plus an A edge that must be ignored.
        let g = graph(4, &[(0, H, 1), (1, H, 2), (2, H, 0), (1, A, 3)]);
        let ids = |claims: Vec<ClaimId>| {
            claims
                .iter()
                .map(|c| g.claim(*c).key().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(chain(&g, e(0), H, &way(Direction::Outgoing), 10)),
            ["c0", "c1"]
        );
        assert_eq!(
            ids(chain(&g, e(0), H, &way(Direction::Outgoing), 1)),
            ["c0"]
        );
        assert_eq!(
            ids(chain(&g, e(2), H, &way(Direction::Incoming), 10)),
            ["c1", "c0"]
        );
        // Walking back from 1 goes round the cycle (1 <- 0 <- 2) and stops before revisiting.
        assert_eq!(
            ids(chain(&g, e(1), H, &way(Direction::Both), 10)),
            ["c2", "c0"]
        );
        let line = graph(3, &[(0, H, 1), (1, H, 2)]);
        let whole: Vec<ClaimId> = chain(&line, e(1), H, &way(Direction::Both), 10);
        assert_eq!(
            whole
                .iter()
                .map(|c| line.claim(*c).key().into_owned())
                .collect::<Vec<_>>(),
            ["c0", "c1"]
        );
        assert!(chain(&g, e(3), H, &way(Direction::Outgoing), 10).is_empty());
    }
}
