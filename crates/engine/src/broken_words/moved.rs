//! A space the extractor set a letter or two off its place (`th einformation`, `w
//! econsidered`, `identificatio nof`): put back between the words it parts, where the text
//! as found reads as a scrap and the words moved apart read plainly.

use super::scan::{Run, Scan};
use super::{confidence, Found, GapKind, Restored};
use crate::pystr::is_lower_letter;
use crate::thresholds::{
    LIGATURE_STRAY_PRIOR, MOVED_MOST_LETTERS, MOVED_PRIOR, MOVED_SCRAP_ZIPF, MOVED_SHORT_ZIPF,
    MOVED_WORD_ZIPF,
};

impl Scan<'_> {
    /// Whether the gap after run `i` (a word's start) may stand inside a word or between two
    /// others that a slip of the extractor parts otherwise: one space before a run that
    /// ends a word and starts lower-case (or both in capitals), in no letter-spaced text.
    pub(super) fn gap_between_words(&self, i: usize) -> bool {
        let (run, Some(next)) = (&self.runs[i], self.runs.get(i + 1)) else {
            return false;
        };
        let right = self.word(next);
        let rest = right.first().is_some_and(|&c| is_lower_letter(c)) || run.upper && next.upper;
        rest && self.spaced(i) && !self.letter_spaced(i, i + 1) && self.ends(i + 1)
    }

    /// The space between runs `i` and `i + 1` (lower-case letters, one space apart) moved
    /// by up to `MOVED_MOST_LETTERS` letters either way, the surest way, where the words
    /// beside read it so by a margin over `MOVED_PRIOR`.  The run that gives letters up is a
    /// scrap (zipf under `MOVED_SCRAP_ZIPF`), one of the two is no word at all, and the run
    /// that takes them is a scrap or a piece of two letters that is no very common word
    /// (`th einformation`; not `sophistications in`, `concepts uch`, whose `s` is as likely
    /// a letter lost); each word the space then parts reads plainly (`plain`), and the
    /// letters that move are no very common word (`b isbeing` is a glue, `is being`).  The
    /// reading beats the text as found and the runs closed up as one word.
    ///
    /// `known`: whether the word list holds each run, where the scan read it already: two
    /// runs it holds are no such gap's, and their frequencies are not read again.
    pub(super) fn moved(&self, i: usize, known: &[Option<bool>]) -> Option<Found> {
        let (left, right) = (&self.runs[i], &self.runs[i + 1]);
        if !(left.lower && right.lower) {
            return None; // `Tinaja de`, `i nAdvances`: a name's or a code's letters
        }
        // a run the scan found absent is of zipf 0; the word list is asked of the rest once
        let zipf = |k: usize| match known[k] {
            Some(false) => 0.0,
            _ => self.lexicon.zipf(self.runs[k].low),
        };
        if known[i] == Some(true) && known[i + 1] == Some(true) {
            return None;
        }
        let (left_zipf, right_zipf) = (zipf(i), zipf(i + 1));
        // letters that lower-case to one byte each, so that a cut in the words is one in the
        // text
        let ascii = |run: &Run| run.low.len() == run.end - run.start;
        if left_zipf.min(right_zipf) > 0.0 || !(ascii(left) && ascii(right)) {
            return None;
        }
        let scrap = |zipf: f64| zipf < MOVED_SCRAP_ZIPF;
        let takes =
            |low: &str, zipf: f64| scrap(zipf) || (low.len() <= 2 && zipf < MOVED_SHORT_ZIPF);
        let leftwards = scrap(left_zipf) && takes(right.low, right_zipf);
        let rightwards = scrap(right_zipf) && takes(left.low, left_zipf);
        if !(leftwards || rightwards) {
            return None; // `of thepress`: a glue beside a word, the joins stage's
        }
        let joined = format!("{}{}", left.low, right.low);
        let cut_at = left.low.len();
        let cuts = (1..=MOVED_MOST_LETTERS)
            .flat_map(|k| {
                let left_cut = cut_at.checked_sub(k).filter(|_| leftwards);
                let right_cut = Some(cut_at + k).filter(|_| rightwards);
                [left_cut, right_cut]
            })
            .flatten()
            .filter(|&cut| 0 < cut && cut < joined.len())
            // letters that are a word of their own are a glue's (`b isbeing` is `b is being`)
            .filter(|&cut| {
                let moving = &joined[cut.min(cut_at)..cut.max(cut_at)];
                self.lexicon.zipf(moving) < MOVED_SHORT_ZIPF
            });
        let plain: Vec<usize> = cuts
            .filter(|&cut| self.plain(&joined[..cut]) && self.plain(&joined[cut..]))
            .collect();
        if plain.is_empty() {
            return None;
        }
        // the text as found, or closed up as a stray space (`landf ill` is `landfill`)
        let as_found = self
            .score(i, i + 1, &[left.low, right.low])
            .max(self.score(i, i + 1, &[&joined]) - LIGATURE_STRAY_PRIOR);
        let (cut, margin) = plain
            .into_iter()
            .map(|cut| {
                let moved = self.score(i, i + 1, &[&joined[..cut], &joined[cut..]]);
                (cut, moved - as_found - MOVED_PRIOR)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        (margin > 0.0).then(|| self.moved_found(i, cut, margin))
    }

    /// Whether a word the moved space parts reads plainly: common (`MOVED_WORD_ZIPF`), and
    /// very common if it has two letters or one (`we`, `of`; not `pr`).
    fn plain(&self, low: &str) -> bool {
        let least = if low.len() <= 2 {
            MOVED_SHORT_ZIPF
        } else {
            MOVED_WORD_ZIPF
        };
        self.lexicon.zipf(low) >= least
    }

    /// The reading of runs `i` and `i + 1` with their space moved to letter `cut` of the
    /// two (`cut_at`: where it stands): the span from the first letter that moves to the
    /// space, or from the space to the last letter that moves, rewritten.
    fn moved_found(&self, i: usize, cut: usize, margin: f64) -> Found {
        let (left, right) = (&self.runs[i], &self.runs[i + 1]);
        let cut_at = left.end - left.start;
        let (from, to) = if cut < cut_at {
            (left.start + cut, left.end + 1)
        } else {
            (left.end, right.start + cut - cut_at)
        };
        let letters = self.text(from, to).replace(' ', "");
        let replacement = if cut < cut_at {
            format!(" {letters}")
        } else {
            format!("{letters} ")
        };
        let word = format!(
            "{}{replacement}{}",
            self.text(left.start, from),
            self.text(to, right.end)
        );
        Found {
            restored: Restored {
                at: from,
                kind: GapKind::Moved,
                ligature: replacement,
                gapped: self.text(left.start, right.end),
                word,
                margin,
                confidence: confidence(margin),
                gaps: Vec::new(),
            },
            runs: (i, i + 1),
        }
    }
}
