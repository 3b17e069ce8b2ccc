//! Black-box tests of the GraphQL API over HTTP: ids, pagination, argument errors.

mod common;

use common::server;
use serde_json::{Value, json};

fn all_entity_ids() -> Vec<String> {
    let graph = olympia_kg::dataset::load_embedded().expect("seed loads");
    graph.entities().iter().map(|e| e.key.clone()).collect()
}

#[test]
fn node_round_trips_every_id() {
    let graph = olympia_kg::dataset::load_embedded().expect("seed loads");
    let mut ids: Vec<String> = graph.entities().iter().map(|e| e.key.clone()).collect();
    ids.extend(graph.sources().iter().map(|s| s.key.clone()));
    ids.extend(graph.claims().map(|c| c.key().into_owned()));
    ids.extend(graph.quantities().iter().map(|q| q.key.clone()));
    for chunk in ids.chunks(100) {
        let data = server().data(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
            json!({ "ids": chunk }),
        );
        let nodes = data["nodes"].as_array().expect("a list");
        assert_eq!(nodes.len(), chunk.len());
        for (node, id) in nodes.iter().zip(chunk) {
            assert_eq!(node["id"], json!(id), "nodes() returns {id} in place");
        }
    }
    for id in ids.iter().step_by(7) {
        let data = server().data(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": id }),
        );
        assert_eq!(data["node"]["id"], json!(id));
    }
    let entity = server().data(
        r#"{ node(id: "tom-cruise") { __typename ... on Entity { name kind } } }"#,
        json!({}),
    );
    assert_eq!(
        entity["node"],
        json!({ "__typename": "Person", "name": "Tom Cruise", "kind": "PERSON" })
    );
}

#[test]
fn unknown_ids_are_null_not_errors() {
    let data = server().data(
        r#"{ node(id: "nobody") { id } entity(id: "nobody") { id } source(id: "nobody") { id }
             relation(id: "nobody") { id } path(from: "nobody", to: "tom-cruise") { length }
             neighborhood(id: "nobody") { complete } chain(from: "nobody", predicate: HANDED_FLAG_TO) { id }
             nodes(ids: ["tom-cruise", "nobody"]) { id } }"#,
        json!({}),
    );
    assert_eq!(data["node"], Value::Null);
    assert_eq!(data["entity"], Value::Null);
    assert_eq!(data["source"], Value::Null);
    assert_eq!(data["relation"], Value::Null);
    assert_eq!(data["path"], Value::Null);
    assert_eq!(data["neighborhood"], Value::Null);
    assert_eq!(data["chain"], json!([]));
    assert_eq!(data["nodes"], json!([{ "id": "tom-cruise" }, null]));
}

const PAGE: &str = "query($first: Int, $after: String, $last: Int, $before: String) {
  entities(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id }
  }
}";

#[test]
fn pagination_walks_every_entity_once_forwards_and_backwards() {
    let expected = all_entity_ids();
    for size in [1, 7, 100] {
        let mut seen = Vec::new();
        let mut after = Value::Null;
        loop {
            let data = server().data(PAGE, json!({ "first": size, "after": after }));
            let page = &data["entities"];
            assert_eq!(page["totalCount"], json!(expected.len()));
            let ids: Vec<String> = page["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|e| e["node"]["id"].as_str().expect("id").to_owned())
                .collect();
            let nodes: Vec<String> = page["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|n| n["id"].as_str().expect("id").to_owned())
                .collect();
            assert_eq!(ids, nodes, "edges and nodes agree");
            assert!(ids.len() <= size);
            seen.extend(ids);
            if page["pageInfo"]["hasNextPage"] != json!(true) {
                break;
            }
            after = page["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(seen, expected, "forwards with first: {size}");

        let mut seen = Vec::new();
        let mut before = Value::Null;
        loop {
            let data = server().data(PAGE, json!({ "last": size, "before": before }));
            let page = &data["entities"];
            let ids: Vec<String> = page["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|e| e["node"]["id"].as_str().expect("id").to_owned())
                .collect();
            seen.splice(0..0, ids);
            if page["pageInfo"]["hasPreviousPage"] != json!(true) {
                break;
            }
            before = page["pageInfo"]["startCursor"].clone();
        }
        assert_eq!(seen, expected, "backwards with last: {size}");
    }
}

#[test]
fn relation_connections_page_and_filter() {
    let query = r#"query($after: String) { entity(id: "tom-cruise") { relations(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { direction neighbor { id } node { id subject { id } object { id } } } } } }"#;
    let mut after = Value::Null;
    let mut seen = Vec::new();
    loop {
        let data = server().data(query, json!({ "after": after }));
        let conn = &data["entity"]["relations"];
        for edge in conn["edges"].as_array().expect("edges") {
            let node = &edge["node"];
            let outgoing = node["subject"]["id"] == json!("tom-cruise");
            assert_eq!(
                edge["direction"],
                json!(if outgoing { "OUTGOING" } else { "INCOMING" })
            );
            let other = if outgoing {
                &node["object"]["id"]
            } else {
                &node["subject"]["id"]
            };
            assert_eq!(&edge["neighbor"]["id"], other);
            seen.push(node["id"].clone());
        }
        if conn["pageInfo"]["hasNextPage"] != json!(true) {
            assert_eq!(conn["totalCount"], json!(seen.len()));
            break;
        }
        after = conn["pageInfo"]["endCursor"].clone();
    }
    assert!(seen.len() >= 3, "Cruise takes part in several relations");
    let incoming = server().data(
        r#"{ entity(id: "tom-cruise") { relations(predicates: [HANDED_FLAG_TO], direction: INCOMING) { nodes { subject { id } } } } }"#,
        json!({}),
    );
    assert_eq!(
        incoming["entity"]["relations"]["nodes"],
        json!([{ "subject": { "id": "simone-biles" } }])
    );
}

#[test]
fn out_of_range_arguments_name_the_argument_and_range() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{ entities(first: 0) { totalCount } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ entities(first: 101) { totalCount } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ entities(last: -1) { totalCount } }"#,
            "`last` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ entities(first: 1, last: 1) { totalCount } }"#,
            "not both",
            "INVALID_ARGUMENTS",
        ),
        (
            r#"{ entities(after: "bogus") { totalCount } }"#,
            "`after` is not a cursor",
            "INVALID_CURSOR",
        ),
        (
            r#"{ entities(before: "Y3Vyc29yOnYxOng") { totalCount } }"#,
            "`before` is not a cursor",
            "INVALID_CURSOR",
        ),
        (
            r#"{ entity(id: "tom-cruise") { relations(first: 500) { totalCount } } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ node(id: "tom-cruise") { ... on Person { relations(first: 500) { totalCount } } } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ path(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 7) { length } }"#,
            "`maxHops` must be between 1 and 6",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ path(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 0) { length } }"#,
            "`maxHops` must be between 1 and 6",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ paths(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 5) { length } }"#,
            "`maxHops` must be between 1 and 4",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ paths(from: "snoop-dogg", to: "emmanuel-macron", first: 1000) { length } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ neighborhood(id: "paris", hops: 4) { complete } }"#,
            "`hops` must be between 1 and 3",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ neighborhood(id: "paris", first: 0) { complete } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ related(to: "california", maxHops: 5) { distance } }"#,
            "`maxHops` must be between 1 and 4",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ related(to: "california", first: 101) { distance } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ search(text: "cruise", first: 0) { id } }"#,
            "`first` must be between 1 and 100",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ search(text: "   ") { id } }"#,
            "`text` must be 1 to 200 characters",
            "ARGUMENT_OUT_OF_RANGE",
        ),
        (
            r#"{ entity(id: "") { id } }"#,
            "`id` is not a valid id",
            "INVALID_ID",
        ),
        (
            r#"{ node(id: "tom cruise") { id } }"#,
            "`id` is not a valid id",
            "INVALID_ID",
        ),
    ];
    for (query, message, code) in cases {
        let (actual_message, actual_code) = server().error(query, json!({}));
        assert!(
            actual_message.contains(message),
            "{query}: expected {message:?} in {actual_message:?}"
        );
        assert_eq!(&actual_code, code, "{query}");
    }
    let long = "x".repeat(201);
    let (message, code) = server().error(
        "query($t: String!) { search(text: $t) { id } }",
        json!({ "t": long }),
    );
    assert!(message.contains("got 201 characters"), "{message}");
    assert_eq!(code, "ARGUMENT_OUT_OF_RANGE");
    let ids: Vec<String> = (0..101).map(|i| format!("id-{i}")).collect();
    let (message, code) = server().error(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        json!({ "ids": ids }),
    );
    assert!(message.contains("at most 100 ids, got 101"), "{message}");
    assert_eq!(code, "ARGUMENT_OUT_OF_RANGE");
}

#[test]
fn traversals_answer_the_product_questions() {
    let chain = server().data(r#"{ chain(from: "simone-biles", predicate: HANDED_FLAG_TO, direction: BOTH) { subject { id } object { id } } }"#, json!({}));
    assert_eq!(
        chain["chain"],
        json!([
            { "subject": { "id": "simone-biles" }, "object": { "id": "tom-cruise" } }
        ])
    );
    let cities = server().data(r#"{ chain(from: "los-angeles", predicate: HANDED_GAMES_TO, direction: INCOMING) { subject { id } object { id } } }"#, json!({}));
    assert_eq!(
        cities["chain"],
        json!([{ "subject": { "id": "paris" }, "object": { "id": "los-angeles" } }])
    );
    let paths = server().data(r#"{ paths(from: "snoop-dogg", to: "emmanuel-macron", maxHops: 3, first: 5) { length nodes { id } } }"#, json!({}));
    let paths = paths["paths"].as_array().expect("a list");
    assert!(!paths.is_empty());
    let lengths: Vec<u64> = paths
        .iter()
        .map(|p| p["length"].as_u64().expect("a length"))
        .collect();
    assert!(
        lengths.windows(2).all(|w| w[0] <= w[1]),
        "shortest first: {lengths:?}"
    );
    for path in paths {
        let nodes = path["nodes"].as_array().expect("nodes");
        assert_eq!(nodes.first(), Some(&json!({ "id": "snoop-dogg" })));
        assert_eq!(nodes.last(), Some(&json!({ "id": "emmanuel-macron" })));
    }
    let hood = server().data(r#"{ neighborhood(id: "tom-cruise", hops: 1) { complete nodes { distance entity { id } } relations { subject { id } object { id } } } }"#, json!({}));
    let hood = &hood["neighborhood"];
    assert_eq!(hood["complete"], json!(true));
    assert_eq!(
        hood["nodes"][0],
        json!({ "distance": 0, "entity": { "id": "tom-cruise" } })
    );
    let ids: Vec<&Value> = hood["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| &n["entity"]["id"])
        .collect();
    for relation in hood["relations"].as_array().expect("relations") {
        assert!(
            ids.contains(&&relation["subject"]["id"]) && ids.contains(&&relation["object"]["id"])
        );
    }
    let capped = server().query(
        r#"{ neighborhood(id: "paris", hops: 3, first: 2) { complete nodes { distance } } }"#,
        json!({}),
    );
    assert_eq!(capped["data"]["neighborhood"]["complete"], json!(false));
    assert_eq!(
        capped["data"]["neighborhood"]["nodes"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        capped["errors"][0]["extensions"]["code"],
        json!("TRAVERSAL_BUDGET_EXCEEDED")
    );
}

#[test]
fn typed_relationship_fields_agree_with_relations_and_take_the_same_filters() {
    // Every typed field is the `relations` connection filtered by its predicate and direction:
    // check that on every predicate of the vocabulary, for every entity that has one.
    let predicates = server().data(
        "{ predicates { predicate field inverseField symmetric subjectKinds objectKinds } }",
        json!({}),
    );
    let kind_type = |kind: &str| {
        let mut t = kind.to_lowercase();
        t[..1].make_ascii_uppercase();
        t
    };
    let mut checked = 0;
    for p in predicates["predicates"].as_array().expect("predicates") {
        let name = p["predicate"].as_str().expect("a name");
        let relations = server().data(
            &format!("{{ entities(first: 100) {{ nodes {{ id kind relations(predicates: [{name}], first: 12) {{ totalCount edges {{ direction neighbor {{ id }} }} }} }} }} }}"),
            json!({}),
        );
        for node in relations["entities"]["nodes"].as_array().expect("nodes") {
            let edges = node["relations"]["edges"].as_array().expect("edges");
            assert_eq!(
                node["relations"]["totalCount"],
                json!(edges.len()),
                "one page holds them"
            );
            if edges.is_empty() {
                continue;
            }
            let ty = kind_type(node["kind"].as_str().expect("kind"));
            let mut expected_out: Vec<&Value> = Vec::new();
            let mut expected_in: Vec<&Value> = Vec::new();
            for e in edges {
                let list = if e["direction"] == "OUTGOING" {
                    &mut expected_out
                } else {
                    &mut expected_in
                };
                if !list.contains(&&e["neighbor"]["id"]) {
                    list.push(&e["neighbor"]["id"]);
                }
            }
            let (field, inverse) = (
                p["field"].as_str().expect("field"),
                p["inverseField"].as_str(),
            );
            let mut selection = String::new();
            if inverse.is_none() || !expected_out.is_empty() {
                selection += &format!(" {field} {{ id }}");
            }
            if let Some(inverse) = inverse.filter(|_| !expected_in.is_empty()) {
                selection += &format!(" {inverse} {{ id }}");
            }
            let query =
                format!("query($id: ID!) {{ entity(id: $id) {{ ... on {ty} {{{selection} }} }} }}");
            let got = server().data(&query, json!({ "id": node["id"] }));
            let ids = |v: &Value| -> Vec<Value> {
                v.as_array()
                    .expect("a list")
                    .iter()
                    .map(|e| e["id"].clone())
                    .collect()
            };
            match inverse {
                Some(inverse) => {
                    if !expected_out.is_empty() {
                        assert_eq!(
                            ids(&got["entity"][field]),
                            expected_out.into_iter().cloned().collect::<Vec<_>>(),
                            "{name} {field} of {}",
                            node["id"]
                        );
                    }
                    if !expected_in.is_empty() {
                        assert_eq!(
                            ids(&got["entity"][inverse]),
                            expected_in.into_iter().cloned().collect::<Vec<_>>(),
                            "{name} {inverse} of {}",
                            node["id"]
                        );
                    }
                }
                None => {
                    let mut both: Vec<Value> = expected_out.into_iter().cloned().collect();
                    for id in expected_in {
                        if !both.contains(id) {
                            both.push(id.clone());
                        }
                    }
                    let mut got_ids = ids(&got["entity"][field]);
                    got_ids.sort_by_key(|v| v.to_string());
                    both.sort_by_key(|v| v.to_string());
                    assert_eq!(got_ids, both, "{name} {field} of {}", node["id"]);
                }
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 50,
        "only {checked} entity-predicate pairs checked"
    );

    // The connection twin carries the evidence, pages, and leaves inferred relations out on
    // request; a field of the wrong type is a validation error, as for any field.
    let california = server().data(
        r#"{ entity(id: "california") { ... on Place {
            all: homeOfConnection { totalCount }
            stated: homeOfConnection(includeInferred: false) { totalCount edges { node { inferred evidence { quote } } } }
            page: homeOfConnection(first: 2) { pageInfo { hasNextPage } edges { cursor } }
        } } }"#,
        json!({}),
    );
    let place = &california["entity"];
    assert_eq!(place["all"]["totalCount"], json!(5));
    let stated = place["stated"]["edges"].as_array().expect("edges");
    assert_eq!(place["stated"]["totalCount"], json!(stated.len()));
    assert!(stated.iter().all(|e| e["node"]["inferred"] == json!(false)));
    assert_eq!(place["page"]["edges"].as_array().map(Vec::len), Some(2));
    assert_eq!(place["page"]["pageInfo"]["hasNextPage"], json!(true));
    let (message, code) = server().error(
        r#"{ entity(id: "california") { ... on Place { performedAt { id } } } }"#,
        json!({}),
    );
    assert!(message.contains("performedAt"), "{message}");
    assert_eq!(code, "GRAPHQL_VALIDATION_FAILED");
}

#[test]
fn evidence_offsets_index_the_source_text() {
    let ids = server().data("{ sources { id } }", json!({}));
    for source in ids["sources"].as_array().expect("sources") {
        // One source at a time keeps the query under the default cost limit.
        let data = server().data(
            "query($id: ID!) { source(id: $id) { id text claims(first: 100) { nodes { evidence { source { id } quote start end sentence } } } mentions { text start end entity { id } } } }",
            json!({ "id": source["id"] }),
        );
        let source = &data["source"];
        let text: Vec<char> = source["text"].as_str().expect("text").chars().collect();
        let slice = |start: &Value, end: &Value| -> String {
            text[start.as_u64().expect("start") as usize..end.as_u64().expect("end") as usize]
                .iter()
                .collect()
        };
        for claim in source["claims"]["nodes"].as_array().expect("claims") {
            for evidence in claim["evidence"].as_array().expect("evidence") {
                if evidence["source"]["id"] != source["id"] {
                    continue;
                }
                let quote = evidence["quote"].as_str().expect("quote");
                assert_eq!(slice(&evidence["start"], &evidence["end"]), quote);
                assert!(
                    evidence["sentence"]
                        .as_str()
                        .expect("sentence")
                        .contains(quote)
                );
            }
        }
        for mention in source["mentions"].as_array().expect("mentions") {
            assert_eq!(
                slice(&mention["start"], &mention["end"]),
                mention["text"].as_str().expect("text")
            );
        }
    }
}
