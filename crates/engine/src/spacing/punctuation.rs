//! Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none
//! before the mark nor inside parentheses, and a compound's hyphen closed up where a stray
//! space cut it.
//!
//! The rules fire only where the evidence is plain: letters on both sides of the mark, a
//! lower-case letter before a full stop and a capitalised word after it.  Initials and
//! abbreviations (U.S., e.g.), numbers (3.14, 1,000, 4:00pm), URLs, e-mail addresses,
//! dotted names (McAfee.com, Node.js, `typing.TypedDict`) and ellipses do not have that
//! shape, or are protected spans.

use rustc_hash::FxHashSet;
use std::cell::OnceCell;

mod brackets;
mod shapes;

use super::{char_or_space, run_end, run_start, Proposal};
use crate::lexicon::Lexicon;
use crate::patterns::{protected_spans, reads_as_code};
use crate::pystr::{
    chars_of, is_letter, is_lower, is_lower_letter, is_upper_letter, lower, one_of, one_of_marks,
    string,
};
use crate::thresholds::{COMMON, KNOWN_WORD_ZIPF, SUSPENDED_ZIPF};
use shapes::{
    code_tokens, dotted_left, dotted_right, identifier, missing_after, role_before, Missing, CLOSE,
    DOTTED_OPENERS,
};

pub const SPACE_AFTER: &str = "P001";
pub const SPACE_BEFORE: &str = "P002";
pub const BROKEN_HYPHEN: &str = "P003";
pub use brackets::PADDED_BRACKET;

/// A code character: a token holding one is not prose.  A bracket is one only inside its
/// token, not at its edge (`code_bracket`).
const CODE_CHARS: &str = "()_/\\=<>{}";
/// The marks a space goes after.
const SENTENCE_MARKS: &str = ".!?,;:";
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

/// Whether the text reads as code (`patterns::reads_as_code`), worked out the first time
/// it is asked.
struct Share<'t> {
    text: &'t str,
    code: OnceCell<bool>,
}

impl Share<'_> {
    fn code(&self) -> bool {
        *self.code.get_or_init(|| reads_as_code(self.text))
    }
}

impl Punctuation<'_> {
    /// Whether the full stop at `dot` joins the parts of a dotted name
    /// (`jedi.Script.search`, `typing.TypedDict`, `enum.Enum`) rather than two sentences.
    ///
    /// A chain of three parts or more, a class-like name with an inner capital after a word
    /// that is not common, a class named as its module, or a part the lexicon lacks before
    /// a word that does not start sentences: prose ends sentences with words, code does
    /// not.
    ///
    /// The name is read no farther than it goes: its left part is the identifiers and dots
    /// just before the full stop, where only opening marks stand between them and the
    /// token's start (any other mark there makes the token no name); its right part ends at
    /// the first character no name holds.  (Both were read from the token's ends, which in a
    /// token of 440,000 characters without a space took seconds at every full stop.)
    /// Kept out of the scan's loop over every character: inlined there, it cost the loop
    /// 5% more instructions on news.
    #[inline(never)]
    fn dotted_name(&self, chars: &[char], dot: usize) -> bool {
        let start = run_start(chars, dot, |c| identifier(c) || c == '.');
        let opened = run_start(chars, start, |c| one_of(c, DOTTED_OPENERS));
        if opened > 0 && !chars[opened - 1].is_whitespace() {
            return false; // `x(a.B`: a mark before the openers, in the name's token
        }
        let after = &chars[dot + 1..];
        self.dotted_parts(&chars[start..dot], &after[..dotted_right(after)])
    }

    /// Whether `left` and `right`, the parts before and after a full stop, make a dotted
    /// name (`dotted_name`).
    fn dotted_parts(&self, left: &[char], right: &[char]) -> bool {
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
            if !one_of_marks(chars[at], SENTENCE_MARKS) {
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
            if !(self.suspending(&lower(word)) || inside(spans, at) || spelled_mark(chars, at)) {
                found.push(
                    Proposal::new(at + 1, at + 2, "", BROKEN_HYPHEN, 0.9).with([string(word)]),
                );
            }
            at += 2;
        }
        found
    }

    /// Spacing edits around punctuation, outside protected spans: spaces missing after a
    /// mark, spaces before one and inside parentheses, broken hyphens, in that order.  A
    /// `detail` holds the mark and the word (P001), the mark (P002), the word (P003), or the
    /// parenthesis (P004).
    pub fn find(&self, text: &str) -> Vec<Proposal> {
        let chars: Vec<char> = chars_of(text);
        let spans = protected_spans(text);
        let share = Share {
            text,
            code: OnceCell::new(),
        };
        let mut found = self.missing_space(&chars, &spans, &share);
        // in a text that reads as code, spaces before marks and inside brackets are its
        // author's style
        let before = space_before(&chars, &spans);
        let padded = brackets::padded_brackets(text, &chars, &spans);
        let spaced = !before.is_empty() || !padded.is_empty();
        if spaced && !share.code() {
            found.extend(before);
            found.extend(padded);
        }
        found.extend(self.broken_hyphens(&chars, &spans));
        found
    }
}

/// Whether the hyphen at `at` closes a word that a hyphen opens after a space or the line's
/// start (`kju -at- fqdn.org`, `name -dot- org`): a mark spelled out between hyphens, as an
/// address is written to keep it from spammers, not a compound's first part.
fn spelled_mark(chars: &[char], at: usize) -> bool {
    let letters = chars[..at]
        .iter()
        .rev()
        .take_while(|&&c| is_letter(c))
        .count();
    let start = at - letters;
    start >= 1 && chars[start - 1] == '-' && (start == 1 || chars[start - 2].is_whitespace())
}

/// Whether the text before `at` on its line is one word: a label (`Noise : I opened`,
/// `Note : ...`), whose spaced colon is the author's typography (the French style), not an
/// extractor's stray space, which falls inside a sentence (`Another example : it`).
///
/// Read back over the letters before `at` only (a line of 400,000 characters with a spaced
/// colon every few was read from its start at every colon: seconds).  Kept out of the
/// scan's loop over every character, as `dotted_name` is.
#[inline(never)]
fn label_before(chars: &[char], at: usize) -> bool {
    let start = run_start(chars, at, is_letter);
    start < at && (start == 0 || chars[start - 1] == '\n')
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
