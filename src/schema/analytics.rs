//! Views of the whole-graph analyses (`centrality`, `components`, `brokers`): the graph
//! computes and caches them (`graph::analytics`); these wrappers read and format.

use std::sync::Arc;

use async_graphql::{Context, Object, Result};

use super::entity::{Entity, entity};
use super::enums::{EntityKind, convert};
use super::error::in_range;
use super::vocabulary::{self, Predicate};
use crate::graph::algo::Bounded;
use crate::graph::analytics::{self, Scope};
use crate::graph::view::ViewFilter;
use crate::graph::{EntityId, KnowledgeGraph};

/// Most items an analysis field returns.
pub const MAX_FIRST: i32 = 100;

/// The arguments every analysis takes.
pub(crate) struct AnalysisArgs {
    pub kinds: Option<Vec<EntityKind>>,
    pub predicates: Option<Vec<Predicate>>,
    pub include_inferred: bool,
    pub first: i32,
}

impl AnalysisArgs {
    /// The scope the arguments name, and how many results to return; an error for a `first`
    /// out of range or a predicate the graph does not know.
    pub(crate) fn scope(&self, kg: &KnowledgeGraph) -> Result<(Scope, usize)> {
        let first = in_range("first", self.first, 1, MAX_FIRST)?;
        let predicates = vocabulary::resolve_all(kg, &self.predicates)?;
        let kinds: Vec<crate::graph::EntityKind> = convert(&self.kinds);
        let scope = Scope::new(&ViewFilter {
            predicates: &predicates,
            kinds: &kinds,
            stated_only: !self.include_inferred,
        });
        Ok((scope, first))
    }
}

/// What an analysis found, or the error that says the budget did not allow it.
pub(crate) fn finished<T: ?Sized>(
    ctx: &Context<'_>,
    field: &str,
    found: Bounded<Arc<T>>,
    max_visited: usize,
) -> Arc<T> {
    if !found.complete {
        super::query::report_incomplete(ctx, field, max_visited);
    }
    found.value
}

/// An entity and its PageRank.
pub struct RankedEntity<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) ranked: analytics::Ranked,
    pub(crate) rank: usize,
}

/// An entity and its PageRank: the chance that a walk along relations (subject to object,
/// jumping to a random entity now and then) is at it.
#[Object]
impl<'a> RankedEntity<'a> {
    /// The entity.
    async fn entity(&self) -> Entity<'a> {
        entity(self.kg, self.ranked.entity)
    }

    /// Its PageRank; the scores of every entity of the analysis sum to 1.
    async fn score(&self) -> f64 {
        self.ranked.score
    }

    /// Its place in the ranking, from 1.
    async fn rank(&self) -> i32 {
        self.rank as i32
    }
}

/// One connected component of an analysis.
pub struct Component<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) all: Arc<[analytics::Component<EntityId>]>,
    pub(crate) index: usize,
}

impl Component<'_> {
    fn component(&self) -> &analytics::Component<EntityId> {
        &self.all[self.index]
    }
}

/// A connected component: entities joined by relations (taken either way), none joined to an
/// entity outside it.
#[Object]
impl<'a> Component<'a> {
    /// Entities in it.
    async fn size(&self) -> i32 {
        self.component().members.len() as i32
    }

    /// Relations between its entities.
    async fn relations(&self) -> i32 {
        self.component().relations as i32
    }

    /// The entity with the most relations in it (the lowest id among equals).
    async fn representative(&self) -> Entity<'a> {
        entity(self.kg, self.component().representative())
    }

    /// Its entities, most relations first.
    async fn members(
        &self,
        #[graphql(default = 10, desc = "How many at most (1 to 100).")] first: i32,
    ) -> Result<Vec<Entity<'a>>> {
        let first = in_range("first", first, 1, MAX_FIRST)?;
        Ok(self
            .component()
            .members
            .iter()
            .take(first)
            .map(|&e| entity(self.kg, e))
            .collect())
    }
}

/// An entity that holds its component together.
pub struct Broker<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) broker: analytics::Broker,
}

/// An articulation point: an entity every path between some two entities of its component
/// passes through, so that without it the component falls apart (the person who links two
/// otherwise separate stories).
#[Object]
impl<'a> Broker<'a> {
    /// The entity.
    async fn entity(&self) -> Entity<'a> {
        entity(self.kg, self.broker.entity)
    }

    /// Relations at it (either way) within the analysis.
    async fn relations(&self) -> i32 {
        self.broker.relations as i32
    }

    /// Entities in its component, itself included.
    async fn component_size(&self) -> i32 {
        self.broker.component as i32
    }

    /// Parts its component falls into without it (at least 2).
    async fn pieces(&self) -> i32 {
        self.broker.pieces as i32
    }

    /// Entities of its component (itself excluded) that would be cut off from the largest of
    /// those parts: how much of the graph reaches the rest only through it.
    async fn separated(&self) -> i32 {
        self.broker.separated as i32
    }
}
