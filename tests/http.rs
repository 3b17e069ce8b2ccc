//! GraphQL over HTTP: content negotiation, status codes, GET, batches, limits, GraphiQL and
//! its assets, health.

mod common;

use common::server;
use serde_json::{Value, json};

const GQL: &str = "application/graphql-response+json";

fn body(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| panic!("JSON body, got {text:?}"))
}

#[test]
fn negotiates_the_response_media_type() {
    let query = br#"{"query": "{ entity(id: \"tom-cruise\") { name } }"}"#.to_vec();
    for (accept, expected) in [
        (None, "application/json"),
        (Some("application/json"), "application/json"),
        (Some(GQL), GQL),
        (
            Some("application/graphql-response+json, application/json;q=0.9"),
            GQL,
        ),
        (Some("*/*"), "application/json"),
    ] {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(accept) = accept {
            headers.push(("accept", accept));
        }
        let (status, content_type, text) =
            server().raw("POST", "/graphql", &headers, query.clone());
        assert_eq!(status, 200, "{accept:?}");
        assert!(
            content_type.starts_with(expected),
            "{accept:?} -> {content_type}"
        );
        assert_eq!(body(&text)["data"]["entity"]["name"], json!("Tom Cruise"));
    }
    let (status, _, _) = server().raw(
        "POST",
        "/graphql",
        &[
            ("content-type", "application/json"),
            ("accept", "text/html"),
        ],
        query,
    );
    assert_eq!(status, 406);
}

#[test]
fn request_errors_get_400_under_graphql_response_json_and_200_under_json() {
    for (query, words) in [
        ("{ entity(id: ", "expected"),
        ("{ nosuchfield }", "Unknown field"),
        (
            "query($n: Int!) { search(text: \"x\", first: $n) { id } }",
            "$n",
        ),
    ] {
        let request = json!({ "query": query }).to_string().into_bytes();
        let (status, _, text) = server().raw(
            "POST",
            "/graphql",
            &[("content-type", "application/json"), ("accept", GQL)],
            request.clone(),
        );
        assert_eq!(status, 400, "{query}");
        let parsed = body(&text);
        assert!(
            parsed.get("data").is_none(),
            "a request error has no data entry: {parsed}"
        );
        assert!(
            parsed["errors"][0]["message"]
                .as_str()
                .expect("message")
                .contains(words),
            "{parsed}"
        );
        let (status, _, _) = server().raw(
            "POST",
            "/graphql",
            &[
                ("content-type", "application/json"),
                ("accept", "application/json"),
            ],
            request,
        );
        assert_eq!(status, 200, "{query}");
    }
    // A field error during execution is not a request error.
    let request = json!({ "query": "{ entities(first: 0) { totalCount } }" })
        .to_string()
        .into_bytes();
    let (status, _, text) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json"), ("accept", GQL)],
        request,
    );
    assert_eq!(status, 200);
    assert_eq!(body(&text)["errors"][0]["path"], json!(["entities"]));
}

#[test]
fn malformed_http_requests_get_clear_4xx_answers() {
    let ok = br#"{"query": "{ stats { entities } }"}"#.to_vec();
    type Case = (
        Vec<(&'static str, &'static str)>,
        Vec<u8>,
        u16,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (vec![], ok.clone(), 415, "Content-Type: application/json"),
        (
            vec![("content-type", "text/plain")],
            ok.clone(),
            415,
            "text/plain",
        ),
        (
            vec![("content-type", "application/json")],
            b"{not json".to_vec(),
            400,
            "not valid JSON",
        ),
        (
            vec![("content-type", "application/json")],
            b"\"a string\"".to_vec(),
            400,
            "must be a JSON object",
        ),
        (
            vec![("content-type", "application/json")],
            vec![b'{', 0xff, b'}'],
            400,
            "not valid UTF-8",
        ),
        (
            vec![("content-type", "application/json")],
            br#"{"variables": {}}"#.to_vec(),
            400,
            "has no `query`",
        ),
        (
            vec![("content-type", "application/json")],
            br#"{"query": 1}"#.to_vec(),
            400,
            "`query` must be a string",
        ),
        (
            vec![("content-type", "application/json")],
            br#"{"query": "{ stats { entities } }", "variables": "x"}"#.to_vec(),
            400,
            "`variables` must be a JSON object",
        ),
        (
            vec![("content-type", "application/json")],
            br#"{"query": "{ stats { entities } }", "operationName": 3}"#.to_vec(),
            400,
            "`operationName` must be a string",
        ),
        (
            vec![("content-type", "application/json")],
            b"[]".to_vec(),
            400,
            "a batch must hold 1 to 10",
        ),
    ];
    for (headers, request, status, words) in cases {
        let (actual, content_type, text) = server().raw("POST", "/graphql", &headers, request);
        assert_eq!(actual, status, "{words}: {text}");
        assert!(
            content_type.starts_with("application/json"),
            "{content_type}"
        );
        assert!(text.contains(words), "{text} should say {words}");
    }
    let unknown_operation = json!({ "query": "query A { stats { entities } } query B { stats { sources } }", "operationName": "C" });
    let (_, _, text) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        unknown_operation.to_string().into_bytes(),
    );
    assert!(text.contains("Unknown operation named \\\"C\\\""), "{text}");
}

#[test]
fn get_runs_queries_but_not_mutations() {
    let (status, content_type, text) = server().raw(
        "GET",
        "/graphql?query=%7B%20stats%20%7B%20sources%20%7D%20%7D",
        &[("accept", GQL)],
        vec![],
    );
    assert_eq!(status, 200);
    assert!(content_type.starts_with(GQL));
    assert_eq!(body(&text)["data"]["stats"]["sources"], json!(3));
    let variables = "query=query(%24id%3A%20ID!)%20%7B%20entity(id%3A%20%24id)%20%7B%20name%20%7D%20%7D&variables=%7B%22id%22%3A%22paris%22%7D";
    let (status, _, text) = server().raw("GET", &format!("/graphql?{variables}"), &[], vec![]);
    assert_eq!(status, 200);
    assert_eq!(body(&text)["data"]["entity"]["name"], json!("Paris"));
    let (status, _, text) = server().raw(
        "GET",
        "/graphql?query=mutation%20%7B%20x%20%7D",
        &[],
        vec![],
    );
    assert_eq!(status, 405, "{text}");
    assert_eq!(
        body(&text)["errors"][0]["extensions"]["code"],
        "METHOD_NOT_ALLOWED"
    );
    let (status, _, text) = server().raw(
        "GET",
        "/graphql?query=%7Bx%7D&variables=%7Bbad",
        &[],
        vec![],
    );
    assert_eq!(status, 400);
    assert!(text.contains("`variables` is not valid JSON"));
}

#[test]
fn batches_run_every_operation_up_to_the_limit() {
    let batch = json!([{ "query": "{ stats { sources } }" }, { "query": "{ entity(id: \"paris\") { name } }" }]);
    let (status, _, text) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        batch.to_string().into_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(
        body(&text),
        json!([{ "data": { "stats": { "sources": 3 } } }, { "data": { "entity": { "name": "Paris" } } }])
    );
    let too_many: Vec<Value> = (0..11)
        .map(|_| json!({ "query": "{ stats { sources } }" }))
        .collect();
    let (status, _, text) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        Value::Array(too_many).to_string().into_bytes(),
    );
    assert_eq!(status, 400);
    assert!(text.contains("got 11"), "{text}");
}

#[test]
fn large_bodies_get_413() {
    let padding = " ".repeat(70 * 1024);
    let request = format!("{{\"query\": \"{{ stats {{ sources }} }}{padding}\"}}");
    let (status, _, _) = server().raw(
        "POST",
        "/graphql",
        &[("content-type", "application/json")],
        request.into_bytes(),
    );
    assert_eq!(status, 413);
}

#[test]
fn graphiql_is_served_with_every_asset_from_the_binary() {
    for path in ["/", "/graphql"] {
        let (status, content_type, html) = server().raw(
            "GET",
            path,
            &[("accept", "text/html,application/xhtml+xml")],
            vec![],
        );
        assert_eq!(status, 200, "{path}");
        assert!(content_type.starts_with("text/html"), "{content_type}");
        assert!(
            html.contains("FlagHandoverChain"),
            "the default query is the flag chain"
        );
        assert!(!html.contains("__GRAPHIQL_CONFIG__"));
        assert!(
            !html.contains("https://") && !html.contains("http://"),
            "no outside URL in the page"
        );
        for asset in [
            "react.production.min.js",
            "react-dom.production.min.js",
            "graphiql.min.js",
            "graphiql.min.css",
        ] {
            assert!(
                html.contains(&format!("/graphiql/{asset}")),
                "{asset} is loaded"
            );
        }
    }
    for (asset, kind) in [
        ("graphiql.min.js", "text/javascript"),
        ("graphiql.min.css", "text/css"),
        ("react.production.min.js", "text/javascript"),
    ] {
        let (status, content_type, text) =
            server().raw("GET", &format!("/graphiql/{asset}"), &[], vec![]);
        assert_eq!(status, 200);
        assert!(content_type.starts_with(kind));
        assert!(text.len() > 1000, "{asset} is the real file");
    }
    let (status, _, _) = server().raw("GET", "/graphiql/nope.js", &[], vec![]);
    assert_eq!(status, 404);
}

#[test]
fn health_answers() {
    let (status, _, text) = server().raw("GET", "/health", &[], vec![]);
    assert_eq!(status, 200);
    assert_eq!(body(&text), json!({ "status": "ok" }));
}
