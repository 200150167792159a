//! The per-edit parts of report.json and report.html, written in the core: one line of
//! report.json and one row of the review page's data for each edit.  Written field by
//! field in Python they were a third of the reports' time, which the issue holds to 15% of
//! a run.
//!
//! Each is byte for byte what the Python encoder writes (`json_report._edit_line`,
//! `html.inert_json(html.edit_row(...))`; tests compare them).  Where an edit holds
//! what only Python writes the same way (a confidence that is no finite float, an id that
//! is no string, a lone surrogate), the call answers None and the caller writes the piece
//! in Python.

use std::io::{self, Write};

use pipeline_engine::in_context::{self, Located};
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyString, PyTuple};

use crate::json_text::{float_repr, string};
use crate::markdown_row::{self, Row};

/// An edit's fields, read once from the Python object.
struct Fields<'a> {
    id: &'a str,
    line: i64,
    column: i64,
    start: i64,
    end: i64,
    before: &'a str,
    after: &'a str,
    code: &'a str,
    name: &'a str,
    stage: &'a str,
    kind: &'a str,
    /// `repr(confidence)`, which `json.dumps` writes for a float too
    confidence: String,
    /// The confidence itself
    sure: f64,
    message: &'a str,
}

/// A string attribute as UTF-8; None for what is no `str` or holds a lone surrogate.
fn text_of<'a>(value: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    value.cast::<PyString>().ok()?.to_str().ok()
}

/// The attributes an edit is written from, held while its fields are borrowed.
struct Held<'py> {
    values: [Bound<'py, PyAny>; 13],
}

/// `pipeline.edits.Edit`'s fields in their order (`Edit._fields`; a test holds the two
/// together): an edit is read by place, as the tuple it is.
pub const EDIT_FIELDS: [&str; 12] = [
    "start",
    "end",
    "before",
    "after",
    "rule",
    "confidence",
    "message",
    "kind",
    "line",
    "column",
    "id",
    "offset",
];

/// The place of a field in an `Edit` (`EDIT_FIELDS`), found when the core is compiled: a
/// name it lacks stops the build (the panic is the compiler's, never a run's).
pub(crate) const fn place(name: &str) -> usize {
    let mut at = 0;
    while at < EDIT_FIELDS.len() {
        if same(EDIT_FIELDS[at].as_bytes(), name.as_bytes()) {
            return at;
        }
        at += 1;
    }
    panic!("no such field of an Edit")
}

/// Byte-wise equality, as a `const fn` may ask it.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// An edit's field by name: by place where it is an `Edit`'s tuple of 12 (an attribute
/// lookup per field was a fifth of these writers' time), else as an attribute.
pub(crate) fn field<'py>(edit: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    match EDIT_FIELDS.iter().position(|&field| field == name) {
        Some(at) => field_at(edit, at),
        None => edit.getattr(name),
    }
}

/// An edit's field by its place in `EDIT_FIELDS` (`place`): read by place where the edit is
/// an `Edit`'s tuple, else as the attribute of that name.
pub(crate) fn field_at<'py>(edit: &Bound<'py, PyAny>, at: usize) -> PyResult<Bound<'py, PyAny>> {
    match edit.cast::<PyTuple>() {
        Ok(tuple) if tuple.len() == EDIT_FIELDS.len() => tuple.get_item(at),
        _ => edit.getattr(EDIT_FIELDS[at]),
    }
}

impl<'py> Held<'py> {
    fn of(edit: &Bound<'py, PyAny>) -> PyResult<Held<'py>> {
        let py = edit.py();
        let rule = field(edit, "rule")?;
        Ok(Held {
            values: [
                field(edit, "id")?,
                field(edit, "line")?,
                field(edit, "column")?,
                field(edit, "start")?,
                field(edit, "end")?,
                field(edit, "before")?,
                field(edit, "after")?,
                rule.getattr(intern!(py, "code"))?,
                rule.getattr(intern!(py, "name"))?,
                rule.getattr(intern!(py, "stage"))?,
                field(edit, "kind")?,
                field(edit, "message")?,
                field(edit, "offset")?,
            ],
        })
    }

    /// The fields, or None where Python must write the edit (see the module's docs).
    fn fields(&self, confidence: &Bound<'_, PyAny>) -> PyResult<Option<Fields<'_>>> {
        let [id, line, column, start, end, before, after, code, name, stage, kind, message, _] =
            &self.values;
        let Ok(value) = confidence.cast_exact::<PyFloat>() else {
            return Ok(None);
        };
        if !value.value().is_finite() {
            return Ok(None);
        }
        let texts = [id, before, after, code, name, stage, kind, message].map(text_of);
        let [Some(id), Some(before), Some(after), Some(code), Some(name), Some(stage), Some(kind), Some(message)] =
            texts
        else {
            return Ok(None);
        };
        Ok(Some(Fields {
            id,
            line: line.extract()?,
            column: column.extract()?,
            start: start.extract()?,
            end: end.extract()?,
            before,
            after,
            code,
            name,
            stage,
            kind,
            sure: value.value(),
            confidence: match float_repr(value.value()) {
                Some(written) => written,
                None => value.repr()?.to_str()?.to_owned(),
            },
            message,
        }))
    }
}

/// One edit's line of report.json (`json_report._edit_line`).
fn json_line(out: &mut Vec<u8>, shown_path: &str, e: &Fields<'_>) -> io::Result<()> {
    out.extend_from_slice(b"{\"id\": ");
    string(out, e.id, false)?;
    write!(
        out,
        ", \"path\": {shown_path}, \"line\": {}, \"column\": {}, \"start\": {}, \"end\": {}, \"before\": ",
        e.line, e.column, e.start, e.end
    )?;
    for (key, value) in [
        ("", e.before),
        (", \"after\": ", e.after),
        (", \"rule\": ", e.code),
        (", \"name\": ", e.name),
        (", \"stage\": ", e.stage),
        (", \"kind\": ", e.kind),
    ] {
        out.extend_from_slice(key.as_bytes());
        string(out, value, false)?;
    }
    write!(out, ", \"confidence\": {}, \"message\": ", e.confidence)?;
    string(out, e.message, false)?;
    out.push(b'}');
    Ok(())
}

fn written(out: Vec<u8>) -> PyResult<String> {
    // serde_json and the formatters above write UTF-8 from `&str`s only
    String::from_utf8(out).map_err(|error| PyValueError::new_err(error.to_string()))
}

fn io_error(error: io::Error) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The edits' lines of report.json joined by `,\n`, as UTF-8 (`shown_path` is the file's
/// path as JSON already); None where one of them must be written in Python.
#[pyfunction]
pub fn edit_json_lines<'py>(
    py: Python<'py>,
    shown_path: &Bound<'py, PyString>,
    edits: Vec<Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let Ok(shown_path) = shown_path.to_str() else {
        return Ok(None); // a lone surrogate: Python writes it (escaped)
    };
    let mut out = Vec::new();
    for (k, edit) in edits.iter().enumerate() {
        let held = Held::of(edit)?;
        let confidence = field(edit, "confidence")?;
        let Some(fields) = held.fields(&confidence)? else {
            return Ok(None);
        };
        if k > 0 {
            out.extend_from_slice(b",\n");
        }
        json_line(&mut out, shown_path, &fields).map_err(io_error)?;
    }
    Ok(Some(PyBytes::new(py, &out)))
}

/// One edit's row of the review page (`html.edit_row`, as `html.inert_json` writes it);
/// `seen` is the text it met (`summary.InContext`: left, right, word before, word after).
fn page_row(
    out: &mut Vec<u8>,
    e: &Fields<'_>,
    line: i64,
    kind: &str,
    seen: [&str; 4],
) -> io::Result<()> {
    out.push(b'[');
    string(out, e.id, true)?;
    write!(out, ",{line},{},", e.column)?;
    string(out, e.code, true)?;
    out.push(b',');
    string(out, kind, true)?;
    write!(out, ",{},", e.confidence)?;
    for value in [e.before, e.after].into_iter().chain(seen) {
        string(out, value, true)?;
        out.push(b',');
    }
    string(out, e.message, true)?;
    out.push(b']');
    Ok(())
}

/// The text an edit met (`summary.InContext`): left, right, word before, word after.
type Seen = (String, String, String, String);

/// What `listed_rows` gives: the edits listed, the text each met, each one's row of the
/// review page, and the first ones' rows of report.md (None: left to Python).
type Listing = (Vec<usize>, Vec<Seen>, Vec<String>, Vec<Option<String>>);

/// What report.md lists of a piece (`stream.FileReport._list`): how many rows it still
/// wants, how it names each kind (`markdown.KIND_SHOWN`), and how many characters of
/// context either side (`markdown.CONTEXT`).
#[derive(FromPyObject)]
pub struct Markdown<'py> {
    room: usize,
    kinds: Bound<'py, PyDict>,
    width: usize,
}

/// What a report lists of a piece's edits (`stream.FileReport._list`): the indexes of those
/// it lists (in reading order, at most `room`), the text each met (`width` characters either
/// side) and its row of the review page (its line moved on by `line_shift`, its kind as
/// `kinds` names it; `fix` is `Kind.FIX`).  `edits` are located in `original`, in the order
/// made.  With them the first listed edits' rows of report.md (`markdown`).  None where one
/// of them must be handled in Python.
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
    let (mut indexes, mut seens, mut rows) = (Vec::new(), Vec::new(), Vec::new());
    let mut md_rows = Vec::new();
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
        if md_rows.len() < markdown.room {
            md_rows.push(md_row(&all[k], &held[k], &seen, line_shift, &markdown)?);
        }
        indexes.push(k);
        seens.push((seen.left, seen.right, seen.word_before, seen.word_after));
    }
    Ok(Some((indexes, seens, rows, md_rows)))
}

/// An edit's row of report.md (`markdown.edit_row`), its line moved on by `line_shift`;
/// None where Python writes it (a kind it names otherwise, a character left to it).
fn md_row(
    e: &Fields<'_>,
    held: &Held<'_>,
    seen: &in_context::InContext,
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
