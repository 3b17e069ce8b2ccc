//! The records of the dataset files, one per JSON line, as written by hand.
//!
//! Unknown fields are refused so that a typo cannot silently drop a fact. Enumerations are kept
//! as strings here and checked in `resolve`, where an error can list the allowed values.

use serde::{Deserialize, Serialize};

/// A line of `sources.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceRecord {
    pub id: String,
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub published_on: Option<String>,
    pub language: String,
    pub outlet: Option<String>,
    #[serde(default)]
    pub headlines_from: Option<String>,
}

/// A line of `vocabulary.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PredicateRecord {
    pub predicate: String,
    pub description: String,
    pub subject: Vec<String>,
    pub object: Vec<String>,
    #[serde(default)]
    pub inverse: Option<String>,
    #[serde(default)]
    pub symmetric: bool,
    #[serde(default)]
    pub chain: bool,
    #[serde(default)]
    pub qualifiers: Option<Vec<String>>,
}

/// A line of `entities.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityRecord {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub shared_aliases: Vec<String>,
    #[serde(default)]
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
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualifiersRecord {
    pub role: Option<String>,
    pub medal: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub event: Option<String>,
    pub order: Option<u32>,
    pub note: Option<String>,
}

/// A line of `claims.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimRecord {
    #[serde(default)]
    pub id: Option<String>,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    #[serde(default)]
    pub qualifiers: QualifiersRecord,
    pub evidence: Vec<EvidenceRecord>,
    #[serde(default)]
    pub inferred: bool,
}

/// A line of `quantities.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuantityRecord {
    #[serde(default)]
    pub id: Option<String>,
    pub subject: String,
    pub property: String,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub hedge: Option<String>,
    #[serde(default)]
    pub qualifiers: QualifiersRecord,
    pub evidence: Vec<EvidenceRecord>,
}
