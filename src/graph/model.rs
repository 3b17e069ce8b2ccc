//! The domain types of the knowledge graph: entities, sources, claims and their evidence.
//!
//! Plain data with no knowledge of files, GraphQL or HTTP. Text is stored once per source;
//! evidence and mentions refer to it by span.

use std::fmt;

/// Dense index of an entity in a [`KnowledgeGraph`](super::KnowledgeGraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub(crate) u32);

/// Dense index of a source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub(crate) u32);

/// Dense index of a relation claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(pub(crate) u32);

/// Dense index of a quantity claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuantityId(pub(crate) u32);

impl EntityId {
    /// The position of the entity in [`KnowledgeGraph::entities`](super::KnowledgeGraph::entities).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl SourceId {
    /// The position of the source in [`KnowledgeGraph::sources`](super::KnowledgeGraph::sources).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ClaimId {
    /// The position of the claim in [`KnowledgeGraph::claims`](super::KnowledgeGraph::claims).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl QuantityId {
    /// The position of the quantity claim in its graph.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in dataset files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the spelling used in dataset files.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum! {
    /// What an entity is.
    pub enum EntityKind {
        /// A named person.
        Person => "person",
        /// A band, team or delegation.
        Group => "group",
        /// A country or territory.
        Country => "country",
        /// A city, region, venue or landmark.
        Place => "place",
        /// A committee, company or other organization.
        Organization => "organization",
        /// A games, ceremony, medal event or historical event.
        Event => "event",
        /// A song, show or other work.
        Work => "work",
    }
}

keyword_enum! {
    /// A medal colour.
    pub enum Medal {
        /// First place.
        Gold => "gold",
        /// Second place.
        Silver => "silver",
        /// Third place.
        Bronze => "bronze",
    }
}

keyword_enum! {
    /// The hedge a source puts on a number, in its own words.
    pub enum Hedge {
        /// Stated without a hedge.
        Exact => "exact",
        /// "more than".
        MoreThan => "more_than",
        /// "at least".
        AtLeast => "at_least",
        /// "close to".
        CloseTo => "close_to",
        /// "around".
        Around => "around",
        /// "roughly".
        Roughly => "roughly",
        /// "nearly".
        Nearly => "nearly",
        /// "an estimated".
        Estimated => "estimated",
        /// "the expected".
        Expected => "expected",
        /// "expected to top".
        ExpectedMoreThan => "expected_more_than",
    }
}

use EntityKind::{Country, Event, Group, Organization, Person, Place, Work};

macro_rules! predicates {
    ( $( $(#[$vmeta:meta])* $variant:ident => $text:literal, [$($s:ident),+] -> [$($o:ident),+], $meaning:literal; )+ ) => {
        /// The closed vocabulary of relation predicates.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Predicate { $( $(#[$vmeta])* $variant ),+ }

        impl Predicate {
            /// Every predicate, in declaration order.
            pub const ALL: &'static [Predicate] = &[$(Predicate::$variant),+];

            /// The spelling used in dataset files and in GraphQL.
            pub fn as_str(self) -> &'static str {
                match self { $(Predicate::$variant => $text),+ }
            }

            /// Parses the spelling used in dataset files.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Predicate::$variant),)+ _ => None }
            }

            /// The entity kinds allowed as subject.
            pub fn subject_kinds(self) -> &'static [EntityKind] {
                match self { $(Predicate::$variant => &[$($s),+]),+ }
            }

            /// The entity kinds allowed as object.
            pub fn object_kinds(self) -> &'static [EntityKind] {
                match self { $(Predicate::$variant => &[$($o),+]),+ }
            }

            /// What a claim with this predicate means, as one sentence.
            pub fn meaning(self) -> &'static str {
                match self { $(Predicate::$variant => $meaning),+ }
            }
        }
    };
}

predicates! {
    /// Passed the Olympic flag to.
    HandedFlagTo => "HANDED_FLAG_TO", [Person, Group, Organization, Place] -> [Person, Group, Organization, Place],
        "The subject passed the Olympic flag to the object; the `order` qualifier gives the step.";
    /// Received the Olympic flag during an event.
    ReceivedFlagAt => "RECEIVED_FLAG_AT", [Person, Group, Organization, Place] -> [Event],
        "The subject received the Olympic flag during the event.";
    /// Carried a country's flag.
    CarriedFlagOf => "CARRIED_FLAG_OF", [Person] -> [Country],
        "The subject carried the flag of the country (a flag-bearer).";
    /// Performed at an event or place.
    PerformedAt => "PERFORMED_AT", [Person, Group] -> [Event, Place],
        "The subject performed at the event or place.";
    /// Sang, played or performed a work.
    Performed => "PERFORMED", [Person, Group] -> [Work],
        "The subject sang, played or performed the work.";
    /// Created, directed or organised.
    Created => "CREATED", [Person, Group, Organization] -> [Work, Event],
        "The subject created, directed or organised the work or show.";
    /// Was adapted into another work.
    AdaptedInto => "ADAPTED_INTO", [Work] -> [Work],
        "The subject work was adapted into the object work.";
    /// Is a native of.
    NativeOf => "NATIVE_OF", [Person, Group] -> [Place, Country],
        "The subject is a native of the place.";
    /// Competes for, or is a national of.
    Represents => "REPRESENTS", [Person, Group] -> [Country],
        "The subject competes for, or is a national of, the country.";
    /// Belongs to.
    MemberOf => "MEMBER_OF", [Person, Group] -> [Group, Organization],
        "The subject belongs to the group or organization.";
    /// Heads.
    Leads => "LEADS", [Person] -> [Organization, Group, Place, Country],
        "The subject heads the object (president, mayor, captain); `role` says how.";
    /// Coaches.
    Coaches => "COACHES", [Person] -> [Person, Group],
        "The subject coaches the object.";
    /// Works together with.
    CollaboratesWith => "COLLABORATES_WITH", [Person, Group] -> [Person, Group],
        "The two work together.";
    /// Appeared together with.
    AppearedWith => "APPEARED_WITH", [Person] -> [Person],
        "The two appeared together (sat with, joined).";
    /// Won (a medal in).
    Won => "WON", [Person, Group, Country] -> [Event],
        "The subject won (a medal in) the event; `medal` says which.";
    /// Took part in.
    ParticipatedIn => "PARTICIPATED_IN", [Person, Group, Country, Organization] -> [Event],
        "The subject competed, marched or took part in the event.";
    /// Attended as a spectator or guest.
    Attended => "ATTENDED", [Person] -> [Event],
        "The subject attended the event as a spectator or guest.";
    /// Took place at.
    HeldAt => "HELD_AT", [Event] -> [Place, Country],
        "The event took place there.";
    /// Lies within.
    LocatedIn => "LOCATED_IN", [Place, Organization] -> [Place, Country],
        "The subject lies within the object.";
    /// Is a part or segment of.
    PartOf => "PART_OF", [Event, Work, Group] -> [Event, Work, Group, Organization],
        "The subject is a part or segment of the object.";
    /// Is the capital of.
    CapitalOf => "CAPITAL_OF", [Place] -> [Country],
        "The subject is the capital of the country.";
    /// Is followed by (the next edition).
    FollowedBy => "FOLLOWED_BY", [Event] -> [Event],
        "The object is the next edition after the subject.";
    /// Was disrupted or shaped by.
    AffectedBy => "AFFECTED_BY", [Event] -> [Event],
        "The subject was disrupted or shaped by the object.";
    /// Carried out (an attack).
    Perpetrated => "PERPETRATED", [Person, Group, Organization] -> [Event],
        "The subject carried out the event (an attack).";
    /// Targeted (a place, by an attack).
    Targeted => "TARGETED", [Event] -> [Place],
        "The event (an attack) targeted the place.";
    /// Wore the clothing of.
    OutfittedBy => "OUTFITTED_BY", [Person, Group] -> [Organization],
        "The subject wore the object's clothing.";
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open range of a source text, kept both in bytes (for slicing) and in characters
/// (Unicode scalar values, for clients).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// First character.
    pub char_start: u32,
    /// One past the last character.
    pub char_end: u32,
}

/// A named thing the sources speak of.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable, readable id from the dataset.
    pub key: String,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names the sources use.
    pub aliases: Vec<String>,
    /// Names knowingly shared with other entities (searchable, never attributed as mentions).
    pub shared_aliases: Vec<String>,
    /// One sentence in the sources' own terms.
    pub description: Option<String>,
}

/// A source text with its metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Stable id.
    pub key: String,
    /// Title (editorial where the text carries none).
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published_on: String,
    /// BCP 47 language tag.
    pub language: String,
    /// Outlet or wire service as the text names it.
    pub outlet: Option<String>,
    /// The text, verbatim.
    pub text: String,
}

impl Source {
    /// The text of a span of this source.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start as usize..span.end as usize]
    }

    /// The sentence around a span: from the previous sentence end (or line start) to the next.
    pub fn sentence_around(&self, span: Span) -> Span {
        let text = self.text.as_bytes();
        let (start, end) = (span.start as usize, span.end as usize);
        let mut from = start;
        while from > 0 {
            let c = text[from - 1];
            if c == b'\n'
                || (from >= 2 && matches!(text[from - 2], b'.' | b'!' | b'?') && c == b' ')
            {
                break;
            }
            from -= 1;
        }
        let mut to = end;
        while to < text.len() {
            let c = text[to];
            if c == b'\n' {
                break;
            }
            to += 1;
            if matches!(c, b'.' | b'!' | b'?')
                && (to == text.len() || text[to] == b' ' || text[to] == b'\n')
            {
                break;
            }
        }
        let to = to.max(end);
        let char_start = span.char_start - self.text[from..start].chars().count() as u32;
        let char_end = span.char_end + self.text[end..to].chars().count() as u32;
        Span {
            start: from as u32,
            end: to as u32,
            char_start,
            char_end,
        }
    }
}

/// Where a source states a claim: a span of the source's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// The source.
    pub source: SourceId,
    /// The quote's span in that source.
    pub span: Span,
}

/// Optional context on a claim.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Qualifiers {
    /// Role, in the source's words.
    pub role: Option<String>,
    /// Medal colour.
    pub medal: Option<Medal>,
    /// ISO date or partial date.
    pub date: Option<String>,
    /// Where it happened.
    pub place: Option<EntityId>,
    /// During which event.
    pub event: Option<EntityId>,
    /// Position in a sequence, from 1.
    pub order: Option<u32>,
    /// How an inferred claim follows, or a caveat.
    pub note: Option<String>,
}

impl Qualifiers {
    /// True when no qualifier is set.
    pub fn is_empty(&self) -> bool {
        *self == Qualifiers::default()
    }
}

/// A relationship between two entities, stated (or inferred) by one or more sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable id: `subject.PREDICATE.object`, with `.2`, `.3` for repeats, unless given.
    pub key: String,
    /// Subject entity.
    pub subject: EntityId,
    /// What the claim says.
    pub predicate: Predicate,
    /// Object entity.
    pub object: EntityId,
    /// Context.
    pub qualifiers: Qualifiers,
    /// Every quote that states it (never empty).
    pub evidence: Vec<Evidence>,
    /// True when the claim joins several sentences rather than being stated by one.
    pub inferred: bool,
}

/// A number one source states about an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Stable id: `subject.property.source`, with `.2`, `.3` for repeats.
    pub key: String,
    /// The entity the number is about.
    pub subject: EntityId,
    /// What is counted or measured (snake_case).
    pub property: String,
    /// The number as stated.
    pub value: f64,
    /// What the number counts or measures.
    pub unit: String,
    /// The source's own hedge.
    pub hedge: Hedge,
    /// Context (medal colour, subgroup, date).
    pub qualifiers: Qualifiers,
    /// The quotes that state it, all from one source (never empty).
    pub evidence: Vec<Evidence>,
}

impl Quantity {
    /// The source that states this figure.
    pub fn source(&self) -> SourceId {
        self.evidence[0].source
    }
}

/// One occurrence of an entity's name or alias in a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The entity named.
    pub entity: EntityId,
    /// The source that names it.
    pub source: SourceId,
    /// Where.
    pub span: Span,
}
