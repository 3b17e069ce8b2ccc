//! Finding a quote in its source text, and the closest passage when it is not there.

use crate::graph::Span;

/// Why a quote could not be placed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum QuoteProblem {
    /// Empty or whitespace-only.
    Empty,
    /// Not in the text; the closest passage, if one is close enough to be worth showing.
    NotFound(Option<String>),
    /// Found this many times and no `occurrence` says which.
    Ambiguous(usize),
    /// `occurrence` is outside `1..=found`.
    NoSuchOccurrence { occurrence: u32, found: usize },
}

/// Character counts at fixed byte intervals of a text, so that the character offset of any
/// byte offset costs at most one block scan instead of a scan from the start.
#[derive(Clone, Debug, Default)]
pub(crate) struct CharIndex {
    /// Characters before byte `i * BLOCK`.
    before: Vec<u32>,
}

const BLOCK: usize = 1024;

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0u32;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(count);
            count += chars_in(block);
        }
        CharIndex { before }
    }

    /// Characters in `text[..at]`; `at` must be a character boundary of `text`.
    pub(crate) fn chars_before(&self, text: &str, at: usize) -> u32 {
        let block = at / BLOCK;
        match self.before.get(block) {
            Some(&n) => n + chars_in(&text.as_bytes()[block * BLOCK..at]),
            None => text[..at].chars().count() as u32,
        }
    }
}

/// Characters in a run of UTF-8 bytes: every byte that does not continue a character.
fn chars_in(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32
}

/// Finds `quote` in `text` (verbatim), picking the 1-based `occurrence` when given.
#[cfg(test)]
pub(crate) fn locate(
    text: &str,
    quote: &str,
    occurrence: Option<u32>,
) -> Result<Span, QuoteProblem> {
    locate_indexed(text, &CharIndex::default(), quote, occurrence)
}

/// [`locate`] with a [`CharIndex`] of `text` (an empty index is allowed and just slower).
pub(crate) fn locate_indexed(
    text: &str,
    index: &CharIndex,
    quote: &str,
    occurrence: Option<u32>,
) -> Result<Span, QuoteProblem> {
    if quote.trim().is_empty() {
        return Err(QuoteProblem::Empty);
    }
    let starts = occurrences(text, quote);
    let start = match (starts.len(), occurrence) {
        (0, _) => return Err(QuoteProblem::NotFound(closest_passage(text, quote))),
        (1, None) => starts[0],
        (n, None) => return Err(QuoteProblem::Ambiguous(n)),
        (n, Some(k)) => match starts.get((k as usize).wrapping_sub(1)) {
            Some(&s) => s,
            None => {
                return Err(QuoteProblem::NoSuchOccurrence {
                    occurrence: k,
                    found: n,
                });
            }
        },
    };
    let end = start + quote.len();
    let char_start = index.chars_before(text, start);
    Ok(Span {
        start: start as u32,
        end: end as u32,
        char_start,
        char_end: char_start + quote.chars().count() as u32,
    })
}

/// The byte offsets where `quote` occurs in `text`: non-overlapping, left to right, as
/// `str::match_indices` counts them. `occurrence: N` picks the N-th of these (1-based).
pub(crate) fn occurrences(text: &str, quote: &str) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(quote.as_bytes());
    let mut starts: Vec<usize> = Vec::with_capacity(1);
    let mut from = 0;
    while let Some(at) = finder.find(&text.as_bytes()[from..]) {
        starts.push(from + at);
        from += at + quote.len().max(1);
    }
    starts
}

/// The passage of `text` most like `quote`: windows of the quote's length starting at word
/// boundaries, compared by normalised Levenshtein similarity. Only shown when at least half alike.
fn closest_passage(text: &str, quote: &str) -> Option<String> {
    const MAX_WINDOWS: usize = 20_000;
    let chars: Vec<char> = text.chars().collect();
    let q: Vec<char> = quote.chars().collect();
    if q.len() > 1000 || chars.is_empty() {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    let quote_str: String = q.iter().collect();
    for (tried, i) in (0..chars.len())
        // A passage starts where a word or a punctuation mark does, never on a blank.
        .filter(|&i| (i == 0 || !chars[i - 1].is_alphanumeric()) && !chars[i].is_whitespace())
        .enumerate()
    {
        if tried >= MAX_WINDOWS {
            break;
        }
        let end = (i + q.len()).min(chars.len());
        let window: String = chars[i..end].iter().collect();
        let similarity = strsim::normalized_levenshtein(&window, &quote_str);
        if best.is_none_or(|(s, _)| similarity > s) {
            best = Some((similarity, i));
        }
    }
    let (similarity, at) = best?;
    if similarity < 0.5 {
        return None;
    }
    let mut end = refine_end(&chars, at, &quote_str);
    // End on a whole word so that the hint reads naturally.
    while end < chars.len()
        && end > at
        && chars[end - 1].is_alphanumeric()
        && chars[end].is_alphanumeric()
    {
        end += 1;
    }
    Some(
        chars[at..end]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_owned(),
    )
}

/// Where the passage starting at `at` best ends: the end, within a few characters of the
/// quote's length, with the fewest edits to the quote. A quote with an extra or a missing
/// character (a double space, a dropped dash) then lines up with its passage to the character,
/// instead of the passage gaining or losing a character at its end.
fn refine_end(chars: &[char], at: usize, quote: &str) -> usize {
    const SLACK: usize = 8;
    let length = quote.chars().count();
    let natural = (at + length).min(chars.len());
    let lowest = (at + length.saturating_sub(SLACK)).max(at + 1).min(natural);
    let highest = (at + length + SLACK).min(chars.len());
    let mut best = (usize::MAX, usize::MAX, natural);
    for end in lowest..=highest {
        let window: String = chars[at..end].iter().collect();
        let edits = strsim::levenshtein(&window, quote);
        let candidate = (edits, end.abs_diff(natural), end);
        if candidate < best {
            best = candidate;
        }
    }
    best.2
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Léon swam. Cruise rode a motorcycle. Cruise waved.";

    #[test]
    fn locates_quotes_in_bytes_and_characters() {
        let span = locate(TEXT, "swam", None).expect("present once");
        assert_eq!(&TEXT[span.start as usize..span.end as usize], "swam");
        assert_eq!((span.char_start, span.char_end), (5, 9));
    }

    #[test]
    fn the_char_index_counts_like_chars() {
        let text = "é".repeat(1500) + "abc" + &"ü".repeat(700);
        let index = CharIndex::new(&text);
        for (at, _) in text.char_indices().step_by(37) {
            assert_eq!(
                index.chars_before(&text, at),
                text[..at].chars().count() as u32
            );
        }
        let span = locate_indexed(&text, &index, "abc", None).expect("present once");
        assert_eq!(span.char_start, 1500);
    }

    #[test]
    fn repeated_quotes_need_an_occurrence() {
        assert_eq!(
            locate(TEXT, "Cruise", None),
            Err(QuoteProblem::Ambiguous(2))
        );
        let second = locate(TEXT, "Cruise", Some(2)).expect("second occurrence");
        assert_eq!(&TEXT[second.start as usize..second.end as usize], "Cruise");
        assert!(second.start > 20);
        assert_eq!(
            locate(TEXT, "Cruise", Some(3)),
            Err(QuoteProblem::NoSuchOccurrence {
                occurrence: 3,
                found: 2
            })
        );
    }

    #[test]
    fn a_missing_quote_shows_the_closest_passage() {
        match locate(TEXT, "Cruise rode a motorbike", None) {
            Err(QuoteProblem::NotFound(Some(passage))) => {
                assert_eq!(passage, "Cruise rode a motorcycle")
            }
            other => panic!("expected the closest passage, got {other:?}"),
        }
        assert_eq!(locate(TEXT, "  ", None), Err(QuoteProblem::Empty));
    }
}
