//! `pipeline._core`: the engine's Python binding, and nothing else.  Types in, types out;
//! every engine error reaches Python as an exception with a message (PyO3 turns a panic
//! into `pyo3_runtime.PanicException` too, but the engine is written not to panic on
//! input).  The typed surface is `pipeline/_core.pyi`.

use std::borrow::Cow;

use pipeline_engine::{broken_words, lexicon, table, thresholds};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod hunks;
mod in_context;
mod joins;
mod json_text;
mod keys;
mod listing;
mod markdown_row;
mod offsets;
mod report_json;
mod spacing;
mod split_edits;
mod vocabulary;

use vocabulary::Vocabulary;

/// A hash of the engine's sources (see build.rs): part of `pipeline.batch.manifest.engine()`.
const SOURCE_HASH: &str = env!("PIPELINE_CORE_SOURCE_HASH");

fn value_error(error: table::TableError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// A Python string as UTF-8.  One holding a lone surrogate (the library takes any `str`)
/// cannot be UTF-8; its surrogates become U+FFFD, which no table key holds (a test checks
/// it), so it is an unknown word, as it was to the Python dicts the table replaces.
pub(crate) fn text<'a>(word: &'a Bound<'_, PyString>) -> Cow<'a, str> {
    match word.to_str() {
        Ok(borrowed) => Cow::Borrowed(borrowed),
        Err(_) => Cow::Owned(replaced_surrogates(word)),
    }
}

/// A string that holds a lone surrogate, each one U+FFFD: one character for one, so that
/// an offset into it is Python's.  (`to_string_lossy` reads a surrogate's three bytes as
/// three U+FFFD, which moved every offset after it: a hypothesis find.)  Read as UTF-32,
/// whose every unit is one character.
pub(crate) fn replaced_surrogates(value: &Bound<'_, PyString>) -> String {
    let units = value
        .call_method1("encode", ("utf-32-le", "surrogatepass"))
        .and_then(|encoded| Ok(encoded.cast::<PyBytes>()?.as_bytes().to_vec()));
    let Ok(units) = units else {
        return value.to_string_lossy().into_owned();
    };
    units
        .chunks_exact(4)
        .map(|unit| {
            let bits = u32::from_le_bytes([unit[0], unit[1], unit[2], unit[3]]);
            char::from_u32(bits).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// A whole text as UTF-8, held for one call.
pub(crate) enum Utf8<'a, 'py> {
    Borrowed(&'a str),
    Encoded(Bound<'py, PyBytes>),
    Lossy(String),
}

impl Utf8<'_, '_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Utf8::Borrowed(text) => text,
            // Python's own UTF-8 encoder wrote these bytes: they are UTF-8.
            Utf8::Encoded(bytes) => std::str::from_utf8(bytes.as_bytes()).unwrap_or_default(),
            Utf8::Lossy(text) => text,
        }
    }
}

/// Texts up to this many characters are read through the UTF-8 copy Python keeps on the
/// string once asked (`text`): a cleaning hands each piece of a file (`chunks.PIECE`, 128K
/// characters) to the core about a dozen times, and encoding it afresh each time was a
/// fortieth of `clean`'s instructions.  A longer text (a whole file's words counted) is
/// encoded for the call alone: the copy would stay as long as the string, a second copy of
/// the file.
const KEPT_UTF8: usize = 1 << 20;

/// A whole text as UTF-8: borrowed from Python's copy for a text up to `KEPT_UTF8`
/// characters, else in a copy that lives for the call.  Surrogates become U+FFFD, as in
/// `text`.
pub(crate) fn whole<'a, 'py>(value: &'a Bound<'py, PyString>) -> Utf8<'a, 'py> {
    if value.len().is_ok_and(|length| length <= KEPT_UTF8) {
        if let Ok(text) = value.to_str() {
            return Utf8::Borrowed(text);
        }
    }
    match value.encode_utf8() {
        Ok(bytes) => Utf8::Encoded(bytes),
        Err(_) => Utf8::Lossy(replaced_surrogates(value)),
    }
}

/// A restored ligature as Python reads it (see `Lexicon.broken_words`).
type LigatureRow = (
    usize,
    &'static str,
    String,
    String,
    String,
    f64,
    f64,
    Vec<usize>,
);

/// Word and word-pair probabilities (see `pipeline_engine::lexicon`).
#[pyclass(frozen, module = "pipeline._core")]
pub(crate) struct Lexicon {
    pub(crate) inner: lexicon::Lexicon,
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

    /// The lexicon in a table file of at most `limit` bytes; ValueError when it is missing,
    /// not a regular file, too large or not a table.
    #[staticmethod]
    fn open(py: Python<'_>, path: std::path::PathBuf, limit: u64) -> PyResult<Lexicon> {
        let inner = py
            .detach(|| lexicon::Lexicon::open(&path, limit))
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

    fn sizes(&self) -> (usize, usize, usize) {
        self.inner.sizes()
    }

    /// The broken words of `text` (`pipeline_engine::broken_words`), in order:
    /// (at, kind, ligature, gapped, restored, margin, confidence, gaps); kind is "inside"
    /// (the gap at `at` is replaced), "start", "end" or "hyphen" (the ligature, or a
    /// compound's hyphen, goes in at `at`), "stray" (the spaces at `gaps` are taken out) or
    /// "moved" (the text from `at` as long as `ligature` is rewritten as it); and the batch
    /// counts read.  With
    /// `vocabulary` (the batch's counts), a name the batch writes whole is read as a word;
    /// with `least_margin`, those less sure than the stage reports are kept too, down to
    /// that margin (log10 odds).
    #[pyo3(signature = (text, vocabulary=None, *, least_margin=None))]
    fn broken_words(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        vocabulary: Option<&Vocabulary>,
        least_margin: Option<f64>,
    ) -> (Vec<LigatureRow>, Vec<String>) {
        let text = whole(text);
        let text = text.as_str();
        let least = least_margin.unwrap_or(thresholds::LIGATURE_LEAST_MARGIN);
        let counts = vocabulary.map(Vocabulary::counts);
        let batch = counts.as_deref();
        let (found, reads) =
            py.detach(|| broken_words::restorations_in(text, &self.inner, batch, least));
        let reads = reads.iter().map(|key| key.to_string()).collect();
        let rows = found
            .into_iter()
            .map(|r| {
                let kind = match r.kind {
                    broken_words::GapKind::Inside => "inside",
                    broken_words::GapKind::WordStart => "start",
                    broken_words::GapKind::WordEnd => "end",
                    broken_words::GapKind::Stray => "stray",
                    broken_words::GapKind::Hyphen => "hyphen",
                    broken_words::GapKind::Moved => "moved",
                };
                let (at, ligature, gapped, word) = (r.at, r.ligature, r.gapped, r.word);
                (
                    at,
                    kind,
                    ligature,
                    gapped,
                    word,
                    r.margin,
                    r.confidence,
                    r.gaps,
                )
            })
            .collect();
        (rows, reads)
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
        .detach(|| lexicon::table_bytes(words, unigrams, bigrams))
        .map_err(value_error)?;
    Ok(PyBytes::new(py, &bytes))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SOURCE_HASH", SOURCE_HASH)?;
    m.add("EDIT_FIELDS", report_json::EDIT_FIELDS.to_vec())?;
    m.add("TABLE_MAGIC", PyBytes::new(m.py(), table::MAGIC))?;
    m.add_class::<Lexicon>()?;
    m.add_class::<vocabulary::Vocabulary>()?;
    m.add_class::<joins::Joins>()?;
    m.add_class::<joins::Found>()?;
    m.add_function(wrap_pyfunction!(joins::joins_features, m)?)?;
    m.add_function(wrap_pyfunction!(joins::joins_confidence, m)?)?;
    m.add_function(wrap_pyfunction!(joins::code_share, m)?)?;
    m.add_function(wrap_pyfunction!(joins::reads_as_code, m)?)?;
    m.add("PAIR_LEAST", pipeline_engine::lexicon::PAIR_LEAST)?;
    m.add(
        "STRETCHES_APART",
        pipeline_engine::stretches::STRETCHES_APART,
    )?;
    m.add("APPLY_AT", pipeline_engine::thresholds::APPLY_AT)?;
    m.add("FLAG_AT", pipeline_engine::thresholds::FLAG_AT)?;
    m.add("SUGGEST_AT", pipeline_engine::thresholds::SUGGEST_AT)?;
    let spaced = [
        pipeline_engine::thresholds::SPACED_COMMON_CONFIDENCE,
        pipeline_engine::thresholds::SPACED_CONFIDENCE,
    ];
    m.add("SPACED_CONFIDENCES", spaced.to_vec())?;
    let least = pipeline_engine::thresholds::LIGATURE_LEAST_MARGIN;
    m.add("LIGATURE_LEAST_MARGIN", least)?;
    use pipeline_engine::thresholds as t;
    // the restorations' confidence curves (anchor, slope): the general one, and the one for
    // a gap inside a word where the document shows lost ligatures plainly
    let shown = (t::SHOWN_LIGATURE_ANCHOR, t::SHOWN_LIGATURE_SLOPE);
    m.add(
        "LIGATURE_CURVES",
        ((t::LIGATURE_ANCHOR, t::LIGATURE_SLOPE), shown),
    )?;
    m.add("OPENING", pipeline_engine::vocabulary::OPENING)?;
    let invisibles: String = pipeline_engine::vocabulary::INVISIBLES.iter().collect();
    m.add("INVISIBLES", invisibles)?;
    m.add("MAX_ROUNDS", pipeline_engine::thresholds::MAX_ROUNDS)?;
    m.add_function(wrap_pyfunction!(build_table, m)?)?;
    m.add_function(wrap_pyfunction!(keys::fingerprints, m)?)?;
    m.add_function(wrap_pyfunction!(keys::named_edits, m)?)?;
    m.add_function(wrap_pyfunction!(keys::sha256, m)?)?;
    m.add_function(wrap_pyfunction!(spacing::whitespace_edits, m)?)?;
    m.add_function(wrap_pyfunction!(in_context::in_context, m)?)?;
    m.add_function(wrap_pyfunction!(report_json::edit_json_lines, m)?)?;
    m.add_function(wrap_pyfunction!(listing::listed_rows, m)?)?;
    m.add_function(wrap_pyfunction!(hunks::edit_hunks, m)?)?;
    m.add_function(wrap_pyfunction!(offsets::line_columns, m)?)?;
    m.add_function(wrap_pyfunction!(offsets::apply_edits, m)?)?;
    m.add_function(wrap_pyfunction!(spacing::quote_edits, m)?)?;
    m.add_function(wrap_pyfunction!(spacing::unplain_lines, m)?)?;
    m.add("SAFE_MARKS", pipeline_engine::plain::SAFE_MARKS)?;
    m.add_class::<spacing::PunctuationScan>()?;
    m.add_class::<keys::Repeats>()?;
    m.add_class::<offsets::Locator>()?;
    m.add_class::<spacing::ApostropheScan>()?;
    Ok(())
}
