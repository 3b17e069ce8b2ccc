//! Answers already given, by graph version and request bytes (which hold the document,
//! operation name and variables): a query's answer depends on nothing else, and the graph only
//! changes on a write, which bumps the version. A cached answer is served without parsing or
//! running anything; an answer is kept only when it came from a query (the limiter says which
//! operation it admitted) and carried no error.
//!
//! Each answer also gets an `ETag` (a SHA-256 of its bytes), so that a browser or a CDN can
//! revalidate a GET with `If-None-Match` and get a bodiless 304.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::HeaderValue;
use quick_cache::Weighter;
use sha2::{Digest, Sha256};

use crate::cache::{CacheStats, Counted};

/// Bytes of an entry beyond its key and body (slot, headers, counters).
const ENTRY_OVERHEAD: u64 = 192;

/// What identifies an answer: the graph version, the method, and the request exactly as it came
/// (a POST's body, a GET's query string). The same bytes are the same request: the same
/// document, operation name and variables. (Bodies that differ only in spacing or key order are
/// kept apart, which costs a miss, never a wrong answer.)
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    version: u64,
    get: bool,
    request: Box<str>,
}

impl Key {
    /// The key of a request, at graph version 0 ([`Key::at`] sets it).
    pub(crate) fn new(method: axum::http::Method, request: &str) -> Key {
        Key {
            version: 0,
            get: method == axum::http::Method::GET,
            request: request.into(),
        }
    }

    /// The same request at graph version `version`.
    pub(crate) fn at(self, version: u64) -> Key {
        Key { version, ..self }
    }
}

/// One answer, ready to send.
#[derive(Clone, Debug)]
pub(crate) struct Cached {
    pub(crate) body: Bytes,
    pub(crate) etag: HeaderValue,
}

impl Cached {
    /// The answer with its `ETag`.
    pub(crate) fn new(body: Bytes) -> Cached {
        Cached {
            etag: etag(&body),
            body,
        }
    }
}

/// A strong `ETag` for a body: the first 128 bits of its SHA-256, in hex and quotes.
pub(crate) fn etag(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let mut tag = String::with_capacity(34);
    tag.push('"');
    for byte in &digest[..16] {
        let _ = write!(tag, "{byte:02x}");
    }
    tag.push('"');
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"\""))
}

/// True when an `If-None-Match` header value names `etag` (or is `*`).
pub(crate) fn matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(tags) = if_none_match.to_str() else {
        return false;
    };
    let Ok(etag) = etag.to_str() else {
        return false;
    };
    tags.split(',').map(str::trim).any(|tag| {
        // The weak comparison of RFC 9110: `W/"x"` matches `"x"`.
        tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag
    })
}

#[derive(Clone)]
struct BySize;

impl Weighter<Key, Arc<Cached>> for BySize {
    fn weight(&self, key: &Key, value: &Arc<Cached>) -> u64 {
        (key.request.len() + value.body.len()) as u64 + ENTRY_OVERHEAD
    }
}

/// The cache, bounded by the bytes of its entries.
pub(crate) struct ResponseCache {
    entries: Counted<Key, Arc<Cached>, BySize>,
    /// Largest answer kept: an eighth of the cache, so one answer cannot empty it.
    max_entry: usize,
}

impl Default for ResponseCache {
    /// A cache that is off.
    fn default() -> Self {
        ResponseCache::new(0)
    }
}

impl ResponseCache {
    /// A cache of at most `max_bytes` (0 turns it off).
    pub(crate) fn new(max_bytes: usize) -> ResponseCache {
        ResponseCache {
            entries: Counted::new(max_bytes, 8192, BySize),
            max_entry: max_bytes / 8,
        }
    }

    /// True when the cache is on.
    pub(crate) fn enabled(&self) -> bool {
        self.entries.enabled()
    }

    /// The answer for this key, counting a hit or a miss.
    pub(crate) fn get(&self, key: &Key) -> Option<Arc<Cached>> {
        self.entries.get(key)
    }

    /// Keeps an answer, unless it is larger than an entry may be.
    pub(crate) fn insert(&self, key: Key, cached: Arc<Cached>) {
        if cached.body.len() <= self.max_entry {
            self.entries.insert(key, cached);
        }
    }

    /// Hits, misses and size so far.
    pub(crate) fn stats(&self) -> CacheStats {
        self.entries.stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_versions_methods_and_bytes_apart() {
        use axum::http::Method;
        let body = r#"{"query":"{ a }"}"#;
        let base = Key::new(Method::POST, body).at(1);
        assert_eq!(base, Key::new(Method::POST, body).at(1));
        assert_ne!(base, Key::new(Method::POST, body).at(2), "version");
        assert_ne!(base, Key::new(Method::GET, body).at(1), "method");
        assert_ne!(
            base,
            Key::new(Method::POST, r#"{"query":"{ b }"}"#).at(1),
            "bytes"
        );
    }

    #[test]
    fn etags_match_as_rfc_9110_says() {
        let tag = etag(b"{\"data\":{}}");
        assert_eq!(tag.len(), 34);
        assert_ne!(tag, etag(b"{\"data\":null}"));
        let header = |s: &'static str| HeaderValue::from_static(s);
        let weak = HeaderValue::from_str(&format!("W/{}", tag.to_str().unwrap_or(""))).unwrap();
        assert!(matches(&tag, &tag));
        assert!(matches(&weak, &tag));
        assert!(matches(&header("*"), &tag));
        assert!(!matches(&header("\"0123\""), &tag));
        let list = HeaderValue::from_str(&format!("\"0123\", {}", tag.to_str().unwrap_or("")));
        assert!(matches(&list.expect("ascii"), &tag));
    }

    #[test]
    fn an_answer_too_large_for_its_share_is_not_kept() {
        let cache = ResponseCache::new(8 * 1024);
        let key = Key::new(axum::http::Method::POST, "{ a }").at(1);
        cache.insert(
            key.clone(),
            Arc::new(Cached::new(Bytes::from(vec![b'x'; 2048]))),
        );
        assert!(cache.get(&key).is_none());
        cache.insert(
            key.clone(),
            Arc::new(Cached::new(Bytes::from_static(b"{}"))),
        );
        assert!(cache.get(&key).is_some());
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses, stats.entries), (1, 1, 1));
    }
}
