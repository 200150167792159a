//! Words that PDF extraction broke: lost ligatures and stray spaces.
//!
//! Typeset text sets fi, fl, ff, ffi and ffl as one glyph, and an extractor that cannot
//! map the glyph leaves a gap where it stood (`signi cant`, `o cials`, `in uence`,
//! `butter y`; `the rst` where the word began with it).  An extractor that places
//! letters one by one leaves stray spaces inside words (`inc luded`, `p resentat ions`).
//! The two compete for the same gaps (`tra cking` is `trafficking` or `tracking`), so
//! they are read together, and a document's plain cases of each say which it suffered.
//!
//! A gap is restored when the word with the ligature put back is a word the lexicon knows
//! well and the gapped text does not read as words: the log10 odds of the restored reading
//! against the gapped one is the restoration's margin.  Offsets are code points.
//!
//! The modules: `index` (the common words that hold a ligature, by what is left of them),
//! `scan` (a text's runs of letters and how a reading of them scores), `candidates` (every
//! reading a scan weighs), `ligatures` (a ligature put back in a gap), `batch` (what the
//! batch's intact copies say of a gap), `closing` (stray spaces taken out), `hyphens` (a
//! compound's lost hyphen put back) and `moved` (a space set a letter or two off put back
//! between its words).

use crate::letter_spaced::letter_spaced_in;
use crate::lexicon::Lexicon;
use crate::pystr::chars_of;
use crate::thresholds::{
    DAMAGE_LEAN, DAMAGE_PLAIN_MARGIN, DAMAGE_SHOWN_MARGIN, LIGATURE_ANCHOR, LIGATURE_LEAST_MARGIN,
    LIGATURE_SLOPE, SHOWN_LIGATURE_ANCHOR, SHOWN_LIGATURE_SLOPE,
};
use crate::vocabulary::{Reads, Vocabulary};

mod batch;
mod candidates;
mod closing;
mod hyphens;
mod index;
mod ligatures;
mod moved;
mod runs;
mod scan;
#[cfg(test)]
mod tests;

pub use index::{ligature_words, Index};
use runs::Lowered;
use scan::Scan;

/// The ligatures a typeface sets, longest first (a tie in odds keeps the first).
pub const LIGATURES: [&str; 5] = ["ffi", "ffl", "ff", "fi", "fl"];

/// The ligatures whose bits `mask` holds (`Index::mask`), in `LIGATURES`' order.
fn ligatures_in(mask: u8) -> impl Iterator<Item = &'static str> {
    LIGATURES
        .iter()
        .enumerate()
        .filter(move |(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, &ligature)| ligature)
}

/// The words of zipf `least` or more (at least `LIGATURE_LEAST_ZIPF`: the common ones
/// `Index` holds) that a ligature put back between `head` and `tail` makes, either of them
/// empty for a word that starts or ends with it: found by hash in the index, the word list
/// asked only of the few the index holds.
pub(crate) fn ligature_makes_word(lexicon: &Lexicon, head: &str, tail: &str, least: f64) -> bool {
    let kind = match (head.is_empty(), tail.is_empty()) {
        (true, true) => return false,
        (true, false) => GapKind::WordStart,
        (false, true) => GapKind::WordEnd,
        (false, false) => GapKind::Inside,
    };
    let (left, right) = if head.is_empty() {
        (tail, "")
    } else {
        (head, tail)
    };
    let mask = index::index(lexicon).mask(kind, left, right);
    ligatures_in(mask).any(|ligature| lexicon.zipf(&format!("{head}{ligature}{tail}")) >= least)
}

/// The word `ligature` put back where `kind` says makes of runs `l` and `r` (`r` is read
/// only inside a word).
fn made(kind: GapKind, l: &str, r: &str, ligature: &str) -> String {
    match kind {
        GapKind::Inside => format!("{l}{ligature}{r}"),
        GapKind::WordStart => format!("{ligature}{l}"),
        GapKind::WordEnd | GapKind::Stray | GapKind::Hyphen | GapKind::Moved => {
            format!("{l}{ligature}")
        }
    }
}

/// Where the ligature was lost: inside a word, whose two pieces the gap now parts
/// (`signi cant`), or at a word's start or end, where the extractor left only the space
/// between words (`the rst`, `took o the`) or nothing (`Azerbaijani- agged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapKind {
    /// The gap (one space) stands for the ligature: it is replaced.
    Inside,
    /// The ligature goes before the word.
    WordStart,
    /// The ligature goes after the word.
    WordEnd,
    /// No glyph was lost: the spaces inside a word are stray (`inc luded`, `p resentat
    /// ions`), and are taken out.
    Stray,
    /// A compound's hyphen was lost (`lawabiding`): it goes back in at `at`.
    Hyphen,
    /// The space between two words stands a letter or two off (`th einformation`): the
    /// text from `at` is rewritten as `ligature` (`the information`: ` e` as `e `).
    Moved,
}

/// A lost ligature put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// Inside: where the gap is; at a start or end: where the ligature goes (code points).
    pub at: usize,
    pub kind: GapKind,
    /// The letters put back, in the case of the word around them.
    pub ligature: String,
    /// The text as found and as restored: `signi cant` and `significant`, `rst` and
    /// `first`.
    pub gapped: String,
    pub word: String,
    /// log10 odds of the restored reading against the text as found, each read with the
    /// words beside it.
    pub margin: f64,
    /// How sure: the margin read as flattened odds (`thresholds::LIGATURE_SLOPE`).
    pub confidence: f64,
    /// The stray spaces taken out (code points); empty for a ligature.
    pub gaps: Vec<usize>,
}

/// A candidate before the candidates compete for their words.
pub(super) struct Found {
    restored: Restored,
    /// The runs it rewrites (a gap inside rewrites two).
    runs: (usize, usize),
}

/// Every broken word of `text` repaired, in order, with its margin and confidence: lost
/// ligatures put back and stray spaces taken out.
///
/// Each word (a run of letters between white space or marks, never beside a digit, an
/// apostrophe or an underscore) is read with the ligatures put back at its start or end,
/// each gap of one space between two words with a ligature in its place, and each run of
/// up to `STRAY_MOST_PIECES` words one space apart closed up; where two readings want the
/// same word, the surer one is kept (after `lean`).
pub fn restorations(text: &str, lexicon: &Lexicon) -> Vec<Restored> {
    restorations_in(text, lexicon, None, LIGATURE_LEAST_MARGIN).0
}

/// `restorations` in a batch whose counts are `batch` (a name it writes whole is read as a
/// word: `written_whole`), keeping those with a margin of `least_margin` or more (the
/// confidence is fitted over those the stage would not report too:
/// `benchmarks/calibrate_words.py`); and the counts read.
pub fn restorations_in(
    text: &str,
    lexicon: &Lexicon,
    batch: Option<&Vocabulary>,
    least_margin: f64,
) -> (Vec<Restored>, Reads) {
    let chars: Vec<char> = chars_of(text);
    let lowered = Lowered::of(&chars);
    let mut scan = Scan::new(chars, &lowered, lexicon, batch);
    let mut found = scan.candidates();
    // read again with the pieces that are words only elsewhere (`re`, `o`) as pieces where
    // the document, or its batch, shows the loss, and names closed up as the batch writes them
    scan.shown = plain_cases(&found, false, DAMAGE_SHOWN_MARGIN) > 0 || scan.batch_shows();
    scan.strays_shown = plain_cases(&found, true, DAMAGE_SHOWN_MARGIN) > 0 && batch.is_some();
    if scan.shown || scan.strays_shown {
        found = scan.candidates();
    }
    lean(&mut found);
    if scan.shown {
        found
            .iter_mut()
            .filter(|f| f.restored.kind == GapKind::Inside)
            .for_each(|f| f.restored.confidence = shown_confidence(f.restored.margin));
    }
    found.sort_by(|a, b| b.restored.margin.total_cmp(&a.restored.margin));
    let mut taken = vec![false; scan.runs.len()];
    let mut kept = Vec::new();
    // as sure as a reading of the least margin (a gap read where the document shows lost
    // ligatures has a curve of its own)
    let least_confidence = confidence(least_margin);
    // Letter-spaced runs first: their letters are no other reading's pieces; words broken
    // into fragments last, where no reading that weighs the words around took a piece.
    let pieces: Vec<(usize, usize)> = scan.runs.iter().map(|run| (run.start, run.end)).collect();
    let spaced = letter_spaced_in(&scan.chars, &pieces, lexicon);
    for read in spaced.letters {
        take(&scan, &mut taken, &read);
        kept.push(read);
    }
    for candidate in found {
        let (first, last) = candidate.runs;
        if taken[first..=last].iter().any(|&t| t) {
            continue;
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        let restored = &candidate.restored;
        if restored.margin >= least_margin || restored.confidence >= least_confidence {
            kept.push(candidate.restored);
        }
    }
    for read in spaced.fragments {
        if take(&scan, &mut taken, &read) {
            kept.push(read);
        }
    }
    kept.sort_by_key(|r| r.at);
    (kept, scan.reads())
}

/// Marks the runs a reading spans as taken, if none was: whether it may be kept.
fn take(scan: &Scan, taken: &mut [bool], read: &Restored) -> bool {
    let last = read.at + read.gapped.chars().count();
    let first_run = scan.runs.partition_point(|run| run.start < read.at);
    let end_run = scan.runs.partition_point(|run| run.start < last);
    let runs = &mut taken[first_run..end_run];
    let free = !runs.iter().any(|&t| t);
    runs.iter_mut().for_each(|t| *t = true);
    free
}

/// A document's damage is mostly of one kind: a PDF that lost its ligatures shows gaps
/// at fi and fl all through, a letter-spaced one stray spaces anywhere.  So where a gap
/// reads both ways (`tra cking`: `trafficking` or `tracking`; `the re`: `the fire` or
/// `there`), the kind the document shows plainly elsewhere wins: each candidate's margin
/// moves by the log10 ratio of the plain cases of its kind and the other's, at most
/// `DAMAGE_LEAN`.
fn lean(found: &mut [Found]) {
    let strays = plain_cases(found, true, DAMAGE_PLAIN_MARGIN) as f64;
    let ligatures = plain_cases(found, false, DAMAGE_PLAIN_MARGIN) as f64;
    let toward_stray = ((strays + 1.0) / (ligatures + 1.0))
        .log10()
        .clamp(-DAMAGE_LEAN, DAMAGE_LEAN);
    for candidate in found
        .iter_mut()
        .filter(|f| !matches!(f.restored.kind, GapKind::Hyphen | GapKind::Moved))
    {
        let restored = &mut candidate.restored;
        restored.margin += if restored.kind == GapKind::Stray {
            toward_stray
        } else {
            -toward_stray
        };
        restored.confidence = confidence(restored.margin);
    }
}

/// How many readings of one kind of damage, stray spaces (`stray`) or lost ligatures, have a
/// margin of `least` or more.  A lost hyphen or a moved space is neither: they are read from
/// the batch or the words, not from the gaps the two kinds compete for.
fn plain_cases(found: &[Found], stray: bool, least: f64) -> usize {
    found
        .iter()
        .filter(|f| !matches!(f.restored.kind, GapKind::Hyphen | GapKind::Moved))
        .filter(|f| (f.restored.kind == GapKind::Stray) == stray)
        .filter(|f| f.restored.margin >= least)
        .count()
}

/// Whether a ligature put back in the gap between two lower-case pieces makes a common word
/// (`o cial`: `official`): where it does, the gap may be a lost glyph, not a stray space.
pub fn ligature_gap(lexicon: &Lexicon, left: &str, right: &str) -> bool {
    index::index(lexicon).mask(GapKind::Inside, left, right) != 0
}

/// A margin read as a probability: log10 odds, less the anchor (a lexicon's odds of one
/// word against two overstate how sure the reading is).
pub fn confidence(margin: f64) -> f64 {
    1.0 / (1.0 + 10f64.powf(-LIGATURE_SLOPE * (margin - LIGATURE_ANCHOR)))
}

/// A lost ligature's margin read as a probability in a document that shows lost
/// ligatures plainly: there a gap a ligature fills is a lost one far more often than the
/// words' odds alone say (`nes` for `fines`, `rati es` for `ratifies`).
pub fn shown_confidence(margin: f64) -> f64 {
    1.0 / (1.0 + 10f64.powf(-SHOWN_LIGATURE_SLOPE * (margin - SHOWN_LIGATURE_ANCHOR)))
}
