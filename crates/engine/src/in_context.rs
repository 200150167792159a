//! An edit in the text its stage met, for a reader: the text either side on its line and
//! the whole words it touches, as report.html, report.md and `check` show it.
//!
//! The fixes made before an edit nearby are applied to the original around it first, so
//! the text either side is what the edit really met: where an earlier stage changed this
//! very stretch (`Itâ€™s` made `It’s` before the quotes stage restyles the `’`), the
//! original would garble it.  Offsets are code points.

use std::ops::Range;

/// At most this many characters of the words touching an edit (`keys.CONTEXT`).
pub const WORD_REACH: usize = 20;

/// A fix as it lies in the original: `start..end` became `after`; made `order`-th.
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub after: Vec<char>,
    pub order: usize,
}

/// An edit to show: at `at` in the original, `before` became `after`; made `order`-th.
pub struct Shown<'a> {
    pub at: usize,
    pub before: &'a str,
    pub after: &'a str,
    pub order: usize,
}

/// The text either side of an edit, and the words it touches before and after it.
#[derive(Debug, PartialEq)]
pub struct InContext {
    pub left: String,
    pub right: String,
    pub word_before: String,
    pub word_after: String,
}

/// The fixes (sorted by start) inside `low..=high` made before the `before`-th edit.
fn near(fixes: &[Fix], low: isize, high: isize, before: usize) -> Vec<&Fix> {
    let first = fixes.partition_point(|fix| (fix.start as isize) < low);
    if fixes.get(first).is_none_or(|fix| fix.start as isize > high) {
        return Vec::new(); // most edits have none near: no search, no allocation
    }
    let last = fixes.partition_point(|fix| fix.start as isize <= high);
    fixes[first..last.max(first)]
        .iter()
        .filter(|fix| fix.order < before && fix.end as isize <= high)
        .collect()
}

/// Python's `[from:to]` on a sequence of `len` items, for ends that may lie outside it.
fn clamped(len: usize, from: isize, to: isize) -> Range<usize> {
    let clamp = |i: isize| i.clamp(0, len as isize) as usize;
    let (from, to) = (clamp(from), clamp(to));
    from..to.max(from)
}

/// The original about `at` with `fixes` applied, and where `at` lies in it; None where
/// the edit's `before` is not found there either way insertions at `at` are counted.
fn as_met(
    original: &[char],
    at: usize,
    before: &[char],
    fixes: &[&Fix],
    width: usize,
) -> Option<(Vec<char>, usize)> {
    let low = at.saturating_sub(2 * width);
    let high = (at + before.len() + 2 * width).min(original.len());
    for with_insertions_at in [true, false] {
        let mut local: Vec<char> = Vec::new();
        let (mut cursor, mut shift) = (low, 0isize);
        for fix in fixes {
            if fix.start < cursor {
                continue; // overlapping: the first made wins
            }
            local.extend_from_slice(
                &original[clamped(original.len(), cursor as isize, fix.start as isize)],
            );
            local.extend_from_slice(&fix.after);
            cursor = fix.end;
            if fix.end < at || (fix.end == at && (fix.start < at || with_insertions_at)) {
                shift += fix.after.len() as isize - (fix.end as isize - fix.start as isize);
            }
        }
        local.extend_from_slice(&original[clamped(original.len(), cursor as isize, high as isize)]);
        let place = at as isize - low as isize + shift;
        if local[clamped(local.len(), place, place + before.len() as isize)] == *before {
            return Some((local, place.max(0) as usize));
        }
    }
    None
}

/// The non-space characters just before `at`, at most `WORD_REACH`.
fn word_before(text: &[char], at: usize) -> &[char] {
    let reach = text[..at]
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .take(WORD_REACH)
        .count();
    &text[at - reach..at]
}

/// The non-space characters from `at` on, at most `WORD_REACH`.
fn word_from(text: &[char], at: usize) -> &[char] {
    let reach = text[at..]
        .iter()
        .take_while(|c| !c.is_whitespace())
        .take(WORD_REACH)
        .count();
    &text[at..at + reach]
}

/// `left`, `middle` and `right` in one string.
fn joined(left: &[char], middle: &str, right: &[char]) -> String {
    let mut out = String::with_capacity(4 * (left.len() + right.len()) + middle.len());
    out.extend(left);
    out.push_str(middle);
    out.extend(right);
    out
}

/// `edit` as a reader sees it, `width` characters either side at most, cut at line ends.
/// `fixes` are the piece's fixes sorted by where they start in the original.
pub fn in_context(original: &[char], fixes: &[Fix], edit: &Shown<'_>, width: usize) -> InContext {
    let before: Vec<char> = edit.before.chars().collect();
    let at = edit.at.min(original.len());
    let reach = 2 * width as isize;
    let nearby = near(
        fixes,
        at as isize - reach,
        (at + before.len()) as isize + reach,
        edit.order,
    );
    let met = if nearby.is_empty() {
        None // with none, the text as met is the original
    } else {
        as_met(original, at, &before, &nearby, width)
    };
    let (text, start): (&[char], usize) = match &met {
        Some((local, start)) => (local, *start),
        None => (original, at),
    };
    // an edit the text does not hold where it says (the library takes any edits) is shown
    // at the text's end, not read past it (a hypothesis find: a panic)
    let start = start.min(text.len());
    let end = match text.get(start..start + before.len()) {
        Some(found) if found == &before[..] => start + before.len(),
        _ => start,
    };
    // the context's ends: `width` characters either side, cut at the line's ends, looked for
    // no farther than `width` (a paragraph is a line: searched whole, once per edit listed)
    let farthest = start.saturating_sub(width);
    let left_end = text[farthest..start]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(farthest, |i| farthest + i + 1);
    let right_end = text[end..(end + width).min(text.len())]
        .iter()
        .position(|&c| c == '\n')
        .map_or((end + width).min(text.len()), |i| end + i);
    let (word_left, word_right) = (word_before(text, start), word_from(text, end));
    InContext {
        left: text[left_end..start].iter().collect(),
        right: text[end..right_end].iter().collect(),
        word_before: joined(word_left, edit.before, word_right),
        word_after: joined(word_left, edit.after, word_right),
    }
}

/// An edit of a piece as the reports locate it: line and column (1-based) and offset
/// (characters) in the original, what it changed, and whether it was applied (a fix); listed
/// in the order made.
pub struct Located<'a> {
    pub line: usize,
    pub column: usize,
    pub at: usize,
    pub before: &'a str,
    pub after: &'a str,
    pub fix: bool,
}

/// An edit's offset in the original; None for one past its end.
fn offset(original: &[char], edit: &Located<'_>) -> Option<usize> {
    (edit.at <= original.len()).then_some(edit.at)
}

/// The piece's fixes as they lie in the original (`summary.Made`): each whose `before` the
/// original holds at its place, sorted by start, end, replacement and order.
fn made(original: &[char], edits: &[Located<'_>]) -> Option<Vec<Fix>> {
    let mut fixes = Vec::new();
    for (order, edit) in edits.iter().enumerate().filter(|(_, edit)| edit.fix) {
        let start = offset(original, edit)?;
        let end = start + edit.before.chars().count();
        // as Python slices: ends past the text are its end
        let held = &original[clamped(original.len(), start as isize, end as isize)];
        if held.iter().copied().eq(edit.before.chars()) {
            let after = edit.after.chars().collect();
            fixes.push(Fix {
                start,
                end,
                after,
                order,
            });
        }
    }
    fixes.sort_by(|a, b| {
        (a.start, a.end, &a.after, a.order).cmp(&(b.start, b.end, &b.after, b.order))
    });
    Some(fixes)
}

/// The edits a report lists: in the order a reader meets them (by line, then column; the
/// order made where those tie), at most `room`, each with its index and the text it met;
/// None where an edit lies past the original's end.
pub fn listed(
    original: &[char],
    edits: &[Located<'_>],
    room: usize,
    width: usize,
) -> Option<Vec<(usize, InContext)>> {
    let fixes = made(original, edits)?;
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&k| (edits[k].line, edits[k].column));
    order.truncate(room);
    order
        .into_iter()
        .map(|k| {
            let edit = &edits[k];
            let shown = Shown {
                at: offset(original, edit)?,
                before: edit.before,
                after: edit.after,
                order: k,
            };
            Some((k, in_context(original, &fixes, &shown, width)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn an_edit_with_its_line_and_the_words_it_touches() {
        let original = chars("first line\nthe pressreleased it\nlast");
        let edit = Shown {
            at: 20,
            before: "",
            after: " ",
            order: 0,
        };
        let seen = in_context(&original, &[], &edit, 30);
        assert_eq!(seen.left, "the press");
        assert_eq!(seen.right, "released it");
        assert_eq!(seen.word_before, "pressreleased");
        assert_eq!(seen.word_after, "press released");
        let narrow = in_context(&original, &[], &edit, 4);
        assert_eq!(
            (narrow.left.as_str(), narrow.right.as_str()),
            ("ress", "rele")
        );
    }

    #[test]
    fn an_earlier_fix_nearby_is_applied_first() {
        // the unicode stage made "â€™" a "’", which the quotes stage then restyled
        let original = chars("So Itâ€™s here");
        let fix = Fix {
            start: 5,
            end: 8,
            after: vec!['\u{2019}'],
            order: 0,
        };
        let edit = Shown {
            at: 5,
            before: "\u{2019}",
            after: "'",
            order: 1,
        };
        let garbled = in_context(&original, &[], &edit, 30);
        assert_eq!(garbled.right, "â€™s here");
        let seen = in_context(&original, &[fix], &edit, 30);
        assert_eq!(
            (seen.left.as_str(), seen.right.as_str()),
            ("So It", "s here")
        );
        assert_eq!(seen.word_after, "It's");
    }

    #[test]
    fn a_place_past_the_end_is_read_as_the_end() {
        let seen = in_context(
            &chars("ab"),
            &[],
            &Shown {
                at: 9,
                before: "x",
                after: "",
                order: 0,
            },
            30,
        );
        assert_eq!(seen.left, "ab");
    }

    #[test]
    fn an_edit_the_text_does_not_hold_where_it_says_is_shown_not_read_past() {
        // the library takes any edits: beside fixes that fit the text or not, each is
        // shown within the text (a hypothesis find: `Cx` at 1 of `Cx` read past it)
        let original = chars("Cx y");
        for at in 0..=6 {
            for before in ["", "Cx", "x y z"] {
                for (start, end) in [(0, 0), (0, 2), (1, 3), (3, 6), (5, 9)] {
                    for after in ["", "z", "Cx"] {
                        let fix = Fix {
                            start,
                            end,
                            after: chars(after),
                            order: 0,
                        };
                        let edit = Shown {
                            at,
                            before,
                            after: "",
                            order: 1,
                        };
                        for width in [0, 2, 30] {
                            let seen =
                                in_context(&original, std::slice::from_ref(&fix), &edit, width);
                            assert!(seen.left.chars().count() <= width);
                            assert!(seen.right.chars().count() <= width);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_listing_is_in_reading_order_with_the_fixes_made_before_applied() {
        let original = chars("So It\u{e2}\u{20ac}\u{2122}s here\nthe pressreleased");
        let located = |line, column, at, before, after, fix| Located {
            line,
            column,
            at,
            before,
            after,
            fix,
        };
        let edits = [
            located(2, 10, 24, "", " ", true),
            located(1, 6, 5, "\u{e2}\u{20ac}\u{2122}", "\u{2019}", true),
            located(1, 6, 5, "\u{2019}", "'", true),
        ];
        let shown = listed(&original, &edits, 2, 30).unwrap();
        let order: Vec<usize> = shown.iter().map(|(k, _)| *k).collect();
        assert_eq!(order, [1, 2]); // line 1 first; a tie keeps the order made; room 2
        assert_eq!(shown[1].1.word_after, "It's");
        let past = located(3, 1, original.len() + 1, "", " ", true);
        assert!(listed(&original, &[past], 9, 30).is_none());
    }
}
