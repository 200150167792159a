//! What a report lists of a piece's edits (`pipeline.report.stream._listed`), worked out in
//! the core: the first edits in reading order, each one's row of the review page, the first
//! ones' rows of report.md, and the listed edits counted by group (`summary.group_key`).
//! Counted per edit in Python, the groups were a fifth of the reports' time, which the
//! issue holds to 15% of a run.
//!
//! Each part is what the Python path gives (tests compare the two on drawn edits); where an
//! edit holds what only Python writes the same way, the call answers None.

use pipeline_engine::in_context::{self, InContext, Located};
use pipeline_engine::pystr::{is_alnum, is_space};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rustc_hash::FxHashMap;

use crate::markdown_row::{self, Row};
use crate::report_json::{field, io_error, page_row, text_of, written, Fields, Held};

/// The text an edit met (`summary.InContext`): left, right, word before, word after.
type Seen = (String, String, String, String);

/// A group of listed edits (`summary.GroupKey`: rule code, kind, before, after), how many
/// it holds and the least confidence among them.
type Group = ((String, String, String, String), usize, f64);

/// A listed edit's row of report.md, or where Python writes it, the text the edit met,
/// which it needs for that.
#[derive(IntoPyObject)]
pub enum MdRow {
    Written(String),
    Left(Seen),
}

/// What `listed_rows` gives: the edits listed; each one's row of the review page; the first
/// ones' rows of report.md (or what Python needs to write one); and the listed edits'
/// groups, in the order first met.
type Listing = (Vec<usize>, Vec<String>, Vec<MdRow>, Vec<Group>);

/// What report.md lists of a piece (`stream.FileReport._list`): how many rows it still
/// wants, how it names each kind (`markdown.KIND_SHOWN`), and how many characters of
/// context either side (`markdown.CONTEXT`).
#[derive(FromPyObject)]
pub struct Markdown<'py> {
    room: usize,
    kinds: Bound<'py, PyDict>,
    width: usize,
}

/// How listed edits are grouped (`stream.Grouping`): the stages whose edits restyle marks
/// (`summary.restyles`), the quotes stage's name (its spacing is shown with the quote), and
/// the kind that is not counted (`Kind.REJECTED`).
#[derive(FromPyObject)]
pub struct Grouping<'py> {
    restyles: Vec<String>,
    quotes: String,
    rejected: Bound<'py, PyAny>,
}

/// What an edit does, as `summary.group_key` names it: the words it changes, or for a
/// restyle only the marks; a quote's spacing with the quote beside the space.
fn group_key(e: &Fields<'_>, seen: &InContext, grouping: &Grouping<'_>) -> [String; 4] {
    let (code, kind) = (e.code.to_owned(), e.kind.to_owned());
    if !grouping.restyles.iter().any(|stage| stage == e.stage) {
        return [
            code,
            kind,
            seen.word_before.clone(),
            seen.word_after.clone(),
        ];
    }
    let blank = |text: &str| text.chars().all(is_space);
    if e.stage == grouping.quotes && blank(e.before) && blank(e.after) {
        let mark = |ch: Option<char>| ch.filter(|&ch| !is_alnum(ch)).map(String::from);
        let left = mark(seen.left.chars().next_back()).unwrap_or_default();
        let right = mark(seen.right.chars().next()).unwrap_or_default();
        return [
            code,
            kind,
            format!("{left}{}{right}", e.before),
            format!("{left}{}{right}", e.after),
        ];
    }
    [code, kind, e.before.to_owned(), e.after.to_owned()]
}

/// The listed edits counted by group (`summary.count_groups`): hits and the least
/// confidence (at most 1), in the order first met; a rejected edit is not counted.
#[derive(Default)]
struct Groups {
    order: Vec<Group>,
    at: FxHashMap<[String; 4], usize>,
}

impl Groups {
    fn count(&mut self, key: [String; 4], confidence: f64) {
        let least = confidence.min(1.0);
        if let Some(&k) = self.at.get(&key) {
            let group = &mut self.order[k];
            group.1 += 1;
            if confidence < group.2 {
                group.2 = confidence;
            }
            return;
        }
        self.at.insert(key.clone(), self.order.len());
        let [code, kind, before, after] = key;
        self.order.push(((code, kind, before, after), 1, least));
    }
}

/// What a report lists of a piece's edits (`stream.FileReport._list`): the indexes of those
/// it lists (in reading order, at most `room`), each one's row of the review page (its line
/// moved on by `line_shift`, its kind as `kinds` names it, the text it met `width`
/// characters either side; `fix` is `Kind.FIX`), the first listed edits' rows of report.md
/// (`markdown`), and the listed edits' groups (`grouping`).  `edits` are located in
/// `original`, in the order made.  None where one of them must be handled in Python.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // what Python holds of a piece, as the listing needs it
pub fn listed_rows(
    original: &Bound<'_, PyString>,
    edits: Vec<Bound<'_, PyAny>>,
    room: usize,
    width: usize,
    line_shift: i64,
    kinds: &Bound<'_, PyDict>,
    fix: &Bound<'_, PyAny>,
    markdown: Markdown<'_>,
    grouping: Grouping<'_>,
) -> PyResult<Option<Listing>> {
    let Ok(original) = original.to_str() else {
        return Ok(None);
    };
    let held = edits.iter().map(Held::of).collect::<PyResult<Vec<_>>>()?;
    let confidences = edits
        .iter()
        .map(|edit| field(edit, "confidence"))
        .collect::<PyResult<Vec<_>>>()?;
    let mut all = Vec::with_capacity(edits.len());
    let mut located = Vec::with_capacity(edits.len());
    for (held, confidence) in held.iter().zip(&confidences) {
        let Some(fields) = held.fields(confidence)? else {
            return Ok(None);
        };
        let (Ok(line), Ok(column)) = (usize::try_from(fields.line), usize::try_from(fields.column))
        else {
            return Ok(None);
        };
        // -1 until the runner locates the edit: Python says what then
        let Ok(at) = held.values[12].extract::<usize>() else {
            return Ok(None);
        };
        located.push(Located {
            line,
            column,
            at,
            before: fields.before,
            after: fields.after,
            fix: held.values[10].is(fix),
        });
        all.push(fields);
    }
    let chars: Vec<char> = original.chars().collect();
    let Some(listed) = in_context::listed(&chars, &located, room, width) else {
        return Ok(None);
    };
    let (mut indexes, mut rows) = (Vec::new(), Vec::new());
    let mut md_rows = Vec::new();
    let mut groups = Groups::default();
    let mut out = Vec::new();
    for (k, seen) in listed {
        let Some(letter) = kinds.get_item(&held[k].values[10])? else {
            return Ok(None);
        };
        let Some(kind) = text_of(&letter) else {
            return Ok(None);
        };
        out.clear();
        let texts = [&seen.left, &seen.right, &seen.word_before, &seen.word_after];
        page_row(
            &mut out,
            &all[k],
            all[k].line + line_shift,
            kind,
            texts.map(String::as_str),
        )
        .map_err(io_error)?;
        rows.push(written(std::mem::take(&mut out))?);
        if !held[k].values[10].is(&grouping.rejected) {
            groups.count(group_key(&all[k], &seen, &grouping), all[k].sure);
        }
        if md_rows.len() < markdown.room {
            md_rows.push(
                match md_row(&all[k], &held[k], &seen, line_shift, &markdown)? {
                    Some(row) => MdRow::Written(row),
                    None => MdRow::Left((seen.left, seen.right, seen.word_before, seen.word_after)),
                },
            );
        }
        indexes.push(k);
    }
    Ok(Some((indexes, rows, md_rows, groups.order)))
}

/// An edit's row of report.md (`markdown.edit_row`), its line moved on by `line_shift`;
/// None where Python writes it (a kind it names otherwise, a character left to it).
fn md_row(
    e: &Fields<'_>,
    held: &Held<'_>,
    seen: &InContext,
    line_shift: i64,
    markdown: &Markdown<'_>,
) -> PyResult<Option<String>> {
    let Some(kind) = markdown.kinds.get_item(&held.values[10])? else {
        return Ok(None);
    };
    let Some(kind) = text_of(&kind) else {
        return Ok(None);
    };
    let row = Row {
        line: e.line + line_shift,
        column: e.column,
        code: e.code,
        name: e.name,
        kind,
        before: e.before,
        after: e.after,
        left: &seen.left,
        right: &seen.right,
        confidence: e.sure,
    };
    Ok(markdown_row::row(&row, markdown.width))
}
