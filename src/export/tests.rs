//! Each format read back by a parser of its own (quick-xml, oxttl, oxjsonld): the counts of
//! what went in, and names and quotes with quotes, ampersands and angle brackets intact.

use std::collections::{BTreeSet, HashSet};

use oxrdf::{Quad, Triple};
use quick_xml::Reader;
use quick_xml::events::Event;
use quick_xml::name::QName;

use super::*;
use crate::graph::algo::testing::{A, vocabulary};
use crate::graph::*;

const TEXT: &str = "He said: \"A&B\" <now>, ok — Zoë's.";
const QUOTE: &str = "\"A&B\" <now>";
const AWKWARD: &str = "Ben & \"Jerry\" <x>";

/// Two entities with awkward names, one claim quoting awkward text, and a retracted one.
fn graph() -> KnowledgeGraph {
    let start = TEXT.find(QUOTE).expect("in the text");
    let end = start + QUOTE.len();
    let span = Span {
        start: start as u32,
        end: end as u32,
        char_start: TEXT[..start].chars().count() as u32,
        char_end: TEXT[..end].chars().count() as u32,
    };
    let entity = |key: &str, name: &str, kind| Entity {
        key: key.into(),
        kind,
        name: name.into(),
        aliases: vec![],
        shared_aliases: vec![],
        description: Some(format!("{name}, described")),
    };
    let claim = |key: &str, s: u32, o: u32, retracted: bool| Claim {
        key: key.into(),
        subject: EntityId(s),
        predicate: A,
        object: EntityId(o),
        qualifiers: Qualifiers {
            order: Some(1),
            ..Qualifiers::default()
        },
        evidence: vec![Evidence {
            source: SourceId(0),
            span,
            section: Section::Body,
        }],
        inferred: false,
        retracted: retracted.then(|| Retraction {
            at: "2026-01-01T00:00:00Z".into(),
            reason: "test".into(),
            by: None,
        }),
    };
    KnowledgeGraph::new(GraphParts {
        vocabulary: vocabulary(),
        entities: vec![
            entity("ben", AWKWARD, EntityKind::Person),
            entity("zoe", "Zoë", EntityKind::Place),
        ],
        sources: vec![Source {
            key: "s1".into(),
            title: "A <title> & more".into(),
            published_on: Some("2024-08-11".into()),
            language: "en".into(),
            outlet: None,
            text: TEXT.into(),
            headlines_from: None,
        }],
        claims: vec![claim("c1", 0, 1, false), claim("c2", 1, 0, true)],
        quantities: vec![],
    })
}

fn export(g: &KnowledgeGraph, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    write(g, format, &mut out).expect("writing to memory succeeds");
    out
}

#[test]
fn graphml_reads_back_with_every_node_edge_and_quote() {
    let g = graph();
    let xml = export(&g, Format::GraphMl);
    let mut reader = Reader::from_reader(xml.as_slice());
    let (mut nodes, mut edges) = (0, 0);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Start(e) if e.name() == QName("node") => nodes += 1,
            Event::Start(e) if e.name() == QName("edge") => edges += 1,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!((nodes, edges), (2, 1), "the retracted claim is left out");
    let text = String::from_utf8(xml).expect("UTF-8");
    // Escaped by the writer, so the raw file never holds the bare characters in content.
    assert!(
        text.contains("Ben &amp; &quot;Jerry&quot; &lt;x&gt;"),
        "{text}"
    );
    assert!(text.contains("<data key=\"order\">1</data>"), "{text}");
    let evidence = text
        .split("<data key=\"evidence\">")
        .nth(1)
        .and_then(|rest| rest.split("</data>").next())
        .expect("an evidence attribute");
    let unescaped = quick_xml::escape::unescape(evidence).expect("valid escapes");
    let parsed: serde_json::Value = serde_json::from_str(&unescaped).expect("JSON");
    assert_eq!(parsed[0]["quote"], QUOTE);
    assert_eq!(parsed[0]["source"], "s1");
    let (start, end) = (parsed[0]["start"].as_u64(), parsed[0]["end"].as_u64());
    let chars: Vec<char> = TEXT.chars().collect();
    let quoted: String = chars[start.expect("start") as usize..end.expect("end") as usize]
        .iter()
        .collect();
    assert_eq!(quoted, QUOTE, "the span counts characters");
}

#[test]
fn dot_has_a_node_per_entity_and_an_edge_per_claim_with_quotes_escaped() {
    let g = graph();
    let dot = String::from_utf8(export(&g, Format::Dot)).expect("UTF-8");
    assert!(dot.starts_with("digraph {"), "{dot}");
    assert_eq!(dot.lines().filter(|l| l.contains(" -> ")).count(), 1);
    assert_eq!(dot.lines().filter(|l| l.contains("shape = ")).count(), 2);
    assert!(dot.contains(r#"label = "Ben & \"Jerry\" <x>""#), "{dot}");
    assert!(dot.contains(r#"tooltip = "\"A&B\" <now>""#), "{dot}");
    assert_eq!(dot::quoted("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
}

fn ntriples(g: &KnowledgeGraph) -> HashSet<Triple> {
    let bytes = export(g, Format::NTriples);
    oxttl::NTriplesParser::new()
        .for_slice(&bytes)
        .map(|t| t.expect("valid N-Triples"))
        .collect()
}

#[test]
fn ntriples_read_back_with_the_quote_intact() {
    let g = graph();
    let triples = ntriples(&g);
    let objects = |p: &str| -> Vec<String> {
        triples
            .iter()
            .filter(|t| t.predicate.as_str() == format!("{NAMESPACE}{p}"))
            .map(|t| match &t.object {
                oxrdf::Term::Literal(l) => l.value().to_owned(),
                other => other.to_string(),
            })
            .collect()
    };
    assert_eq!(objects("quote"), vec![QUOTE.to_owned()]);
    assert_eq!(
        objects("APPEARED_WITH"),
        vec![format!("<{RESOURCES}zoe>")],
        "one direct triple: the retracted claim is left out"
    );
    let names: BTreeSet<String> = triples
        .iter()
        .filter(|t| t.predicate.as_str() == "https://schema.org/name")
        .map(|t| match &t.object {
            oxrdf::Term::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        })
        .collect();
    assert_eq!(
        names,
        BTreeSet::from([AWKWARD.to_owned(), "Zoë".to_owned()])
    );
    let person = triples.iter().any(|t| {
        t.subject.to_string() == format!("<{RESOURCES}ben>")
            && t.object.to_string() == "<https://schema.org/Person>"
    });
    assert!(person, "entities carry their schema.org type");
}

#[test]
fn jsonld_holds_the_same_triples_as_ntriples() {
    let g = graph();
    let bytes = export(&g, Format::JsonLd);
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(json["@context"]["schema"], "https://schema.org/");
    let quads: Vec<Quad> = oxjsonld::JsonLdParser::new()
        .for_slice(&bytes)
        .map(|q| q.expect("valid JSON-LD"))
        .collect();
    let from_jsonld: HashSet<Triple> = quads.into_iter().map(Triple::from).collect();
    assert_eq!(from_jsonld, ntriples(&g));
}

#[test]
fn the_seed_exports_every_entity_and_every_standing_claim() {
    let g = crate::dataset::load_embedded().expect("the seed loads");
    let standing = g.claims().filter(|c| c.retracted.is_none()).count();
    let graphml = String::from_utf8(export(&g, Format::GraphMl)).expect("UTF-8");
    assert_eq!(graphml.matches("<node id=").count(), g.entities().len());
    assert_eq!(graphml.matches("<edge id=").count(), standing);
    let triples = ntriples(&g);
    let direct = triples
        .iter()
        .filter(|t| {
            t.predicate.as_str().starts_with(NAMESPACE)
                && g.vocabulary()
                    .find(&t.predicate.as_str()[NAMESPACE.len()..])
                    .is_some()
        })
        .count();
    assert!(direct <= standing && direct > 0, "{direct} of {standing}");
    let statements = triples
        .iter()
        .filter(|t| {
            t.object.to_string() == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>"
        })
        .count();
    assert_eq!(statements, standing);
}
