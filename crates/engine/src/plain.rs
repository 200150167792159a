//! The lines of a text that some fix of ftfy's may change.  The unicode stage sends only
//! those to ftfy (`pipeline.stages.unicode`), so a text of plain lines costs one scan.
//!
//! Plain: printable ASCII but `&` (an HTML entity's start), tab and line ends, and the
//! typographic marks of well-encoded text (no-break space, « », curly quotes, en and em
//! dashes, the ellipsis).  A line that holds another character is still left alone when no
//! fix can act on it (`may_act`): ftfy re-decodes only text its mojibake detector finds
//! bad, decodes only the HTML entities its pattern finds (`S&P` and `R&D` are text), and
//! its other fixes act on characters of their own (controls, ligatures) or on text that NFC
//! normalisation changes.  So a line of accented names or other scripts costs a scan, not a
//! call into ftfy.  The Python tests check both against ftfy itself, on ftfy's own test
//! cases, on strings of the plain marks and on strings of the detector's characters.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use crate::badness::PATTERN_PARTS;
use crate::pystr::one_of;

/// The typographic marks of well-encoded text that ftfy leaves as they are.
pub const SAFE_MARKS: &str =
    "\u{a0}\u{ab}\u{bb}\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}";

/// `str.splitlines`' line boundaries but the control characters ftfy removes (`\x0b`,
/// `\x1c`-`\x1e`): a control character ftfy removes joins what stood either side of it,
/// and ftfy must see the two together (`Ì\x1d³` is `Ì³` once it is gone, mojibake ftfy
/// then decodes).
pub const BREAKS: &str = "\n\r\x0c\u{85}\u{2028}\u{2029}";

/// ftfy's mojibake detector, compiled on the first line with a character that is not plain.
static BADNESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&PATTERN_PARTS.concat()).expect("ftfy's pattern as the tool writes it (tested)")
});

/// Whether no fix of ftfy's can act on `ch`, wherever it stands.
#[inline]
pub fn is_plain(ch: char) -> bool {
    matches!(ch, '\x20'..='\x25' | '\x27'..='\x7e' | '\t' | '\n' | '\r') || one_of(ch, SAFE_MARKS)
}

/// Whether a fix of ftfy's acts on `ch` wherever it stands: the characters
/// `remove_control_chars` and `remove_terminal_escapes` take out (C0 controls
/// but tab and line ends, DEL, U+206A-U+206F, U+FEFF, U+FFF9-U+FFFC), C1 controls
/// (`fix_c1_controls`), the Latin ligatures `fix_latin_ligatures` spells out, and U+FFFD,
/// which is how the core reads a lone surrogate (`fix_surrogates`).
#[inline]
fn acted_on(ch: char) -> bool {
    matches!(
        ch,
        '\x00'..='\x08'
            | '\x0b'
            | '\x0e'..='\x1f'
            | '\x7f'..='\u{9f}'
            | '\u{132}'..='\u{133}'
            | '\u{149}'
            | '\u{1c4}'..='\u{1cc}'
            | '\u{1f1}'..='\u{1f3}'
            | '\u{206a}'..='\u{206f}'
            | '\u{fb00}'..='\u{fb06}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffd}'
    )
}

/// Whether `line` holds an HTML entity as ftfy's `unescape_html` finds one (its
/// `HTML_ENTITY_RE`, `&#?[0-9A-Za-z]{1,24};`, which the Python tests hold to ftfy's as
/// installed): an `&` anywhere else is text, which no fix of ftfy's touches.
fn holds_entity(line: &str) -> bool {
    let bytes = line.as_bytes();
    (0..bytes.len()).any(|at| bytes[at] == b'&' && entity_after(&bytes[at + 1..]))
}

/// Whether what follows an `&` ends an entity: `#` or not, one to 24 ASCII letters or
/// digits, and `;`.
fn entity_after(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b"#").unwrap_or(rest);
    let name = rest
        .iter()
        .take(25)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    (1..=24).contains(&name) && rest.get(name) == Some(&b';')
}

/// Whether some fix of ftfy's may change `line`: an HTML entity, a character one acts on,
/// text that NFC normalisation may change (unless the quick check says it is normalised: the core's
/// Unicode tables may be newer than Python's, which leaves a character it lacks alone, and
/// a composition once made is never unmade), or a sequence ftfy's detector finds bad.
pub fn may_act(line: &str) -> bool {
    holds_entity(line)
        || line.chars().any(acted_on)
        || is_nfc_quick(line.chars()) != IsNormalized::Yes
        || BADNESS.is_match(line)
}

/// The lines (cut at `BREAKS`, `\r\n` one break, each with its break) that some fix of
/// ftfy's may change (`may_act`), as code-point ranges, in order.
pub fn unplain_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let (mut start, mut at, mut unplain) = (0, 0, false);
    let mut byte_start = 0;
    let mut chars = text.char_indices().peekable();
    let mut close = |start: usize, at: usize, bytes: (usize, usize), unplain: bool| {
        if unplain && may_act(&text[bytes.0..bytes.1]) {
            lines.push((start, at));
        }
    };
    while let Some((offset, ch)) = chars.next() {
        at += 1;
        if (' '..='~').contains(&ch) {
            unplain |= ch == '&'; // printable ASCII is plain but an entity's `&`: read below
            continue;
        }
        unplain |= !is_plain(ch);
        if one_of(ch, BREAKS) {
            let mut end = offset + ch.len_utf8();
            if ch == '\r' && chars.next_if(|&(_, next)| next == '\n').is_some() {
                at += 1;
                end += 1;
            }
            close(start, at, (byte_start, end), unplain);
            (start, byte_start, unplain) = (at, end, false);
        }
    }
    close(start, at, (byte_start, text.len()), unplain);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_some_fix_of_ftfys_may_change_are_found() {
        let text = "plain \u{201c}quotes\u{201d} \u{2013} fine\ncaf\u{c3}\u{a9}\r\nok\r\n&amp;\x0cnext\u{2028}tail \x1b[0m";
        // "cafÃ©\r\n" (mojibake), "&amp;\x0c" and the last line, unended (as
        // `pipeline.stages.unicode` found them); "next\u{2028}" holds no character a fix
        // acts on, its break included (ftfy's line-break fix is off)
        assert_eq!(unplain_lines(text), [(22, 29), (33, 39), (44, 53)]);
        assert!(unplain_lines("all plain \u{ab}here\u{bb}\r\n").is_empty());
        assert_eq!(unplain_lines("\r\r\n\u{85}"), [(3, 4)]);
    }

    #[test]
    fn an_ampersand_is_sent_only_where_it_starts_an_entity() {
        for line in [
            "S&P 500",
            "R&D and AT&T",
            "&amp",
            "a & b;",
            "&#;",
            "& lt;",
            "&a-b;",
        ] {
            assert!(unplain_lines(line).is_empty(), "{line}");
        }
        let long = format!("&{};", "x".repeat(25));
        assert!(unplain_lines(&long).is_empty());
        let longest = format!("&{};", "x".repeat(24));
        for line in ["&amp;", "AT&T;", "&#39;", "&#x27;", "S&P &lt;", &longest] {
            assert_eq!(unplain_lines(line), [(0, line.chars().count())], "{line}");
        }
    }

    #[test]
    fn accented_names_and_other_scripts_are_left_alone() {
        let text = "Z\u{fc}rich, \u{130}stanbul, \u{391}\u{3b8}\u{3ae}\u{3bd}\u{3b1}, \u{41a}\u{438}\u{457}\u{432}, 42 \u{b0}C\n";
        assert!(unplain_lines(text).is_empty());
    }

    #[test]
    fn what_a_fix_acts_on_is_found_wherever_it_stands() {
        for line in [
            "cafe\u{301}",               // NFC composes it
            "\u{fb01}nal",               // a ligature
            "a\u{feff}b",                // a byte-order mark
            "\u{c3}\u{a9}t\u{c3}\u{a9}", // mojibake of "été"
            "x\u{fffd}y",                // a lone surrogate, as the core reads it
        ] {
            assert_eq!(unplain_lines(line), [(0, line.chars().count())], "{line:?}");
        }
    }
}
