//! Whitespace runs, each normalised as a whole: one run is one edit, whose first rule is
//! the main change and the others what the message lists besides.

use std::sync::LazyLock;

use super::Proposal;
use crate::classes::Class;
use crate::pystr::chars_of;
use crate::vocabulary::INVISIBLES;

pub const LINE_ENDING: &str = "W001";
pub const ODD_SPACE: &str = "W002";
pub const INVISIBLE: &str = "W003";
pub const SPACE_RUN: &str = "W004";
pub const TRAILING: &str = "W005";
pub const LEADING: &str = "W006";
pub const BLANK_LINES: &str = "W007";
pub const FINAL_NEWLINE: &str = "W008";

static SPACE_SEPARATOR: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{Zs}"));

/// `\s` of the `regex` package (Unicode's White_Space) or a character the stage removes.
fn spacing(ch: char) -> bool {
    ch.is_whitespace() || INVISIBLES.contains(&ch)
}

/// A space separator other than the space (no-break, thin, ideographic...): an indent's
/// odd spaces.  Tabs are not one.
fn odd_space(ch: char) -> bool {
    if ch.is_ascii() {
        return false;
    }
    SPACE_SEPARATOR.contains(ch)
}

/// The lines of a run between its line breaks (CRLF, CR, LF).
fn lines(run: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < run.len() {
        let width = match (run[at], run.get(at + 1)) {
            ('\r', Some('\n')) => 2,
            ('\r' | '\n', _) => 1,
            _ => 0,
        };
        if width == 0 {
            at += 1;
        } else {
            out.push(&run[start..at]);
            at += width;
            start = at;
        }
    }
    out.push(&run[start..]);
    out
}

/// The clean form of one run, and the rules that changed it (the first the main one).
fn normalise(run: &[char], at_start: bool, at_end: bool) -> (String, Vec<&'static str>) {
    let visible: Vec<char> = run
        .iter()
        .copied()
        .filter(|c| !INVISIBLES.contains(c))
        .collect();
    let mut rules = Vec::new();
    if visible.len() != run.len() {
        rules.push(INVISIBLE);
    }
    if visible.contains(&'\r') {
        rules.push(LINE_ENDING);
    }
    let lines = lines(&visible);
    let breaks = lines.len() - 1;
    if at_start {
        rules.insert(0, LEADING);
        return (String::new(), rules);
    }
    if at_end {
        // spaces left on the last line are trailing spaces, as on any other line
        let mut ending = Vec::new();
        if breaks != 1 || lines[1..].iter().any(|line| !line.is_empty()) {
            ending.push(FINAL_NEWLINE);
        }
        if !lines[0].is_empty() {
            ending.push(TRAILING);
        }
        ending.extend(rules);
        return ("\n".into(), ending);
    }
    if breaks == 0 {
        if !(visible.is_empty() || visible == [' ']) {
            let spaces = visible.iter().all(|&c| c == ' ');
            rules.push(if spaces { SPACE_RUN } else { ODD_SPACE });
        }
        let clean = if visible.is_empty() { "" } else { " " };
        return (clean.into(), rules);
    }
    if lines[..breaks].iter().any(|line| !line.is_empty()) {
        rules.insert(0, TRAILING);
    }
    if breaks > 2 {
        rules.insert(0, BLANK_LINES);
    }
    let last = lines[breaks];
    if last.iter().any(|&c| odd_space(c)) {
        rules.push(ODD_SPACE);
    }
    let mut clean = "\n".repeat(breaks.min(2));
    clean.extend(last.iter().map(|&c| if odd_space(c) { ' ' } else { c }));
    (clean, rules)
}

/// One edit per whitespace run not already in its clean form, and a final newline where
/// the text lacks one.  Its `detail` holds the rules after the first, in order.
///
/// The lone space between two words, most runs and always clean, is not looked at.
pub fn find(text: &str) -> Vec<Proposal> {
    let chars: Vec<char> = chars_of(text);
    let n = chars.len();
    let mut found = Vec::new();
    let mut at = 0;
    while at < n {
        if !spacing(chars[at]) {
            at += 1;
            continue;
        }
        let start = at;
        at = super::run_end(&chars, at, spacing);
        let run = &chars[start..at];
        if run.len() == 1 && run[0] == ' ' && start != 0 && at != n {
            continue;
        }
        let (clean, rules) = normalise(run, start == 0, at == n);
        if clean.chars().ne(run.iter().copied()) {
            found.push(proposal(start, at, &clean, &rules));
        }
    }
    if n > 0 && !spacing(chars[n - 1]) {
        found.push(proposal(n, n, "\n", &[FINAL_NEWLINE]));
    }
    found
}

fn proposal(start: usize, end: usize, clean: &str, rules: &[&'static str]) -> Proposal {
    let mut seen: Vec<&'static str> = Vec::new();
    for rule in rules {
        if !seen.contains(rule) {
            seen.push(rule);
        }
    }
    Proposal::new(start, end, clean, seen[0], 1.0).with(seen[1..].iter().map(|r| r.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<(usize, usize, String, Vec<&'static str>)> {
        find(text)
            .into_iter()
            .map(|p| {
                let mut rules = vec![p.code];
                rules.extend(p.detail.iter().map(|d| match d.as_str() {
                    "W001" => LINE_ENDING,
                    "W002" => ODD_SPACE,
                    "W003" => INVISIBLE,
                    "W005" => TRAILING,
                    "W008" => FINAL_NEWLINE,
                    _ => "?",
                }));
                (p.start, p.end, p.after, rules)
            })
            .collect()
    }

    #[test]
    fn clean_text_has_no_edits() {
        assert!(find("One line.\n\nTwo words\n  indented\n").is_empty());
        assert!(find("").is_empty());
    }

    #[test]
    fn each_run_is_one_edit_with_its_rules() {
        assert_eq!(one("a   b\n")[0], (1, 4, " ".into(), vec![SPACE_RUN]));
        assert_eq!(
            one("a \r\n\r\n\r\nb\n")[0],
            (
                1,
                8,
                "\n\n".into(),
                vec![BLANK_LINES, TRAILING, LINE_ENDING]
            )
        );
        assert_eq!(
            one("a\u{200b}b\n")[0],
            (1, 2, String::new(), vec![INVISIBLE])
        );
        assert_eq!(
            one("a\n\u{a0}\tb\n")[0],
            (1, 4, "\n \t".into(), vec![ODD_SPACE])
        );
    }

    #[test]
    fn the_ends_of_the_text() {
        assert_eq!(one("  \n Text\n")[0], (0, 4, String::new(), vec![LEADING]));
        assert_eq!(
            one("end.  \n\n\n")[0],
            (4, 9, "\n".into(), vec![FINAL_NEWLINE, TRAILING])
        );
        assert_eq!(one("end.")[0], (4, 4, "\n".into(), vec![FINAL_NEWLINE]));
        assert_eq!(
            one("end. ")[0],
            (4, 5, "\n".into(), vec![FINAL_NEWLINE, TRAILING])
        );
    }
}
