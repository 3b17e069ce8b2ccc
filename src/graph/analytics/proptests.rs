//! petgraph's algorithms on a [`GraphView`] of random graphs, against the same algorithms on a
//! `petgraph::Graph` copy of what the view should show (built straight from the claim list,
//! never from the adjacency): PageRank within 1e-9, the same components, articulation points
//! and shortest distances; and our own PageRank, components and shortest path against them.

use std::collections::{BTreeSet, HashMap};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use petgraph::visit::NodeIndexable;
use proptest::prelude::*;

use super::*;
use crate::graph::algo::testing::{A, C, H, N};
use crate::graph::algo::{self, Filter};
use crate::graph::*;

/// One claim of a random graph; entity indexes are taken modulo the entity count.
#[derive(Clone, Debug)]
struct Spec {
    subject: usize,
    predicate: Predicate,
    object: usize,
    inferred: bool,
    retracted: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..10,
        prop::sample::select(vec![A, H, C, N]),
        0usize..10,
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(subject, predicate, object, inferred, retracted)| Spec {
            subject,
            predicate,
            object,
            inferred,
            retracted,
        })
}

const KINDS: [EntityKind; 2] = [EntityKind::Person, EntityKind::Place];

/// A random graph and a random view of it.
#[derive(Clone, Debug)]
struct Case {
    kinds: Vec<EntityKind>,
    claims: Vec<Spec>,
    only_predicates: Vec<Predicate>,
    only_kinds: Vec<EntityKind>,
    stated_only: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(prop::sample::select(KINDS.to_vec()), 1..10),
        prop::collection::vec(spec(), 0..30),
        prop::sample::subsequence(vec![A, H, C, N], 0..=2),
        prop::sample::subsequence(KINDS.to_vec(), 0..=1),
        any::<bool>(),
    )
        .prop_map(
            |(kinds, claims, only_predicates, only_kinds, stated_only)| Case {
                kinds,
                claims,
                only_predicates,
                only_kinds,
                stated_only,
            },
        )
}

fn build(case: &Case) -> KnowledgeGraph {
    let n = case.kinds.len();
    let entities = case
        .kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| Entity {
            key: format!("e{i}"),
            kind,
            name: format!("Entity {i}"),
            aliases: vec![],
            shared_aliases: vec![],
            description: None,
        })
        .collect();
    let span = Span {
        start: 0,
        end: 1,
        char_start: 0,
        char_end: 1,
    };
    let claims = case
        .claims
        .iter()
        .enumerate()
        .map(|(i, s)| Claim {
            key: format!("c{i}"),
            subject: EntityId((s.subject % n) as u32),
            predicate: s.predicate,
            object: EntityId((s.object % n) as u32),
            qualifiers: Qualifiers::default(),
            evidence: vec![Evidence {
                source: SourceId(0),
                span,
                section: Section::Body,
            }],
            inferred: s.inferred,
            retracted: s.retracted.then(|| Retraction {
                at: "2026-01-01T00:00:00Z".into(),
                reason: "test".into(),
                by: None,
            }),
        })
        .collect();
    KnowledgeGraph::new(GraphParts {
        vocabulary: algo::testing::vocabulary(),
        entities,
        sources: vec![algo::testing::source()],
        claims,
        quantities: vec![],
    })
}

/// What the view should show, as petgraph graphs (node weight: the entity; edge weight: the
/// claim), nodes in entity order, edges in claim order: from the claim list alone.
fn copies(case: &Case) -> (DiGraph<EntityId, ClaimId>, UnGraph<EntityId, ClaimId>) {
    let n = case.kinds.len();
    let shown = |i: usize| case.only_kinds.is_empty() || case.only_kinds.contains(&case.kinds[i]);
    let mut directed = DiGraph::new();
    let mut undirected = UnGraph::new_undirected();
    let mut index = HashMap::new();
    for i in (0..n).filter(|&i| shown(i)) {
        index.insert(i, directed.add_node(EntityId(i as u32)));
        undirected.add_node(EntityId(i as u32));
    }
    for (k, s) in case.claims.iter().enumerate() {
        let (a, b) = (s.subject % n, s.object % n);
        let kept = (case.only_predicates.is_empty() || case.only_predicates.contains(&s.predicate))
            && !s.retracted
            && !(case.stated_only && s.inferred)
            && shown(a)
            && shown(b);
        if kept {
            directed.add_edge(index[&a], index[&b], ClaimId(k as u32));
            undirected.add_edge(index[&a], index[&b], ClaimId(k as u32));
        }
    }
    (directed, undirected)
}

fn filter(case: &Case) -> ViewFilter<'_> {
    ViewFilter {
        predicates: &case.only_predicates,
        kinds: &case.only_kinds,
        stated_only: case.stated_only,
    }
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
}

/// Components as sets of entities, whatever their order.
fn partition(groups: impl IntoIterator<Item = Vec<EntityId>>) -> BTreeSet<BTreeSet<EntityId>> {
    groups
        .into_iter()
        .map(|g| g.into_iter().collect())
        .collect()
}

/// Every articulation point of `un` with (pieces, separated, component), by removing each
/// node in turn and labelling what is left by breadth-first search.
fn brute_cuts(un: &UnGraph<EntityId, ClaimId>) -> Vec<(EntityId, usize, usize, usize)> {
    use petgraph::visit::EdgeRef;
    let n = un.node_count();
    let mut neighbours = vec![Vec::new(); n];
    for e in un.edge_references() {
        neighbours[e.source().index()].push(e.target().index());
        neighbours[e.target().index()].push(e.source().index());
    }
    let label = |skip: Option<usize>| {
        let mut label = vec![usize::MAX; n];
        for start in (0..n).filter(|&s| Some(s) != skip) {
            if label[start] != usize::MAX {
                continue;
            }
            label[start] = start;
            let mut queue = vec![start];
            while let Some(u) = queue.pop() {
                for &w in &neighbours[u] {
                    if Some(w) != skip && label[w] == usize::MAX {
                        label[w] = start;
                        queue.push(w);
                    }
                }
            }
        }
        label
    };
    let whole = label(None);
    let mut found = Vec::new();
    for v in 0..n {
        let without = label(Some(v));
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        let members: Vec<usize> = (0..n).filter(|&u| whole[u] == whole[v]).collect();
        for &u in members.iter().filter(|&&u| u != v) {
            *sizes.entry(without[u]).or_default() += 1;
        }
        if sizes.len() >= 2 {
            let largest = sizes.values().copied().max().unwrap_or(0);
            found.push((
                un[NodeIndex::new(v)],
                sizes.len(),
                members.len() - 1 - largest,
                members.len(),
            ));
        }
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn petgraph_on_the_view_agrees_with_petgraph_on_a_copy(case in case()) {
        let graph = build(&case);
        let (di, un) = copies(&case);
        let directed = GraphView::directed(&graph, &filter(&case));
        let undirected = GraphView::undirected(&graph, &filter(&case));
        prop_assert_eq!(directed.node_bound(), di.node_count());
        prop_assert_eq!(
            petgraph::visit::IntoEdgeReferences::edge_references(&directed).count(),
            di.edge_count()
        );

        // PageRank: petgraph's on the view and on the copy, and ours on the view.
        let on_view = petgraph::algo::page_rank(&directed, 0.85_f64, 20);
        let on_copy = petgraph::algo::page_rank(&di, 0.85_f64, 20);
        prop_assert!(close(&on_view, &on_copy), "{:?} vs {:?}", on_view, on_copy);
        let ours = page_rank(&directed, 0.85, 20);
        prop_assert!(close(&ours, &on_view), "{:?} vs {:?}", ours, on_view);

        // Components: ours on the view, petgraph's Tarjan on the undirected copy.
        let found = components(&undirected);
        prop_assert_eq!(found.len(), petgraph::algo::connected_components(&undirected));
        prop_assert_eq!(found.len(), petgraph::algo::connected_components(&un));
        let expected = petgraph::algo::tarjan_scc(&un)
            .into_iter()
            .map(|c| c.into_iter().map(|i| un[i]).collect());
        prop_assert_eq!(
            partition(found.iter().map(|c| c.members.clone())),
            partition(expected)
        );
        prop_assert_eq!(found.iter().map(|c| c.relations).sum::<usize>(), un.edge_count());
        prop_assert!(found.windows(2).all(|w| w[0].members.len() >= w[1].members.len()));

        // Articulation points.
        let on_view: BTreeSet<EntityId> =
            petgraph::algo::articulation_points::articulation_points(&undirected).into_iter().collect();
        let on_copy: BTreeSet<EntityId> = petgraph::algo::articulation_points::articulation_points(&un)
            .into_iter()
            .map(|i| un[i])
            .collect();
        prop_assert_eq!(&on_view, &on_copy);
        // Our cuts: the same entities, and the pieces a brute force finds without each.
        let found = cuts(&undirected);
        prop_assert_eq!(found.iter().map(|c| c.node).collect::<BTreeSet<_>>(), on_view);
        let found: Vec<(EntityId, usize, usize, usize)> = found
            .iter()
            .map(|c| (c.node, c.pieces, c.separated, c.component))
            .collect();
        prop_assert_eq!(found, brute_cuts(&un));

        // Shortest distances from every shown entity, both ways and subject→object only:
        // petgraph's Dijkstra on the view, on the copy, and our bidirectional BFS.
        for start in 0..di.node_count() {
            let from = di[NodeIndex::new(start)];
            let checks = [
                (
                    petgraph::algo::dijkstra(&directed, from, None, |_| 1usize),
                    petgraph::algo::dijkstra(&di, NodeIndex::new(start), None, |_| 1usize),
                    Direction::Outgoing,
                ),
                (
                    petgraph::algo::dijkstra(&undirected, from, None, |_| 1usize),
                    petgraph::algo::dijkstra(&un, NodeIndex::new(start), None, |_| 1usize),
                    Direction::Both,
                ),
            ];
            for (on_view, on_copy, direction) in checks {
                let on_copy: HashMap<EntityId, usize> =
                    on_copy.into_iter().map(|(i, d)| (di[i], d)).collect();
                let on_view: HashMap<EntityId, usize> = on_view.into_iter().collect();
                prop_assert_eq!(&on_view, &on_copy);
                for to in 0..di.node_count() {
                    let to = di[NodeIndex::new(to)];
                    let ours = algo::shortest_path(
                        &graph,
                        from,
                        to,
                        case.kinds.len(),
                        &Filter {
                            predicates: &case.only_predicates,
                            kinds: &case.only_kinds,
                            direction,
                            skip_inferred: case.stated_only,
                            ..Filter::default()
                        },
                        algo::Budget::default(),
                    );
                    prop_assert_eq!(
                        ours.value.map(|p| p.len()),
                        on_view.get(&to).copied(),
                        "{:?} to {:?}", from, to
                    );
                }
            }
        }
    }
}

#[test]
fn a_cached_analysis_is_the_same_result_and_a_new_version_starts_afresh() {
    let g = algo::testing::graph(4, &[(0, A, 1), (1, A, 2), (2, A, 3)]);
    let scope = Scope::default();
    let first = g.centrality(&scope, algo::Budget::default());
    let again = g.centrality(&scope, algo::Budget::default());
    assert!(first.complete && Arc::ptr_eq(&first.value, &again.value));
    // The end of the chain collects the most rank.
    assert_eq!(first.value[0].entity, algo::testing::e(3));
    let brokers: Vec<EntityId> = g
        .brokers(&scope, algo::Budget::default())
        .value
        .iter()
        .map(|b| b.entity)
        .collect();
    assert_eq!(brokers, vec![algo::testing::e(1), algo::testing::e(2)]);
    let next = g.extend(GraphDelta::default());
    let fresh = next.centrality(&scope, algo::Budget::default());
    assert!(!Arc::ptr_eq(&first.value, &fresh.value));
    assert_eq!(first.value, fresh.value);
}

#[test]
fn a_view_larger_than_the_budget_is_not_analysed() {
    let g = algo::testing::graph(4, &[(0, A, 1), (1, A, 2), (2, A, 3)]);
    let small = algo::Budget { max_visited: 3 };
    let refused = g.components(&Scope::default(), small);
    assert!(!refused.complete && refused.value.is_empty());
    // Nor is the refusal cached: a larger budget gets the answer.
    let found = g.components(&Scope::default(), algo::Budget::default());
    assert!(found.complete);
    assert_eq!(found.value.len(), 1);
    assert_eq!(found.value[0].relations, 3);
}
