//! `olympia-kg export --format …`, through the binary: each format writes a new file, and bad
//! input (an unknown format, an existing file, a directory that does not exist, jsonl without a
//! store) is refused with a message and a failing exit status, never a panic.

use std::path::Path;
use std::process::{Command, Output};

fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .arg("export")
        .args(args)
        .env_remove("OLYMPIA_DB")
        .env_remove("OLYMPIA_DATA")
        .output()
        .expect("the binary runs")
}

fn refused(output: &Output) -> String {
    assert!(!output.status.success(), "expected a refusal");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn every_graph_format_writes_a_new_file_of_the_seed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (format, starts) in [
        ("graphml", "<?xml"),
        ("dot", "digraph {"),
        ("ntriples", "<https://olympia-kg.example/id/"),
        ("jsonld", "{"),
    ] {
        let out = dir.path().join(format!("seed.{format}"));
        let done = export(&["--format", format, "--out", path(&out)]);
        assert!(done.status.success(), "{format}: {done:?}");
        let text = std::fs::read_to_string(&out).expect("written");
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..80.min(text.len())]
        );
        let said = String::from_utf8_lossy(&done.stdout);
        assert!(said.contains("entities and"), "{said}");
    }
}

#[test]
fn bad_input_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let stderr = refused(&export(&["--format", "xml", "--out", "x"]));
    assert!(stderr.contains("possible values"), "{stderr}");

    let existing = dir.path().join("seed.dot");
    std::fs::write(&existing, "keep me").expect("written");
    let stderr = refused(&export(&["--format", "dot", "--out", path(&existing)]));
    assert!(stderr.contains("exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&existing).expect("kept"), "keep me");

    let nowhere = dir.path().join("no-such-dir").join("seed.dot");
    let stderr = refused(&export(&["--format", "dot", "--out", path(&nowhere)]));
    assert!(stderr.contains("cannot create"), "{stderr}");

    let stderr = refused(&export(&["--out", path(&dir.path().join("dataset"))]));
    assert!(stderr.contains("--db"), "{stderr}");

    let missing = dir.path().join("missing.sqlite");
    let stderr = refused(&export(&[
        "--format",
        "graphml",
        "--db",
        path(&missing),
        "--out",
        path(&dir.path().join("g.graphml")),
    ]));
    assert!(stderr.contains("no store"), "{stderr}");
}
