//! An edit's row of report.md (`markdown.edit_row`), written in the core with the piece's
//! listing (`report_json::listed_rows`): built in Python, the rows were a tenth of the
//! reports' time, which the issue holds to 15% of a run.
//!
//! Python draws the characters a reader would not see (`summary.visible`, `printable`) by
//! their Unicode category (`str.isprintable`).  The core knows the category only of the
//! characters whose answer no Unicode version since Python's own has changed (ASCII, Latin-1,
//! the letters up to Armenian, the common typographic marks); a row with any other
//! character is left to Python (None), which writes it the same way.

use std::fmt::Write;

use pipeline_engine::pystr::{is_space, one_of};

/// Typographic marks news and papers use, which `str.isprintable` holds printable (general
/// categories Pd, Pi, Pf, Po, Sc, So, Sm).
const PRINTABLE_MARKS: &str = "\u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{201d}\u{2026}\u{20ac}\u{2022}\u{2032}\u{2033}\u{2212}";

/// `str.isprintable` of one character, where the core can tell it; None elsewhere.
fn printable_char(c: char) -> Option<bool> {
    let code = c as u32;
    if code < 0x80 {
        return Some(c == ' ' || c.is_ascii_graphic());
    }
    if c.is_control() || is_space(c) || c == '\u{ad}' {
        return Some(false); // Cc, Zs, Zl, Zp; the soft hyphen is Cf
    }
    if (0xa1..=0xff).contains(&code) || (c.is_alphabetic() && code < 0x0590) {
        return Some(true);
    }
    one_of(c, PRINTABLE_MARKS).then_some(true)
}

/// `ch` written as Python's reports write a character no reader sees: `<U+00A0>`.
fn code_point(out: &mut String, c: char) {
    // writing to a String cannot fail
    let _ = write!(out, "<U+{:04X}>", c as u32);
}

/// `summary.visible`: white space and invisible characters drawn as symbols or code points.
fn visible(out: &mut String, text: &str) -> Option<()> {
    for c in text.chars() {
        match c {
            ' ' => out.push('\u{2423}'),
            '\n' => out.push_str("\u{21b5}\n"),
            '\t' => out.push('\u{21e5}'),
            '\r' => out.push('\u{240d}'),
            _ if printable_char(c)? => out.push(c),
            _ => code_point(out, c),
        }
    }
    Some(())
}

/// `summary.printable`: the text, with each character a renderer would act on as its code
/// point.
fn printable(out: &mut String, text: &str) -> Option<()> {
    for c in text.chars() {
        if printable_char(c)? {
            out.push(c);
        } else {
            code_point(out, c);
        }
    }
    Some(())
}

/// `markdown._html_cell`: a line break as a space, `&`, `<` and `>` escaped (as
/// `html.escape(..., quote=False)`), and `|` as `&#124;`, which would end the cell.
fn html_cell(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            _ => out.push(c),
        }
    }
}

/// The last `width` characters of `text` (`seen.left[-width:]`).
fn last_chars(text: &str, width: usize) -> &str {
    let skip = text.chars().count().saturating_sub(width);
    text.char_indices()
        .nth(skip)
        .map_or("", |(at, _)| &text[at..])
}

/// The first `width` characters of `text` (`seen.right[:width]`).
fn first_chars(text: &str, width: usize) -> &str {
    text.char_indices()
        .nth(width)
        .map_or(text, |(at, _)| &text[..at])
}

/// What a row of report.md shows of an edit: where, its rule, its change and the text
/// either side (`width` characters of each), how sure.
pub struct Row<'a> {
    pub line: i64,
    pub column: i64,
    pub code: &'a str,
    pub name: &'a str,
    /// `markdown.KIND_SHOWN` of its kind: `""`, `" (suggested)"`...
    pub kind: &'a str,
    pub before: &'a str,
    pub after: &'a str,
    pub left: &'a str,
    pub right: &'a str,
    pub confidence: f64,
}

/// The row (`markdown.edit_row` of the edit and `narrowed(seen, width)`), or None where a
/// character's category is left to Python.
pub fn row(r: &Row<'_>, width: usize) -> Option<String> {
    let mut change = String::new();
    printable(&mut change, last_chars(r.left, width))?;
    change.push('[');
    visible(&mut change, r.before)?;
    change.push('\u{2192}');
    visible(&mut change, r.after)?;
    change.push(']');
    printable(&mut change, first_chars(r.right, width))?;
    let mut out = format!(
        "| {}:{} | {} {}{} | <code>",
        r.line, r.column, r.code, r.name, r.kind
    );
    html_cell(&mut out, &change);
    // `{:.2}` rounds the float's exact value half to even, as Python's `:.2f` does
    let _ = write!(out, "</code> | {:.2} |", r.confidence);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(left: &str, before: &str, after: &str, right: &str) -> Option<String> {
        let r = Row {
            line: 3,
            column: 7,
            code: "J001",
            name: "glued-words",
            kind: " (suggested)",
            before,
            after,
            left,
            right,
            confidence: 0.125,
        };
        row(&r, 8)
    }

    #[test]
    fn a_row_shows_the_change_in_its_narrowed_context() {
        assert_eq!(
            shown("said thepress", "", " ", "said <b>|x"),
            Some(
                "| 3:7 | J001 glued-words (suggested) | <code>thepress[\u{2192}\u{2423}]said \
                 &lt;b&gt;</code> | 0.12 |"
                    .into()
            )
        );
    }

    #[test]
    fn what_a_reader_would_not_see_is_drawn() {
        // U+202E (a bidirectional override, Cf) is no character the core can tell
        assert_eq!(shown("a\u{a0}b", "\t\n", "\u{202e}", ""), None);
        let row = shown("a\u{a0}b", "\t\n|", "\u{ad}", "é–");
        let drawn =
            "<code>a&lt;U+00A0&gt;b[\u{21e5}\u{21b5} &#124;\u{2192}&lt;U+00AD&gt;]é–</code>";
        assert_eq!(
            row,
            Some(format!(
                "| 3:7 | J001 glued-words (suggested) | {drawn} | 0.12 |"
            ))
        );
    }

    #[test]
    fn narrowing_counts_characters_not_bytes() {
        assert_eq!(last_chars("ééééééé", 3), "ééé");
        assert_eq!(first_chars("ééééééé", 3), "ééé");
        assert_eq!(last_chars("ab", 3), "ab");
        assert_eq!(first_chars("ab", 3), "ab");
    }
}
