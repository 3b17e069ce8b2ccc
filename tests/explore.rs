//! The explorer at `/explore`: the page and its assets come from the binary under a policy that
//! forbids other origins, GraphiQL links to it, every query it sends answers on the seed without
//! errors (and within the server's limits), and `--no-graphiql` turns it off with GraphiQL.

mod common;

use common::{block_on, server, start_with};
use olympia_kg::server::explore::{OPERATIONS, operations};
use olympia_kg::{schema, server as app};
use serde_json::{Value, json};

/// GETs `path` and returns the status, the named headers' values and the body.
fn get(base: &str, path: &str, names: &[&str]) -> (u16, Vec<String>, String) {
    block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .expect("a client");
        let response = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let values = names
            .iter()
            .map(|n| {
                response
                    .headers()
                    .get(*n)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        (status, values, response.text().await.unwrap_or_default())
    })
}

#[test]
fn the_page_and_its_assets_come_from_the_binary_and_nowhere_else() {
    let (status, headers, html) = get(
        &server().base,
        "/explore",
        &["content-type", "content-security-policy"],
    );
    assert_eq!(status, 200);
    assert!(headers[0].starts_with("text/html"), "{}", headers[0]);
    let policy = &headers[1];
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(
        !html.contains("https://") && !html.contains("http://"),
        "no outside URL in the page"
    );
    assert!(
        html.contains("\"ExploreNeighbourhood\":"),
        "the queries are in the page"
    );

    for (asset, kind, at_least) in [
        ("cytoscape.min.js", "text/javascript", 400_000),
        ("explore.js", "text/javascript", 1_000),
        ("drawing.js", "text/javascript", 1_000),
        ("explore.css", "text/css", 1_000),
    ] {
        let (status, headers, text) = get(
            &server().base,
            &format!("/explore/{asset}"),
            &["content-type"],
        );
        assert_eq!(status, 200, "{asset}");
        assert!(headers[0].starts_with(kind), "{asset}: {}", headers[0]);
        assert!(text.len() >= at_least, "{asset} is the real file");
    }
    let (status, _, _) = get(&server().base, "/explore/nope.js", &[]);
    assert_eq!(status, 404);
}

#[test]
fn graphiql_links_to_the_explorer_and_back() {
    let (status, _, graphiql) = server().raw("GET", "/", &[("accept", "text/html")], vec![]);
    assert_eq!(status, 200);
    assert!(
        graphiql.contains("href: '/explore'"),
        "GraphiQL's header links to /explore"
    );
    let (_, _, explorer) = get(&server().base, "/explore", &[]);
    assert!(explorer.contains(r#"<a href="/">GraphiQL</a>"#));
}

/// Variables for each operation the explorer sends, as it sends them on the seed.
fn variables(operation: &str) -> Value {
    match operation {
        "ExploreVocabulary" => json!({}),
        "ExploreSearch" => json!({ "text": "Biles", "first": 8 }),
        "ExploreNeighbourhood" => json!({ "id": "tom-cruise", "first": 24, "after": null }),
        "ExploreRelation" => json!({ "id": "simone-biles.HANDED_FLAG_TO.tom-cruise" }),
        "ExploreSource" => json!({ "id": "report-1406bd90" }),
        "ExplorePath" => json!({ "from": "snoop-dogg", "to": "emmanuel-macron", "maxHops": 6 }),
        "ExploreChain" => {
            json!({ "from": "simone-biles", "predicate": "HANDED_FLAG_TO", "direction": "BOTH" })
        }
        "ExploreRelated" => {
            json!({ "to": "california", "predicates": ["NATIVE_OF"], "direction": "OUTGOING" })
        }
        other => panic!("{other}: give it variables here"),
    }
}

#[test]
fn every_explorer_query_answers_on_the_seed_without_errors() {
    for (name, query) in operations(OPERATIONS) {
        let (status, body) = server().post(&json!({
            "query": query,
            "operationName": name,
            "variables": variables(name),
        }));
        assert_eq!(status, 200, "{name}: {body:#}");
        assert!(body.get("errors").is_none(), "{name}: {body:#}");
        let data = body["data"].as_object().expect("data");
        let answered = data.values().next().expect("one root field");
        assert!(
            !answered.is_null() && answered.as_array().is_none_or(|a| !a.is_empty()),
            "{name} finds something on the seed: {body:#}"
        );
    }
}

#[test]
fn no_graphiql_means_no_explorer() {
    let config = app::Config {
        graphiql: false,
        ..app::Config::default()
    };
    let quiet = start_with(config, schema::SchemaConfig::default());
    for path in ["/explore", "/explore/explore.js"] {
        let (status, _, _) = get(&quiet.base, path, &[]);
        assert_eq!(status, 404, "{path}");
    }
}
