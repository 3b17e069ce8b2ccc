//! A graph extended write by write answers exactly as one built at once from the same items,
//! and so does its compacted form: the invariant of `KnowledgeGraph::extend`.

use olympia_kg::dataset::{self, generate};
use olympia_kg::graph::*;

/// The parts of a graph, with its claims reordered so that those `early` keeps come first.
fn parts_of(graph: &KnowledgeGraph) -> GraphParts {
    GraphParts {
        vocabulary: graph.vocabulary().clone(),
        entities: graph.entities().iter().cloned().collect(),
        sources: graph.sources().iter().cloned().collect(),
        claims: graph.claims().map(|c| c.to_claim()).collect(),
        quantities: graph.quantities().iter().cloned().collect(),
    }
}

fn quantity_refs(q: &Quantity) -> (Vec<EntityId>, Vec<SourceId>) {
    let mut entities = vec![q.subject];
    entities.extend(q.qualifiers.place);
    entities.extend(q.qualifiers.event);
    (entities, q.evidence.iter().map(|e| e.source).collect())
}

fn claim_refs(c: &Claim) -> (Vec<EntityId>, Vec<SourceId>) {
    let mut entities = vec![c.subject, c.object];
    entities.extend(c.qualifiers.place);
    entities.extend(c.qualifiers.event);
    (entities, c.evidence.iter().map(|e| e.source).collect())
}

/// Splits `all` into a base holding the first `ne` entities and `ns` sources (with the claims
/// and quantities that name only those), and the deltas that add the rest `writes` at a time.
/// Returns the base, the deltas, and the same items in the order the layers number them.
fn split(
    all: GraphParts,
    ne: usize,
    ns: usize,
    writes: usize,
) -> (GraphParts, Vec<GraphDelta>, GraphParts) {
    let early = |(entities, sources): (Vec<EntityId>, Vec<SourceId>)| {
        entities.iter().all(|e| e.index() < ne) && sources.iter().all(|s| s.index() < ns)
    };
    let (early_claims, late_claims): (Vec<Claim>, Vec<Claim>) =
        all.claims.into_iter().partition(|c| early(claim_refs(c)));
    let (early_q, late_q): (Vec<Quantity>, Vec<Quantity>) = all
        .quantities
        .into_iter()
        .partition(|q| early(quantity_refs(q)));
    let base = GraphParts {
        vocabulary: all.vocabulary.clone(),
        entities: all.entities[..ne].to_vec(),
        sources: all.sources[..ns].to_vec(),
        claims: early_claims.clone(),
        quantities: early_q.clone(),
    };
    // Entities and sources arrive first, then claims and quantities, in `writes` pieces each.
    let piece = |n: usize| n.div_ceil(writes).max(1);
    let mut deltas = Vec::new();
    let late_entities = &all.entities[ne..];
    let late_sources = &all.sources[ns..];
    for k in 0..writes {
        deltas.push(GraphDelta {
            entities: take(late_entities, k, piece(late_entities.len())),
            sources: take(late_sources, k, piece(late_sources.len())),
            ..GraphDelta::default()
        });
    }
    for k in 0..writes {
        deltas.push(GraphDelta {
            claims: take(&late_claims, k, piece(late_claims.len())),
            quantities: take(&late_q, k, piece(late_q.len())),
            ..GraphDelta::default()
        });
    }
    let whole = GraphParts {
        vocabulary: all.vocabulary,
        entities: all.entities,
        sources: all.sources,
        claims: early_claims.into_iter().chain(late_claims).collect(),
        quantities: early_q.into_iter().chain(late_q).collect(),
    };
    (base, deltas, whole)
}

/// The `k`-th piece of `n` items of `items`.
fn take<T: Clone>(items: &[T], k: usize, n: usize) -> Vec<T> {
    items.iter().skip(k * n).take(n).cloned().collect()
}

/// Asserts that two graphs answer every question alike.
fn assert_same(a: &KnowledgeGraph, b: &KnowledgeGraph, what: &str) {
    assert_eq!(a.entities(), b.entities(), "{what}: entities");
    assert_eq!(a.sources(), b.sources(), "{what}: sources");
    assert_eq!(
        a.claims().collect::<Vec<_>>(),
        b.claims().collect::<Vec<_>>(),
        "{what}: claims"
    );
    assert_eq!(a.quantities(), b.quantities(), "{what}: quantities");
    assert_eq!(a.mentions(), b.mentions(), "{what}: mentions");
    assert_eq!(a.stats(), b.stats(), "{what}: stats");
    assert_eq!(
        a.has_retractions(),
        b.has_retractions(),
        "{what}: retractions"
    );
    for i in 0..a.entities().len() {
        let Some(Item::Entity(e)) = a.lookup(&a.entities()[i].key) else {
            panic!("{what}: entity {i} has no id");
        };
        assert_eq!(e.index(), i);
        let at_e = a
            .claims()
            .filter(|c| c.subject == e || c.object == e)
            .count();
        assert_eq!(a.degree(e), at_e, "{what}: degree of {i}");
        assert_eq!(b.degree(e), at_e, "{what}: degree of {i}");
        for d in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
            let (x, y): (Vec<Step>, Vec<Step>) = (a.steps(e, d).collect(), b.steps(e, d).collect());
            assert_eq!(x, y, "{what}: steps of {} {d:?}", a.entity(e).key);
            let filter = algo::Filter {
                through_qualifiers: true,
                include_retracted: true,
                direction: d,
                ..algo::Filter::default()
            };
            let around = |g: &KnowledgeGraph| {
                let budget = algo::Budget::default();
                format!(
                    "{:?}",
                    algo::neighborhood(g, e, 2, usize::MAX, &filter, budget)
                )
            };
            assert_eq!(
                around(a),
                around(b),
                "{what}: around {} {d:?}",
                a.entity(e).key
            );
        }
        let (x, y): (Vec<_>, Vec<_>) = (a.mentions_of(e).collect(), b.mentions_of(e).collect());
        assert_eq!(x, y, "{what}: mentions of {}", a.entity(e).key);
        assert_eq!(
            a.sources_mentioning(e),
            b.sources_mentioning(e),
            "{what}: sources naming {i}"
        );
        let (x, y): (Vec<_>, Vec<_>) = (a.quantities_of(e).collect(), b.quantities_of(e).collect());
        assert_eq!(x, y, "{what}: quantities of {i}");
        assert_eq!(a.lookup(&a.entity(e).key), Some(Item::Entity(e)));
        assert_eq!(b.lookup(&a.entity(e).key), Some(Item::Entity(e)));
    }
    for i in 0..a.sources().len() {
        let Some(Item::Source(s)) = a.lookup(&a.sources()[i].key) else {
            panic!("{what}: source {i} has no id");
        };
        assert_eq!(s.index(), i);
        let (x, y): (Vec<_>, Vec<_>) = (a.mentions_in(s).collect(), b.mentions_in(s).collect());
        assert_eq!(x, y, "{what}: mentions in {i}");
        let (x, y): (Vec<_>, Vec<_>) = (a.claims_citing(s).collect(), b.claims_citing(s).collect());
        assert_eq!(x, y, "{what}: claims citing {i}");
        let (x, y): (Vec<_>, Vec<_>) = (
            a.quantities_from(s).collect(),
            b.quantities_from(s).collect(),
        );
        assert_eq!(x, y, "{what}: quantities from {i}");
        assert_eq!(b.lookup(&a.source(s).key), Some(Item::Source(s)));
    }
    for (i, c) in a.claims().enumerate() {
        assert!(matches!(a.lookup(&c.key()), Some(Item::Claim(id)) if id.index() == i));
        assert_eq!(
            b.lookup(&c.key()),
            a.lookup(&c.key()),
            "{what}: {}",
            c.key()
        );
    }
    for (i, q) in a.quantities().iter().enumerate() {
        assert!(matches!(b.lookup(&q.key), Some(Item::Quantity(id)) if id.index() == i));
    }
    assert_eq!(b.lookup("no-such-id"), None);
    for e in a.entities().iter().step_by(7) {
        let prefix: String = e.name.chars().take(4).collect();
        for query in [e.name.as_str(), &prefix] {
            assert_eq!(
                a.search(query, &[], 5),
                b.search(query, &[], 5),
                "{what}: search {query:?}"
            );
        }
        assert_eq!(
            a.entities_named(&e.name),
            b.entities_named(&e.name),
            "{what}: named {}",
            e.name
        );
    }
}

/// Extends `base` by each delta in turn, checking after each write that the bounds stay upper
/// bounds of the lists the graph hands out.
fn layered(base: GraphParts, deltas: Vec<GraphDelta>) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new(base);
    for delta in deltas {
        graph = graph.extend(delta);
        let bounds = graph.list_bounds();
        let exact = graph.compact().list_bounds();
        assert!(bounds.mentions_per_entity >= exact.mentions_per_entity);
        assert!(bounds.sources_per_entity >= exact.sources_per_entity);
        assert!(bounds.mentions_per_source >= exact.mentions_per_source);
        assert!(bounds.quantities_per_entity >= exact.quantities_per_entity);
        assert!(bounds.evidence_per_claim >= exact.evidence_per_claim);
        assert_eq!(bounds.claims_per_predicate, exact.claims_per_predicate);
        for (x, y) in bounds
            .predicate_degrees
            .iter()
            .zip(&exact.predicate_degrees)
        {
            assert!(x[0] >= y[0] && x[1] >= y[1]);
        }
        for k in 1..=5 {
            assert!(bounds.claims_among(k) >= exact.claims_among(k));
        }
    }
    graph
}

/// `graph` written as a snapshot and read back.
fn snapshot_of(graph: &KnowledgeGraph) -> KnowledgeGraph {
    let label = snapshot::Label {
        data: "test".into(),
        version: 7,
    };
    let mut bytes = Vec::new();
    graph
        .write_snapshot(&label, &mut bytes)
        .expect("writes to memory");
    let (header, read) =
        KnowledgeGraph::read_snapshot(&bytes, &mut |_, _, _| {}).expect("reads back");
    assert_eq!(header.label, label);
    assert_eq!(header.format, snapshot::FORMAT);
    assert_eq!(
        read.layered(),
        Layers::default(),
        "a snapshot reads as one base"
    );
    read
}

#[test]
fn the_seed_extended_piece_by_piece_is_the_seed() {
    let seed = dataset::load_embedded().expect("the seed loads");
    let n_e = seed.entities().len();
    let n_s = seed.sources().len();
    for (ne, ns, writes) in [
        (n_e, n_s, 3),
        (n_e / 2, n_s, 4),
        (n_e * 3 / 4, n_s - 1, 2),
        (n_e - 5, 1, 5),
    ] {
        let (base, deltas, whole) = split(parts_of(&seed), ne, ns, writes);
        let whole = KnowledgeGraph::new(whole);
        let extended = layered(base, deltas);
        let what = format!("seed split at {ne} entities, {ns} sources, {writes} writes");
        assert_same(&whole, &extended, &what);
        assert_same(&whole, &extended.compact(), &format!("{what}, compacted"));
        assert_same(
            &whole,
            &snapshot_of(&extended),
            &format!("{what}, snapshot"),
        );
        assert_eq!(extended.compact().layered(), Layers::default());
    }
}

#[test]
fn a_generated_graph_extended_is_the_generated_graph() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let options = generate::Options {
        entities: 600,
        ..generate::Options::default()
    };
    generate::generate(&options, dir.path(), |_| {}).expect("generates");
    let graph = dataset::load_dir(dir.path()).expect("the generated dataset loads");
    let (ne, ns) = (graph.entities().len() - 40, graph.sources().len() - 3);
    let (base, deltas, whole) = split(parts_of(&graph), ne, ns, 6);
    let whole = KnowledgeGraph::new(whole);
    let extended = layered(base, deltas);
    assert_same(&whole, &extended, "generated");
    assert_same(&whole, &snapshot_of(&extended), "generated, snapshot");
    assert_eq!(extended.layered().writes, 6);
}

#[test]
fn replaced_claims_change_evidence_and_retraction_only() {
    let seed = dataset::load_embedded().expect("the seed loads");
    let mut parts = parts_of(&seed);
    let claim = |i: usize| match seed.lookup(&seed.claim_at(i).expect("a claim").key()) {
        Some(Item::Claim(id)) => id,
        _ => panic!("claim {i} has no id"),
    };
    let (first, second) = (claim(0), claim(1));
    let mut retracted = seed.claim(first).to_claim();
    retracted.retracted = Some(Retraction {
        at: "2026-12-03T05:19:25Z".into(),
        reason: "test".into(),
        by: Some("editor".into()),
    });
    let mut cited = seed.claim(second).to_claim();
    let other = seed
        .claims()
        .flat_map(|c| c.evidence)
        .find(|e| !cited.evidence.iter().any(|x| x.source == e.source))
        .cloned();
    if let Some(other) = other {
        cited.evidence.insert(0, other);
    }
    let figure = match seed.lookup(&seed.quantities()[0].key) {
        Some(Item::Quantity(id)) => id,
        _ => panic!("quantity 0 has no id"),
    };
    let mut withdrawn = seed.quantity(figure).clone();
    withdrawn.retracted = retracted.retracted.clone();
    parts.claims[0] = retracted.clone();
    parts.claims[1] = cited.clone();
    parts.quantities[0] = withdrawn.clone();
    let whole = KnowledgeGraph::new(parts);
    let extended = seed.extend(GraphDelta {
        replaced: vec![(first, retracted), (second, cited)],
        replaced_quantities: vec![(figure, withdrawn)],
        ..GraphDelta::default()
    });
    assert!(extended.has_retractions() && !seed.has_retractions());
    assert_same(&whole, &extended, "replaced");
    assert!(extended.quantity(figure).retracted.is_some());
    assert!(seed.quantity(figure).retracted.is_none());
    assert_same(&whole, &extended.compact(), "replaced, then compacted");
    assert_same(&whole, &snapshot_of(&extended), "replaced, then a snapshot");
    assert!(
        seed.claim(first).retracted.is_none(),
        "the old version is untouched"
    );
}
