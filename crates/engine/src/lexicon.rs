//! Word and word-pair probabilities, read from a table built from the packages that ship
//! them: unigram frequencies from wordfreq's large English list (tokenised properly, so
//! "cannot" is one word), conditional pair probabilities from wordsegment's web bigrams.
//! Both count some glued pairs as words ("ofthe"), which is why a split is judged by
//! comparing the pair with the whole, never by membership.
//!
//! Every answer is what `pipeline`'s Python lexicon computed from the packages, to the
//! bit: the same values, the same `log10` (the C library's, in both).

use std::cell::RefCell;
use std::fs;
use std::path::Path;

use crate::table::{self, At, Entries, TableError, WordMap};
use crate::thresholds::{SCRAP_LETTERS, SCRAP_LOGP};

/// A table file mapped into memory, read only.
#[allow(unsafe_code)]
fn map(file: &fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: a mapping is sound while no one changes the file under it.  The files mapped
    // here are word tables in pipeline's cache, which pipeline writes only by renaming a
    // complete new file over the old name (`pipeline.files.write_atomic`): the file this
    // mapping holds is never written in place, only unlinked, and an unlinked file's pages
    // stay as they were while mapped.  The bytes are only read, once their checksum has
    // been verified (`table::read_held`).
    unsafe { memmap2::Mmap::map(file) }
}

/// A table file's bytes from the packages' entries: words -> frequency, words -> count,
/// pairs -> count; its list is drawn from the first (`broken_words::ligature_words`).
pub fn table_bytes(
    words: Entries,
    unigrams: Entries,
    bigrams: Entries,
) -> Result<Vec<u8>, TableError> {
    let ligature_words = crate::broken_words::ligature_words(&words);
    table::build([words, unigrams, bigrams], ligature_words)
}

/// What `cond_bounded` reads of a pair the table lacks after a first word counted `count`
/// times: the second word's log10 p (`value`) backed off, at most what the least counted
/// pair would give.
fn bounded(value: f64, count: f64) -> f64 {
    (value + backoff()).min(pair_logp(PAIR_LEAST, count))
}

/// log10 of the backoff for a pair the bigram table lacks ("stupid backoff").
pub fn backoff() -> f64 {
    0.4f64.log10()
}

thread_local! {
    static PAIR_KEY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `read` of the pair table's key of `first` and `second` (`first second`), built in a
/// buffer the thread keeps (a fresh one if it is in use).
fn with_pair_key<T>(first: &str, second: &str, read: impl Fn(&str) -> T) -> T {
    let build = |key: &mut String| {
        key.clear();
        key.push_str(first);
        key.push(' ');
        key.push_str(second);
        read(key)
    };
    PAIR_KEY.with(|held| match held.try_borrow_mut() {
        Ok(mut key) => build(&mut key),
        Err(_) => build(&mut String::new()),
    })
}

/// log10 P(second | first) from the pair's count and the first word's: at most 0, a
/// probability being at most 1 (wordsegment's counts never say more; `segment` relies on
/// it, every word that follows lowering a reading's score).
fn pair_logp(pair: f64, count: f64) -> f64 {
    (pair / count).log10().min(0.0)
}

/// The least count of a pair in the pair table: wordsegment keeps the pairs counted this
/// often or more (a test reads the table's least).
pub const PAIR_LEAST: f64 = 100_000.0;
/// What `cond` gives a second word the lexicon does not know.
pub const UNKNOWN_COND: f64 = -12.0;
/// zipf = log10 frequency + 9 (per billion words), wordfreq's scale.
pub const ZIPF_OFFSET: f64 = 9.0;

/// The zipf of a word whose frequency the word list gives as `frequency` (`Lexicon::zipf`;
/// of a prefix walk's answers, `Lexicon::prefix_frequencies`): 0 for a word it lacks.
pub fn zipf_of(frequency: Option<f64>) -> f64 {
    frequency
        .filter(|frequency| *frequency != 0.0)
        .map(f64::log10)
        .map_or(0.0, |value| value + ZIPF_OFFSET)
}

/// log10 probabilities of lower-case words and word pairs.
pub struct Lexicon {
    words: WordMap,    // word -> frequency (wordfreq)
    unigrams: WordMap, // word -> count (wordsegment)
    bigrams: WordMap,  // "first second" -> count (wordsegment)
    /// The words that hold a ligature, with their frequency
    /// (`broken_words::ligature_words`).
    pub(crate) ligature_words: Entries,
    /// The common ones indexed, on first use (`broken_words`).
    pub(crate) ligature_index: std::sync::OnceLock<crate::broken_words::Index>,
    /// The rarer ones indexed, on first use: only a document that shows lost ligatures
    /// plainly reads them, so a clean text's cleaning never builds it.
    pub(crate) rare_ligature_index: std::sync::OnceLock<crate::broken_words::Index>,
}

impl Lexicon {
    /// The lexicon in a table file's bytes (see `table`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Lexicon, TableError> {
        table::read(bytes).map(Lexicon::of_table)
    }

    /// The lexicon of a table's maps, in their order in the file, and its list.
    fn of_table(table: table::Table) -> Lexicon {
        let [words, unigrams, bigrams] = table.maps;
        let ligature_words = table.list;
        Lexicon {
            words,
            unigrams,
            bigrams,
            ligature_words,
            ligature_index: std::sync::OnceLock::new(),
            rare_ligature_index: std::sync::OnceLock::new(),
        }
    }

    /// The lexicon in a table file: a regular file of at most `limit` bytes (the type is
    /// asked first, so a FIFO put in its place is refused rather than waited on), mapped
    /// rather than read: opening it costs no copy of the file, and the processes of a
    /// run share its pages.
    pub fn open(path: &Path, limit: u64) -> Result<Lexicon, TableError> {
        let unreadable = |why: String| TableError::Unreadable(format!("{}: {why}", path.display()));
        let status = fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
        if !status.is_file() {
            return Err(unreadable("not a regular file".into()));
        }
        let file = fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
        let mapped = map(&file).map_err(|e| unreadable(e.to_string()))?;
        // the size as mapped, not as first asked: the file may have been replaced between
        if mapped.len() as u64 > limit {
            return Err(unreadable(format!("larger than {limit} bytes")));
        }
        table::read_held(table::Bytes::Mapped(mapped)).map(Lexicon::of_table)
    }

    /// log10 frequency of a lower-case word, or None if the list lacks it.
    pub fn logp(&self, word: &str) -> Option<f64> {
        self.words
            .get(word)
            .filter(|frequency| *frequency != 0.0)
            .map(f64::log10)
    }

    /// The word's frequency as wordfreq gives it, if it is listed.
    pub fn frequency(&self, word: &str) -> Option<f64> {
        self.words.get(word)
    }

    /// `frequency` of every prefix of `text`: item `k` is that of its first `k` characters
    /// (one walk of the word list, not one lookup per prefix).
    pub fn prefix_frequencies(&self, text: &str) -> Vec<Option<f64>> {
        self.words.prefix_values(text)
    }

    /// `prefix_frequencies` into `values`, a buffer the caller keeps.
    pub fn prefix_frequencies_into(&self, text: &str, values: &mut Vec<Option<f64>>) {
        self.words.values_after_into(&[], text, values, |_| true);
    }

    /// Where a walk of the word list stands after `word`, if a word goes on so: a word's
    /// closings-up with the pieces after it are walked on from there (`word_at_after`),
    /// where reading each from the start read the word again for each.
    pub fn word_at(&self, word: &str) -> Option<At> {
        self.words.at(word)
    }

    /// Where a walk of the word list stands after `piece` from `at`.
    pub fn word_at_after(&self, at: At, piece: &str) -> Option<At> {
        self.words.walk_on(at, piece)
    }

    /// The frequency of the word a walk ends at, if it is one.
    pub fn frequency_at(&self, at: At) -> Option<f64> {
        self.words.value_at(at)
    }

    /// Whether the word list holds the word.
    pub fn known(&self, word: &str) -> bool {
        self.words.get(word).is_some()
    }

    /// wordfreq's zipf of a word, 0 for a word it lacks.
    pub fn zipf(&self, word: &str) -> f64 {
        zipf_of(self.frequency(word))
    }

    /// log10 p of a lower-case word as a split's second or later part, or None where it
    /// cannot be one: one letter other than a (a lower-case `i` is no word in edited prose:
    /// `whatidid` is no glue of `what i did`), or a rare scrap of two letters.
    pub fn later_part_logp(&self, part: &str) -> Option<f64> {
        let value = self.logp(part)?;
        let letters = part.chars().count();
        let lone_letter = letters == 1 && part != "a";
        if letters <= SCRAP_LETTERS && (value <= SCRAP_LOGP || lone_letter) {
            return None;
        }
        Some(value)
    }

    /// `later_part_logp` of every prefix of `text` into `values` (a buffer the caller keeps,
    /// rewritten in place): item `k` is that of its first `k` characters (one walk of the
    /// word list, not one lookup per prefix).
    pub fn later_part_logps_into(&self, text: &str, values: &mut Vec<Option<f64>>) {
        let first = text.chars().next();
        let lone_letter = first != Some('a');
        self.prefix_frequencies_into(text, values);
        for (letters, slot) in values.iter_mut().enumerate() {
            *slot = slot.filter(|f| *f != 0.0).map(f64::log10).filter(|&value| {
                !(letters <= SCRAP_LETTERS
                    && (value <= SCRAP_LOGP || (letters == 1 && lone_letter)))
            });
        }
    }

    /// `cond(first, second)` for every prefix `second` of `text` that is a later part,
    /// given `later_part_logps_into(text)` (`later`), into `pairs`: item `k` for the first
    /// `k` characters (None where that prefix is no later part).  One walk of the pair
    /// table for them all, into a buffer the caller keeps.
    pub fn conds_after_into(
        &self,
        first: &str,
        text: &str,
        later: &[Option<f64>],
        pairs: &mut Vec<Option<f64>>,
    ) {
        let count = self.unigrams.get(first).filter(|n| *n != 0.0);
        if count.is_none() {
            // no pair is read without the first word's count: each later part stands alone
            pairs.clear();
            pairs.extend_from_slice(later);
            return;
        }
        // a pair's count is read only where its second word is a later part
        let wanted = |k: usize| later.get(k).is_some_and(Option::is_some);
        self.bigrams
            .values_after_into(&[first, " "], text, pairs, wanted);
        for (slot, value) in pairs.iter_mut().zip(later) {
            *slot = value.map(|value| match (slot.filter(|n| *n != 0.0), count) {
                (Some(pair), Some(count)) => pair_logp(pair, count),
                (_, count) => value + if count.is_some() { backoff() } else { 0.0 },
            });
        }
        pairs.truncate(later.len());
    }

    /// log10 P(second | first), backing off to the unigram of `second`.
    pub fn cond(&self, first: &str, second: &str) -> f64 {
        self.cond_with(first, second, |value, _| value + backoff())
    }

    /// `cond`, where the pair table lacks the pair, at most what its least counted pair
    /// would give (`PAIR_LEAST`): the table keeps only pairs counted that often, so an
    /// absent one was counted less.  Backing off to the second word alone overstates an
    /// absent pair whose second word is very common (`les a` read likelier than the
    /// counted `files a`, as `a` is common and the French `les` has no English pairs).
    pub fn cond_bounded(&self, first: &str, second: &str) -> f64 {
        self.cond_with(first, second, bounded)
    }

    /// `cond_bounded`, where the caller has read `second`'s `logp` already.
    pub fn cond_bounded_given(&self, first: &str, second: &str, logp: Option<f64>) -> f64 {
        let count = self.unigrams.get(first).filter(|n| *n != 0.0);
        self.cond_counted(first, second, count, || logp, bounded)
    }

    /// log10 P(second | first) from the pair table; where it lacks the pair after a first
    /// word it counts, `absent` of the second word's log10 p and the first word's count.
    fn cond_with(&self, first: &str, second: &str, absent: impl Fn(f64, f64) -> f64) -> f64 {
        let count = self.unigrams.get(first).filter(|n| *n != 0.0);
        self.cond_counted(first, second, count, || self.logp(second), absent)
    }

    /// `cond_with`, given `first`'s count (`unigrams`) and, where the pair is absent, the
    /// second word's log10 p (`logp`, read only then).
    fn cond_counted(
        &self,
        first: &str,
        second: &str,
        count: Option<f64>,
        logp: impl FnOnce() -> Option<f64>,
        absent: impl Fn(f64, f64) -> f64,
    ) -> f64 {
        // the pair is read only where the first word is counted (its key built in a buffer
        // kept on the thread: the decision asks for thousands of pairs a text)
        let pair = count.and_then(|_| {
            with_pair_key(first, second, |key| self.bigrams.get(key)).filter(|n| *n != 0.0)
        });
        if let (Some(pair), Some(count)) = (pair, count) {
            return pair_logp(pair, count);
        }
        match (logp(), count) {
            (None, _) => UNKNOWN_COND,
            (Some(value), Some(count)) => absent(value, count),
            // A pair the table lacks is evidence against it only when it knows the first word.
            (Some(value), None) => value,
        }
    }

    /// How many words, unigrams and bigrams the tables hold.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.words.len(), self.unigrams.len(), self.bigrams.len())
    }
}

/// A lexicon of a few words, for tests: (word, frequency), (word, count), (pair, count).
#[cfg(test)]
pub(crate) fn lexicon_of(
    words: &[(&str, f64)],
    unigrams: &[(&str, f64)],
    bigrams: &[(&str, f64)],
) -> Lexicon {
    let entries = |pairs: &[(&str, f64)]| -> Vec<(String, f64)> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    };
    let bytes = table_bytes(entries(words), entries(unigrams), entries(bigrams))
        .expect("a test's table builds");
    Lexicon::from_bytes(&bytes).expect("a test's table reads")
}

#[cfg(test)]
mod tests;
