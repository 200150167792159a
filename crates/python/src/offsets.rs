//! `pipeline._core.Locator`: offsets in a later stage's output mapped back to the original
//! (`pipeline_engine::offsets`), a text's edits in one call.

use pipeline_engine::offsets;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

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
