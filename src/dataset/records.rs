//! The records of the dataset files, one per JSON line, as written by hand.
//!
//! Unknown fields are refused so that a typo cannot silently drop a fact. Enumerations are kept
//! as strings here and checked in `resolve`, where an error can list the allowed values.

use serde::{Deserialize, Serialize};

/// A line of `sources.jsonl`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceRecord {
    pub id: String,
    pub file: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<String>,
    pub language: String,
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headlines_from: Option<String>,
}

/// A line of `vocabulary.jsonl`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PredicateRecord {
    pub predicate: String,
    pub description: String,
    pub subject: Vec<String>,
    pub object: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inverse: Option<String>,
    #[serde(default)]
    pub symmetric: bool,
    #[serde(default)]
    pub chain: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifiers: Option<Vec<String>>,
}

/// A line of `entities.jsonl`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityRecord {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One `{source, quote}` of a claim (also written, by `locate`, for pasting into one).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EvidenceRecord {
    pub source: String,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
}

/// The `qualifiers` object of a claim.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualifiersRecord {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl QualifiersRecord {
    pub fn is_empty(&self) -> bool {
        self.role.is_none()
            && self.medal.is_none()
            && self.date.is_none()
            && self.place.is_none()
            && self.event.is_none()
            && self.order.is_none()
            && self.note.is_none()
    }
}

/// A line of `claims.jsonl`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    #[serde(default, skip_serializing_if = "QualifiersRecord::is_empty")]
    pub qualifiers: QualifiersRecord,
    pub evidence: Vec<EvidenceRecord>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retracted: Option<RetractionRecord>,
}

/// The `retracted` object of a claim: kept, never deleted.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RetractionRecord {
    pub at: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A line of `quantities.jsonl`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuantityRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub subject: String,
    pub property: String,
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    #[serde(default, skip_serializing_if = "QualifiersRecord::is_empty")]
    pub qualifiers: QualifiersRecord,
    pub evidence: Vec<EvidenceRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retracted: Option<RetractionRecord>,
}
