//! The validator's every error case, on small hand-made datasets: each names file, line and
//! column and says what to do; all problems are listed, not only the first.

use std::path::Path;
use std::process::Command;

use olympia_kg::dataset::{DatasetErrors, Location, load_dir, load_with_warnings};

const TEXT: &str = "Alice handed the flag to Bob. Bob thanked Alice. Bob waved. Bob waved.";

struct Files<'a> {
    vocabulary: &'a str,
    sources: &'a str,
    entities: &'a str,
    claims: &'a str,
    quantities: &'a str,
}

const SOURCES: &str = r#"{"id": "s1", "file": "s1.txt", "title": "T", "published_on": "2024-08-11", "language": "en", "outlet": null}"#;
const ENTITIES: &str = r#"{"id": "alice", "kind": "person", "name": "Alice"}
{"id": "bob", "kind": "person", "name": "Bob", "aliases": ["Bobby"]}
{"id": "paris", "kind": "place", "name": "Paris"}"#;
const CLAIMS: &str = r#"{"subject": "alice", "predicate": "HANDED_FLAG_TO", "object": "bob", "evidence": [{"source": "s1", "quote": "Alice handed the flag to Bob"}]}"#;

const GOOD: Files<'static> = Files {
    vocabulary: olympia_kg::dataset::SEED_VOCABULARY,
    sources: SOURCES,
    entities: ENTITIES,
    claims: CLAIMS,
    quantities: "",
};

fn write(dir: &Path, files: &Files) {
    std::fs::write(dir.join("vocabulary.jsonl"), files.vocabulary).expect("writable");
    std::fs::write(dir.join("sources.jsonl"), files.sources).expect("writable");
    std::fs::write(dir.join("entities.jsonl"), files.entities).expect("writable");
    std::fs::write(dir.join("claims.jsonl"), files.claims).expect("writable");
    std::fs::write(dir.join("quantities.jsonl"), files.quantities).expect("writable");
    std::fs::write(dir.join("s1.txt"), TEXT).expect("writable");
}

fn errors(files: Files) -> DatasetErrors {
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &files);
    load_dir(dir.path()).expect_err("the dataset has a problem")
}

/// Asserts that some error is at `file:line:column` and says `words`.
fn check(files: Files, file: &str, line: usize, column: Option<usize>, words: &[&str]) {
    let errors = errors(files);
    let found = errors.0.iter().find(|e| {
        e.file.ends_with(file) && e.line == Some(line) && (column.is_none() || e.column == column)
    });
    let error =
        found.unwrap_or_else(|| panic!("no error at {file}:{line}:{column:?} in:\n{errors}"));
    let text = error.to_string();
    for w in words {
        assert!(text.contains(w), "{text:?} should say {w:?}");
    }
}

#[test]
fn a_good_dataset_loads() {
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &GOOD);
    let graph = load_dir(dir.path()).expect("loads");
    assert_eq!(graph.claims().len(), 1);
    assert_eq!(graph.mentions().len(), 6, "Alice ×2, Bob ×4");
}

#[test]
fn malformed_lines_and_unknown_fields() {
    check(
        Files {
            entities: "{\"id\": \"alice\", \"kind\": \"person\", \"name\": }",
            ..GOOD
        },
        "entities.jsonl",
        1,
        Some(43),
        &["invalid record", "hint"],
    );
    check(
        Files {
            entities: "# comment\n\n{\"id\": \"alice\", \"kind\": \"person\", \"name\": \"A\", \"nmae\": 1}",
            ..GOOD
        },
        "entities.jsonl",
        3,
        None,
        &["unknown field `nmae`"],
    );
    let typo = CLAIMS.replace(
        "\"evidence\"",
        "\"qualifiers\": {\"oder\": 1}, \"evidence\"",
    );
    check(
        Files {
            claims: &typo,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["unknown field `oder`"],
    );
}

#[test]
fn unknown_and_duplicate_ids() {
    let claims = CLAIMS.replace("\"object\": \"bob\"", "\"object\": \"bobb\"");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        Some(63),
        &["unknown entity id \"bobb\"", "did you mean \"bob\""],
    );
    let entities =
        format!("{ENTITIES}\n{{\"id\": \"alice\", \"kind\": \"person\", \"name\": \"Alice Two\"}}");
    check(
        Files {
            entities: &entities,
            ..GOOD
        },
        "entities.jsonl",
        4,
        Some(8),
        &["duplicate id \"alice\"", "entities.jsonl:1"],
    );
    let entities =
        format!("{ENTITIES}\n{{\"id\": \"s1\", \"kind\": \"person\", \"name\": \"Sam\"}}");
    check(
        Files {
            entities: &entities,
            ..GOOD
        },
        "entities.jsonl",
        4,
        None,
        &["duplicate id \"s1\"", "sources.jsonl:1"],
    );
    check(
        Files {
            entities: "{\"id\": \"Alice\", \"kind\": \"person\", \"name\": \"A\"}",
            claims: "",
            ..GOOD
        },
        "entities.jsonl",
        1,
        Some(8),
        &["invalid id", "kebab-case"],
    );
    let claims = CLAIMS.replace("\"source\": \"s1\"", "\"source\": \"s9\"");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["unknown source id \"s9\"", "known sources: s1"],
    );
}

#[test]
fn predicates_kinds_and_enumerations() {
    let claims = CLAIMS
        .replace("\"object\": \"bob\"", "\"object\": \"paris\"")
        .replace("HANDED_FLAG_TO", "COACHES");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &[
            "COACHES does not allow a object of kind place",
            "person, group",
        ],
    );
    let claims = CLAIMS.replace("HANDED_FLAG_TO", "GAVE_FLAG");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["unknown predicate \"GAVE_FLAG\"", "HANDED_FLAG_TO"],
    );
    check(
        Files {
            entities: "{\"id\": \"alice\", \"kind\": \"human\", \"name\": \"A\"}",
            claims: "",
            ..GOOD
        },
        "entities.jsonl",
        1,
        None,
        &["unknown entity kind \"human\"", "person, group, country"],
    );
    let claims = CLAIMS.replace("\"evidence\"", "\"qualifiers\": {\"medal\": \"platinum\", \"place\": \"bob\", \"date\": \"11/08/2024\"}, \"evidence\"");
    let errors = errors(Files {
        claims: &claims,
        ..GOOD
    })
    .to_string();
    for words in [
        "unknown medal \"platinum\"",
        "qualifier place must name a place, country, but \"bob\" is a person",
        "invalid date \"11/08/2024\"",
    ] {
        assert!(errors.contains(words), "{errors}");
    }
}

#[test]
fn quotes_must_occur_verbatim_and_once() {
    let claims = CLAIMS.replace("Alice handed the flag to Bob", "Alice gave the flag to Bob");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        Some(109),
        &[
            "quote not found verbatim",
            "closest passage is: \"Alice handed the flag to Bob\"",
        ],
    );
    let claims = CLAIMS.replace("Alice handed the flag to Bob", "Bob waved");
    check(
        Files {
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["quote occurs 2 times", "\"occurrence\": N (1 to 2)"],
    );
    let fixed = CLAIMS.replace(
        "\"quote\": \"Alice handed the flag to Bob\"",
        "\"quote\": \"Bob waved\", \"occurrence\": 2",
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    write(
        dir.path(),
        &Files {
            claims: &fixed,
            ..GOOD
        },
    );
    let graph = load_dir(dir.path()).expect("an occurrence disambiguates");
    assert_eq!(
        graph.claim_at(0).expect("a claim").evidence[0].span.start as usize,
        TEXT.rfind("Bob waved").expect("present")
    );
    let wrong = CLAIMS.replace(
        "\"quote\": \"Alice handed the flag to Bob\"",
        "\"quote\": \"Bob waved\", \"occurrence\": 3",
    );
    check(
        Files {
            claims: &wrong,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["occurrence 3 asked for, but the quote occurs 2 time(s)"],
    );
    let empty = CLAIMS.replace(
        "\"evidence\": [{\"source\": \"s1\", \"quote\": \"Alice handed the flag to Bob\"}]",
        "\"evidence\": []",
    );
    check(
        Files {
            claims: &empty,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["no evidence"],
    );
    let inferred = CLAIMS.replace("\"evidence\"", "\"inferred\": true, \"evidence\"");
    check(
        Files {
            claims: &inferred,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["inferred claim must cite every sentence"],
    );
}

#[test]
fn aliases_claimed_twice_need_disambiguation() {
    let entities = format!(
        "{ENTITIES}\n{{\"id\": \"robert\", \"kind\": \"person\", \"name\": \"Robert\", \"aliases\": [\"BOBBY\"]}}"
    );
    check(
        Files {
            entities: &entities,
            ..GOOD
        },
        "entities.jsonl",
        4,
        None,
        &[
            "\"BOBBY\" is also a name of entity \"bob\"",
            "shared_aliases",
        ],
    );
    let entities = ENTITIES.replace(
        "\"aliases\": [\"Bobby\"]",
        "\"shared_aliases\": [\"Bobby\"]",
    ) + "\n{\"id\": \"robert\", \"kind\": \"person\", \"name\": \"Robert\", \"shared_aliases\": [\"bobby\"]}";
    let dir = tempfile::tempdir().expect("a temp dir");
    write(
        dir.path(),
        &Files {
            entities: &entities,
            ..GOOD
        },
    );
    let graph = load_dir(dir.path()).expect("shared on both sides is allowed");
    let hits: Vec<&str> = graph
        .search("bobby", &[], 5)
        .iter()
        .map(|h| graph.entity(h.entity).key.as_str())
        .collect();
    assert!(
        hits.contains(&"bob") && hits.contains(&"robert"),
        "{hits:?}"
    );
}

#[test]
fn quantities_keep_one_source_each() {
    let sources = format!(
        "{SOURCES}\n{{\"id\": \"s2\", \"file\": \"s1.txt\", \"title\": \"T2\", \"published_on\": \"2024-08-11\", \"language\": \"en\", \"outlet\": null}}"
    );
    let quantities = r#"{"subject": "bob", "property": "waves", "value": 2, "unit": "waves", "hedge": "about", "evidence": [{"source": "s1", "quote": "Bob waved", "occurrence": 1}, {"source": "s2", "quote": "Bob thanked"}]}"#;
    let errors = errors(Files {
        sources: &sources,
        quantities,
        ..GOOD
    })
    .to_string();
    assert!(
        errors.contains("evidence comes from several sources (s1, s2)"),
        "{errors}"
    );
    assert!(errors.contains("unknown hedge \"about\""), "{errors}");
    assert!(errors.contains("quantities.jsonl:1:"), "{errors}");
}

#[test]
fn source_files_must_be_readable_text_inside_the_dataset() {
    let sources = SOURCES.replace("s1.txt", "../outside.txt");
    check(
        Files {
            sources: &sources,
            ..GOOD
        },
        "sources.jsonl",
        1,
        None,
        &["cannot read source text", "stay inside the dataset"],
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &GOOD);
    std::fs::write(dir.path().join("s1.txt"), b"Alice \xff Bob").expect("writable");
    let errors = load_dir(dir.path()).expect_err("not UTF-8").to_string();
    assert!(errors.contains("not valid UTF-8"), "{errors}");
    std::fs::remove_file(dir.path().join("claims.jsonl")).expect("removable");
    let errors = load_dir(dir.path())
        .expect_err("a file is missing")
        .to_string();
    assert!(
        errors.contains("claims.jsonl: cannot read this file"),
        "{errors}"
    );
}

#[test]
fn check_lists_every_problem_and_exits_non_zero() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let claims = format!(
        "{}\n{}",
        CLAIMS.replace("bob", "bobb"),
        CLAIMS.replace("HANDED_FLAG_TO", "NOPE")
    );
    write(
        dir.path(),
        &Files {
            claims: &claims,
            ..GOOD
        },
    );
    let output = Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("claims.jsonl:1:") && stderr.contains("claims.jsonl:2:"),
        "{stderr}"
    );
    assert!(stderr.contains("problems found"), "{stderr}");

    let output = Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .arg("check")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "the embedded seed passes its own check"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("entities"));

    // A server pointed at a broken dataset refuses to start and lists the problems.
    let output = Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the dataset cannot be served") && stderr.contains("claims.jsonl:2:"),
        "{stderr}"
    );
}

/// A one-predicate vocabulary: `HANDED_TROPHY_TO` between people, a chain.
const TROPHY: &str = r#"{"predicate": "HANDED_TROPHY_TO", "description": "The subject handed the trophy to the object.", "subject": ["person"], "object": ["person"], "inverse": "RECEIVED_TROPHY_FROM", "chain": true, "qualifiers": ["role"]}"#;

#[test]
fn a_dataset_brings_its_own_vocabulary() {
    let claims = CLAIMS.replace("HANDED_FLAG_TO", "HANDED_TROPHY_TO");
    let dir = tempfile::tempdir().expect("a temp dir");
    write(
        dir.path(),
        &Files {
            vocabulary: TROPHY,
            claims: &claims,
            ..GOOD
        },
    );
    let graph = load_dir(dir.path()).expect("loads");
    assert_eq!(graph.vocabulary().len(), 1);
    let p = graph
        .vocabulary()
        .find("HANDED_TROPHY_TO")
        .expect("declared");
    assert_eq!(graph.claim_at(0).expect("a claim").predicate, p);
    assert_eq!(
        graph.vocabulary().get(p).inverse_field_name().as_deref(),
        Some("receivedTrophyFrom")
    );
    let sdl = olympia_kg::schema::sdl(&graph);
    let enum_start = sdl.find("enum Predicate {").expect("the Predicate enum");
    let predicate_enum =
        &sdl[enum_start..enum_start + sdl[enum_start..].find('}').expect("closed")];
    assert!(
        predicate_enum.contains("HANDED_TROPHY_TO") && !predicate_enum.contains("HANDED_FLAG_TO")
    );
    assert!(sdl.contains("handedTrophyTo(") && sdl.contains("receivedTrophyFromConnection("));

    // The seed's predicate is unknown here; a near miss gets a suggestion.
    check(
        Files {
            vocabulary: TROPHY,
            ..GOOD
        },
        "claims.jsonl",
        1,
        Some(35),
        &[
            "unknown predicate \"HANDED_FLAG_TO\"",
            "use one of: HANDED_TROPHY_TO, or declare it in vocabulary.jsonl",
        ],
    );
    let typo = CLAIMS.replace("HANDED_FLAG_TO", "HANDED_TROPY_TO");
    check(
        Files {
            vocabulary: TROPHY,
            claims: &typo,
            ..GOOD
        },
        "claims.jsonl",
        1,
        Some(35),
        &["did you mean \"HANDED_TROPHY_TO\"? Otherwise declare it in vocabulary.jsonl"],
    );
}

#[test]
fn vocabulary_mistakes_name_the_line_and_the_fix() {
    let line = |edit: &dyn Fn(&str) -> String| edit(TROPHY);
    let cases: Vec<(String, &[&str])> = vec![
        (
            line(&|t| t.replace("HANDED_TROPHY_TO", "handed trophy")),
            &[
                "invalid predicate name \"handed trophy\"",
                "UPPER_SNAKE_CASE",
            ],
        ),
        (
            line(&|t| t.replace(", \"inverse\": \"RECEIVED_TROPHY_FROM\"", "")),
            &["has no inverse", "\"symmetric\": true"],
        ),
        (
            line(&|t| t.replace("[\"person\"], \"inverse\"", "[\"runner\"], \"inverse\"")),
            &["unknown entity kind \"runner\"", "person, group"],
        ),
        (
            line(&|t| t.replace("RECEIVED_TROPHY_FROM", "MENTIONS")),
            &["`mentions`", "entity types already have"],
        ),
        (
            line(&|t| t.replace("[\"role\"]", "[\"colour\"]")),
            &["unknown qualifier \"colour\""],
        ),
        (format!("{TROPHY}\n{TROPHY}"), &["declared twice", "line 1"]),
        (
            format!(
                "{TROPHY}\n{}",
                TROPHY.replace("HANDED_TROPHY_TO", "GAVE_TROPHY_TO")
            ),
            &["would both make the field `receivedTrophyFrom` on person"],
        ),
    ];
    for (vocabulary, words) in cases {
        let n = vocabulary.lines().count();
        check(
            Files {
                vocabulary: &vocabulary,
                claims: "",
                ..GOOD
            },
            "vocabulary.jsonl",
            n,
            None,
            words,
        );
    }
    // A qualifier the predicate does not take, and `order` on a predicate that is no chain.
    let claims = CLAIMS
        .replace("HANDED_FLAG_TO", "HANDED_TROPHY_TO")
        .replace(
            "\"evidence\"",
            "\"qualifiers\": {\"date\": \"2024\"}, \"evidence\"",
        );
    check(
        Files {
            vocabulary: TROPHY,
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["does not take the qualifier \"date\"", "add \"date\""],
    );
    let claims = CLAIMS
        .replace("HANDED_FLAG_TO", "HANDED_TROPHY_TO")
        .replace(
            "\"evidence\"",
            "\"qualifiers\": {\"order\": 1}, \"evidence\"",
        );
    check(
        Files {
            vocabulary: &TROPHY.replace("\"chain\": true", "\"chain\": false"),
            claims: &claims,
            ..GOOD
        },
        "claims.jsonl",
        1,
        None,
        &["does not take the qualifier \"order\"", "\"chain\": true"],
    );
    // No vocabulary file at all.
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &GOOD);
    std::fs::remove_file(dir.path().join("vocabulary.jsonl")).expect("removable");
    let errors = load_dir(dir.path()).expect_err("no vocabulary");
    let text = errors.to_string();
    assert!(
        text.contains("vocabulary.jsonl") && text.contains("olympia-kg init"),
        "{text}"
    );
}

#[test]
fn headline_evidence_is_marked_and_headlines_from_must_occur_once() {
    let text_sources = SOURCES.replace(
        "\"outlet\": null",
        "\"outlet\": null, \"headlines_from\": \"Bob waved. Bob waved.\"",
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let claims = format!(
        "{CLAIMS}\n{}",
        r#"{"subject": "bob", "predicate": "APPEARED_WITH", "object": "alice", "evidence": [{"source": "s1", "quote": "Bob waved", "occurrence": 2}]}"#
    );
    write(
        dir.path(),
        &Files {
            sources: &text_sources,
            claims: &claims,
            ..GOOD
        },
    );
    let graph = load_dir(dir.path()).expect("loads");
    let sections: Vec<_> = graph
        .claims()
        .map(|c| (c.evidence[0].section, c.headlines_only()))
        .collect();
    use olympia_kg::graph::Section;
    assert_eq!(
        sections,
        [(Section::Body, false), (Section::Headlines, true)]
    );
    check(
        Files {
            sources: &SOURCES.replace(
                "\"outlet\": null",
                "\"outlet\": null, \"headlines_from\": \"Bob waved.\"",
            ),
            ..GOOD
        },
        "sources.jsonl",
        1,
        None,
        &["occurs 2 times", "enough of them to occur once"],
    );
}

/// The one error a broken dataset has (panics, listing them, if it has more).
fn only_error(files: Files) -> olympia_kg::dataset::DatasetError {
    let errors = errors(files);
    assert_eq!(errors.0.len(), 1, "expected one error, got:\n{errors}");
    errors.0[0].clone()
}

#[test]
fn a_refused_declaration_is_reported_once_not_at_every_reference() {
    // Three references to a malformed entity id: as object, as a qualifier, as subject.
    let claims = [
        CLAIMS.replace("\"bob\"", "\"Bob Smith\""),
        CLAIMS.replace("\"bob\"", "\"Bob Smith\"").replace(
            "\"evidence\"",
            "\"qualifiers\": {\"place\": \"Bob Smith\"}, \"evidence\"",
        ),
        CLAIMS
            .replace("\"alice\"", "\"Bob Smith\"")
            .replace("\"bob\"", "\"alice\""),
    ]
    .join("\n");
    let entities = ENTITIES.replace("\"id\": \"bob\"", "\"id\": \"Bob Smith\"");
    let error = only_error(Files {
        entities: &entities,
        claims: &claims,
        ..GOOD
    });
    assert!(error.file.ends_with("entities.jsonl") && error.line == Some(2));
    assert!(
        error.message.contains("invalid id \"Bob Smith\""),
        "{error}"
    );

    // An entity of an unknown kind: one error, not a kind mismatch at every claim.
    let entities = ENTITIES.replace(
        "\"id\": \"bob\", \"kind\": \"person\"",
        "\"id\": \"bob\", \"kind\": \"human\"",
    );
    let error = only_error(Files {
        entities: &entities,
        claims: &claims.replace("Bob Smith", "bob"),
        ..GOOD
    });
    assert!(error.message.contains("unknown entity kind"), "{error}");

    // An entity that reuses a source's id: one error at the duplicate, none where it is used.
    let entities =
        format!("{ENTITIES}\n{{\"id\": \"s1\", \"kind\": \"place\", \"name\": \"Lyon\"}}");
    let error = only_error(Files {
        entities: &entities,
        claims: &CLAIMS.replace("\"object\": \"bob\"", "\"object\": \"s1\""),
        ..GOOD
    });
    assert_eq!(error.line, Some(4), "{error}");
    assert!(error.message.starts_with("duplicate id \"s1\""), "{error}");

    // A source with a malformed id: its quotes are not reported as citing an unknown source.
    let error = only_error(Files {
        sources: &SOURCES.replace("\"id\": \"s1\"", "\"id\": \"S1\""),
        claims: &CLAIMS.replace("\"source\": \"s1\"", "\"source\": \"S1\""),
        ..GOOD
    });
    assert!(error.file.ends_with("sources.jsonl"), "{error}");

    // A reference to an id nobody declared is still an error.
    let error = only_error(Files {
        claims: &CLAIMS.replace("\"bob\"", "\"carol\""),
        ..GOOD
    });
    assert!(
        error.message.contains("unknown entity id \"carol\""),
        "{error}"
    );
}

#[test]
fn a_near_miss_quote_shows_both_with_the_difference_marked() {
    let claims = CLAIMS.replace(
        "Alice handed the flag to Bob",
        "Alice handed  the flag to Bob",
    );
    let errors = errors(Files {
        claims: &claims,
        ..GOOD
    });
    let text = errors.0[0].to_string();
    for words in [
        "quote not found verbatim",
        "closest passage is: \"Alice handed the flag to Bob\"",
        "quote:  Alice handed  the flag to Bob\n",
        "source: Alice handed  the flag to Bob\n",
        "U+0020 (space) in the quote, nothing in the source",
    ] {
        assert!(text.contains(words), "{text:?} should say {words:?}");
    }
    let lines: Vec<&str> = text.lines().collect();
    let quote_line = lines
        .iter()
        .position(|l| l.contains("quote:  "))
        .expect("a quote line");
    let caret = lines[quote_line + 2].find('^').expect("a caret");
    assert_eq!(
        lines[quote_line].chars().nth(caret),
        Some(' '),
        "the caret is under the extra space:\n{text}"
    );
    assert_eq!(lines[quote_line + 2].matches('^').count(), 1, "{text}");
}

#[test]
fn warnings_point_at_unreferenced_entities_and_values_not_in_their_quotes() {
    let quantities = r#"{"subject": "bob", "property": "waves", "value": 2, "unit": "waves", "evidence": [{"source": "s1", "quote": "Bob waved", "occurrence": 1}]}"#;
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &Files { quantities, ..GOOD });
    let loaded = load_with_warnings(&Location::Dir(dir.path().to_path_buf()), &mut |_| {})
        .expect("warnings do not stop a dataset from loading");
    let found: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| {
            let file = w.0.file.rsplit('/').next().unwrap_or_default();
            format!("{file}:{}: {}", w.0.line.unwrap_or(0), w.0.message)
        })
        .collect();
    assert_eq!(
        found,
        [
            "entities.jsonl:3: entity \"paris\" (\"Paris\") is not mentioned in any source, and no claim or quantity refers to it",
            "quantities.jsonl:1: value 2 is not written in its quote \"Bob waved\"",
        ]
    );

    // A qualifier relates an entity too, and a value written in figures passes.
    let claims = CLAIMS.replace(
        "\"evidence\"",
        "\"qualifiers\": {\"place\": \"paris\"}, \"evidence\"",
    );
    let quantities = quantities.replace("\"Bob waved\", \"occurrence\": 1", "\"waved 2 times\"");
    let dir = tempfile::tempdir().expect("a temp dir");
    write(
        dir.path(),
        &Files {
            claims: &claims,
            quantities: &quantities,
            ..GOOD
        },
    );
    std::fs::write(
        dir.path().join("s1.txt"),
        format!("{TEXT} Bob waved 2 times."),
    )
    .expect("writable");
    let loaded =
        load_with_warnings(&Location::Dir(dir.path().to_path_buf()), &mut |_| {}).expect("loads");
    assert_eq!(loaded.warnings, []);

    // `check` lists warnings and still succeeds.
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), &GOOD);
    let output = Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: ") && stderr.contains("entities.jsonl:3:1: entity \"paris\""),
        "{stderr}"
    );
    assert!(stderr.contains("1 warning "), "{stderr}");
}

/// A claims file past 1 MiB is parsed on a second thread, a batch ahead of the checks: its
/// errors still name their own lines, in line order, mixed with the checks' errors.
#[test]
fn a_large_file_parsed_on_two_threads_reports_each_line_in_order() {
    let mut claims = String::new();
    let mut bad = Vec::new();
    for i in 1..=30_000 {
        match i % 7_000 {
            0 => {
                claims.push_str("{\"subject\": \"alice\",\n");
                bad.push(i);
            }
            3_500 => {
                claims.push_str(r#"{"subject": "nobody", "predicate": "HANDED_FLAG_TO", "object": "bob", "evidence": [{"source": "s1", "quote": "Alice handed the flag to Bob"}]}"#);
                claims.push('\n');
                bad.push(i);
            }
            1 => {
                claims.push_str(CLAIMS);
                claims.push('\n');
            }
            _ => claims.push_str("# a comment line that pads the file past one mebibyte......\n"),
        }
    }
    assert!(claims.len() > 1 << 20);
    let found = errors(Files {
        claims: &claims,
        ..GOOD
    });
    let lines: Vec<usize> = found
        .0
        .iter()
        .filter(|e| e.file.ends_with("claims.jsonl"))
        .filter_map(|e| e.line)
        .collect();
    assert_eq!(lines, bad, "{found}");
    assert!(found.0[0].to_string().contains("nobody"), "{found}");
    assert!(found.0[1].to_string().contains("invalid record"), "{found}");
}
