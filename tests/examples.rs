//! The example queries of `examples/` return exactly their committed output
//! (`examples/NAME.json`), and the README shows exactly that output.
//!
//! After a deliberate change, regenerate both with `UPDATE_EXPECT=1 cargo test --test examples`.

mod common;

use std::path::Path;

use serde_json::json;

const EXAMPLES: &[&str] = &[
    "flag-handover-chain",
    "california-performers",
    "typed-relationship-fields",
    "crowd-figures",
    "snoop-dogg-to-macron",
    "search",
    "entities-page",
    "relations-page",
    "most-central",
];

fn update() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

fn run(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let query = std::fs::read_to_string(root.join(format!("examples/{name}.graphql")))
        .expect("the example exists");
    let body = common::server().query(&query, json!({}));
    assert!(
        body.get("errors").is_none(),
        "example {name} failed: {body:#}"
    );
    serde_json::to_string_pretty(&body).expect("serializable") + "\n"
}

#[test]
fn examples_return_their_committed_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in EXAMPLES {
        let actual = run(name);
        let path = root.join(format!("examples/{name}.json"));
        if update() {
            std::fs::write(&path, &actual).expect("writable");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "examples/{name}.graphql no longer returns examples/{name}.json; if the change is intended run `UPDATE_EXPECT=1 cargo test --test examples`"
        );
    }
}

#[test]
fn readme_shows_the_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme_path = root.join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).expect("README.md exists");
    let mut shown = 0;
    for name in EXAMPLES {
        let open = format!("<!-- output:{name} -->\n```json\n");
        let Some(start) = readme.find(&open).map(|i| i + open.len()) else {
            continue;
        };
        let end = start + readme[start..].find("```\n").expect("the block is closed");
        let actual = run(name);
        shown += 1;
        if update() {
            readme.replace_range(start..end, &actual);
            continue;
        }
        assert_eq!(
            &readme[start..end],
            actual,
            "README.md shows stale output for examples/{name}.graphql; run `UPDATE_EXPECT=1 cargo test --test examples`"
        );
        let query_block = format!(
            "```graphql\n{}```",
            std::fs::read_to_string(root.join(format!("examples/{name}.graphql"))).expect("exists")
        );
        assert!(
            readme.contains(&query_block),
            "README.md must show examples/{name}.graphql verbatim before its output"
        );
    }
    if update() {
        std::fs::write(&readme_path, readme).expect("writable");
    }
    assert!(
        shown >= 5,
        "the README shows the five worked examples (found {shown})"
    );
}

#[test]
fn every_example_is_listed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<String> = std::fs::read_dir(root.join("examples"))
        .expect("examples/ exists")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".graphql")
                .map(str::to_owned)
        })
        .collect();
    found.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed, "every examples/*.graphql runs in this test");
}

#[test]
fn readme_shows_the_real_seed_counts() {
    let graph = olympia_kg::dataset::load_embedded().expect("seed loads");
    let summary = olympia_kg::graph::summary(&graph.stats(), &graph);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md exists");
    assert!(
        readme.contains(&summary),
        "README.md shows stale `check seed` output; paste the output of `cargo run -q -- check seed`:\n{summary}"
    );
}
