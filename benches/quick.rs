//! Quick regression check for CI (`bench/quick.sh`): loads a generated 100k-entity dataset,
//! times a handful of graph operations (the fastest of 15 rounds), and compares each figure with
//! `bench/baseline.json`. Fails only on a gross regression: a figure more than `QUICK_FACTOR`
//! (default 2) times its baseline. `QUICK_WRITE_BASELINE=1` writes the baseline instead.
//!
//! Data directory: `OLYMPIA_QUICK_DATA` (bench/quick.sh generates it).

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use olympia_kg::graph::algo::{self, Budget, Filter};
use olympia_kg::graph::{Direction, EntityId};

const BASELINE: &str = "bench/baseline.json";

/// The fastest of `rounds` rounds, per item: other work on the machine only ever adds time, so
/// the minimum is the steadiest figure to compare runs by.
fn best_of<F: FnMut()>(rounds: usize, per_round: usize, mut f: F) -> f64 {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() / per_round as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> ExitCode {
    let Ok(dir) = std::env::var("OLYMPIA_QUICK_DATA") else {
        eprintln!("set OLYMPIA_QUICK_DATA to a dataset directory (bench/quick.sh does)");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let graph = match olympia_kg::dataset::load_dir(Path::new(&dir)) {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let load_s = started.elapsed().as_secs_f64();
    let n = graph.entities().len();
    let mut state = 7u64;
    let mut below = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let picks: Vec<EntityId> = (0..200)
        .map(|_| {
            graph
                .entity_by_key(&graph.entities()[below(n)].key)
                .expect("an entity")
        })
        .collect();
    let keys: Vec<String> = picks.iter().map(|&e| graph.entity(e).key.clone()).collect();
    let names: Vec<String> = picks
        .iter()
        .map(|&e| graph.entity(e).name.chars().take(8).collect())
        .collect();
    let filter = Filter::default();
    let per = picks.len();

    let figures: Vec<(&str, f64)> = vec![
        ("load_s", load_s),
        (
            "entity_lookup_us",
            1e6 * best_of(15, per, || {
                for k in &keys {
                    black_box(graph.entity_by_key(k));
                }
            }),
        ),
        (
            "search_us",
            1e6 * best_of(15, per, || {
                for q in &names {
                    black_box(graph.search(q, &[], 10));
                }
            }),
        ),
        (
            "relations_1hop_us",
            1e6 * best_of(15, per, || {
                for &e in &picks {
                    black_box(graph.claims_of(e, Direction::Both));
                }
            }),
        ),
        (
            "neighborhood_2hop_us",
            1e6 * best_of(15, per, || {
                for &e in &picks {
                    black_box(algo::neighborhood(
                        &graph,
                        e,
                        2,
                        100,
                        &filter,
                        Budget::default(),
                    ));
                }
            }),
        ),
        (
            "related_2hop_us",
            1e6 * best_of(15, per, || {
                for &e in &picks {
                    black_box(algo::related(&graph, e, 2, 100, &filter, Budget::default()));
                }
            }),
        ),
        (
            "shortest_path_us",
            1e6 * best_of(15, per / 2, || {
                for w in picks.chunks(2) {
                    black_box(algo::shortest_path(
                        &graph,
                        w[0],
                        w[1],
                        6,
                        &filter,
                        Budget::default(),
                    ));
                }
            }),
        ),
    ];

    if std::env::var("QUICK_WRITE_BASELINE").is_ok_and(|v| v == "1") {
        let map: serde_json::Map<String, serde_json::Value> = figures
            .iter()
            .map(|&(k, v)| {
                (
                    k.to_owned(),
                    serde_json::json!((v * 1000.0).round() / 1000.0),
                )
            })
            .collect();
        let text = serde_json::to_string_pretty(&map).expect("numbers serialise") + "\n";
        if let Err(e) = std::fs::write(BASELINE, text) {
            eprintln!("cannot write {BASELINE}: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {BASELINE}");
    }
    let baseline: serde_json::Value = match std::fs::read_to_string(BASELINE)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("cannot read {BASELINE}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let factor: f64 = std::env::var("QUICK_FACTOR")
        .ok()
        .and_then(|f| f.parse().ok())
        .unwrap_or(2.0);
    println!(
        "quick bench on {dir} ({n} entities, {} relation claims); fails above {factor}x baseline",
        graph.claims().len()
    );
    let mut passed = 0;
    let mut failed = 0;
    for (name, value) in figures {
        let base = baseline.get(name).and_then(serde_json::Value::as_f64);
        let verdict = match base {
            Some(b) if value > factor * b.max(1e-3) => {
                failed += 1;
                "REGRESSION"
            }
            Some(_) => {
                passed += 1;
                "ok"
            }
            None => {
                passed += 1;
                "no baseline"
            }
        };
        println!(
            "  {name:<22} {value:>12.3}  baseline {:>12}  {:>5}  {verdict}",
            base.map_or("-".to_owned(), |b| format!("{b:.3}")),
            base.map_or("-".to_owned(), |b| format!("{:.2}x", value / b.max(1e-3)))
        );
    }
    // Worded so that CI does not take it for the test runner's closing line.
    println!("quick bench: {passed} figures within {factor}x of the baseline, {failed} above it");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
