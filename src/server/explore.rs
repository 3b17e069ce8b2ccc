//! The visual explorer at `/explore`: a page that draws an entity's neighbourhood, opens the
//! quotes behind a relation in their source text, and finds paths, served entirely by the binary
//! (cytoscape.js and the page's own scripts are compiled in, so it works with no network).
//!
//! It is a client of the public GraphQL API and nothing else: it never reaches into the graph.
//! Its queries are `assets/explore/explore.graphql`, the file codegen also checks and types
//! (`clients/codegen.ts`); the page receives them, one operation each, in a JSON block of its
//! HTML, the way GraphiQL receives its tabs.

use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::graphiql::{Asset, serve_asset};

const INDEX: &str = include_str!("../../assets/explore/index.html");

/// The explorer's GraphQL document: every operation the page sends.
pub const OPERATIONS: &str = include_str!("../../assets/explore/explore.graphql");

/// Every asset the page loads. The scripts are ES modules, one idea each (`explore.js` wires
/// them together).
const ASSETS: &[Asset] = &[
    (
        "cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/cytoscape.min.js"),
    ),
    (
        "explore.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/explore/explore.css"),
    ),
    (
        "explore.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/explore.js"),
    ),
    (
        "api.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/api.js"),
    ),
    (
        "drawing.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/drawing.js"),
    ),
    (
        "evidence.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/evidence.js"),
    ),
    (
        "search.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/search.js"),
    ),
    (
        "dom.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/dom.js"),
    ),
    (
        "listing.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/explore/listing.js"),
    ),
];

/// What the page may load: its own origin only. The JSON block that carries the queries is not
/// a script that runs, so no inline script is allowed; cytoscape writes a small `<style>` of
/// its own, hence `'unsafe-inline'` for styles.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The operations of `document`, in order: `(name, text)`, each text one operation with the
/// comment lines just above it. A document's own heading (comments followed by a blank line)
/// belongs to no operation. Operations start with `query ` at the start of a line, outside any
/// braces: the file is ours and written that way, which a test holds it to.
pub fn operations(document: &str) -> Vec<(&str, String)> {
    let mut operations: Vec<(&str, String)> = Vec::new();
    let mut comments = String::new();
    // Braces open in the current operation: while any is, every line is the operation's.
    let mut depth = 0usize;
    for line in document.lines() {
        if depth == 0 {
            if line.trim().is_empty() {
                comments.clear();
                continue;
            }
            if line.starts_with('#') {
                comments.push_str(line);
                comments.push('\n');
                continue;
            }
            if let Some(rest) = line.strip_prefix("query ") {
                let name = rest
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or_default();
                operations.push((name, std::mem::take(&mut comments)));
            }
        }
        if let Some((_, text)) = operations.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
        // Braces inside strings or comments would miscount; the file has none.
        depth += line.matches('{').count();
        depth = depth.saturating_sub(line.matches('}').count());
    }
    operations
}

/// The page, with the endpoint and the operations in its JSON block.
pub fn page_html() -> String {
    let operations: serde_json::Map<String, serde_json::Value> = operations(OPERATIONS)
        .into_iter()
        .map(|(name, text)| (name.to_owned(), serde_json::Value::String(text)))
        .collect();
    let config = serde_json::json!({ "endpoint": "/graphql", "operations": operations });
    // As in GraphiQL's page: no "<" inside the <script> element.
    let json = config.to_string().replace('<', "\\u003c");
    INDEX.replace("__EXPLORE_CONFIG__", &json)
}

static PAGE: LazyLock<Bytes> = LazyLock::new(|| Bytes::from(page_html()));

/// `GET /explore`: the page, with a policy that lets it load nothing from another origin.
pub(crate) async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        PAGE.clone(),
    )
        .into_response()
}

/// `GET /explore/{asset}`: one of the page's scripts or its stylesheet.
pub(crate) async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    serve_asset(ASSETS, &name, &headers, "no such explorer asset")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_parses_alone_and_is_named_as_split() {
        let found = operations(OPERATIONS);
        assert!(found.len() >= 8, "{:?}", found.iter().map(|o| o.0));
        for (name, text) in &found {
            let document = async_graphql::parser::parse_query(text)
                .unwrap_or_else(|e| panic!("{name} does not parse alone: {e}\n{text}"));
            let names: Vec<String> = document
                .operations
                .iter()
                .map(|(n, _)| n.map(|n| n.to_string()).unwrap_or_default())
                .collect();
            assert_eq!(names, vec![name.to_string()], "{text}");
            assert!(
                name.starts_with("Explore"),
                "{name}: codegen types share one namespace"
            );
        }
        // Nothing of the file is lost between the pieces: every line that is not the heading, a
        // blank line or a comment is in exactly one operation.
        let code_lines = OPERATIONS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let split_lines: usize = found
            .iter()
            .map(|(_, t)| t.lines().filter(|l| !l.starts_with('#')).count())
            .sum();
        assert_eq!(code_lines, split_lines);
    }

    #[test]
    fn comments_above_an_operation_go_with_it_and_the_heading_does_not() {
        let document = "# heading\n\n# about A\nquery A { a }\n\n# about B\nquery B($x: Int) {\n  b(x: $x)\n}\n";
        let found = operations(document);
        assert_eq!(
            found,
            vec![
                ("A", "# about A\nquery A { a }\n".to_owned()),
                (
                    "B",
                    "# about B\nquery B($x: Int) {\n  b(x: $x)\n}\n".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_page_carries_every_operation_and_no_placeholder() {
        let page = page_html();
        assert!(!page.contains("__EXPLORE_CONFIG__"));
        for (name, _) in operations(OPERATIONS) {
            assert!(page.contains(&format!("\"{name}\":")), "{name}");
        }
        for (file, _, _) in ASSETS {
            if file.ends_with(".js") && *file != "explore.js" && *file != "cytoscape.min.js" {
                continue; // modules imported by explore.js, not by the page
            }
            assert!(
                page.contains(&format!("/explore/{file}")),
                "{file} is loaded"
            );
        }
    }
}
