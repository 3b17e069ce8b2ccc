//! How a request ended, as the metrics count it: a [`Verdict`] (ok, partial, error) and the
//! first error's code, bounded so that no client can mint label values. The GraphQL handler
//! builds an [`Outcome`] from the `async_graphql::Response` it still holds; nothing here reads
//! a serialised body.

use std::fmt;

use axum::http::StatusCode;
use prometheus_client::encoding::{EncodeLabelValue, LabelValueEncoder};

use crate::codes::ErrorCode;

/// Longest error code kept as a label value; codes are the server's own `SCREAMING_SNAKE_CASE`
/// names, and anything else (a longer or differently shaped code) is counted as [`OTHER`].
const MAX_CODE_CHARS: usize = 40;

/// The label value standing for every error code not of the form `[A-Z_]{1,40}`.
const OTHER: &str = "OTHER";

/// How a request ended, as a whole (the `outcome` label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Verdict {
    /// Data and no errors.
    Ok,
    /// Data and errors (or a batch whose operations did not all end alike).
    Partial,
    /// Errors and no data, or an HTTP error.
    Error,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Partial => "partial",
            Verdict::Error => "error",
        }
    }
}

impl EncodeLabelValue for Verdict {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> fmt::Result {
        EncodeLabelValue::encode(&self.as_str(), encoder)
    }
}

/// How a GraphQL request ended, attached by the handler to its HTTP response as an extension
/// for [`super::track`] to count (extensions are not sent to the client).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Ok, partial or error.
    pub(crate) outcome: Verdict,
    /// The first error's `extensions.code` (empty when ok), already bounded as a label value.
    pub(crate) code: String,
}

impl Outcome {
    /// No errors.
    pub(crate) fn ok() -> Outcome {
        Outcome {
            outcome: Verdict::Ok,
            code: String::new(),
        }
    }

    /// No data, the error `code`.
    pub(crate) fn error(code: ErrorCode) -> Outcome {
        Outcome {
            outcome: Verdict::Error,
            code: bounded_code(code.as_str()),
        }
    }

    /// One operation's response; `request_error` when it failed before execution, whose
    /// errors the handler answers with `GRAPHQL_VALIDATION_FAILED` when they carry no code.
    pub(crate) fn of(response: &async_graphql::Response, request_error: bool) -> Outcome {
        let Some(first) = response.errors.first() else {
            return Outcome::ok();
        };
        let code = first
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(|code| match code {
                async_graphql::Value::String(code) => Some(code.as_str()),
                _ => None,
            });
        let code = match code {
            Some(code) => code,
            None if request_error => ErrorCode::ValidationFailed.as_str(),
            None => "",
        };
        Outcome {
            outcome: if response.data == async_graphql::Value::Null {
                Verdict::Error
            } else {
                Verdict::Partial
            },
            code: bounded_code(code),
        }
    }

    /// A response that carries no outcome, by its status: informational (a WebSocket upgrade's
    /// 101) and success are ok, anything else an error coded `HTTP_<status>` (not passed
    /// through [`bounded_code`], whose alphabet has no digits: a status is one of at most 900).
    pub(super) fn of_status(status: StatusCode) -> Outcome {
        if status.is_informational() || status.is_success() {
            Outcome::ok()
        } else {
            Outcome {
                outcome: Verdict::Error,
                code: format!("HTTP_{}", status.as_u16()),
            }
        }
    }

    /// This outcome followed by `next` in the same batch: alike stays alike, a mix is partial,
    /// and the code is the first error's.
    fn then(self, next: Outcome) -> Outcome {
        Outcome {
            outcome: if self.outcome == next.outcome {
                self.outcome
            } else {
                Verdict::Partial
            },
            code: if self.code.is_empty() {
                next.code
            } else {
                self.code
            },
        }
    }
}

/// The outcome of a request's operations, one by one (one for a single request, each of a
/// batch's in order).
#[derive(Debug, Default)]
pub(crate) struct Outcomes(Option<Outcome>);

impl Outcomes {
    /// Adds the next operation's response.
    pub(crate) fn add(&mut self, response: &async_graphql::Response, request_error: bool) {
        let next = Outcome::of(response, request_error);
        self.0 = Some(match self.0.take() {
            None => next,
            Some(so_far) => so_far.then(next),
        });
    }

    /// The request's outcome: ok when every operation was.
    pub(crate) fn finish(self) -> Outcome {
        self.0.unwrap_or_else(Outcome::ok)
    }
}

/// `code` when it has the shape of the server's codes, else [`OTHER`]; so that the number of
/// time series stays bounded whatever an error carries.
fn bounded_code(code: &str) -> String {
    let valid = !code.is_empty()
        && code.len() <= MAX_CODE_CHARS
        && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
    if valid { code } else { OTHER }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_bounded() {
        assert_eq!(bounded_code("GRAPHQL_PARSE_FAILED"), "GRAPHQL_PARSE_FAILED");
        assert_eq!(bounded_code(&"A".repeat(40)), "A".repeat(40));
        assert_eq!(bounded_code(&"A".repeat(41)), OTHER);
        assert_eq!(bounded_code(""), OTHER);
        assert_eq!(bounded_code("lower_case"), OTHER);
        assert_eq!(bounded_code("HTTP_415"), OTHER);
        assert_eq!(bounded_code("CODE WITH SPACES"), OTHER);
    }

    #[test]
    fn every_code_the_server_returns_is_its_own_label_value() {
        for code in crate::codes::ErrorCode::ALL {
            assert_eq!(bounded_code(code.as_str()), code.as_str());
        }
    }

    #[test]
    fn statuses_without_an_outcome() {
        assert_eq!(
            Outcome::of_status(StatusCode::SWITCHING_PROTOCOLS),
            Outcome::ok()
        );
        assert_eq!(Outcome::of_status(StatusCode::OK), Outcome::ok());
        assert_eq!(
            Outcome::of_status(StatusCode::NOT_FOUND),
            Outcome {
                outcome: Verdict::Error,
                code: "HTTP_404".into()
            }
        );
    }

    fn error(code: Option<&str>) -> async_graphql::ServerError {
        let mut error = async_graphql::ServerError::new("failed", None);
        if let Some(code) = code {
            let mut extensions = async_graphql::ErrorExtensionValues::default();
            extensions.set("code", code);
            error.extensions = Some(extensions);
        }
        error
    }

    fn partial(code: &str) -> async_graphql::Response {
        let mut response = async_graphql::Response::new(
            async_graphql::Value::from_json(serde_json::json!({ "entity": null })).expect("JSON"),
        );
        response.errors.push(error(Some(code)));
        response
    }

    #[test]
    fn outcomes_of_responses_and_batches() {
        let ok = async_graphql::Response::new(
            async_graphql::Value::from_json(serde_json::json!({ "entity": { "id": "x" } }))
                .expect("JSON"),
        );
        let failed = async_graphql::Response::from_errors(vec![error(Some("TIMEOUT"))]);
        let uncoded = async_graphql::Response::from_errors(vec![error(None)]);

        assert_eq!(Outcome::of(&ok, false), Outcome::ok());
        assert_eq!(
            Outcome::of(&failed, false),
            Outcome::error(ErrorCode::Timeout)
        );
        assert_eq!(
            Outcome::of(&uncoded, true),
            Outcome::error(ErrorCode::ValidationFailed)
        );
        assert_eq!(
            Outcome::of(&uncoded, false),
            Outcome {
                outcome: Verdict::Error,
                code: OTHER.into()
            }
        );
        assert_eq!(
            Outcome::of(&partial("NOT_FOUND"), false),
            Outcome {
                outcome: Verdict::Partial,
                code: "NOT_FOUND".into()
            }
        );

        let batch = |responses: &[&async_graphql::Response]| {
            let mut outcomes = Outcomes::default();
            for response in responses {
                outcomes.add(response, false);
            }
            outcomes.finish()
        };
        assert_eq!(batch(&[&ok, &ok]), Outcome::ok());
        assert_eq!(
            batch(&[&failed, &failed]),
            Outcome::error(ErrorCode::Timeout),
            "all failed: an error"
        );
        assert_eq!(
            batch(&[&ok, &failed, &partial("NOT_FOUND")]),
            Outcome {
                outcome: Verdict::Partial,
                code: "TIMEOUT".into()
            },
            "a mix is partial, with the first error's code"
        );
        assert_eq!(Outcomes::default().finish(), Outcome::ok());
    }
}
