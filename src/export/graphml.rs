//! GraphML (<http://graphml.graphdrawing.org/>), written with quick-xml's writer so that every
//! name, quote and description is escaped by the XML library, never by hand.
//!
//! Nodes are entities (`id` = the entity's id); edges are claims (`id` = the claim's id,
//! `source` = its subject, `target` = its object), so two claims between the same entities
//! are two edges (NetworkX reads the file as a `MultiDiGraph`).

use std::io::{self, Write};

use petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoNodeReferences};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Quote, view};
use crate::graph::KnowledgeGraph;

/// The attributes declared, as (id, for, type).
const KEYS: [(&str, &str, &str); 9] = [
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("description", "node", "string"),
    ("predicate", "edge", "string"),
    ("inferred", "edge", "boolean"),
    ("order", "edge", "int"),
    ("quote", "edge", "string"),
    ("source", "edge", "string"),
    ("evidence", "edge", "string"),
];

/// Writes the graph as GraphML. Edge attributes: `predicate`, `inferred`, `order` (a chain's
/// step, when the claim has one), `quote` and `source` (its first piece of evidence), and
/// `evidence`: every piece as a JSON array of `{source, quote, start, end, section}` with the
/// span in characters.
pub(super) fn write(graph: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let view = view(graph);
    let mut xml = Writer::new_with_indent(out, b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .write_inner_content(|xml| {
            for (id, on, ty) in KEYS {
                xml.create_element("key")
                    .with_attributes([
                        ("id", id),
                        ("for", on),
                        ("attr.name", id),
                        ("attr.type", ty),
                    ])
                    .write_empty()?;
            }
            xml.create_element("graph")
                .with_attributes([("id", "olympia-kg"), ("edgedefault", "directed")])
                .write_inner_content(|xml| {
                    for (_, entity) in view.node_references() {
                        xml.create_element("node")
                            .with_attribute(("id", entity.key.as_str()))
                            .write_inner_content(|xml| {
                                data(xml, "name", &entity.name)?;
                                data(xml, "kind", entity.kind.as_str())?;
                                if let Some(d) = &entity.description {
                                    data(xml, "description", d)?;
                                }
                                Ok(())
                            })?;
                    }
                    for edge in view.edge_references() {
                        let claim = graph.claim(edge.id());
                        let quotes: Vec<Quote> = claim
                            .evidence
                            .iter()
                            .map(|e| Quote::new(graph, e))
                            .collect();
                        let key = claim.key();
                        xml.create_element("edge")
                            .with_attributes([
                                ("id", key.as_ref()),
                                ("source", graph.entity(edge.source()).key.as_str()),
                                ("target", graph.entity(edge.target()).key.as_str()),
                            ])
                            .write_inner_content(|xml| {
                                data(xml, "predicate", graph.vocabulary().name(claim.predicate))?;
                                data(
                                    xml,
                                    "inferred",
                                    if claim.inferred { "true" } else { "false" },
                                )?;
                                if let Some(order) = claim.qualifiers.order {
                                    data(xml, "order", &order.to_string())?;
                                }
                                if let Some(first) = quotes.first() {
                                    data(xml, "quote", first.quote)?;
                                    data(xml, "source", first.source)?;
                                }
                                let evidence =
                                    serde_json::to_string(&quotes).map_err(io::Error::other)?;
                                data(xml, "evidence", &evidence)
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    xml.get_mut().write_all(b"\n")?;
    xml.into_inner().flush()
}

/// One `<data key="…">value</data>`.
fn data<W: Write>(xml: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    xml.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}
