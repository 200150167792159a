//! A text's runs of letters as the broken-words scan reads them, and what may stand at a
//! word's edges.

use super::GapKind;
use crate::pystr::{is_lower_letter, is_upper_letter, letter_runs, lower, one_of};

/// A maximal run of letters, its ends in code points, lower-cased, and its case: read
/// once, as the scan asks of each run several times.
pub(super) struct Run<'t> {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Its letters lower-cased (`Lowered`).
    pub(super) low: &'t str,
    /// Every letter lower-case.
    pub(super) lower: bool,
    /// Every letter after the first lower-case.
    pub(super) tail_lower: bool,
    /// Every letter upper-case (`is_upper_word`).
    pub(super) upper: bool,
    /// A lone letter that may be a piece of letter-spaced text (`Scan::lone`).
    pub(super) lone: bool,
}

impl<'t> Run<'t> {
    pub(super) fn of(chars: &[char], start: usize, end: usize, low: &'t str) -> Run<'t> {
        let word = &chars[start..end];
        let tail_lower = word.iter().skip(1).all(|&c| is_lower_letter(c));
        Run {
            start,
            end,
            low,
            lower: tail_lower && word.first().is_none_or(|&c| is_lower_letter(c)),
            tail_lower,
            upper: is_upper_word(word),
            // not a word of one letter (`a`, `I`), nor a clitic (`Attorney's`)
            lone: word.len() == 1
                && !matches!(word[0], 'a' | 'A' | 'I')
                && !(start > 0 && matches!(chars[start - 1], '\'' | '\u{2019}')),
        }
    }
}

/// A text's runs of letters and each one lower-cased (as `pystr::lower` lower-cases it
/// alone), laid end to end in one string: a scan's runs borrow their words from it, where
/// each held a string of its own (a fifth of the scan's allocations).
pub(super) struct Lowered {
    text: String,
    /// Each run's ends in the text (code points), and in `text` (bytes).
    spans: Vec<(usize, usize, usize, usize)>,
}

impl Lowered {
    pub(super) fn of(chars: &[char]) -> Lowered {
        // bytes, then one check that they are UTF-8: a `String` takes a `char` at a time,
        // encoding each (a sixteenth of the words stage's instructions on news)
        let mut bytes = Vec::with_capacity(chars.len());
        let spans = letter_runs(chars)
            .into_iter()
            .map(|(start, end)| {
                let word = &chars[start..end];
                let from = bytes.len();
                if word.iter().all(char::is_ascii) {
                    // an ASCII character is its byte
                    bytes.extend(word.iter().map(|&c| (c as u8).to_ascii_lowercase()));
                } else {
                    bytes.extend_from_slice(lower(word).as_bytes());
                }
                (start, end, from, bytes.len())
            })
            .collect();
        // never lossy: each piece pushed is whole UTF-8 (ASCII letters, or a `str` lowered)
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
        Lowered { text, spans }
    }

    /// The runs of `chars` (the characters `of` read).
    pub(super) fn runs<'t>(&'t self, chars: &[char]) -> Vec<Run<'t>> {
        self.spans
            .iter()
            .map(|&(start, end, from, to)| Run::of(chars, start, end, &self.text[from..to]))
            .collect()
    }
}

/// What may stand before a word: the start, white space or an opening mark.  Not an
/// apostrophe: `we've` is no `ve` that lost its `fi`.
pub(super) fn opens(ch: Option<&char>) -> bool {
    ch.is_none_or(|&c| c.is_whitespace() || one_of(c, "([{\"\u{201c}\u{ab}-\u{2013}\u{2014}"))
}

/// What may stand before a word (`opens`), and before that: a hyphen only as a compound's
/// joint, after a letter or digit (`Azerbaijani-agged`); after anything else it marks a
/// suffix (`subsidiary(-ies)`) or a spelled-out address (`kju -at- fqdn.org`).
pub(super) fn opens_word(ch: Option<&char>, before: Option<&char>) -> bool {
    opens(ch) && (ch != Some(&'-') || before.is_some_and(|c| c.is_alphanumeric()))
}

/// What may stand after a word: the end, white space or a closing mark.  Not a hyphen:
/// `re-election` and `co-author` begin with prefixes, not with words cut short.
pub(super) fn closes(ch: Option<&char>) -> bool {
    ch.is_none_or(|&c| c.is_whitespace() || one_of(c, ".,;:!?)]}\"\u{201d}\u{bb}\u{2013}\u{2014}"))
}

pub(super) fn is_upper_word(word: &[char]) -> bool {
    word.iter().all(|&c| is_upper_letter(c))
}

/// The letters of a word may lose a ligature at its start or end: a lower-case word, or
/// at its end a capitalised one (`Sta` for `Staff`).  Not an upper-case word: `AWS`,
/// `CLI` and `X` are acronyms far more often than `FLAWS`, `CLIFF` and `FIX` cut short.
pub(super) fn may_lose(word: &[char], kind: GapKind) -> bool {
    let rest_lower = word.iter().skip(1).all(|&c| is_lower_letter(c));
    let first_lower = word.first().is_some_and(|&c| is_lower_letter(c));
    rest_lower && (first_lower || (kind == GapKind::WordEnd && word.len() > 1))
}
