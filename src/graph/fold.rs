//! Case and diacritic folding, the one notion of "same text" that search, alias checks and
//! mention detection share.
//!
//! Folding lower-cases, decomposes (NFD) and drops combining marks, and maps typographic
//! apostrophes and quotes to ASCII, so "Léon", "LEON" and "leon" fold alike.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `text` for comparison.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Folds `text` and returns, for every byte of the folded text, the byte offset in `text` of
/// the character it came from, plus one final entry equal to `text.len()`.
pub fn fold_with_offsets(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = out.len();
        push_folded(c, &mut out);
        offsets.resize(out.len(), at as u32);
        debug_assert!(offsets.len() >= before);
    }
    offsets.push(text.len() as u32);
    (out, offsets)
}

fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
        '\u{201C}' | '\u{201D}' => out.push('"'),
        '\u{2013}' | '\u{2014}' => out.push('-'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for d in c.nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// True when `c` can be part of a word (so a match next to it is not a whole-word match).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits folded text into words (alphanumeric runs).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Léon MARCHAND"), "leon marchand");
        assert_eq!(fold("Comme d’habitude"), "comme d'habitude");
        assert_eq!(fold("Zaho de Sagazan"), "zaho de sagazan");
    }

    #[test]
    fn offsets_point_back_to_original_characters() {
        let text = "Aé’b";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded, "ae'b");
        assert_eq!(offsets, vec![0, 1, 3, 6, 7]);
        assert_eq!(offsets.len(), folded.len() + 1);
    }
}
