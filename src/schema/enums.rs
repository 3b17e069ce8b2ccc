//! GraphQL enums mirroring the graph's vocabularies, with their descriptions.

use async_graphql::Enum;

use crate::graph;

macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident => $graph:ty { $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl From<$name> for $graph {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => <$graph>::$variant),+ }
            }
        }

        impl From<$graph> for $name {
            fn from(value: $graph) -> Self {
                match value { $(<$graph>::$variant => $name::$variant),+ }
            }
        }
    };
}

mirror! {
    /// What an entity is.
    EntityKind => graph::EntityKind {
        /// A named person.
        Person,
        /// A band, team or delegation.
        Group,
        /// A country or territory.
        Country,
        /// A city, region, venue or landmark.
        Place,
        /// A committee, company or other organization.
        Organization,
        /// A games, ceremony, medal event or historical event.
        Event,
        /// A song, show or other work.
        Work,
    }
}

mirror! {
    /// Which way to follow relations from an entity.
    Direction => graph::Direction {
        /// From subject to object: the relations the entity states about others.
        Outgoing,
        /// From object to subject: the relations others state about the entity.
        Incoming,
        /// Either way.
        Both,
    }
}

mirror! {
    /// A medal colour.
    Medal => graph::Medal {
        /// First place.
        Gold,
        /// Second place.
        Silver,
        /// Third place.
        Bronze,
    }
}

mirror! {
    /// The hedge a source puts on a number, in its own words.
    Hedge => graph::Hedge {
        /// Stated without a hedge.
        Exact,
        /// "more than".
        MoreThan,
        /// "at least".
        AtLeast,
        /// "close to".
        CloseTo,
        /// "around".
        Around,
        /// "roughly".
        Roughly,
        /// "nearly".
        Nearly,
        /// "an estimated".
        Estimated,
        /// "the expected".
        Expected,
        /// "expected to top".
        ExpectedMoreThan,
    }
}

mirror! {
    /// The part of a source a quote comes from.
    Section => graph::Section {
        /// The report itself.
        Body,
        /// The related-article headlines printed after a report: not the report's own
        /// statements.
        Headlines,
    }
}

/// A claim qualifier that names an entity, through which a path may step.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QualifierEntity {
    /// The place where the claim happened (`qualifiers.place`).
    Place,
    /// The event during which it happened (`qualifiers.event`).
    Event,
}

/// Converts an optional list of GraphQL enum values to the graph's.
pub(crate) fn convert<A: Copy + Into<B>, B>(values: &Option<Vec<A>>) -> Vec<B> {
    values.iter().flatten().map(|&v| v.into()).collect()
}
