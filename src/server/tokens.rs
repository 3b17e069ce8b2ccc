//! Write tokens: who may write, checked in constant time.
//!
//! A tokens file has one `name:secret` per line (blank lines and `#` comments skipped); the
//! `OLYMPIA_WRITE_TOKENS` variable holds the same entries separated by commas. The name is what
//! the store's write log records; the secret never leaves this module. Secrets are kept as
//! SHA-256 digests and compared with `subtle`, every configured token each time, so neither the
//! time taken nor the secret's length tells a caller how close a guess was.

use axum::http::{HeaderMap, header};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::schema::WriteAccess;

/// The shortest secret accepted.
pub const MIN_SECRET_CHARS: usize = 16;

/// The write tokens a server accepts.
#[derive(Clone, Default)]
pub struct WriteTokens {
    tokens: Vec<(String, [u8; 32])>,
}

impl std::fmt::Debug for WriteTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.tokens.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("WriteTokens")
            .field("names", &names)
            .finish()
    }
}

fn digest(secret: &[u8]) -> [u8; 32] {
    Sha256::digest(secret).into()
}

impl WriteTokens {
    /// Parses `name:secret` entries, one per item; `what` names where they come from in errors.
    pub fn parse<'a>(
        entries: impl IntoIterator<Item = (usize, &'a str)>,
        what: &str,
    ) -> Result<WriteTokens, String> {
        let mut tokens: Vec<(String, [u8; 32])> = Vec::new();
        for (n, entry) in entries {
            let entry = entry.trim();
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            let Some((name, secret)) = entry.split_once(':') else {
                return Err(format!(
                    "{what}, entry {n}: expected `name:secret` (the name is logged with each write, the secret is sent as `Authorization: Bearer <secret>`)"
                ));
            };
            let (name, secret) = (name.trim(), secret.trim());
            let name_ok = !name.is_empty()
                && name.len() <= 64
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
            if !name_ok {
                return Err(format!(
                    "{what}, entry {n}: the name {name:?} must be 1 to 64 letters, digits, `-`, `_` or `.`"
                ));
            }
            if secret.chars().count() < MIN_SECRET_CHARS {
                return Err(format!(
                    "{what}, entry {n} ({name}): the secret is shorter than {MIN_SECRET_CHARS} characters; generate one with `openssl rand -hex 32`"
                ));
            }
            if tokens.iter().any(|(other, _)| other == name) {
                return Err(format!(
                    "{what}, entry {n}: the name {name:?} is used twice"
                ));
            }
            tokens.push((name.to_owned(), digest(secret.as_bytes())));
        }
        Ok(WriteTokens { tokens })
    }

    /// Reads a tokens file.
    pub fn from_file(path: &std::path::Path) -> Result<WriteTokens, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the write tokens file {}: {e}", path.display()))?;
        WriteTokens::parse(
            text.lines().enumerate().map(|(i, l)| (i + 1, l)),
            &path.display().to_string(),
        )
    }

    /// True when no token is configured (writes are then refused with `WRITES_DISABLED`).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Adds the tokens of `other`.
    pub fn extend(&mut self, other: WriteTokens) -> Result<(), String> {
        for (name, digest) in other.tokens {
            if self.tokens.iter().any(|(n, _)| *n == name) {
                return Err(format!("the write token name {name:?} is configured twice"));
            }
            self.tokens.push((name, digest));
        }
        Ok(())
    }

    /// Who a request's `Authorization` header says is asking.
    pub fn access(&self, headers: &HeaderMap) -> WriteAccess {
        if self.tokens.is_empty() {
            return WriteAccess::Disabled;
        }
        let Some(value) = headers.get(header::AUTHORIZATION) else {
            return WriteAccess::Missing;
        };
        let presented = value
            .to_str()
            .ok()
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .unwrap_or("");
        if presented.is_empty() {
            return WriteAccess::Missing;
        }
        let wanted = digest(presented.as_bytes());
        // Every token is compared, whatever matched first.
        let mut found: Option<&str> = None;
        for (name, secret) in &self.tokens {
            if bool::from(secret.ct_eq(&wanted)) {
                found = Some(name);
            }
        }
        match found {
            Some(name) => WriteAccess::Token(name.to_owned()),
            None => WriteAccess::Invalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("ascii"),
        );
        h
    }

    #[test]
    fn tokens_are_named_and_checked() {
        let tokens = WriteTokens::parse(
            [
                (1, "# editors"),
                (2, "alice:0123456789abcdef0123"),
                (3, "bob : fedcba9876543210xyz"),
            ],
            "test",
        )
        .expect("valid");
        assert_eq!(
            tokens.access(&with("Bearer 0123456789abcdef0123")),
            WriteAccess::Token("alice".into())
        );
        assert_eq!(
            tokens.access(&with("bearer fedcba9876543210xyz")),
            WriteAccess::Token("bob".into())
        );
        assert_eq!(
            tokens.access(&with("Bearer 0123456789abcdef012")),
            WriteAccess::Invalid
        );
        assert_eq!(
            tokens.access(&with("Basic YWxpY2U6eA==")),
            WriteAccess::Missing
        );
        assert_eq!(tokens.access(&HeaderMap::new()), WriteAccess::Missing);
        assert_eq!(
            WriteTokens::default().access(&with("Bearer x")),
            WriteAccess::Disabled
        );
    }

    #[test]
    fn weak_or_malformed_tokens_are_refused() {
        for bad in [
            "alice",
            "alice:short",
            ":0123456789abcdef0123",
            "a b:0123456789abcdef0123",
        ] {
            assert!(WriteTokens::parse([(1, bad)], "test").is_err(), "{bad}");
        }
        let twice = [(1, "a:0123456789abcdef0123"), (2, "a:0123456789abcdef0124")];
        assert!(WriteTokens::parse(twice, "test").is_err());
    }
}
