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

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyString, PyTuple};

use crate::json_text::{float_repr, string};

/// An edit's fields, read once from the Python object.
pub(crate) struct Fields<'a> {
    pub(crate) id: &'a str,
    pub(crate) line: i64,
    pub(crate) column: i64,
    pub(crate) start: i64,
    pub(crate) end: i64,
    pub(crate) before: &'a str,
    pub(crate) after: &'a str,
    pub(crate) code: &'a str,
    pub(crate) name: &'a str,
    pub(crate) stage: &'a str,
    pub(crate) kind: &'a str,
    /// `repr(confidence)`, which `json.dumps` writes for a float too
    pub(crate) confidence: String,
    /// The confidence itself
    pub(crate) sure: f64,
    pub(crate) message: &'a str,
}

/// A string attribute as UTF-8; None for what is no `str` or holds a lone surrogate.
pub(crate) fn text_of<'a>(value: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    value.cast::<PyString>().ok()?.to_str().ok()
}

/// The attributes an edit is written from, held while its fields are borrowed.
pub(crate) struct Held<'py> {
    pub(crate) values: [Bound<'py, PyAny>; 13],
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
    pub(crate) fn of(edit: &Bound<'py, PyAny>) -> PyResult<Held<'py>> {
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
    pub(crate) fn fields(&self, confidence: &Bound<'_, PyAny>) -> PyResult<Option<Fields<'_>>> {
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

pub(crate) fn written(out: Vec<u8>) -> PyResult<String> {
    // serde_json and the formatters above write UTF-8 from `&str`s only
    String::from_utf8(out).map_err(|error| PyValueError::new_err(error.to_string()))
}

pub(crate) fn io_error(error: io::Error) -> PyErr {
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
pub(crate) fn page_row(
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
