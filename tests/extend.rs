//! `dataset::extend` checks new lines against a loaded graph exactly as `dataset::load` checks
//! them in the concatenated files: the same items (ids, keys, spans) and the same errors (file,
//! line, column, code, message and hint).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use olympia_kg::dataset::{self, Additions, DatasetError, ErrorCode, Location};
use olympia_kg::graph::{
    Claim, ClaimId, GraphDelta, Item, KnowledgeGraph, Layered, Quantity, QuantityId,
};
use serde_json::Value;

/// A dataset's records (no comment or blank lines: line `k + 1` of a file is its item `k`) and
/// the texts of its sources.
#[derive(Clone, Default)]
struct Data {
    sources: Vec<String>,
    entities: Vec<String>,
    claims: Vec<String>,
    quantities: Vec<String>,
    texts: BTreeMap<String, String>,
}

/// The items of `list` from `from` on.
fn tail<T: Clone>(list: &Layered<T>, from: usize) -> Vec<T> {
    list.iter().skip(from).cloned().collect()
}

fn records(file: &str) -> Vec<String> {
    let path = format!("{}/seed/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn json(line: &str) -> Value {
    serde_json::from_str(line).expect("a seed line is JSON")
}

/// The seed dataset, records only.
fn seed() -> Data {
    let sources = records("sources.jsonl");
    let texts = sources
        .iter()
        .map(|l| {
            let file = json(l)["file"].as_str().expect("a file").to_owned();
            let path = format!("{}/seed/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (file, text)
        })
        .collect();
    Data {
        sources,
        entities: records("entities.jsonl"),
        claims: records("claims.jsonl"),
        quantities: records("quantities.jsonl"),
        texts,
    }
}

impl Data {
    /// The texts of this dataset's sources only.
    fn own_texts(&self, all: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        self.sources
            .iter()
            .filter_map(|l| {
                let file = json(l)["file"].as_str()?.to_owned();
                let text = all.get(&file)?.clone();
                Some((file, text))
            })
            .collect()
    }

    fn then(&self, more: &Data) -> Data {
        let join = |a: &[String], b: &[String]| [a, b].concat();
        let mut texts = self.texts.clone();
        texts.extend(more.texts.clone());
        Data {
            sources: join(&self.sources, &more.sources),
            entities: join(&self.entities, &more.entities),
            claims: join(&self.claims, &more.claims),
            quantities: join(&self.quantities, &more.quantities),
            texts,
        }
    }

    fn location(&self) -> Location {
        let mut files = self.texts.clone();
        files.insert(
            "vocabulary.jsonl".into(),
            dataset::SEED_VOCABULARY.to_owned(),
        );
        for (name, lines) in [
            ("sources.jsonl", &self.sources),
            ("entities.jsonl", &self.entities),
            ("claims.jsonl", &self.claims),
            ("quantities.jsonl", &self.quantities),
        ] {
            files.insert(name.into(), lines.join("\n"));
        }
        Location::Memory(Arc::new(files))
    }

    fn load(&self) -> Result<KnowledgeGraph, dataset::DatasetErrors> {
        dataset::load(&self.location())
    }

    /// `extend` of `graph` with this data's lines, rewrites of claims and texts.
    fn extend(
        &self,
        graph: &KnowledgeGraph,
        replaced: &[(ClaimId, String)],
    ) -> Result<GraphDelta, dataset::DatasetErrors> {
        self.extend_rewriting(graph, replaced, &[])
    }

    /// The same, with rewrites of quantity claims too.
    fn extend_rewriting(
        &self,
        graph: &KnowledgeGraph,
        replaced: &[(ClaimId, String)],
        replaced_quantities: &[(QuantityId, String)],
    ) -> Result<GraphDelta, dataset::DatasetErrors> {
        dataset::extend(
            graph,
            &Additions {
                sources: &self.sources,
                entities: &self.entities,
                claims: &self.claims,
                quantities: &self.quantities,
                replaced,
                replaced_quantities,
                texts: &self.texts,
            },
        )
    }
}

/// Evidence in the order the graph keeps it.
fn sorted(mut claim: Claim) -> Claim {
    claim.evidence.sort_by_key(|e| (e.source, e.span.start));
    claim
}

/// Loads `base`, extends it with `more`, and checks the delta against the load of both.
fn assert_equivalent(base: &Data, more: &Data) -> GraphDelta {
    let graph = base
        .load()
        .unwrap_or_else(|e| panic!("the base loads:\n{e}"));
    let whole = base
        .then(more)
        .load()
        .unwrap_or_else(|e| panic!("the whole loads:\n{e}"));
    let delta = more
        .extend(&graph, &[])
        .unwrap_or_else(|e| panic!("the additions extend the base:\n{e}"));
    assert_eq!(delta.sources, tail(whole.sources(), graph.sources().len()));
    assert_eq!(
        delta.entities,
        tail(whole.entities(), graph.entities().len())
    );
    let claims: Vec<Claim> = delta.claims.iter().cloned().map(sorted).collect();
    let whole_claims: Vec<Claim> = whole
        .claims()
        .skip(graph.claim_count())
        .map(|c| c.to_claim())
        .collect();
    assert_eq!(claims, whole_claims);
    assert_eq!(
        delta.quantities,
        tail(whole.quantities(), graph.quantities().len())
    );
    assert!(delta.replaced.is_empty());
    assert_eq!(
        (
            delta.sources.len(),
            delta.entities.len(),
            delta.claims.len(),
            delta.quantities.len()
        ),
        (
            more.sources.len(),
            more.entities.len(),
            more.claims.len(),
            more.quantities.len()
        ),
        "every new line yields one item"
    );
    delta
}

/// Splits each file at a fraction of its lines.
fn split_at(
    data: &Data,
    sources: usize,
    entities: usize,
    claims: usize,
    quantities: usize,
) -> (Data, Data) {
    let base = Data {
        sources: data.sources[..sources].to_vec(),
        entities: data.entities[..entities].to_vec(),
        claims: data.claims[..claims].to_vec(),
        quantities: data.quantities[..quantities].to_vec(),
        texts: BTreeMap::new(),
    };
    let more = Data {
        sources: data.sources[sources..].to_vec(),
        entities: data.entities[entities..].to_vec(),
        claims: data.claims[claims..].to_vec(),
        quantities: data.quantities[quantities..].to_vec(),
        texts: BTreeMap::new(),
    };
    let base = Data {
        texts: base.own_texts(&data.texts),
        ..base
    };
    let more = Data {
        texts: more.own_texts(&data.texts),
        ..more
    };
    (base, more)
}

#[test]
fn extending_gives_what_the_whole_load_gives_for_claims_and_quantities() {
    let seed = seed();
    let (c, q) = (seed.claims.len(), seed.quantities.len());
    for (claims, quantities) in [
        (c / 2, q / 2),
        (c / 3, 2 * q / 3),
        (0, 0),
        (c - 1, q - 1),
        (c, q),
    ] {
        let (base, more) = split_at(
            &seed,
            seed.sources.len(),
            seed.entities.len(),
            claims,
            quantities,
        );
        assert_equivalent(&base, &more);
    }
}

#[test]
fn derived_keys_continue_the_graph_numbering() {
    let seed = seed();
    let won = |l: &String| {
        let r = json(l);
        r["subject"] == "united-states"
            && r["predicate"] == "WON"
            && r["object"] == "paris-2024-olympics"
    };
    // Split between the seed's three claims deriving one key, and repeat it twice more.
    let second = seed
        .claims
        .iter()
        .enumerate()
        .filter(|(_, l)| won(l))
        .map(|(i, _)| i)
        .nth(1)
        .expect("the seed has three such claims");
    let (base, mut more) = split_at(
        &seed,
        seed.sources.len(),
        seed.entities.len(),
        second,
        seed.quantities.len() / 2,
    );
    let repeat = seed.claims.iter().find(|l| won(l)).expect("one").clone();
    more.claims.push(repeat.clone());
    more.claims.push(repeat);
    let delta = assert_equivalent(&base, &more);
    let keys: Vec<&str> = delta
        .claims
        .iter()
        .map(|c| c.key.as_str())
        .filter(|k| k.starts_with("united-states.WON.paris-2024-olympics"))
        .collect();
    assert_eq!(
        keys,
        [
            "united-states.WON.paris-2024-olympics.2",
            "united-states.WON.paris-2024-olympics.3",
            "united-states.WON.paris-2024-olympics.4",
            "united-states.WON.paris-2024-olympics.5"
        ]
    );
}

#[test]
fn extending_with_a_source_its_claims_and_new_entities() {
    let seed = seed();
    let last = json(seed.sources.last().expect("a source"))["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let moved: BTreeSet<String> = seed.entities[seed.entities.len() - 6..]
        .iter()
        .map(|l| json(l)["id"].as_str().expect("an id").to_owned())
        .collect();
    // A line goes with the additions if it cites the last source or names a moved entity.
    let added = |line: &String| {
        let r = json(line);
        let names = |v: &Value| v.as_str().is_some_and(|id| moved.contains(id));
        names(&r["subject"])
            || names(&r["object"])
            || names(&r["qualifiers"]["place"])
            || names(&r["qualifiers"]["event"])
            || r["evidence"]
                .as_array()
                .is_some_and(|e| e.iter().any(|e| e["source"] == last.as_str()))
    };
    let (base_claims, more_claims): (Vec<String>, Vec<String>) =
        seed.claims.iter().cloned().partition(|l| !added(l));
    let (base_quantities, more_quantities): (Vec<String>, Vec<String>) =
        seed.quantities.iter().cloned().partition(|l| !added(l));
    assert!(!more_claims.is_empty() && !more_quantities.is_empty());
    let n = seed.entities.len() - moved.len();
    let (base, more) = split_at(
        &Data {
            claims: [base_claims.clone(), more_claims].concat(),
            quantities: [base_quantities.clone(), more_quantities].concat(),
            ..seed.clone()
        },
        seed.sources.len() - 1,
        n,
        base_claims.len(),
        base_quantities.len(),
    );
    assert_eq!(
        more.texts.len(),
        1,
        "the new source's text is in the additions only"
    );
    assert!(base.texts.len() == seed.texts.len() - 1);
    let delta = assert_equivalent(&base, &more);
    assert_eq!(delta.sources.len(), 1);
    assert_eq!(delta.entities.len(), moved.len());
}

fn new_claims(claims: &[&str]) -> Data {
    Data {
        claims: claims.iter().map(|s| s.to_string()).collect(),
        ..Data::default()
    }
}

/// The errors of `extend` and those of loading the concatenation are the same, in order.
fn assert_same_errors(base: &Data, more: &Data) -> Vec<DatasetError> {
    let graph = base
        .load()
        .unwrap_or_else(|e| panic!("the base loads:\n{e}"));
    let from_extend = more
        .extend(&graph, &[])
        .expect_err("the additions are refused")
        .0;
    let from_load = base.then(more).load().expect_err("the whole is refused").0;
    assert_eq!(from_extend, from_load);
    from_extend
}

const GOOD_QUOTE: &str = r#"{"source": "report-1406bd90", "quote": "Tom Cruise descended from the top of the French stadium"}"#;

fn claim(subject: &str, predicate: &str, object: &str, rest: &str) -> String {
    format!(
        r#"{{"subject": "{subject}", "predicate": "{predicate}", "object": "{object}"{rest}, "evidence": [{GOOD_QUOTE}]}}"#
    )
}

#[test]
fn errors_are_those_of_the_whole_load() {
    let seed = seed();
    let line = |k: usize| seed.claims.len() + k + 1;
    let cases: Vec<(Data, &str, usize, ErrorCode, &str)> = vec![
        (
            new_claims(&[r#"{"subject": "tom-cruise", "predicate": "PERFORMED_AT", "object": "closing-ceremony", "evidence": [{"source": "report-1406bd90", "quote": "Tom Cruise sang the anthem"}]}"#]),
            "claims.jsonl",
            line(0),
            ErrorCode::QuoteNotFound,
            "quote not found verbatim",
        ),
        (
            new_claims(&[&claim("tom-cruse", "PERFORMED_AT", "closing-ceremony", "")]),
            "claims.jsonl",
            line(0),
            ErrorCode::UnknownEntity,
            "unknown entity id \"tom-cruse\"",
        ),
        (
            new_claims(&[&claim("report-1406bd90", "PERFORMED_AT", "closing-ceremony", "")]),
            "claims.jsonl",
            line(0),
            ErrorCode::UnknownEntity,
            "is a source or claim id, not an entity id",
        ),
        (
            new_claims(&[&claim(
                "united-states.WON.paris-2024-olympics",
                "PERFORMED_AT",
                "closing-ceremony",
                "",
            )]),
            "claims.jsonl",
            line(0),
            ErrorCode::UnknownEntity,
            "unknown entity id",
        ),
        (
            new_claims(&[&claim("paris", "CARRIED_FLAG_OF", "france", "")]),
            "claims.jsonl",
            line(0),
            ErrorCode::PredicateNotAllowed,
            "CARRIED_FLAG_OF does not allow a subject of kind place",
        ),
        (
            new_claims(&[&claim(
                "tom-cruise",
                "PERFORMED_AT",
                "closing-ceremony",
                r#", "qualifiers": {"place": "simone-biles"}"#,
            )]),
            "claims.jsonl",
            line(0),
            ErrorCode::InvalidValue,
            "qualifier place must name a place, country, but \"simone-biles\" is a person",
        ),
        (
            new_claims(&[r#"{"subject": "tom-cruise", "predicate": "PERFORMED_AT", "object": "closing-ceremony", "evidence": [{"source": "report-1406bd9", "quote": "Tom Cruise"}]}"#]),
            "claims.jsonl",
            line(0),
            ErrorCode::UnknownSource,
            "unknown source id",
        ),
        (
            new_claims(&[r#"{"id": "tom-cruise", "subject": "tom-cruise", "predicate": "PERFORMED_AT", "object": "closing-ceremony", "evidence": [{"source": "report-1406bd90", "quote": "Tom Cruise descended"}]}"#]),
            "claims.jsonl",
            line(0),
            ErrorCode::DuplicateId,
            "duplicate id \"tom-cruise\", first declared at entities.jsonl:",
        ),
        (
            Data {
                entities: vec![
                    r#"{"id": "tom-cruise", "kind": "person", "name": "Thomas Mapother"}"#.into(),
                ],
                ..Data::default()
            },
            "entities.jsonl",
            seed.entities.len() + 1,
            ErrorCode::DuplicateId,
            "duplicate id \"tom-cruise\", first declared at entities.jsonl:",
        ),
        (
            Data {
                entities: vec![
                    r#"{"id": "tom-cruise-double", "kind": "person", "name": "TOM CRUISE"}"#.into(),
                ],
                ..Data::default()
            },
            "entities.jsonl",
            seed.entities.len() + 1,
            ErrorCode::InvalidValue,
            "name \"TOM CRUISE\" is also a name of entity \"tom-cruise\"",
        ),
        (
            Data {
                sources: vec![r#"{"id": "report-new", "file": "sources/new.txt", "title": "New", "language": "en", "outlet": null}"#.into()],
                ..Data::default()
            },
            "sources.jsonl",
            seed.sources.len() + 1,
            ErrorCode::InvalidValue,
            "cannot read source text \"sources/new.txt\": no such file",
        ),
        (
            Data {
                quantities: vec![r#"{"subject": "closing-ceremony", "property": "spectators", "value": 70000, "unit": "people", "evidence": [{"source": "report-1406bd90", "quote": "70,000"}, {"source": "report-2e7414b0", "quote": "Paris"}]}"#.into()],
                ..Data::default()
            },
            "quantities.jsonl",
            seed.quantities.len() + 1,
            ErrorCode::QuoteAmbiguous,
            "",
        ),
    ];
    let mut all = Data::default();
    for (more, file, line, code, words) in &cases {
        let errors = assert_same_errors(&seed, more);
        let error = errors
            .iter()
            .find(|e| e.file == *file && e.line == Some(*line) && e.code == *code)
            .unwrap_or_else(|| panic!("no {code:?} at {file}:{line} in {errors:?}"));
        assert!(
            error.message.contains(words),
            "{error} should say {words:?}"
        );
        all = all.then(more);
    }
    // All at once: every problem is reported, the same as the whole load reports them.
    let errors = assert_same_errors(&seed, &all);
    assert!(errors.len() >= cases.len(), "{errors:?}");
}

#[test]
fn names_shared_with_the_graph_and_with_new_entities() {
    let seed = seed();
    // A graph entity sharing a name: a new owner that shares it too is fine, one that does
    // not collides, as in the whole load.
    let mut base = seed.clone();
    base.entities.push(
        r#"{"id": "twin-z", "kind": "person", "name": "Twin Z", "shared_aliases": ["The Twin"]}"#
            .into(),
    );
    let more = Data {
        entities: vec![
            r#"{"id": "twin-y", "kind": "person", "name": "Twin Y", "shared_aliases": ["the twin"]}"#.into(),
        ],
        ..Data::default()
    };
    assert_equivalent(&base, &more);
    let more = Data {
        entities: vec![
            r#"{"id": "twin-y", "kind": "person", "name": "Twin Y", "aliases": ["THE TWIN"]}"#
                .into(),
        ],
        ..Data::default()
    };
    let errors = assert_same_errors(&base, &more);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("\"twin-z\""), "{errors:?}");
    // Two graph entities sharing it (no error in the graph), and a new one that does not.
    base.entities.push(
        r#"{"id": "twin-x", "kind": "person", "name": "Twin X", "shared_aliases": ["the Twin"]}"#
            .into(),
    );
    // The whole load also blames the graph's second owner (a line the additions do not hold);
    // extend reports the additions' lines, and those the same.
    let graph = base.load().expect("the base loads");
    let from_extend = more.extend(&graph, &[]).expect_err("refused").0;
    let from_load = base.then(&more).load().expect_err("refused").0;
    let new_lines: Vec<DatasetError> = from_load
        .into_iter()
        .filter(|e| e.line > Some(base.entities.len()))
        .collect();
    assert_eq!(from_extend, new_lines);
    assert_eq!(from_extend.len(), 1, "{from_extend:?}");
    // Between new entities.
    let more = Data {
        entities: vec![
            r#"{"id": "twin-a", "kind": "person", "name": "Twin A", "shared_aliases": ["the Twin"]}"#.into(),
            r#"{"id": "twin-b", "kind": "person", "name": "Twin B", "shared_aliases": ["the twin"]}"#.into(),
        ],
        ..Data::default()
    };
    assert_equivalent(&seed, &more);
    let more = Data {
        entities: vec![
            r#"{"id": "twin-a", "kind": "person", "name": "Twin A", "aliases": ["the Twin"]}"#.into(),
            r#"{"id": "twin-b", "kind": "person", "name": "Twin B", "aliases": ["the twin", "Cruise"]}"#.into(),
        ],
        ..Data::default()
    };
    let errors = assert_same_errors(&seed, &more);
    assert_eq!(errors.len(), 2, "{errors:?}");
}

fn claim_id(graph: &KnowledgeGraph, key: &str) -> ClaimId {
    match graph.lookup(key) {
        Some(Item::Claim(id)) => id,
        other => panic!("{key} is {other:?}"),
    }
}

/// Rewrites line `index` of the seed's claims with `edit`, and checks `extend` against the load
/// of the rewritten dataset.
fn rewrite(index: usize, edit: impl Fn(&mut Value)) -> Result<(ClaimId, Claim), Vec<DatasetError>> {
    let seed = seed();
    let graph = seed.load().expect("the seed loads");
    let id = claim_id(&graph, &graph.claim_at(index).expect("a claim").key());
    let mut record = json(&seed.claims[index]);
    edit(&mut record);
    let line = record.to_string();
    let mut rewritten = seed.clone();
    rewritten.claims[index] = line.clone();
    let extended = Data::default().extend(&graph, &[(id, line)]);
    same_outcome(extended, rewritten.load(), |delta, whole| {
        assert!(delta.claims.is_empty() && delta.entities.is_empty());
        assert_eq!(delta.replaced.len(), 1);
        let (replaced_id, claim) = delta.replaced.into_iter().next().expect("one");
        assert_eq!(replaced_id, id);
        assert_eq!(
            sorted(claim.clone()),
            whole.claim_at(index).expect("a claim").to_claim()
        );
        assert_eq!(
            claim.key,
            graph.claim_at(index).expect("a claim").key(),
            "the key is kept"
        );
        (replaced_id, claim)
    })
}

/// What `extend` gave (`extended`) against what a whole load of the same lines gave: `ok` of
/// both when both accept, the errors when extend refuses (the same errors when the load does
/// too), and a panic when extend accepts what the load refuses.
fn same_outcome<T>(
    extended: Result<GraphDelta, dataset::DatasetErrors>,
    whole: Result<KnowledgeGraph, dataset::DatasetErrors>,
    ok: impl FnOnce(GraphDelta, KnowledgeGraph) -> T,
) -> Result<T, Vec<DatasetError>> {
    match (extended, whole) {
        (Ok(delta), Ok(whole)) => Ok(ok(delta, whole)),
        (Err(extended), Err(whole)) => {
            assert_eq!(extended.0, whole.0);
            Err(extended.0)
        }
        (Err(extended), Ok(_)) => Err(extended.0),
        (Ok(_), Err(whole)) => panic!("extend accepts what the load refuses:\n{whole}"),
    }
}

#[test]
fn a_rewritten_claim_keeps_its_key() {
    let (_, claim) = rewrite(0, |r| {
        r["retracted"] = serde_json::json!({"at": "2026-12-03T05:19:25Z", "reason": "misread"});
    })
    .expect("a retraction is accepted");
    assert_eq!(claim.retracted.expect("retracted").reason, "misread");

    let (_, claim) = rewrite(0, |r| {
        r["evidence"]
            .as_array_mut()
            .expect("evidence")
            .push(serde_json::from_str(GOOD_QUOTE).expect("json"));
    })
    .expect("more evidence is accepted");
    assert_eq!(claim.evidence.len(), 2);

    // A derived key with a number (the seed's third `united-states.WON.paris-2024-olympics`).
    let seed = seed();
    let graph = seed.load().expect("loads");
    let third = claim_id(&graph, "united-states.WON.paris-2024-olympics.3");
    let (_, claim) = rewrite(third.index(), |r| {
        r["retracted"] = serde_json::json!({"at": "2026-12-03T05:19:25Z", "reason": "wrong"});
    })
    .expect("accepted");
    assert_eq!(claim.key, "united-states.WON.paris-2024-olympics.3");
}

#[test]
fn a_rewritten_claim_is_checked_as_a_claim_line() {
    // A bad quote and a bad retraction: the errors the load gives, at the claim's own line.
    let errors = rewrite(3, |r| {
        r["evidence"][0]["quote"] = "no such words in the report".into();
        r["retracted"] = serde_json::json!({"at": "yesterday", "reason": " "});
    })
    .expect_err("refused");
    assert!(errors.iter().all(|e| e.line == Some(4)), "{errors:?}");
    assert!(errors.iter().any(|e| e.code == ErrorCode::QuoteNotFound));
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn a_rewrite_may_not_change_what_the_claim_relates() {
    let seed = seed();
    let graph = seed.load().expect("loads");
    let old = &graph.claim_at(0).expect("a claim");
    let other = graph
        .entities()
        .iter()
        .find(|e| e.kind == graph.entity(old.object).kind && e.key != graph.entity(old.object).key)
        .expect("another entity of the object's kind")
        .key
        .clone();
    let errors = rewrite(0, |r| r["object"] = other.clone().into()).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, ErrorCode::InvalidRecord);
    assert_eq!(errors[0].line, Some(1));
    assert_eq!(errors[0].file, "claims.jsonl");
    assert!(
        errors[0]
            .message
            .contains("may not change a claim's subject, predicate or object")
    );

    let errors = rewrite(0, |r| r["id"] = "a-new-id".into()).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, ErrorCode::InvalidRecord);

    // Its derived key written as an id: not an id, as the whole load says too.
    let key = old.key().into_owned();
    let errors = rewrite(0, |r| r["id"] = key.clone().into()).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, ErrorCode::InvalidId);

    // A claim the graph does not have.
    let (base, _) = split_at(&seed, seed.sources.len(), seed.entities.len(), 10, 10);
    let small = base.load().expect("loads");
    let beyond = claim_id(&graph, &graph.claim_at(20).expect("a claim").key());
    let errors = Data::default()
        .extend(&small, &[(beyond, seed.claims[20].clone())])
        .expect_err("refused")
        .0;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].line, errors[0].code),
        (Some(21), ErrorCode::InvalidRecord)
    );
}

#[test]
fn nothing_to_add_adds_nothing() {
    let seed = seed();
    let graph = seed.load().expect("loads");
    let delta = Data::default()
        .extend(&graph, &[])
        .expect("nothing is fine");
    assert!(delta.is_empty());
}

/// Rewrites line `index` of the seed's quantities with `edit`, and checks `extend` against the
/// load of the rewritten dataset.
fn rewrite_quantity(
    index: usize,
    edit: impl Fn(&mut Value),
) -> Result<Quantity, Vec<DatasetError>> {
    let seed = seed();
    let graph = seed.load().expect("the seed loads");
    let key = graph.quantities()[index].key.clone();
    let Some(Item::Quantity(id)) = graph.lookup(&key) else {
        panic!("{key} is a quantity claim");
    };
    let mut record = json(&seed.quantities[index]);
    edit(&mut record);
    let line = record.to_string();
    let mut rewritten = seed.clone();
    rewritten.quantities[index] = line.clone();
    let extended = Data::default().extend_rewriting(&graph, &[], &[(id, line)]);
    same_outcome(extended, rewritten.load(), |delta, whole| {
        assert!(delta.quantities.is_empty() && delta.replaced.is_empty());
        assert_eq!(delta.replaced_quantities.len(), 1);
        let (replaced_id, quantity) = delta.replaced_quantities.into_iter().next().expect("one");
        assert_eq!(replaced_id, id);
        assert_eq!(quantity.key, key, "the key is kept");
        assert_eq!(quantity.retracted, whole.quantities()[index].retracted);
        assert_eq!(
            quantity.evidence.len(),
            whole.quantities()[index].evidence.len()
        );
        quantity
    })
}

#[test]
fn a_rewritten_quantity_keeps_its_key_and_what_it_states() {
    let quantity = rewrite_quantity(0, |r| {
        r["retracted"] =
            serde_json::json!({"at": "2026-12-03T05:19:25Z", "reason": "double count"});
    })
    .expect("a retraction is accepted");
    assert_eq!(
        quantity.retracted.expect("retracted").reason,
        "double count"
    );

    let errors = rewrite_quantity(0, |r| {
        r["retracted"] = serde_json::json!({"at": "last week", "reason": "x"});
    })
    .expect_err("a bad timestamp is refused");
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("quantities.jsonl", Some(1)),
        "{errors:?}"
    );

    for (field, value) in [
        ("value", serde_json::json!(1)),
        ("property", "seat_capacity".into()),
        ("unit", "fans".into()),
    ] {
        let errors = rewrite_quantity(0, |r| r[field] = value.clone()).expect_err("refused");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, ErrorCode::InvalidRecord);
        assert!(errors[0].message.contains(field), "{errors:?}");
    }
}
