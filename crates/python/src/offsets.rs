//! `pipeline._core.Locator`: offsets in a later stage's output mapped back to the original
//! (`pipeline_engine::offsets`), a text's edits in one call.

use pipeline_engine::offsets;
use pyo3::prelude::*;

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
