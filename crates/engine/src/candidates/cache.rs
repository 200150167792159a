//! The candidates' memo: a batch repeats its tokens, so each is read once per vocabulary.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Candidate;
use crate::vocabulary::Reads;

/// A cached answer: the candidates, and the batch counts computing them read.
#[derive(Clone, Debug, Default)]
pub(super) struct Entry {
    pub(super) found: Vec<Candidate>,
    /// The keys read, one per line (one allocation, not one per key: a capitalised token
    /// reads the batch's count of each of its prefixes).
    pub(super) reads: Box<str>,
}

impl Entry {
    pub(super) fn of(found: Vec<Candidate>, reads: Reads) -> Entry {
        Entry {
            found,
            reads: reads.into_lines(),
        }
    }
}

/// Candidates by token and by letter run, for one vocabulary as it stands: a batch repeats
/// its tokens ("Kazakhstan", "Kazakhstan," and "(Kazakhstan" share a run), so each is
/// read once.  Clear it when the vocabulary changes.
#[derive(Debug, Default)]
pub struct Cache {
    pub(super) tokens: Generations,
    pub(super) runs: Generations,
    /// The plain words found so far (`Finder::plain`).
    pub(super) plain: FxHashSet<Box<str>>,
}

/// Entries kept per generation of a map: a bound on memory (two generations at most).  The
/// batch's names and glues recur across its files, far apart: over 600 damaged files a map
/// that dropped everything once it held 10,000 entries computed 66,000 tokens where one that
/// never emptied computed 42,000 (`clean` 9,875M and 9,300M instructions).  Two generations
/// of 20,000 took 9,410M, and two of 10,000 2% more than that (about half the gain), but the
/// cleaning of one 20 MB file held 12 MB less anonymous memory with 10,000 (103 MB against
/// 115 at its end; the peak RSS bar is 150 MB).
pub(super) const CACHE_TOKENS: usize = 10_000;

/// A memo that keeps what was used lately: entries go into the newer generation; when it
/// is full it becomes the older one (the older is dropped), and an entry found in the older
/// moves back into the newer.
#[derive(Debug, Default)]
pub(super) struct Generations {
    pub(super) newer: FxHashMap<Box<str>, Entry>,
    pub(super) older: FxHashMap<Box<str>, Entry>,
}

impl Generations {
    /// The entry of `key`, moved into the newer generation if it was in the older.
    pub(super) fn get(&mut self, key: &str) -> Option<&Entry> {
        if !self.newer.contains_key(key) {
            let (key, entry) = self.older.remove_entry(key)?;
            self.insert(key, entry);
        }
        self.newer.get(key)
    }

    pub(super) fn insert(&mut self, key: Box<str>, entry: Entry) {
        if self.newer.len() >= CACHE_TOKENS {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, entry);
    }

    pub(super) fn clear(&mut self) {
        self.newer.clear();
        self.older.clear();
    }
}

impl Cache {
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.runs.clear();
        self.plain.clear();
    }
}
