//! The k-hop neighbourhood of an entity.

use super::scratch::{Scratch, Visit, with_scratch};
use super::{Bounded, Budget, Filter};
use crate::graph::{ClaimId, Direction, EntityId, KnowledgeGraph};

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
/// entered too; the claim itself is among `claims` only when its subject and object both are.
/// At most `max_nodes` entities are returned; `complete` is false when that bound or
/// `budget.max_visited` cut the neighbourhood short (the nodes returned are then the nearest).
///
/// Complexity: O(V' + E' + C log C) for the V' entities and E' claims within reach and the C
/// claims returned (sorted). Each entity's edges are read once: the claims are collected while
/// the search expands an entity, and the last level (never expanded) has its runs read once for
/// the claims among it; memory O(V' + C) beside the thread's reused scratch.
pub fn neighborhood(
    graph: &KnowledgeGraph,
    center: EntityId,
    hops: usize,
    max_nodes: usize,
    filter: &Filter<'_>,
    budget: Budget,
) -> Bounded<Subgraph> {
    with_scratch(|scratch| search(graph, center, hops, max_nodes, filter, budget, scratch))
}

/// The neighbourhood, worked out in `scratch` and copied out.
fn search(
    graph: &KnowledgeGraph,
    center: EntityId,
    hops: usize,
    max_nodes: usize,
    filter: &Filter<'_>,
    budget: Budget,
    scratch: &mut Scratch,
) -> Bounded<Subgraph> {
    let Scratch {
        trees: [tree, _],
        entities: [next, ..],
        nodes,
        met,
        claims: [claims, sorted],
    } = scratch;
    tree.clear(graph.entities().len());
    let cap = max_nodes.min(budget.max_visited).max(1);
    let reached = |depth| Visit { depth, from: None };
    tree.insert(center, reached(0));
    nodes.clear();
    nodes.push((center, 0));
    // `nodes[..expanded]` have had their steps read; the rest form the next frontier.
    let mut expanded = 0;
    // Each claim among the nodes is met once, from the end whose run holds it: its subject's
    // outgoing run (its object's incoming run when only incoming claims are followed). The
    // claims met while expanding are kept with the entity each leads to, for a cut level
    // drops some entities.
    let subject_side = filter.direction != Direction::Incoming;
    met.clear();
    let mut complete = true;
    for depth in 1..=hops as u32 {
        next.clear();
        for &(u, _) in &nodes[expanded..] {
            filter.steps(graph, u, filter.direction).for_each(|step| {
                let v = step.to;
                let inside = if tree.contains(v) {
                    true
                } else if filter.allows_entity(graph, v) {
                    tree.insert(v, reached(depth));
                    next.push(v);
                    true
                } else {
                    false
                };
                // A step through a qualifier reaches the place or event, not the claim's object.
                if inside && step.qualifier.is_none() && step.forward == subject_side {
                    met.push((step.claim, v));
                }
            });
        }
        expanded = nodes.len();
        // A cut keeps the nearest entities, and within the cut level the lowest ids: selected
        // in O(level) rather than by sorting the whole level.
        let room = cap - nodes.len();
        let cut = next.len() > room;
        if cut {
            next.select_nth_unstable(room);
            for &v in &next[room..] {
                tree.remove(v);
            }
            next.truncate(room);
            met.retain(|&(_, v)| tree.contains(v));
            complete = false;
        }
        // Within a level, dataset order.
        next.sort_unstable();
        nodes.extend(next.iter().map(|&v| (v, depth)));
        if cut || next.is_empty() {
            break;
        }
    }
    // The last level was never expanded: the claims in its runs are still to find.
    let last = match filter.direction {
        Direction::Both => Direction::Outgoing,
        way => way,
    };
    claims.clear();
    claims.extend(met.iter().map(|&(c, _)| c));
    for &(u, _) in &nodes[expanded..] {
        claims.extend(
            filter
                .steps(graph, u, last)
                .filter(|s| s.qualifier.is_none() && tree.contains(s.to))
                .map(|s| s.claim),
        );
    }
    radix_sort(claims, sorted);
    Bounded {
        value: Subgraph {
            nodes: nodes.to_vec(),
            claims: claims.to_vec(),
        },
        complete,
    }
}

/// Sorts claim ids in O(n) by a least-significant-digit radix sort (11 bits a pass, as many
/// passes as the highest id needs), or by a comparison sort when there are few: a hub's
/// neighbourhood holds tens of thousands of claims, and sorting them cost more than finding them.
/// `spare` is room for the passes; what it holds on return is unspecified.
fn radix_sort(claims: &mut Vec<ClaimId>, spare: &mut Vec<ClaimId>) {
    const BITS: u32 = 11;
    const DIGITS: usize = 1 << BITS;
    if claims.len() < 1024 {
        claims.sort_unstable();
        return;
    }
    let highest = claims.iter().map(|c| c.0).max().unwrap_or(0);
    spare.clear();
    spare.resize(claims.len(), ClaimId(0));
    let mut starts = [0usize; DIGITS];
    let mut shift = 0;
    while shift < u32::BITS && highest >> shift > 0 {
        let digit = |c: ClaimId| (c.0 >> shift) as usize & (DIGITS - 1);
        starts.fill(0);
        for &c in claims.iter() {
            starts[digit(c)] += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            (*start, sum) = (sum, sum + *start);
        }
        for &c in claims.iter() {
            let d = digit(c);
            spare[starts[d]] = c;
            starts[d] += 1;
        }
        // The pass's output becomes the next pass's input.
        std::mem::swap(claims, spare);
        shift += BITS;
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

    #[test]
    fn the_radix_sort_sorts_like_a_comparison_sort() {
        for n in [0usize, 5, 1023, 1024, 5000] {
            let mut x = 12345u64;
            let mut claims: Vec<ClaimId> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ClaimId((x >> 39) as u32)
                })
                .collect();
            let mut expected = claims.clone();
            expected.sort_unstable();
            radix_sort(&mut claims, &mut Vec::new());
            assert_eq!(claims, expected);
        }
    }
}
