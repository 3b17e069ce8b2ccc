//! The graph core on the real seed dataset: the facts the product is built to answer.

use std::collections::BTreeSet;

use olympia_kg::dataset;
use olympia_kg::graph::algo::{self, Budget, Filter};
use olympia_kg::graph::{Direction, EntityKind, KnowledgeGraph, Predicate};

fn predicate(graph: &KnowledgeGraph, name: &str) -> Predicate {
    graph
        .vocabulary()
        .find(name)
        .unwrap_or_else(|| panic!("{name} is in the seed's vocabulary"))
}

fn way(direction: Direction) -> Filter<'static> {
    Filter {
        direction,
        ..Filter::default()
    }
}
use serde_json::Value;

fn seed() -> KnowledgeGraph {
    dataset::load_embedded().expect("the embedded seed dataset loads")
}

fn id(graph: &KnowledgeGraph, key: &str) -> olympia_kg::graph::EntityId {
    graph
        .entity_by_key(key)
        .unwrap_or_else(|| panic!("{key} is in the seed"))
}

#[test]
fn the_embedded_seed_is_the_seed_directory() {
    let embedded = seed();
    let on_disk = dataset::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seed"))
        .expect("seed/ loads");
    assert_eq!(embedded.stats(), on_disk.stats());
    assert_eq!(embedded.entities(), on_disk.entities());
    assert_eq!(
        embedded.claims().collect::<Vec<_>>(),
        on_disk.claims().collect::<Vec<_>>()
    );
    let stats = embedded.stats();
    assert!(stats.entities >= 70, "{} entities", stats.entities);
    assert_eq!(stats.sources, 3);
    for &(kind, n) in &stats.entities_by_kind {
        assert!(n > 0, "no entity of kind {kind}");
    }
}

fn ends(graph: &KnowledgeGraph, chain: &[olympia_kg::graph::ClaimId]) -> Vec<(String, String)> {
    chain
        .iter()
        .map(|&c| {
            let claim = graph.claim(c);
            (
                graph.entity(claim.subject).key.clone(),
                graph.entity(claim.object).key.clone(),
            )
        })
        .collect()
}

#[test]
fn the_flag_passes_from_biles_to_cruise_and_nobody_is_said_to_hand_it_to_biles() {
    let graph = seed();
    let handed = predicate(&graph, "HANDED_FLAG_TO");
    let stated = Filter {
        direction: Direction::Both,
        skip_inferred: true,
        ..Filter::default()
    };
    let chain = algo::chain(&graph, id(&graph, "simone-biles"), handed, &stated, 100);
    assert_eq!(
        ends(&graph, &chain),
        [("simone-biles".to_owned(), "tom-cruise".to_owned())]
    );
    assert_eq!(graph.claim(chain[0]).qualifiers.order, Some(1));
    // With inferred claims allowed the chain is the same: no report says who handed the flag
    // to Biles ("Biles joined Los Angeles mayor Karen Bass as the Olympic flag was formally
    // handed to the Californian city" is an APPEARED_WITH, not a handover).
    for key in ["simone-biles", "tom-cruise"] {
        assert_eq!(
            algo::chain(&graph, id(&graph, key), handed, &way(Direction::Both), 100),
            chain
        );
    }
    assert!(
        graph
            .claims()
            .all(|c| !(c.predicate == handed && graph.entity(c.object).key == "simone-biles"))
    );
}

#[test]
fn the_games_pass_from_the_city_of_light_to_the_city_of_angels() {
    let graph = seed();
    let chain = algo::chain(
        &graph,
        id(&graph, "paris"),
        predicate(&graph, "HANDED_GAMES_TO"),
        &way(Direction::Outgoing),
        100,
    );
    assert_eq!(
        ends(&graph, &chain),
        [("paris".to_owned(), "los-angeles".to_owned())]
    );
    assert!(
        graph
            .vocabulary()
            .get(predicate(&graph, "HANDED_GAMES_TO"))
            .chain
    );
}

#[test]
fn the_readme_table_lists_every_predicate_of_the_vocabulary() {
    let graph = seed();
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/README.md"),
    )
    .expect("seed/README.md exists");
    let kinds = |kinds: &[EntityKind]| {
        kinds
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for def in graph.vocabulary().predicates() {
        let row = format!(
            "| `{}` | {} | {} |",
            def.name,
            kinds(&def.subject),
            kinds(&def.object)
        );
        assert!(
            readme.contains(&row),
            "seed/README.md's predicate table has no row starting {row:?}: keep it in step with seed/vocabulary.jsonl"
        );
    }
}

#[test]
fn qualifier_places_are_reachable_and_headlines_are_marked() {
    let graph = seed();
    // H.E.R. sang the anthem at the Stade de France: a path through the `place` qualifier.
    let filter = Filter {
        through_qualifiers: true,
        ..Filter::default()
    };
    let her = id(&graph, "h-e-r");
    let stade = id(&graph, "stade-de-france");
    let through: Vec<_> = graph
        .claims()
        .filter(|c| c.subject == her && c.qualifiers.place == Some(stade))
        .collect();
    assert!(!through.is_empty(), "H.E.R.'s performance names its place");
    let path = algo::shortest_path(&graph, her, stade, 1, &filter, Budget::default())
        .value
        .expect("one hop");
    assert_eq!(path.len(), 1);
    // Every quote after a source's `headlines_from` is marked as a headline, and only those.
    for claim in graph.claims() {
        for e in claim.evidence {
            let source = graph.source(e.source);
            let after = source
                .headlines_from
                .is_some_and(|from| e.span.start >= from);
            assert_eq!(
                e.section == olympia_kg::graph::Section::Headlines,
                after,
                "{}",
                claim.key()
            );
        }
    }
    assert!(
        graph.sources().iter().any(|s| s.headlines_from.is_some()),
        "one report ends with related-article headlines"
    );
}

#[test]
fn the_performers_linked_to_california_are_those_the_articles_call_natives() {
    let graph = seed();
    let filter = Filter {
        predicates: &[predicate(&graph, "NATIVE_OF")],
        kinds: &[EntityKind::Person, EntityKind::Group],
        direction: Direction::Outgoing,
        ..Filter::default()
    };
    let found = algo::related(
        &graph,
        id(&graph, "california"),
        1,
        100,
        &filter,
        Budget::default(),
    );
    assert!(found.complete);
    let natives: BTreeSet<&str> = found
        .value
        .iter()
        .map(|r| graph.entity(r.entity).key.as_str())
        .collect();
    // "Each of the music artists is a California native, including H.E.R." (after naming
    // Billie Eilish, the Red Hot Chili Peppers, Snoop Dogg and Dr. Dre).
    let expected: BTreeSet<&str> = [
        "billie-eilish",
        "red-hot-chili-peppers",
        "snoop-dogg",
        "dr-dre",
        "h-e-r",
    ]
    .into();
    assert_eq!(natives, expected);
    for related in &found.value {
        assert_eq!(related.path.len(), 1);
        assert!(related.path.steps[0].forward);
    }
}

#[test]
fn every_quote_round_trips_to_its_span() {
    let graph = seed();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seed");
    // The quotes as authored, in file order, against the evidence the loader located.
    let authored = |file: &str| -> Vec<Vec<String>> {
        std::fs::read_to_string(root.join(file))
            .expect("readable")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| {
                let record: Value = serde_json::from_str(l).expect("valid JSON");
                record["evidence"]
                    .as_array()
                    .expect("evidence")
                    .iter()
                    .map(|e| e["quote"].as_str().expect("quote").to_owned())
                    .collect()
            })
            .collect()
    };
    let claims = authored("claims.jsonl");
    assert_eq!(claims.len(), graph.claims().len());
    for (claim, quotes) in graph.claims().zip(&claims) {
        assert!(!claim.evidence.is_empty(), "{} has evidence", claim.key());
        let mut located: Vec<&str> = claim.evidence.iter().map(|e| graph.quote(e)).collect();
        let mut quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        located.sort_unstable();
        quotes.sort_unstable();
        assert_eq!(located, quotes, "{}", claim.key());
        if claim.inferred {
            assert!(
                claim.evidence.len() >= 2,
                "inferred {} cites every sentence",
                claim.key()
            );
        }
        for e in claim.evidence {
            let text = &graph.source(e.source).text;
            let chars: String = text
                .chars()
                .skip(e.span.char_start as usize)
                .take((e.span.char_end - e.span.char_start) as usize)
                .collect();
            assert_eq!(
                chars,
                graph.quote(e),
                "character offsets of {}",
                claim.key()
            );
        }
    }
    let quantities = authored("quantities.jsonl");
    assert_eq!(quantities.len(), graph.quantities().len());
    for (quantity, quotes) in graph.quantities().iter().zip(&quantities) {
        let located: Vec<&str> = quantity.evidence.iter().map(|e| graph.quote(e)).collect();
        assert_eq!(
            located,
            quotes.iter().map(String::as_str).collect::<Vec<_>>(),
            "{}",
            quantity.key
        );
        assert!(
            quantity
                .evidence
                .iter()
                .all(|e| e.source == quantity.source())
        );
    }
}

#[test]
fn conflicting_crowd_figures_are_kept_per_source() {
    let graph = seed();
    let ceremony = id(&graph, "closing-ceremony");
    let figures: Vec<(f64, &str, &str)> = graph
        .quantities_of(ceremony)
        .map(|q| graph.quantity(q))
        .filter(|q| q.property == "spectators")
        .map(|q| {
            (
                q.value,
                q.hedge.as_str(),
                graph.source(q.source()).key.as_str(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            (70000.0, "more_than", "report-1406bd90"),
            (70000.0, "expected_more_than", "report-1406bd90"),
            (75000.0, "close_to", "report-2e7414b0"),
            (71500.0, "around", "report-b5f89558"),
        ]
    );
}

#[test]
fn search_finds_the_right_entity_first() {
    let graph = seed();
    for (text, expected) in [
        ("Leon Marchand", "leon-marchand"),
        ("LÉON marchand", "leon-marchand"),
        ("snoop dog", "snoop-dogg"),
        ("sreejesh", "p-r-sreejesh"),
        ("Cruise", "tom-cruise"),
        ("tom cruse", "tom-cruise"),
        ("Bach", "thomas-bach"),
        ("city of light", "paris"),
        ("stade de france", "stade-de-france"),
        ("Biles", "simone-biles"),
    ] {
        let hits = graph.search(text, &[], 5);
        let first = hits.first().map(|h| graph.entity(h.entity).key.as_str());
        assert_eq!(first, Some(expected), "search {text:?}: {hits:?}");
    }
    let places = graph.search("paris", &[EntityKind::Place], 10);
    assert!(
        places
            .iter()
            .all(|h| graph.entity(h.entity).kind == EntityKind::Place)
    );
    assert_eq!(graph.entity(places[0].entity).key, "paris");
    assert!(graph.search("zzzzqqq", &[], 5).is_empty());
    assert!(graph.search("", &[], 5).is_empty());
}

#[test]
fn mentions_are_found_in_every_source() {
    let graph = seed();
    let cruise = id(&graph, "tom-cruise");
    assert_eq!(graph.sources_mentioning(cruise).len(), 3);
    let marchand = id(&graph, "leon-marchand");
    let spelled: BTreeSet<&str> = graph
        .mentions_of(marchand)
        .map(|m| graph.source(m.source).slice(m.span))
        .collect();
    assert!(
        spelled.contains("Léon Marchand") && spelled.contains("Leon Marchand"),
        "{spelled:?}"
    );
    for m in graph.mentions() {
        let text = graph.source(m.source).slice(m.span);
        let entity = graph.entity(m.entity);
        let fold = olympia_kg::graph::fold::fold;
        assert!(
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .any(|n| fold(n) == fold(text)),
            "mention {text:?} is a name of {}",
            entity.key
        );
    }
}

#[test]
fn a_path_joins_two_people_who_never_met() {
    let graph = seed();
    let found = algo::shortest_path(
        &graph,
        id(&graph, "snoop-dogg"),
        id(&graph, "emmanuel-macron"),
        6,
        &Filter::default(),
        Budget::default(),
    );
    let path = found.value.expect("linked");
    assert!(path.len() >= 2);
    let direct = graph.claims().any(|c| {
        let ends = [
            graph.entity(c.subject).key.as_str(),
            graph.entity(c.object).key.as_str(),
        ];
        ends.contains(&"snoop-dogg") && ends.contains(&"emmanuel-macron")
    });
    assert!(!direct, "no source links them directly");
}

/// Every derived claim key names its claim again, and a triple's count of derived keys is its
/// highest repeat number (what the next claim with that triple is numbered after).
#[test]
fn derived_claim_keys_round_trip_and_count_their_repeats() {
    let graph = olympia_kg::dataset::load_embedded().expect("the seed loads");
    let mut highest: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for claim in graph.claims() {
        let key = claim.key().into_owned();
        assert_eq!(
            graph.lookup(&key),
            Some(olympia_kg::graph::Item::Claim(claim.id)),
            "{key}"
        );
        let parts: Vec<&str> = key.split('.').collect();
        if parts.len() >= 3 {
            let repeat = parts.get(3).map_or(1, |n| n.parse().expect("a number"));
            let triple = parts[..3].join(".");
            let entry = highest.entry(triple).or_default();
            *entry = (*entry).max(repeat);
        }
    }
    assert!(
        highest.values().any(|&n| n >= 2),
        "the seed repeats a triple"
    );
    for (triple, n) in highest {
        assert_eq!(graph.derived_keys_of(&triple), n, "{triple}");
    }
    assert_eq!(graph.derived_keys_of("nobody.WON.nothing"), 0);
}
