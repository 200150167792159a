//! The closed word classes the joins stage reads (the package's `pipeline/data/*.txt`,
//! handed over by the Python side when the engine is set up).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The word lists, each a set of lower-case entries.
#[derive(Clone, Debug, Default)]
pub struct WordLists {
    /// Articles, prepositions, pronouns...: words a glue often begins or ends with.
    pub function_words: FxHashSet<String>,
    /// Prefixes that make compounds (counter-, neuro-): a cut after one is doubtful.
    pub prefixes: FxHashSet<String>,
    /// Suffixes that make a known word a longer one (-ally, -hood).
    pub suffixes: FxHashSet<String>,
    /// Suffixes that are words too (-able, -ability): after a content word they make a
    /// derived word (`subclassable`), not a glue.
    pub suffix_words: FxHashSet<String>,
    /// Name particles (de, el, la, van).
    pub name_particles: FxHashSet<String>,
    /// Name prefixes (Mc, Mac, Fitz).
    pub name_prefixes: FxHashSet<String>,
    /// Unit suffixes after a number (km, mp).
    pub unit_suffixes: FxHashSet<String>,
    /// Names Python's standard library defines (returncode, timeit, base64).
    pub python_identifiers: FxHashSet<String>,
    /// `longest_suffix`, counted once (every derived-word test reads it).
    pub longest: OnceLock<usize>,
}

impl WordLists {
    /// The longest suffix, in characters.
    pub fn longest_suffix(&self) -> usize {
        *self.longest.get_or_init(|| {
            self.suffixes
                .iter()
                .map(|suffix| suffix.chars().count())
                .max()
                .unwrap_or(0)
        })
    }
}
