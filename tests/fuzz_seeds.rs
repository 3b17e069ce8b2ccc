//! Every committed fuzz seed (`fuzz/seeds/`), including the inputs that once found a bug,
//! replayed through the fuzz targets' own checks.

use std::path::Path;
use std::sync::Arc;

use olympia_kg::schema::{self, SchemaConfig};

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            (
                path.display().to_string(),
                std::fs::read(&path).expect("readable"),
            )
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

#[test]
fn dataset_seeds_replay() {
    for (_, data) in seeds("dataset") {
        olympia_kg::fuzzing::dataset_input(&data);
    }
}

#[test]
fn query_seeds_replay() {
    let graph = Arc::new(olympia_kg::dataset::load_embedded().expect("the seed dataset loads"));
    let schema = schema::build_schema(graph, SchemaConfig::default());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for (_, data) in seeds("query") {
        olympia_kg::fuzzing::query_input(&schema, &runtime, &data);
    }
}
