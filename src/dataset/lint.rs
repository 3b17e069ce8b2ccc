//! Warnings: what `check` points out in a dataset that loads, without refusing it.
//!
//! An entity nothing mentions or relates, and a quantity whose quotes do not show its value,
//! are usually slips (a misspelt alias, a figure mistyped or spelt out), but not always, so
//! they never stop a dataset from loading or serving. Lints read the loaded graph and never
//! change it.

use std::fmt;

use super::Location;
use super::error::DatasetError;
use super::resolve::{ENTITIES, QUANTITIES};
use crate::graph::KnowledgeGraph;

/// Something `check` points out that does not stop a dataset from loading: where it is (as
/// for an error), what looks wrong, and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetWarning(pub DatasetError);

impl fmt::Display for DatasetWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}", self.0)
    }
}

/// The line each record was read from, kept while loading so that warnings can point at it:
/// entities by [`crate::graph::EntityId`] and quantity claims by
/// [`crate::graph::QuantityId`] order.
#[derive(Debug, Default)]
pub(crate) struct RecordLines {
    /// Line of each entity in `entities.jsonl`.
    pub entities: Vec<u32>,
    /// Line of each quantity claim in `quantities.jsonl`.
    pub quantities: Vec<u32>,
}

/// Every warning about a loaded dataset, in file and line order.
///
/// Complexity: linear in entities, claims, quantities and mentions (plus the quantities'
/// quotes).
pub(crate) fn warnings(
    location: &Location,
    graph: &KnowledgeGraph,
    lines: &RecordLines,
) -> Vec<DatasetWarning> {
    let mut out = unreferenced_entities(location, graph, lines);
    out.extend(values_not_in_quotes(location, graph, lines));
    out
}

fn warning(location: &Location, file: &str, line: Option<&u32>, message: String) -> DatasetError {
    let mut error = DatasetError::file(&location.display(file), message);
    if let Some(&line) = line {
        error.line = Some(line as usize);
        error.column = Some(1);
    }
    error
}

/// Entities no source mentions and no claim or quantity refers to (as subject, object, or a
/// `place` or `event` qualifier): nothing in the graph leads to them.
fn unreferenced_entities(
    location: &Location,
    graph: &KnowledgeGraph,
    lines: &RecordLines,
) -> Vec<DatasetWarning> {
    let mut reached = vec![false; graph.entities().len()];
    let mut reach = |id: crate::graph::EntityId| reached[id.index()] = true;
    for mention in graph.mentions() {
        reach(mention.entity);
    }
    for claim in graph.claims() {
        reach(claim.subject);
        reach(claim.object);
        claim.qualifiers.place.into_iter().for_each(&mut reach);
        claim.qualifiers.event.into_iter().for_each(&mut reach);
    }
    for quantity in graph.quantities() {
        reach(quantity.subject);
        quantity.qualifiers.place.into_iter().for_each(&mut reach);
        quantity.qualifiers.event.into_iter().for_each(&mut reach);
    }
    graph
        .entities()
        .iter()
        .zip(&reached)
        .enumerate()
        .filter(|(_, (_, reached))| !**reached)
        .map(|(i, (entity, _))| {
            let mut error = warning(
                location,
                ENTITIES,
                lines.entities.get(i),
                format!(
                    "entity {:?} ({:?}) is not mentioned in any source, and no claim or quantity refers to it",
                    entity.key, entity.name
                ),
            );
            error.hint = Some(
                "add the name a source uses for it to \"aliases\", or a claim that relates it; otherwise remove it".into(),
            );
            DatasetWarning(error)
        })
        .collect()
}

/// Quantity claims none of whose quotes writes the value in figures.
fn values_not_in_quotes(
    location: &Location,
    graph: &KnowledgeGraph,
    lines: &RecordLines,
) -> Vec<DatasetWarning> {
    let mut out = Vec::new();
    for (i, quantity) in graph.quantities().iter().enumerate() {
        let quotes: Vec<&str> = quantity.evidence.iter().map(|e| graph.quote(e)).collect();
        if quotes.iter().any(|q| writes_value(q, quantity.value)) {
            continue;
        }
        let shown: Vec<String> = quotes.iter().map(|q| format!("{q:?}")).collect();
        let mut error = warning(
            location,
            QUANTITIES,
            lines.quantities.get(i),
            format!(
                "value {} is not written in its quote{} {}",
                quantity.value,
                if quotes.len() == 1 { "" } else { "s" },
                shown.join(", ")
            ),
        );
        error.hint = Some(
            "the value is the number as the source writes it, in figures (\"71,500\" for 71500, \"1.5\" for 1.5) or words (\"six\", \"two and a half\"): fix the value, or quote the words that state it".into(),
        );
        out.push(DatasetWarning(error));
    }
    out
}

/// Whether `text` writes `value` in figures: `71500` as "71500" or "71,500" (or with a
/// no-break or thin space between the groups), `1.5` as "1.5" or "1,5". A negative value
/// matches its magnitude, since a text says "fell by 3" rather than "-3".
pub(crate) fn writes_value(text: &str, value: f64) -> bool {
    let value = value.abs();
    numbers(text).any(|number| readings(number).any(|reading| reading == value))
        || spells_value(text, value)
}

/// English number words up to twenty, then the tens.
const WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("fortnight", 2.0),
    ("first", 1.0),
];

/// True when the text spells the value in English words: "six medals", "four-year",
/// "two and a half weeks", "a year" (one), "a fortnight" (two weeks).
fn spells_value(text: &str, value: f64) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let spelled = |w: &str| WORDS.iter().find(|(word, _)| *word == w).map(|&(_, v)| v);
    let half = words.windows(4).any(|w| {
        spelled(&w[0]).is_some_and(|whole| whole + 0.5 == value)
            && w[1] == "and"
            && w[2] == "a"
            && w[3] == "half"
    });
    half || words.iter().any(|w| spelled(w) == Some(value))
        || (value == 1.0 && words.iter().any(|w| w == "a" || w == "an"))
}

/// A separator that may sit between the digits of one number.
fn separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// The runs of `text` that write one number: digits, with single separators between digits.
fn numbers(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| c.is_ascii_digit())?;
        let run = &rest[start..];
        let mut end = 0;
        let mut chars = run.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let digit_follows = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
            if c.is_ascii_digit() {
                end = at + 1;
            } else if !(separator(c) && digit_follows) {
                break;
            }
        }
        rest = &run[end..];
        Some(&run[..end])
    })
}

/// The values a written number can stand for: separators read the English way (commas and
/// spaces group thousands, a point is decimal), and the other way (points and spaces group
/// thousands, a comma is decimal) unless the comma is followed by exactly three digits,
/// where "71,500" means 71500, not 71.5.
fn readings(number: &str) -> impl Iterator<Item = f64> + '_ {
    let comma_groups = number
        .rsplit_once(',')
        .is_some_and(|(_, after)| after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit()));
    [('.', ','), (',', '.')]
        .into_iter()
        .filter(move |&(decimal, _)| decimal == '.' || !comma_groups)
        .filter_map(move |(decimal, grouping)| {
            let mut plain = String::with_capacity(number.len());
            for c in number.chars() {
                match c {
                    c if c == decimal => plain.push('.'),
                    c if c == grouping || separator(c) => {}
                    c => plain.push(c),
                }
            }
            plain.parse::<f64>().ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_runs_of_digits_and_inner_separators() {
        let found: Vec<&str> =
            numbers("about 71,500 fans, 1.5 hours, 12\u{202F}000 seats and 2028.").collect();
        assert_eq!(found, ["71,500", "1.5", "12\u{202F}000", "2028"]);
    }

    #[test]
    fn a_value_must_be_written_in_figures_or_words() {
        assert!(writes_value(
            "in front of around 71,500 spectators",
            71500.0
        ));
        assert!(writes_value("71500 spectators", 71500.0));
        assert!(writes_value("lasted 1.5 hours", 1.5));
        assert!(writes_value("lasted 1,5 hours", 1.5));
        assert!(writes_value("a 3.50 fee", 3.5));
        assert!(writes_value("fell by 3 points", -3.0));
        assert!(writes_value("six medals", 6.0));
        assert!(writes_value("the four-year countdown", 4.0));
        assert!(writes_value("two and a half extraordinary weeks", 2.5));
        assert!(writes_value("pushed back a year", 1.0));
        assert!(!writes_value("six medals", 7.0));
        assert!(!writes_value("sixteen medals", 6.0));
        assert!(!writes_value("16 medals", 6.0));
        assert!(!writes_value("71,500 spectators", 71.5));
        assert!(!writes_value("1.5 million viewers", 1_500_000.0));
        assert!(!writes_value("", 0.0));
    }
}
