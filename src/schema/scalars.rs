//! Custom scalars with a specification (`@specifiedBy`), so that a typed client can map them to
//! its own date and language types instead of a bare `String`.
//!
//! The dataset loader has already checked every value; parsing here only applies to values a
//! client sends, and checks the same shapes (`graph::is_date`, `graph::is_language_tag`).

use async_graphql::{InputType, InputValueError, InputValueResult, Scalar, ScalarType, Value};

use crate::graph::{is_date, is_language_tag};

/// A string value of the right shape, wrapped in its scalar.
fn string<T: InputType>(
    value: Value,
    what: &str,
    valid: impl Fn(&str) -> bool,
    wrap: impl Fn(String) -> T,
) -> InputValueResult<T> {
    match value {
        Value::String(text) if valid(&text) => Ok(wrap(text)),
        Value::String(text) => Err(InputValueError::custom(format!(
            "{text:?} is not a valid {what}"
        ))),
        other => Err(InputValueError::expected_type(other)),
    }
}

/// A calendar date, `YYYY-MM-DD` (RFC 3339's `full-date`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Date(pub String);

/// A calendar date, `YYYY-MM-DD` (RFC 3339's `full-date`), as a string.
#[Scalar(
    name = "Date",
    specified_by_url = "https://datatracker.ietf.org/doc/html/rfc3339#section-5.6"
)]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        string(value, "Date (YYYY-MM-DD)", |t| is_date(t, false), Date)
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

/// A date as precise as its source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartialDate(pub String);

/// A date as precise as its source states it: a year (`YYYY`), a month (`YYYY-MM`) or a day
/// (`YYYY-MM-DD`), the level-0 forms of the Extended Date/Time Format (ISO 8601-2).
#[Scalar(
    name = "PartialDate",
    specified_by_url = "https://www.loc.gov/standards/datetime/"
)]
impl ScalarType for PartialDate {
    fn parse(value: Value) -> InputValueResult<Self> {
        string(
            value,
            "PartialDate (YYYY, YYYY-MM or YYYY-MM-DD)",
            |t| is_date(t, true),
            PartialDate,
        )
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

/// A BCP 47 language tag (`en`, `fr-CA`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageTag(pub String);

/// A BCP 47 language tag, such as `en` or `pt-BR`, as a string.
#[Scalar(
    name = "LanguageTag",
    specified_by_url = "https://www.rfc-editor.org/info/bcp47"
)]
impl ScalarType for LanguageTag {
    fn parse(value: Value) -> InputValueResult<Self> {
        string(value, "LanguageTag (BCP 47)", is_language_tag, LanguageTag)
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_tags_parse_only_in_their_shapes() {
        let s = |t: &str| Value::String(t.into());
        assert!(<Date as ScalarType>::parse(s("2024-08-11")).is_ok());
        assert!(<Date as ScalarType>::parse(s("2024-08")).is_err());
        assert!(<Date as ScalarType>::parse(s("2024-13-01")).is_err());
        assert!(<PartialDate as ScalarType>::parse(s("2024")).is_ok());
        assert!(<PartialDate as ScalarType>::parse(s("2024-08")).is_ok());
        assert!(<PartialDate as ScalarType>::parse(s("Sunday")).is_err());
        assert!(<LanguageTag as ScalarType>::parse(s("en")).is_ok());
        assert!(<LanguageTag as ScalarType>::parse(s("pt-BR")).is_ok());
        assert!(<LanguageTag as ScalarType>::parse(s("english language")).is_err());
        assert!(<Date as ScalarType>::parse(Value::Number(2024.into())).is_err());
    }
}
