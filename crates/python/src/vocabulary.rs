//! `pipeline._core.Vocabulary`: a batch's word counts, and the candidates found against
//! them so far (a cache that lives as long as the counts stand).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard};

use pipeline_engine::candidates::Cache;
use pipeline_engine::vocabulary;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::json_text::counts_object;
use crate::{text, whole};

#[pyclass(frozen, module = "pipeline._core")]
pub struct Vocabulary {
    counts: RwLock<vocabulary::Vocabulary>,
    cache: Mutex<Cache>,
}

impl Vocabulary {
    fn of(counts: vocabulary::Vocabulary) -> Vocabulary {
        Vocabulary {
            counts: RwLock::new(counts),
            cache: Mutex::new(Cache::default()),
        }
    }

    /// The counts, to read (a poisoned lock still holds whole counts: every writer
    /// finishes its change before it can fail).
    pub fn counts(&self) -> RwLockReadGuard<'_, vocabulary::Vocabulary> {
        self.counts
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The candidates cache of these counts.
    pub fn cache(&self) -> MutexGuard<'_, Cache> {
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn change(&self, apply: impl FnOnce(&mut vocabulary::Vocabulary)) {
        let mut counts = self.counts.write().unwrap_or_else(|p| p.into_inner());
        apply(&mut counts);
        self.cache().clear();
    }
}

#[pymethods]
impl Vocabulary {
    #[new]
    fn new() -> Vocabulary {
        Vocabulary::of(vocabulary::Vocabulary::new())
    }

    /// Count the words of a text.
    fn add(&self, py: Python<'_>, text_: &Bound<'_, PyString>) {
        let text_ = whole(text_);
        let text_ = text_.as_str();
        py.detach(|| self.change(|counts| counts.add(text_)));
    }

    /// Add another batch's counts.
    fn merge(&self, py: Python<'_>, other: &Vocabulary) {
        if std::ptr::eq(self, other) {
            let copy = other.counts().clone();
            return py.detach(|| self.change(|counts| counts.merge(&copy)));
        }
        py.detach(|| {
            let other = other.counts();
            self.change(|counts| counts.merge(&other));
        });
    }

    fn word_count(&self, word: &Bound<'_, PyString>) -> u64 {
        self.counts().word_count(&text(word))
    }

    fn pair_count(&self, glued: &Bound<'_, PyString>) -> u64 {
        self.counts().pair_count(&text(glued))
    }

    /// The count a read key names (`w:word`, `p:glued`, `h:com-pound`).
    fn count(&self, key: &Bound<'_, PyString>) -> u64 {
        self.counts().count(&text(key))
    }

    /// The counts `keys` name, in order: a file's reads are counted in one call, not one
    /// each (a run's record of 600 files reads some 150,000).
    fn counts_of(&self, keys: Vec<String>) -> Vec<u64> {
        let counts = self.counts();
        keys.iter().map(|key| counts.count(key)).collect()
    }

    /// The counts `keys` name as a JSON object, keys sorted: a file's reads as its record in
    /// a run's manifest holds them (`manifest.Record`).  Looked up, sorted and written here,
    /// not built into a dict that Python sorts and encodes: that was a third of what the
    /// parent process of `run -j 2` did per file.  None where a key is no UTF-8 (the core's
    /// own keys always are).
    fn counts_json(&self, keys: Vec<Bound<'_, PyString>>) -> Option<String> {
        let keys: Vec<&str> = keys
            .iter()
            .map(|key| key.to_str().ok())
            .collect::<Option<_>>()?;
        let counts = self.counts();
        let mut found: Vec<(&str, u64)> =
            keys.iter().map(|&key| (key, counts.count(key))).collect();
        Some(counts_object(&mut found))
    }

    /// Words as written -> count.
    fn words(&self) -> HashMap<String, u64> {
        let counts = self.counts();
        counts.words().map(|(w, n)| (w.to_owned(), n)).collect()
    }

    /// Spaced pairs ("ab" for "a b") -> count.
    fn pairs(&self) -> HashMap<String, u64> {
        let counts = self.counts();
        counts.pairs().map(|(w, n)| (w.to_owned(), n)).collect()
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let bytes = py.detach(|| self.counts().to_bytes());
        PyBytes::new(py, &bytes)
    }

    /// The counts `to_bytes` wrote; ValueError for any other bytes.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Vocabulary> {
        py.detach(|| vocabulary::Vocabulary::from_bytes(data))
            .map(Vocabulary::of)
            .ok_or_else(|| PyValueError::new_err("not a vocabulary's bytes"))
    }

    fn __eq__(&self, other: &Vocabulary) -> bool {
        std::ptr::eq(self, other) || *self.counts() == *other.counts()
    }
}
