//! Graphviz DOT, by petgraph's `dot` module run on the graph's view: petgraph lays out the
//! nodes and edges; the attribute getters below give each node its name and kind and each edge
//! its predicate and first quote.
//!
//! petgraph's `Dot` escapes only the labels it makes from weights (ours are entities and
//! predicates, which have no `Display`), so the getters quote their strings themselves through
//! [`quoted`], the one place that knows DOT's string syntax.

use std::io::{self, Write};

use petgraph::dot::{Config, Dot};
use petgraph::visit::EdgeRef;

use super::view;
use crate::graph::view::ClaimEdge;
use crate::graph::{Entity, EntityId, EntityKind, KnowledgeGraph};

/// Writes the graph as a DOT digraph: a node per entity (`label` its name, shaped by kind), an
/// edge per claim (`label` its predicate, `tooltip` its first quote, `id` the claim's id).
pub(super) fn write(graph: &KnowledgeGraph, mut out: impl Write) -> io::Result<()> {
    let view = view(graph);
    let node = |_, (_, entity): (EntityId, &Entity)| {
        format!(
            "label = {} shape = {} id = {}",
            quoted(&entity.name),
            shape(entity.kind),
            quoted(&entity.key)
        )
    };
    let edge = |_, edge: ClaimEdge| {
        let claim = graph.claim(edge.id());
        let tooltip = claim
            .evidence
            .first()
            .map(|e| format!(" tooltip = {}", quoted(graph.quote(e))))
            .unwrap_or_default();
        format!(
            "label = {} id = {}{tooltip}",
            quoted(graph.vocabulary().name(claim.predicate)),
            quoted(&claim.key()),
        )
    };
    let dot = Dot::with_attr_getters(
        &view,
        &[Config::NodeNoLabel, Config::EdgeNoLabel],
        &edge,
        &node,
    );
    write!(out, "{dot:?}")?;
    out.flush()
}

/// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`.
pub(super) fn quoted(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// A shape per kind, so that a rendered graph tells people from places at a glance.
fn shape(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "ellipse",
        EntityKind::Group => "octagon",
        EntityKind::Country | EntityKind::Place => "house",
        EntityKind::Organization => "box",
        EntityKind::Event => "diamond",
        EntityKind::Work => "note",
    }
}
