//! Errors a client can act on: each names the argument and the allowed range, and carries an
//! `extensions.code`.

use async_graphql::{Error, ErrorExtensions};

/// The `extensions.code` values this API returns; defined beside the layers (`crate::codes`)
/// because the store's write path gives its refusals these codes too.
pub use crate::codes::ErrorCode;

/// A GraphQL error with a code.
pub fn error(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(message).extend_with(|_, e| e.set("code", code.as_str()))
}

/// A request-level error (no path) with a code, for refusals before or around execution.
pub fn request_error(code: ErrorCode, message: impl Into<String>) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    error.extensions = Some(extensions);
    error
}

/// Checks that an integer argument lies in `min..=max`.
pub fn in_range(argument: &str, value: i32, min: i32, max: i32) -> async_graphql::Result<usize> {
    if (min..=max).contains(&value) {
        Ok(value as usize)
    } else {
        Err(error(
            ErrorCode::OutOfRange,
            format!("`{argument}` must be between {min} and {max}, got {value}"),
        )
        .extend_with(|_, e| {
            e.set("argument", argument);
            e.set("min", min);
            e.set("max", max);
        }))
    }
}
