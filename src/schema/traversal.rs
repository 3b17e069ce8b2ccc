//! Views of traversal results: paths, subgraphs and related entities.

use async_graphql::{Object, SimpleObject};

use super::entity::{Entity, entity};
use super::enums::QualifierEntity;
use super::views::Relation;
use crate::graph::algo;
use crate::graph::{EntityId, KnowledgeGraph, QualifierKey, Step};

/// A path through the graph.
pub struct Path<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) path: algo::Path,
}

/// A path through the graph: entities joined by relations, each relation with its evidence.
#[Object]
impl<'a> Path<'a> {
    /// Number of relations followed.
    async fn length(&self) -> i32 {
        self.path.len() as i32
    }

    /// The entities along the path, both ends included.
    async fn nodes(&self) -> Vec<Entity<'a>> {
        self.path
            .nodes
            .iter()
            .map(|&id| entity(self.kg, id))
            .collect()
    }

    /// The relations followed, in order (one fewer than `nodes`).
    async fn relations(&self) -> Vec<Relation<'a>> {
        self.path
            .claims()
            .map(|id| Relation { kg: self.kg, id })
            .collect()
    }

    /// The path step by step, each with the way the relation was walked.
    async fn steps(&self) -> Vec<PathStep<'a>> {
        self.path
            .steps
            .iter()
            .zip(&self.path.nodes)
            .map(|(&step, &from)| PathStep {
                kg: self.kg,
                from,
                step,
            })
            .collect()
    }
}

/// One step of a path.
pub struct PathStep<'a> {
    kg: &'a KnowledgeGraph,
    from: EntityId,
    step: Step,
}

/// One step of a path: from an entity, along a relation, to the next.
#[Object]
impl<'a> PathStep<'a> {
    /// The entity the step leaves.
    async fn from(&self) -> Entity<'a> {
        entity(self.kg, self.from)
    }

    /// The entity the step reaches.
    async fn to(&self) -> Entity<'a> {
        entity(self.kg, self.step.to)
    }

    /// The relation followed.
    async fn relation(&self) -> Relation<'a> {
        Relation {
            kg: self.kg,
            id: self.step.claim,
        }
    }

    /// True when the relation was walked from its subject to its object; false when walked
    /// backwards (from object to subject). For a step through a qualifier, true when it goes
    /// from the relation's subject to the entity the qualifier names.
    async fn forward(&self) -> bool {
        self.step.forward
    }

    /// Set when the step does not join the relation's subject and object but its subject and
    /// the place or event a qualifier names (H.E.R. sang the anthem *at the Stade de France*):
    /// which qualifier. Null for an ordinary step.
    async fn through_qualifier(&self) -> Option<QualifierEntity> {
        self.step.qualifier.and_then(|q| match q {
            QualifierKey::Place => Some(QualifierEntity::Place),
            QualifierKey::Event => Some(QualifierEntity::Event),
            _ => None,
        })
    }
}

/// Entities near a centre and the relations among them.
pub struct Subgraph<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) value: algo::Bounded<algo::Subgraph>,
}

/// The entities within some hops of a centre, and every relation among them.
#[Object]
impl<'a> Subgraph<'a> {
    /// The entities, nearest first, the centre first of all.
    async fn nodes(&self) -> Vec<SubgraphNode<'a>> {
        self.value
            .value
            .nodes
            .iter()
            .map(|&(id, distance)| SubgraphNode {
                entity: entity(self.kg, id),
                distance: distance as i32,
            })
            .collect()
    }

    /// Every relation allowed by the filters whose two ends are both in `nodes`.
    async fn relations(&self) -> Vec<Relation<'a>> {
        self.value
            .value
            .claims
            .iter()
            .map(|&id| Relation { kg: self.kg, id })
            .collect()
    }

    /// False when the node bound or traversal budget cut the neighbourhood short (the nodes
    /// returned are then the nearest ones; an error in `errors` says so too).
    async fn complete(&self) -> bool {
        self.value.complete
    }
}

/// An entity in a subgraph, with its distance from the centre.
#[derive(SimpleObject)]
pub struct SubgraphNode<'a> {
    /// The entity.
    entity: Entity<'a>,
    /// Hops from the centre (0 for the centre).
    distance: i32,
}

/// An entity linked to a target, and how.
pub struct RelatedEntity<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) related: algo::Related,
}

/// An entity linked to the target of a `related` query, with the path that links it.
#[Object]
impl<'a> RelatedEntity<'a> {
    /// The linked entity.
    async fn entity(&self) -> Entity<'a> {
        entity(self.kg, self.related.entity)
    }

    /// Number of relations between it and the target.
    async fn distance(&self) -> i32 {
        self.related.path.len() as i32
    }

    /// A shortest path from the linked entity to the target.
    async fn path(&self) -> Path<'a> {
        Path {
            kg: self.kg,
            path: self.related.path.clone(),
        }
    }
}
