//! Traversals over relation claims: one algorithm per file, each bounded in hops, results and
//! visited nodes, each documented with its complexity.
//!
//! Every traversal is a pure function of `&KnowledgeGraph`; none can fail. When a budget runs
//! out, a traversal returns what it completed and says it is incomplete.

mod chain;
mod neighborhood;
mod related;
mod scratch;
mod shortest_path;
mod simple_paths;

#[cfg(test)]
mod proptests;

pub use chain::chain;
pub use neighborhood::{Subgraph, neighborhood};
pub use related::{Related, related};
pub use shortest_path::shortest_path;
pub use simple_paths::simple_paths;

use super::{ClaimId, Direction, EntityId, EntityKind, KnowledgeGraph, Predicate, Step};

/// Nodes a traversal may visit before it stops and reports itself incomplete.
pub const DEFAULT_MAX_VISITED: usize = 1_000_000;

/// Which edges and nodes a traversal may use.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter<'a> {
    /// Only claims with these predicates (all when empty).
    pub predicates: &'a [Predicate],
    /// Only through entities of these kinds (all when empty). Which nodes this applies to is
    /// documented on each traversal.
    pub kinds: &'a [EntityKind],
    /// Which way to follow claims.
    pub direction: Direction,
    /// Leave out claims marked inferred.
    pub skip_inferred: bool,
    /// Leave out claims whose every quote comes from related-article headlines.
    pub skip_headlines: bool,
    /// Also step from a claim's subject to the entities its `place` and `event` qualifiers
    /// name, and back (a step that says so in [`Step::qualifier`]).
    pub through_qualifiers: bool,
    /// Also follow retracted claims (left out by default).
    pub include_retracted: bool,
}

impl Filter<'_> {
    /// The predicates allowed, one bit each (every bit when the filter names none), so that
    /// the hot loop tests an edge's packed predicate with a shift.
    pub(crate) fn predicate_mask(&self) -> u128 {
        if self.predicates.is_empty() {
            return u128::MAX;
        }
        self.predicates.iter().fold(0, |mask, p| {
            mask | 1u128.checked_shl(u32::from(p.0)).unwrap_or(0)
        })
    }

    /// True when deciding whether to follow a claim needs the claim itself, not only the
    /// adjacency edge (which holds its predicate).
    fn reads_claims(&self, graph: &KnowledgeGraph) -> bool {
        self.skip_inferred
            || self.skip_headlines
            || (graph.has_retractions() && !self.include_retracted)
    }

    /// True when the claim passes the inferred, headline and retraction filters.
    pub(crate) fn allows_claim(&self, graph: &KnowledgeGraph, claim: ClaimId) -> bool {
        if !self.reads_claims(graph) {
            return true;
        }
        let c = graph.claim(claim);
        !((self.skip_inferred && c.inferred)
            || (self.skip_headlines && c.headlines_only())
            || (!self.include_retracted && c.retracted.is_some()))
    }

    /// True when the filter lets a traversal enter `entity` (by its kind); reads the entity
    /// only when the filter names kinds.
    #[inline]
    pub(crate) fn allows_entity(&self, graph: &KnowledgeGraph, entity: EntityId) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&graph.entity(entity).kind)
    }

    /// The steps from `at` this filter allows, before any kind check on the node reached.
    ///
    /// Reads only the adjacency runs (8-byte edges with the predicate packed in) unless the
    /// filter leaves out inferred, headline or (in a graph that has any) retracted claims, or
    /// steps through qualifiers. Internal iteration (`for_each`, `try_for_each`) runs each run
    /// as a plain loop.
    pub(crate) fn steps<'s>(
        &'s self,
        graph: &'s KnowledgeGraph,
        at: EntityId,
        direction: Direction,
    ) -> impl Iterator<Item = Step> + 's {
        let (out, inc) = graph.edges(at, direction);
        let (q_out, q_inc) = if self.through_qualifiers {
            graph.qualifier_edges(at, direction)
        } else {
            (&[][..], &[][..])
        };
        let mask = self.predicate_mask();
        let reads_claims = self.reads_claims(graph);
        let keep = move |e: &&crate::graph::Edge| {
            (mask >> e.predicate().0) & 1 == 1
                && (!reads_claims || self.allows_claim(graph, ClaimId(e.claim())))
        };
        let step = |forward: bool| {
            move |e: &crate::graph::Edge| Step {
                claim: ClaimId(e.claim()),
                to: EntityId(e.to),
                forward,
                qualifier: None,
            }
        };
        let through = move |forward: bool| {
            move |e: &crate::graph::Edge| {
                let claim = ClaimId(e.claim());
                let named = if forward { EntityId(e.to) } else { at };
                Step {
                    claim,
                    to: EntityId(e.to),
                    forward,
                    qualifier: graph.qualifier_naming(claim, named),
                }
            }
        };
        out.iter()
            .filter(keep)
            .map(step(true))
            .chain(inc.iter().filter(keep).map(step(false)))
            .chain(q_out.iter().filter(keep).map(through(true)))
            .chain(q_inc.iter().filter(keep).map(through(false)))
    }
}

/// Bounds on a traversal's work.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Most nodes the traversal may discover.
    pub max_visited: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            max_visited: DEFAULT_MAX_VISITED,
        }
    }
}

/// A walk through the graph: `nodes[i]` to `nodes[i + 1]` by `steps[i]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Path {
    /// The entities along the path, both ends included.
    pub nodes: Vec<EntityId>,
    /// The claims followed, one fewer than the nodes.
    pub steps: Vec<Step>,
}

impl Path {
    /// A path of length zero.
    pub fn single(at: EntityId) -> Path {
        Path {
            nodes: vec![at],
            steps: Vec::new(),
        }
    }

    /// Number of claims followed.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True for a path of length zero.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The claims followed, in order.
    pub fn claims(&self) -> impl Iterator<Item = ClaimId> + '_ {
        self.steps.iter().map(|s| s.claim)
    }

    /// The same path walked the other way.
    pub fn reversed(&self) -> Path {
        let nodes: Vec<EntityId> = self.nodes.iter().rev().copied().collect();
        let steps = self
            .steps
            .iter()
            .rev()
            .zip(nodes.iter().skip(1))
            .map(|(s, &to)| Step {
                claim: s.claim,
                to,
                forward: !s.forward,
                qualifier: s.qualifier,
            })
            .collect();
        Path { nodes, steps }
    }
}

/// A traversal's result and whether it ran to completion within its budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounded<T> {
    /// What was found.
    pub value: T,
    /// False when a budget stopped the traversal early; `value` then holds what was complete.
    pub complete: bool,
}

pub(crate) fn reverse(direction: Direction) -> Direction {
    match direction {
        Direction::Outgoing => Direction::Incoming,
        Direction::Incoming => Direction::Outgoing,
        Direction::Both => Direction::Both,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Small hand-made graphs for traversal tests.
    use crate::graph::*;

    /// The predicates of the test graphs.
    pub(crate) const A: Predicate = Predicate(0);
    pub(crate) const H: Predicate = Predicate(1);
    pub(crate) const C: Predicate = Predicate(2);
    pub(crate) const N: Predicate = Predicate(3);

    pub(crate) fn vocabulary() -> Vocabulary {
        let def = |name: &str, inverse: Option<&str>| PredicateDef {
            name: name.into(),
            description: name.into(),
            subject: EntityKind::ALL.to_vec(),
            object: EntityKind::ALL.to_vec(),
            inverse: inverse.map(Into::into),
            symmetric: inverse.is_none(),
            chain: name == "HANDED_FLAG_TO",
            qualifiers: None,
        };
        Vocabulary::new(vec![
            def("APPEARED_WITH", None),
            def("HANDED_FLAG_TO", Some("RECEIVED_FLAG_FROM")),
            def("COACHES", Some("COACHED_BY")),
            def("NATIVE_OF", Some("HOME_OF")),
        ])
    }

    /// A one-character source, for claims whose quotes do not matter.
    pub(crate) fn source() -> Source {
        Source {
            key: "s".into(),
            title: "t".into(),
            published_on: None,
            language: "en".into(),
            outlet: None,
            text: "x".into(),
            headlines_from: None,
        }
    }

    /// A graph of `n` people (`p0`, `p1` …) and one source, with `edges` as
    /// `(subject, predicate, object)` claims.
    pub(crate) fn graph(n: usize, edges: &[(usize, Predicate, usize)]) -> KnowledgeGraph {
        let entities = (0..n)
            .map(|i| Entity {
                key: format!("p{i}"),
                kind: EntityKind::Person,
                name: format!("Person {i}"),
                aliases: vec![],
                shared_aliases: vec![],
                description: None,
            })
            .collect();
        let source = source();
        let span = Span {
            start: 0,
            end: 1,
            char_start: 0,
            char_end: 1,
        };
        let claims = edges
            .iter()
            .enumerate()
            .map(|(i, &(s, p, o))| Claim {
                key: format!("c{i}"),
                subject: EntityId(s as u32),
                predicate: p,
                object: EntityId(o as u32),
                qualifiers: Qualifiers::default(),
                evidence: vec![Evidence {
                    source: SourceId(0),
                    span,
                    section: Section::Body,
                }],
                inferred: false,
                retracted: None,
            })
            .collect();
        KnowledgeGraph::new(GraphParts {
            vocabulary: vocabulary(),
            entities,
            sources: vec![source],
            claims,
            quantities: vec![],
        })
    }

    pub(crate) fn e(i: u32) -> EntityId {
        EntityId(i)
    }
}
