//! The text limits, checked on the query's bytes before it is parsed.

/// What a lexical scan of a query finds before it is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scan {
    /// GraphQL lexical tokens (punctuators, names, numbers, strings), counted up to the stop.
    pub(crate) tokens: usize,
    /// Deepest nesting of `{`, `[` and `(`.
    pub(crate) nesting: usize,
}

/// Deepest bracket nesting a query may have. async-graphql's parser recurses once per level of
/// a value (`[[[…]]]`, `{a: {a: …}}`) with no bound of its own, and a few hundred levels
/// overflow a worker thread's stack and abort the process; a legitimate query, the full
/// introspection query included, nests about a dozen deep.
pub(crate) const MAX_NESTING: usize = 100;

/// Counts tokens (stopping at `stop`) and measures bracket nesting, skipping strings and
/// comments.
pub(crate) fn scan(query: &str, stop: usize) -> Scan {
    let bytes = query.as_bytes();
    let mut i = 0;
    let mut count = 0;
    let (mut depth, mut deepest) = (0usize, 0usize);
    while i < bytes.len() && count < stop {
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                count += 1;
                if bytes[i..].starts_with(b"\"\"\"") {
                    i += 3;
                    while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                count += 1;
                i += 3;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                count += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
            }
            _ => {
                match c {
                    b'{' | b'[' | b'(' => {
                        depth += 1;
                        deepest = deepest.max(depth);
                    }
                    b'}' | b']' | b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                count += 1;
                i += 1;
            }
        }
    }
    Scan {
        tokens: count,
        nesting: deepest,
    }
}
