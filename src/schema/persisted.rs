//! Automatic persisted queries (Apollo's protocol): a client sends a query's SHA-256 instead of
//! its text once the server has seen the text.
//!
//! The cache holds query *texts*, bounded in bytes (least recently used first out). A query sent
//! by hash alone gets its text back from here and then passes every check a query sent with its
//! text passes, with the variables of the request at hand: a cached verdict could be walked
//! around by replaying a cheap registration with expensive variables.

use std::sync::{Arc, Mutex};

use super::error::{ErrorCode, request_error};
use async_graphql::{ServerResult, Value};
use lru::LruCache;
use sha2::{Digest, Sha256};

/// Bytes an entry costs beyond its hash and text (map slot, list links, allocation headers).
const ENTRY_OVERHEAD: usize = 96;

/// The `persistedQuery` extension of a request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PersistedQuery {
    sha256: String,
}

impl PersistedQuery {
    /// Reads `{"version": 1, "sha256Hash": "<64 hex digits>"}`.
    pub(crate) fn from_extension(value: Value) -> ServerResult<PersistedQuery> {
        let bad = |what: &str| {
            request_error(
                ErrorCode::BadUserInput,
                format!(
                    "extensions.persistedQuery {what}: send {{\"version\": 1, \"sha256Hash\": \"<SHA-256 of the query, 64 hex digits>\"}}"
                ),
            )
        };
        let Value::Object(map) = value else {
            return Err(bad("is not an object"));
        };
        match map.get("version") {
            Some(Value::Number(n)) if n.as_i64() == Some(1) => {}
            _ => return Err(bad("has no supported version (only 1 is)")),
        }
        match map.get("sha256Hash") {
            Some(Value::String(hash))
                if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                Ok(PersistedQuery {
                    sha256: hash.to_ascii_lowercase(),
                })
            }
            _ => Err(bad("has no sha256Hash of 64 hex digits")),
        }
    }

    /// Checks that a query's text has this hash.
    pub(crate) fn matches(&self, query: &str) -> ServerResult<()> {
        let actual = format!("{:x}", Sha256::digest(query.as_bytes()));
        if actual == self.sha256 {
            Ok(())
        } else {
            Err(request_error(
                ErrorCode::BadUserInput,
                "provided sha does not match query",
            ))
        }
    }
}

/// The persisted queries' texts by hash, bounded in bytes.
pub(crate) struct PersistedQueries {
    max_bytes: usize,
    inner: Mutex<Entries>,
}

struct Entries {
    map: LruCache<String, Arc<str>>,
    bytes: usize,
}

fn weight(hash: &str, text: &str) -> usize {
    hash.len() + text.len() + ENTRY_OVERHEAD
}

impl PersistedQueries {
    /// An empty cache holding at most `max_bytes` (0 turns persisted queries off).
    pub(crate) fn new(max_bytes: usize) -> PersistedQueries {
        PersistedQueries {
            max_bytes,
            inner: Mutex::new(Entries {
                map: LruCache::unbounded(),
                bytes: 0,
            }),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, Entries> {
        // The lock guards no invariant a panic could break halfway: recover it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The text registered under a hash; Apollo's `PersistedQueryNotFound` when there is none,
    /// which tells the client to send the text.
    pub(crate) fn get(&self, query: &PersistedQuery) -> ServerResult<String> {
        match self.entries().map.get(&query.sha256) {
            Some(text) => Ok(text.to_string()),
            None => Err(request_error(
                ErrorCode::PersistedQueryNotFound,
                "PersistedQueryNotFound",
            )),
        }
    }

    /// Registers a text under its hash, forgetting the least recently used texts beyond the
    /// byte bound. A text larger than the whole bound is not kept.
    pub(crate) fn insert(&self, query: &PersistedQuery, text: &str) {
        let cost = weight(&query.sha256, text);
        if cost > self.max_bytes {
            return;
        }
        let mut entries = self.entries();
        if let Some(old) = entries.map.put(query.sha256.clone(), Arc::from(text)) {
            entries.bytes -= weight(&query.sha256, &old);
        }
        entries.bytes += cost;
        while entries.bytes > self.max_bytes {
            match entries.map.pop_lru() {
                Some((hash, text)) => entries.bytes -= weight(&hash, &text),
                None => break,
            }
        }
    }

    /// Bytes held.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.entries().bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persisted(text: &str) -> PersistedQuery {
        PersistedQuery {
            sha256: format!("{:x}", Sha256::digest(text.as_bytes())),
        }
    }

    #[test]
    fn the_cache_is_bounded_in_bytes_and_forgets_the_least_recent() {
        let texts: Vec<String> = (0..10)
            .map(|i| format!("{{ q{i} {} }}", "x".repeat(100)))
            .collect();
        let one = weight(&persisted(&texts[0]).sha256, &texts[0]);
        let cache = PersistedQueries::new(one * 3);
        for text in &texts[..3] {
            cache.insert(&persisted(text), text);
        }
        // Touch the first so the second is the least recently used.
        assert!(cache.get(&persisted(&texts[0])).is_ok());
        cache.insert(&persisted(&texts[3]), &texts[3]);
        assert!(cache.bytes() <= one * 3);
        assert!(cache.get(&persisted(&texts[1])).is_err());
        assert_eq!(
            cache.get(&persisted(&texts[0])).ok().as_deref(),
            Some(texts[0].as_str())
        );
        for text in &texts {
            cache.insert(&persisted(text), text);
        }
        assert!(cache.bytes() <= one * 3);
        let huge = "y".repeat(one * 4);
        cache.insert(&persisted(&huge), &huge);
        assert!(cache.get(&persisted(&huge)).is_err());
    }

    #[test]
    fn the_extension_is_read_strictly() {
        let good =
            Value::from_json(serde_json::json!({"version": 1, "sha256Hash": "A".repeat(64)}))
                .expect("json");
        assert_eq!(
            PersistedQuery::from_extension(good).expect("valid").sha256,
            "a".repeat(64)
        );
        for bad in [
            serde_json::json!({"version": 2, "sha256Hash": "a".repeat(64)}),
            serde_json::json!({"version": 1, "sha256Hash": "abc"}),
            serde_json::json!({"version": 1}),
            serde_json::json!("x"),
        ] {
            let value = Value::from_json(bad).expect("json");
            assert!(PersistedQuery::from_extension(value).is_err());
        }
        let text = "{ stats { entities } }";
        assert!(persisted(text).matches(text).is_ok());
        assert!(persisted(text).matches("{ stats { sources } }").is_err());
    }
}
