//! GraphiQL, served entirely by the binary: the page and every script and stylesheet it loads
//! are compiled in, so it works with no network access.
//!
//! The page's tabs follow the dataset served. The embedded seed opens on the flag handover chain
//! with the other example queries of the repository's `examples/` as tabs; a dataset directory
//! brings its own (`DIR/examples/*.graphql`, the first file by name is the default tab); a
//! dataset without any gets tabs generated from its vocabulary and its best-connected entity.
//! The page runs the default tab as it opens, so its result is on screen at once.

use std::collections::HashSet;
use std::path::Path as FsPath;

use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::graph::{Direction, EntityId, KnowledgeGraph};

const INDEX: &str = include_str!("../../assets/graphiql/index.html");

/// A file a page loads, compiled in: (file name, content type, bytes).
pub(crate) type Asset = (&'static str, &'static str, &'static [u8]);

/// Every asset the page loads.
const ASSETS: &[Asset] = &[
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

/// The seed's example queries, first the default one, in the README's order (it shows them with
/// their output).
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
        "typed-relationship-fields",
        include_str!("../../examples/typed-relationship-fields.graphql"),
    ),
    (
        "crowd-figures",
        include_str!("../../examples/crowd-figures.graphql"),
    ),
    (
        "snoop-dogg-to-macron",
        include_str!("../../examples/snoop-dogg-to-macron.graphql"),
    ),
    (
        "most-central",
        include_str!("../../examples/most-central.graphql"),
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

/// One GraphiQL tab: a name (the file's stem, or what a generated query shows) and its query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tab {
    /// `flag-handover-chain`, `01-trophy-chain`, `chain-handed-trophy-to` …
    pub name: String,
    /// The GraphQL document the tab opens with.
    pub query: String,
}

/// The embedded seed's tabs: [`EXAMPLES`], the flag handover chain first.
pub fn seed_tabs() -> Vec<Tab> {
    EXAMPLES
        .iter()
        .map(|(name, query)| Tab {
            name: (*name).to_owned(),
            query: (*query).to_owned(),
        })
        .collect()
}

/// The tabs a dataset directory brings: every `DIR/examples/*.graphql`, ordered by file name
/// (the first is the default tab). `None` when there is no such folder or no such file in it.
pub fn tabs_from_dir(dir: &FsPath) -> std::io::Result<Option<Vec<Tab>>> {
    let folder = dir.join("examples");
    if !folder.is_dir() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&folder)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "graphql") {
            files.push(path);
        }
    }
    files.sort();
    let mut tabs = Vec::with_capacity(files.len());
    for path in files {
        let query = std::fs::read_to_string(&path).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        tabs.push(Tab { name, query });
    }
    Ok((!tabs.is_empty()).then_some(tabs))
}

/// The tabs for the dataset served: the directory's own examples when `data` names one that
/// has them; else the seed's when the graph holds the seed (the embedded dataset, or a store
/// filled from it); else tabs generated from the graph (a store filled from another dataset,
/// served without `--data`, gets queries that name what it holds).
pub fn dataset_tabs(data: Option<&FsPath>, graph: &KnowledgeGraph) -> std::io::Result<Vec<Tab>> {
    let holds_the_seed = || {
        crate::dataset::seed_source_ids()
            .iter()
            .all(|id| matches!(graph.lookup(id), Some(crate::graph::Item::Source(_))))
    };
    match data {
        None if holds_the_seed() => Ok(seed_tabs()),
        None => Ok(generated_tabs(graph)),
        Some(dir) => Ok(match tabs_from_dir(dir)? {
            Some(tabs) => tabs,
            None => generated_tabs(graph),
        }),
    }
}

/// Most typed fields a generated tab selects: a screenful, not the whole vocabulary.
const MAX_TYPED_FIELDS: usize = 8;

/// Tabs for a dataset that brings none, from its vocabulary and its best-connected entity: one
/// `chain` per chain-forming predicate (from the entity that starts it), the typed relationship
/// fields of the entity in the most relations, a `search` for it, and the graph's counts with its
/// vocabulary. Each query names only what the graph holds, so each returns data.
pub fn generated_tabs(graph: &KnowledgeGraph) -> Vec<Tab> {
    let vocabulary = graph.vocabulary();
    let mut tabs = Vec::new();

    // Chains: for each chain predicate, the claim that best starts one: its subject is no
    // claim's object (the chain's first hand), then the lowest `order`, then dataset order.
    for predicate in vocabulary.ids() {
        let def = vocabulary.get(predicate);
        if !def.chain {
            continue;
        }
        let of_predicate = || graph.claims().filter(|c| c.predicate == predicate);
        let received: HashSet<_> = of_predicate().map(|c| c.object).collect();
        let start = of_predicate()
            .enumerate()
            .min_by_key(|(i, c)| {
                (
                    received.contains(&c.subject),
                    c.qualifiers.order.unwrap_or(u32::MAX),
                    *i,
                )
            })
            .map(|(_, c)| graph.entity(c.subject));
        let Some(start) = start else {
            continue;
        };
        tabs.push(Tab {
            name: format!("chain-{}", def.name.to_ascii_lowercase().replace('_', "-")),
            query: format!(
                "# Generated from the dataset: the chain of {predicate} from {name}, step by step,\n\
                 # each step with the exact words of the sources that state it.\n\
                 query {operation}Chain {{\n  \
                 chain(from: \"{id}\", predicate: {predicate}) {{\n    \
                 id\n    \
                 subject {{ __typename id name }}\n    \
                 object {{ __typename id name }}\n    \
                 qualifiers {{ order note }}\n    \
                 inferred\n    \
                 evidence {{ source {{ id }} quote }}\n  \
                 }}\n}}\n",
                predicate = def.name,
                name = comment_text(&start.name),
                operation = pascal_case(&def.name),
                id = start.key,
            ),
        });
    }

    // The best-connected entity: in the most relations as subject or object, the first in
    // dataset order among equals.
    let best = (0..graph.entities().len())
        .map(|i| (i, graph.degree(EntityId(i as u32))))
        .filter(|&(_, d)| d > 0)
        .min_by_key(|&(i, d)| (std::cmp::Reverse(d), i))
        .map(|(i, _)| i);
    if let Some(best) = best {
        let entity = &graph.entities()[best];
        // The typed fields it has relations through, in vocabulary order; the first one also
        // as a connection, whose edges carry each relation with its evidence.
        // Read from its own edges (a pass over every claim per predicate took seconds at a
        // million entities, at every start).
        let (mut outgoing, mut incoming) =
            (vec![false; vocabulary.len()], vec![false; vocabulary.len()]);
        for step in graph.steps(EntityId(best as u32), Direction::Both) {
            let at = graph.claim(step.claim).predicate.index();
            if step.forward {
                outgoing[at] = true;
            } else {
                incoming[at] = true;
            }
        }
        let mut fields: Vec<String> = Vec::new();
        for predicate in vocabulary.ids() {
            let def = vocabulary.get(predicate);
            let (outgoing, incoming) = (outgoing[predicate.index()], incoming[predicate.index()]);
            if def.symmetric {
                if outgoing || incoming {
                    fields.push(def.field_name());
                }
                continue;
            }
            if outgoing && def.subject.contains(&entity.kind) {
                fields.push(def.field_name());
            }
            if incoming && def.object.contains(&entity.kind) {
                fields.extend(def.inverse_field_name());
            }
        }
        fields.truncate(MAX_TYPED_FIELDS);
        if let Some(first) = fields.first() {
            let mut selection = String::new();
            for field in &fields {
                selection.push_str(&format!("      {field} {{ __typename id name }}\n"));
            }
            selection.push_str(&format!(
                "      {first}Connection(first: 5) {{\n        \
                 totalCount\n        \
                 edges {{ node {{ id predicate subject {{ __typename name }} object {{ __typename name }} evidence {{ quote }} }} }}\n      \
                 }}\n"
            ));
            tabs.push(Tab {
                name: format!("typed-fields-{}", entity.key),
                query: format!(
                    "# Generated from the dataset: {name}, the entity in the most relations, through\n\
                     # its typed relationship fields (one per predicate of the vocabulary, both ways).\n\
                     query {operation}Relations {{\n  \
                     entity(id: \"{id}\") {{\n    \
                     __typename\n    \
                     id\n    \
                     name\n    \
                     ... on {type_name} {{\n{selection}    }}\n  \
                     }}\n}}\n",
                    name = comment_text(&entity.name),
                    operation = pascal_case(&entity.key),
                    id = entity.key,
                    type_name = crate::schema::entity_type_name(entity.kind),
                ),
            });
        }
        tabs.push(Tab {
            name: "search".to_owned(),
            query: format!(
                "# Generated from the dataset: entities whose name or alias matches, best first.\n\
                 query Search {{\n  \
                 search(text: {text}, first: 5) {{ __typename id name kind description }}\n}}\n",
                text = serde_json::Value::String(entity.name.clone()),
            ),
        });
    }

    tabs.push(Tab {
        name: "vocabulary".to_owned(),
        query:
            "# Generated from the dataset: what the graph holds and what each predicate means.\n\
                query Vocabulary {\n  \
                stats { entities relations quantities sources relationsByPredicate { predicate count } }\n  \
                predicates { predicate description subjectKinds objectKinds inverse symmetric chain field inverseField }\n}\n"
                .to_owned(),
    });
    tabs
}

/// `HANDED_TROPHY_TO` or `daniel-okello` → `HandedTrophyTo`, `DanielOkello`: a GraphQL name
/// (anything but ASCII letters and digits is dropped; a leading digit gets a `Q` before it).
fn pascal_case(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(['_', '-']) {
        let mut chars = word.chars().filter(char::is_ascii_alphanumeric);
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'Q');
    }
    out
}

/// Text safe on a `#` comment line.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The GraphiQL page, opening on `tabs` (the first is the default tab, run as the page opens).
pub fn page_html(tabs: &[Tab]) -> String {
    let default = tabs.first().map_or("", |t| t.query.as_str());
    let tabs: Vec<serde_json::Value> = tabs
        .iter()
        .map(|t| serde_json::json!({ "query": t.query }))
        .collect();
    let config = serde_json::json!({
        "endpoint": "/graphql",
        "defaultQuery": default,
        "runDefault": true,
        "tabs": tabs,
    });
    // Inside a <script> element "</" or "<!--" would change how it parses; JSON's "\u003c"
    // is the same text without a "<".
    let json = config.to_string().replace('<', "\\u003c");
    INDEX.replace("__GRAPHIQL_CONFIG__", &json)
}

/// One of the page's scripts or stylesheets.
pub(crate) async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    serve_asset(ASSETS, &name, &headers, "no such GraphiQL asset")
}

/// The asset of `assets` named `name`, or 404 with `missing`. Names are fixed across versions,
/// so browsers revalidate every time (`no-cache`) and the ETag, which names this build, saves
/// the transfer. The explorer's assets are served the same way.
pub(crate) fn serve_asset(
    assets: &[Asset],
    name: &str,
    headers: &HeaderMap,
    missing: &'static str,
) -> Response {
    match assets.iter().find(|(file, _, _)| *file == name) {
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
        None => (StatusCode::NOT_FOUND, missing).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_makes_graphql_names() {
        assert_eq!(pascal_case("HANDED_TROPHY_TO"), "HandedTrophyTo");
        assert_eq!(pascal_case("daniel-okello"), "DanielOkello");
        assert_eq!(pascal_case("2024-games"), "Q2024Games");
        assert_eq!(pascal_case(""), "Q");
    }

    #[test]
    fn the_page_escapes_script_breakers() {
        let page = page_html(&[Tab {
            name: "x".into(),
            query: "# </script><!-- \n{ stats { entities } }".into(),
        }]);
        assert!(!page.contains("</script><!--"));
        assert!(page.contains("\\u003c/script>"));
    }
}
