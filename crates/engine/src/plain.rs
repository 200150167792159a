//! The lines of a text that hold a character ftfy might act on.  The unicode stage sends
//! only those to ftfy (`pipeline.stages.unicode`), so a text of plain lines costs one scan.
//!
//! Plain: printable ASCII but `&` (an HTML entity), tab and line ends, and the typographic
//! marks of well-encoded text (no-break space, « », curly quotes, en and em dashes, the
//! ellipsis).  Mojibake needs a lead character (Â-ï in Windows-1252 or Latin-1, Cyrillic or
//! Greek letters in the other code pages ftfy knows), controls and ligatures are other
//! characters, and all of these are already NFC.  The Python tests check the set against
//! ftfy itself, on ftfy's own test cases and on every combination of these marks.

use crate::pystr::one_of;

/// The typographic marks of well-encoded text that ftfy leaves as they are.
pub const SAFE_MARKS: &str =
    "\u{a0}\u{ab}\u{bb}\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}";

/// `str.splitlines`' line boundaries but the control characters ftfy removes (`\x0b`,
/// `\x1c`-`\x1e`): a control character ftfy removes joins what stood either side of it,
/// and ftfy must see the two together (`Ì\x1d³` is `Ì³` once it is gone, mojibake ftfy
/// then decodes).
pub const BREAKS: &str = "\n\r\x0c\u{85}\u{2028}\u{2029}";

/// Whether no fix of ftfy's can act on `ch`.
#[inline]
pub fn is_plain(ch: char) -> bool {
    matches!(ch, '\x20'..='\x25' | '\x27'..='\x7e' | '\t' | '\n' | '\r') || one_of(ch, SAFE_MARKS)
}

/// The lines (cut at `BREAKS`, `\r\n` one break, each with its break) that hold a character
/// that is not plain, as code-point ranges, in order.
pub fn unplain_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let (mut start, mut at, mut unplain) = (0, 0, false);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        at += 1;
        if (' '..='~').contains(&ch) {
            unplain |= ch == '&'; // of printable ASCII, no break, and plain but `&`
            continue;
        }
        unplain |= !is_plain(ch);
        if one_of(ch, BREAKS) {
            if ch == '\r' && chars.next_if_eq(&'\n').is_some() {
                at += 1;
            }
            if unplain {
                lines.push((start, at));
            }
            (start, unplain) = (at, false);
        }
    }
    if unplain {
        lines.push((start, at));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_with_a_character_ftfy_may_act_on_are_found() {
        let text = "plain \u{201c}quotes\u{201d} \u{2013} fine\ncaf\u{e9}\r\nok\r\n&amp;\x0cnext\u{2028}tail \x1b[0m";
        // "café\r\n", "&amp;\x0c", "next\u{2028}" (its break is itself a character ftfy
        // may act on) and the last line, unended (as `pipeline.stages.unicode` found them)
        assert_eq!(
            unplain_lines(text),
            [(22, 28), (32, 38), (38, 43), (43, 52)]
        );
        assert!(unplain_lines("all plain \u{ab}here\u{bb}\r\n").is_empty());
        assert_eq!(unplain_lines("\r\r\n\u{85}"), [(3, 4)]);
    }
}
