//! The whole-graph analyses (`centrality`, `components`, `brokers`), black box: their answers
//! on the seed, their argument checks, their price in the limiter, the traversal budget, and a
//! write's new graph version analysed afresh.

mod common;

use std::sync::Arc;

use common::{server, start_live, start_with};
use olympia_kg::dataset::Location;
use olympia_kg::store::{Live, SqliteStore};
use olympia_kg::{schema, server as http};
use serde_json::{Value, json};

#[test]
fn centrality_ranks_every_entity_once_highest_first() {
    let data = server().data(
        "{ centrality(first: 100) { rank score entity { id } } stats { entityCount } }",
        json!({}),
    );
    let ranked = data["centrality"].as_array().expect("a list");
    let entities = data["stats"]["entityCount"].as_u64().expect("a count") as usize;
    assert_eq!(ranked.len(), entities.min(100));
    let scores: Vec<f64> = ranked
        .iter()
        .map(|r| r["score"].as_f64().expect("a score"))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|&s| s > 0.0));
    let ranks: Vec<u64> = ranked
        .iter()
        .map(|r| r["rank"].as_u64().expect("a rank"))
        .collect();
    assert_eq!(ranks, (1..=ranked.len() as u64).collect::<Vec<_>>());
    // The seed's scores sum to 1 (every entity is in the first 100).
    if entities <= 100 {
        assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}

#[test]
fn a_kind_filter_ranks_only_that_kind_and_components_partition_it() {
    let data = server().data(
        "{ centrality(kinds: [PERSON], first: 100) { entity { __typename } }
           components(kinds: [PERSON], first: 100) { size relations }
           people: entities(kind: PERSON, first: 1) { totalCount } }",
        json!({}),
    );
    let people = data["people"]["totalCount"].as_u64().expect("a count");
    let ranked = data["centrality"].as_array().expect("a list");
    assert_eq!(ranked.len() as u64, people);
    assert!(ranked.iter().all(|r| r["entity"]["__typename"] == "Person"));
    let sizes: Vec<u64> = data["components"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["size"].as_u64().expect("a size"))
        .collect();
    assert_eq!(
        sizes.iter().sum::<u64>(),
        people,
        "every person in one component"
    );
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn brokers_split_their_component() {
    let data = server().data(
        "{ brokers(first: 100) { entity { id } relations componentSize pieces separated } }",
        json!({}),
    );
    let brokers = data["brokers"].as_array().expect("a list");
    assert!(!brokers.is_empty());
    let number = |b: &Value, field: &str| b[field].as_u64().expect("a number");
    for b in brokers {
        // Neighbours on two sides, in a component of three or more, which falls in two or more
        // pieces without it, cutting off at least one entity and fewer than the component.
        assert!(number(b, "relations") >= 2, "{b}");
        assert!(number(b, "componentSize") >= 3, "{b}");
        assert!(number(b, "pieces") >= 2, "{b}");
        assert!(number(b, "separated") >= 1, "{b}");
        assert!(
            number(b, "separated") <= number(b, "componentSize") - 2,
            "{b}"
        );
    }
    let separated: Vec<u64> = brokers.iter().map(|b| number(b, "separated")).collect();
    assert!(separated.windows(2).all(|w| w[0] >= w[1]), "{separated:?}");
    let ids: Vec<&str> = brokers
        .iter()
        .filter_map(|b| b["entity"]["id"].as_str())
        .collect();
    assert!(ids.contains(&"closing-ceremony"), "{ids:?}");
}

#[test]
fn arguments_out_of_range_are_refused() {
    for query in [
        "{ centrality(first: 0) { rank } }",
        "{ components(first: 101) { size } }",
        "{ brokers(first: -1) { relations } }",
        "{ components { members(first: 0) { id } } }",
    ] {
        let (message, code) = server().error(query, json!({}));
        assert_eq!(code, "ARGUMENT_OUT_OF_RANGE", "{query}: {message}");
        assert!(message.contains("`first`"), "{message}");
    }
}

#[test]
fn each_analysis_is_priced_so_that_eleven_do_not_fit_the_cost_limit() {
    let one = "{ centrality(first: 1) { score } }";
    assert!(server().query(one, json!({})).get("errors").is_none());
    let many: String = (0..11)
        .map(|i| format!("a{i}: components(first: 1) {{ size }} "))
        .collect();
    let (message, code) = server().error(&format!("{{ {many} }}"), json!({}));
    assert_eq!(code, "QUERY_TOO_COMPLEX", "{message}");
}

#[test]
fn a_graph_larger_than_the_traversal_budget_is_not_analysed() {
    let people = server().data("{ entities(kind: PERSON) { totalCount } }", json!({}))["entities"]
        ["totalCount"]
        .as_u64()
        .expect("a count");
    // A budget of exactly the people: the whole graph is refused, the people alone are not.
    let mut config = schema::SchemaConfig::default();
    config.limits.traversal_max_visited = people as usize;
    let small = start_with(http::Config::default(), config);
    let body = small.query("{ centrality { rank } }", json!({}));
    assert_eq!(body["data"]["centrality"], json!([]));
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "TRAVERSAL_BUDGET_EXCEEDED",
        "{body:#}"
    );
    let body = small.query(
        "{ centrality(kinds: [PERSON], first: 100) { rank } }",
        json!({}),
    );
    assert!(body.get("errors").is_none(), "{body:#}");
    assert_eq!(
        body["data"]["centrality"].as_array().map(Vec::len),
        Some(people as usize)
    );
}

const SECRET: &str = "test-secret-0123456789";

fn components(server: &common::TestServer) -> Vec<u64> {
    server.data("{ components(first: 100) { size } }", json!({}))["components"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["size"].as_u64().expect("a size"))
        .collect()
}

#[test]
fn a_write_is_analysed_in_its_own_graph_version() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = SqliteStore::open(&dir.path().join("kg.sqlite")).expect("the store opens");
    let live = Live::open(Box::new(store), &Location::Embedded, &mut |_| {}).expect("loads");
    let config = http::Config {
        write_tokens: http::WriteTokens::parse([(1, "editor:test-secret-0123456789")], "test")
            .expect("valid"),
        ..http::Config::default()
    };
    let server = start_live(Arc::new(live), config, schema::SchemaConfig::default());
    let before = components(&server);
    assert!(
        before.contains(&1),
        "Neeraj Chopra stands alone in the seed"
    );

    let write = |query: &str, variables: Value| {
        let body = server.post_as(Some(SECRET), query, variables);
        assert!(body.get("errors").is_none(), "{body:#}");
    };
    write(
        "mutation { addSource(input: {id: \"javelin-report\", title: \"Javelin\", \
         publishedOn: \"2024-08-08\", language: \"en\", text: \"Neeraj Chopra threw in the \
         javelin final at the Paris Olympics.\"}) { graphVersion } }",
        json!({}),
    );
    write(
        "mutation($claims: [ClaimInput!]!) { addClaims(input: $claims) { graphVersion } }",
        json!({ "claims": [{
            "subject": "neeraj-chopra", "predicate": "PARTICIPATED_IN",
            "object": "paris-2024-olympics",
            "evidence": [{"source": "javelin-report",
                          "quote": "Neeraj Chopra threw in the javelin final at the Paris Olympics"}]
        }]}),
    );
    let after = components(&server);
    assert_eq!(after.len(), before.len() - 1, "{before:?} then {after:?}");
    assert_eq!(after[0], before[0] + 1, "he joins the largest component");
}
