//! Every error code the API returns: the `extensions.code` of a GraphQL error and the code of
//! an HTTP-level refusal, in one enum, so that no code is a string literal anywhere else.
//!
//! It sits at the crate root rather than in `schema` because two layers create codes: the
//! schema and server layers, and the store's write path (`store::live`), which must not depend
//! on the schema (the store sits beside the schema and is used by it). It depends only on
//! `dataset`, whose loader codes are API codes too (a write is refused with the loader's own
//! code), and knows nothing of GraphQL or HTTP: it names codes, it never builds an error.
//!
//! The strings are the wire format: clients and tests match on them, so a variant may be added
//! but an existing string never changes.

use crate::dataset;

/// Declares [`ErrorCode`], its [`ErrorCode::as_str`] and [`ErrorCode::ALL`] from one list, so
/// that a code cannot be added to one and forgotten in another.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// The code of an error this API returns, as `extensions.code` (or as the code of an
        /// HTTP-level refusal, which has the same shape).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order (for tests and documentation checks).
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as clients see it: `QUERY_TOO_LONG`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    // Arguments and traversals (schema::error, schema::query, schema::paging).
    /// An argument is outside its allowed range (a page size, `maxHops`, too many ids).
    OutOfRange => "ARGUMENT_OUT_OF_RANGE",
    /// A pagination cursor is not one this API issued.
    InvalidCursor => "INVALID_CURSOR",
    /// An id is empty, too long or contains characters no id has: an id argument of a query,
    /// or an id a write gives or derives (the loader's `dataset::ErrorCode::InvalidId`).
    InvalidId => "INVALID_ID",
    /// Two arguments contradict each other (e.g. `first` with `last`), or an argument names
    /// nothing the dataset declares.
    InvalidArguments => "INVALID_ARGUMENTS",
    /// A traversal hit its work budget (`--traversal-budget`); the data returned is what was
    /// complete.
    BudgetExceeded => "TRAVERSAL_BUDGET_EXCEEDED",

    // The limiter (schema::limits), before a query runs.
    /// The query text is over `--max-query-bytes`.
    QueryTooLong => "QUERY_TOO_LONG",
    /// The query text has more than `--max-tokens` tokens.
    TooManyTokens => "TOO_MANY_TOKENS",
    /// The query nests deeper than `--max-depth` levels, or its brackets nest deeper than the
    /// parser's fixed bound.
    QueryTooDeep => "QUERY_TOO_DEEP",
    /// The query's (or the batch's) estimated cost is over `--max-cost`.
    QueryTooComplex => "QUERY_TOO_COMPLEX",
    /// The query uses more than `--max-aliases` aliases.
    TooManyAliases => "TOO_MANY_ALIASES",
    /// An operation selects more than `--max-root-fields` root fields.
    TooManyRootFields => "TOO_MANY_ROOT_FIELDS",
    /// The query uses more than `--max-directives` directives.
    TooManyDirectives => "TOO_MANY_DIRECTIVES",
    /// An introspection query nests a list in itself, or `ofType` too deep.
    IntrospectionTooDeep => "INTROSPECTION_TOO_DEEP",
    /// An introspection query reached a server started with `--no-introspection`.
    IntrospectionDisabled => "INTROSPECTION_DISABLED",
    /// A mutation or subscription was sent by GET (HTTP 405, `Allow: POST`).
    MethodNotAllowed => "METHOD_NOT_ALLOWED",
    /// The query text is not valid GraphQL syntax.
    ParseFailed => "GRAPHQL_PARSE_FAILED",
    /// The document fails GraphQL validation (unknown field, wrong literal type, …); the HTTP
    /// layer gives it to the executor's own validation errors, which carry no code.
    ValidationFailed => "GRAPHQL_VALIDATION_FAILED",
    /// A variable's value does not fit its type, or the `persistedQuery` extension is
    /// malformed or does not match the query's text.
    BadUserInput => "BAD_USER_INPUT",
    /// A persisted query was sent by hash alone and the server does not hold its text (the
    /// client resends it with the text).
    PersistedQueryNotFound => "PERSISTED_QUERY_NOT_FOUND",

    // The request budget (schema::budget), while a query runs.
    /// The request ran longer than `--timeout-ms`.
    Timeout => "TIMEOUT",
    /// The answer would be larger than `--max-response-bytes`.
    ResponseTooLarge => "RESPONSE_TOO_LARGE",

    // The HTTP layer (server::http), before any GraphQL runs.
    /// The HTTP request itself is wrong: malformed JSON, no `query`, a batch too large, an
    /// unsupported media type (the status says which kind), or a mutation sent by GET (405).
    BadRequest => "BAD_REQUEST",
    /// The request body is over `--max-body-bytes` (HTTP 413).
    PayloadTooLarge => "PAYLOAD_TOO_LARGE",
    /// Every execution slot stayed busy for `--queue-timeout-ms` (HTTP 503, `Retry-After`).
    ServerBusy => "SERVER_BUSY",

    // Subscriptions (schema::subscription, server::ws).
    /// A query or mutation was sent over the WebSocket, which serves subscriptions only.
    SubscriptionsOnly => "SUBSCRIPTIONS_ONLY",
    /// A connection already holds its most subscriptions at once.
    TooManySubscriptions => "TOO_MANY_SUBSCRIPTIONS",
    /// A subscriber fell too many changes behind; its subscription is ended.
    SubscriberTooSlow => "SUBSCRIBER_TOO_SLOW",

    // Writes (schema::mutation, store::live).
    /// A write came with no bearer token, or one that matches no write token.
    Unauthenticated => "UNAUTHENTICATED",
    /// The server takes no writes: it has no store (`--db`), or no write token is configured.
    WritesDisabled => "WRITES_DISABLED",
    /// A write carries more items than one write may.
    InputTooLarge => "INPUT_TOO_LARGE",
    /// A write's input item is self-contradictory (e.g. a claim both a relation and a
    /// quantity, or neither).
    InvalidInput => "INVALID_INPUT",
    /// A retraction names no relation or quantity claim.
    UnknownClaim => "UNKNOWN_CLAIM",
    /// The store's disk is full; nothing was written.
    StorageFull => "STORAGE_FULL",
    /// The store could not commit, or holds a record it cannot read; nothing was written.
    StorageFailed => "STORAGE_FAILED",
    /// A write did not finish for a reason of the server's own; nothing was published.
    Internal => "INTERNAL",

    // The loader's refusals of a write's lines (`dataset::ErrorCode`, by `From`).
    /// A written line is not a record the dataset format accepts.
    InvalidRecord => "INVALID_RECORD",
    /// A written id is already declared.
    DuplicateId => "DUPLICATE_ID",
    /// A reference names no entity (a write's subject, object or qualifier, or the entity a
    /// subscription is about).
    UnknownEntity => "UNKNOWN_ENTITY",
    /// A written evidence item names no source.
    UnknownSource => "UNKNOWN_SOURCE",
    /// A written claim uses a predicate the vocabulary does not declare.
    UnknownPredicate => "UNKNOWN_PREDICATE",
    /// The predicate does not take a subject or object of this kind.
    PredicateNotAllowed => "PREDICATE_NOT_ALLOWED",
    /// The predicate does not take this qualifier.
    QualifierNotAllowed => "QUALIFIER_NOT_ALLOWED",
    /// A written quote is empty or does not occur verbatim in its source.
    QuoteNotFound => "QUOTE_NOT_FOUND",
    /// A written quote occurs more than once and no (valid) `occurrence` says which.
    QuoteAmbiguous => "QUOTE_AMBIGUOUS",
    /// Any other written value that breaks a rule of the dataset format.
    InvalidValue => "INVALID_VALUE",
}

/// The loader's code as the API returns it. `dataset::ErrorCode` stays the loader's own
/// vocabulary (it knows nothing of the API); each of its codes has the API variant of the same
/// string, which a test checks.
impl From<dataset::ErrorCode> for ErrorCode {
    fn from(code: dataset::ErrorCode) -> ErrorCode {
        use dataset::ErrorCode as D;
        match code {
            D::InvalidRecord => ErrorCode::InvalidRecord,
            D::InvalidId => ErrorCode::InvalidId,
            D::DuplicateId => ErrorCode::DuplicateId,
            D::UnknownEntity => ErrorCode::UnknownEntity,
            D::UnknownSource => ErrorCode::UnknownSource,
            D::UnknownPredicate => ErrorCode::UnknownPredicate,
            D::PredicateNotAllowed => ErrorCode::PredicateNotAllowed,
            D::QualifierNotAllowed => ErrorCode::QualifierNotAllowed,
            D::QuoteNotFound => ErrorCode::QuoteNotFound,
            D::QuoteAmbiguous => ErrorCode::QuoteAmbiguous,
            D::InvalidValue => ErrorCode::InvalidValue,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_code_is_unique_and_screaming_snake_case() {
        let mut seen = HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
                "{code:?} is {s:?}, not [A-Z_]+"
            );
            assert!(seen.insert(s), "{s} is the code of two variants");
        }
    }

    #[test]
    fn a_loader_code_keeps_its_string() {
        // Every variant of `dataset::ErrorCode`; `From` above is an exhaustive match, so a new
        // loader code cannot compile without a mapping, and belongs here too.
        use dataset::ErrorCode as D;
        let loader = [
            D::InvalidRecord,
            D::InvalidId,
            D::DuplicateId,
            D::UnknownEntity,
            D::UnknownSource,
            D::UnknownPredicate,
            D::PredicateNotAllowed,
            D::QualifierNotAllowed,
            D::QuoteNotFound,
            D::QuoteAmbiguous,
            D::InvalidValue,
        ];
        for code in loader {
            assert_eq!(ErrorCode::from(code).as_str(), code.as_str());
        }
    }

    #[test]
    fn the_readme_names_every_code() {
        let readme = include_str!("../README.md");
        let missing: Vec<&str> = ErrorCode::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|s| !readme.contains(&format!("`{s}`")))
            .collect();
        assert!(
            missing.is_empty(),
            "README.md does not name these error codes (add each, in backticks, to the list of \
             its section: \"Writing to the graph\", \"The API\" or \"Reliability\"): {missing:?}"
        );
    }
}
