//! Spans of text that are not prose and must not be re-spaced (URLs, e-mail addresses,
//! handles, dotted lower-case names), and how much of a text reads as code.
//!
//! The patterns are those of the `regex` package the Python stages used (its `\w` and the
//! `regex` crate's are both Unicode's word characters); the one look-behind, a handle's
//! `(?<!\w)`, is `fancy_regex`'s.  Offsets are code points.

use std::sync::LazyLock;

use fancy_regex::Regex as FancyRegex;
use regex::Regex;

use crate::pystr::is_space;
use crate::thresholds::CODE_DOCUMENT;

const URL: &str = r"\b(?:https?|ftp)://\S+|\b(?:mailto|tel):\S+|\bwww\.\S+";
const EMAIL: &str = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+";
const HANDLE: &str = r"(?<!\w)[#@]\w[\w.]*";
/// A dotted name whose parts begin in lower case: node.js, example.co.uk, ver.di,
/// report.pdf, and a setting's or a method's camel case after its dot
/// (repack.useDeltaBaseOffset, i18n.commitEncoding), a part a wildcard
/// (remote.*.receivepack, sendemail.*) (not 7.6km, nor a sentence glued to the next, whose
/// word begins in upper case: organizations.Evidently).  No look-around: `fancy_regex`
/// hands it whole to the `regex` crate (with a look-behind for the wildcard's end, a
/// megabyte of dotted tokens took 15-30% longer).
const LOWER_DOTTED: &str =
    r"\b[\p{Ll}\d_-]*\p{Ll}[\p{Ll}\d_-]*(?:\.[\p{Ll}\d_-][\p{L}\d_-]*\b|\.\*)+";
/// A command's long option (`--edit-todo`; not a dash written `--` between words).
const OPTION: &str = r"(?<![\w-])--[\p{L}][\w-]*";
/// A format's placeholder (`%(objecttype)`, `%(objectname:short)`, `%(align:30,left)`).
const FORMAT: &str = r"%\([^\s()]+\)";
/// A commit's or an object's hexadecimal id, seven digits or more whose digits and letters
/// change places twice at least (6cb09125be; not decade2020, a glue).
const HEX_ID: &str =
    r"\b(?=[0-9a-f]{7,40}\b)[0-9a-f]*?(?:\d[a-f]|[a-f]\d)[0-9a-f]*?(?:\d[a-f]|[a-f]\d)[0-9a-f]*\b";

fn fancy(pattern: &str) -> FancyRegex {
    FancyRegex::new(pattern).expect("a fixed, valid pattern")
}

fn plain(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a fixed, valid pattern")
}

static PROTECTED: LazyLock<FancyRegex> =
    LazyLock::new(|| fancy(&[URL, EMAIL, HANDLE, LOWER_DOTTED, HEX_ID, OPTION, FORMAT].join("|")));
/// Every protected span lies inside one whitespace-delimited token holding one of these.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    plain(
        r"@|://|www\.|#|mailto:|tel:|[\p{Ll}\d_-]\.[\p{Ll}\d_*-]|(?-u:\b)[0-9a-f]{7,40}(?-u:\b)|--\w|%\(",
    )
});
static ADDRESS: LazyLock<FancyRegex> = LazyLock::new(|| fancy(&[URL, EMAIL, HANDLE].join("|")));
static ADDRESS_TRIGGER: LazyLock<Regex> = LazyLock::new(|| plain(r"@|://|www\.|#|mailto:|tel:"));
/// A token that reads as code: snake_case, a call, a dotted lower-case name, markup, a path.
static CODE_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| plain(r"\w_\w|\w\(\)|\p{Ll}\.\p{Ll}|::|[`=<>{}\\]|\w/\w"));
/// What prose writes with a code token's marks: two words one slash apart (`and/or`,
/// `his/her`, `MATCHED/MISSING`), and an abbreviation of single letters (`i.e.`, `e.g.`).
static PROSE_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| plain(r"^(?:\p{L}+/\p{L}+|(?:\p{L}\.){2,})$"));

/// Code points before each byte offset asked, asked in increasing order.
struct Counter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Counter<'_> {
    fn at(&mut self, byte: usize) -> usize {
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The whitespace-delimited token (`\S+`) around a byte offset: where it starts (after
/// the last `str.isspace` character before it) and ends.
fn token_around(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, ch)| is_space(*ch))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let end = text[start..]
        .char_indices()
        .find(|(_, ch)| ch.is_whitespace())
        .map_or(text.len(), |(i, _)| start + i);
    (start, end.max(at))
}

/// Sorted spans (code points) of URLs, e-mail addresses, handles and hashtags, and dotted
/// lower-case names.
///
/// The full pattern is slow over prose, so it runs only on the tokens that hold a trigger
/// (an @, a scheme, a dot between lower-case letters...), each read on its own.
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut counter = Counter {
        text,
        byte: 0,
        chars: 0,
    };
    let mut searched_to = 0;
    for trigger in TRIGGER.find_iter(text) {
        if trigger.start() < searched_to {
            continue;
        }
        let (start, end) = token_around(text, trigger.start());
        let end = end.max(trigger.end());
        let token = &text[start..end];
        for found in PROTECTED.find_iter(token).flatten() {
            let from = counter.at(start + found.start());
            let to = counter.at(start + found.end());
            spans.push((from, to));
        }
        searched_to = end;
    }
    spans
}

/// How much of a text looks like code, 0 to 1: one token in twenty that does (snake_case,
/// a call, a dotted lower-case name, markup) counts as all of it.
///
/// URLs, e-mail addresses and handles are prose's own (a press release ends with one), so
/// the code characters inside them do not count.  (The joins stage's confidence reads this
/// share as it was fitted with; `reads_as_code` sets prose's slashes and abbreviations
/// aside too.)
pub fn code_share(text: &str) -> f64 {
    share(text, false)
}

/// Whether a text reads as code: its share at `CODE_DOCUMENT` or more, not counting what
/// prose writes with a code token's marks (`and/or`, `i.e.`: `PROSE_TOKEN`), one of which
/// made a short abstract code.  The punctuation stage then leaves spaces before marks and
/// `key:value` as they are.
pub fn reads_as_code(text: &str) -> bool {
    share(text, true) >= CODE_DOCUMENT
}

fn share(text: &str, prose_aside: bool) -> f64 {
    let blanks = text.bytes().filter(|&b| b == b' ' || b == b'\n').count();
    let tokens = blanks.max(1);
    let code_tokens = |text: &str| {
        // the token last read (start, end, prose's): every match inside it shares its answer,
        // so a long token is read once, not once per match
        let mut token = (0, 0, false);
        CODE_TOKEN
            .find_iter(text)
            .filter(|found| {
                if !prose_aside {
                    return true;
                }
                if found.start() >= token.1 || found.start() < token.0 {
                    let (start, end) = token_around(text, found.start());
                    token = (start, end, prose(&text[start..end]));
                }
                !token.2
            })
            .count()
    };
    let found = if ADDRESS_TRIGGER.is_match(text) {
        code_tokens(&without_addresses(text))
    } else {
        code_tokens(text)
    };
    let share = 20.0 * found as f64 / tokens as f64;
    if share < 1.0 {
        share
    } else {
        1.0
    }
}

/// Whether a whitespace-delimited token is prose's (`PROSE_TOKEN`), the marks around it
/// aside (`"and/or",`).
fn prose(token: &str) -> bool {
    let marks: &[char] = &[
        '"', '\'', '(', ')', '[', ']', ',', ';', ':', '!', '?', '\u{201c}', '\u{201d}',
    ];
    PROSE_TOKEN.is_match(token.trim_matches(marks))
}

/// The text with every URL, e-mail address and handle replaced by one space.  Each lies
/// inside one whitespace-delimited token holding a trigger, so only those are searched.
fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut searched_to = 0;
    for trigger in ADDRESS_TRIGGER.find_iter(text) {
        if trigger.start() < searched_to {
            continue;
        }
        let (start, end) = token_around(text, trigger.start());
        let end = end.max(trigger.end());
        // The look-behind and `\b` see the character before the token: read from there.
        let context = text[..start].chars().next_back().map_or(0, char::len_utf8);
        let from = start - context;
        let mut at = from;
        while let Ok(Some(found)) = ADDRESS.find_from_pos(&text[..end], at) {
            if found.start() >= end {
                break;
            }
            out.push_str(&text[copied..found.start()]);
            out.push(' ');
            copied = found.end();
            at = found.end(); // no pattern matches an empty string
            if found.start() == found.end() {
                break;
            }
        }
        searched_to = end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_handles_and_dotted_names_are_protected() {
        let text = "Mail ann@example.com, see https://x.org/a_b and @handle or node.js here.";
        let spans = protected_spans(text);
        let found: Vec<String> = spans
            .iter()
            .map(|&(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(
            found,
            ["ann@example.com", "https://x.org/a_b", "@handle", "node.js"]
        );
    }

    #[test]
    fn settings_in_camel_case_and_hexadecimal_ids_are_protected() {
        let text = "Set repack.useDeltaBaseOffset (merge 6cb09125be as/fix) in 2020.";
        let options = "Use --edit-todo and %(objecttype) -- or word--word.";
        let found: Vec<String> = protected_spans(options)
            .iter()
            .map(|&(a, b)| options.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(found, ["--edit-todo", "%(objecttype)"]);
        let found: Vec<String> = protected_spans(text)
            .iter()
            .map(|&(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(found, ["repack.useDeltaBaseOffset", "6cb09125be"]);
        let text = "Set remote.*.receivepack, define \"sendemail.*\" with %(objectname:short).";
        let found: Vec<String> = protected_spans(text)
            .iter()
            .map(|&(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(
            found,
            ["remote.*.receivepack", "sendemail.*", "%(objectname:short)"]
        );
        // a sentence glued to the next, and a word glued to a year, are prose
        assert!(protected_spans("the organizations.Evidently a decade2020 later").is_empty());
    }

    #[test]
    fn spans_count_code_points() {
        let text = "«é» see www.example.org";
        assert_eq!(protected_spans(text), [(8, 23)]);
    }

    #[test]
    fn code_share_tells_code_from_prose() {
        let prose = "The minister said the talks would resume in the spring. ".repeat(5);
        let code = "Call os.path.join() or set max_retries = 3 in the config_file. ".repeat(5);
        assert_eq!(code_share(&prose), 0.0);
        assert_eq!(code_share(&code), 1.0);
        let release = "Contact press_office@example.com for more. ".repeat(5);
        assert_eq!(code_share(&release), 0.0);
        // a slash between two words and an abbreviation are prose's where a text is read as
        // code or not, though the share the confidence was fitted with counts them
        let slashes = "The \"Symbolic/Subsymbolic\" debate, i.e., his/her view and/or ours.";
        assert!(!reads_as_code(slashes));
        assert_eq!(code_share(slashes), 1.0);
        assert!(reads_as_code("See src/main.rs or usr/bin/env, e.g. here"));
        assert!(reads_as_code(&code));
        assert!(!reads_as_code(&prose));
    }
}
