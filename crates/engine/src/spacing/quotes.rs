//! Quotation marks: each mark's direction (open or close, or in doubt), the style it takes,
//! and the spaces around a double quote (one outside where a word touches it, none just
//! inside).

use super::{char_or_space, run_end, run_start, Proposal};
use crate::pystr::{chars_of, is_alnum, is_letter, is_space, one_of};
use crate::thresholds::QUOTE_GAP_REACH;

pub const DOUBLE_STYLE: &str = "Q001";
pub const SINGLE_STYLE: &str = "Q002";
pub const SPACE_OUTSIDE: &str = "Q003";
pub const SPACE_INSIDE: &str = "Q004";

const OPENING_DOUBLE: &str = "\u{ab}\u{201e}\u{201c}\u{201f}"; // « „ “ ‟
const CLOSING_DOUBLE: &str = "\u{bb}\u{201d}"; // » ”
const OPENING_SINGLE: &str = "\u{2039}\u{201a}\u{2018}\u{201b}"; // ‹ ‚ ‘ ‛
const CLOSING_SINGLE: &str = "\u{203a}\u{2019}"; // › ’
/// What may stand before an opening quote, and after a closing one, besides a space.
/// Quote glyphs are not listed: styling changes them, and a second run must see the same
/// context.
const OPENERS: &str = "([{\u{2013}\u{2014}-/";
const CLOSERS: &str = ".,;:!?)]}\u{2013}\u{2014}-/";

/// How the marks are written: `ascii` (" and '), `curly` (“ ” ‘ ’) or `keep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Ascii,
    Curly,
    Keep,
}

impl Style {
    pub fn named(name: &str) -> Option<Style> {
        match name {
            "ascii" => Some(Style::Ascii),
            "curly" => Some(Style::Curly),
            "keep" => Some(Style::Keep),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Style::Ascii => "ascii",
            Style::Curly => "curly",
            Style::Keep => "keep",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
}

struct Quote {
    at: usize,
    glyph: char,
    double: bool,
    direction: Option<Direction>,
}

/// The typographic quotes, all at `FIRST_GLYPH` or after (a test checks it).
const GLYPHS: [&str; 4] = [
    OPENING_DOUBLE,
    CLOSING_DOUBLE,
    OPENING_SINGLE,
    CLOSING_SINGLE,
];
const FIRST_GLYPH: char = '\u{ab}';

/// Whether `ch` is a quotation mark; asked of every character, so most of them (ASCII
/// letters and spaces) are answered by one comparison.
fn is_quote(ch: char) -> bool {
    ch == '"' || ch == '\'' || (ch >= FIRST_GLYPH && GLYPHS.iter().any(|glyphs| one_of(ch, glyphs)))
}

fn is_double(ch: char) -> bool {
    ch == '"' || one_of(ch, OPENING_DOUBLE) || one_of(ch, CLOSING_DOUBLE)
}

/// Open if only the right side touches text, close if only the left does.
fn context_direction(chars: &[char], at: usize) -> Option<Direction> {
    let before = char_or_space(chars, at.checked_sub(1));
    let after = char_or_space(chars, Some(at + 1));
    let free_left = is_space(before) || one_of(before, OPENERS);
    let free_right = is_space(after) || one_of(after, CLOSERS);
    match (free_left, free_right) {
        (true, false) => Some(Direction::Open),
        (false, true) => Some(Direction::Close),
        _ => None,
    }
}

fn glyph_direction(ch: char) -> Option<Direction> {
    if one_of(ch, OPENING_DOUBLE) || one_of(ch, OPENING_SINGLE) {
        Some(Direction::Open)
    } else if one_of(ch, CLOSING_DOUBLE) || one_of(ch, CLOSING_SINGLE) {
        Some(Direction::Close)
    } else {
        None
    }
}

/// The paragraphs' spans: the text between blank lines (`\n`, spaces, `\n`).
fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < chars.len() {
        if chars[at] == '\n' {
            let gap = run_end(chars, at + 1, |c| c != '\n' && c.is_whitespace());
            if chars.get(gap) == Some(&'\n') {
                spans.push((start, at));
                start = gap + 1;
                at = gap + 1;
                continue;
            }
        }
        at += 1;
    }
    spans.push((start, chars.len()));
    spans
}

/// The quotes of one paragraph with their directions, None where in doubt.
///
/// A paragraph with an even number of double quotes pairs them (the n-th opens if n is
/// even) whatever their glyphs, so German »…« pairs too; where context disagrees with
/// pairing the direction is in doubt.  An odd number (a quote running on to the next
/// paragraph, an inch mark) leaves context, then the glyph (« opens, » closes).  Nothing
/// here depends on what styling changes, so a second run over styled text finds the same
/// directions.  A mark after a backslash is a string's own, escaped (`"My \"name\""`): no
/// quotation mark.
fn paragraph_quotes(chars: &[char], start: usize, end: usize) -> Vec<Quote> {
    let escaped = |at: usize| at > 0 && chars[at - 1] == '\\';
    let found: Vec<usize> = (start..end)
        .filter(|&at| is_quote(chars[at]) && !escaped(at))
        .collect();
    let doubles = found.iter().filter(|&&at| is_double(chars[at])).count();
    let paired = doubles % 2 == 0;
    let mut nth_double = 0;
    let mut quotes = Vec::with_capacity(found.len());
    for at in found {
        let glyph = chars[at];
        let double = is_double(glyph);
        let context = context_direction(chars, at);
        let direction = if double && paired {
            let parity = if nth_double % 2 == 0 {
                Direction::Open
            } else {
                Direction::Close
            };
            nth_double += 1;
            match context {
                None => Some(parity),
                Some(seen) if seen == parity => Some(parity),
                Some(_) => None,
            }
        } else {
            context.or_else(|| glyph_direction(glyph))
        };
        quotes.push(Quote {
            at,
            glyph,
            double,
            direction,
        });
    }
    quotes
}

fn styled(quote: &Quote, chars: &[char], style: Style) -> char {
    match style {
        Style::Keep => quote.glyph,
        Style::Ascii if quote.double => '"',
        Style::Ascii => '\'',
        Style::Curly if quote.double => match quote.direction.or(glyph_direction(quote.glyph)) {
            Some(Direction::Open) => '\u{201c}',
            Some(Direction::Close) => '\u{201d}',
            None => quote.glyph,
        },
        Style::Curly => {
            let before = char_or_space(chars, quote.at.checked_sub(1));
            if is_alnum(before) || quote.direction == Some(Direction::Close) {
                '\u{2019}'
            } else if quote.direction == Some(Direction::Open) {
                '\u{2018}'
            } else {
                quote.glyph
            }
        }
    }
}

/// Whether the letters just before the quote at `at` are a string's prefix in code, not a
/// word glued to a quotation: `f"{n} done"`, `print(rb"..."` (Python's `f`, `r`, `b`, `u`
/// and their pairs), after no letter, digit or underscore.
fn string_prefix(chars: &[char], at: usize) -> bool {
    let letters = chars[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric() || **c == '_')
        .count();
    let prefix: String = chars[at - letters..at]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(
        prefix.as_str(),
        "f" | "r" | "b" | "u" | "rb" | "br" | "fr" | "rf"
    )
}

/// `[^\S\n]`: white space other than a line feed.
fn blank(ch: char) -> bool {
    ch != '\n' && ch.is_whitespace()
}

/// Space outside, and none inside where `inside`; only for double quotes whose direction is
/// known.
fn spacing(chars: &[char], quote: &Quote, inside: bool, found: &mut Vec<Proposal>) {
    let Some(direction) = quote.direction.filter(|_| quote.double) else {
        return;
    };
    let at = quote.at;
    let hugs_word = chars.get(at + 1).is_some_and(|&c| is_alnum(c));
    // Never close a gap onto another quote: that would change how it reads.
    let solid = |ch: char| !ch.is_whitespace() && !is_quote(ch);
    match direction {
        Direction::Close => {
            if hugs_word {
                found.push(
                    Proposal::new(at + 1, at + 1, " ", SPACE_OUTSIDE, 0.9)
                        .with(["space added after a closing quote".to_owned()]),
                );
            }
            let reach = at.saturating_sub(QUOTE_GAP_REACH);
            let gap = run_start(&chars[reach..at], at - reach, blank) + reach;
            if inside && gap < at && gap > reach && solid(chars[gap - 1]) {
                found.push(
                    Proposal::new(gap, at, "", SPACE_INSIDE, 0.9)
                        .with(["space removed before a closing quote".to_owned()]),
                );
            }
        }
        Direction::Open => {
            let before = char_or_space(chars, at.checked_sub(1));
            let glued = is_letter(before) && !string_prefix(chars, at);
            if glued || (one_of(before, ".!?") && hugs_word) {
                // said."It's
                found.push(
                    Proposal::new(at, at, " ", SPACE_OUTSIDE, 0.9)
                        .with(["space added before an opening quote".to_owned()]),
                );
            }
            let reach = (at + 1 + QUOTE_GAP_REACH).min(chars.len());
            let from = (at + 1).min(reach);
            let gap = run_end(&chars[..reach], from, blank);
            if inside && gap > from && gap < reach && solid(chars[gap]) {
                found.push(
                    Proposal::new(from, gap, "", SPACE_INSIDE, 0.9)
                        .with(["space removed after an opening quote".to_owned()]),
                );
            }
        }
    }
}

/// Style and spacing edits for every quotation mark, in the order they are found (each
/// mark's restyling, then its spacing).  Where two clash, the caller keeps the first.
pub fn find(text: &str, style: Style, spaced: bool) -> Vec<Proposal> {
    let chars: Vec<char> = chars_of(text);
    let mut found = Vec::new();
    for (start, end) in paragraphs(&chars) {
        let quotes = paragraph_quotes(&chars, start, end);
        let literals = literal_quotations(&chars, &quotes);
        for quote in quotes {
            let literal = literals.binary_search(&quote.at).is_ok();
            let restyled = styled(&quote, &chars, style);
            if restyled != quote.glyph && !literal {
                let code = if quote.double {
                    DOUBLE_STYLE
                } else {
                    SINGLE_STYLE
                };
                let message = format!(
                    "{} written as {restyled} ({} style)",
                    quote.glyph,
                    style.name()
                );
                found.push(
                    Proposal::new(quote.at, quote.at + 1, &restyled.to_string(), code, 1.0)
                        .with([message]),
                );
            }
            if spaced {
                spacing(&chars, &quote, !literal, &mut found);
            }
        }
    }
    found
}

/// Straight double quotes whose spaces inside are the quotation's own: a literal quoted in
/// technical text (`"From "`, `" (tagname)"`, `" $2 "`).  A quotation an extractor or a
/// typist spaced is spaced on both sides and holds words (`" we will act "`); one spaced on
/// one side only, or holding no letter, keeps its spaces, and its straight marks too: a
/// curly pair would read as typography on a second run.  Typographic quotes keep the rule:
/// extractors leave `“past lives ”`, and French typography spaces guillemets.  The marks'
/// places, in order (a line may hold thousands: the caller looks them up by halves).
fn literal_quotations(chars: &[char], quotes: &[Quote]) -> Vec<usize> {
    let mut literals = Vec::new();
    let mut opened: Option<&Quote> = None;
    for quote in quotes.iter().filter(|quote| quote.double) {
        match (quote.direction, opened) {
            (Some(Direction::Open), _) => opened = Some(quote),
            (Some(Direction::Close), Some(open)) => {
                opened = None;
                if open.glyph != '"' || quote.glyph != '"' {
                    continue;
                }
                let inside = &chars[open.at + 1..quote.at];
                let opens_spaced = inside.first().is_some_and(|&c| blank(c));
                let closes_spaced = inside.last().is_some_and(|&c| blank(c));
                let words = inside.iter().any(|&c| is_letter(c));
                if (opens_spaced || closes_spaced) && !(opens_spaced && closes_spaced && words) {
                    literals.extend([open.at, quote.at]);
                }
            }
            _ => opened = None,
        }
    }
    literals
}

#[cfg(test)]
mod tests;
