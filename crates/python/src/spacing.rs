//! `pipeline._core`'s scans for the whitespace, quotes and punctuation stages: a text in,
//! the edits proposed out as tuples the Python stages make `Edit`s of; and the unicode
//! stage's finding of the lines ftfy may act on.

use rustc_hash::{FxHashMap, FxHashSet};

use pipeline_engine::plain;
use pipeline_engine::spacing::apostrophes::{Apostrophes, LostKind};
use pipeline_engine::spacing::punctuation::Punctuation;
use pipeline_engine::spacing::quotes::{self, Style};
use pipeline_engine::spacing::{whitespace, Proposal};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::{whole, Lexicon};

/// (start, end, after, rule code, confidence, detail): see `spacing::Proposal`.
type Row = (usize, usize, String, &'static str, f64, Vec<String>);

fn rows(found: Vec<Proposal>) -> Vec<Row> {
    found
        .into_iter()
        .map(|p| (p.start, p.end, p.after, p.code, p.confidence, p.detail))
        .collect()
}

/// The whitespace stage's edits of `text`: one per run not in its clean form; `detail`
/// holds the codes of the rules the run broke besides the first.
#[pyfunction]
pub fn whitespace_edits(py: Python<'_>, text: &Bound<'_, PyString>) -> Vec<Row> {
    let text = whole(text);
    let text = text.as_str();
    rows(py.detach(|| whitespace::find(text)))
}

/// The lines of `text` that hold a character ftfy may act on, as (start, end) code points,
/// each with its line break (`pipeline_engine::plain`).
#[pyfunction]
pub fn unplain_lines(py: Python<'_>, text: &Bound<'_, PyString>) -> Vec<(usize, usize)> {
    let text = whole(text);
    let text = text.as_str();
    py.detach(|| plain::unplain_lines(text))
}

/// The quotes stage's edits of `text` in `style` (`ascii`, `curly`, `keep`), spacing
/// included if `spacing`; `detail` holds the message of each.
#[pyfunction]
pub fn quote_edits(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    style: &str,
    spacing: bool,
) -> PyResult<Vec<Row>> {
    let style = Style::named(style)
        .ok_or_else(|| PyValueError::new_err(format!("unknown quote style: {style:?}")))?;
    let text = whole(text);
    let text = text.as_str();
    Ok(rows(py.detach(|| quotes::find(text, style, spacing))))
}

/// The punctuation stage's scan, set up once with the lexicon and its word lists.
#[pyclass(frozen, module = "pipeline._core")]
pub struct PunctuationScan {
    lexicon: Py<Lexicon>,
    tlds: FxHashSet<String>,
    function_words: FxHashSet<String>,
}

#[pymethods]
impl PunctuationScan {
    #[new]
    #[pyo3(signature = (lexicon, *, tlds, function_words))]
    fn new(lexicon: Py<Lexicon>, tlds: Vec<String>, function_words: Vec<String>) -> Self {
        PunctuationScan {
            lexicon,
            tlds: tlds.into_iter().collect(),
            function_words: function_words.into_iter().collect(),
        }
    }

    /// The punctuation stage's edits of `text`; `detail` holds the mark and the word
    /// (P001), the mark (P002) or the word (P003).
    fn edits(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> Vec<Row> {
        let text = whole(text);
        let text = text.as_str();
        let scan = Punctuation {
            lexicon: &self.lexicon.get().inner,
            tlds: &self.tlds,
            function_words: &self.function_words,
        };
        rows(py.detach(|| scan.find(text)))
    }
}

/// The quotes stage's scan for apostrophes an extractor dropped, set up once with the
/// lexicon and its lists (each form without its apostrophe -> where it goes).
#[pyclass(frozen, module = "pipeline._core")]
pub struct ApostropheScan {
    lexicon: Py<Lexicon>,
    listed: FxHashMap<String, usize>,
    where_shown: FxHashMap<String, usize>,
    after_its: FxHashSet<String>,
    not_after_cant: FxHashSet<String>,
}

#[pymethods]
impl ApostropheScan {
    #[new]
    #[pyo3(signature = (lexicon, *, listed, where_shown, after_its, not_after_cant))]
    fn new(
        lexicon: Py<Lexicon>,
        listed: FxHashMap<String, usize>,
        where_shown: FxHashMap<String, usize>,
        after_its: Vec<String>,
        not_after_cant: Vec<String>,
    ) -> Self {
        ApostropheScan {
            lexicon,
            listed,
            where_shown,
            after_its: after_its.into_iter().collect(),
            not_after_cant: not_after_cant.into_iter().collect(),
        }
    }

    /// Where `text` lost an apostrophe: (at, word as found, kind), kind `contraction`,
    /// `possessive` or `where-shown`, in order.
    fn lost(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
    ) -> Vec<(usize, String, &'static str)> {
        let text = whole(text);
        let text = text.as_str();
        let scan = Apostrophes {
            lexicon: &self.lexicon.get().inner,
            listed: &self.listed,
            where_shown: &self.where_shown,
            after_its: &self.after_its,
            not_after_cant: &self.not_after_cant,
        };
        py.detach(|| scan.find(text))
            .into_iter()
            .map(|lost| {
                let kind = match lost.kind {
                    LostKind::Contraction => "contraction",
                    LostKind::Possessive => "possessive",
                    LostKind::WhereShown => "where-shown",
                };
                (lost.at, lost.word, kind)
            })
            .collect()
    }
}
