//! Letter-spaced runs: an extractor that placed letters one by one left a space after
//! each (`d i s c u s s`, `J u n c t i o n`), often across words (`t h e o t h e r i s`).
//! The letters are read as the words the lexicon sees in them, and the spaces inside
//! those words are stray.
//!
//! Only runs of single letters are read here; words broken into longer pieces
//! (`inc luded`) are `broken_words`' stray spaces.  Offsets are code points.

use std::convert::Infallible;

use crate::broken_words::{GapKind, Restored};
use crate::lexicon::Lexicon;
use crate::pystr::{is_letter, letter_runs, lower_each, one_of};
use crate::segment::{Costs, Segmenter};
use crate::thresholds::{
    COSTS, LIGATURE_ANCHOR, LIGATURE_SLOPE, SPACED_COMMON_CONFIDENCE, SPACED_COMMON_ZIPF,
    SPACED_CONFIDENCE, SPACED_LEAST_LETTERS, SPACED_LONG_PIECE, SPACED_MAX_PARTS, SPACED_PAIR_ZIPF,
    SPACED_SHORT_ZIPF, SPACED_WORD_ZIPF,
};

/// A run of letter pieces one space apart, mostly single letters: where each piece
/// stands (start, end).
struct SpacedRun {
    pieces: Vec<(usize, usize)>,
}

/// What may stand before a letter-spaced run: the start, white space or an opening mark
/// (not a slash, a dot or a digit: `edu/sh i raz`, `Inst.f. In`).
fn opens_run(ch: Option<char>) -> bool {
    ch.is_none_or(|c| c.is_whitespace() || one_of(c, "([{\"'\u{ab}\u{201c}\u{2018}"))
}

/// What may stand after one: the end, white space or a closing mark.
fn closes_run(ch: Option<char>) -> bool {
    ch.is_none_or(|c| c.is_whitespace() || one_of(c, ".,;:!?)]}\"'\u{bb}\u{201d}\u{2019}"))
}

/// The runs of letter pieces one space apart, between white space or marks, that hold a
/// single letter (`d i s c u s s`, `i t of ten r e su l t ed`, `decided t o curtail`).
/// Two pieces of `SPACED_LONG_PIECE` letters or more side by side are words as written
/// (`some one`, `Grammar represents`): a run ends between them.
fn spaced_runs(chars: &[char], pieces: &[(usize, usize)]) -> Vec<SpacedRun> {
    let long = |(start, end): (usize, usize)| end - start >= SPACED_LONG_PIECE;
    let mut runs = Vec::new();
    let mut first = 0;
    while first < pieces.len() {
        let mut last = first;
        while last + 1 < pieces.len()
            && pieces[last + 1].0 == pieces[last].1 + 1
            && chars[pieces[last].1] == ' '
            && !(long(pieces[last]) && long(pieces[last + 1]))
        {
            last += 1;
        }
        let mut run = &pieces[first..=last];
        // a piece touching a mark it may not (`suc-ce`, `edu/sh`) is not of the run
        let opens = |run: &[(usize, usize)]| {
            let start = run[0].0;
            let before = start.checked_sub(1).map(|i| chars[i]);
            // an apostrophe after a letter ends a word (`Bulgaria's o cial`)
            let clitic = matches!(before, Some('\'' | '\u{2019}'))
                && start >= 2
                && is_letter(chars[start - 2]);
            opens_run(before) && !clitic
        };
        if !run.is_empty() && !opens(run) {
            run = &run[1..];
        }
        if !run.is_empty() && !closes_run(chars.get(run[run.len() - 1].1).copied()) {
            run = &run[..run.len() - 1];
        }
        if run.iter().any(|(s, e)| e - s == 1) {
            runs.push(SpacedRun {
                pieces: run.to_vec(),
            });
        }
        first = last + 1;
    }
    runs
}

/// Whether the letters run through the alphabet (`a b c d`, `x y z`): a list, not a word.
/// One letter runs through nothing: `a` is a word (`i s a p r e d i c t i o n`).
fn alphabetical(low: &[char]) -> bool {
    low.len() >= 2
        && low
            .windows(2)
            .all(|pair| pair[1] as u32 == pair[0] as u32 + 1)
}

/// Whether a piece of a run is a word as it stands: `a`, `A` or `I` of one letter, a
/// common word (`SPACED_WORD_ZIPF`) of more.
fn written_word(text: &[char], lexicon: &Lexicon, (start, end): (usize, usize)) -> bool {
    let piece = &text[start..end];
    if piece.len() == 1 {
        return matches!(piece[0], 'a' | 'A' | 'I');
    }
    lexicon.zipf(&lower_each(piece)) >= SPACED_WORD_ZIPF
}

/// Whether a word's letters are cased as a word's are: all lower, all upper, or
/// capitalised (`a T` is no `aT`).
fn cased(letters: &[char]) -> bool {
    let rest = &letters[1.min(letters.len())..];
    rest.iter().all(|c| !c.is_uppercase()) || letters.iter().all(|c| !c.is_lowercase())
}

/// Whether `word` (lower case) may be a word of a letter-spaced run's reading.
fn plain_word(lexicon: &Lexicon, word: &str, alone: bool) -> bool {
    let letters = word.chars().count();
    let least = if letters < 3 || (alone && letters == 3) {
        SPACED_SHORT_ZIPF
    } else {
        SPACED_WORD_ZIPF
    };
    lexicon.zipf(word) >= least
}

/// The words a run's letters read as (cut points in the letters), or None where the
/// lexicon sees no reading.
fn reading(lexicon: &Lexicon, low: &str) -> Option<Vec<usize>> {
    let mut segmenter = Segmenter {
        lexicon,
        // a run holds many words (`share of t h e population i s`): read as five parts at
        // most, as a glue is, `of the` merged into the typo `ofthe` the word list holds
        costs: Costs {
            max_parts: SPACED_MAX_PARTS,
            ..COSTS
        },
        word_count: |_: &str| Ok::<u64, Infallible>(0),
    };
    let (cuts, split) = match segmenter.segment(low) {
        Ok(found) => found,
        Err(never) => match never {},
    };
    match lexicon.logp(low) {
        Some(whole) if cuts.is_empty() || whole >= split => Some(Vec::new()),
        _ if cuts.is_empty() => None,
        _ => Some(cuts),
    }
}

/// The log10 odds that `broken_words::confidence` reads as `confidence`, so that a
/// reading's margin and confidence say the same thing.
fn margin_of(confidence: f64) -> f64 {
    LIGATURE_ANCHOR + (confidence / (1.0 - confidence)).log10() / LIGATURE_SLOPE
}

/// The letter-spaced runs of `text` read as words: each a stray-space reading whose gaps
/// are the spaces inside its words.  Every word must be a plain one (`plain_word`): a
/// run with a scrap in it is left as found, and one whose words would need a space where
/// it has none (`searcht o`) too.  The words broken into fragments come last.
pub fn letter_spaced(text: &[char], lexicon: &Lexicon) -> Vec<Restored> {
    let read = letter_spaced_in(text, &letter_runs(text), lexicon);
    read.letters.into_iter().chain(read.fragments).collect()
}

/// The readings of a text's letter-spaced runs, by how they weigh against the words
/// `broken_words` reads: runs of letters before them (their letters are no other reading's
/// pieces), words broken into fragments after them (`fragments`: where a piece closes up
/// with the word beside it, that reading weighs the words around, this one does not).
pub struct Spaced {
    pub letters: Vec<Restored>,
    pub fragments: Vec<Restored>,
}

/// `letter_spaced` of a text whose letter runs (`pystr::letter_runs`) are read already.
pub fn letter_spaced_in(text: &[char], pieces: &[(usize, usize)], lexicon: &Lexicon) -> Spaced {
    let mut read = Spaced {
        letters: Vec::new(),
        fragments: Vec::new(),
    };
    for run in spaced_runs(text, pieces) {
        let singles = run.pieces.iter().filter(|(s, e)| e - s == 1).count();
        let spelled_pair = run.pieces.len() == 2 && singles == 2;
        let mostly_letters = 2 * singles >= run.pieces.len()
            && (run.pieces.len() >= SPACED_LEAST_LETTERS || spelled_pair);
        if let Some(whole) = mostly_letters
            .then(|| read_run(text, lexicon, &run.pieces))
            .flatten()
        {
            read.letters.push(whole);
            continue;
        }
        let words = fragments::fragment_words(text, lexicon, &run.pieces);
        read.letters
            .extend(stretches::readings(text, lexicon, &run.pieces, &words));
        read.fragments
            .extend(words.into_iter().map(|(_, _, word)| word));
    }
    read
}

/// The stray-space reading of one run of pieces, if it has one.
fn read_run(text: &[char], lexicon: &Lexicon, pieces: &[(usize, usize)]) -> Option<Restored> {
    let letters: Vec<char> = pieces
        .iter()
        .flat_map(|&(s, e)| text[s..e].iter().copied())
        .collect();
    let low_chars: Vec<char> = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    if low_chars.len() != letters.len() || alphabetical(&low_chars) {
        return None;
    }
    // where each piece starts among the letters, and the space before it in the text
    let mut starts = Vec::with_capacity(pieces.len());
    let mut count = 0;
    for &(s, e) in pieces {
        starts.push((count, s.saturating_sub(1)));
        count += e - s;
    }
    let low: String = low_chars.iter().collect();
    let cuts = reading(lexicon, &low)?;
    let mut bounds = vec![0];
    bounds.extend(&cuts);
    bounds.push(letters.len());
    let piece_start = |k: usize| starts.iter().any(|&(start, _)| start == k);
    let words: Vec<(usize, usize, String)> = bounds
        .windows(2)
        .map(|pair| {
            (
                pair[0],
                pair[1],
                low_chars[pair[0]..pair[1]].iter().collect(),
            )
        })
        .collect();
    let alone = words.len() == 1;
    // A word spelled out letter by letter is held to what a run alone is (`a b c d and e`
    // is no `abc`).
    let readable = |(from, to, word): &(usize, usize, String)| {
        let spelled = (*from..*to).all(piece_start);
        let listed = spelled && alphabetical(&low_chars[*from..*to]);
        piece_start(*from)
            && (*to == letters.len() || piece_start(*to))
            && plain_word(lexicon, word, alone || spelled)
            && !listed
            && cased(&letters[*from..*to])
    };
    // Every word plain: all are closed up.  Otherwise those of three letters or more
    // that are, between two spaces of the text, and two letters spelled out that read as a
    // word as common as a pair alone must (`modifier i n turn`, `decided t o curtail`
    // beside a rarer word); the rest stays as found.
    let whole = words.iter().all(readable);
    let spelled_pair = |&(from, to, ref word): &(usize, usize, String)| {
        to - from == 2 && piece_start(from + 1) && lexicon.zipf(word) >= SPACED_PAIR_ZIPF
    };
    let closed: Vec<&(usize, usize, String)> = words
        .iter()
        .filter(|word| {
            readable(word) && (whole || word.2.chars().count() >= 3 || spelled_pair(word))
        })
        .collect();
    // two letters read only as a word this common (`i t`, `t o`; not `x y`, `a b`)
    let pair = letters.len() == 2 && lexicon.zipf(&low) >= SPACED_PAIR_ZIPF;
    if !pair && !closed.iter().any(|word| word.2.chars().count() >= 3) {
        return None;
    }
    // A space between two words as written stays, whatever the reading (`I spent a long`
    // is no `along`), and so does one between a capital letter standing alone and a word
    // as written after it: a label or an initial (`B and D are` is no `Band Dare`), where
    // an extractor that spaced a word's letters leaves them all alone (`B a n d`).
    let written = |piece: &(usize, usize)| written_word(text, lexicon, *piece);
    let label = |(start, end): (usize, usize)| end - start == 1 && text[start].is_uppercase();
    let gaps: Vec<usize> = starts
        .iter()
        .enumerate()
        .filter(|&(i, &(k, _))| {
            // inside a word closed up: never before the first piece
            let inside = closed.iter().any(|&&(from, to, _)| from < k && k < to);
            inside && {
                let (before, after) = (pieces[i - 1], pieces[i]);
                let as_written = written(&before) && written(&after);
                let labelled = label(before) && after.1 - after.0 > 1 && written(&after);
                !as_written && !labelled
            }
        })
        .map(|(_, &(_, space))| space)
        .collect();
    if gaps.is_empty() {
        return None;
    }
    let (first, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
    let word: String = (first..end)
        .filter(|at| !gaps.contains(at))
        .map(|at| text[at])
        .collect();
    let common = whole
        && words
            .iter()
            .all(|w| lexicon.zipf(&w.2) >= SPACED_COMMON_ZIPF);
    let confidence = if common {
        SPACED_COMMON_CONFIDENCE
    } else {
        SPACED_CONFIDENCE
    };
    Some(Restored {
        at: first,
        kind: GapKind::Stray,
        ligature: String::new(),
        gapped: text[first..end].iter().collect(),
        word,
        margin: margin_of(confidence),
        confidence,
        gaps,
    })
}

mod fragments;
mod stretches;
#[cfg(test)]
mod tests;
