//! `olympia-kg init DIR`: the scaffold it writes is a dataset that loads without a problem or a
//! warning, and init never writes over anything.

use std::process::{Command, Output};

use olympia_kg::dataset::{self, Location};

fn olympia(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn init_writes_a_dataset_that_passes_check() {
    let root = tempfile::tempdir().expect("a temp dir");
    let dir = root.path().join("my dataset");
    let output = olympia(&["init".as_ref(), dir.as_os_str()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown = format!("'{}'", dir.display());
    assert!(
        stdout.contains(&format!("olympia-kg check {shown}"))
            && stdout.contains(&format!("olympia-kg serve --data {shown}")),
        "the next steps, with the directory quoted for the shell:\n{stdout}"
    );
    for file in [
        "README.md",
        "sources.jsonl",
        "sources/sample-report.txt",
        "entities.jsonl",
        "claims.jsonl",
        "quantities.jsonl",
        "vocabulary.jsonl",
    ] {
        assert!(dir.join(file).is_file(), "{file} is written");
    }

    let loaded = dataset::load_with_warnings(&Location::Dir(dir.clone()), &mut |_| {})
        .unwrap_or_else(|errors| panic!("the scaffold loads:\n{errors}"));
    assert_eq!(
        loaded.warnings,
        [],
        "the scaffold has nothing to warn about"
    );
    let graph = &loaded.graph;
    assert_eq!(
        (
            graph.entities().len(),
            graph.claims().len(),
            graph.quantities().len(),
            graph.sources().len()
        ),
        (3, 2, 1, 1)
    );
    let quotes: Vec<&str> = graph
        .claims()
        .map(|c| graph.quote(&c.evidence[0]))
        .collect();
    assert_eq!(
        quotes[0],
        "Lena Ortiz won the Riverside Marathon on Sunday."
    );
    for entity in graph.entities() {
        let id = graph.entity_by_key(&entity.key).expect("its own key");
        assert!(
            graph.mentions_of(id).len() > 0,
            "{} is mentioned in the sample text",
            entity.key
        );
    }

    let output = olympia(&["check".as_ref(), dir.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn init_refuses_a_directory_that_holds_anything() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("writable");
    let output = olympia(&["init".as_ref(), dir.path().as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("is not empty (it holds notes.txt)")
            && stderr.contains("init never overwrites")
            && stderr.contains("olympia-kg init my-dataset"),
        "{stderr}"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("readable")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(names, ["notes.txt"], "nothing was written");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).expect("kept"),
        "mine"
    );
}

/// The scaffold's vocabulary, checked here by shape until the loader reads `vocabulary.jsonl`
/// itself: every predicate the claims use is declared, with the fields the format requires
/// (the commented-out examples too, since authors copy them).
#[test]
fn the_scaffold_vocabulary_declares_what_its_claims_use() {
    const KINDS: &[&str] = &[
        "person",
        "group",
        "country",
        "place",
        "organization",
        "event",
        "work",
    ];
    let file = |name: &str| {
        dataset::init::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
            .expect("in the scaffold")
    };
    let mut declared = Vec::new();
    for line in file("vocabulary.jsonl").lines() {
        let json = line.strip_prefix("# ").unwrap_or(line);
        if !json.starts_with('{') {
            continue;
        }
        let def: serde_json::Value = serde_json::from_str(json).expect("a JSON object");
        let name = def["predicate"].as_str().expect("a predicate name");
        assert!(
            name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
            "{name}"
        );
        assert!(def["description"].as_str().is_some_and(|d| !d.is_empty()));
        for side in ["subject", "object"] {
            let kinds = def[side].as_array().expect("a list of kinds");
            assert!(!kinds.is_empty());
            assert!(
                kinds
                    .iter()
                    .all(|k| k.as_str().is_some_and(|k| KINDS.contains(&k))),
                "{name}: {kinds:?}"
            );
        }
        if let Some(qualifiers) = def["qualifiers"].as_array() {
            let known = ["role", "medal", "date", "place", "event", "order", "note"];
            assert!(
                qualifiers
                    .iter()
                    .all(|q| q.as_str().is_some_and(|q| known.contains(&q))),
                "{name}: {qualifiers:?}"
            );
        }
        let symmetric = def["symmetric"].as_bool().unwrap_or(false);
        assert!(
            symmetric || def["inverse"].is_string(),
            "{name} needs an inverse"
        );
        if !line.starts_with('#') {
            declared.push(name.to_owned());
        }
    }
    for line in file("claims.jsonl").lines().filter(|l| l.starts_with('{')) {
        let claim: serde_json::Value = serde_json::from_str(line).expect("a JSON object");
        let predicate = claim["predicate"].as_str().expect("a predicate");
        assert!(
            declared.iter().any(|d| d == predicate),
            "{predicate} is used but not declared in {declared:?}"
        );
    }
}
