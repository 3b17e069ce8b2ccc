//! The domain types of the knowledge graph: entities, sources, claims and their evidence.
//!
//! Plain data with no knowledge of files, GraphQL or HTTP. Text is stored once per source;
//! evidence and mentions refer to it by span.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use super::vocabulary::{Predicate, PredicateDef, QualifierKey, Vocabulary};

/// Dense index of an entity in a [`KnowledgeGraph`](super::KnowledgeGraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId(pub(crate) u32);

/// Dense index of a source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// True for a date as the dataset format writes it: `YYYY-MM-DD`, or also `YYYY-MM` and `YYYY`
/// when `partial`.
pub fn is_date(text: &str, partial: bool) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => partial && digits(y, 4),
        [y, m] => partial && digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

/// True for an RFC 3339 UTC timestamp to the second, with optional fractions:
/// `2026-12-03T05:19:25Z`, `2026-12-03T05:19:25.123Z`.
pub fn is_timestamp(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    let Some(time) = time.strip_suffix('Z') else {
        return false;
    };
    let (hms, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let fields: Vec<&str> = hms.split(':').collect();
    let field = |s: &str, max: u32| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| v <= max)
    };
    is_date(date, false)
        && matches!(fields.as_slice(), [h, m, sec] if field(h, 23) && field(m, 59) && field(sec, 60))
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// `seconds` since the Unix epoch as an RFC 3339 UTC timestamp (`2026-12-03T05:19:25Z`).
pub fn timestamp(seconds: u64) -> String {
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
    let days = (seconds / 86_400) as i64;
    let secs = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// True for the shape of a BCP 47 language tag: subtags of 1 to 8 letters or digits joined by
/// hyphens, the first of letters only (`en`, `fr-CA`, `zh-Hant-TW`).
pub fn is_language_tag(text: &str) -> bool {
    let mut subtags = text.split('-');
    let subtag =
        |s: &str, ok: fn(&u8) -> bool| (1..=8).contains(&s.len()) && s.bytes().all(|b| ok(&b));
    subtags
        .next()
        .is_some_and(|first| subtag(first, u8::is_ascii_alphabetic))
        && subtags.all(|s| subtag(s, u8::is_ascii_alphanumeric))
}

/// A half-open range of a source text, kept both in bytes (for slicing) and in characters
/// (Unicode scalar values, for clients).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id.
    pub key: String,
    /// Title (editorial where the text carries none).
    pub title: String,
    /// Publication date, `YYYY-MM-DD`, when the dataset gives one.
    pub published_on: Option<String>,
    /// BCP 47 language tag.
    pub language: String,
    /// Outlet or wire service as the text names it.
    pub outlet: Option<String>,
    /// The text, verbatim.
    pub text: String,
    /// Byte offset where the block of related-article headlines at the end of the text starts
    /// (evidence from there on is [`Section::Headlines`]).
    pub headlines_from: Option<u32>,
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

/// The part of a source a quote comes from.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Section {
    /// The report itself.
    #[default]
    Body,
    /// The related-article headlines printed after it: not the report's own statements.
    Headlines,
}

/// Where a source states a claim: a span of the source's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The source.
    pub source: SourceId,
    /// The quote's span in that source.
    pub span: Span,
    /// The part of the source the quote comes from.
    pub section: Section,
}

/// Optional context on a claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// Set when the claim was withdrawn: it is kept, with when, why and by whom, and traversals
    /// leave it out unless asked.
    pub retracted: Option<Retraction>,
}

/// When, why and by whom a claim was retracted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retraction {
    /// RFC 3339 timestamp, UTC.
    pub at: String,
    /// Why, in the retractor's words.
    pub reason: String,
    /// The name of the write token used (never the secret), when a writer retracted it.
    pub by: Option<String>,
}

impl Claim {
    /// True when every quote comes from related-article headlines, none from a report's body.
    pub fn headlines_only(&self) -> bool {
        self.evidence
            .iter()
            .all(|e| e.section == Section::Headlines)
    }
}

/// A number one source states about an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Set when the figure was withdrawn: it is kept, with when, why and by whom, and lists
    /// leave it out unless asked.
    pub retracted: Option<Retraction>,
}

impl Quantity {
    /// The source that states this figure.
    pub fn source(&self) -> SourceId {
        self.evidence[0].source
    }
}

/// One occurrence of an entity's name or alias in a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity named.
    pub entity: EntityId,
    /// The source that names it.
    pub source: SourceId,
    /// Where.
    pub span: Span,
}
