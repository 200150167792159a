//! `pipeline._core`: the engine's Python binding, and nothing else.  Types in, types out;
//! every engine error reaches Python as an exception with a message (PyO3 turns a panic
//! into `pyo3_runtime.PanicException` too, but the engine is written not to panic on
//! input).  The typed surface is `pipeline/_core.pyi`.

use std::borrow::Cow;

use pipeline_engine::{layout, lexicon, segment, table};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// A hash of the engine's sources (see build.rs): part of `pipeline.manifest.engine()`.
const SOURCE_HASH: &str = env!("PIPELINE_CORE_SOURCE_HASH");

fn value_error(error: table::TableError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// A Python string as UTF-8.  One holding a lone surrogate (the library takes any `str`)
/// cannot be UTF-8; its surrogates become U+FFFD, which no table key holds (a test checks
/// it), so it is an unknown word, as it was to the Python dicts the table replaces.
fn text<'a>(word: &'a Bound<'_, PyString>) -> Cow<'a, str> {
    match word.to_str() {
        Ok(borrowed) => Cow::Borrowed(borrowed),
        Err(_) => Cow::Owned(word.to_string_lossy().into_owned()),
    }
}

/// Word and word-pair probabilities (see `pipeline_engine::lexicon`).
#[pyclass(frozen, module = "pipeline._core")]
struct Lexicon {
    inner: lexicon::Lexicon,
}

#[pymethods]
impl Lexicon {
    /// The lexicon in a table's bytes; ValueError when they are not a table.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Lexicon> {
        let inner = py
            .detach(|| lexicon::Lexicon::from_bytes(data))
            .map_err(value_error)?;
        Ok(Lexicon { inner })
    }

    fn logp(&self, word: &Bound<'_, PyString>) -> Option<f64> {
        self.inner.logp(&text(word))
    }

    fn frequency(&self, word: &Bound<'_, PyString>) -> Option<f64> {
        self.inner.frequency(&text(word))
    }

    fn known(&self, word: &Bound<'_, PyString>) -> bool {
        self.inner.known(&text(word))
    }

    fn zipf(&self, word: &Bound<'_, PyString>) -> f64 {
        self.inner.zipf(&text(word))
    }

    fn later_part_logp(&self, part: &Bound<'_, PyString>) -> Option<f64> {
        self.inner.later_part_logp(&text(part))
    }

    fn cond(&self, first: &Bound<'_, PyString>, second: &Bound<'_, PyString>) -> f64 {
        self.inner.cond(&text(first), &text(second))
    }

    fn words_at_least(&self, py: Python<'_>, least: f64) -> Vec<String> {
        py.detach(|| self.inner.words_at_least(least))
    }

    fn sizes(&self) -> (usize, usize, usize) {
        self.inner.sizes()
    }
}

/// The best reading of letter runs as words (see `pipeline_engine::segment`), with the
/// lexicon and the tuned numbers it was made with.
#[pyclass(frozen, module = "pipeline._core")]
struct Segmenter {
    lexicon: Py<Lexicon>,
    costs: segment::Costs,
}

#[pymethods]
impl Segmenter {
    #[new]
    #[pyo3(signature = (lexicon, *, split_cost, name_logp, name_per_letter, name_tail_zipf, max_parts, max_part_letters))]
    fn new(
        lexicon: Py<Lexicon>,
        split_cost: f64,
        name_logp: f64,
        name_per_letter: f64,
        name_tail_zipf: f64,
        max_parts: usize,
        max_part_letters: usize,
    ) -> Segmenter {
        let costs = segment::Costs {
            split_cost,
            name_logp,
            name_per_letter,
            name_tail_zipf,
            max_parts,
            max_part_letters,
        };
        Segmenter { lexicon, costs }
    }

    /// The cuts (in code points) and the score of `run`'s best reading as words;
    /// `word_count(name)` is asked how often the batch writes a name as it is.
    fn segment(
        &self,
        run: &Bound<'_, PyString>,
        word_count: &Bound<'_, PyAny>,
    ) -> PyResult<(Vec<usize>, f64)> {
        let mut segmenter = segment::Segmenter {
            lexicon: &self.lexicon.get().inner,
            costs: self.costs,
            word_count: |name: &str| word_count.call1((name,))?.extract::<u64>(),
        };
        segmenter.segment(&text(run))
    }
}

/// The line-layout search (see `pipeline_engine::layout`), with its tuned numbers.
#[pyclass(frozen, module = "pipeline._core")]
struct Layout {
    shape: layout::Shape,
}

#[pymethods]
impl Layout {
    #[new]
    #[pyo3(signature = (*, short_first_line, short_first_share, line_flat, line_sigma, line_below, line_above, support_cap))]
    fn new(
        short_first_line: i64,
        short_first_share: f64,
        line_flat: i64,
        line_sigma: f64,
        line_below: i64,
        line_above: i64,
        support_cap: f64,
    ) -> Layout {
        let shape = layout::Shape {
            short_first_line,
            short_first_share,
            line_flat,
            line_sigma,
            line_below,
            line_above,
            support_cap,
        };
        Layout { shape }
    }

    /// The glue points on the likeliest layout of one paragraph, in order, and with
    /// `support` each glue point's support from the layouts (log10 odds; else empty).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (start, end, spaces, glues, width, glue_rate, *, support))]
    fn search(
        &self,
        start: i64,
        end: i64,
        spaces: Vec<i64>,
        glues: Vec<(i64, f64)>,
        width: i64,
        glue_rate: f64,
        support: bool,
    ) -> (Vec<i64>, Vec<(i64, f64)>) {
        let paragraph = layout::Paragraph {
            start,
            end,
            spaces: &spaces,
            glues: &glues,
            width,
            glue_rate,
        };
        if support {
            layout::support(&self.shape, &paragraph)
        } else {
            (layout::best_breaks(&self.shape, &paragraph), Vec::new())
        }
    }
}

/// A table file's bytes from its maps' entries (words, unigrams, bigrams); any order in,
/// the same bytes out.
#[pyfunction]
fn build_table<'py>(
    py: Python<'py>,
    words: Vec<(String, f64)>,
    unigrams: Vec<(String, f64)>,
    bigrams: Vec<(String, f64)>,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py
        .detach(|| table::build([words, unigrams, bigrams]))
        .map_err(value_error)?;
    Ok(PyBytes::new(py, &bytes))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SOURCE_HASH", SOURCE_HASH)?;
    m.add("TABLE_MAGIC", PyBytes::new(m.py(), table::MAGIC))?;
    m.add_class::<Lexicon>()?;
    m.add_class::<Segmenter>()?;
    m.add_class::<Layout>()?;
    m.add_function(wrap_pyfunction!(build_table, m)?)?;
    Ok(())
}
