//! A dataset's relation vocabulary: the predicates its claims may use, each with a meaning, the
//! entity kinds it joins, the name of its inverse and how it reads as a chain.
//!
//! The vocabulary is data (a dataset's `vocabulary.jsonl`), not code: the GraphQL schema's
//! `Predicate` enum and typed relationship fields are generated from it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::EntityKind;

/// Dense index of a predicate in its graph's [`Vocabulary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Predicate(pub(crate) u8);

impl Predicate {
    /// The position of the predicate in [`Vocabulary::predicates`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Most predicates one vocabulary may declare (the adjacency packs a predicate into 7 bits).
pub const MAX_PREDICATES: usize = 128;

/// A qualifier a claim may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QualifierKey {
    /// Role, in the source's words.
    Role,
    /// Medal colour.
    Medal,
    /// Date.
    Date,
    /// Where it happened (an entity).
    Place,
    /// During which event (an entity).
    Event,
    /// Position in a chain.
    Order,
    /// How an inferred claim follows, or a caveat.
    Note,
}

impl QualifierKey {
    /// Every qualifier, in the order the dataset format documents them.
    pub const ALL: &'static [QualifierKey] = &[
        QualifierKey::Role,
        QualifierKey::Medal,
        QualifierKey::Date,
        QualifierKey::Place,
        QualifierKey::Event,
        QualifierKey::Order,
        QualifierKey::Note,
    ];

    /// The key's spelling in dataset files.
    pub fn as_str(self) -> &'static str {
        match self {
            QualifierKey::Role => "role",
            QualifierKey::Medal => "medal",
            QualifierKey::Date => "date",
            QualifierKey::Place => "place",
            QualifierKey::Event => "event",
            QualifierKey::Order => "order",
            QualifierKey::Note => "note",
        }
    }

    /// Parses the spelling used in dataset files.
    pub fn parse(text: &str) -> Option<QualifierKey> {
        QualifierKey::ALL
            .iter()
            .copied()
            .find(|q| q.as_str() == text)
    }
}

/// What a predicate means and whom it joins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredicateDef {
    /// The name, in UPPER_SNAKE_CASE (`HANDED_FLAG_TO`).
    pub name: String,
    /// One sentence: what a claim with this predicate says.
    pub description: String,
    /// Entity kinds allowed as subject.
    pub subject: Vec<EntityKind>,
    /// Entity kinds allowed as object.
    pub object: Vec<EntityKind>,
    /// The name of the relation read from object to subject (`RECEIVED_FLAG_FROM`); `None` for
    /// a symmetric predicate.
    pub inverse: Option<String>,
    /// The relation reads the same both ways (`APPEARED_WITH`).
    pub symmetric: bool,
    /// Claims form ordered chains, step by step by their `order` qualifier.
    pub chain: bool,
    /// The qualifiers its claims may carry (`None`: any).
    pub qualifiers: Option<Vec<QualifierKey>>,
}

impl PredicateDef {
    /// The GraphQL field that follows the predicate from subject to object (`handedFlagTo`).
    pub fn field_name(&self) -> String {
        camel_case(&self.name)
    }

    /// The GraphQL field that follows it from object to subject (`receivedFlagFrom`); `None`
    /// for a symmetric predicate, whose one field goes both ways.
    pub fn inverse_field_name(&self) -> Option<String> {
        self.inverse.as_deref().map(camel_case)
    }

    /// True when a claim of this predicate may carry `key`.
    pub fn allows_qualifier(&self, key: QualifierKey) -> bool {
        key == QualifierKey::Note
            || (key == QualifierKey::Order && self.chain)
            || self.qualifiers.as_ref().is_none_or(|q| q.contains(&key))
    }
}

/// `HANDED_FLAG_TO` → `handedFlagTo`.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split('_').filter(|w| !w.is_empty()).enumerate() {
        let lower = word.to_ascii_lowercase();
        if i == 0 {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.extend(chars);
            }
        }
    }
    out
}

/// The predicates of one graph, in declaration order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    predicates: Vec<PredicateDef>,
    by_name: HashMap<String, Predicate>,
}

impl Vocabulary {
    /// A vocabulary of validated definitions: unique, well-formed names, at most
    /// [`MAX_PREDICATES`] (the dataset loader checks all of this and says what to fix).
    pub fn new(predicates: Vec<PredicateDef>) -> Vocabulary {
        assert!(
            predicates.len() <= MAX_PREDICATES,
            "a vocabulary holds at most {MAX_PREDICATES} predicates"
        );
        let by_name = predicates
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), Predicate(i as u8)))
            .collect();
        Vocabulary {
            predicates,
            by_name,
        }
    }

    /// Every definition, in declaration order ([`Predicate::index`]).
    pub fn predicates(&self) -> &[PredicateDef] {
        &self.predicates
    }

    /// Every predicate id, in declaration order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = Predicate> + use<> {
        (0..self.predicates.len() as u8).map(Predicate)
    }

    /// The definition of a predicate.
    pub fn get(&self, predicate: Predicate) -> &PredicateDef {
        &self.predicates[predicate.index()]
    }

    /// The name of a predicate.
    pub fn name(&self, predicate: Predicate) -> &str {
        &self.predicates[predicate.index()].name
    }

    /// The predicate with this name.
    pub fn find(&self, name: &str) -> Option<Predicate> {
        self.by_name.get(name).copied()
    }

    /// Number of predicates.
    pub fn len(&self) -> usize {
        self.predicates.len()
    }

    /// True when the vocabulary declares no predicate.
    pub fn is_empty(&self) -> bool {
        self.predicates.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_camel_case() {
        assert_eq!(camel_case("HANDED_FLAG_TO"), "handedFlagTo");
        assert_eq!(camel_case("WON"), "won");
        assert_eq!(camel_case("HOME_OF"), "homeOf");
        assert_eq!(camel_case("MAYOR_OF_2"), "mayorOf2");
    }
}
