//! Finding runs of capitalised words in English text: the candidates for names.
//!
//! The heuristic, kept simple on purpose (it advises an author, it decides nothing):
//!
//! - A **word** is a run of letters and digits, with a hyphen, apostrophe (straight or curly)
//!   or `&` allowed between two of them ("Saint-Denis", "O'Brien", "R&B"); a single capital
//!   letter followed by a full stop is an initial and keeps its stop ("J. K.").
//! - A word is **capitalised** when its first character is upper case ("Paris", "IOC", "P").
//! - A **run** is capitalised words separated by single spaces, with up to two lower-case
//!   [`CONNECTORS`] between two of them ("Bosnia and Herzegovina", "Pierre de Coubertin",
//!   "P R Sreejesh"). Any other punctuation, or a line break, ends it; it never ends on a
//!   connector.
//! - A run that **starts a sentence** (text or line start, or after `.`, `!`, `?`, with
//!   opening quotes and brackets skipped) drops its first word when that word is a common
//!   English word of [`SENTENCE_STARTERS`]: "The" in "The Eiffel Tower rose", "In" in "In Paris".
//!   Other capitalised words at a sentence start are kept: they are often names (`uncovered`
//!   drops one that stands alone, only ever starts a sentence and is written in lower case
//!   elsewhere). A stop word standing alone ("I", or "The" before a quote) is never a name.
//!
//! Never does IO; never looks at the graph.

/// Lower-case words allowed inside a name, between two capitalised words.
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "du", "des", "la", "le", "da", "di", "del", "van", "von", "der", "y",
    "et",
];

/// Common English words that are capitalised only because they start a sentence.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Afterwards",
    "Also",
    "An",
    "And",
    "Around",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "During",
    "Each",
    "Finally",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Later",
    "Meanwhile",
    "Now",
    "Of",
    "On",
    "One",
    "Our",
    "Over",
    "Some",
    "She",
    "So",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Three",
    "To",
    "Together",
    "Two",
    "Unlike",
    "We",
    "What",
    "When",
    "While",
    "With",
    "Yet",
    "You",
    "Your",
];

/// A word of a [`NameRun`], by byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// A lower-case connector ("of", "de"), not a capitalised word.
    pub connector: bool,
}

/// A run of capitalised words (with connectors inside), in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameRun {
    /// Its words; the first and the last are capitalised.
    pub words: Vec<Word>,
    /// It starts a sentence (after any stop word was dropped, the run's original start did).
    pub sentence_start: bool,
}

impl NameRun {
    /// First byte.
    pub fn start(&self) -> usize {
        self.words[0].start
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.words[self.words.len() - 1].end
    }
}

/// Every run of capitalised words in `text`, in text order. Complexity: O(text length).
pub(crate) fn name_runs(text: &str) -> Vec<NameRun> {
    let mut runs = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut pending: Vec<Word> = Vec::new();
    for word in words(text) {
        let slice = &text[word.start..word.end];
        let joined = pending
            .last()
            .or(current.last())
            .is_some_and(|last| is_single_space(&text[last.end..word.start]));
        let capitalised = slice.chars().next().is_some_and(char::is_uppercase);
        if capitalised && joined && !current.is_empty() {
            current.append(&mut pending);
            current.push(word);
        } else if !capitalised
            && joined
            && !current.is_empty()
            && pending.len() < 2
            && CONNECTORS.contains(&slice)
        {
            pending.push(Word {
                connector: true,
                ..word
            });
        } else {
            finish(text, &mut current, &mut runs);
            pending.clear();
            if capitalised {
                current.push(word);
            }
        }
    }
    finish(text, &mut current, &mut runs);
    runs
}

/// Ends the run being built, dropping a sentence-starting stop word from its front.
fn finish(text: &str, current: &mut Vec<Word>, runs: &mut Vec<NameRun>) {
    if current.is_empty() {
        return;
    }
    let mut words = std::mem::take(current);
    let sentence_start = starts_sentence(text, words[0].start);
    if sentence_start && SENTENCE_STARTERS.contains(&&text[words[0].start..words[0].end]) {
        words.remove(0);
        let capitalised = words
            .iter()
            .position(|w| !w.connector)
            .unwrap_or(words.len());
        words.drain(..capitalised);
    }
    let lone_stop_word =
        words.len() == 1 && SENTENCE_STARTERS.contains(&&text[words[0].start..words[0].end]);
    if !words.is_empty() && !lone_stop_word {
        runs.push(NameRun {
            words,
            sentence_start,
        });
    }
}

/// The words of `text` (see the module documentation), capitalised or not.
fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < chars.len() && !chars[i].1.is_alphanumeric() {
            i += 1;
        }
        let (start, first) = *chars.get(i)?;
        i += 1;
        loop {
            match chars.get(i) {
                Some(&(_, c)) if c.is_alphanumeric() => i += 1,
                Some(&(_, '-' | '\'' | '\u{2019}' | '\u{2011}' | '&'))
                    if chars.get(i + 1).is_some_and(|&(_, c)| c.is_alphanumeric()) =>
                {
                    i += 2
                }
                _ => break,
            }
        }
        let mut end = chars.get(i).map_or(text.len(), |&(at, _)| at);
        if end - start == first.len_utf8()
            && first.is_uppercase()
            && chars.get(i).is_some_and(|&(_, c)| c == '.')
        {
            i += 1;
            end += 1;
        }
        Some(Word {
            start,
            end,
            connector: false,
        })
    })
}

/// True when `gap`, the text between two words, is one space (a no-break space counts).
fn is_single_space(gap: &str) -> bool {
    matches!(gap, " " | "\u{00A0}")
}

/// True when the word at byte `at` of `text` starts a sentence: nothing but opening quotes and
/// blanks lie between it and the start of the text, a line break, or a `.`, `!` or `?` (with
/// closing quotes allowed after it). A full stop after an initial ("J. K.") ends no sentence.
fn starts_sentence(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev().peekable();
    while before
        .next_if(|&c| {
            matches!(
                c,
                ' ' | '\t' | '\u{00A0}' | '“' | '‘' | '"' | '\'' | '(' | '['
            )
        })
        .is_some()
    {}
    while before
        .next_if(|&c| matches!(c, '”' | '’' | '"' | '\'' | ')'))
        .is_some()
    {}
    match before.next() {
        None | Some('\n' | '\r' | '!' | '?') => true,
        Some('.') => {
            // "J. K.": the stop ends an initial when one capital letter stands before it.
            let mut rest = before;
            let initial = rest.next().is_some_and(char::is_uppercase)
                && rest.next().is_none_or(|c| !c.is_alphanumeric());
            !initial
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `text` as strings.
    fn runs(text: &str) -> Vec<&str> {
        name_runs(text)
            .iter()
            .map(|r| &text[r.start()..r.end()])
            .collect()
    }

    #[test]
    fn capitalised_words_form_runs() {
        assert_eq!(
            runs("Yesterday Tom Cruise met Simone Biles, then IOC officials."),
            ["Yesterday Tom Cruise", "Simone Biles", "IOC"]
        );
    }

    #[test]
    fn connectors_join_only_between_capitalised_words() {
        assert_eq!(
            runs("a speech by Pierre de Coubertin in Bosnia and Herzegovina, of the State of"),
            ["Pierre de Coubertin", "Bosnia and Herzegovina", "State"]
        );
        assert_eq!(
            runs("the Palace of the Republic and the crowd"),
            ["Palace of the Republic"]
        );
    }

    #[test]
    fn initials_join_the_name() {
        assert_eq!(
            runs("goalkeeper P R Sreejesh spoke, as did J. K. Rowling"),
            ["P R Sreejesh", "J. K. Rowling"]
        );
    }

    #[test]
    fn hyphens_and_apostrophes_stay_inside_words() {
        assert_eq!(
            runs("at Stade de France in Saint-Denis with O’Brien's team."),
            ["Stade de France", "Saint-Denis", "O’Brien's"]
        );
    }

    #[test]
    fn punctuation_and_line_breaks_end_a_run() {
        assert_eq!(
            runs("Paris, France\nLos Angeles"),
            ["Paris", "France", "Los Angeles"]
        );
    }

    #[test]
    fn sentence_starting_stop_words_are_dropped() {
        let text = "The Eiffel Tower shone. In Paris the crowd cheered. “The show is over.” \
                    Then Biles waved. Organisers said The Phoenix played.";
        assert_eq!(
            runs(text),
            [
                "Eiffel Tower",
                "Paris",
                "Biles",
                "Organisers",
                "The Phoenix"
            ]
        );
        let starts: Vec<bool> = name_runs(text).iter().map(|r| r.sentence_start).collect();
        assert_eq!(starts, [true, true, true, true, false]);
    }
}
