//! Words broken into fragments of one to a few letters (`Art i f ic ia l`, `fu rn i tu re`,
//! `exped i t ion`): a run of letter pieces whose single letters read as a short word of
//! their own (`i f`: `if`) or as none, beside pieces the word list holds only as scraps.
//! The pieces are read as the one word they close up to, where most are no words.

use super::stretches::lost_glyph_between;
use super::{cased, margin_of};
use crate::broken_words::{GapKind, Restored};
use crate::lexicon::Lexicon;
use crate::pystr::lower_each;
use crate::thresholds::{
    SPACED_CONFIDENCE, SPACED_FRAGMENTS, SPACED_FRAGMENT_PIECES, SPACED_SHORT_ZIPF,
    SPACED_WORD_ZIPF,
};

/// A piece's letters, lower-cased.
fn low(text: &[char], (start, end): (usize, usize)) -> String {
    lower_each(&text[start..end])
}

/// Whether a piece is no word as it stands: a single letter other than `a`, `A` and `I`,
/// or a piece rarer than a word of its length is (`SPACED_SHORT_ZIPF` for one of two
/// letters, which the word list holds as scraps: `ic`, `tu`, `rn`; `SPACED_WORD_ZIPF` for
/// a longer one: `exped`).
fn fragment(text: &[char], lexicon: &Lexicon, piece: (usize, usize)) -> bool {
    let letters = piece.1 - piece.0;
    if letters == 1 {
        return !matches!(text[piece.0], 'a' | 'A' | 'I');
    }
    let least = if letters <= 2 {
        SPACED_SHORT_ZIPF
    } else {
        SPACED_WORD_ZIPF
    };
    lexicon.zipf(&low(text, piece)) < least
}

/// The word that `pieces` (one space apart) close up to, if it is one: a word of the list
/// as common as a reading's word of its length must be, cased as a word is, from
/// `SPACED_FRAGMENTS` fragments or more (`fragments`: which of the pieces are), one of them
/// a single letter and one longer.
fn closed_up(
    text: &[char],
    lexicon: &Lexicon,
    pieces: &[(usize, usize)],
    fragments: &[bool],
) -> Option<Restored> {
    // single letters and a longer piece that is no word: single letters beside words only
    // are read as words spaced letter by letter (`i s n o t`: `is not`, not `isn o t`; `of
    // t h e`: `of the`, not the typo `ofthe` the word list holds)
    let single = pieces.iter().any(|(s, e)| e - s == 1);
    let longer = pieces
        .iter()
        .zip(fragments)
        .any(|(&(s, e), &fragment)| e - s > 1 && fragment);
    let enough = fragments.iter().filter(|&&f| f).count() >= SPACED_FRAGMENTS;
    // a ligature lost in a gap may make a word of two pieces (`s o cial`: `s official`):
    // `broken_words` weighs that reading, which the words around decide
    if !enough || !single || !longer || lost_glyph_between(text, lexicon, pieces) {
        return None;
    }
    let letters: Vec<char> = pieces
        .iter()
        .flat_map(|&(s, e)| text[s..e].iter().copied())
        .collect();
    let word = lower_each(&letters);
    if !cased(&letters) || lexicon.zipf(&word) < SPACED_WORD_ZIPF {
        return None;
    }
    let (first, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
    let margin = margin_of(SPACED_CONFIDENCE);
    Some(Restored {
        at: first,
        kind: GapKind::Stray,
        ligature: String::new(),
        gapped: text[first..end].iter().collect(),
        word: letters.iter().collect(),
        margin,
        confidence: SPACED_CONFIDENCE,
        gaps: pieces[1..].iter().map(|&(start, _)| start - 1).collect(),
    })
}

/// The words broken into fragments among `pieces`, a run of letter pieces one space apart,
/// read from the left, the widest first (at most `SPACED_FRAGMENT_PIECES` pieces each):
/// each reading and the pieces it spans (`from..to`).  A word as written at either end
/// stays apart where the rest closes up without it (`cra c k down`: `crack down`, not
/// `crackdown`).
pub(super) fn fragment_words(
    text: &[char],
    lexicon: &Lexicon,
    pieces: &[(usize, usize)],
) -> Vec<(usize, usize, Restored)> {
    let fragments: Vec<bool> = pieces
        .iter()
        .map(|&piece| fragment(text, lexicon, piece))
        .collect();
    let mut found = Vec::new();
    if fragments.iter().filter(|&&f| f).count() < SPACED_FRAGMENTS {
        return found; // most runs: words with an `a` among them (`of a new`)
    }
    // a stretch of single letters (not the words `a`, `I`) is read whole or not at all:
    // `of t h e c o n f i g` is letter-spaced words, no `ofthe` before `c o n f i g`
    let single = |k: usize| {
        pieces
            .get(k)
            .is_some_and(|&(s, e)| e - s == 1 && !matches!(text[s], 'a' | 'A' | 'I'))
    };
    let read = |from: usize, to: usize| {
        let cuts_letters =
            (from > 0 && single(from - 1) && single(from)) || (single(to - 1) && single(to));
        if cuts_letters {
            return None;
        }
        closed_up(text, lexicon, &pieces[from..to], &fragments[from..to])
    };
    let mut from = 0;
    while from + SPACED_FRAGMENTS <= pieces.len() {
        let widest = (from + SPACED_FRAGMENT_PIECES).min(pieces.len());
        let first_read = (from + SPACED_FRAGMENTS..=widest)
            .rev()
            .find_map(|to| read(from, to).map(|word| (to, word)));
        match first_read {
            Some((to, word)) => {
                let (first, last, word) = trimmed(&fragments, &read, (from, to), word);
                found.push((first, last, word));
                from = to;
            }
            None => from += 1,
        }
    }
    found
}

/// A reading of pieces `from..to` (`read`) without the words as written at its ends
/// (no `fragments`) that the rest closes up without.
fn trimmed(
    fragments: &[bool],
    read: &impl Fn(usize, usize) -> Option<Restored>,
    (mut from, mut to): (usize, usize),
    mut word: Restored,
) -> (usize, usize, Restored) {
    loop {
        let narrower = [(from + 1, to), (from, to - 1)]
            .into_iter()
            .filter(|&(first, last)| !fragments[if first > from { from } else { last }])
            .find_map(|(first, last)| read(first, last).map(|word| (first, last, word)));
        match narrower {
            Some((first, last, narrower)) => (from, to, word) = (first, last, narrower),
            None => return (from, to, word),
        }
    }
}
