//! `pipeline._core.Joins`: the run-together engine, set up once with the lexicon and the
//! word lists; text and settings in, candidates and decisions out.

use rustc_hash::FxHashSet;

use pipeline_engine::broken_words;
use pipeline_engine::candidates::{Candidate, CapitalsLine, Finder};
use pipeline_engine::confidence::{feature_names, log_odds, probability, Document, FEATURE_COUNT};
use pipeline_engine::decision::place;
use pipeline_engine::patterns::{self, protected_spans};
use pipeline_engine::rounds::Rounds;
use pipeline_engine::scraps;
use pipeline_engine::stage::{as_configured, decide_round, Settings};
use pipeline_engine::stretches;
use pipeline_engine::text::Text;
use pipeline_engine::thresholds;
use pipeline_engine::vocabulary::Reads;
use pipeline_engine::words::WordLists;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::split_edits::Made;
use crate::vocabulary::Vocabulary;
use crate::whole;
use crate::Lexicon;

#[pyclass(frozen, module = "pipeline._core")]
pub struct Joins {
    lexicon: Py<Lexicon>,
    lists: WordLists,
}

/// A candidate as Python reads it: at, margin, kind, left, right, familiar, doubtful.
type Row = (usize, f64, &'static str, String, String, bool, bool);

fn row(candidate: &Candidate) -> Row {
    (
        candidate.at,
        candidate.margin,
        candidate.kind.name(),
        candidate.left.to_string(),
        candidate.right.to_string(),
        candidate.familiar,
        candidate.doubtful,
    )
}

/// A decision as Python reads it: at, margin, kind, left, right, applied, confidence.
type Decision = (usize, f64, &'static str, String, String, bool, f64);

/// A round's candidates, kept in the core between the search and the decision.
#[pyclass(frozen, module = "pipeline._core")]
pub struct Found {
    candidates: Vec<Candidate>,
}

#[pymethods]
impl Found {
    fn __len__(&self) -> usize {
        self.candidates.len()
    }

    /// The candidates as tuples: (at, margin, kind, left, right, familiar, doubtful).
    fn rows(&self) -> Vec<Row> {
        self.candidates.iter().map(row).collect()
    }
}

fn set(words: Vec<String>) -> FxHashSet<String> {
    words.into_iter().collect()
}

#[pymethods]
impl Joins {
    #[new]
    #[pyo3(signature = (lexicon, *, function_words, prefixes, suffixes, suffix_words, name_particles, name_prefixes, unit_suffixes, python_identifiers))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        lexicon: Py<Lexicon>,
        function_words: Vec<String>,
        prefixes: Vec<String>,
        suffixes: Vec<String>,
        suffix_words: Vec<String>,
        name_particles: Vec<String>,
        name_prefixes: Vec<String>,
        unit_suffixes: Vec<String>,
        python_identifiers: Vec<String>,
    ) -> Joins {
        let lists = WordLists {
            function_words: set(function_words),
            prefixes: set(prefixes),
            suffixes: set(suffixes),
            suffix_words: set(suffix_words),
            name_particles: set(name_particles),
            name_prefixes: set(name_prefixes),
            unit_suffixes: set(unit_suffixes),
            python_identifiers: set(python_identifiers),
            ..WordLists::default()
        };
        Joins { lexicon, lists }
    }

    /// Every candidate split point of `text` (code points) outside URLs, addresses and
    /// dotted names, as `protect` and `split` leave them, and the batch counts read
    /// (without `track`, none are noted: an empty list).
    #[pyo3(signature = (text_, vocabulary, *, protect=Vec::new(), split=Vec::new(), track=true))]
    fn candidates(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        vocabulary: &Vocabulary,
        protect: Vec<String>,
        split: Vec<String>,
        track: bool,
    ) -> (Found, Vec<String>) {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        let settings = Settings::new(protect, split);
        let (candidates, reads) = py.detach(|| {
            let finder = Finder {
                lexicon: &self.lexicon.get().inner,
                lists: &self.lists,
            };
            let counts = vocabulary.counts();
            let mut cache = vocabulary.cache();
            let mut reads = Reads::default();
            let noted = if track { Some(&mut reads) } else { None };
            let protected = protected_spans(text_);
            let lines = CapitalsLine::default();
            let found = finder.candidates(text_, &protected, &counts, &mut cache, noted, lines);
            (as_configured(&Text::new(text_), found, &settings), reads)
        });
        (
            Found { candidates },
            reads.iter().map(|key| key.to_string()).collect(),
        )
    }

    /// The stage's decisions on `text_` over every round (`pipeline_engine::rounds`), each
    /// the `Edit` that puts its space in at its place in `text_` (`split_edits`), in
    /// order; and the batch counts read (without `track`, none: an empty list).  `code`:
    /// the spans (code points, sorted) of the text's code, which no round splits.
    #[pyo3(signature = (text_, vocabulary, apply_at, made, *, protect=Vec::new(), split=Vec::new(), track=true, suggest_at=thresholds::SUGGEST_AT, code=Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn find<'py>(
        &self,
        py: Python<'py>,
        text_: &Bound<'_, PyString>,
        vocabulary: &Vocabulary,
        apply_at: f64,
        made: Made<'py>,
        protect: Vec<String>,
        split: Vec<String>,
        track: bool,
        suggest_at: f64,
        code: Vec<(usize, usize)>,
    ) -> PyResult<(Vec<Bound<'py, PyAny>>, Vec<String>)> {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        let settings = Settings::new(protect, split);
        let (placed, reads) = py.detach(|| {
            let finder = Finder {
                lexicon: &self.lexicon.get().inner,
                lists: &self.lists,
            };
            let counts = vocabulary.counts();
            let rounds = Rounds {
                finder: &finder,
                vocabulary: &counts,
                settings: &settings,
                apply_at,
                suggest_at,
                code: &code,
            };
            let mut reads = Reads::default();
            let noted = if track { Some(&mut reads) } else { None };
            let placed = rounds.decide(text_, &mut vocabulary.cache(), noted);
            (placed, reads)
        });
        let edits = made.edits(py, &placed)?;
        Ok((edits, reads.iter().map(|key| key.to_string()).collect()))
    }

    /// The decision on each candidate: (at, margin, kind, left, right, applied,
    /// confidence) for those applied (`apply_at` or more) or suggested (`suggest_at` or
    /// more); `code` is the text's code share.
    #[pyo3(signature = (text_, found, apply_at, code, suggest_at=thresholds::SUGGEST_AT))]
    fn decide(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        found: &Found,
        apply_at: f64,
        code: f64,
        suggest_at: f64,
    ) -> Vec<Decision> {
        let decided = self.in_document(py, text_, code, |document| {
            decide_round(document, found.candidates.clone(), apply_at, suggest_at)
        });
        decided
            .into_iter()
            .map(|d| {
                let (at, margin, kind, left, right, _, _) = row(&d.candidate);
                (at, margin, kind, left, right, d.fix, d.confidence)
            })
            .collect()
    }

    /// Every candidate's features for the confidence model (`FEATURES`), in order.
    fn features(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        found: &Found,
        code: f64,
    ) -> Vec<Vec<f64>> {
        self.in_document(py, text_, code, |document| {
            let places = place(document.text, &found.candidates);
            found
                .candidates
                .iter()
                .zip(places)
                .map(|(c, placed)| document.features(c, &placed).to_vec())
                .collect()
        })
    }

    /// Which of `places` (code points, each just after a space a split put in `text_`) left
    /// a scrap of a broken word beside them (`pipeline_engine::scraps`), in order.
    fn scrap_places(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        places: Vec<usize>,
    ) -> Vec<usize> {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        let lexicon = &self.lexicon.get().inner;
        py.detach(|| scraps::scrap_places(text_, &places, &self.lists, lexicon))
    }

    /// The stretches (code points, merged where they touch) of `text_` that the words stage
    /// reads again around `places` (each just after a split's space, in order): around those
    /// that part a scrap (`pipeline_engine::stretches`).
    fn scrap_stretches(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        places: Vec<usize>,
    ) -> Vec<(usize, usize)> {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        let lexicon = &self.lexicon.get().inner;
        py.detach(|| stretches::scrap_stretches(text_, &places, &self.lists, lexicon))
    }

    /// Whether the words stage finds anything in the stretches of `text_` it reads again
    /// around `places` (`scrap_stretches`), read as `pipeline.cleaning` hands them to it
    /// (`stretches::near_text`; `code`: the spans of `text_` that are code), and the batch
    /// counts the read noted.  Most such stretches hold nothing to repair: asked here, the
    /// stage's Python is spared, and it makes edits only where this finds something.
    fn words_near(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        places: Vec<usize>,
        code: Vec<(usize, usize)>,
        vocabulary: Option<&Vocabulary>,
    ) -> (bool, Vec<String>) {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        let lexicon = &self.lexicon.get().inner;
        let counts = vocabulary.map(Vocabulary::counts);
        let batch = counts.as_deref();
        py.detach(|| {
            let Some(read) = stretches::near_text(text_, &places, &code, &self.lists, lexicon)
            else {
                return (false, Vec::new());
            };
            let least = thresholds::LIGATURE_LEAST_MARGIN;
            let (found, reads) = broken_words::restorations_in(&read, lexicon, batch, least);
            (
                !found.is_empty(),
                reads.iter().map(|key| key.to_string()).collect(),
            )
        })
    }
}

impl Joins {
    /// `work` on the text as the confidence model reads it, the GIL released.
    fn in_document<T: Send>(
        &self,
        py: Python<'_>,
        text_: &Bound<'_, PyString>,
        code: f64,
        work: impl FnOnce(&Document) -> T + Send,
    ) -> T {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        py.detach(|| {
            let text = Text::new(text_);
            let document = Document {
                text: &text,
                lexicon: &self.lexicon.get().inner,
                lists: &self.lists,
                code,
            };
            work(&document)
        })
    }
}

/// The confidence model's feature names, in order.
#[pyfunction]
pub fn joins_features() -> Vec<String> {
    feature_names()
}

/// How much of a text looks like code, 0 to 1.
#[pyfunction]
pub fn code_share(py: Python<'_>, text_: &Bound<'_, PyString>) -> f64 {
    let text_ = whole(text_);
    let text_ = text_.as_str();
    py.detach(|| patterns::code_share(text_))
}

/// Whether a text reads as code (`patterns::reads_as_code`): the punctuation stage leaves
/// spaces before marks and `key:value` alone in it.
#[pyfunction]
pub fn reads_as_code(py: Python<'_>, text_: &Bound<'_, PyString>) -> bool {
    let text_ = whole(text_);
    let text_ = text_.as_str();
    py.detach(|| patterns::reads_as_code(text_))
}

/// The confidence model's probability for one candidate's features (`Joins.features`):
/// what `benchmarks/calibrate.py` tabulates.
#[pyfunction]
pub fn joins_confidence(features: Vec<f64>) -> PyResult<f64> {
    if features.len() != FEATURE_COUNT {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{} features, where the model reads {FEATURE_COUNT}",
            features.len()
        )));
    }
    Ok(probability(log_odds(&features)))
}
