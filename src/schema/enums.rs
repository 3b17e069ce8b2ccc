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
    /// The closed vocabulary of relation predicates. `predicates` on the query root lists each
    /// with the entity kinds it allows.
    Predicate => graph::Predicate {
        /// The subject passed the Olympic flag to the object; the `order` qualifier gives the step.
        HandedFlagTo,
        /// The subject received the Olympic flag during the event.
        ReceivedFlagAt,
        /// The subject carried the flag of the country (a flag-bearer).
        CarriedFlagOf,
        /// The subject performed at the event or place.
        PerformedAt,
        /// The subject sang, played or performed the work.
        Performed,
        /// The subject created, directed or organised the work or show.
        Created,
        /// The subject work was adapted into the object work.
        AdaptedInto,
        /// The subject is a native of the place.
        NativeOf,
        /// The subject competes for, or is a national of, the country.
        Represents,
        /// The subject belongs to the group or organization.
        MemberOf,
        /// The subject heads the object (president, mayor, captain); `role` says how.
        Leads,
        /// The subject coaches the object.
        Coaches,
        /// The two work together.
        CollaboratesWith,
        /// The two appeared together (sat with, joined).
        AppearedWith,
        /// The subject won (a medal in) the event; `medal` says which.
        Won,
        /// The subject competed, marched or took part in the event.
        ParticipatedIn,
        /// The subject attended the event as a spectator or guest.
        Attended,
        /// The event took place there.
        HeldAt,
        /// The subject lies within the object.
        LocatedIn,
        /// The subject is a part or segment of the object.
        PartOf,
        /// The subject is the capital of the country.
        CapitalOf,
        /// The object is the next edition after the subject.
        FollowedBy,
        /// The subject was disrupted or shaped by the object.
        AffectedBy,
        /// The subject carried out the event (an attack).
        Perpetrated,
        /// The event (an attack) targeted the place.
        Targeted,
        /// The subject wore the object's clothing.
        OutfittedBy,
    }
}

/// Converts an optional list of GraphQL enum values to the graph's.
pub(crate) fn convert<A: Copy + Into<B>, B>(values: &Option<Vec<A>>) -> Vec<B> {
    values.iter().flatten().map(|&v| v.into()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_descriptions_match_the_graph_vocabulary() {
        // The GraphQL enum mirrors every graph predicate, and the names agree.
        for &p in graph::Predicate::ALL {
            let mirrored: Predicate = p.into();
            assert_eq!(graph::Predicate::from(mirrored), p);
            assert_eq!(
                async_graphql::InputType::to_value(&mirrored).to_string(),
                p.as_str()
            );
        }
    }
}
