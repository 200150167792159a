//! Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none
//! before the mark, and a compound's hyphen closed up where a stray space cut it.
//!
//! The rules fire only where the evidence is plain: letters on both sides of the mark, a
//! lower-case letter before a full stop and a capitalised word after it.  Initials and
//! abbreviations (U.S., e.g.), numbers (3.14, 1,000, 4:00pm), URLs, e-mail addresses,
//! dotted names (McAfee.com, Node.js, `typing.TypedDict`) and ellipses do not have that
//! shape, or are protected spans.

use rustc_hash::FxHashSet;
use std::cell::OnceCell;

use super::{char_or_space, run_end, run_start, Proposal};
use crate::lexicon::Lexicon;
use crate::patterns::{code_share, protected_spans};
use crate::pystr::{
    is_digit, is_letter, is_lower, is_lower_letter, is_upper_letter, is_word, lower, one_of, string,
};
use crate::thresholds::{CODE_DOCUMENT, COMMON, KNOWN_WORD_ZIPF, SUSPENDED_ZIPF};

pub const SPACE_AFTER: &str = "P001";
pub const SPACE_BEFORE: &str = "P002";
pub const BROKEN_HYPHEN: &str = "P003";

/// What may close a quotation or bracket before a comma or semicolon, or a space run.
const CLOSE: &str = "\"'\u{201d}\u{2019}\u{bb})]";
/// What may follow a closing bracket in prose.
const CLOSING_PUNCTUATION: &str = ",;.:!?\"'\u{201d}\u{2019}\u{bb}]";
/// What may stand before a dotted name.
const DOTTED_OPENERS: &str = "(\"'`[\u{ab}\u{201c}\u{2018}";
/// Abbreviations that end a name (a person's, a firm's) or a list, which a sentence may
/// go on after in lower case: `Martin Luther King Jr. announced`, `Acme Inc. agrees`.
const ENDING_ABBREVIATIONS: [&str; 9] =
    ["Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "Bros", "Esq", "etc"];

/// Whether an `ENDING_ABBREVIATIONS` word, standing alone, ends just before `at`.
fn abbreviation_before(chars: &[char], at: usize) -> bool {
    let start = run_start(chars, at, is_letter);
    let word = &chars[start..at];
    let alone = start == 0 || !(is_word(chars[start - 1]) || chars[start - 1] == '.');
    alone
        && ENDING_ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.chars().eq(word.iter().copied()))
}

/// A code character: a token holding one is not prose.  A bracket is one only inside its
/// token, not at its edge (`code_bracket`).
const CODE_CHARS: &str = "()_/\\=<>{}";
/// A word after `- ` that makes the hyphen a suspended one (zero- and low-income).
const SUSPENDING: [&str; 9] = [
    "and", "or", "nor", "to", "than", "but", "as", "versus", "vs",
];

/// The lexicon and word lists the scan reads.
pub struct Punctuation<'a> {
    pub lexicon: &'a Lexicon,
    /// Generic top-level domains (com, org): `McAfee.com` is a name.
    pub tlds: &'a FxHashSet<String>,
    /// Articles, prepositions, pronouns: words that start sentences.
    pub function_words: &'a FxHashSet<String>,
}

/// Whether `at` lies strictly inside one of `spans` (sorted, non-overlapping).
fn inside(spans: &[(usize, usize)], at: usize) -> bool {
    let i = spans.partition_point(|&(start, _)| start <= at);
    i > 0 && spans[i - 1].0 < at && at < spans[i - 1].1
}

/// The text's code share, worked out the first time it is asked.
struct Share<'t> {
    text: &'t str,
    share: OnceCell<f64>,
}

impl Share<'_> {
    fn code(&self) -> bool {
        *self.share.get_or_init(|| code_share(self.text)) >= CODE_DOCUMENT
    }
}

/// The mark a space is missing after, and the word it is missing before.
struct Missing {
    mark: char,
    word_end: usize,
}

fn letters_end(chars: &[char], from: usize, keep: fn(char) -> bool) -> usize {
    run_end(chars, from, keep)
}

/// Where `MISSING_AFTER` matches the mark at `at`: its first alternative that does.
fn missing_after(chars: &[char], at: usize) -> Option<Missing> {
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
fn code_bracket(chars: &[char], at: usize) -> bool {
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
fn code_tokens(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (at, &ch) in chars.iter().enumerate() {
        if !one_of(ch, CODE_CHARS) || spans.last().is_some_and(|&(_, end)| at < end) {
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
fn role_before(chars: &[char], at: usize) -> bool {
    let start = run_start(chars, at, is_lower_letter);
    start < at
        && start > 0
        && chars[start - 1] == ':'
        && (start < 2 || !(is_letter(chars[start - 2]) || is_digit(chars[start - 2])))
}

/// A dotted name's part before a full stop: lower-case identifiers, each but the last
/// possibly starting with a digit or underscore (`foo.bar`, `re`).
fn dotted_left(text: &[char]) -> bool {
    let identifier = |c: char| is_lower_letter(c) || is_digit(c) || c == '_';
    let parts: Vec<&[char]> = text.split(|&c| c == '.').collect();
    let (last, rest) = parts.split_last().expect("split gives one part at least");
    rest.iter()
        .all(|part| !part.is_empty() && part.iter().all(|&c| identifier(c)))
        && last.first().is_some_and(|&c| is_lower_letter(c))
        && last.iter().all(|&c| identifier(c))
}

/// The length of the dotted name at the start of `text`: a capitalised identifier, then
/// `.identifier` parts (`Script.search`); 0 if it does not start with one.
fn dotted_right(text: &[char]) -> usize {
    let inner = |c: char| is_letter(c) || is_digit(c) || c == '_';
    if !text.first().is_some_and(|&c| is_upper_letter(c)) {
        return 0;
    }
    let mut end = run_end(text, 1, inner);
    while text.get(end) == Some(&'.')
        && text.get(end + 1).is_some_and(|&c| is_letter(c) || c == '_')
    {
        end = run_end(text, end + 2, inner);
    }
    end
}

impl Punctuation<'_> {
    /// Whether the full stop at `dot` joins the parts of a dotted name
    /// (`jedi.Script.search`, `typing.TypedDict`, `enum.Enum`) rather than two sentences.
    ///
    /// A chain of three parts or more, a class-like name with an inner capital after a word
    /// that is not common, a class named as its module, or a part the lexicon lacks before
    /// a word that does not start sentences: prose ends sentences with words, code does
    /// not.
    fn dotted_name(&self, chars: &[char], dot: usize) -> bool {
        let solid = |c: char| !c.is_whitespace();
        let before = &chars[run_start(chars, dot, solid)..dot];
        let after = &chars[dot + 1..run_end(chars, dot + 1, solid)];
        let opened = before
            .iter()
            .take_while(|&&c| one_of(c, DOTTED_OPENERS))
            .count();
        let left = &before[opened..];
        let right = &after[..dotted_right(after)];
        if !dotted_left(left) || right.is_empty() {
            return false;
        }
        if left.contains(&'.') || right.contains(&'.') {
            return true; // foo.bar.Bar, jedi.Script.search
        }
        let head = string(left);
        let zipf = self.lexicon.zipf(&head);
        let inner_capital = right
            .windows(2)
            .any(|pair| is_lower_letter(pair[0]) && is_upper_letter(pair[1]));
        // a word this common ends sentences: `users.TikTok` is a glue
        if inner_capital && zipf < COMMON {
            return true; // typing.TypedDict, wrapt.ObjectProxy
        }
        let name = lower(right);
        if name == head {
            return true; // enum.Enum
        }
        zipf == 0.0 && !self.function_words.contains(&name)
    }

    fn missing_space(
        &self,
        chars: &[char],
        spans: &[(usize, usize)],
        share: &Share,
    ) -> Vec<Proposal> {
        let code = code_tokens(chars);
        let mut found = Vec::new();
        for at in 0..chars.len() {
            if !one_of(chars[at], ".!?,;:") {
                continue;
            }
            let Some(Missing { mark, word_end }) = missing_after(chars, at) else {
                continue;
            };
            let end = at + 1;
            if inside(spans, end) || inside(&code, end) {
                continue;
            }
            let word = &chars[end..word_end];
            if mark == '.' && (self.tlds.contains(&lower(word)) || self.dotted_name(chars, at)) {
                continue;
            }
            if mark == '.' && is_lower(word) && self.lexicon.zipf(&string(word)) < KNOWN_WORD_ZIPF {
                continue; // after an abbreviation, only a plain word: not `Co.uk`, `etc.rc`
            }
            if mark == ':' && role_before(chars, at) {
                continue; // :code:`x`, :class:Name: a reStructuredText role
            }
            let lower_both = is_lower(&word[..1]) && is_lower(&chars[at - 1..at]);
            if mark == ':' && lower_both && share.code() {
                continue; // host:port, key:value: in a document that reads as code, a name
            }
            let confidence = if one_of(mark, ".!?:") { 0.9 } else { 0.95 };
            found.push(
                Proposal::new(end, end, " ", SPACE_AFTER, confidence)
                    .with([mark.to_string(), string(word)]),
            );
        }
        found
    }

    /// Whether a word after `- ` makes the hyphen a suspended one: a conjunction, or a
    /// conjunction glued to the next word (drone- andmissile-related, a glue the joins
    /// stage repairs).
    fn suspending(&self, word: &str) -> bool {
        SUSPENDING.contains(&word)
            || (self.lexicon.zipf(word) < SUSPENDED_ZIPF
                && SUSPENDING.iter().any(|c| {
                    word.strip_prefix(c)
                        .is_some_and(|rest| self.lexicon.zipf(rest) >= SUSPENDED_ZIPF)
                }))
    }

    fn broken_hyphens(&self, chars: &[char], spans: &[(usize, usize)]) -> Vec<Proposal> {
        let mut found = Vec::new();
        let mut at = 1;
        while at + 2 < chars.len() {
            if chars[at] != '-'
                || chars[at + 1] != ' '
                || !is_letter(chars[at - 1])
                || !is_letter(chars[at + 2])
            {
                at += 1;
                continue;
            }
            let word = &chars[at + 2..run_end(chars, at + 2, is_letter)];
            if !(self.suspending(&lower(word)) || inside(spans, at)) {
                found.push(
                    Proposal::new(at + 1, at + 2, "", BROKEN_HYPHEN, 0.9).with([string(word)]),
                );
            }
            at += 2;
        }
        found
    }

    /// Spacing edits around punctuation, outside protected spans: spaces missing after a
    /// mark, spaces before one, broken hyphens, in that order.  A `detail` holds the mark
    /// and the word (P001), the mark (P002), or the word (P003).
    pub fn find(&self, text: &str) -> Vec<Proposal> {
        let chars: Vec<char> = text.chars().collect();
        let spans = protected_spans(text);
        let share = Share {
            text,
            share: OnceCell::new(),
        };
        let mut found = self.missing_space(&chars, &spans, &share);
        let before = space_before(&chars, &spans);
        if !before.is_empty() && !share.code() {
            found.extend(before);
        }
        found.extend(self.broken_hyphens(&chars, &spans));
        found
    }
}

/// Whether the text before `at` on its line is one word: a label (`Noise : I opened`,
/// `Note : ...`), whose spaced colon is the author's typography (the French style), not an
/// extractor's stray space, which falls inside a sentence (`Another example : it`).
fn label_before(chars: &[char], at: usize) -> bool {
    let start = chars[..at]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    let line = &chars[start..at];
    !line.is_empty() && line.iter().all(|&c| is_letter(c))
}

/// Spaces before , . ; : ! ? (then a space, the end or a closing quote), after a word, a
/// number or a closing mark; not before an ellipsis, nor between a label and its colon.
fn space_before(chars: &[char], spans: &[(usize, usize)]) -> Vec<Proposal> {
    let blank = |c: char| c != '\n' && c.is_whitespace();
    let mut found = Vec::new();
    let mut at = 1;
    while at < chars.len() {
        let previous = chars[at - 1];
        if !blank(chars[at])
            || !(is_letter(previous) || previous.is_numeric() || one_of(previous, CLOSE))
        {
            at += 1;
            continue;
        }
        let end = run_end(chars, at, blank);
        let mark = char_or_space(chars, Some(end));
        let then = chars.get(end + 1).copied();
        let closes =
            then.is_none_or(|c| c.is_whitespace() || one_of(c, "\"'\u{201d}\u{2019}\u{bb}"));
        let ellipsis = chars.get(end..end + 2) == Some(&['.', '.']);
        let kept = ellipsis || (mark == ':' && label_before(chars, at));
        if end < chars.len() && one_of(mark, ",.;:!?") && closes && !kept && !inside(spans, at) {
            found.push(Proposal::new(at, end, "", SPACE_BEFORE, 0.95).with([mark.to_string()]));
        }
        at = end;
    }
    found
}

#[cfg(test)]
mod tests;
