//! `pipeline._core.Locator`: offsets in a later stage's output mapped back to the original
//! (`pipeline_engine::offsets`), a text's edits in one call.

use pipeline_engine::offsets::{self, Unapplied};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::report_json::{field, field_at, place};

/// A cleaning's stages, as their applied edits left the text: `pipeline.edits.Locator`.
#[pyclass(module = "pipeline._core")]
#[derive(Default)]
pub struct Locator {
    inner: offsets::Locator,
}

#[pymethods]
impl Locator {
    #[new]
    fn new() -> Locator {
        Locator::default()
    }

    /// A stage applied `fixes`: (start, end, length of the replacement), in text order.
    fn push(&mut self, fixes: Vec<(usize, usize, usize)>) {
        self.inner.push(&fixes);
    }

    /// `apply_edits(text, edits, fix)`, its fixes recorded as `push` records them; None
    /// where the core cannot hold the text or an edit (the caller applies them then).
    fn apply(
        &mut self,
        text: &Bound<'_, PyString>,
        edits: Vec<Bound<'_, PyAny>>,
        fix: &Bound<'_, PyAny>,
    ) -> PyResult<Option<String>> {
        let Some((out, layer)) = applied(text, &edits, fix)? else {
            return Ok(None);
        };
        self.inner.push(&layer);
        Ok(Some(out))
    }

    /// Where `offset` lies in the original.
    fn original(&self, offset: usize) -> usize {
        self.inner.original(offset)
    }

    /// Where each of `offsets` lies in the original.
    fn originals(&self, offsets: Vec<usize>) -> Vec<usize> {
        offsets
            .into_iter()
            .map(|offset| self.inner.original(offset))
            .collect()
    }
}

/// The 1-based line and column of each of `offsets` in `text` (`edits.LineIndex`), in one
/// call.  A text with a lone surrogate, which UTF-8 cannot hold, is read as Python's
/// `surrogatepass` writes it: a code point all the same.
#[pyfunction]
pub fn line_columns(
    text: &Bound<'_, PyString>,
    offsets: Vec<usize>,
) -> PyResult<Vec<(usize, usize)>> {
    if let Ok(text) = text.to_str() {
        return Ok(offsets::line_columns(text.as_bytes(), &offsets));
    }
    let passed = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes = passed.cast::<PyBytes>()?;
    Ok(offsets::line_columns(bytes.as_bytes(), &offsets))
}

/// `text` with the fixes among `edits` applied (`pipeline.edits.apply_edits`): those whose
/// kind is `fix` (`Kind.FIX`), in text order (sorted by start, then end, stably), each of
/// its span, which must hold its `before` and start where the one before it ended or
/// later.  None where the core cannot hold the text or an edit (a lone surrogate, an
/// offset that is no count): the caller applies them in Python then.
#[pyfunction]
pub fn apply_edits(
    text: &Bound<'_, PyString>,
    edits: Vec<Bound<'_, PyAny>>,
    fix: &Bound<'_, PyAny>,
) -> PyResult<Option<String>> {
    Ok(applied(text, &edits, fix)?.map(|(out, _)| out))
}

/// The places in an `Edit` of the fields a fix is applied by.
const START: usize = place("start");
const END: usize = place("end");
const BEFORE: usize = place("before");
const AFTER: usize = place("after");
const KIND: usize = place("kind");

/// A fix among a stage's edits, held while its strings are borrowed.
struct Held<'py> {
    start: usize,
    end: usize,
    before: Bound<'py, PyString>,
    after: Bound<'py, PyString>,
    /// its place among the edits
    edit: usize,
}

/// The text `apply_edits` gives, and the layer `Locator.push` records of the fixes: (start,
/// end, the replacement's length in code points).
type Applied = (String, Vec<(usize, usize, usize)>);

fn applied<'py>(
    text: &Bound<'py, PyString>,
    edits: &[Bound<'py, PyAny>],
    fix: &Bound<'py, PyAny>,
) -> PyResult<Option<Applied>> {
    let Ok(text) = text.to_str() else {
        return Ok(None);
    };
    let mut held = Vec::new();
    for (place, edit) in edits.iter().enumerate() {
        if !field_at(edit, KIND)?.is(fix) {
            continue;
        }
        let (Ok(start), Ok(end)) = (
            field_at(edit, START)?.extract::<usize>(),
            field_at(edit, END)?.extract::<usize>(),
        ) else {
            return Ok(None);
        };
        let (Ok(before), Ok(after)) = (
            field_at(edit, BEFORE)?.cast_into::<PyString>(),
            field_at(edit, AFTER)?.cast_into::<PyString>(),
        ) else {
            return Ok(None);
        };
        held.push(Held {
            start,
            end,
            before,
            after,
            edit: place,
        });
    }
    held.sort_by_key(|fix| (fix.start, fix.end));
    let mut fixes = Vec::with_capacity(held.len());
    for fix in &held {
        let (Ok(before), Ok(after)) = (fix.before.to_str(), fix.after.to_str()) else {
            return Ok(None);
        };
        fixes.push((fix.start, fix.end, before, after));
    }
    match offsets::apply(text, &fixes) {
        Ok(out) => {
            let layer = fixes
                .iter()
                .map(|&(start, end, _, after)| (start, end, after.chars().count()))
                .collect();
            Ok(Some((out, layer)))
        }
        Err(refused) => Err(refusal(&refused, &held, edits)?),
    }
}

/// The error Python's `apply_edits` raises for a refused fix.
fn refusal(refused: &Unapplied, held: &[Held], edits: &[Bound<'_, PyAny>]) -> PyResult<PyErr> {
    let (Unapplied::Overlaps(index) | Unapplied::Mismatch(index)) = *refused;
    let fix = &held[index];
    let code = field(&edits[fix.edit], "rule")?.getattr("code")?;
    let message = match refused {
        Unapplied::Overlaps(_) => format!("overlapping edits at offset {} ({code})", fix.start),
        Unapplied::Mismatch(_) => format!("edit {code} at {} does not match its text", fix.start),
    };
    Ok(PyValueError::new_err(message))
}
