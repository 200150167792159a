//! Spaces just inside parentheses: an extractor that placed words one by one leaves them
//! there (`( sub ject or ob ject )`, `sandals ( €26)`), where no typeset text has them.

use super::super::{run_end, run_start, Proposal};
use super::inside;
use crate::pystr::one_of;

pub const PADDED_BRACKET: &str = "P004";

/// What may stand before an opening parenthesis whose padding is closed up: the start,
/// white space or an opening mark.  After a letter or a digit it is code's call (`f( x )`),
/// whose padding is its author's style.
const OPENS: &str = "\"'[{\u{ab}\u{201c}\u{2018}";

/// What may stand after the closing parenthesis: the end, white space, a mark, a closing
/// quote or bracket.
const CLOSES: &str = ".,;:!?\"']}\u{bb}\u{201d}\u{2019}";

fn blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// The spaces just inside each pair of parentheses on one line that holds no other
/// parenthesis (a nested pair is a formula's or code's: `( putheader() )*`), outside
/// protected spans (sorted): after the opening one, and before the closing one after a
/// word, a number or a mark.  A pair holding only spaces is left.
pub fn padded_brackets(text: &str, chars: &[char], spans: &[(usize, usize)]) -> Vec<Proposal> {
    let mut found = Vec::new();
    // most texts: each parenthesis found by `memchr`, not every character read
    let bytes = text.as_bytes();
    let blank_at =
        |at: Option<usize>| at.is_some_and(|at| matches!(bytes.get(at), Some(b' ' | b'\t')));
    let opens = text
        .match_indices('(')
        .any(|(at, _)| blank_at(Some(at + 1)));
    let closes = text
        .match_indices(')')
        .any(|(at, _)| blank_at(at.checked_sub(1)));
    if !(opens || closes) {
        return found;
    }
    let mut open = None; // the last `(` of the line with no parenthesis after it yet
    for (at, &c) in chars.iter().enumerate() {
        match c {
            '\n' => open = None,
            '(' => open = Some(at),
            ')' => {
                if let Some(start) = open.take() {
                    found.extend(padding(chars, start, at, spans));
                }
            }
            _ => {}
        }
    }
    found
}

/// The padding inside the pair of parentheses at `start` and `end`.
fn padding(chars: &[char], start: usize, end: usize, spans: &[(usize, usize)]) -> Vec<Proposal> {
    let opens = start == 0 || {
        let before = chars[start - 1];
        before.is_whitespace() || one_of(before, OPENS)
    };
    let closes = chars
        .get(end + 1)
        .is_none_or(|&c| c.is_whitespace() || one_of(c, CLOSES));
    let (first, last) = (
        run_end(chars, start + 1, blank),
        run_start(chars, end, blank),
    );
    let empty = first >= end;
    if !opens || !closes || empty || inside(spans, start) || inside(spans, end) {
        return Vec::new();
    }
    let mut found = Vec::new();
    if first > start + 1 {
        found
            .push(Proposal::new(start + 1, first, "", PADDED_BRACKET, 0.95).with(["(".to_owned()]));
    }
    if last < end {
        found.push(Proposal::new(last, end, "", PADDED_BRACKET, 0.95).with([")".to_owned()]));
    }
    found
}
