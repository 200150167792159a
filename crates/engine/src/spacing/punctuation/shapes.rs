//! The shapes the punctuation scan reads around a mark: a word glued after it, a bracket
//! that makes its token code, a role, a dotted name's parts.

use super::CODE_CHARS;
use crate::pystr::{
    is_digit, is_letter, is_lower_letter, is_upper_letter, is_word, one_of, one_of_marks,
};
use crate::spacing::{run_end, run_start};

/// What may close a quotation or bracket before a comma or semicolon, or a space run.
pub(super) const CLOSE: &str = "\"'\u{201d}\u{2019}\u{bb})]";
/// What may follow a closing bracket in prose.
pub(super) const CLOSING_PUNCTUATION: &str = ",;.:!?\"'\u{201d}\u{2019}\u{bb}]";
/// What may stand before a dotted name.
pub(super) const DOTTED_OPENERS: &str = "(\"'`[\u{ab}\u{201c}\u{2018}";
/// Abbreviations that end a name (a person's, a firm's) or a list, which a sentence may
/// go on after in lower case: `Martin Luther King Jr. announced`, `Acme Inc. agrees`.
pub(super) const ENDING_ABBREVIATIONS: [&str; 9] =
    ["Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "Bros", "Esq", "etc"];

/// Whether an `ENDING_ABBREVIATIONS` word, standing alone, ends just before `at`.
pub(super) fn abbreviation_before(chars: &[char], at: usize) -> bool {
    let start = run_start(chars, at, is_letter);
    let word = &chars[start..at];
    let alone = start == 0 || !(is_word(chars[start - 1]) || chars[start - 1] == '.');
    alone
        && ENDING_ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.chars().eq(word.iter().copied()))
}

/// The mark a space is missing after, and the word it is missing before.
pub(super) struct Missing {
    pub(super) mark: char,
    pub(super) word_end: usize,
}

pub(super) fn letters_end(chars: &[char], from: usize, keep: fn(char) -> bool) -> usize {
    run_end(chars, from, keep)
}

/// Where `MISSING_AFTER` matches the mark at `at`: its first alternative that does.
pub(super) fn missing_after(chars: &[char], at: usize) -> Option<Missing> {
    let mark = chars[at];
    let back = |k: usize| at.checked_sub(k).map(|i| chars[i]);
    let is = |k: usize, test: fn(char) -> bool| back(k).is_some_and(test);
    let word = |test: fn(char) -> bool, least: usize| {
        let end = letters_end(chars, at + 1, test);
        (end - (at + 1) >= least).then_some(Missing {
            mark,
            word_end: end,
        })
    };
    // sentence end: two letters, the last lower-case, then a capitalised word
    if one_of(mark, ".!?")
        && is(2, is_letter)
        && is(1, is_lower_letter)
        && chars.get(at + 1).is_some_and(|&c| is_upper_letter(c))
    {
        let end = letters_end(chars, at + 2, is_lower_letter);
        if end > at + 2 {
            return Some(Missing {
                mark,
                word_end: end,
            });
        }
    }
    // an abbreviation that ends a name, then a lower-case word (`Jr.announces`,
    // `Inc.agrees`): `missing_space` asks that the word be a common one
    if mark == '.' && abbreviation_before(chars, at) {
        if let Some(found) = word(is_lower_letter, 2) {
            return Some(found);
        }
    }
    // comma or semicolon between letters, or after a closing quote or bracket (not after
    // an entity's name: &amp;)
    if mark == ',' || mark == ';' {
        let before = is(1, |c| is_letter(c) || one_of(c, CLOSE))
            || (is(2, is_letter) && back(1) == Some('.'));
        let word_start = run_start(chars, at, is_word);
        let entity = word_start < at && word_start > 0 && chars[word_start - 1] == '&';
        // one lower-case letter alone before the mark (`l;he`): an extractor's ; or , for
        // a letter, or variables (`x,y`), not a sentence's word (`plan B,which` is)
        let lone =
            at >= 1 && run_start(chars, at, is_letter) == at - 1 && is_lower_letter(chars[at - 1]);
        if before && !entity && !lone {
            if let Some(found) = word(is_letter, 1) {
                return Some(found);
            }
        }
    }
    // comma after a number or a percentage, before a lower-case word
    let percentage = back(1) == Some('%') && is(2, is_digit);
    if mark == ',' && (is(1, is_digit) || percentage) {
        if let Some(found) = word(is_lower_letter, 2) {
            return Some(found);
        }
    }
    if mark == ':' {
        // after a word of three letters or more, unless both sides are capitalised
        // (Portal:Current, Category:Sport are names)
        let start = run_start(chars, at, is_lower_letter);
        if at - start >= 3 && (start == 0 || !is_word(chars[start - 1])) {
            if let Some(found) = word(is_letter, 1) {
                return Some(found);
            }
        }
        if is(3, is_letter) && is(2, is_lower_letter) && is(1, is_lower_letter) {
            return word(is_lower_letter, 1);
        }
    }
    None
}

/// Whether the bracket at `at` makes its token code's (or an extractor's letter): one
/// inside the token (`print(x`, `f(x).y`, `exl)erimenl`), not at its edge.  Prose brackets
/// open a token and close one before punctuation: `(RSF),reportedly`, `billion),surpassing`
/// are a parenthesis and a lost space.
pub(super) fn code_bracket(chars: &[char], at: usize) -> bool {
    match chars[at] {
        '(' => {
            let start = run_start(chars, at, |c| one_of(c, DOTTED_OPENERS));
            start > 0 && !chars[start - 1].is_whitespace()
        }
        ')' => chars
            .get(at + 1)
            .is_some_and(|&c| !c.is_whitespace() && !one_of(c, CLOSING_PUNCTUATION)),
        _ => true,
    }
}

/// Spans of the whitespace-delimited tokens that hold a code character, found from the
/// code characters out to the white space either side; a token is measured once.
pub(super) fn code_tokens(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (at, &ch) in chars.iter().enumerate() {
        if !one_of_marks(ch, CODE_CHARS) || spans.last().is_some_and(|&(_, end)| at < end) {
            continue;
        }
        if !code_bracket(chars, at) {
            continue;
        }
        let solid = |c: char| !c.is_whitespace();
        spans.push((run_start(chars, at, solid), run_end(chars, at, solid)));
    }
    spans
}

/// `(?<![\p{L}\d]):\p{Ll}+` just before `at`: a reStructuredText role (:code:`x`).
pub(super) fn role_before(chars: &[char], at: usize) -> bool {
    let start = run_start(chars, at, is_lower_letter);
    start < at
        && start > 0
        && chars[start - 1] == ':'
        && (start < 2 || !(is_letter(chars[start - 2]) || is_digit(chars[start - 2])))
}

/// A character of a dotted name's identifier before its full stop (`dotted_left`).
pub(super) fn identifier(c: char) -> bool {
    is_lower_letter(c) || is_digit(c) || c == '_'
}

/// A dotted name's part before a full stop: lower-case identifiers, each but the last
/// possibly starting with a digit or underscore (`foo.bar`, `re`).
pub(super) fn dotted_left(text: &[char]) -> bool {
    let parts: Vec<&[char]> = text.split(|&c| c == '.').collect();
    let (last, rest) = parts.split_last().expect("split gives one part at least");
    rest.iter()
        .all(|part| !part.is_empty() && part.iter().all(|&c| identifier(c)))
        && last.first().is_some_and(|&c| is_lower_letter(c))
        && last.iter().all(|&c| identifier(c))
}

/// The length of the dotted name at the start of `text`: a capitalised identifier, then
/// `.identifier` parts that do not start with a capital (`Script.search`; a sentence that
/// starts after the dot is none: `Evidentlyations.Evidently`, whose dot the scan spaces, so
/// that the chain before it is no name either once it is spaced: a fuzz find); 0 if it does
/// not start with one.
pub(super) fn dotted_right(text: &[char]) -> usize {
    let inner = |c: char| is_letter(c) || is_digit(c) || c == '_';
    if !text.first().is_some_and(|&c| is_upper_letter(c)) {
        return 0;
    }
    let mut end = run_end(text, 1, inner);
    while text.get(end) == Some(&'.')
        && text
            .get(end + 1)
            .is_some_and(|&c| (is_letter(c) && !is_upper_letter(c)) || c == '_')
    {
        end = run_end(text, end + 2, inner);
    }
    end
}
