//! The graph as RDF: N-Triples (oxttl) and JSON-LD (oxjsonld), from one list of triples made
//! with oxrdf, so that both formats hold exactly the same statements.
//!
//! The mapping, documented in README ("Exports"):
//! - an entity is `<https://olympia-kg.example/id/{id}>`, typed with schema.org
//!   ([`schema_type`]), with `schema:name`, `schema:alternateName` per alias,
//!   `schema:description` and `ns:kind` (the dataset's own kind);
//! - a source is a `schema:NewsArticle` with `schema:headline`, `schema:datePublished`,
//!   `schema:inLanguage`, `ns:outlet` and `schema:text`;
//! - a relation claim is a direct triple `subject ns:PREDICATE object`, and also a node of its
//!   own (an `rdf:Statement`, with `rdf:subject`, `rdf:predicate`, `rdf:object`) that carries
//!   its qualifiers (`ns:order`, `ns:role`, `ns:date`, `ns:place`, `ns:event`, `ns:medal`,
//!   `ns:note`), `ns:inferred`, and one `ns:evidence` node per quote (`ns:source`, `ns:quote`,
//!   `ns:start` and `ns:end` in characters, `ns:section`).
//!
//! Retracted claims are left out, as the traversals leave them out; quantity claims are not
//! exported.

use std::io::{self, Write};

use oxjsonld::JsonLdSerializer;
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{GraphNameRef, Literal, NamedNode, Triple};
use oxttl::NTriplesSerializer;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{Quote, view};
use crate::graph::{EntityKind, KnowledgeGraph};

/// Our predicates and properties: `ns:HANDED_FLAG_TO`, `ns:evidence`, `ns:quote`, …
pub const NAMESPACE: &str = "https://olympia-kg.example/ns#";

/// Entities, sources, claims and evidence: `{RESOURCES}{id}`, with the dataset's id.
pub const RESOURCES: &str = "https://olympia-kg.example/id/";

const SCHEMA: &str = "https://schema.org/";

/// The schema.org type of an entity kind (a group, a band or a team, is an `Organization`).
pub fn schema_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Group | EntityKind::Organization => "Organization",
        EntityKind::Country => "Country",
        EntityKind::Place => "Place",
        EntityKind::Event => "Event",
        EntityKind::Work => "CreativeWork",
    }
}

/// Writes the graph as N-Triples.
pub(super) fn write_ntriples(graph: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let mut writer = NTriplesSerializer::new().for_writer(out);
    triples(graph, &mut |t| writer.serialize_triple(&t))?;
    writer.finish().flush()
}

/// Writes the graph as JSON-LD, with `schema`, `ns` and `id` prefixes in its context.
pub(super) fn write_jsonld(graph: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let serializer = JsonLdSerializer::new()
        .with_prefix("schema", SCHEMA)
        .and_then(|s| s.with_prefix("ns", NAMESPACE))
        .and_then(|s| s.with_prefix("id", RESOURCES))
        .map_err(io::Error::other)?;
    let mut writer = serializer.for_writer(out);
    triples(graph, &mut |t| {
        writer.serialize_quad(t.as_ref().in_graph(GraphNameRef::DefaultGraph))
    })?;
    writer.finish()?.flush()
}

/// A resource of the dataset by its id. Ids are readable keys; anything an IRI path may not
/// hold as it is gets percent-encoded.
fn resource(id: &str) -> NamedNode {
    let mut iri = String::with_capacity(RESOURCES.len() + id.len());
    iri.push_str(RESOURCES);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            iri.push(b as char);
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    NamedNode::new_unchecked(iri)
}

fn ns(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NAMESPACE}{name}"))
}

fn schema(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SCHEMA}{name}"))
}

fn text(value: &str) -> Literal {
    Literal::new_simple_literal(value)
}

fn integer(value: impl ToString) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

/// Every triple of the export, in a stable order: entities, sources, then claims.
fn triples(
    graph: &KnowledgeGraph,
    emit: &mut dyn FnMut(Triple) -> io::Result<()>,
) -> io::Result<()> {
    let mut say = |s: &NamedNode, p: NamedNode, o: oxrdf::Term| emit(Triple::new(s.clone(), p, o));
    for entity in graph.entities().iter() {
        let me = resource(&entity.key);
        say(
            &me,
            rdf::TYPE.into(),
            schema(schema_type(entity.kind)).into(),
        )?;
        say(&me, schema("name"), text(&entity.name).into())?;
        for alias in entity.aliases.iter().chain(&entity.shared_aliases) {
            say(&me, schema("alternateName"), text(alias).into())?;
        }
        if let Some(d) = &entity.description {
            say(&me, schema("description"), text(d).into())?;
        }
        say(&me, ns("kind"), text(entity.kind.as_str()).into())?;
    }
    for source in graph.sources().iter() {
        let me = resource(&source.key);
        say(&me, rdf::TYPE.into(), schema("NewsArticle").into())?;
        say(&me, schema("headline"), text(&source.title).into())?;
        if let Some(date) = &source.published_on {
            say(&me, schema("datePublished"), text(date).into())?;
        }
        say(&me, schema("inLanguage"), text(&source.language).into())?;
        if let Some(outlet) = &source.outlet {
            say(&me, ns("outlet"), text(outlet).into())?;
        }
        say(&me, schema("text"), text(&source.text).into())?;
    }
    let view = view(graph);
    for edge in view.edge_references() {
        let claim = graph.claim(edge.id());
        let key = claim.key();
        let me = resource(&key);
        let (subject, object) = (
            resource(&graph.entity(claim.subject).key),
            resource(&graph.entity(claim.object).key),
        );
        let predicate = ns(graph.vocabulary().name(claim.predicate));
        say(&subject, predicate.clone(), object.clone().into())?;
        say(&me, rdf::TYPE.into(), rdf::STATEMENT.into_owned().into())?;
        say(&me, rdf::SUBJECT.into(), subject.into())?;
        say(&me, rdf::PREDICATE.into(), predicate.into())?;
        say(&me, rdf::OBJECT.into(), object.into())?;
        let inferred = Literal::new_typed_literal(claim.inferred.to_string(), xsd::BOOLEAN);
        say(&me, ns("inferred"), inferred.into())?;
        let q = claim.qualifiers;
        if let Some(order) = q.order {
            say(&me, ns("order"), integer(order).into())?;
        }
        for (name, value) in [("role", &q.role), ("date", &q.date), ("note", &q.note)] {
            if let Some(value) = value {
                say(&me, ns(name), text(value).into())?;
            }
        }
        if let Some(medal) = q.medal {
            say(&me, ns("medal"), text(medal.as_str()).into())?;
        }
        for (name, at) in [("place", q.place), ("event", q.event)] {
            if let Some(at) = at {
                say(&me, ns(name), resource(&graph.entity(at).key).into())?;
            }
        }
        for (n, evidence) in claim.evidence.iter().enumerate() {
            let quote = Quote::new(graph, evidence);
            let it = resource(&format!("{key}/evidence/{}", n + 1));
            say(&me, ns("evidence"), it.clone().into())?;
            say(&it, rdf::TYPE.into(), ns("Evidence").into())?;
            say(&it, ns("source"), resource(quote.source).into())?;
            say(&it, ns("quote"), text(quote.quote).into())?;
            say(&it, ns("start"), integer(quote.start).into())?;
            say(&it, ns("end"), integer(quote.end).into())?;
            say(&it, ns("section"), text(quote.section).into())?;
        }
    }
    Ok(())
}
