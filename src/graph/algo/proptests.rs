//! Every traversal checked against a brute force over the claim list, on random small graphs
//! built as a base plus writes (added entities, added claims, retractions of base claims), and
//! against the same graph built at once.
//!
//! The brute force never reads the adjacency: it lists the moves a filter allows straight from
//! the claims, so the CSR runs, the runs a write replaced and the traversals' scratch are all
//! under test.

use proptest::prelude::*;

use super::testing::{A, C, H, N};
use super::*;
use crate::graph::*;

/// One claim of a random graph; entity indexes are taken modulo the entity count.
#[derive(Clone, Debug)]
struct Spec {
    subject: usize,
    predicate: Predicate,
    object: usize,
    place: Option<usize>,
    event: Option<usize>,
    order: Option<u32>,
    inferred: bool,
    headlines: bool,
    retracted: bool,
}

/// A random graph: entity kinds, how many entities the base holds, the claims, and how many of
/// the first claims the base may hold (those naming only base entities).
#[derive(Clone, Debug)]
struct Case {
    kinds: Vec<EntityKind>,
    base_entities: usize,
    claims: Vec<Spec>,
    split: usize,
}

const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Event];

fn spec() -> impl Strategy<Value = Spec> {
    (
        (0usize..9, prop::sample::select(vec![A, H, C, N]), 0usize..9),
        prop::option::weighted(0.25, 0usize..9),
        prop::option::weighted(0.15, 0usize..9),
        prop::option::weighted(0.5, 1u32..4),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
    )
        .prop_map(
            |(
                (subject, predicate, object),
                place,
                event,
                order,
                inferred,
                headlines,
                retracted,
            )| {
                Spec {
                    subject,
                    predicate,
                    object,
                    place,
                    event,
                    order,
                    inferred,
                    headlines,
                    retracted,
                }
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..9)
        .prop_flat_map(|n| {
            (
                prop::collection::vec(prop::sample::select(KINDS.to_vec()), n),
                1..=n,
                prop::collection::vec(spec(), 0..24),
                0usize..24,
            )
        })
        .prop_map(|(kinds, base_entities, claims, split)| Case {
            kinds,
            base_entities,
            claims,
            split,
        })
}

fn entity(i: usize, kind: EntityKind) -> Entity {
    Entity {
        key: format!("e{i}"),
        kind,
        name: format!("Entity {i}"),
        aliases: vec![],
        shared_aliases: vec![],
        description: None,
    }
}

fn claim(key: usize, s: &Spec, n: usize) -> Claim {
    let span = Span {
        start: 0,
        end: 1,
        char_start: 0,
        char_end: 1,
    };
    Claim {
        key: format!("c{key}"),
        subject: EntityId((s.subject % n) as u32),
        predicate: s.predicate,
        object: EntityId((s.object % n) as u32),
        qualifiers: Qualifiers {
            place: s.place.map(|p| EntityId((p % n) as u32)),
            event: s.event.map(|p| EntityId((p % n) as u32)),
            order: s.order,
            ..Qualifiers::default()
        },
        evidence: vec![Evidence {
            source: SourceId(0),
            span,
            section: if s.headlines {
                Section::Headlines
            } else {
                Section::Body
            },
        }],
        inferred: s.inferred,
        retracted: None,
    }
}

fn retraction() -> Retraction {
    Retraction {
        at: "2026-01-01T00:00:00Z".into(),
        reason: "test".into(),
        by: None,
    }
}

/// The case as a base plus two writes (its other entities, then its other claims and the
/// retractions), and the same graph built at once.
fn build(case: &Case) -> (KnowledgeGraph, KnowledgeGraph) {
    let n = case.kinds.len();
    let entities: Vec<Entity> = case
        .kinds
        .iter()
        .enumerate()
        .map(|(i, &k)| entity(i, k))
        .collect();
    let source = super::testing::source();
    let in_base = |i: usize, s: &Spec| {
        let refs = [Some(s.subject), Some(s.object), s.place, s.event];
        i < case.split && refs.iter().flatten().all(|&e| e % n < case.base_entities)
    };
    let (early, late): (Vec<_>, Vec<_>) = case
        .claims
        .iter()
        .enumerate()
        .partition(|&(i, s)| in_base(i, s));
    // Ids follow the layers: the base's claims first, then the added ones.
    let ordered: Vec<&Spec> = early.iter().chain(&late).map(|&(_, s)| s).collect();
    let claims: Vec<Claim> = ordered
        .iter()
        .enumerate()
        .map(|(k, s)| claim(k, s, n))
        .collect();
    let parts = |entities: Vec<Entity>, claims: Vec<Claim>| GraphParts {
        vocabulary: testing::vocabulary(),
        entities,
        sources: vec![source.clone()],
        claims,
        quantities: vec![],
    };
    let base = KnowledgeGraph::new(parts(
        entities[..case.base_entities].to_vec(),
        claims[..early.len()].to_vec(),
    ));
    let with_entities = base.extend(GraphDelta {
        entities: entities[case.base_entities..].to_vec(),
        ..GraphDelta::default()
    });
    let mut added = claims[early.len()..].to_vec();
    for (c, s) in added.iter_mut().zip(&ordered[early.len()..]) {
        if s.retracted {
            c.retracted = Some(retraction());
        }
    }
    let replaced: Vec<(ClaimId, Claim)> = claims[..early.len()]
        .iter()
        .zip(&ordered)
        .enumerate()
        .filter(|(_, (_, s))| s.retracted)
        .map(|(k, (c, _))| {
            let mut c = c.clone();
            c.retracted = Some(retraction());
            (ClaimId(k as u32), c)
        })
        .collect();
    let layered = with_entities.extend(GraphDelta {
        claims: added,
        replaced,
        ..GraphDelta::default()
    });
    let mut all = claims;
    for (c, s) in all.iter_mut().zip(&ordered) {
        if s.retracted {
            c.retracted = Some(retraction());
        }
    }
    let whole = KnowledgeGraph::new(parts(entities, all));
    (layered, whole)
}

/// A step from an entity, as the brute force lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Move {
    from: EntityId,
    step: Step,
}

/// Every step `filter` allows going `direction`, read from the claim list alone.
fn moves(g: &KnowledgeGraph, filter: &Filter<'_>, direction: Direction) -> Vec<Move> {
    let mut moves = Vec::new();
    for (i, c) in g.claims().enumerate() {
        let allowed = (filter.predicates.is_empty() || filter.predicates.contains(&c.predicate))
            && !(filter.skip_inferred && c.inferred)
            && !(filter.skip_headlines && c.headlines_only())
            && (filter.include_retracted || c.retracted.is_none());
        if !allowed {
            continue;
        }
        let claim = ClaimId(i as u32);
        let mut ends = vec![(c.object, None)];
        if filter.through_qualifiers {
            let q = &c.qualifiers;
            for named in [q.place, q.event].into_iter().flatten() {
                let key = if q.place == Some(named) {
                    QualifierKey::Place
                } else {
                    QualifierKey::Event
                };
                if named != c.subject && !ends.contains(&(named, Some(key))) {
                    ends.push((named, Some(key)));
                }
            }
        }
        for (other, qualifier) in ends {
            if direction != Direction::Incoming {
                moves.push(Move {
                    from: c.subject,
                    step: Step {
                        claim,
                        to: other,
                        forward: true,
                        qualifier,
                    },
                });
            }
            if direction != Direction::Outgoing {
                moves.push(Move {
                    from: other,
                    step: Step {
                        claim,
                        to: c.subject,
                        forward: false,
                        qualifier,
                    },
                });
            }
        }
    }
    moves
}

/// Breadth-first distances from `from` over `moves`, entering only entities `enter` allows.
fn distances(
    n: usize,
    moves: &[Move],
    from: EntityId,
    enter: impl Fn(EntityId) -> bool,
) -> Vec<Option<u32>> {
    let mut dist = vec![None; n];
    dist[from.index()] = Some(0);
    for d in 0..n as u32 {
        for m in moves {
            if dist[m.from.index()] == Some(d)
                && dist[m.step.to.index()].is_none()
                && enter(m.step.to)
            {
                dist[m.step.to.index()] = Some(d + 1);
            }
        }
    }
    dist
}

/// The same distances from petgraph's breadth-first search, kinds ignored, a cross-check of
/// the brute force.
fn petgraph_distances(n: usize, moves: &[Move], from: EntityId) -> Vec<Option<u32>> {
    let mut graph = petgraph::graph::DiGraph::<(), ()>::new();
    let nodes: Vec<_> = (0..n).map(|_| graph.add_node(())).collect();
    for m in moves {
        graph.add_edge(nodes[m.from.index()], nodes[m.step.to.index()], ());
    }
    let mut dist = vec![None; n];
    let mut bfs = petgraph::visit::Bfs::new(&graph, nodes[from.index()]);
    dist[from.index()] = Some(0);
    while let Some(u) = bfs.next(&graph) {
        let d = dist[u.index()].expect("reached before expanded");
        for v in graph.neighbors(u) {
            if dist[v.index()].is_none() {
                dist[v.index()] = Some(d + 1);
            }
        }
    }
    dist
}

/// True when every step of `path` is a move the filter allows, starting where the last ended.
fn follows(path: &Path, moves: &[Move]) -> bool {
    path.steps.len() + 1 == path.nodes.len()
        && path.steps.iter().enumerate().all(|(i, &step)| {
            step.to == path.nodes[i + 1]
                && moves.contains(&Move {
                    from: path.nodes[i],
                    step,
                })
        })
}

/// The filters the tests draw from.
fn filter_of((predicates, kinds, direction, flags): (usize, usize, usize, u8)) -> Filter<'static> {
    const PREDICATES: [&[Predicate]; 3] = [&[], &[A, H], &[C]];
    const FILTER_KINDS: [&[EntityKind]; 3] = [
        &[],
        &[EntityKind::Person],
        &[EntityKind::Person, EntityKind::Place],
    ];
    Filter {
        predicates: PREDICATES[predicates],
        kinds: FILTER_KINDS[kinds],
        direction: [Direction::Both, Direction::Outgoing, Direction::Incoming][direction],
        skip_inferred: flags & 1 != 0,
        skip_headlines: flags & 2 != 0,
        through_qualifiers: flags & 4 != 0,
        include_retracted: flags & 8 != 0,
    }
}

fn filters() -> impl Strategy<Value = Filter<'static>> {
    (0usize..3, 0usize..3, 0usize..3, 0u8..16).prop_map(filter_of)
}

/// Entities `filter` lets a traversal enter.
fn enters<'f>(g: &'f KnowledgeGraph, filter: &'f Filter<'_>) -> impl Fn(EntityId) -> bool + 'f {
    move |v| filter.kinds.is_empty() || filter.kinds.contains(&g.entity(v).kind)
}

/// A total order on the paths between two entities: by length, then entities, then steps.
fn order(p: &Path) -> (usize, Vec<EntityId>, Vec<(ClaimId, bool, bool)>) {
    let steps = p.steps.iter();
    let steps = steps.map(|s| (s.claim, s.forward, s.qualifier.is_some()));
    (p.len(), p.nodes.clone(), steps.collect())
}

fn ids(n: usize) -> Vec<EntityId> {
    (0..n as u32).map(EntityId).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn shortest_paths_are_shortest_valid_and_independent_of_layers(
        case in case(), filter in filters(), from in 0usize..9, to in 0usize..9, hops in 0usize..6,
    ) {
        let (g, whole) = build(&case);
        let n = case.kinds.len();
        let (from, to) = (EntityId((from % n) as u32), EntityId((to % n) as u32));
        let allowed = moves(&g, &filter, filter.direction);
        let enter = enters(&g, &filter);
        let dist = distances(n, &allowed, from, |v| v == to || enter(v));
        let found = shortest_path(&g, from, to, hops, &filter, Budget::default());
        prop_assert!(found.complete);
        let expected = dist[to.index()].filter(|&d| d as usize <= hops);
        prop_assert_eq!(found.value.as_ref().map(|p| p.len() as u32), expected);
        if let Some(path) = &found.value {
            prop_assert_eq!(path.nodes[0], from);
            prop_assert_eq!(*path.nodes.last().unwrap(), to);
            prop_assert!(follows(path, &allowed), "{path:?} follows claims the filter allows");
            let inner = &path.nodes[1..path.nodes.len().max(2) - 1];
            prop_assert!(inner.iter().all(|&v| enter(v)));
        }
        prop_assert_eq!(found, shortest_path(&whole, from, to, hops, &filter, Budget::default()));
        if filter.kinds.is_empty() {
            prop_assert_eq!(dist, petgraph_distances(n, &allowed, from));
        }
    }

    #[test]
    fn neighbourhoods_hold_the_nearest_entities_and_the_claims_among_them(
        case in case(), filter in filters(), center in 0usize..9, hops in 0usize..4,
        max_nodes in 1usize..10,
    ) {
        let (g, whole) = build(&case);
        let n = case.kinds.len();
        let center = EntityId((center % n) as u32);
        let allowed = moves(&g, &filter, filter.direction);
        let dist = distances(n, &allowed, center, enters(&g, &filter));
        let mut reach: Vec<(u32, EntityId)> = ids(n)
            .into_iter()
            .filter_map(|v| Some((dist[v.index()]?, v)))
            .filter(|&(d, _)| d as usize <= hops)
            .collect();
        reach.sort();
        let complete = reach.len() <= max_nodes;
        reach.truncate(max_nodes);
        let nodes: Vec<(EntityId, u32)> = reach.iter().map(|&(d, v)| (v, d)).collect();
        let inside = |v: EntityId| nodes.iter().any(|&(u, _)| u == v);
        let claims: Vec<ClaimId> = moves(&g, &filter, Direction::Outgoing)
            .iter()
            .filter(|m| m.step.qualifier.is_none() && inside(m.from) && inside(m.step.to))
            .map(|m| m.step.claim)
            .collect();
        let found = neighborhood(&g, center, hops, max_nodes, &filter, Budget::default());
        prop_assert_eq!(&found.value.nodes, &nodes);
        prop_assert_eq!(&found.value.claims, &claims);
        prop_assert_eq!(found.complete, complete);
        prop_assert_eq!(
            found,
            neighborhood(&whole, center, hops, max_nodes, &filter, Budget::default())
        );
    }

    #[test]
    fn related_lists_the_nearest_results_with_paths_to_the_target(
        case in case(), filter in filters(), target in 0usize..9, hops in 0usize..4,
        max_results in 0usize..10,
    ) {
        let (g, whole) = build(&case);
        let n = case.kinds.len();
        let target = EntityId((target % n) as u32);
        let allowed = moves(&g, &filter, filter.direction);
        let back = moves(&g, &filter, reverse(filter.direction));
        let dist = distances(n, &back, target, |_| true);
        let enter = enters(&g, &filter);
        let mut expected: Vec<(u32, EntityId)> = ids(n)
            .into_iter()
            .filter_map(|v| Some((dist[v.index()]?, v)))
            .filter(|&(d, v)| d >= 1 && d as usize <= hops && enter(v))
            .collect();
        expected.sort();
        let complete = expected.len() <= max_results;
        expected.truncate(max_results);
        let found = related(&g, target, hops, max_results, &filter, Budget::default());
        let entities: Vec<EntityId> = found.value.iter().map(|r| r.entity).collect();
        prop_assert_eq!(entities, expected.iter().map(|&(_, v)| v).collect::<Vec<_>>());
        prop_assert_eq!(found.complete, complete);
        for (r, &(d, v)) in found.value.iter().zip(&expected) {
            prop_assert_eq!(r.path.len() as u32, d);
            prop_assert_eq!(r.path.nodes[0], v);
            prop_assert_eq!(*r.path.nodes.last().unwrap(), target);
            prop_assert!(follows(&r.path, &allowed), "{:?} follows allowed claims", r.path);
        }
        prop_assert_eq!(found, related(&whole, target, hops, max_results, &filter, Budget::default()));
    }

    #[test]
    fn simple_paths_are_every_simple_path_shortest_first(
        case in case(), filter in filters(), from in 0usize..9, to in 0usize..9, hops in 0usize..4,
        max_paths in 1usize..8,
    ) {
        let (g, whole) = build(&case);
        let n = case.kinds.len();
        let (from, to) = (EntityId((from % n) as u32), EntityId((to % n) as u32));
        let allowed = moves(&g, &filter, filter.direction);
        let enter = enters(&g, &filter);
        let mut all = Vec::new();
        if from == to {
            all.push(Path::single(from));
        } else {
            let mut stack = vec![Path::single(from)];
            while let Some(path) = stack.pop() {
                let at = *path.nodes.last().unwrap();
                if at == to {
                    all.push(path);
                    continue;
                }
                if path.len() == hops || (at != from && !enter(at)) {
                    continue;
                }
                for m in allowed.iter().filter(|m| m.from == at && !path.nodes.contains(&m.step.to)) {
                    let mut longer = path.clone();
                    longer.nodes.push(m.step.to);
                    longer.steps.push(m.step);
                    stack.push(longer);
                }
            }
        }
        let found = simple_paths(&g, from, to, hops, 1000, &filter, Budget::default());
        prop_assert!(found.complete);
        let lengths: Vec<usize> = found.value.iter().map(Path::len).collect();
        prop_assert!(lengths.is_sorted(), "shortest first: {lengths:?}");
        let mut got = found.value.clone();
        got.sort_by_key(order);
        all.sort_by_key(order);
        prop_assert_eq!(&got, &all);
        let first = simple_paths(&g, from, to, hops, max_paths, &filter, Budget::default());
        prop_assert_eq!(&first.value[..], &found.value[..max_paths.min(found.value.len())]);
        prop_assert_eq!(
            first,
            simple_paths(&whole, from, to, hops, max_paths, &filter, Budget::default())
        );
    }

    #[test]
    fn chains_follow_the_lowest_order_claim_to_an_unvisited_entity(
        case in case(), filter in filters(), from in 0usize..9,
        predicate in prop::sample::select(vec![A, H, C, N]), max_steps in 0usize..8,
    ) {
        let (g, whole) = build(&case);
        let n = case.kinds.len();
        let from = EntityId((from % n) as u32);
        // Chains ignore the filter's predicates, kinds and qualifier steps.
        let only = [predicate];
        let plain = Filter { predicates: &only, kinds: &[], through_qualifiers: false, ..filter };
        let walk = |direction: Direction, steps: usize, on_chain: &mut Vec<EntityId>| {
            let moves = moves(&g, &plain, direction);
            let mut claims = Vec::new();
            let mut at = from;
            while claims.len() < steps {
                let Some(m) = moves
                    .iter()
                    .filter(|m| m.from == at && !on_chain.contains(&m.step.to))
                    .min_by_key(|m| {
                        let order = g.claim(m.step.claim).qualifiers.order;
                        (order.unwrap_or(u32::MAX), m.step.claim)
                    })
                else {
                    break;
                };
                claims.push(m.step.claim);
                on_chain.push(m.step.to);
                at = m.step.to;
            }
            claims
        };
        let mut on_chain = vec![from];
        let expected = match filter.direction {
            Direction::Both => {
                let mut before = walk(Direction::Incoming, max_steps, &mut on_chain);
                before.reverse();
                let left = max_steps - before.len();
                before.extend(walk(Direction::Outgoing, left, &mut on_chain));
                before
            }
            way => walk(way, max_steps, &mut on_chain),
        };
        let found = chain(&g, from, predicate, &filter, max_steps);
        prop_assert_eq!(&found, &expected);
        prop_assert_eq!(found, chain(&whole, from, predicate, &filter, max_steps));
    }
}
