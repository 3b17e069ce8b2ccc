//! `locate`: every occurrence of a phrase in a source, as the evidence JSON a claim cites it by.

use std::fmt;

use crate::graph::{KnowledgeGraph, SourceId, Span};

use super::super::near_miss::not_found_hint;
use super::super::quote::{CharIndex, QuoteProblem, locate_indexed, occurrences};
use super::super::records::EvidenceRecord;

/// One occurrence of a phrase in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The evidence item that cites this occurrence, as one line of JSON:
    /// `{"source": …, "quote": …}`, with `"occurrence": N` when the phrase occurs more than once.
    pub evidence: String,
    /// Where the phrase is.
    pub span: Span,
    /// The sentence around it, for orientation.
    pub sentence: String,
}

/// A source id the dataset does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSource {
    /// The id asked for.
    pub id: String,
    /// The known id most like it, when one is close.
    pub suggestion: Option<String>,
    /// Every source id of the dataset.
    pub known: Vec<String>,
}

impl fmt::Display for UnknownSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown source id {:?}", self.id)?;
        match &self.suggestion {
            Some(s) => write!(f, "\n    hint: did you mean {s:?}?"),
            None => write!(f, "\n    hint: known sources: {}", self.known.join(", ")),
        }
    }
}

impl std::error::Error for UnknownSource {}

/// Why a phrase could not be located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocateError {
    /// The source id is not the dataset's.
    UnknownSource(UnknownSource),
    /// The phrase is empty or blank.
    Empty,
    /// The phrase does not occur verbatim; `hint` is the one `check` gives for such a quote.
    NotFound {
        /// The source searched.
        source: String,
        /// The closest passage, with the differing characters marked and named.
        hint: String,
    },
}

impl fmt::Display for LocateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocateError::UnknownSource(unknown) => unknown.fmt(f),
            LocateError::Empty => write!(f, "the phrase is empty"),
            LocateError::NotFound { source, hint } => write!(
                f,
                "the phrase does not occur verbatim in source {source:?}\n    hint: {}",
                hint.replace('\n', "\n          ")
            ),
        }
    }
}

impl std::error::Error for LocateError {}

/// The source with id `key`, or what to say when there is none: the closest id when one is
/// alike (Jaro-Winkler above 0.85, as the loader suggests entity ids), else every id.
pub fn find_source(graph: &KnowledgeGraph, key: &str) -> Result<SourceId, UnknownSource> {
    graph.source_by_key(key).ok_or_else(|| {
        let known: Vec<String> = graph.sources().iter().map(|s| s.key.clone()).collect();
        let suggestion = known
            .iter()
            .map(|k| (strsim::jaro_winkler(k, key), k))
            .filter(|(s, _)| *s > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.clone());
        UnknownSource {
            id: key.to_owned(),
            suggestion,
            known,
        }
    })
}

/// Every occurrence of `phrase`, verbatim, in the source with id `source`, in text order.
///
/// Occurrences are counted as the loader counts them (non-overlapping, left to right), and each
/// is placed by the loader's own quote finder with the `occurrence` it is given, so the
/// evidence returned is accepted as written. Complexity: O(text length × occurrences).
pub fn locate(
    graph: &KnowledgeGraph,
    source: &str,
    phrase: &str,
) -> Result<Vec<Occurrence>, LocateError> {
    let id = find_source(graph, source).map_err(LocateError::UnknownSource)?;
    let found = graph.source(id);
    let index = CharIndex::new(&found.text);
    let count = if phrase.trim().is_empty() {
        0
    } else {
        occurrences(&found.text, phrase).len()
    };
    if count == 0 {
        return Err(match locate_indexed(&found.text, &index, phrase, None) {
            Err(QuoteProblem::NotFound(closest)) => LocateError::NotFound {
                source: source.to_owned(),
                hint: not_found_hint(phrase, closest.as_deref()),
            },
            _ => LocateError::Empty,
        });
    }
    let mut out = Vec::with_capacity(count);
    for k in 1..=count as u32 {
        let occurrence = (count > 1).then_some(k);
        let span = locate_indexed(&found.text, &index, phrase, occurrence)
            .expect("the occurrence was just counted in the same text");
        let record = EvidenceRecord {
            source: source.to_owned(),
            quote: phrase.to_owned(),
            occurrence,
        };
        out.push(Occurrence {
            evidence: to_json_line(&record),
            span,
            sentence: found.slice(found.sentence_around(span)).to_owned(),
        });
    }
    Ok(out)
}

/// `record` as one line of JSON spaced like the dataset files: `{"source": "…", "quote": "…"}`.
fn to_json_line(record: &EvidenceRecord) -> String {
    use serde::Serialize as _;
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Spaced);
    record
        .serialize(&mut serializer)
        .expect("a record of strings and a number serialises into memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's compact output with a space after each `:` and `,` of an object.
struct Spaced;

impl serde_json::ser::Formatter for Spaced {
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }
}
