//! The common words that hold a ligature, by what is left of them when it is lost.

use rustc_hash::FxHashMap;

use super::{GapKind, LIGATURES};
use crate::lexicon::{Lexicon, ZIPF_OFFSET};
use crate::thresholds::{
    BATCH_SHOWN_ZIPF, LIGATURE_LEAST_ZIPF, LIGATURE_RARE_ZIPF, STRAY_LEAST_ZIPF,
};

/// Words that hold a ligature (the common ones, zipf `LIGATURE_LEAST_ZIPF`: about 1,700 of
/// the word list's 320,000; or the rarer ones, zipf `LIGATURE_RARE_ZIPF` up to that: about
/// 2,400 more), by what is left when it is lost: the rest of a word that began with it, the
/// head of one that ended with it, and the head and tail around it.  Looked up by hash,
/// where trying each ligature in the word list cost more than the rest of the cleaning (17
/// walks of the list per word); one lookup of a piece answers for all three places, as the
/// scan asks each word for each (`Scan::pieces`).
#[derive(Debug, Default)]
pub struct Index {
    pieces: FxHashMap<Box<str>, Piece>,
    /// What a very common word leaves when it loses a ligature at an edge, where that is no
    /// word (`ghters`, `nancing`): a batch that writes them lost ligatures (`batch_shows`).
    pub(super) leftovers: Vec<Box<str>>,
}

/// What a piece of a word makes with a ligature put back: bit masks over `LIGATURES`.
#[derive(Debug, Default)]
pub struct Piece {
    /// Put back before it (`rst`: `first`).
    start: u8,
    /// Put back after it (`o`: `off`).
    end: u8,
    /// Put back between it and each tail (`o` and `cial`: `official`).
    tails: FxHashMap<Box<str>, u8>,
}

impl Piece {
    /// The ligatures that make a word of the index where `kind` puts them beside this piece
    /// (`right`: the tail, inside a word).
    pub(super) fn mask(&self, kind: GapKind, right: &str) -> u8 {
        match kind {
            GapKind::WordStart => self.start,
            GapKind::WordEnd => self.end,
            GapKind::Inside => self.tails.get(right).copied().unwrap_or(0),
            GapKind::Stray | GapKind::Hyphen | GapKind::Moved => 0,
        }
    }
}

impl Index {
    /// The index of the lexicon's common ligature words, or of its rarer ones (`rare`).
    pub(super) fn of(lexicon: &Lexicon, rare: bool) -> Index {
        let common = 10f64.powf(LIGATURE_LEAST_ZIPF - ZIPF_OFFSET);
        let mut index = Index::default();
        let words = lexicon.ligature_words.iter();
        for (word, frequency) in words.filter(|(_, frequency)| (*frequency < common) == rare) {
            for (bit, ligature) in LIGATURES.iter().enumerate() {
                for (at, _) in word.match_indices(ligature) {
                    let (head, tail) = (&word[..at], &word[at + ligature.len()..]);
                    let key = if head.is_empty() { tail } else { head };
                    if key.is_empty() {
                        continue;
                    }
                    let edge = head.is_empty() || tail.is_empty();
                    if edge && !rare && leftover(lexicon, key, *frequency) {
                        index.leftovers.push(key.into());
                    }
                    let piece = index.pieces.entry(key.into()).or_default();
                    let mask = match (head.is_empty(), tail.is_empty()) {
                        (true, _) => &mut piece.start,
                        (false, true) => &mut piece.end,
                        (false, false) => piece.tails.entry(tail.into()).or_default(),
                    };
                    *mask |= 1 << bit;
                }
            }
        }
        index.leftovers.sort_unstable();
        index.leftovers.dedup();
        index
    }

    /// What the index holds of `piece`: the places a ligature beside it makes a word.
    pub(super) fn piece(&self, piece: &str) -> Option<&Piece> {
        self.pieces.get(piece)
    }

    /// The ligatures that make a word of the index where `kind` puts them, as a bit mask
    /// over `LIGATURES`.
    pub(super) fn mask(&self, kind: GapKind, left: &str, right: &str) -> u8 {
        self.piece(left).map_or(0, |piece| piece.mask(kind, right))
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

/// Whether `piece`, what a word of `frequency` leaves when it loses a ligature at an edge, is
/// a leftover that shows the loss: the word very common, the piece three letters or more and
/// no word of the list.
fn leftover(lexicon: &Lexicon, piece: &str, frequency: f64) -> bool {
    frequency >= 10f64.powf(BATCH_SHOWN_ZIPF - ZIPF_OFFSET)
        && piece.chars().count() >= 3
        && piece.chars().all(char::is_alphabetic)
        && lexicon.logp(piece).is_none()
}

/// The lexicon's index of common ligature words, built on first use.
pub(super) fn index(lexicon: &Lexicon) -> &Index {
    lexicon
        .ligature_index
        .get_or_init(|| Index::of(lexicon, false))
}

/// The ligatures that make a rarer word where `kind` puts them (zipf `LIGATURE_RARE_ZIPF`
/// up to `LIGATURE_LEAST_ZIPF`), its index built on first use; asked where no common word
/// is made there (`Scan::rare_word`).
pub(super) fn rare_mask(lexicon: &Lexicon, kind: GapKind, left: &str, right: &str) -> u8 {
    lexicon
        .rare_ligature_index
        .get_or_init(|| Index::of(lexicon, true))
        .mask(kind, left, right)
}
