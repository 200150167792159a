//! The common words that hold a ligature, by what is left of them when it is lost.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{GapKind, LIGATURES};
use crate::lexicon::{Lexicon, ZIPF_OFFSET};
use crate::thresholds::{LIGATURE_LEAST_ZIPF, LIGATURE_RARE_ZIPF, STRAY_LEAST_ZIPF};

/// The words that hold a ligature (zipf `LIGATURE_RARE_ZIPF`; about 4,000 of the word
/// list's 320,000, 1,700 of them common: zipf `LIGATURE_LEAST_ZIPF`), by what is left when
/// it is lost: the rest of a word that began with it, the head of one that ended with it,
/// and the head and tail around it.  Looked up by hash, where trying each ligature in the
/// word list cost more than the rest of the cleaning (17 walks of the list per word).
/// Each key holds two masks: of the ligatures that make a common word there, and of those
/// that make a rarer one.
#[derive(Debug, Default)]
pub struct Index {
    starts: FxHashMap<Box<str>, Masks>,
    ends: FxHashMap<Box<str>, Masks>,
    /// `head\0tail`
    inside: FxHashMap<Box<str>, Masks>,
    /// The heads of `inside`, asked first: most pairs of words are no head and tail.
    heads: FxHashSet<Box<str>>,
}

/// The ligatures (bits over `LIGATURES`) that make a common word, and a rarer one.
#[derive(Clone, Copy, Debug, Default)]
struct Masks {
    common: u8,
    rare: u8,
}

impl Index {
    pub(super) fn of(lexicon: &Lexicon) -> Index {
        let common = 10f64.powf(LIGATURE_LEAST_ZIPF - ZIPF_OFFSET);
        let mut index = Index::default();
        for (word, frequency) in &lexicon.ligature_words {
            for (bit, ligature) in LIGATURES.iter().enumerate() {
                for (at, _) in word.match_indices(ligature) {
                    let (head, tail) = (&word[..at], &word[at + ligature.len()..]);
                    let (map, key) = match (head.is_empty(), tail.is_empty()) {
                        (true, false) => (&mut index.starts, tail.to_owned()),
                        (false, true) => (&mut index.ends, head.to_owned()),
                        (false, false) => {
                            index.heads.insert(head.into());
                            (&mut index.inside, format!("{head}\0{tail}"))
                        }
                        (true, true) => continue,
                    };
                    let masks = map.entry(key.into_boxed_str()).or_default();
                    if *frequency >= common {
                        masks.common |= 1 << bit;
                    } else {
                        masks.rare |= 1 << bit;
                    }
                }
            }
        }
        index
    }

    /// The ligatures that make a common word where `kind` puts them, as a bit mask over
    /// `LIGATURES`.
    pub(super) fn mask(&self, kind: GapKind, left: &str, right: &str) -> u8 {
        self.masks(kind, left, right).common
    }

    /// The ligatures that make only a rarer word there (zipf `LIGATURE_RARE_ZIPF` up to
    /// `LIGATURE_LEAST_ZIPF`).
    pub(super) fn rare_mask(&self, kind: GapKind, left: &str, right: &str) -> u8 {
        let masks = self.masks(kind, left, right);
        masks.rare & !masks.common
    }

    fn masks(&self, kind: GapKind, left: &str, right: &str) -> Masks {
        let found = match kind {
            GapKind::WordStart => self.starts.get(left),
            GapKind::WordEnd => self.ends.get(left),
            GapKind::Inside if self.heads.contains(left) => {
                self.inside.get(format!("{left}\0{right}").as_str())
            }
            GapKind::Inside | GapKind::Stray | GapKind::Hyphen => None,
        };
        found.copied().unwrap_or_default()
    }
}

/// The words that hold a ligature (zipf `LIGATURE_RARE_ZIPF`), drawn from the word list's
/// entries when the table is built: the table's fourth map, which the index is made from
/// (walking the whole list for them took 27 ms, a sixth of a pre-commit check's start).
pub fn ligature_words(words: &[(String, f64)]) -> Vec<(String, f64)> {
    let least = 10f64.powf(LIGATURE_RARE_ZIPF - ZIPF_OFFSET);
    #[allow(clippy::disallowed_methods)] // a string pattern, not a char
    let holds = |word: &str| LIGATURES.iter().any(|ligature| word.contains(ligature));
    words
        .iter()
        .filter(|(word, frequency)| *frequency >= least && holds(word))
        .cloned()
        .collect()
}

/// The least frequency of a word closed up from pieces: zipf `STRAY_LEAST_ZIPF`.
pub(super) fn stray_least() -> f64 {
    10f64.powf(STRAY_LEAST_ZIPF - ZIPF_OFFSET)
}

/// The lexicon's ligature index, built on first use.
pub(super) fn index(lexicon: &Lexicon) -> &Index {
    lexicon.ligature_index.get_or_init(|| Index::of(lexicon))
}
