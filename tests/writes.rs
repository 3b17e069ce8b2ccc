//! The write path, black box: a real server over a SQLite store, spoken to over HTTP with and
//! without write tokens; the store reopened as a restart would.

mod common;

use std::sync::Arc;

use common::{TestServer, start_live};
use olympia_kg::dataset::{self, Location};
use olympia_kg::store::{Live, SqliteStore, Store};
use olympia_kg::{schema, server};
use serde_json::{Value, json};

const SECRET: &str = "test-secret-0123456789";

fn tokens() -> server::WriteTokens {
    server::WriteTokens::parse([(1, "editor:test-secret-0123456789")], "test").expect("valid")
}

fn open(path: &std::path::Path) -> Live {
    let store = SqliteStore::open(path).expect("the store opens");
    Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("the store loads")
}

fn serve(live: Live, tokens: server::WriteTokens) -> TestServer {
    let config = server::Config {
        write_tokens: tokens,
        ..server::Config::default()
    };
    start_live(Arc::new(live), config, schema::SchemaConfig::default())
}

const TEXT: &str = "Tom Cruise rappelled from the roof of the Stade de France. Later, Snoop Dogg \
    thanked Paris. The veteran stunt coordinator Wade Eastwood planned the jump.";

const ADD_SOURCE: &str = "mutation($text: String!) { addSource(input: {id: \"wire-report\", \
    title: \"Stunt at the closing ceremony\", publishedOn: \"2024-08-12\", language: \"en\", \
    outlet: \"Test Wire\", text: $text}) { graphVersion added source { id mentions { entity { id } } } } }";

const ADD_ENTITY: &str = "mutation { addEntities(input: [{kind: PERSON, name: \"Wade Eastwood\", \
    description: \"stunt coordinator\"}]) { graphVersion addedCount entities { id name } } }";

const ADD_CLAIMS: &str = "mutation($claims: [ClaimInput!]!) { addClaims(input: $claims) { \
    graphVersion addedCount ids relations { id subject { id } object { id } evidence { quote } } } }";

fn stunt_claims() -> Value {
    json!([{
        "subject": "tom-cruise", "predicate": "PERFORMED_AT", "object": "stade-de-france",
        "evidence": [{"source": "wire-report", "quote": "Tom Cruise rappelled from the roof of the Stade de France"}]
    }])
}

fn counts(server: &TestServer) -> Value {
    server.data("{ stats { relationCount sourceCount } }", json!({}))
}

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("")
}

#[test]
fn a_store_round_trips_through_export_and_import() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let first = dir.path().join("first.sqlite");
    let live = open(&first);
    let seed = dataset::load_embedded().expect("the seed loads");
    assert_eq!(live.snapshot().graph.stats(), seed.stats());
    assert_eq!(live.snapshot().version, 1);

    // Export, lint, import into a second store: the records are identical.
    let files = live.files().expect("a store can be read");
    let out = dir.path().join("export");
    for (path, text) in &files {
        let target = out.join(path);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
        std::fs::write(target, text).expect("written");
    }
    let exported = dataset::load(&Location::Dir(out.clone())).expect("the export loads");
    assert_eq!(exported.stats(), seed.stats());
    let second = dir.path().join("second.sqlite");
    let store = SqliteStore::open(&second).expect("opens");
    let again = Live::open(Box::new(store), &Location::Dir(out), &mut |_| {}).expect("imports");
    assert_eq!(again.files().expect("read"), files);
    let mut a = SqliteStore::open(&first).expect("opens");
    let mut b = SqliteStore::open(&second).expect("opens");
    assert_eq!(a.read().expect("read"), b.read().expect("read"));
}

#[test]
fn writes_need_a_store_and_a_token() {
    let read_only = Live::read_only(Arc::new(dataset::load_embedded().expect("seed")));
    let server = serve(read_only, tokens());
    let body = server.post_as(Some(SECRET), ADD_ENTITY, json!({}));
    assert_eq!(code(&body), "WRITES_DISABLED", "{body:#}");

    let dir = tempfile::tempdir().expect("a temp dir");
    let no_tokens = serve(
        open(&dir.path().join("a.sqlite")),
        server::WriteTokens::default(),
    );
    let body = no_tokens.post_as(Some(SECRET), ADD_ENTITY, json!({}));
    assert_eq!(code(&body), "WRITES_DISABLED", "{body:#}");

    let server = serve(open(&dir.path().join("b.sqlite")), tokens());
    let before = counts(&server);
    for token in [None, Some("wrong-secret-0123456789"), Some("")] {
        let body = server.post_as(token, ADD_ENTITY, json!({}));
        assert_eq!(code(&body), "UNAUTHENTICATED", "{body:#}");
        assert_eq!(body["data"], Value::Null);
    }
    assert_eq!(counts(&server), before);
    let (status, _, _) = server.raw(
        "GET",
        "/graphql?query=mutation%7BretractClaim(id%3A%22x%22%2Creason%3A%22y%22)%7BgraphVersion%7D%7D",
        &[("authorization", "Bearer test-secret-0123456789")],
        Vec::new(),
    );
    assert_eq!(status, 405, "mutations are POST only");
}

#[test]
fn a_source_entities_and_claims_are_added_and_read_back() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("kg.sqlite");
    let server = serve(open(&path), tokens());

    let added = server.post_as(Some(SECRET), ADD_SOURCE, json!({"text": TEXT}));
    assert!(added.get("errors").is_none(), "{added:#}");
    let source = &added["data"]["addSource"];
    assert_eq!(source["graphVersion"], 2);
    assert_eq!(source["added"], true);
    let mentioned: Vec<&str> = source["source"]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|m| m["entity"]["id"].as_str())
        .collect();
    assert!(
        mentioned.contains(&"tom-cruise") && mentioned.contains(&"snoop-dogg"),
        "{mentioned:?}"
    );

    // The same source again changes nothing.
    let again = server.post_as(Some(SECRET), ADD_SOURCE, json!({"text": TEXT}));
    assert_eq!(again["data"]["addSource"]["added"], false, "{again:#}");
    assert_eq!(again["data"]["addSource"]["graphVersion"], 2);

    // The id is derived from the name.
    let entity = server.post_as(Some(SECRET), ADD_ENTITY, json!({}));
    assert_eq!(
        entity["data"]["addEntities"]["entities"][0]["id"], "wade-eastwood",
        "{entity:#}"
    );

    let claims = server.post_as(Some(SECRET), ADD_CLAIMS, json!({"claims": stunt_claims()}));
    assert!(claims.get("errors").is_none(), "{claims:#}");
    let out = &claims["data"]["addClaims"];
    assert_eq!(out["addedCount"], 1);
    let id = out["ids"][0].as_str().expect("an id").to_owned();
    assert_eq!(
        out["relations"][0]["evidence"][0]["quote"],
        "Tom Cruise rappelled from the roof of the Stade de France"
    );

    // Sending the same claims again adds nothing and names the same claim.
    let twice = server.post_as(Some(SECRET), ADD_CLAIMS, json!({"claims": stunt_claims()}));
    assert_eq!(twice["data"]["addClaims"]["addedCount"], 0, "{twice:#}");
    assert_eq!(twice["data"]["addClaims"]["ids"][0], id.as_str());
    assert_eq!(
        twice["data"]["addClaims"]["graphVersion"],
        out["graphVersion"]
    );

    // Read back by id, and after a restart.
    let read = server.data(
        "query($id: ID!) { node(id: $id) { ... on Relation { subject { id } predicate } } }",
        json!({"id": id}),
    );
    assert_eq!(read["node"]["subject"]["id"], "tom-cruise");
    let reopened = open(&path);
    let graph = reopened.snapshot().graph.clone();
    assert!(graph.lookup(&id).is_some());
    assert!(graph.entity_by_key("wade-eastwood").is_some());
    assert_eq!(
        reopened.snapshot().version,
        out["graphVersion"].as_u64().expect("a version")
    );
}

#[test]
fn a_bad_item_refuses_the_whole_write_and_is_named() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let server = serve(open(&dir.path().join("kg.sqlite")), tokens());
    let before = counts(&server);
    let claims = json!([
        {"subject": "simone-biles", "predicate": "HANDED_FLAG_TO", "object": "tom-cruise",
         "evidence": [{"source": "report-b5f89558", "quote": "Cruise"}], "inferred": false},
        {"subject": "tom-cruze", "predicate": "HANDED_FLAG_TO", "object": "tom-cruise",
         "evidence": [{"source": "report-b5f89558", "quote": "words no report has"}]},
        {"subject": "tom-cruise", "predicate": "CAPITAL_OF", "object": "france",
         "evidence": [{"source": "report-b5f89558", "quote": "Cruise", "occurrence": 1}]}
    ]);
    let body = server.post_as(Some(SECRET), ADD_CLAIMS, json!({"claims": claims}));
    assert_eq!(body["data"], Value::Null, "{body:#}");
    let errors = body["errors"].as_array().expect("errors");
    let by_code = |code: &str| -> Vec<u64> {
        errors
            .iter()
            .filter(|e| e["extensions"]["code"] == code)
            .filter_map(|e| e["extensions"]["index"].as_u64())
            .collect()
    };
    assert_eq!(by_code("UNKNOWN_ENTITY"), [1], "{body:#}");
    assert_eq!(by_code("QUOTE_NOT_FOUND"), [1], "{body:#}");
    assert_eq!(by_code("PREDICATE_NOT_ALLOWED"), [2], "{body:#}");
    assert_eq!(by_code("QUOTE_AMBIGUOUS"), [0], "{body:#}");
    assert_eq!(counts(&server), before, "nothing was written");

    let neither = json!([{"subject": "tom-cruise", "evidence": [{"source": "report-b5f89558", "quote": "Tom Cruise"}]}]);
    let body = server.post_as(Some(SECRET), ADD_CLAIMS, json!({"claims": neither}));
    assert_eq!(code(&body), "INVALID_INPUT", "{body:#}");
    assert_eq!(body["errors"][0]["extensions"]["index"], 0);
}

#[test]
fn a_retracted_claim_is_kept_marked_and_skipped() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("kg.sqlite");
    let server = serve(open(&path), tokens());
    let id = "simone-biles.HANDED_FLAG_TO.tom-cruise";
    let chain = "{ chain(from: \"simone-biles\", predicate: HANDED_FLAG_TO) { object { id } } }";
    let hands = |server: &TestServer| -> usize {
        server.data(chain, json!({}))["chain"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = hands(&server);

    let retract = "mutation($id: ID!) { retractClaim(id: $id, reason: \"test retraction\") { \
        graphVersion relation { id retraction { reason by at } } } }";
    let body = server.post_as(Some(SECRET), retract, json!({"id": id}));
    assert!(body.get("errors").is_none(), "{body:#}");
    let retraction = &body["data"]["retractClaim"]["relation"]["retraction"];
    assert_eq!(retraction["reason"], "test retraction");
    assert_eq!(retraction["by"], "editor");
    assert!(
        hands(&server) < before,
        "the chain stops where the retracted hand-over was"
    );

    let listed = "query($all: Boolean!) { entity(id: \"simone-biles\") { relations(predicates: [HANDED_FLAG_TO], \
        direction: OUTGOING, includeRetracted: $all) { edges { node { id } } } } }";
    let count = |all: bool| {
        server.data(listed, json!({"all": all}))["entity"]["relations"]["edges"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!((count(false), count(true)), (0, 1));

    let unknown = server.post_as(Some(SECRET), retract, json!({"id": "no-such-claim"}));
    assert_eq!(code(&unknown), "UNKNOWN_CLAIM", "{unknown:#}");

    // Kept through a restart, marked.
    let reopened = open(&path);
    let graph = reopened.snapshot().graph.clone();
    let Some(olympia_kg::graph::Item::Claim(c)) = graph.lookup(id) else {
        panic!("the claim is kept");
    };
    assert_eq!(
        graph.claim(c).retracted.as_ref().map(|r| r.reason.as_str()),
        Some("test retraction")
    );
}

#[test]
fn a_full_disk_refuses_writes_and_reads_go_on() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("kg.sqlite");
    drop(open(&path));
    let store = SqliteStore::open(&path).expect("opens");
    let pages = store.pages().expect("page count");
    store.set_max_pages(pages).expect("capped");
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("loads");
    let server = serve(live, tokens());
    let body = server.post_as(Some(SECRET), ADD_SOURCE, json!({"text": TEXT.repeat(200)}));
    assert_eq!(code(&body), "STORAGE_FULL", "{body:#}");
    assert_eq!(
        counts(&server)["stats"]["sourceCount"],
        3,
        "nothing was published"
    );
    assert!(
        server.data("{ entity(id: \"tom-cruise\") { name } }", json!({}))["entity"]["name"]
            == "Tom Cruise"
    );
}

#[test]
fn the_cost_estimate_follows_the_graph_as_writes_change_it() {
    // A typed list is costed by the longest such list in the graph; when writes lengthen it, the
    // estimate must grow with it, or it stops being an upper bound.
    let dir = tempfile::tempdir().expect("a temp dir");
    let schema_config = schema::SchemaConfig {
        query_limits: schema::QueryLimits {
            max_cost: 100,
            ..schema::QueryLimits::default()
        },
        ..schema::SchemaConfig::default()
    };
    let config = server::Config {
        write_tokens: tokens(),
        ..server::Config::default()
    };
    let server = start_live(
        Arc::new(open(&dir.path().join("kg.sqlite"))),
        config,
        schema_config,
    );
    let nested = "{ entity(id: \"simone-biles\") { ... on Person { handedFlagTo { ... on Person { \
        handedFlagTo { ... on Person { handedFlagTo { id } } } } } } } }";
    let before = server.query(nested, json!({}));
    assert!(before.get("errors").is_none(), "{before:#}");

    let people = [
        "snoop-dogg",
        "billie-eilish",
        "h-e-r",
        "emmanuel-macron",
        "karen-bass",
    ];
    let text: String = people
        .iter()
        .map(|p| format!("Biles handed the flag to {p}. "))
        .collect();
    let source = "mutation($text: String!) { addSource(input: {id: \"flag-log\", title: \"Flag log\", \
        language: \"en\", text: $text}) { added } }";
    let added = server.post_as(Some(SECRET), source, json!({"text": text}));
    assert!(added.get("errors").is_none(), "{added:#}");
    let claims: Vec<Value> = people
        .iter()
        .map(|p| json!({"subject": "simone-biles", "predicate": "HANDED_FLAG_TO", "object": p,
            "evidence": [{"source": "flag-log", "quote": format!("Biles handed the flag to {p}.")}]}))
        .collect();
    let add = "mutation($claims: [ClaimInput!]!) { addClaims(input: $claims) { addedCount } }";
    let written = server.post_as(Some(SECRET), add, json!({"claims": claims}));
    assert_eq!(written["data"]["addClaims"]["addedCount"], 5, "{written:#}");

    let after = server.query(nested, json!({}));
    assert_eq!(code(&after), "QUERY_TOO_COMPLEX", "{after:#}");
}

#[test]
fn new_quotes_for_a_claim_already_there_are_added_to_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let server = serve(open(&dir.path().join("kg.sqlite")), tokens());
    let text = "Tom Cruise performed at the closing ceremony, then rode away with the flag.";
    let source = "mutation($text: String!) { addSource(input: {id: \"second-wire\", title: \"Second wire\", \
        language: \"en\", text: $text}) { graphVersion } }";
    let v1 = server.post_as(Some(SECRET), source, json!({"text": text}))["data"]["addSource"]["graphVersion"].clone();
    let claim = |quote: &str| {
        json!([{"subject": "tom-cruise", "predicate": "PERFORMED_AT", "object": "closing-ceremony",
            "evidence": [{"source": "second-wire", "quote": quote}]}])
    };
    let add = "mutation($claims: [ClaimInput!]!) { addClaims(input: $claims) { graphVersion addedCount ids } }";
    let quotes = "{ node(id: \"tom-cruise.PERFORMED_AT.closing-ceremony\") { ... on Relation { evidence { source { id } quote } } } }";
    let cited = |server: &TestServer| -> Vec<String> {
        server.data(quotes, json!({}))["node"]["evidence"]
            .as_array()
            .expect("evidence")
            .iter()
            .map(|e| {
                format!(
                    "{}: {}",
                    e["source"]["id"].as_str().unwrap_or(""),
                    e["quote"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    let before = cited(&server);

    let body = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": claim("Tom Cruise performed at the closing ceremony")}),
    );
    let out = &body["data"]["addClaims"];
    assert_eq!(out["addedCount"], 0, "{body:#}");
    assert_eq!(out["ids"][0], "tom-cruise.PERFORMED_AT.closing-ceremony");
    assert_eq!(
        out["graphVersion"],
        v1.as_u64().expect("a version") + 1,
        "the claim changed"
    );
    let after = cited(&server);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert!(
        after.contains(&"second-wire: Tom Cruise performed at the closing ceremony".to_owned())
    );

    // The same quote again changes nothing; a quote the source lacks is refused, naming the item.
    let again = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": claim("Tom Cruise performed at the closing ceremony")}),
    );
    assert_eq!(
        again["data"]["addClaims"]["graphVersion"], out["graphVersion"],
        "{again:#}"
    );
    let bad = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": claim("Tom Cruise sang")}),
    );
    assert_eq!(code(&bad), "QUOTE_NOT_FOUND", "{bad:#}");
    assert_eq!(bad["errors"][0]["extensions"]["index"], 0, "{bad:#}");
    assert_eq!(cited(&server), after);
}

#[test]
fn writes_on_layers_and_after_compaction_answer_as_a_reload_does() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("kg.sqlite");
    let compaction = olympia_kg::store::Compaction {
        items: 3,
        writes: 2,
    };
    let live = Arc::new(open(&path).with_compaction(compaction));
    let server = start_live(
        live.clone(),
        server::Config {
            write_tokens: tokens(),
            ..server::Config::default()
        },
        schema::SchemaConfig::default(),
    );
    let ok = |body: Value| assert!(body.get("errors").is_none(), "{body:#}");
    ok(server.post_as(Some(SECRET), ADD_SOURCE, json!({"text": TEXT})));
    // Named in the source added before it: its mention is found there at once.
    ok(server.post_as(Some(SECRET), ADD_ENTITY, json!({})));
    let mentions = server.data(
        "{ entity(id: \"wade-eastwood\") { mentionedIn { id } } }",
        json!({}),
    );
    assert_eq!(
        mentions["entity"]["mentionedIn"][0]["id"], "wire-report",
        "the source names Wade Eastwood: {mentions:#}"
    );
    ok(server.post_as(Some(SECRET), ADD_CLAIMS, json!({"claims": stunt_claims()})));
    let retract = "mutation { retractClaim(id: \"tom-cruise.PERFORMED_AT.stade-de-france\", \
        reason: \"test\") { graphVersion } }";
    ok(server.post_as(Some(SECRET), retract, json!({})));

    // The compaction the writes started ends with the same answers, on fewer layers.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while live.snapshot().graph.layered().writes >= 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "no compaction within 30 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let served = live.snapshot().graph.clone();
    let reloaded = open(&path).snapshot().graph.clone();
    assert_eq!(served.stats(), reloaded.stats());
    assert_eq!(served.mentions(), reloaded.mentions());
    assert_eq!(
        served.claims().collect::<Vec<_>>(),
        reloaded.claims().collect::<Vec<_>>()
    );
    assert_eq!(served.entities(), reloaded.entities());
    for e in served.entities().iter() {
        let (a, b) = (
            served.entity_by_key(&e.key).expect("an id"),
            reloaded.entity_by_key(&e.key).expect("an id"),
        );
        let steps = |g: &olympia_kg::graph::KnowledgeGraph, id| {
            g.steps(id, olympia_kg::graph::Direction::Both)
                .collect::<Vec<_>>()
        };
        assert_eq!(steps(&served, a), steps(&reloaded, b), "{}", e.key);
        assert_eq!(served.sources_mentioning(a), reloaded.sources_mentioning(b));
    }
    assert_eq!(served.compact().list_bounds(), reloaded.list_bounds());
}

#[test]
fn quantity_claims_keep_each_source_gain_quotes_and_are_retracted() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("kg.sqlite");
    let server = serve(open(&path), tokens());
    let text = "More than 70,000 spectators filled the stadium. The crowd of more than 70,000 spectators sang.";
    let source = "mutation($text: String!) { addSource(input: {id: \"crowd-wire\", title: \"Crowd\", \
        language: \"en\", text: $text}) { graphVersion } }";
    let body = server.post_as(Some(SECRET), source, json!({"text": text}));
    assert!(body.get("errors").is_none(), "{body:#}");
    let figure = |quote: &str| {
        json!([{"subject": "closing-ceremony",
            "quantity": {"property": "spectators", "value": 70000, "unit": "people", "hedge": "MORE_THAN"},
            "evidence": [{"source": "crowd-wire", "quote": quote}]}])
    };
    let add = "mutation($claims: [ClaimInput!]!) { addClaims(input: $claims) { graphVersion addedCount ids \
        quantities { id source { id } evidence { quote } } } }";
    let figures = "query($all: Boolean!) { entity(id: \"closing-ceremony\") { \
        quantities(property: \"spectators\", includeRetracted: $all) { figures: values { id source { id } \
        evidence { quote } retraction { reason } } } } }";
    let listed = |all: bool| -> Vec<Value> {
        let data = server.data(figures, json!({"all": all}));
        data["entity"]["quantities"]
            .as_array()
            .expect("groups")
            .iter()
            .flat_map(|g| g["figures"].as_array().cloned().unwrap_or_default())
            .collect()
    };
    let before = listed(false);

    // The seed's report states the same figure; this source's is a claim of its own, quote kept.
    let body = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": figure("More than 70,000 spectators filled the stadium")}),
    );
    let out = &body["data"]["addClaims"];
    assert_eq!(out["addedCount"], 1, "{body:#}");
    let id = out["ids"][0].as_str().expect("an id").to_owned();
    assert_eq!(
        out["quantities"][0]["source"]["id"], "crowd-wire",
        "{body:#}"
    );
    assert_eq!(listed(false).len(), before.len() + 1);

    // A second quote of the same source for the same figure joins that claim's evidence.
    let body = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": figure("The crowd of more than 70,000 spectators sang")}),
    );
    assert_eq!(body["data"]["addClaims"]["addedCount"], 0, "{body:#}");
    assert_eq!(body["data"]["addClaims"]["ids"][0], id.as_str());
    let ours = |all: bool| -> Vec<Value> {
        listed(all)
            .into_iter()
            .filter(|f| f["id"] == id.as_str())
            .collect()
    };
    assert_eq!(
        ours(false)[0]["evidence"].as_array().map(Vec::len),
        Some(2),
        "{:#?}",
        ours(false)
    );

    // Retracted: kept and marked, left out of lists unless asked, and announced as a quantity.
    let retract = "mutation($id: ID!) { retractClaim(id: $id, reason: \"double count\") { \
        relation { id } quantity { id retraction { reason by } } } }";
    let body = server.post_as(Some(SECRET), retract, json!({"id": id}));
    let out = &body["data"]["retractClaim"];
    assert!(out["relation"].is_null(), "{body:#}");
    assert_eq!(
        out["quantity"]["retraction"]["reason"], "double count",
        "{body:#}"
    );
    assert_eq!(out["quantity"]["retraction"]["by"], "editor");
    assert_eq!(listed(false).len(), before.len());
    assert_eq!(ours(true).len(), 1);
    assert_eq!(ours(true)[0]["retraction"]["reason"], "double count");
    let in_source = "{ source(id: \"crowd-wire\") { a: quantities { id } b: quantities(includeRetracted: true) { id } } }";
    let data = server.data(in_source, json!({}));
    assert_eq!(
        data["source"]["a"].as_array().map(Vec::len),
        Some(0),
        "{data:#}"
    );
    assert_eq!(
        data["source"]["b"].as_array().map(Vec::len),
        Some(1),
        "{data:#}"
    );

    // Sending the retracted figure again adds a new claim rather than reviving the old one.
    let body = server.post_as(
        Some(SECRET),
        add,
        json!({"claims": figure("More than 70,000 spectators filled the stadium")}),
    );
    assert_eq!(body["data"]["addClaims"]["addedCount"], 1, "{body:#}");
    assert_ne!(body["data"]["addClaims"]["ids"][0], id.as_str());
    drop(server);

    // Kept through a restart, marked, with both quotes.
    let reopened = open(&path);
    let graph = reopened.snapshot().graph.clone();
    let Some(olympia_kg::graph::Item::Quantity(q)) = graph.lookup(&id) else {
        panic!("the figure is kept");
    };
    let q = graph.quantity(q);
    assert_eq!(
        q.retracted.as_ref().map(|r| r.reason.as_str()),
        Some("double count")
    );
    assert_eq!(q.evidence.len(), 2);
}
