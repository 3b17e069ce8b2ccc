//! `GET /metrics`: requests counted by route, outcome and error code, durations, requests in
//! flight, and the live graph's version and size, read from the OpenMetrics text the server
//! exposes. Each test starts its own server and compares scrapes taken before and after.

mod common;

use std::sync::Arc;

use common::{TestServer, start_live, start_with};
use olympia_kg::dataset::{self, Location};
use olympia_kg::store::{Live, SqliteStore};
use olympia_kg::{schema, server};
use serde_json::json;

const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// One line of the exposition: `name{labels} value`.
struct Sample {
    name: String,
    /// Sorted by name.
    labels: Vec<(String, String)>,
    value: f64,
}

/// One scrape: every sample.
struct Scrape(Vec<Sample>);

impl Scrape {
    fn take(server: &TestServer) -> Scrape {
        let (status, content_type, text) = server.raw("GET", "/metrics", &[], Vec::new());
        assert_eq!(status, 200, "{text}");
        assert_eq!(content_type, OPENMETRICS);
        assert!(
            text.ends_with("# EOF\n"),
            "an OpenMetrics exposition ends with EOF"
        );
        Scrape(
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .map(sample)
                .collect(),
        )
    }

    /// The value of the sample `name` whose labels are exactly `labels`.
    fn get(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        let mut wanted: Vec<(String, String)> = labels
            .iter()
            .map(|&(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        wanted.sort();
        self.0
            .iter()
            .find(|s| s.name == name && s.labels == wanted)
            .map(|s| s.value)
    }

    /// Like `get`, 0 when the series does not exist yet (a counter not yet incremented).
    fn count(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.get(name, labels).unwrap_or(0.0)
    }
}

/// Parses `name{k="v",…} value` (or `name value`).
fn sample(line: &str) -> Sample {
    let (series, value) = line
        .rsplit_once(' ')
        .unwrap_or_else(|| panic!("a sample line, got {line:?}"));
    let value = value
        .parse()
        .unwrap_or_else(|_| panic!("a number in {line:?}"));
    let (name, labels) = match series.split_once('{') {
        None => (series, Vec::new()),
        Some((name, rest)) => {
            let inner = rest.strip_suffix('}').expect("labels end with }");
            let mut labels: Vec<(String, String)> = inner
                .split(',')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').expect("k=\"v\"");
                    (k.to_owned(), v.trim_matches('"').to_owned())
                })
                .collect();
            labels.sort();
            (name, labels)
        }
    };
    Sample {
        name: name.to_owned(),
        labels,
        value,
    }
}

const REQUESTS: &str = "olympia_http_requests_total";

/// The labels of one `olympia_http_requests_total` series.
fn requests(
    route: &'static str,
    outcome: &'static str,
    code: &'static str,
) -> [(&'static str, &'static str); 3] {
    [("route", route), ("outcome", outcome), ("code", code)]
}

#[test]
fn requests_are_counted_by_route_outcome_and_code() {
    let server = start_with(server::Config::default(), schema::SchemaConfig::default());
    let before = Scrape::take(&server);

    // ok
    let data = server.data("{ stats { entityCount } }", json!({}));
    assert!(data["stats"]["entityCount"].as_u64() > Some(0));
    // error, GRAPHQL_PARSE_FAILED
    let (_, code) = server.error("{ entity(", json!({}));
    assert_eq!(code, "GRAPHQL_PARSE_FAILED");
    // error, BAD_REQUEST: a 415
    let (status, _, _) = server.raw(
        "POST",
        "/graphql",
        &[("content-type", "text/plain")],
        br#"{"query": "{ stats { entityCount } }"}"#.to_vec(),
    );
    assert_eq!(status, 415);
    // error, PAYLOAD_TOO_LARGE: a 413, answered by the body-limit middleware
    let (status, _, _) = server.raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        vec![b' '; server::Config::default().max_body_bytes + 1],
    );
    assert_eq!(status, 413);
    // partial: a batch of one good and one unparsable operation
    let (status, body) = server.post(&json!([
        { "query": "{ stats { entityCount } }" },
        { "query": "{ entity(" },
    ]));
    assert_eq!(status, 200, "{body:#}");
    assert!(body[0].get("errors").is_none() && body[1]["errors"].is_array());
    // Other routes: health, GraphiQL, and a path no route matches (counted by its status).
    assert_eq!(server.raw("GET", "/health", &[], Vec::new()).0, 200);
    assert_eq!(server.raw("GET", "/", &[], Vec::new()).0, 200);
    assert_eq!(server.raw("GET", "/no-such-page", &[], Vec::new()).0, 404);

    let after = Scrape::take(&server);
    let delta =
        |series: &[(&str, &str)]| after.count(REQUESTS, series) - before.count(REQUESTS, series);
    for (series, expected) in [
        (requests("graphql", "ok", ""), 1.0),
        (requests("graphql", "error", "GRAPHQL_PARSE_FAILED"), 1.0),
        (requests("graphql", "error", "BAD_REQUEST"), 1.0),
        (requests("graphql", "error", "PAYLOAD_TOO_LARGE"), 1.0),
        (requests("graphql", "partial", "GRAPHQL_PARSE_FAILED"), 1.0),
        (requests("health", "ok", ""), 1.0),
        (requests("graphiql", "ok", ""), 1.0),
        (requests("other", "error", "HTTP_404"), 1.0),
        // The scrape taken before.
        (requests("metrics", "ok", ""), 1.0),
        // Series that must not exist: wrong outcome or code for what was sent.
        (requests("graphql", "ok", "GRAPHQL_PARSE_FAILED"), 0.0),
        (requests("graphql", "error", "HTTP_415"), 0.0),
        (requests("graphql", "error", ""), 0.0),
        (requests("other", "error", "OTHER"), 0.0),
    ] {
        assert_eq!(delta(&series), expected, "{series:?}");
    }
    assert_eq!(
        after.get(REQUESTS, &[("route", "graphql"), ("outcome", "ok")]),
        None,
        "a series is found only with all its labels"
    );

    // Every request on /graphql was timed, and each lands in the +Inf bucket.
    let graphql = [("route", "graphql")];
    let timed =
        |scrape: &Scrape| scrape.count("olympia_http_request_duration_seconds_count", &graphql);
    assert_eq!(timed(&after) - timed(&before), 5.0);
    assert_eq!(
        after.get(
            "olympia_http_request_duration_seconds_bucket",
            &[("route", "graphql"), ("le", "+Inf")]
        ),
        Some(timed(&after))
    );
    assert!(
        after
            .get(
                "olympia_http_request_duration_seconds_bucket",
                &[("route", "graphql"), ("le", "10.0")]
            )
            .is_some(),
        "the buckets reach 10 s"
    );
    assert!(after.count("olympia_http_request_duration_seconds_sum", &graphql) > 0.0);

    // At rest (the scrape leaves itself out) nothing is in flight.
    assert_eq!(after.get("olympia_http_requests_in_flight", &[]), Some(0.0));
}

#[test]
fn the_graph_gauges_follow_writes() {
    const SECRET: &str = "test-secret-0123456789";
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = SqliteStore::open(&dir.path().join("kg.sqlite")).expect("the store opens");
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("loads");
    let config = server::Config {
        write_tokens: server::WriteTokens::parse(
            [(1, format!("editor:{SECRET}").as_str())],
            "test",
        )
        .expect("valid"),
        ..server::Config::default()
    };
    let server = start_live(Arc::new(live), config, schema::SchemaConfig::default());
    let stats = |server: &TestServer| {
        server.data("{ stats { entityCount relationCount } }", json!({}))["stats"].clone()
    };

    let before = Scrape::take(&server);
    let counts = stats(&server);
    assert_eq!(
        before.get("olympia_graph_version", &[]),
        Some(1.0),
        "a new store is version 1"
    );
    assert_eq!(
        before.get("olympia_graph_entities", &[]),
        counts["entityCount"].as_f64()
    );
    assert_eq!(
        before.get("olympia_graph_claims", &[]),
        counts["relationCount"].as_f64()
    );

    let written = server.post_as(
        Some(SECRET),
        "mutation { addEntities(input: [{kind: PERSON, name: \"Wade Eastwood\"}]) { graphVersion } }",
        json!({}),
    );
    let version = written["data"]["addEntities"]["graphVersion"]
        .as_f64()
        .unwrap_or_else(|| panic!("a write, got {written:#}"));
    assert_eq!(version, 2.0);
    let after = Scrape::take(&server);
    assert_eq!(after.get("olympia_graph_version", &[]), Some(version));
    assert_eq!(
        after.get("olympia_graph_entities", &[]),
        before.get("olympia_graph_entities", &[]).map(|n| n + 1.0)
    );
    assert_eq!(
        after.get("olympia_graph_entities", &[]),
        stats(&server)["entityCount"].as_f64()
    );
}

#[test]
fn metrics_are_get_only_and_served_without_graphiql() {
    let config = server::Config {
        graphiql: false,
        ..server::Config::default()
    };
    let server = start_with(config, schema::SchemaConfig::default());
    let scrape = Scrape::take(&server);
    assert_eq!(
        scrape.get("olympia_graph_version", &[]),
        Some(0.0),
        "no store: version 0"
    );
    let entities = dataset::load_embedded()
        .expect("the seed loads")
        .entities()
        .len();
    assert_eq!(
        scrape.get("olympia_graph_entities", &[]),
        Some(entities as f64)
    );
    if cfg!(target_os = "linux") {
        let resident = scrape
            .get("olympia_process_resident_memory_bytes", &[])
            .expect("Linux has /proc/self/statm");
        assert!(resident > 1024.0 * 1024.0, "{resident} bytes");
    }

    assert_eq!(server.raw("POST", "/metrics", &[], Vec::new()).0, 405);
    // With GraphiQL off, `/` matches no route: counted as other.
    assert_eq!(
        server
            .raw("GET", "/", &[("accept", "text/html")], Vec::new())
            .0,
        404
    );
    let after = Scrape::take(&server);
    assert_eq!(
        after.count(REQUESTS, &requests("metrics", "error", "HTTP_405")),
        1.0
    );
    assert_eq!(
        after.count(REQUESTS, &requests("other", "error", "HTTP_404")),
        1.0
    );
    assert_eq!(
        after.count(REQUESTS, &requests("graphiql", "error", "HTTP_404")),
        0.0
    );
}

#[test]
fn metrics_can_be_turned_off() {
    let config = server::Config {
        metrics: false,
        ..server::Config::default()
    };
    let server = start_with(config, schema::SchemaConfig::default());
    assert_eq!(server.raw("GET", "/metrics", &[], Vec::new()).0, 404);
    assert_eq!(server.raw("GET", "/health", &[], Vec::new()).0, 200);
}

#[test]
fn a_websocket_counts_once_as_its_upgrade() {
    use std::io::{Read, Write};

    let server = start_with(server::Config::default(), schema::SchemaConfig::default());
    let before = Scrape::take(&server);
    let addr = server.base.trim_start_matches("http://");
    let mut socket = std::net::TcpStream::connect(addr).expect("connects");
    write!(
        socket,
        "GET /graphql HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
         Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
    )
    .expect("writes");
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        socket.read_exact(&mut byte).expect("the upgrade response");
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");

    // The socket is open (it has 3 s to send connection_init), yet no longer in flight.
    let after = Scrape::take(&server);
    let upgrades = requests("graphql", "ok", "");
    assert_eq!(
        after.count(REQUESTS, &upgrades) - before.count(REQUESTS, &upgrades),
        1.0
    );
    assert_eq!(after.get("olympia_http_requests_in_flight", &[]), Some(0.0));
    drop(socket);
}
