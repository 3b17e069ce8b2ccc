//! The second dataset, `examples/datasets/city-marathon`: a different domain with its own
//! vocabulary. It loads; the schema served for it has its own `Predicate` values and typed
//! relationship fields and none of the seed's (its SDL is committed next to it and kept exact);
//! typed fields return the right entities with their evidence; its example queries return their
//! committed output; and GraphiQL follows the dataset: its own tabs under `--data`, tabs generated
//! from the graph for a dataset without `examples/`, the seed's tabs for the embedded dataset.
//!
//! After a deliberate change, regenerate the committed files with
//! `UPDATE_EXPECT=1 cargo test --test marathon`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
use olympia_kg::graph::KnowledgeGraph;
use olympia_kg::server::graphiql::{self, Tab};
use olympia_kg::{dataset, schema, server};
use serde_json::{Value, json};

fn dataset_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/datasets/city-marathon")
}

fn update() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

fn marathon() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        dataset::load_dir(&dataset_dir())
            .unwrap_or_else(|errors| panic!("city-marathon does not load:\n{errors}"))
    })
}

/// Runs a future on a fresh single-threaded runtime.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(future)
}

/// The real server on an ephemeral port, serving `graph` with GraphiQL on `tabs`; its base URL.
fn start(graph: KnowledgeGraph, tabs: Vec<Tab>) -> String {
    let config = server::Config {
        graphiql_tabs: tabs,
        ..server::Config::default()
    };
    common::start_on(graph, config, schema::SchemaConfig::default()).base
}

/// The server on the marathon dataset with the tabs `--data` gives it (its `examples/`).
fn marathon_server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let graph = dataset::load_dir(&dataset_dir()).expect("city-marathon loads");
        let tabs = graphiql::dataset_tabs(Some(&dataset_dir()), &graph).expect("readable");
        start(graph, tabs)
    })
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("a client")
}

/// POSTs a query; the whole response body.
fn post(base: &str, query: &str) -> Value {
    block_on(async {
        let text = client()
            .post(format!("{base}/graphql"))
            .header("content-type", "application/json")
            .header("accept", "application/graphql-response+json")
            .body(json!({ "query": query }).to_string())
            .send()
            .await
            .expect("the server answers")
            .text()
            .await
            .expect("a body");
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("a JSON body, got {text:?}"))
    })
}

/// POSTs a query that must succeed; its `data`.
fn data(base: &str, query: &str) -> Value {
    let body = post(base, query);
    assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
    body["data"].clone()
}

/// The GraphiQL page's tabs (their queries, in order), read from the JSON config it embeds.
fn page_tabs(base: &str, path: &str) -> Vec<String> {
    let html = block_on(async {
        let response = client()
            .get(format!("{base}{path}"))
            .header("accept", "text/html")
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status().as_u16(), 200);
        response.text().await.expect("a body")
    });
    let open = r#"<script id="graphiql-config" type="application/json">"#;
    let start = html.find(open).expect("the config block") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    let config: Value = serde_json::from_str(&html[start..end]).expect("JSON config");
    assert_eq!(config["tabs"][0]["query"], config["defaultQuery"]);
    config["tabs"]
        .as_array()
        .expect("tabs")
        .iter()
        .map(|t| t["query"].as_str().expect("a query").to_owned())
        .collect()
}

/// The names of a type's fields in an SDL (empty when there is no such type).
fn fields(sdl: &str, type_name: &str) -> BTreeSet<String> {
    let document = parse_schema(sdl).expect("the SDL parses");
    for definition in &document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        if ty.node.name.node != type_name {
            continue;
        }
        return match &ty.node.kind {
            TypeKind::Object(o) => o
                .fields
                .iter()
                .map(|f| f.node.name.node.to_string())
                .collect(),
            TypeKind::Interface(i) => i
                .fields
                .iter()
                .map(|f| f.node.name.node.to_string())
                .collect(),
            TypeKind::Enum(e) => e
                .values
                .iter()
                .map(|v| v.node.value.node.to_string())
                .collect(),
            _ => BTreeSet::new(),
        };
    }
    BTreeSet::new()
}

#[test]
fn the_dataset_loads_with_its_own_vocabulary() {
    let graph = marathon();
    let stats = graph.stats();
    assert_eq!(
        (
            stats.entities,
            stats.claims,
            stats.quantities,
            stats.sources
        ),
        (19, 25, 9, 2)
    );
    let names: Vec<&str> = graph
        .vocabulary()
        .predicates()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names.len(), 16);
    for name in [
        "HANDED_TROPHY_TO",
        "SPONSORED",
        "WON",
        "COACHES",
        "MAYOR_OF",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(!names.contains(&"HANDED_FLAG_TO"));
    let chains: Vec<&str> = graph
        .vocabulary()
        .predicates()
        .iter()
        .filter(|p| p.chain)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(chains, ["HANDED_TROPHY_TO"]);
}

#[test]
fn its_schema_has_its_own_enum_and_typed_fields_and_none_of_the_seeds() {
    let sdl = schema::sdl(marathon());
    let predicates = fields(&sdl, "Predicate");
    let vocabulary: BTreeSet<String> = marathon()
        .vocabulary()
        .predicates()
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(
        predicates, vocabulary,
        "the Predicate enum is the vocabulary"
    );

    let person = fields(&sdl, "Person");
    for field in [
        "handedTrophyTo",
        "handedTrophyToConnection",
        "receivedTrophyFrom",
        "receivedTrophyFromConnection",
        "won",
        "coaches",
        "coachedBy",
        "pacedBy",
        "trainsWith",
        "mayorOf",
        // every field the seed's types have stays
        "relations",
        "quantities",
        "mentions",
    ] {
        assert!(person.contains(field), "Person.{field} in {person:?}");
    }
    let event = fields(&sdl, "Event");
    for field in [
        "sponsoredBy",
        "wonBy",
        "organizedBy",
        "startsAt",
        "finishesAt",
    ] {
        assert!(event.contains(field), "Event.{field} in {event:?}");
    }
    // A person is never sponsored: SPONSORED takes places and organizations as subjects.
    assert!(!person.contains("sponsored"));
    assert!(fields(&sdl, "Place").contains("sponsored"));
    assert!(fields(&sdl, "Organization").contains("sponsored"));

    // Nothing of the seed's vocabulary, as an enum value or a field of any type (the schema's
    // prose may still use the seed as its example).
    let kinds = [
        "Person",
        "Group",
        "Country",
        "Place",
        "Organization",
        "Event",
        "Work",
        "Entity",
    ];
    assert!(!predicates.contains("HANDED_FLAG_TO"));
    for type_name in kinds {
        let have = fields(&sdl, type_name);
        for seed_only in [
            "handedFlagTo",
            "receivedFlagFrom",
            "nativeOf",
            "performedAt",
        ] {
            assert!(
                !have.contains(seed_only),
                "{type_name}.{seed_only} in the marathon's schema"
            );
        }
    }
    // And the seed's schema has nothing of the marathon's.
    let seed = dataset::load_embedded().expect("the seed loads");
    let seed_sdl = schema::sdl(&seed);
    assert!(!fields(&seed_sdl, "Predicate").contains("HANDED_TROPHY_TO"));
    for type_name in kinds {
        let have = fields(&seed_sdl, type_name);
        for marathon_only in ["handedTrophyTo", "sponsoredBy", "pacedBy"] {
            assert!(
                !have.contains(marathon_only),
                "{type_name}.{marathon_only} in the seed's schema"
            );
        }
    }
}

#[test]
fn committed_schema_matches_the_server() {
    let path = dataset_dir().join("schema.graphql");
    let actual = schema::sdl(marathon());
    if update() {
        std::fs::write(&path, &actual).expect("writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == actual,
        "{} differs from the schema served for the dataset; regenerate it with `cargo run -- schema --data examples/datasets/city-marathon > examples/datasets/city-marathon/schema.graphql` (or `UPDATE_EXPECT=1 cargo test --test marathon`)",
        path.display()
    );
}

#[test]
fn typed_fields_return_the_right_entities_with_evidence() {
    let data = data(
        marathon_server(),
        r#"{
          mayor: entity(id: "ingrid-solberg") {
            ... on Person {
              handedTrophyTo { id name }
              mayorOf { id }
              handedTrophyToConnection {
                totalCount
                edges { node { id predicate object { id } evidence { source { id } quote } } }
              }
            }
          }
          winner: entity(id: "daniel-okello") {
            ... on Person {
              receivedTrophyFrom { id }
              handedTrophyTo { id }
              coachedBy { id }
              pacedBy { id }
              trainsWith { id }
              won { id }
            }
          }
          race: entity(id: "vennholt-city-marathon") {
            ... on Event { sponsoredBy { id kind } wonBy { id } hadFinisher { id } }
          }
          city: entity(id: "vennholt") { ... on Place { sponsored { id } hasMayor { id } } }
        }"#,
    );
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|e| e["id"].as_str().expect("an id").to_owned())
            .collect()
    };
    let mayor = &data["mayor"];
    assert_eq!(
        mayor["handedTrophyTo"],
        json!([{ "id": "daniel-okello", "name": "Daniel Okello" }])
    );
    assert_eq!(ids(&mayor["mayorOf"]), ["vennholt"]);
    let connection = &mayor["handedTrophyToConnection"];
    assert_eq!(connection["totalCount"], 1);
    let relation = &connection["edges"][0]["node"];
    assert_eq!(
        relation["id"],
        "ingrid-solberg.HANDED_TROPHY_TO.daniel-okello"
    );
    assert_eq!(relation["predicate"], "HANDED_TROPHY_TO");
    assert_eq!(
        relation["evidence"],
        json!([
            { "source": { "id": "race-report" }, "quote": "Mayor Ingrid Solberg handed the Harbour Cup to Okello on the podium a few minutes later." },
            { "source": { "id": "sponsorship-renewed" }, "quote": "Solberg, who handed the Harbour Cup to Okello on Sunday" },
        ])
    );

    let winner = &data["winner"];
    assert_eq!(ids(&winner["receivedTrophyFrom"]), ["ingrid-solberg"]);
    assert_eq!(ids(&winner["handedTrophyTo"]), ["samuel-kiptoo"]);
    assert_eq!(ids(&winner["coachedBy"]), ["grace-wanjiru"]);
    assert_eq!(ids(&winner["pacedBy"]), ["samuel-kiptoo"]);
    assert_eq!(ids(&winner["trainsWith"]), ["samuel-kiptoo"]);
    assert_eq!(ids(&winner["won"]), ["vennholt-city-marathon"]);

    let race = &data["race"];
    assert_eq!(
        race["sponsoredBy"],
        json!([{ "id": "vennholt", "kind": "PLACE" }, { "id": "nordlys-energy", "kind": "ORGANIZATION" }])
    );
    assert_eq!(ids(&race["wonBy"]), ["daniel-okello", "kari-haugen"]);
    assert_eq!(ids(&race["hadFinisher"]), ["tesfaye-girma"]);
    assert_eq!(ids(&data["city"]["sponsored"]), ["vennholt-city-marathon"]);
    assert_eq!(ids(&data["city"]["hasMayor"]), ["ingrid-solberg"]);

    // The seed's predicates are not in this schema: a query naming one does not validate.
    let body = post(
        marathon_server(),
        r#"{ chain(from: "ingrid-solberg", predicate: HANDED_FLAG_TO) { id } }"#,
    );
    assert!(body["errors"][0]["message"].is_string(), "{body:#}");
}

#[test]
fn the_trophy_chain_is_stated_step_by_step() {
    let data = data(
        marathon_server(),
        r#"{ chain(from: "ingrid-solberg", predicate: HANDED_TROPHY_TO) {
               subject { id } object { id } qualifiers { order } inferred } }"#,
    );
    let steps: Vec<(String, String, i64, bool)> = data["chain"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| {
            (
                s["subject"]["id"].as_str().expect("id").to_owned(),
                s["object"]["id"].as_str().expect("id").to_owned(),
                s["qualifiers"]["order"].as_i64().expect("an order"),
                s["inferred"].as_bool().expect("a bool"),
            )
        })
        .collect();
    let expected = [
        ("ingrid-solberg", "daniel-okello", 1, false),
        ("daniel-okello", "samuel-kiptoo", 2, false),
        ("samuel-kiptoo", "grace-wanjiru", 3, false),
    ]
    .map(|(s, o, n, i)| (s.to_owned(), o.to_owned(), n, i));
    assert_eq!(steps, expected);
}

#[test]
fn its_examples_return_their_committed_output() {
    let tabs = graphiql::tabs_from_dir(&dataset_dir())
        .expect("readable")
        .expect("the dataset has examples");
    assert!(tabs.len() >= 3, "{} examples", tabs.len());
    assert_eq!(tabs[0].name, "01-trophy-chain");
    for tab in &tabs {
        let body = post(marathon_server(), &tab.query);
        assert!(
            body.get("errors").is_none(),
            "{} failed: {body:#}",
            tab.name
        );
        let actual = serde_json::to_string_pretty(&body).expect("serializable") + "\n";
        let path = dataset_dir().join(format!("examples/{}.json", tab.name));
        if update() {
            std::fs::write(&path, &actual).expect("writable");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual,
            expected,
            "{}.graphql no longer returns {}; if the change is intended run `UPDATE_EXPECT=1 cargo test --test marathon`",
            tab.name,
            path.display()
        );
    }
}

#[test]
fn graphiql_under_data_opens_on_the_datasets_own_tabs() {
    let expected: Vec<String> = graphiql::tabs_from_dir(&dataset_dir())
        .expect("readable")
        .expect("examples")
        .into_iter()
        .map(|t| t.query)
        .collect();
    for path in ["/", "/graphql"] {
        let tabs = page_tabs(marathon_server(), path);
        assert_eq!(tabs, expected, "GET {path}");
        assert!(tabs[0].contains("query TrophyChain"));
        assert!(tabs.iter().all(|q| !q.contains("karen-bass")));
    }
}

#[test]
fn graphiql_on_the_embedded_seed_keeps_its_tabs() {
    let graph = dataset::load_embedded().expect("the seed loads");
    let tabs = graphiql::dataset_tabs(None, &graph).expect("no IO");
    assert_eq!(tabs, graphiql::seed_tabs());
    let names: Vec<&str> = tabs.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "flag-handover-chain",
            "california-performers",
            "typed-relationship-fields",
            "crowd-figures",
            "snoop-dogg-to-macron",
            "most-central",
            "search",
            "entities-page",
            "relations-page",
        ]
    );
    let base = start(graph, server::Config::default().graphiql_tabs);
    let served = page_tabs(&base, "/");
    assert_eq!(
        served,
        tabs.into_iter().map(|t| t.query).collect::<Vec<_>>()
    );
    assert!(served[0].contains("query FlagHandoverChain"));
}

#[test]
fn a_store_of_another_dataset_served_without_data_gets_generated_tabs() {
    // `serve --db FILE` alone: the tabs come from the graph the store holds, not the seed's.
    let tabs = graphiql::dataset_tabs(None, marathon()).expect("no IO");
    assert_eq!(tabs, graphiql::generated_tabs(marathon()));
    assert_ne!(tabs, graphiql::seed_tabs());
    assert!(tabs.iter().all(|t| !t.query.contains("tom-cruise")));
}

#[test]
fn a_dataset_without_examples_gets_tabs_generated_from_its_graph() {
    // The marathon without its examples/ folder.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let from = dataset_dir();
    for file in [
        "sources.jsonl",
        "vocabulary.jsonl",
        "entities.jsonl",
        "claims.jsonl",
        "quantities.jsonl",
    ] {
        std::fs::copy(from.join(file), dir.path().join(file)).expect("copied");
    }
    std::fs::create_dir(dir.path().join("sources")).expect("created");
    for entry in std::fs::read_dir(from.join("sources")).expect("sources/") {
        let path = entry.expect("an entry").path();
        std::fs::copy(
            &path,
            dir.path()
                .join("sources")
                .join(path.file_name().expect("a name")),
        )
        .expect("copied");
    }
    let graph = dataset::load_dir(dir.path()).expect("the copy loads");
    assert_eq!(graphiql::tabs_from_dir(dir.path()).expect("readable"), None);
    let tabs = graphiql::dataset_tabs(Some(dir.path()), &graph).expect("readable");
    assert_eq!(tabs, graphiql::generated_tabs(&graph));
    let names: Vec<&str> = tabs.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "chain-handed-trophy-to",
            "typed-fields-vennholt-city-marathon",
            "search",
            "vocabulary",
        ]
    );
    // The chain starts with its first hand; the typed fields are the best-connected entity's
    // (the race, in 9 relations).
    assert!(
        tabs[0]
            .query
            .contains(r#"chain(from: "ingrid-solberg", predicate: HANDED_TROPHY_TO)"#),
        "{}",
        tabs[0].query
    );
    assert!(
        tabs[1].query.contains("... on Event {"),
        "{}",
        tabs[1].query
    );
    assert!(
        tabs[1].query.contains("sponsoredBy { __typename id name }"),
        "{}",
        tabs[1].query
    );

    let base = start(graph, tabs.clone());
    let served = page_tabs(&base, "/");
    assert_eq!(
        served,
        tabs.iter().map(|t| t.query.clone()).collect::<Vec<_>>()
    );
    // Every generated tab runs and returns data.
    for tab in &tabs {
        let data = data(&base, &tab.query);
        let text = data.to_string();
        assert!(
            !text.contains("[]") || tab.name == "vocabulary",
            "{}: {text}",
            tab.name
        );
    }
    let chain = data(&base, &tabs[0].query);
    assert_eq!(chain["chain"].as_array().map(Vec::len), Some(3));
    let typed = data(&base, &tabs[1].query);
    assert_eq!(
        typed["entity"]["sponsoredBy"],
        json!([
            { "__typename": "Place", "id": "vennholt", "name": "Vennholt" },
            { "__typename": "Organization", "id": "nordlys-energy", "name": "Nordlys Energy" }
        ])
    );
}

#[test]
fn generated_tabs_run_on_the_seed_too() {
    // `--data seed` (a directory without examples/) gets generated tabs; they must run there too.
    let graph = dataset::load_embedded().expect("the seed loads");
    let tabs = graphiql::generated_tabs(&graph);
    assert!(tabs[0].name.starts_with("chain-"), "{}", tabs[0].name);
    assert_eq!(tabs.last().map(|t| t.name.as_str()), Some("vocabulary"));
    let base = start(graph, tabs.clone());
    for tab in &tabs {
        data(&base, &tab.query);
    }
}
