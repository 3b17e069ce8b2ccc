//! The checks the fuzz targets run (`fuzz/`), kept in the library so that `cargo test` replays
//! every committed fuzz seed (`tests/fuzz_seeds.rs`) through exactly the same code.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::dataset::{self, Location};
use crate::schema::{KgSchema, QueryLimits, Request, RequestBudget, Variables};

/// Loads any bytes as a dataset: split by form feeds into `sources.jsonl`, `entities.jsonl`,
/// `claims.jsonl`, `quantities.jsonl`, one source text (`sources/a.txt`) and `vocabulary.jsonl`
/// (the seed's when the input has no sixth part). Panics only when an
/// invariant breaks: a loaded dataset whose evidence is not the text of its span, or a refusal
/// with no problem listed.
pub fn dataset_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{c}');
    let mut files = BTreeMap::new();
    for name in [
        "sources.jsonl",
        "entities.jsonl",
        "claims.jsonl",
        "quantities.jsonl",
        "sources/a.txt",
    ] {
        files.insert(name.to_owned(), parts.next().unwrap_or_default().to_owned());
    }
    let vocabulary = parts.next().unwrap_or(dataset::SEED_VOCABULARY);
    files.insert("vocabulary.jsonl".to_owned(), vocabulary.to_owned());
    match dataset::load(&Location::Memory(Arc::new(files))) {
        Ok(graph) => {
            for claim in graph.claims() {
                assert!(
                    !claim.evidence.is_empty(),
                    "a claim without evidence loaded"
                );
                for evidence in claim.evidence {
                    let source = graph.source(evidence.source);
                    let chars: String = source
                        .text
                        .chars()
                        .skip(evidence.span.char_start as usize)
                        .take((evidence.span.char_end - evidence.span.char_start) as usize)
                        .collect();
                    assert_eq!(
                        chars,
                        graph.quote(evidence),
                        "character and byte spans disagree"
                    );
                    let _ = source.slice(source.sentence_around(evidence.span));
                }
            }
            for mention in graph.mentions() {
                let _ = graph.source(mention.source).slice(mention.span);
            }
            let _ = graph.search(&text, &[], 5);
        }
        Err(errors) => assert!(!errors.0.is_empty(), "a refusal lists its problems"),
    }
}

/// Runs any bytes as a query (optionally followed by a NUL and a JSON object of variables)
/// against `schema` (built with the default limits). Panics when an invariant breaks: more fields
/// resolved than the cost estimate the limiter admitted, an admitted estimate over the cost
/// limit, a response that does not serialise, or one over the response-size limit that the
/// budget did not refuse.
pub fn query_input(schema: &KgSchema, runtime: &tokio::runtime::Runtime, data: &[u8]) {
    const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;
    let text = String::from_utf8_lossy(data);
    let (query, variables) = match text.split_once('\0') {
        Some((query, variables)) => (
            query,
            serde_json::from_str(variables).unwrap_or(serde_json::Value::Null),
        ),
        None => (&*text, serde_json::Value::Null),
    };
    let budget = RequestBudget::new(std::time::Duration::from_secs(60), MAX_RESPONSE_BYTES);
    let request = Request::new(query)
        .variables(Variables::from_json(variables))
        .data(budget.clone());
    let response = runtime.block_on(schema.execute(request));
    assert!(
        budget.fields_resolved() <= budget.estimated_cost(),
        "{} fields resolved, over the estimate of {}",
        budget.fields_resolved(),
        budget.estimated_cost()
    );
    assert!(
        budget.estimated_cost() <= QueryLimits::default().max_cost,
        "an estimate of {} was admitted",
        budget.estimated_cost()
    );
    let body = serde_json::to_string(&response).expect("a response serializes");
    // The running tally stops work once it passes the limit; escapes it does not count may
    // take the body a little past it, never far.
    assert!(
        body.len() <= MAX_RESPONSE_BYTES * 2 || budget.exhausted().is_some(),
        "a {} byte response was built without the budget noticing",
        body.len()
    );
}
