//! The authoring commands, run as a user runs them: `locate` prints evidence the loader accepts
//! as pasted, and names the near miss when a phrase is typed differently; `uncovered` lists no
//! name an entity already has.

use std::path::Path;
use std::process::{Command, Output};

use olympia_kg::dataset::{Location, load, load_embedded};

/// Runs `olympia-kg` with `args` on the embedded seed.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(args)
        .env_remove("OLYMPIA_DATA")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// Copies the seed dataset into `to`, adding `claims` to its claims file.
fn seed_with_claims(to: &Path, claims: &[String]) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed");
    for dir in ["", "sources"] {
        std::fs::create_dir_all(to.join(dir)).expect("writable");
        for entry in std::fs::read_dir(seed.join(dir)).expect("the seed is there") {
            let path = entry.expect("a directory entry").path();
            if path.is_file() {
                let name = path.strip_prefix(&seed).expect("inside the seed");
                std::fs::copy(&path, to.join(name)).expect("copyable");
            }
        }
    }
    let mut text = std::fs::read_to_string(to.join("claims.jsonl")).expect("readable");
    for claim in claims {
        text.push_str(claim);
        text.push('\n');
    }
    std::fs::write(to.join("claims.jsonl"), text).expect("writable");
}

/// The evidence lines `locate` prints for `phrase` in report-1406bd90, checked as JSON.
fn located(phrase: &str) -> Vec<String> {
    let output = run(&["locate", "report-1406bd90", phrase]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    for line in &lines {
        let json: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(json["source"], "report-1406bd90", "{line}");
        assert_eq!(json["quote"], phrase, "{line}");
    }
    lines
}

#[test]
fn located_evidence_is_accepted_as_pasted() {
    let once = located("Simone Biles");
    assert_eq!(
        once,
        [r#"{"source": "report-1406bd90", "quote": "Simone Biles"}"#]
    );
    let repeated = located("Los Angeles");
    let graph = load_embedded().expect("the seed loads");
    let source = graph.source(
        graph
            .source_by_key("report-1406bd90")
            .expect("a seed source"),
    );
    let expected: Vec<usize> = source
        .text
        .match_indices("Los Angeles")
        .map(|(at, _)| at)
        .collect();
    assert!(expected.len() > 1, "the test needs a repeated phrase");
    assert_eq!(repeated.len(), expected.len());
    for (k, line) in repeated.iter().enumerate() {
        assert!(
            line.ends_with(&format!(", \"occurrence\": {}}}", k + 1)),
            "{line}"
        );
    }

    // Pasted into claims, every line loads and cites the occurrence it numbers.
    let claims: Vec<String> = once
        .iter()
        .chain(&repeated)
        .map(|evidence| {
            format!(
                r#"{{"subject": "simone-biles", "predicate": "APPEARED_WITH", "object": "tom-cruise", "evidence": [{evidence}]}}"#
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("a temp dir");
    seed_with_claims(dir.path(), &claims);
    let pasted = load(&Location::Dir(dir.path().to_path_buf())).expect("the pasted evidence loads");
    let added: Vec<_> = pasted
        .claims()
        .skip(pasted.claims().len() - claims.len())
        .collect();
    let quotes: Vec<&str> = added.iter().map(|c| pasted.quote(&c.evidence[0])).collect();
    assert_eq!(quotes[0], "Simone Biles");
    for (k, claim) in added[1..].iter().enumerate() {
        assert_eq!(quotes[k + 1], "Los Angeles");
        assert_eq!(claim.evidence[0].span.start as usize, expected[k]);
    }
}

#[test]
fn a_straight_apostrophe_for_a_curly_one_shows_the_difference() {
    let output = run(&["locate", "report-b5f89558", "Comme d'habitude"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(err.contains("does not occur verbatim"), "{err}");
    assert!(err.contains("source: Comme d’habitude"), "{err}");
    assert!(
        err.contains("’ (U+2019, right single quotation mark) in the source, ' (U+0027, apostrophe) in the quote"),
        "{err}"
    );
}

#[test]
fn an_unknown_source_is_named_with_the_closest_id() {
    let output = run(&["locate", "report-1406bd9", "Paris"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("did you mean \"report-1406bd90\"?"),
        "{}",
        stderr(&output)
    );
    let output = run(&["uncovered", "no-such-source"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("known sources: report-1406bd90"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn uncovered_lists_no_name_an_entity_has() {
    let output = run(&["uncovered"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let graph = load_embedded().expect("the seed loads");
    let fold = olympia_kg::graph::fold::fold;
    let known: Vec<String> = graph
        .entities()
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.shared_aliases)
        })
        .map(|n| fold(n))
        .collect();
    let listing = stdout(&output);
    let names: Vec<&str> = listing
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line
                .split("  ")
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            assert_eq!(fields.len(), 3, "count, name, position in {line:?}");
            assert!(fields[0].parse::<usize>().is_ok(), "{line:?}");
            assert!(fields[2].starts_with("report-"), "{line:?}");
            fields[1]
        })
        .collect();
    assert!(
        !names.is_empty(),
        "the seed has names no entity covers:\n{listing}"
    );
    for name in &names {
        assert!(
            !known.contains(&fold(name)),
            "{name:?} is an entity's name or alias"
        );
    }
    // Names the seed's entities cover, and sentence-start stop words, are not offered.
    for covered in ["Simone Biles", "Tom Cruise", "Los Angeles", "The", "In"] {
        assert!(!names.contains(&covered), "{covered:?} in:\n{listing}");
    }
    // One source only lists positions in that source.
    let one = run(&["uncovered", "report-b5f89558"]);
    assert!(one.status.success());
    assert!(
        !stdout(&one).is_empty(),
        "report-b5f89558 has uncovered names"
    );
    assert!(
        stdout(&one).lines().all(|l| l.contains("report-b5f89558:")),
        "{}",
        stdout(&one)
    );
}
