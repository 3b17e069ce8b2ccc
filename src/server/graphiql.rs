//! GraphiQL, served entirely by the binary: the page and every script and stylesheet it loads
//! are compiled in, so it works with no network access. The page opens on the flag handover
//! chain, with the other example queries of `examples/` as tabs.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

const INDEX: &str = include_str!("../../assets/graphiql/index.html");

/// Every asset the page loads: (file name, content type, bytes).
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "react.production.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/graphiql/react.production.min.js"),
    ),
    (
        "react-dom.production.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/graphiql/react-dom.production.min.js"),
    ),
    (
        "graphiql.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/graphiql/graphiql.min.js"),
    ),
    (
        "graphiql.min.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/graphiql/graphiql.min.css"),
    ),
];

/// The example queries, first the default one; the README shows them with their output.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "flag-handover-chain",
        include_str!("../../examples/flag-handover-chain.graphql"),
    ),
    (
        "california-performers",
        include_str!("../../examples/california-performers.graphql"),
    ),
    (
        "crowd-figures",
        include_str!("../../examples/crowd-figures.graphql"),
    ),
    (
        "snoop-dogg-to-macron",
        include_str!("../../examples/snoop-dogg-to-macron.graphql"),
    ),
    ("search", include_str!("../../examples/search.graphql")),
    (
        "entities-page",
        include_str!("../../examples/entities-page.graphql"),
    ),
    (
        "relations-page",
        include_str!("../../examples/relations-page.graphql"),
    ),
];

static PAGE: LazyLock<String> = LazyLock::new(|| {
    let tabs: Vec<serde_json::Value> = EXAMPLES
        .iter()
        .map(|(_, query)| serde_json::json!({ "query": query }))
        .collect();
    let config = serde_json::json!({
        "endpoint": "/graphql",
        "defaultQuery": EXAMPLES[0].1,
        "tabs": tabs,
    });
    // Inside a <script> element "</" or "<!--" would change how it parses; JSON's "\u003c"
    // is the same text without a "<".
    let json = config.to_string().replace('<', "\\u003c");
    INDEX.replace("__GRAPHIQL_CONFIG__", &json)
});

/// The GraphiQL page.
pub(crate) async fn page() -> Html<&'static str> {
    Html(PAGE.as_str())
}

/// One of the page's scripts or stylesheets. Names are fixed across versions, so browsers
/// revalidate every time (`no-cache`) and the ETag, which names this build, saves the transfer.
pub(crate) async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match ASSETS.iter().find(|(file, _, _)| *file == name) {
        Some((_, content_type, bytes)) => {
            let etag = format!("\"{}-{}\"", env!("CARGO_PKG_VERSION"), bytes.len());
            let fresh = headers
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
            let common = [
                (header::CACHE_CONTROL, "no-cache".to_owned()),
                (header::ETAG, etag),
            ];
            if fresh {
                return (StatusCode::NOT_MODIFIED, common).into_response();
            }
            (common, [(header::CONTENT_TYPE, *content_type)], *bytes).into_response()
        }
        None => (StatusCode::NOT_FOUND, "no such GraphiQL asset").into_response(),
    }
}
