//! A piece's unified-diff hunks from the fixes that made it (`report.unified.hunks`): the
//! changed lines are those the fixes touch, so the texts are not aligned again.  Line by
//! line in Python this was a sixth of the reports' time.
//!
//! Byte for byte what `unified.hunks` writes with its edits (tests compare the two, and
//! both with difflib's).  Where the lines do not bear the fixes out, or an index would
//! leave a list (where Python's slices wrap or clamp), the call answers None and Python
//! decides, as it did before: its `changed_blocks`, or difflib.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::report_json::field;

/// The lines of context a hunk shows either side of a change (`unified.CONTEXT`).
const CONTEXT: usize = 3;
/// What patch writes after a last line without a line break (`unified.NO_NEWLINE`).
const NO_NEWLINE: &str = "\\ No newline at end of file\n";

/// A fix as the hunks read it: the line it starts on (1-based, in the piece), and how many
/// line breaks its original text and its replacement hold.
#[derive(Clone, Copy, Debug)]
pub struct Touch {
    pub line: i64,
    pub breaks_before: i64,
    pub breaks_after: i64,
}

/// difflib's opcode: whether the lines are the same, and `a[i1..i2]` -> `b[j1..j2]`.
type Opcode = (bool, usize, usize, usize, usize);

/// Lines split at LF only, each with its break, the last one without (`unified._lines`).
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The hunks turning `original` into `cleaned`, which start after `before` lines of each
/// file, from the lines `touches` name; None where they do not bear them out.
pub fn hunks(
    original: &str,
    cleaned: &str,
    before: (usize, usize),
    touches: &[Touch],
) -> Option<String> {
    let (a, b) = (lines(original), lines(cleaned));
    let codes = changed_blocks(&a, &b, touches)?;
    let mut out = String::new();
    for group in grouped(codes) {
        let (first, last) = (group[0], group[group.len() - 1]);
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(first.1, last.2, before.0),
            range(first.3, last.4, before.1)
        ));
        for (equal, i1, i2, j1, j2) in group {
            if equal {
                block(&mut out, " ", &a[i1..i2]);
            } else {
                block(&mut out, "-", &a[i1..i2]);
                block(&mut out, "+", &b[j1..j2]);
            }
        }
    }
    Some(out)
}

/// A line count as an index of a list of `len`: None outside `0..=len`.
fn index(value: i64, len: usize) -> Option<usize> {
    usize::try_from(value).ok().filter(|&at| at <= len)
}

/// `unified.changed_blocks`: the opcodes, from the lines the fixes touch (touched lines that
/// meet make one block; between blocks the lines are the same, shifted by the breaks added
/// before them).
fn changed_blocks(a: &[&str], b: &[&str], touches: &[Touch]) -> Option<Vec<Opcode>> {
    let mut touched: Vec<(i64, i64, i64)> = touches
        .iter()
        .map(|t| {
            let first = (t.line - 1).max(0);
            (
                first,
                first + t.breaks_before,
                t.breaks_after - t.breaks_before,
            )
        })
        .collect();
    touched.sort_unstable();
    let mut blocks: Vec<(i64, i64, i64)> = Vec::new(); // first, last, breaks added
    for (first, last, added) in touched {
        match blocks.last_mut() {
            Some(block) if first <= block.1 + 1 => {
                block.1 = block.1.max(last);
                block.2 += added;
            }
            _ => blocks.push((first, last, added)),
        }
    }
    let (len_a, len_b) = (a.len() as i64, b.len() as i64);
    let mut codes: Vec<(bool, i64, i64, i64, i64)> = Vec::new();
    let (mut i, mut shift) = (0, 0);
    for (first, last, added) in blocks {
        let (first, end) = (first.min(len_a), (last + 1).min(len_a));
        codes.push((true, i, first, i + shift, first + shift));
        let i2 = end;
        // the last line: whatever follows it in the output is this block's
        let j2 = if end == len_a {
            len_b
        } else {
            end + shift + added
        };
        codes.push((false, first, i2, first + shift, j2));
        (i, shift) = (i2, j2 - i2);
    }
    codes.push((true, i, len_a, i + shift, len_b));
    if len_b - len_a != shift {
        return None;
    }
    let mut checked = Vec::with_capacity(codes.len());
    for (equal, i1, i2, j1, j2) in codes {
        let (i1, i2) = (index(i1, a.len())?, index(i2, a.len())?);
        let (j1, j2) = (index(j1, b.len())?, index(j2, b.len())?);
        if i1 > i2 || j1 > j2 || (equal && a[i1..i2] != b[j1..j2]) {
            return None;
        }
        checked.push((equal, i1, i2, j1, j2));
    }
    Some(merged(
        checked.into_iter().flat_map(|code| trimmed(a, b, code)),
    ))
}

/// A block without the lines it leaves as they were at either end (`unified._trimmed`).
fn trimmed(a: &[&str], b: &[&str], code: Opcode) -> Vec<Opcode> {
    let (equal, i1, i2, j1, j2) = code;
    if equal {
        return vec![code];
    }
    let mut head = 0;
    while i1 + head < i2 && j1 + head < j2 && a[i1 + head] == b[j1 + head] {
        head += 1;
    }
    let mut tail = 0;
    while i2 - tail > i1 + head && j2 - tail > j1 + head && a[i2 - tail - 1] == b[j2 - tail - 1] {
        tail += 1;
    }
    vec![
        (true, i1, i1 + head, j1, j1 + head),
        (false, i1 + head, i2 - tail, j1 + head, j2 - tail),
        (true, i2 - tail, i2, j2 - tail, j2),
    ]
}

/// The opcodes in order, empty ones dropped and neighbouring equal ones joined.
fn merged(parts: impl Iterator<Item = Opcode>) -> Vec<Opcode> {
    let mut codes: Vec<Opcode> = Vec::new();
    for code in parts {
        let (equal, i1, i2, j1, j2) = code;
        if i1 == i2 && j1 == j2 {
            continue;
        }
        match codes.last_mut() {
            Some(last) if equal && last.0 => (last.2, last.4) = (i2, j2),
            _ => codes.push(code),
        }
    }
    codes
}

/// difflib's `get_grouped_opcodes` (`unified._grouped`): the changes with `CONTEXT` lines
/// of context, a group ending where more than twice that go unchanged.
fn grouped(codes: Vec<Opcode>) -> Vec<Vec<Opcode>> {
    let n = CONTEXT;
    let mut codes: Vec<Opcode> = codes
        .into_iter()
        .filter(|&(equal, i1, i2, _, _)| !(equal && i1 == i2))
        .collect();
    if codes.is_empty() {
        codes.push((true, 0, 1, 0, 1));
    }
    if let Some(first) = codes.first_mut().filter(|code| code.0) {
        let (_, i1, i2, j1, j2) = *first;
        *first = (
            true,
            i1.max(i2.saturating_sub(n)),
            i2,
            j1.max(j2.saturating_sub(n)),
            j2,
        );
    }
    if let Some(last) = codes.last_mut().filter(|code| code.0) {
        let (_, i1, i2, j1, j2) = *last;
        *last = (true, i1, i2.min(i1 + n), j1, j2.min(j1 + n));
    }
    let mut groups = Vec::new();
    let mut group: Vec<Opcode> = Vec::new();
    for (equal, mut i1, i2, mut j1, j2) in codes {
        if equal && i2 - i1 > 2 * n {
            group.push((true, i1, i2.min(i1 + n), j1, j2.min(j1 + n)));
            groups.push(std::mem::take(&mut group));
            (i1, j1) = (i1.max(i2.saturating_sub(n)), j1.max(j2.saturating_sub(n)));
        }
        group.push((equal, i1, i2, j1, j2));
    }
    if !(group.is_empty() || (group.len() == 1 && group[0].0)) {
        groups.push(group);
    }
    groups
}

/// difflib's hunk range, `before` lines of the file earlier (`unified._range`).
fn range(start: usize, stop: usize, before: usize) -> String {
    let (beginning, length) = (start + 1 + before, stop - start);
    match length {
        1 => beginning.to_string(),
        0 => format!("{},0", beginning - 1),
        _ => format!("{beginning},{length}"),
    }
}

/// Each line after `prefix`, and patch's marker after a last line without a break.
fn block(out: &mut String, prefix: &str, lines: &[&str]) {
    for line in lines {
        out.push_str(prefix);
        out.push_str(line);
    }
    if lines.last().is_some_and(|line| !line.ends_with('\n')) {
        out.push('\n');
        out.push_str(NO_NEWLINE);
    }
}

/// `unified.hunks(original, cleaned, original_before, cleaned_before, edits)` where the core
/// can say (`fix` is `Kind.FIX`: only fixes changed the text); None where Python decides.
#[pyfunction]
pub fn edit_hunks(
    original: &Bound<'_, PyString>,
    cleaned: &Bound<'_, PyString>,
    original_before: usize,
    cleaned_before: usize,
    edits: Vec<Bound<'_, PyAny>>,
    fix: &Bound<'_, PyAny>,
) -> PyResult<Option<String>> {
    let (Ok(original), Ok(cleaned)) = (original.to_str(), cleaned.to_str()) else {
        return Ok(None); // a lone surrogate: Python's strings hold it, UTF-8 does not
    };
    let mut touches = Vec::with_capacity(edits.len());
    for edit in &edits {
        if !field(edit, "kind")?.is(fix) {
            continue;
        }
        let breaks = |name: &str| -> PyResult<Option<i64>> {
            let value = field(edit, name)?;
            let Ok(text) = value.cast::<PyString>() else {
                return Ok(None);
            };
            Ok(text
                .to_str()
                .ok()
                .map(|text| text.matches('\n').count() as i64))
        };
        let (Some(breaks_before), Some(breaks_after)) = (breaks("before")?, breaks("after")?)
        else {
            return Ok(None);
        };
        let Ok(line) = field(edit, "line")?.extract::<i64>() else {
            return Ok(None);
        };
        touches.push(Touch {
            line,
            breaks_before,
            breaks_after,
        });
    }
    Ok(hunks(
        original,
        cleaned,
        (original_before, cleaned_before),
        &touches,
    ))
}

#[cfg(test)]
mod tests;
