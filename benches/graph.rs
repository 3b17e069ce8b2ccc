//! Graph-core benchmarks: search, entity lookup, 1-hop relations, 2- and 3-hop neighbourhoods,
//! shortest paths between random pairs and `related`, each traversal compared in the same run
//! with a plain CSR loop over the same edges (the ceiling), reported as edges/s and their ratio.
//!
//! ```sh
//! cargo bench --bench graph                                   # the seed dataset only
//! OLYMPIA_BENCH_DATA=/tmp/kg100k,/tmp/kg1m cargo bench --bench graph   # plus generated ones
//! ```
//!
//! Besides criterion's own report, each dataset prints a table of edges/s (ours, raw, ratio)
//! and shortest-path latency percentiles over random pairs, then compares petgraph's algorithms
//! on the store's view with ours (`graph/petgraph_view.rs`, the `TAG/petgraph` group).

#[path = "graph/petgraph_view.rs"]
mod petgraph_view;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use olympia_kg::graph::algo::{self, Budget, Filter};
use olympia_kg::graph::{Direction, EntityId, KnowledgeGraph};

/// Most nodes a neighbourhood may return, as the API's default bound would.
const MAX_NODES: usize = 10_000;

/// A small deterministic generator for picking entities.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Plain CSR arrays of the relation edges in both directions, and a reusable visited stamp.
struct Raw {
    out_offsets: Vec<u32>,
    out_targets: Vec<u32>,
    in_offsets: Vec<u32>,
    in_targets: Vec<u32>,
    seen: Vec<u32>,
    stamp: u32,
}

impl Raw {
    fn new(graph: &KnowledgeGraph) -> Raw {
        let (oo, ot) = graph.csr_outgoing();
        let (io, it) = graph.csr_incoming();
        Raw {
            out_offsets: oo.to_vec(),
            out_targets: ot,
            in_offsets: io.to_vec(),
            in_targets: it,
            seen: vec![0; graph.entities().len()],
            stamp: 0,
        }
    }

    fn neighbours(&self, u: u32) -> impl Iterator<Item = u32> + '_ {
        let u = u as usize;
        let out = &self.out_targets[self.out_offsets[u] as usize..self.out_offsets[u + 1] as usize];
        let inc = &self.in_targets[self.in_offsets[u] as usize..self.in_offsets[u + 1] as usize];
        out.iter().chain(inc).copied()
    }

    fn next_stamp(&mut self) -> u32 {
        self.stamp += 1;
        self.stamp
    }

    /// Breadth-first search to `hops` levels, both directions, stopping after the level that
    /// passes `cap` nodes (as `neighborhood` does). Returns (nodes, edges scanned).
    fn khop(&mut self, center: u32, hops: usize, cap: usize) -> (usize, usize) {
        let stamp = self.next_stamp();
        self.seen[center as usize] = stamp;
        let mut frontier = vec![center];
        let (mut nodes, mut edges) = (1usize, 0usize);
        for _ in 0..hops {
            let mut next = Vec::new();
            for &u in &frontier {
                let u = u as usize;
                for range in [
                    (
                        self.out_offsets[u],
                        self.out_offsets[u + 1],
                        &self.out_targets,
                    ),
                    (self.in_offsets[u], self.in_offsets[u + 1], &self.in_targets),
                ] {
                    for &v in &range.2[range.0 as usize..range.1 as usize] {
                        edges += 1;
                        if self.seen[v as usize] != stamp {
                            self.seen[v as usize] = stamp;
                            next.push(v);
                        }
                    }
                }
            }
            nodes += next.len();
            if nodes > cap || next.is_empty() {
                break;
            }
            frontier = next;
        }
        (nodes.min(cap), edges)
    }

    /// Bidirectional BFS distance (both directions), expanding the smaller frontier.
    fn distance(&mut self, from: u32, to: u32, max_hops: usize) -> (Option<usize>, usize) {
        if from == to {
            return (Some(0), 0);
        }
        let a = self.next_stamp();
        let b = self.next_stamp();
        self.seen[from as usize] = a;
        self.seen[to as usize] = b;
        let (mut fa, mut fb) = (vec![from], vec![to]);
        let (mut da, mut db) = (0usize, 0usize);
        let mut edges = 0usize;
        while !fa.is_empty() && !fb.is_empty() && da + db < max_hops {
            let forward = fa.len() <= fb.len();
            let (frontier, mine, other) = if forward {
                (&mut fa, a, b)
            } else {
                (&mut fb, b, a)
            };
            if forward {
                da += 1;
            } else {
                db += 1;
            }
            let mut next = Vec::new();
            let mut met = false;
            for &u in frontier.iter() {
                let u = u as usize;
                for range in [
                    (
                        self.out_offsets[u],
                        self.out_offsets[u + 1],
                        &self.out_targets,
                    ),
                    (self.in_offsets[u], self.in_offsets[u + 1], &self.in_targets),
                ] {
                    for &v in &range.2[range.0 as usize..range.1 as usize] {
                        edges += 1;
                        let s = self.seen[v as usize];
                        if s == other {
                            met = true;
                        } else if s != mine {
                            self.seen[v as usize] = mine;
                            next.push(v);
                        }
                    }
                }
            }
            if met {
                return (Some(da + db), edges);
            }
            *frontier = next;
        }
        (None, edges)
    }
}

fn load(name: &str) -> KnowledgeGraph {
    if name == "seed" {
        olympia_kg::dataset::load_embedded().expect("the seed dataset loads")
    } else {
        olympia_kg::dataset::load_dir(Path::new(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }
}

fn datasets() -> Vec<String> {
    let mut names = vec!["seed".to_owned()];
    if let Ok(more) = std::env::var("OLYMPIA_BENCH_DATA") {
        names.extend(more.split(',').filter(|s| !s.is_empty()).map(str::to_owned));
    }
    names
}

fn label(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map_or(name.to_owned(), |f| f.to_string_lossy().into_owned())
}

/// Times `f` over `inputs`, repeated until `at_least` has passed; returns seconds per round.
fn time_rounds<T>(inputs: &[T], at_least: Duration, mut f: impl FnMut(&T)) -> f64 {
    let started = Instant::now();
    let mut rounds = 0u32;
    while rounds == 0 || started.elapsed() < at_least {
        for i in inputs {
            f(i);
        }
        rounds += 1;
    }
    started.elapsed().as_secs_f64() / rounds as f64
}

/// Prints edges/s of our traversal and of the raw loop over the same centres, and the ratio.
fn compare(what: &str, edges: usize, ours: f64, raw: f64) {
    let (o, r) = (edges as f64 / ours, edges as f64 / raw);
    println!(
        "  {what:<26} {:>10.1} M edges/s ours  {:>10.1} M edges/s raw  ratio {:.2}",
        o / 1e6,
        r / 1e6,
        o / r
    );
}

fn bench(c: &mut Criterion) {
    for name in datasets() {
        let started = Instant::now();
        let graph = load(&name);
        let tag = label(&name);
        let n = graph.entities().len();
        println!(
            "\n== {tag}: {n} entities, {} relation claims, loaded in {:.2} s",
            graph.claims().len(),
            started.elapsed().as_secs_f64()
        );
        let m = graph.memory();
        let per = |b: usize| b as f64 / graph.claims().len().max(1) as f64;
        println!(
            "   heap per relation claim: total {:.0} B = claims {:.0} + mentions {:.0} + sources {:.0} + entities {:.0} + indexes {:.0} + adjacency {:.0} + search {:.0} + quantities {:.0}",
            per(m.total()),
            per(m.claims),
            per(m.mentions),
            per(m.sources),
            per(m.entities),
            per(m.indexes),
            per(m.adjacency),
            per(m.search),
            per(m.quantities)
        );
        let mut rng = Lcg(42);
        let picks: Vec<EntityId> = (0..256)
            .map(|_| {
                let key = &graph.entities()[rng.below(n)].key;
                graph.entity_by_key(key).expect("an entity")
            })
            .collect();
        let pairs: Vec<(EntityId, EntityId)> = (0..picks.len() / 2)
            .map(|i| (picks[2 * i], picks[2 * i + 1]))
            .collect();
        let keys: Vec<String> = picks.iter().map(|&e| graph.entity(e).key.clone()).collect();
        let queries: Vec<String> = picks
            .iter()
            .map(|&e| {
                let name = &graph.entity(e).name;
                name.chars().take(name.len().min(8)).collect()
            })
            .collect();
        let mut raw = Raw::new(&graph);
        let filter = Filter::default();

        let mut group = c.benchmark_group(tag.clone());
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));

        group.bench_function("search", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % queries.len();
                black_box(graph.search(&queries[i], &[], 10))
            })
        });
        group.bench_function("entity_lookup", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % keys.len();
                black_box(graph.entity_by_key(&keys[i]))
            })
        });

        // 1-hop: every relation at an entity, both ways.
        let one_hop_edges: usize = picks
            .iter()
            .map(|&e| graph.steps(e, Direction::Both).count())
            .sum();
        group.throughput(Throughput::Elements(one_hop_edges as u64));
        group.bench_function("relations_1hop/ours", |b| {
            b.iter(|| {
                for &e in &picks {
                    black_box(graph.claims_of(e, Direction::Both));
                }
            })
        });
        group.bench_function("relations_1hop/raw", |b| {
            b.iter(|| {
                for &e in &picks {
                    black_box(raw.neighbours(e.index() as u32).fold(0u32, |a, v| a ^ v));
                }
            })
        });

        let mut table = Vec::new();
        for hops in [2usize, 3] {
            let edges: usize = picks
                .iter()
                .map(|&e| raw.khop(e.index() as u32, hops, MAX_NODES).1)
                .sum();
            group.throughput(Throughput::Elements(edges as u64));
            group.bench_with_input(
                BenchmarkId::new("neighborhood/ours", hops),
                &hops,
                |b, &hops| {
                    b.iter(|| {
                        for &e in &picks {
                            black_box(algo::neighborhood(
                                &graph,
                                e,
                                hops,
                                MAX_NODES,
                                &filter,
                                Budget::default(),
                            ));
                        }
                    })
                },
            );
            group.bench_with_input(
                BenchmarkId::new("neighborhood/raw", hops),
                &hops,
                |b, &hops| {
                    b.iter(|| {
                        for &e in &picks {
                            black_box(raw.khop(e.index() as u32, hops, MAX_NODES));
                        }
                    })
                },
            );
            let ours = time_rounds(&picks, Duration::from_millis(500), |&e| {
                black_box(algo::neighborhood(
                    &graph,
                    e,
                    hops,
                    MAX_NODES,
                    &filter,
                    Budget::default(),
                ));
            });
            let plain = time_rounds(&picks, Duration::from_millis(500), |&e| {
                black_box(raw.khop(e.index() as u32, hops, MAX_NODES));
            });
            table.push((format!("{hops}-hop neighbourhood"), edges, ours, plain));
        }

        let related_edges: usize = picks
            .iter()
            .map(|&e| raw.khop(e.index() as u32, 2, 1000).1)
            .sum();
        group.throughput(Throughput::Elements(related_edges as u64));
        group.bench_function("related_2hop/ours", |b| {
            b.iter(|| {
                for &e in &picks {
                    black_box(algo::related(
                        &graph,
                        e,
                        2,
                        1000,
                        &filter,
                        Budget::default(),
                    ));
                }
            })
        });
        let ours = time_rounds(&picks, Duration::from_millis(500), |&e| {
            black_box(algo::related(
                &graph,
                e,
                2,
                1000,
                &filter,
                Budget::default(),
            ));
        });
        let plain = time_rounds(&picks, Duration::from_millis(500), |&e| {
            black_box(raw.khop(e.index() as u32, 2, 1000));
        });
        table.push((
            "related (2 hops, 1000)".to_owned(),
            related_edges,
            ours,
            plain,
        ));

        let path_edges: usize = pairs
            .iter()
            .map(|&(a, b)| raw.distance(a.index() as u32, b.index() as u32, 6).1)
            .sum();
        group.throughput(Throughput::Elements(path_edges as u64));
        group.bench_function("shortest_path/ours", |b| {
            b.iter(|| {
                for &(a, z) in &pairs {
                    black_box(algo::shortest_path(
                        &graph,
                        a,
                        z,
                        6,
                        &filter,
                        Budget::default(),
                    ));
                }
            })
        });
        group.bench_function("shortest_path/raw", |b| {
            b.iter(|| {
                for &(a, z) in &pairs {
                    black_box(raw.distance(a.index() as u32, z.index() as u32, 6));
                }
            })
        });
        let ours = time_rounds(&pairs, Duration::from_millis(500), |&(a, z)| {
            black_box(algo::shortest_path(
                &graph,
                a,
                z,
                6,
                &filter,
                Budget::default(),
            ));
        });
        let plain = time_rounds(&pairs, Duration::from_millis(500), |&(a, z)| {
            black_box(raw.distance(a.index() as u32, z.index() as u32, 6));
        });
        table.push(("shortest path (6 hops)".to_owned(), path_edges, ours, plain));
        group.finish();

        println!("\n== {tag}: edges/s, ours vs a raw CSR loop over the same edges (same run)");
        for (what, edges, ours, plain) in &table {
            compare(what, *edges, *ours, *plain);
        }

        // Shortest-path latency over many random pairs, one at a time.
        let mut latencies: Vec<f64> = (0..1000)
            .map(|_| {
                let (a, z) = (rng.below(n), rng.below(n));
                let (a, z) = (
                    graph
                        .entity_by_key(&graph.entities()[a].key)
                        .expect("an entity"),
                    graph
                        .entity_by_key(&graph.entities()[z].key)
                        .expect("an entity"),
                );
                let t = Instant::now();
                black_box(algo::shortest_path(
                    &graph,
                    a,
                    z,
                    6,
                    &filter,
                    Budget::default(),
                ));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        latencies.sort_by(f64::total_cmp);
        let p =
            |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
        println!(
            "  shortest path, 1000 random pairs (max 6 hops): p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            p(0.5),
            p(0.99),
            latencies[latencies.len() - 1]
        );
        petgraph_view::bench(c, &tag, &graph, &pairs);
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
