//! Hostile queries, one per attack of the OWASP GraphQL cheat sheet that applies here, and the
//! bad inputs of every kind: each is refused before it runs, with a message naming the limit and
//! an `extensions.code`, and none takes the server down.

mod common;

use std::time::Duration;

use common::{server, start_with};
use olympia_kg::schema::{Limits, SchemaConfig};
use olympia_kg::server::Config;
use serde_json::{Value, json};

/// Asserts that `query` is refused with `code` and a message containing `words`.
fn refused(query: &str, variables: Value, code: &str, words: &str) {
    let (status, body) = server().post(&json!({ "query": query, "variables": variables }));
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], json!(code), "{body:#}");
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains(words),
        "{:?} should say {words:?}",
        error["message"]
    );
    assert!(status == 200 || status == 400, "status {status}");
    assert!(
        body.get("data").is_none() || body["data"].is_null() || code == "ARGUMENT_OUT_OF_RANGE",
        "{body:#}"
    );
}

#[test]
fn deep_nesting_through_relations() {
    let mut query = String::from("{ entity(id: \"tom-cruise\") { ");
    for _ in 0..4 {
        query.push_str("relations(first: 1) { nodes { object { ");
    }
    query.push_str("id");
    query.push_str(&" } } }".repeat(4));
    query.push_str(" } }");
    refused(
        &query,
        json!({}),
        "QUERY_TOO_DEEP",
        "over the limit of 10 (--max-depth)",
    );
}

#[test]
fn nested_lists_multiply_into_a_refused_cost_even_through_interfaces() {
    let query = r#"{ node(id: "paris") { ... on Entity { relations(first: 100) { nodes { subject { relations(first: 100) { nodes { id } } } } } } } }"#;
    refused(query, json!({}), "QUERY_TOO_COMPLEX", "estimated cost is");
    // The same through a variable, and with sizes that would overflow without saturation.
    let query = "query($n: Int) { entities(first: $n) { nodes { relations(first: $n) { nodes { subject { relations(first: $n) { nodes { id } } } } } } } }";
    refused(
        query,
        json!({ "n": 2147483647 }),
        "QUERY_TOO_COMPLEX",
        "--max-cost",
    );
}

#[test]
fn alias_overloading() {
    let fields: String = (0..16)
        .map(|i| format!("a{i}: stats {{ entities }} "))
        .collect();
    refused(
        &format!("{{ {fields} }}"),
        json!({}),
        "TOO_MANY_ALIASES",
        "16 aliases, over the limit of 15",
    );
    let fields: String = (0..15)
        .map(|i| format!("a{i}: stats {{ entities }} "))
        .collect();
    assert!(
        server()
            .query(&format!("{{ {fields} }}"), json!({}))
            .get("errors")
            .is_none(),
        "15 aliases are allowed"
    );
}

#[test]
fn field_duplication() {
    let fields = "entities ".repeat(1000);
    refused(
        &format!("{{ stats {{ {fields} }} }}"),
        json!({}),
        "TOO_MANY_TOKENS",
        "more than 1000 tokens",
    );
}

#[test]
fn too_many_root_fields() {
    let fields = "stats { entities } ".repeat(21);
    refused(
        &format!("{{ {fields} }}"),
        json!({}),
        "TOO_MANY_ROOT_FIELDS",
        "21 root fields, over the limit of 20",
    );
}

#[test]
fn fragment_cycles_and_bombs() {
    refused(
        "{ stats { ...A } } fragment A on Stats { entities ...B } fragment B on Stats { sources ...A }",
        json!({}),
        "GRAPHQL_VALIDATION_FAILED",
        "recursion depth of the query cannot be greater than `32`",
    );
    let mut query = String::from("{ entities(first: 100) { nodes { ...F0 } } }\n");
    // Each fragment spreads the next four times: 4^12 selections if expanded.
    for i in 0..12 {
        let next = i + 1;
        query.push_str(&format!(
            "fragment F{i} on Entity {{ id ...F{next} ...F{next} ...F{next} ...F{next} }}\n"
        ));
    }
    query.push_str("fragment F12 on Entity { name }\n");
    refused(&query, json!({}), "QUERY_TOO_COMPLEX", "--max-cost");
}

#[test]
fn directive_overloading() {
    let directives = "@include(if: true) ".repeat(51);
    refused(
        &format!("{{ stats {directives} {{ entities }} }}"),
        json!({}),
        "TOO_MANY_DIRECTIVES",
        "51 directives, over the limit of 50",
    );
}

#[test]
fn huge_page_sizes_and_hop_counts() {
    refused(
        r#"{ node(id: "paris") { ... on Entity { relations(first: 1000) { totalCount } } } }"#,
        json!({}),
        "ARGUMENT_OUT_OF_RANGE",
        "`first` must be between 1 and 100",
    );
    refused(
        r#"{ path(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 50) { length } }"#,
        json!({}),
        "ARGUMENT_OUT_OF_RANGE",
        "`maxHops` must be between 1 and 6",
    );
    refused(
        r#"{ neighborhood(id: "paris", hops: 10) { complete } }"#,
        json!({}),
        "ARGUMENT_OUT_OF_RANGE",
        "`hops` must be between 1 and 3",
    );
    refused(
        r#"{ related(to: "paris", maxHops: 9) { distance } }"#,
        json!({}),
        "ARGUMENT_OUT_OF_RANGE",
        "`maxHops` must be between 1 and 4",
    );
}

#[test]
fn circular_introspection() {
    refused(
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
        json!({}),
        "INTROSPECTION_TOO_DEEP",
        "nested inside itself",
    );
    let standard = include_str!("queries/introspection.graphql");
    let body = server().query(standard, json!({}));
    assert!(
        body.get("errors").is_none(),
        "GraphiQL's introspection query still runs: {body:#}"
    );
}

#[test]
fn oversized_queries_and_bodies() {
    let long = format!("{{ stats {{ entities }} }} #{}", "x".repeat(20 * 1024));
    refused(
        &long,
        json!({}),
        "QUERY_TOO_LONG",
        "over the limit of 16384 (--max-query-bytes)",
    );
    // Over the 64 KiB body limit (a much larger body is refused the same way, but the client
    // may not be able to read the answer before the server closes the connection).
    let huge = json!({ "query": "x".repeat(80 * 1024) })
        .to_string()
        .into_bytes();
    let (status, _, _) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        huge,
    );
    assert_eq!(status, 413);
}

#[test]
fn batches_are_bounded() {
    let batch: Vec<Value> = (0..1000)
        .map(|_| json!({ "query": "{ stats { entities } }" }))
        .collect();
    let (status, _, text) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        Value::Array(batch).to_string().into_bytes(),
    );
    assert_eq!(status, 400);
    assert!(
        text.contains("a batch must hold 1 to 10 operations, got 1000"),
        "{text}"
    );
}

#[test]
fn bad_values_of_every_kind_are_clear_errors() {
    refused(
        "{ entity(id: \"tom-cruise\") { relations(predicates: [NOPE]) { totalCount } } }",
        json!({}),
        "GRAPHQL_VALIDATION_FAILED",
        "does not contain the value \"NOPE\"",
    );
    refused(
        "query($k: [EntityKind!]) { search(text: \"paris\", kinds: $k) { id } }",
        json!({ "k": ["CITY"] }),
        "GRAPHQL_VALIDATION_FAILED",
        "CITY",
    );
    refused(
        "query($n: Int!) { entities(first: $n) { totalCount } }",
        json!({ "n": "ten" }),
        "GRAPHQL_VALIDATION_FAILED",
        "expected type \"Int\"",
    );
    refused(
        "query($n: Int!) { entities(first: $n) { totalCount } }",
        json!({}),
        "BAD_USER_INPUT",
        "variable \"$n\" of required type \"Int!\" was not provided",
    );
    refused("{ entities(", json!({}), "GRAPHQL_PARSE_FAILED", "");
    refused(
        "{ entity(id: \"\") { id } }",
        json!({}),
        "INVALID_ID",
        "not a valid id",
    );
    refused(
        "{ entities(after: \"!!\") { totalCount } }",
        json!({}),
        "INVALID_CURSOR",
        "not a cursor this API issued",
    );
    refused(
        "{ search(text: \"\") { id } }",
        json!({}),
        "ARGUMENT_OUT_OF_RANGE",
        "`text` must be 1 to 200 characters",
    );
    refused(
        "query($t: String!) { search(text: $t) { id } }",
        json!({ "t": "é".repeat(5000) }),
        "ARGUMENT_OUT_OF_RANGE",
        "got 5000 characters",
    );
    let (_, body) =
        server().post(&json!({ "query": "query A { stats { entities } }", "operationName": "B" }));
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Unknown operation named \"B\""),
        "{body}"
    );
}

#[test]
fn traversal_budgets_return_what_is_complete_and_say_so() {
    let config = SchemaConfig {
        limits: Limits {
            traversal_max_visited: 3,
            ..Limits::default()
        },
        ..SchemaConfig::default()
    };
    let small = start_with(Config::default(), config);
    let body = small.query(
        r#"{ path(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 6) { length } }"#,
        json!({}),
    );
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        json!("TRAVERSAL_BUDGET_EXCEEDED"),
        "{body:#}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("3 visited entities")
    );
    assert_eq!(body["data"]["path"], Value::Null);
    let body = small.query(
        r#"{ related(to: "paris", maxHops: 2) { entity { id } } }"#,
        json!({}),
    );
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        json!("TRAVERSAL_BUDGET_EXCEEDED")
    );
    assert_eq!(
        body["data"]["related"].as_array().map(Vec::len),
        Some(3),
        "the complete part is returned: {body:#}"
    );
}

#[test]
fn introspection_and_suggestions_can_be_turned_off() {
    let closed = start_with(
        Config::default(),
        SchemaConfig {
            introspection: false,
            suggestions: false,
            ..SchemaConfig::default()
        },
    );
    let body = closed.query("{ __schema { types { name } } }", json!({}));
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        json!("INTROSPECTION_DISABLED"),
        "{body:#}"
    );
    let body = closed.query("{ __type(name: \"Person\") { name } }", json!({}));
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        json!("INTROSPECTION_DISABLED"),
        "{body:#}"
    );
    assert!(
        closed
            .query("{ stats { __typename } }", json!({}))
            .get("errors")
            .is_none(),
        "__typename is not introspection"
    );
    let body = closed.query("{ stats { entitie } }", json!({}));
    assert!(!body.to_string().contains("Did you mean"), "{body}");
    let body = server().query("{ stats { entitie } }", json!({}));
    assert!(
        body.to_string().contains("Did you mean"),
        "suggestions are on by default: {body}"
    );
}

#[test]
fn a_request_over_the_time_limit_gets_a_timeout_error() {
    let hurried = start_with(
        Config {
            timeout: Duration::ZERO,
            ..Config::default()
        },
        SchemaConfig::default(),
    );
    let (status, _, text) = hurried.raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        br#"{"query": "{ stats { entities } }"}"#.to_vec(),
    );
    assert_eq!(status, 200, "{text}");
    assert!(
        text.contains("\"TIMEOUT\"") && text.contains("(--timeout-ms)"),
        "{text}"
    );
}

#[test]
fn the_server_still_answers_after_all_of_this() {
    deep_nesting_through_relations();
    alias_overloading();
    oversized_queries_and_bodies();
    let data = server().data(r#"{ entity(id: "tom-cruise") { name } }"#, json!({}));
    assert_eq!(data["entity"]["name"], json!("Tom Cruise"));
}
