//! Runs the generated operations against the real olympia-kg binary over HTTP and compares the
//! typed responses with the committed `examples/*.json`.
//!
//! The binary is `$OLYMPIA_KG_BIN`, else `<repo>/target/debug/olympia-kg` (run-tests.sh builds it
//! and sets the variable). Each test starts its own server on a free loopback port and kills it
//! when the test ends, pass or fail.

use std::io::Read;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use olympia_kg_client::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The server

struct Server {
    child: Child,
    graphql: String,
    output: Arc<Mutex<String>>,
    agent: ureq::Agent,
}

fn binary() -> PathBuf {
    match std::env::var_os("OLYMPIA_KG_BIN") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => repo_dir().join("target/debug/olympia-kg"),
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// Appends everything `from` writes to `into`, on a thread of its own.
fn collect(mut from: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
}

impl Server {
    /// Starts the binary on a free port and waits until GET /health answers `{"status":"ok"}`.
    fn start() -> Server {
        let bin = binary();
        assert!(
            bin.exists(),
            "{} is missing: run `cargo build --locked` at the repository root (or set \
             OLYMPIA_KG_BIN); clients/rust/run-tests.sh does both",
            bin.display()
        );
        let mut last_error = String::new();
        // Another process may take the port between our probe and the server's bind: retry then.
        for _attempt in 0..3 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("binding a probe socket on 127.0.0.1")
                .port();
            let mut command = Command::new(&bin);
            command
                .args([
                    "--addr",
                    &format!("127.0.0.1:{port}"),
                    "--log-level",
                    "warn",
                ])
                .env("NO_COLOR", "1")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            // Only the arguments configure the server.
            for (key, _) in std::env::vars_os() {
                if key.to_string_lossy().starts_with("OLYMPIA_") {
                    command.env_remove(key);
                }
            }
            let mut child = command
                .spawn()
                .unwrap_or_else(|e| panic!("starting {}: {e}", bin.display()));
            let output = Arc::new(Mutex::new(String::new()));
            collect(child.stdout.take().unwrap(), output.clone());
            collect(child.stderr.take().unwrap(), output.clone());
            let base = format!("http://127.0.0.1:{port}");
            let mut server = Server {
                child,
                graphql: format!("{base}/graphql"),
                output,
                agent: agent(),
            };
            match server.wait_for_health(&base, Duration::from_secs(30)) {
                Ok(()) => return server,
                Err(e) => last_error = e, // `server` is dropped here, which kills the child
            }
        }
        panic!("{last_error}");
    }

    fn wait_for_health(&mut self, base: &str, limit: Duration) -> Result<(), String> {
        let deadline = Instant::now() + limit;
        let health = format!("{base}/health");
        let mut delay = Duration::from_millis(10);
        loop {
            if let Ok(mut response) = self.agent.get(&health).call()
                && response.status() == 200
                && serde_json::from_str::<Value>(
                    &response.body_mut().read_to_string().unwrap_or_default(),
                )
                .is_ok_and(|body| body == serde_json::json!({"status": "ok"}))
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "olympia-kg did not answer {health} within {limit:?}:\n{}",
                    self.output.lock().unwrap()
                ));
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "olympia-kg exited ({status}) before answering {health}:\n{}",
                    self.output.lock().unwrap()
                ));
            }
            thread::sleep(delay);
            delay = (delay * 2).min(Duration::from_millis(200));
        }
    }

    /// Runs one generated operation: POSTs `Q::build_query(variables)` as JSON and returns the
    /// typed `data`, failing the test on a non-2xx status, a GraphQL error or missing data.
    fn run<Q: GraphQLQuery>(&self, variables: Q::Variables) -> Q::ResponseData
    where
        Q::ResponseData: DeserializeOwned,
    {
        let body = serde_json::to_string(&Q::build_query(variables)).unwrap();
        let mut response = self
            .agent
            .post(&self.graphql)
            .header("content-type", "application/json")
            .header(
                "accept",
                "application/graphql-response+json, application/json",
            )
            .send(&body)
            .unwrap_or_else(|e| panic!("POST {}: {e}", self.graphql));
        let status = response.status();
        let text = response.body_mut().read_to_string().unwrap();
        assert!(
            status.is_success(),
            "HTTP {status} from {} for {body}:\n{text}",
            self.graphql
        );
        let parsed: Response<Q::ResponseData> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!("the generated types do not deserialise the response ({e}):\n{text}")
        });
        assert!(
            parsed.errors.as_ref().is_none_or(|e| e.is_empty()),
            "GraphQL errors: {:?}",
            parsed.errors
        );
        parsed.data.expect("a response without data")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing with examples/*.json

/// The `data` of a committed response, `examples/NAME.json`.
fn committed_data(file: &str) -> Value {
    let path = repo_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    value
        .get_mut("data")
        .map(Value::take)
        .unwrap_or_else(|| panic!("{} has no `data`", path.display()))
}

/// The first place where two JSON values differ, as a JSON pointer with both sides.
fn first_difference(path: &str, got: &Value, want: &Value) -> Option<String> {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for key in w.keys().chain(g.keys()) {
                let here = format!("{path}/{key}");
                match (g.get(key), w.get(key)) {
                    (Some(g), Some(w)) => {
                        if let Some(d) = first_difference(&here, g, w) {
                            return Some(d);
                        }
                    }
                    (None, Some(w)) => return Some(format!("{here}: missing, expected {w}")),
                    (Some(g), None) => return Some(format!("{here}: {g}, not expected")),
                    (None, None) => unreachable!(),
                }
            }
            None
        }
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => g
            .iter()
            .zip(w)
            .enumerate()
            .find_map(|(i, (g, w))| first_difference(&format!("{path}/{i}"), g, w)),
        _ if got == want => None,
        _ => Some(format!("{path}: got {got}, expected {want}")),
    }
}

/// Serialises typed response data and compares it with `examples/<stem>.json`'s `data`.
fn assert_matches_committed(example: &str, data: &impl serde::Serialize) {
    let file = example.replace(".graphql", ".json");
    let got = serde_json::to_value(data).unwrap();
    let want = committed_data(&file);
    if let Some(difference) = first_difference("", &got, &want) {
        panic!(
            "{example}: the typed response, serialised, differs from {file} at {difference}\n\
             got:\n{}",
            serde_json::to_string_pretty(&got).unwrap()
        );
    }
}

fn example_file(operation_name: &str) -> &'static str {
    EXAMPLES
        .iter()
        .find(|e| e.operation_name == operation_name)
        .unwrap_or_else(|| panic!("no example defines {operation_name}"))
        .file
}

/// Runs `Q` with default variables (no `after`) and compares with its committed response.
fn check<Q: GraphQLQuery>(server: &Server, operation_name: &str) -> Q::ResponseData
where
    Q::Variables: Default,
    Q::ResponseData: DeserializeOwned + serde::Serialize,
{
    let data = server.run::<Q>(Q::Variables::default());
    assert_matches_committed(example_file(operation_name), &data);
    data
}

// ---------------------------------------------------------------------------------------------
// The tests

/// Every example operation, run through its generated types, serialises back to exactly the
/// committed `examples/NAME.json` (`data`). All are run; the failures are reported together.
#[test]
fn every_example_matches_its_committed_response() {
    type Check = fn(&Server, &str);
    let checks: &[(&str, Check)] = &[
        ("CaliforniaPerformers", |s, n| {
            drop(check::<CaliforniaPerformers>(s, n))
        }),
        ("CrowdFigures", |s, n| drop(check::<CrowdFigures>(s, n))),
        ("People", |s, n| drop(check::<People>(s, n))),
        ("FlagHandoverChain", |s, n| {
            drop(check::<FlagHandoverChain>(s, n))
        }),
        ("MostCentral", |s, n| drop(check::<MostCentral>(s, n))),
        ("CruiseRelations", |s, n| {
            drop(check::<CruiseRelations>(s, n))
        }),
        ("Search", |s, n| drop(check::<Search>(s, n))),
        ("SnoopDoggToMacron", |s, n| {
            drop(check::<SnoopDoggToMacron>(s, n))
        }),
        ("TypedRelationshipFields", |s, n| {
            drop(check::<TypedRelationshipFields>(s, n))
        }),
    ];
    let mut unchecked: Vec<_> = EXAMPLES.iter().map(|e| e.operation_name).collect();
    unchecked.retain(|name| !checks.iter().any(|(n, _)| n == name));
    assert!(
        unchecked.is_empty(),
        "add a line to `checks` in tests/live.rs for {unchecked:?}"
    );

    let server = Server::start();
    let mut failures = Vec::new();
    for (name, check) in checks {
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&server, name)));
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n\n{}",
        failures.len(),
        checks.len(),
        failures.join("\n\n")
    );
}

/// `subject` and `object` are the `Entity` interface: with `__typename` selected, graphql_client
/// gives each an `on` enum with one variant per implementing type, so a client matches on the
/// concrete type.
#[test]
fn flag_handover_chain_has_typed_entities() {
    use flag_handover_chain::*;
    let server = Server::start();
    let data = check::<FlagHandoverChain>(&server, "FlagHandoverChain");

    let hand = &data.hands[0];
    let names = match (&hand.subject.on, &hand.object.on) {
        (FlagHandoverChainHandsSubjectOn::Person, FlagHandoverChainHandsObjectOn::Person) => {
            (hand.subject.name.as_str(), hand.object.name.as_str())
        }
        other => panic!("the flag passes from person to person, got {other:?}"),
    };
    assert_eq!(names, ("Simone Biles", "Tom Cruise"));
    assert!(
        data.cities.iter().all(|c| matches!(
            (&c.subject.on, &c.object.on),
            (
                FlagHandoverChainCitiesSubjectOn::Place,
                FlagHandoverChainCitiesObjectOn::Place
            )
        )),
        "the Games pass from city to city: {:?}",
        data.cities
    );
    let event = data.cities[0]
        .qualifiers
        .event
        .as_ref()
        .expect("the handover's event");
    assert!(matches!(
        event.on,
        FlagHandoverChainCitiesQualifiersEventOn::Event
    ));
    assert!(hand.evidence.iter().all(|e| !e.quote.is_empty()));
}

/// An inline fragment (`... on Person { handedFlagTo … }`) becomes a variant carrying its own
/// struct: the typed relationship fields are only reachable through the concrete type.
#[test]
fn typed_relationship_fields_through_inline_fragments() {
    use typed_relationship_fields::*;
    let server = Server::start();
    let data = check::<TypedRelationshipFields>(&server, "TypedRelationshipFields");

    let biles = data.biles.expect("simone-biles exists");
    let TypedRelationshipFieldsBilesOn::Person(person) = &biles.on else {
        panic!("simone-biles is a Person, got {:?}", biles.on)
    };
    let handed_to: Vec<_> = person
        .handed_flag_to
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(handed_to, ["Tom Cruise"]);

    let california = data.california.expect("california exists");
    let TypedRelationshipFieldsCaliforniaOn::Place(place) = &california.on else {
        panic!("california is a Place, got {:?}", california.on)
    };
    assert!(!place.home_of.is_empty());
    assert!(place.home_of_connection.total_count >= place.home_of_connection.edges.len() as i64);
}

/// `CruiseRelations($after: String)`: the first page is the committed one; `endCursor` as
/// `after` walks the following pages, which together hold `totalCount` distinct relations.
#[test]
fn cruise_relations_walks_pages_with_after() {
    use cruise_relations::*;
    let server = Server::start();
    let first = check::<CruiseRelations>(&server, "CruiseRelations");
    let entity = first.entity.expect("tom-cruise exists");
    assert!(matches!(entity.on, CruiseRelationsEntityOn::Person));
    let total = entity.relations.total_count;
    assert!(
        entity.relations.page_info.has_next_page,
        "the committed page is not the last"
    );

    let mut seen: Vec<String> = entity.relations.edges.iter().map(describe).collect();
    let mut after = entity.relations.page_info.end_cursor.clone();
    let mut pages = 1;
    while let Some(cursor) = after {
        let page = server
            .run::<CruiseRelations>(Variables {
                after: Some(cursor.clone()),
            })
            .entity
            .expect("tom-cruise exists");
        pages += 1;
        assert_eq!(
            page.relations.total_count, total,
            "totalCount changed on page {pages}"
        );
        assert!(
            !page.relations.edges.is_empty(),
            "page {pages} (after {cursor}) is empty"
        );
        seen.extend(page.relations.edges.iter().map(describe));
        after = if page.relations.page_info.has_next_page {
            page.relations.page_info.end_cursor.clone()
        } else {
            None
        };
        assert!(pages <= 100, "more than 100 pages");
    }
    assert!(pages >= 2, "walked {pages} page(s)");
    assert_eq!(seen.len() as i64, total, "the pages hold {seen:?}");
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        seen.len(),
        "a relation repeats across pages: {seen:?}"
    );
}

/// One relation edge as text: its JSON, so the check does not depend on which fields the
/// example selects.
fn describe(edge: &cruise_relations::CruiseRelationsEntityRelationsEdges) -> String {
    serde_json::to_string(edge).unwrap()
}
