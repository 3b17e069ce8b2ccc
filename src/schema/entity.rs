//! The `Entity` and `Node` interfaces and one object type per entity kind.
//!
//! The seven entity types share every field; a macro writes them so that the interface and
//! its implementations cannot drift apart.

// The interface's field list repeats `ty = …` per argument, which clippy takes for duplicated
// attributes.
#![allow(clippy::duplicated_attributes)]

use async_graphql::{Context, ID, Interface, Object, Result};

use super::enums::{Direction, EntityKind};
use super::paging::PageArgs;
use super::views::{
    Mention, QuantityClaim, QuantityGroup, Relation, RelationConnection, Source, group_quantities,
};
use super::vocabulary::{self, Predicate, typed_entity};
use crate::graph::{self, EntityId, KnowledgeGraph};

/// The shared data of every entity view.
#[derive(Clone, Copy)]
pub struct EntityRef<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) id: EntityId,
}

impl<'a> EntityRef<'a> {
    fn entity(&self) -> &'a graph::Entity {
        self.kg.entity(self.id)
    }

    fn relations(
        &self,
        predicates: &Option<Vec<Predicate>>,
        direction: Direction,
        include: Include,
        args: &PageArgs,
    ) -> Result<RelationConnection<'a>> {
        let predicates = vocabulary::resolve_all(self.kg, predicates)?;
        let claims = self
            .kg
            .claims_of(self.id, direction.into())
            .into_iter()
            .filter(|&c| {
                let claim = self.kg.claim(c);
                (predicates.is_empty() || predicates.contains(&claim.predicate))
                    && include.allows(claim)
            })
            .collect();
        RelationConnection::new(self.kg, Some(self.id), claims, args)
    }
}

/// Which claims a traversal or list may use, beyond its predicates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Include {
    /// Claims marked inferred.
    pub inferred: bool,
    /// Claims whose only evidence is a related-article headline.
    pub headlines: bool,
    /// Claims that were retracted.
    pub retracted: bool,
}

impl Include {
    pub(crate) fn allows(self, claim: graph::ClaimRef<'_>) -> bool {
        (self.inferred || !claim.inferred)
            && (self.headlines || !claim.headlines_only())
            && (self.retracted || claim.retracted.is_none())
    }
}

/// The view of an entity id as its kind's object type.
pub fn entity(kg: &KnowledgeGraph, id: EntityId) -> Entity<'_> {
    let r = EntityRef { kg, id };
    match kg.entity(id).kind {
        graph::EntityKind::Person => Entity::Person(Person(PersonFields(r))),
        graph::EntityKind::Group => Entity::Group(Group(GroupFields(r))),
        graph::EntityKind::Country => Entity::Country(Country(CountryFields(r))),
        graph::EntityKind::Place => Entity::Place(Place(PlaceFields(r))),
        graph::EntityKind::Organization => {
            Entity::Organization(Organization(OrganizationFields(r)))
        }
        graph::EntityKind::Event => Entity::Event(Event(EventFields(r))),
        graph::EntityKind::Work => Entity::Work(Work(WorkFields(r))),
    }
}

macro_rules! entity_types {
    ($($(#[$meta:meta])* $name:ident($fields:ident, $name_str:literal) = $kind:expr),+ $(,)?) => {$(
        $(#[$meta])*
        pub struct $name<'a>(pub(crate) $fields<'a>);

        typed_entity!($name, $fields, $kind);

        /// The fields every entity type has; the vocabulary's typed fields are added around
        /// them (`vocabulary::typed_entity`).
        #[derive(Clone, Copy)]
        pub struct $fields<'a>(pub(crate) EntityRef<'a>);

        impl<'a> std::ops::Deref for $name<'a> {
            type Target = $fields<'a>;

            fn deref(&self) -> &$fields<'a> {
                &self.0
            }
        }

        $(#[$meta])*
        #[Object(name = $name_str)]
        impl<'a> $fields<'a> {
            /// Globally unique, stable, readable id (e.g. `tom-cruise`).
            async fn id(&self, _ctx: &Context<'_>) -> Result<ID> {
                Ok(ID(self.0.entity().key.clone()))
            }

            /// Canonical name, as the sources spell it.
            async fn name(&self, _ctx: &Context<'_>) -> Result<&'a str> {
                Ok(&self.0.entity().name)
            }

            /// What the entity is.
            async fn kind(&self, _ctx: &Context<'_>) -> Result<EntityKind> {
                Ok(self.0.entity().kind.into())
            }

            /// Other names the sources use: spelling variants, short forms, descriptive names.
            async fn aliases(&self, _ctx: &Context<'_>) -> Result<Vec<&'a str>> {
                let e = self.0.entity();
                Ok(e.aliases.iter().chain(&e.shared_aliases).map(String::as_str).collect())
            }

            /// One sentence in the sources' own terms.
            async fn description(&self, _ctx: &Context<'_>) -> Result<Option<&'a str>> {
                Ok(self.0.entity().description.as_deref())
            }

            /// The relations this entity takes part in, in dataset order, as a cursor connection.
            #[allow(clippy::too_many_arguments)]
            async fn relations(
                &self,
                _ctx: &Context<'_>,
                #[graphql(desc = "Only relations with these predicates (all when omitted).")]
                predicates: Option<Vec<Predicate>>,
                #[graphql(default_with = "Direction::Both", desc = "OUTGOING: the entity is the subject; INCOMING: the object; BOTH: either.")]
                direction: Direction,
                #[graphql(default = true, desc = "Also list relations the dataset marks as inferred (joined from several sentences rather than stated by one).")]
                include_inferred: bool,
                #[graphql(default = true, desc = "Also list relations whose only evidence is a related-article headline printed after a report.")]
                include_headlines: bool,
                #[graphql(default = false, desc = "Also list relations that were retracted (each says when, why and by whom in `retraction`).")]
                include_retracted: bool,
                #[graphql(desc = "The first N relations (1 to 100; 20 when neither `first` nor `last` is given).")]
                first: Option<i32>,
                #[graphql(desc = "Relations after this cursor.")]
                after: Option<String>,
                #[graphql(desc = "The last N relations (1 to 100).")]
                last: Option<i32>,
                #[graphql(desc = "Relations before this cursor.")]
                before: Option<String>,
            ) -> Result<RelationConnection<'a>> {
                let include = Include { inferred: include_inferred, headlines: include_headlines, retracted: include_retracted };
                self.0.relations(&predicates, direction, include, &PageArgs { after, before, first, last })
            }

            /// Every number the sources state about this entity, grouped by property (and medal
            /// colour or subgroup), one figure per source claim, so disagreements show.
            async fn quantities(
                &self,
                _ctx: &Context<'_>,
                #[graphql(desc = "Only this property (e.g. `spectators`).")]
                property: Option<String>,
                #[graphql(default = false, desc = "Also list retracted figures (each with its `retraction`).")]
                include_retracted: bool,
            ) -> Result<Vec<QuantityGroup<'a>>> {
                Ok(group_quantities(self.0.kg, self.0.id, property.as_deref(), include_retracted))
            }

            /// Every occurrence of this entity's name or aliases in the sources, by source and
            /// position.
            async fn mentions(&self, _ctx: &Context<'_>) -> Result<Vec<Mention<'a>>> {
                Ok(self.0.kg.mentions_of(self.0.id).map(|m| Mention { kg: self.0.kg, m }).collect())
            }

            /// The sources that name this entity at least once.
            async fn mentioned_in(&self, _ctx: &Context<'_>) -> Result<Vec<Source<'a>>> {
                let kg = self.0.kg;
                Ok(kg.sources_mentioning(self.0.id).into_iter().map(|id| Source { kg, id }).collect())
            }
        }
    )+};
}

entity_types! {
    /// A named person.
    Person(PersonFields, "Person") = graph::EntityKind::Person,
    /// A band, team or delegation.
    Group(GroupFields, "Group") = graph::EntityKind::Group,
    /// A country or territory.
    Country(CountryFields, "Country") = graph::EntityKind::Country,
    /// A city, region, venue or landmark.
    Place(PlaceFields, "Place") = graph::EntityKind::Place,
    /// A committee, company or other organization.
    Organization(OrganizationFields, "Organization") = graph::EntityKind::Organization,
    /// A games, ceremony, medal event or historical event.
    Event(EventFields, "Event") = graph::EntityKind::Event,
    /// A song, show or other work.
    Work(WorkFields, "Work") = graph::EntityKind::Work,
}

/// Something the sources speak of: a person, group, country, place, organization, event or
/// work. Every entity type is also a `Node`.
#[derive(Interface)]
#[graphql(
    field(
        name = "id",
        ty = "ID",
        desc = "Globally unique, stable, readable id (e.g. `tom-cruise`)."
    ),
    field(
        name = "name",
        ty = "&'a str",
        desc = "Canonical name, as the sources spell it."
    ),
    field(name = "kind", ty = "EntityKind", desc = "What the entity is."),
    field(
        name = "aliases",
        ty = "Vec<&'a str>",
        desc = "Other names the sources use: spelling variants, short forms, descriptive names."
    ),
    field(
        name = "description",
        ty = "Option<&'a str>",
        desc = "One sentence in the sources' own terms."
    ),
    field(
        name = "relations",
        ty = "RelationConnection<'a>",
        desc = "The relations this entity takes part in, in dataset order, as a cursor connection.",
        arg(
            name = "predicates",
            ty = "Option<Vec<Predicate>>",
            desc = "Only relations with these predicates (all when omitted)."
        ),
        arg(
            name = "direction",
            ty = "Direction",
            default_with = "Direction::Both",
            desc = "OUTGOING: the entity is the subject; INCOMING: the object; BOTH: either."
        ),
        arg(
            name = "include_inferred",
            ty = "bool",
            default = true,
            desc = "Also list relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        ),
        arg(
            name = "include_headlines",
            ty = "bool",
            default = true,
            desc = "Also list relations whose only evidence is a related-article headline printed after a report."
        ),
        arg(
            name = "include_retracted",
            ty = "bool",
            default = false,
            desc = "Also list relations that were retracted (each says when, why and by whom in `retraction`)."
        ),
        arg(
            name = "first",
            ty = "Option<i32>",
            desc = "The first N relations (1 to 100; 20 when neither `first` nor `last` is given)."
        ),
        arg(
            name = "after",
            ty = "Option<String>",
            desc = "Relations after this cursor."
        ),
        arg(
            name = "last",
            ty = "Option<i32>",
            desc = "The last N relations (1 to 100)."
        ),
        arg(
            name = "before",
            ty = "Option<String>",
            desc = "Relations before this cursor."
        ),
    ),
    field(
        name = "quantities",
        ty = "Vec<QuantityGroup<'a>>",
        desc = "Every number the sources state about this entity, grouped by property (and medal colour or subgroup), one figure per source claim, so disagreements show.",
        arg(
            name = "property",
            ty = "Option<String>",
            desc = "Only this property (e.g. `spectators`)."
        ),
        arg(
            name = "include_retracted",
            ty = "bool",
            default = false,
            desc = "Also list retracted figures (each with its `retraction`)."
        ),
    ),
    field(
        name = "mentions",
        ty = "Vec<Mention<'a>>",
        desc = "Every occurrence of this entity's name or aliases in the sources, by source and position."
    ),
    field(
        name = "mentioned_in",
        ty = "Vec<Source<'a>>",
        desc = "The sources that name this entity at least once."
    )
)]
pub enum Entity<'a> {
    /// A person.
    Person(Person<'a>),
    /// A group.
    Group(Group<'a>),
    /// A country.
    Country(Country<'a>),
    /// A place.
    Place(Place<'a>),
    /// An organization.
    Organization(Organization<'a>),
    /// An event.
    Event(Event<'a>),
    /// A work.
    Work(Work<'a>),
}

/// An object with a globally unique id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "Globally unique id."))]
pub enum Node<'a> {
    /// A person.
    Person(Person<'a>),
    /// A group.
    Group(Group<'a>),
    /// A country.
    Country(Country<'a>),
    /// A place.
    Place(Place<'a>),
    /// An organization.
    Organization(Organization<'a>),
    /// An event.
    Event(Event<'a>),
    /// A work.
    Work(Work<'a>),
    /// A source text.
    Source(Source<'a>),
    /// A relation.
    Relation(Relation<'a>),
    /// A quantity claim.
    QuantityClaim(QuantityClaim<'a>),
}

impl<'a> From<Entity<'a>> for Node<'a> {
    fn from(entity: Entity<'a>) -> Self {
        match entity {
            Entity::Person(e) => Node::Person(e),
            Entity::Group(e) => Node::Group(e),
            Entity::Country(e) => Node::Country(e),
            Entity::Place(e) => Node::Place(e),
            Entity::Organization(e) => Node::Organization(e),
            Entity::Event(e) => Node::Event(e),
            Entity::Work(e) => Node::Work(e),
        }
    }
}
