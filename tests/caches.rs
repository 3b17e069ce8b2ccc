//! The document and response caches, black box: a cached answer is never served across a graph
//! version, never for other variables, operation or document, never for a mutation, a batch or
//! an answer with errors, and never past a limit the same request would hit uncached. GETs
//! revalidate with `ETag` / `If-None-Match`.

mod common;

use std::sync::Arc;

use common::{TestServer, block_on, start_live, start_with};
use olympia_kg::dataset::Location;
use olympia_kg::store::{Live, SqliteStore};
use olympia_kg::{schema, server};
use serde_json::{Value, json};

/// Status, the headers asked for (absent ones as ""), and the body.
struct Answer {
    status: u16,
    headers: Vec<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("JSON, got {:?}", self.body))
    }
    fn cache(&self) -> &str {
        &self.headers[0]
    }
    fn etag(&self) -> &str {
        &self.headers[1]
    }
}

const SHOWN: [&str; 2] = ["x-cache", "etag"];

fn send(
    server: &TestServer,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Answer {
    block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .expect("a client");
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
        let mut request = client.request(method, format!("{}{path}", server.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = SHOWN
            .iter()
            .map(|name| {
                response
                    .headers()
                    .get(*name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_owned()
            })
            .collect();
        Answer {
            status,
            headers,
            body: response.text().await.unwrap_or_default(),
        }
    })
}

fn post(server: &TestServer, query: &str, variables: Value) -> Answer {
    send(
        server,
        "POST",
        "/graphql",
        &[],
        Some(json!({"query": query, "variables": variables})),
    )
}

fn get(server: &TestServer, query: &str, variables: Value, headers: &[(&str, &str)]) -> Answer {
    let query = serde_urlencoded::to_string([
        ("query", query.to_owned()),
        ("variables", variables.to_string()),
    ])
    .expect("encodes");
    send(server, "GET", &format!("/graphql?{query}"), headers, None)
}

fn fresh_server() -> TestServer {
    start_with(server::Config::default(), schema::SchemaConfig::default())
}

const ENTITY: &str = "query($id: ID!) { entity(id: $id) { id name } }";

#[test]
fn a_repeated_query_is_answered_from_the_cache_with_the_same_bytes() {
    let server = fresh_server();
    let first = post(&server, ENTITY, json!({"id": "tom-cruise"}));
    assert_eq!(
        (first.status, first.cache()),
        (200, "MISS"),
        "{}",
        first.body
    );
    let second = post(&server, ENTITY, json!({"id": "tom-cruise"}));
    assert_eq!(second.cache(), "HIT");
    assert_eq!(second.body, first.body);
    assert_eq!(second.etag(), first.etag());
    assert!(!first.etag().is_empty());

    // Other variables, another operation name, another document: each its own answer.
    let other = post(&server, ENTITY, json!({"id": "simone-biles"}));
    assert_eq!(other.cache(), "MISS");
    assert_eq!(other.json()["data"]["entity"]["name"], "Simone Biles");
    assert_ne!(other.etag(), first.etag());
    let named = send(
        &server,
        "POST",
        "/graphql",
        &[],
        Some(
            json!({"query": "query A($id: ID!) { entity(id: $id) { id name } }", "operationName": "A", "variables": {"id": "tom-cruise"}}),
        ),
    );
    assert_eq!(named.cache(), "MISS");
    let spaced = post(&server, &format!("{ENTITY} "), json!({"id": "tom-cruise"}));
    assert_eq!(spaced.cache(), "MISS");
    assert_eq!(spaced.body, first.body);
}

#[test]
fn answers_with_errors_batches_and_mutations_are_not_cached() {
    let server = fresh_server();
    let out_of_range = "{ entities(first: 1000) { nodes { id } } }";
    for _ in 0..2 {
        let answer = post(&server, out_of_range, json!({}));
        assert!(answer.json()["errors"].is_array(), "{}", answer.body);
        assert_eq!((answer.cache(), answer.etag()), ("", ""));
    }
    let batch =
        json!([{"query": "{ stats { entityCount } }"}, {"query": "{ stats { sourceCount } }"}]);
    for _ in 0..2 {
        let answer = send(&server, "POST", "/graphql", &[], Some(batch.clone()));
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.cache(), "", "a batch is never cached");
    }
    // A mutation runs every time (here refused: this server has no store).
    let mutation = "mutation { retractClaim(id: \"x\", reason: \"y\") { graphVersion } }";
    for _ in 0..2 {
        let answer = post(&server, mutation, json!({}));
        assert_eq!(answer.cache(), "", "{}", answer.body);
    }
}

#[test]
fn a_cached_document_is_checked_again_with_each_request_s_variables() {
    let server = fresh_server();
    let page = "query($n: Int!) { entities(first: $n) { nodes { id relations(first: $n) { nodes { id } } } } }";
    let small = post(&server, page, json!({"n": 2}));
    assert!(small.json()["errors"].is_null(), "{}", small.body);
    let again = post(&server, page, json!({"n": 2}));
    assert_eq!(again.cache(), "HIT");
    // The same document (cached, parsed, walked once) with pages that cost past --max-cost.
    let large = post(&server, page, json!({"n": 100}));
    let error = &large.json()["errors"][0];
    assert_eq!(
        error["extensions"]["code"], "QUERY_TOO_COMPLEX",
        "{}",
        large.body
    );
    assert_eq!(large.cache(), "");
    // A missing or malformed variable is still a request error.
    let missing = post(&server, page, json!({}));
    assert_eq!(
        missing.json()["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
    let malformed = post(&server, page, json!({"n": 1.5}));
    assert_eq!(
        malformed.json()["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
    // And the small one is still answered.
    assert_eq!(post(&server, page, json!({"n": 2})).body, small.body);
}

#[test]
fn a_document_refused_once_is_refused_every_time() {
    let server = fresh_server();
    let deep = "{ entity(id: \"paris\") { relations { nodes { subject { relations { nodes { subject { relations { nodes { subject { relations { nodes { id } } } } } } } } } } } } }";
    for _ in 0..3 {
        let answer = post(&server, deep, json!({}));
        let code = &answer.json()["errors"][0]["extensions"]["code"];
        assert!(
            code == "QUERY_TOO_DEEP" || code == "QUERY_TOO_COMPLEX",
            "{}",
            answer.body
        );
    }
    // Sent by GET, a mutation is refused with 405 whether or not its document was seen by POST.
    let mutation = "mutation { retractClaim(id: \"x\", reason: \"y\") { graphVersion } }";
    post(&server, mutation, json!({}));
    for _ in 0..2 {
        let answer = get(&server, mutation, json!({}), &[]);
        assert_eq!(answer.status, 405, "{}", answer.body);
    }
}

#[test]
fn a_get_revalidates_with_its_etag() {
    let server = fresh_server();
    let first = get(&server, ENTITY, json!({"id": "paris"}), &[]);
    assert_eq!(first.status, 200, "{}", first.body);
    let tag = first.etag().to_owned();
    let revalidated = get(
        &server,
        ENTITY,
        json!({"id": "paris"}),
        &[("if-none-match", &tag)],
    );
    assert_eq!((revalidated.status, revalidated.body.as_str()), (304, ""));
    assert_eq!(revalidated.etag(), tag);
    let weak = format!("W/{tag}");
    let listed = format!("\"0000\", {weak}");
    assert_eq!(
        get(
            &server,
            ENTITY,
            json!({"id": "paris"}),
            &[("if-none-match", &listed)]
        )
        .status,
        304
    );
    let stale = get(
        &server,
        ENTITY,
        json!({"id": "paris"}),
        &[("if-none-match", "\"0000\"")],
    );
    assert_eq!(
        (stale.status, stale.body.as_str()),
        (200, first.body.as_str())
    );
    // The same tag for other variables is not a match.
    let other = get(
        &server,
        ENTITY,
        json!({"id": "tom-cruise"}),
        &[("if-none-match", &tag)],
    );
    assert_eq!(other.status, 200);
    // POST answers carry the tag but do not take part in revalidation.
    let posted = send(
        &server,
        "POST",
        "/graphql",
        &[("if-none-match", &tag)],
        Some(json!({"query": ENTITY, "variables": {"id": "paris"}})),
    );
    assert_eq!((posted.status, posted.etag()), (200, tag.as_str()));
}

#[test]
fn a_persisted_query_sent_by_hash_is_cached_by_its_hash() {
    use sha2::{Digest, Sha256};
    let server = fresh_server();
    let query = "{ stats { entityCount } }";
    let hash = format!("{:x}", Sha256::digest(query.as_bytes()));
    let extensions = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}});
    let by_hash = || {
        send(
            &server,
            "POST",
            "/graphql",
            &[],
            Some(json!({"extensions": extensions})),
        )
    };
    assert_eq!(
        by_hash().json()["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_FOUND"
    );
    // The registration runs (it must reach the persisted-query store), and is never a hit.
    for _ in 0..2 {
        let registered = send(
            &server,
            "POST",
            "/graphql",
            &[],
            Some(json!({"query": query, "extensions": extensions})),
        );
        assert_eq!(registered.cache(), "", "{}", registered.body);
    }
    let first = by_hash();
    assert_eq!(first.cache(), "MISS", "{}", first.body);
    let second = by_hash();
    assert_eq!(
        (second.cache(), second.body.as_str()),
        ("HIT", first.body.as_str())
    );
}

#[test]
fn a_write_is_seen_at_once_a_cached_answer_never_outlives_its_version() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = SqliteStore::open(&dir.path().join("kg.sqlite")).expect("opens");
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("loads");
    let config = server::Config {
        write_tokens: server::WriteTokens::parse([(1, "editor:test-secret-0123456789")], "test")
            .expect("valid"),
        ..server::Config::default()
    };
    let server = start_live(Arc::new(live), config, schema::SchemaConfig::default());
    let count = "{ stats { entityCount } }";
    let before = post(&server, count, json!({}));
    assert_eq!(post(&server, count, json!({})).cache(), "HIT");
    let add = json!({"query": "mutation { addEntities(input: [{kind: PERSON, name: \"Wade Eastwood\"}]) { graphVersion } }"});
    let auth = [("authorization", "Bearer test-secret-0123456789")];
    // Sent three times (the second and third change nothing), each runs: none is cached.
    for _ in 0..3 {
        let added = send(&server, "POST", "/graphql", &auth, Some(add.clone()));
        assert!(added.json()["errors"].is_null(), "{}", added.body);
        assert_eq!((added.cache(), added.etag()), ("", ""));
    }
    let after = post(&server, count, json!({}));
    assert_eq!(after.cache(), "MISS");
    let n = |a: &Answer| {
        a.json()["data"]["stats"]["entityCount"]
            .as_u64()
            .unwrap_or(0)
    };
    assert_eq!(n(&after), n(&before) + 1);
    assert_ne!(after.etag(), before.etag());
    // A GET holding the old tag gets the new answer, not a 304.
    let tag = before.etag().to_owned();
    let revalidated = get(&server, count, json!({}), &[("if-none-match", &tag)]);
    assert_eq!(revalidated.status, 200);
}

/// The value of a metric line, e.g. `olympia_cache_requests_total{cache="document",result="hit"}`.
fn metric(server: &TestServer, series: &str) -> u64 {
    let text = send(server, "GET", "/metrics", &[], None).body;
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {series} in:\n{text}"))
}

#[test]
fn the_caches_are_counted_on_metrics() {
    let server = fresh_server();
    let hits = |cache: &str| {
        metric(
            &server,
            &format!("olympia_cache_requests_total{{cache=\"{cache}\",result=\"hit\"}}"),
        )
    };
    let (documents, responses) = (hits("document"), hits("response"));
    // One document, three variable values: parsed once, answered three times.
    for id in ["paris", "tom-cruise", "simone-biles"] {
        assert_eq!(post(&server, ENTITY, json!({"id": id})).cache(), "MISS");
    }
    assert_eq!(hits("document"), documents + 2);
    assert_eq!(post(&server, ENTITY, json!({"id": "paris"})).cache(), "HIT");
    assert_eq!(hits("response"), responses + 1);
    assert!(metric(&server, "olympia_cache_entries{cache=\"response\"}") >= 3);
    assert!(metric(&server, "olympia_cache_bytes{cache=\"document\"}") > 0);
}

#[test]
fn a_document_validated_before_still_refuses_bad_variable_values() {
    let server = fresh_server();
    let query = "query($id: ID!, $d: Direction!) { entity(id: $id) { relations(direction: $d, first: 2) { totalCount } } }";
    let good = post(&server, query, json!({"id": "paris", "d": "OUTGOING"}));
    assert!(good.json()["errors"].is_null(), "{}", good.body);
    // Validated once; the same text with values of the wrong type is refused as before.
    for bad in [
        json!({"id": "paris", "d": "SIDEWAYS"}),
        json!({"id": {"not": "an id"}, "d": "OUTGOING"}),
        json!({"id": "paris", "d": 3}),
    ] {
        let answer = send(
            &server,
            "POST",
            "/graphql",
            &[("accept", "application/graphql-response+json")],
            Some(json!({"query": query, "variables": bad})),
        );
        assert_eq!(answer.status, 400, "{bad}: {}", answer.body);
        let error = &answer.json()["errors"][0];
        assert_eq!(
            error["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
            "{}",
            answer.body
        );
        assert!(answer.json().get("data").is_none(), "{}", answer.body);
    }
    // And other good values pass without a second validation.
    let other = post(&server, query, json!({"id": "tom-cruise", "d": "INCOMING"}));
    assert!(other.json()["errors"].is_null(), "{}", other.body);
}

#[test]
fn a_null_variable_gets_the_answer_an_unvalidated_document_gets() {
    // A nullable variable where a non-null argument with a default stands: null is the
    // argument's business, checked by the full validation every time.
    let query = "query($inferred: Boolean) { entity(id: \"paris\") { relations(includeInferred: $inferred, first: 2) { totalCount } } }";
    let null = json!({"inferred": null});
    let uncached = post(&fresh_server(), query, null.clone());
    let server = fresh_server();
    let warm = post(&server, query, json!({"inferred": true}));
    assert!(warm.json()["errors"].is_null(), "{}", warm.body);
    let after = post(&server, query, null);
    assert_eq!(after.body, uncached.body);
}
