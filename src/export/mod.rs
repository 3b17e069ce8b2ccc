//! The graph written out in the formats other tools read: GraphML (NetworkX, Gephi, yEd), DOT
//! (Graphviz), N-Triples and JSON-LD (RDF stores, SPARQL). The JSON Lines dataset a store
//! holds is written by `store`, not here: that one is the system of record, these are views.
//!
//! Every writer reads one graph version through a [`GraphView`] (entities as nodes, relation
//! claims as directed edges subject → object; retracted claims left out, as the traversals
//! leave them out) and writes to any `impl Write`: the caller chooses the file. Each claim's
//! evidence (quote, source, character span, section) goes with its edge. Never reads or
//! creates a file itself, and knows nothing of GraphQL or HTTP.

mod dot;
mod graphml;
mod rdf;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

pub use rdf::{NAMESPACE, RESOURCES, schema_type};

use crate::graph::view::{GraphView, ViewFilter};
use crate::graph::{Evidence, KnowledgeGraph, Section};

/// A format the graph can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GraphML: XML with typed node and edge attributes.
    GraphMl,
    /// Graphviz DOT.
    Dot,
    /// RDF N-Triples: one triple per line.
    NTriples,
    /// RDF as JSON-LD, with schema.org types.
    JsonLd,
}

/// Writes the graph in `format`.
pub fn write(graph: &KnowledgeGraph, format: Format, out: impl Write) -> io::Result<()> {
    match format {
        Format::GraphMl => graphml::write(graph, out),
        Format::Dot => dot::write(graph, out),
        Format::NTriples => rdf::write_ntriples(graph, out),
        Format::JsonLd => rdf::write_jsonld(graph, out),
    }
}

/// The graph as every format shows it: all entities, every claim not retracted.
fn view(graph: &KnowledgeGraph) -> GraphView<'_> {
    GraphView::directed(graph, &ViewFilter::default())
}

/// One piece of evidence as the exports give it: the source's id, the quote, and its span in
/// characters (what clients count in) within the source's text.
#[derive(Debug, serde::Serialize)]
struct Quote<'g> {
    source: &'g str,
    quote: &'g str,
    start: usize,
    end: usize,
    section: &'static str,
}

impl<'g> Quote<'g> {
    fn new(graph: &'g KnowledgeGraph, evidence: &Evidence) -> Quote<'g> {
        Quote {
            source: &graph.source(evidence.source).key,
            quote: graph.quote(evidence),
            start: evidence.span.char_start as usize,
            end: evidence.span.char_end as usize,
            section: match evidence.section {
                Section::Body => "body",
                Section::Headlines => "headlines",
            },
        }
    }
}
