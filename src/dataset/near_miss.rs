//! A quote that nearly occurs in its source: the hint `check` gives, with the quote and the
//! source's passage one under the other and every differing character marked and named.
//!
//! A curly apostrophe (’) and a straight one (') look alike in most fonts, so "the closest
//! passage is …" alone reads as identical to the quote. This module only formats; finding the
//! passage is `quote`'s job, and it never decides whether a quote is accepted.

use std::fmt::Write as _;

/// One step of the alignment of a quote with its source passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// The same character in both.
    Same(char),
    /// A different character at the same place.
    Replaced { quote: char, source: char },
    /// A character only the quote has.
    Extra(char),
    /// A character only the source has.
    Missing(char),
}

impl Op {
    fn differs(self) -> bool {
        !matches!(self, Op::Same(_))
    }
}

/// Longest aligned run shown in one piece; longer ones are cut around their differences.
const MAX_WIDTH: usize = 100;
/// Characters of unchanged context shown either side of a difference in a long run.
const CONTEXT: usize = 24;
/// Most separate places shown; the rest are only counted.
const MAX_PLACES: usize = 4;
/// Longest quote that is aligned character by character (the alignment is quadratic).
const MAX_ALIGNED: usize = 2000;

/// The hint for a quote not found verbatim, given the closest passage of its source (if any
/// is close): the passage to copy, and, when the two differ in only a few characters, both
/// one under the other with a `^` under each difference and what each differing character is.
pub(crate) fn not_found_hint(quote: &str, closest: Option<&str>) -> String {
    let Some(passage) = closest else {
        return "nothing in the source is close; check the source id".to_owned();
    };
    let mut hint = format!(
        "the closest passage is: {passage:?}; copy it exactly (quotes, apostrophes and dashes included)"
    );
    if let Some(diff) = diff(quote, passage) {
        hint.push('\n');
        hint.push_str(&diff);
    }
    hint
}

/// The quote and the passage one under the other with their differences marked and named, or
/// `None` when they differ in too many places for that to help (or not at all).
fn diff(quote: &str, passage: &str) -> Option<String> {
    let q: Vec<char> = quote.chars().collect();
    let p: Vec<char> = passage.chars().collect();
    if q.len().max(p.len()) > MAX_ALIGNED {
        return None;
    }
    let ops = align(&q, &p);
    let edits = ops.iter().filter(|op| op.differs()).count();
    // A slip (a few characters, or one in ten) is worth marking; a different wording is not.
    if edits == 0 || (edits > 3 && edits * 10 > q.len()) {
        return None;
    }
    let mut out = format!(
        "the quote differs from it in {edits} character{}:",
        plural(edits)
    );
    let places = places(&ops);
    for &(start, end) in places.iter().take(MAX_PLACES) {
        let (quote_line, source_line, carets) = render(&ops[start..end]);
        let before = if start > 0 { "…" } else { "" };
        let after = if end < ops.len() { "…" } else { "" };
        let pad = " ".repeat(before.chars().count());
        write!(
            out,
            "\n  quote:  {before}{quote_line}{after}\n  source: {before}{source_line}{after}\n          {pad}{}",
            carets.trim_end()
        )
        .expect("writing to a String cannot fail");
    }
    if places.len() > MAX_PLACES {
        let more = places.len() - MAX_PLACES;
        write!(out, "\n  (and {more} more place{})", plural(more))
            .expect("writing to a String cannot fail");
    }
    for (op, count) in tally(&ops) {
        let times = if count > 1 {
            format!(" ({count} times)")
        } else {
            String::new()
        };
        let what = match op {
            Op::Replaced { quote, source } => {
                format!(
                    "{} in the source, {} in the quote",
                    name(source),
                    name(quote)
                )
            }
            Op::Extra(c) => format!("{} in the quote, nothing in the source", name(c)),
            Op::Missing(c) => format!("{} in the source, nothing in the quote", name(c)),
            Op::Same(_) => continue,
        };
        write!(out, "\n  {what}{times}").expect("writing to a String cannot fail");
    }
    Some(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The edit script turning `quote` into `source` with the fewest edits (Levenshtein), as a
/// sequence of [`Op`]s. Quadratic in time and memory; only ever run on one short quote.
fn align(quote: &[char], source: &[char]) -> Vec<Op> {
    let (n, m) = (quote.len(), source.len());
    let width = m + 1;
    let mut d = vec![0u32; (n + 1) * width];
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j as u32;
    }
    for i in 1..=n {
        d[i * width] = i as u32;
        for j in 1..=m {
            let replace = d[(i - 1) * width + j - 1] + u32::from(quote[i - 1] != source[j - 1]);
            let extra = d[(i - 1) * width + j] + 1;
            let missing = d[i * width + j - 1] + 1;
            d[i * width + j] = replace.min(extra).min(missing);
        }
    }
    let mut ops = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * width + j];
        if i > 0 && j > 0 && quote[i - 1] == source[j - 1] && here == d[(i - 1) * width + j - 1] {
            ops.push(Op::Same(quote[i - 1]));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && j > 0 && here == d[(i - 1) * width + j - 1] + 1 {
            ops.push(Op::Replaced {
                quote: quote[i - 1],
                source: source[j - 1],
            });
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && here == d[(i - 1) * width + j] + 1 {
            ops.push(Op::Extra(quote[i - 1]));
            i -= 1;
        } else {
            ops.push(Op::Missing(source[j - 1]));
            j -= 1;
        }
    }
    ops.reverse();
    ops
}

/// The ranges of `ops` to show: all of it when short, else each cluster of differences with
/// some context either side (clusters closer than twice the context are merged).
fn places(ops: &[Op]) -> Vec<(usize, usize)> {
    if ops.len() <= MAX_WIDTH {
        return vec![(0, ops.len())];
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, _) in ops.iter().enumerate().filter(|(_, op)| op.differs()) {
        let start = at.saturating_sub(CONTEXT);
        let end = (at + 1 + CONTEXT).min(ops.len());
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// The quote's line, the source's line and the caret line of a run of aligned steps. A
/// character one side lacks shows as a blank on that side, so that the columns stay aligned.
fn render(ops: &[Op]) -> (String, String, String) {
    let (mut quote, mut source, mut carets) = (String::new(), String::new(), String::new());
    for &op in ops {
        let (q, s) = match op {
            Op::Same(c) => (shown(c), shown(c)),
            Op::Replaced {
                quote: q,
                source: s,
            } => (shown(q), shown(s)),
            Op::Extra(c) => (shown(c), ' '),
            Op::Missing(c) => (' ', shown(c)),
        };
        quote.push(q);
        source.push(s);
        carets.push(if op.differs() { '^' } else { ' ' });
    }
    (quote, source, carets)
}

/// Each distinct difference with how often it occurs, in order of first occurrence.
fn tally(ops: &[Op]) -> Vec<(Op, usize)> {
    let mut out: Vec<(Op, usize)> = Vec::new();
    for &op in ops.iter().filter(|op| op.differs()) {
        match out.iter_mut().find(|(seen, _)| *seen == op) {
            Some((_, count)) => *count += 1,
            None => out.push((op, 1)),
        }
    }
    out
}

/// How a character is drawn in the aligned lines: as itself, except characters that would
/// break the line or take no column (line breaks, tabs, controls, zero-width and combining
/// marks), which get a visible stand-in so that the carets stay under their characters.
fn shown(c: char) -> char {
    match c {
        '\n' | '\r' => '↵',
        '\t' => '→',
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{0300}'..='\u{036F}' => '·',
        c if c.is_control() => '·',
        c => c,
    }
}

/// A character named so that look-alikes can be told apart: itself (when visible), its code
/// point, and for the usual suspects of copied text its Unicode name.
fn name(c: char) -> String {
    let label = match c {
        '\'' => "apostrophe",
        '\u{2018}' => "left single quotation mark",
        '\u{2019}' => "right single quotation mark",
        '"' => "quotation mark",
        '\u{201C}' => "left double quotation mark",
        '\u{201D}' => "right double quotation mark",
        '\u{00AB}' => "left-pointing double angle quotation mark",
        '\u{00BB}' => "right-pointing double angle quotation mark",
        '`' => "grave accent",
        '\u{00B4}' => "acute accent",
        '-' => "hyphen-minus",
        '\u{2010}' => "hyphen",
        '\u{2011}' => "non-breaking hyphen",
        '\u{2012}' => "figure dash",
        '\u{2013}' => "en dash",
        '\u{2014}' => "em dash",
        '\u{2212}' => "minus sign",
        '\u{2026}' => "horizontal ellipsis",
        ' ' => "space",
        '\u{00A0}' => "no-break space",
        '\u{2009}' => "thin space",
        '\u{202F}' => "narrow no-break space",
        '\u{200B}' => "zero width space",
        '\u{00AD}' => "soft hyphen",
        '\u{FEFF}' => "zero width no-break space",
        '\n' => "line feed",
        '\r' => "carriage return",
        '\t' => "tab",
        _ => "",
    };
    let code = format!("U+{:04X}", c as u32);
    let visible = !(c.is_whitespace() || shown(c) != c);
    match (visible, label.is_empty()) {
        (true, true) => format!("{c} ({code})"),
        (true, false) => format!("{c} ({code}, {label})"),
        (false, true) => code,
        (false, false) => format!("{code} ({label})"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::quote::{QuoteProblem, locate};
    use super::*;

    const TEXT: &str = "Cruise said: “Your mission, should you choose to accept it.” Paris’s \
                        mayor spoke for 2–3 minutes. Biles waved.";

    /// The hint `check` shows for `quote` against [`TEXT`].
    fn hint(quote: &str) -> String {
        match locate(TEXT, quote, None) {
            Err(QuoteProblem::NotFound(closest)) => not_found_hint(quote, closest.as_deref()),
            other => panic!("expected {quote:?} not to be found, got {other:?}"),
        }
    }

    /// Asserts that `hint` marks columns under the quote's line exactly at `columns` (0-based
    /// character offsets into the quote line, after its label).
    fn assert_carets(hint: &str, columns: &[usize]) {
        let lines: Vec<&str> = hint.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("  quote:  "))
            .unwrap_or_else(|| panic!("no quote line in:\n{hint}"));
        let carets = lines[at + 2];
        let marked: Vec<usize> = carets
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '^')
            .map(|(i, _)| i - "  quote:  ".chars().count())
            .collect();
        assert_eq!(marked, columns, "in:\n{hint}");
    }

    #[test]
    fn a_curly_apostrophe_is_marked_and_named() {
        let hint = hint("Paris's mayor spoke");
        assert!(
            hint.contains("the closest passage is: \"Paris’s mayor spoke\""),
            "{hint}"
        );
        assert!(hint.contains("in 1 character:"), "{hint}");
        assert!(hint.contains("  quote:  Paris's mayor spoke\n"), "{hint}");
        assert!(hint.contains("  source: Paris’s mayor spoke\n"), "{hint}");
        assert_carets(&hint, &[5]);
        assert!(
            hint.contains(
                "’ (U+2019, right single quotation mark) in the source, ' (U+0027, apostrophe) in the quote"
            ),
            "{hint}"
        );
    }

    #[test]
    fn curly_double_quotes_are_counted_once_each() {
        let hint = hint("\"Your mission, should you choose to accept it.\"");
        assert!(hint.contains("in 2 characters:"), "{hint}");
        assert_carets(&hint, &[0, 46]);
        assert!(
            hint.contains("“ (U+201C, left double quotation mark) in the source, \" (U+0022, quotation mark) in the quote"),
            "{hint}"
        );
        assert!(hint.contains("” (U+201D, right double quotation mark) in the source"));
    }

    #[test]
    fn an_en_dash_is_not_a_hyphen() {
        let hint = hint("spoke for 2-3 minutes");
        assert_carets(&hint, &[11]);
        assert!(
            hint.contains(
                "– (U+2013, en dash) in the source, - (U+002D, hyphen-minus) in the quote"
            ),
            "{hint}"
        );
    }

    #[test]
    fn an_extra_space_lines_up_with_the_passage() {
        let hint = hint("Biles  waved.");
        assert!(
            hint.contains("the closest passage is: \"Biles waved.\""),
            "{hint}"
        );
        assert_carets(&hint, &[5]);
        assert!(
            hint.contains("U+0020 (space) in the quote, nothing in the source"),
            "{hint}"
        );
    }

    #[test]
    fn a_different_wording_shows_only_the_closest_passage() {
        let hint = hint("Paris's mayor talked for 2–3 minutes");
        assert!(
            hint.contains("the closest passage is: \"Paris’s mayor spoke for 2–3 minutes\""),
            "{hint}"
        );
        assert!(!hint.contains("^") && !hint.contains("U+"), "{hint}");
        assert_eq!(
            not_found_hint("anything", None),
            "nothing in the source is close; check the source id"
        );
    }

    #[test]
    fn long_passages_are_cut_around_their_differences() {
        let source = format!("{}it’s{}", "word ".repeat(40), " more".repeat(40));
        let quote = source.replace('’', "'");
        let hint = diff(&quote, &source).expect("one difference");
        assert!(hint.contains("in 1 character:"), "{hint}");
        assert!(hint.contains("  quote:  …"), "{hint}");
        let shown = hint
            .lines()
            .filter(|l| l.starts_with("  quote:") || l.starts_with("  source:"));
        assert!(shown.clone().count() == 2, "{hint}");
        assert!(shown.clone().all(|l| l.chars().count() < 80), "{hint}");
        assert!(
            hint.contains("' (U+0027, apostrophe) in the quote"),
            "{hint}"
        );
    }

    #[test]
    fn alignment_is_minimal() {
        let q: Vec<char> = "a-b  c".chars().collect();
        let s: Vec<char> = "a–b c".chars().collect();
        let ops = align(&q, &s);
        assert_eq!(ops.iter().filter(|op| op.differs()).count(), 2);
        assert_eq!(
            ops[1],
            Op::Replaced {
                quote: '-',
                source: '–'
            }
        );
    }
}
