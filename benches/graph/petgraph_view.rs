//! petgraph's algorithms on the store's `GraphView` against ours, in the same run over the same
//! inputs: shortest path (our bidirectional BFS against petgraph's A* with unit costs and no
//! estimate, i.e. Dijkstra stopping at the goal, both on the undirected view), PageRank (ours,
//! linear, against petgraph's `page_rank`, quadratic, only where it finishes: up to 2,000
//! entities), and the cold cost of each analysis the API serves.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use olympia_kg::graph::algo::{self, Budget, Filter};
use olympia_kg::graph::analytics::{self, Scope};
use olympia_kg::graph::view::{GraphView, ViewFilter};
use olympia_kg::graph::{EntityId, KnowledgeGraph};

/// Largest graph petgraph's `page_rank` (O(iterations × V² × degree)) is timed on.
const PETGRAPH_PAGE_RANK_MAX: usize = 2_000;

/// Adds the `TAG/petgraph` group and prints the comparison table.
pub fn bench(c: &mut Criterion, tag: &str, graph: &KnowledgeGraph, pairs: &[(EntityId, EntityId)]) {
    let view = GraphView::undirected(graph, &ViewFilter::default());
    let filter = Filter::default();
    let ours = |&(a, z): &(EntityId, EntityId)| {
        algo::shortest_path(graph, a, z, 6, &filter, Budget::default())
            .value
            .map(|p| p.len())
    };
    let theirs = |&(a, z): &(EntityId, EntityId)| {
        petgraph::algo::astar(&view, a, |n| n == z, |_| 1usize, |_| 0).map(|(cost, _)| cost)
    };
    // Both find paths of the same length wherever ours finds one within its 6 hops.
    for pair in pairs {
        if let Some(length) = ours(pair) {
            assert_eq!(theirs(pair), Some(length), "{pair:?}");
        }
    }

    let mut group = c.benchmark_group(format!("{tag}/petgraph"));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("shortest_path/ours_bidirectional_bfs", |b| {
        b.iter(|| {
            for p in pairs {
                black_box(ours(p));
            }
        })
    });
    group.bench_function("shortest_path/petgraph_astar_on_view", |b| {
        b.iter(|| {
            for p in pairs {
                black_box(theirs(p));
            }
        })
    });
    group.finish();

    let per_pair = |f: &dyn Fn(&(EntityId, EntityId)) -> Option<usize>| {
        let started = Instant::now();
        let mut rounds = 0;
        while rounds == 0 || started.elapsed() < Duration::from_secs(2) {
            for p in pairs {
                black_box(f(p));
            }
            rounds += 1;
        }
        started.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64
    };
    let (mine, petgraph) = (per_pair(&ours), per_pair(&theirs));
    println!(
        "  shortest path, {} pairs: ours {mine:.1} µs/pair, petgraph astar on the view {petgraph:.1} µs/pair ({:.1}x)",
        pairs.len(),
        petgraph / mine
    );

    let directed = GraphView::directed(graph, &ViewFilter::default());
    let time = |f: &dyn Fn()| {
        let started = Instant::now();
        f();
        started.elapsed().as_secs_f64() * 1e3
    };
    let ours_ms = time(&|| {
        black_box(analytics::page_rank(
            &directed,
            analytics::DAMPING,
            analytics::ITERATIONS,
        ));
    });
    if graph.entities().len() <= PETGRAPH_PAGE_RANK_MAX {
        let theirs_ms = time(&|| {
            black_box(petgraph::algo::page_rank(
                &directed,
                analytics::DAMPING,
                analytics::ITERATIONS,
            ));
        });
        println!(
            "  PageRank ({} iterations): ours {ours_ms:.3} ms, petgraph's page_rank {theirs_ms:.3} ms ({:.0}x)",
            analytics::ITERATIONS,
            theirs_ms / ours_ms
        );
    } else {
        println!(
            "  PageRank ({} iterations): ours {ours_ms:.1} ms; petgraph's page_rank not run (O(V²) per iteration)",
            analytics::ITERATIONS
        );
    }
    // What a first (uncached) API analysis costs: each call on a fresh scope misses the cache.
    let budget = Budget {
        max_visited: usize::MAX,
    };
    let kinds = [olympia_kg::graph::EntityKind::Person];
    let scopes = [
        Scope::default(),
        Scope::new(&ViewFilter {
            kinds: &kinds,
            ..ViewFilter::default()
        }),
        Scope::new(&ViewFilter {
            stated_only: true,
            ..ViewFilter::default()
        }),
    ];
    let cold = |run: &dyn Fn(&Scope)| scopes.iter().map(|s| time(&|| run(s))).collect::<Vec<_>>();
    let fmt = |ms: Vec<f64>| {
        ms.iter()
            .map(|m| format!("{m:.1}"))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    println!(
        "  cold analyses (all / people / stated, ms): centrality {}, components {}, brokers {}",
        fmt(cold(&|s| {
            black_box(graph.centrality(s, budget));
        })),
        fmt(cold(&|s| {
            black_box(graph.components(s, budget));
        })),
        // Brokers reuse the components cached just above, so this is the articulation points.
        fmt(cold(&|s| {
            black_box(graph.brokers(s, budget));
        })),
    );
    let warm = time(&|| {
        black_box(graph.centrality(&scopes[0], budget));
    });
    println!("  cached centrality: {:.4} ms", warm);
}
