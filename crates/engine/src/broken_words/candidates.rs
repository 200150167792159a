//! Every candidate reading of a text's runs (`Scan::candidates`): a ligature put back at a
//! word's edges and in the gap between two, the pieces of a word closed up, a compound's
//! hyphen and a space set off its place, each weighed where its module says.

use rustc_hash::FxHashMap;

use super::index::stray_least;
use super::scan::{may_lose, Scan};
use super::{Found, GapKind};
use crate::lexicon::ZIPF_OFFSET;
use crate::table::At;
use crate::thresholds::{STRAY_MOST_PIECES, STRAY_RARE_ZIPF};

impl Scan<'_> {
    /// Every candidate: a gap inside a word, and the start and end of each word of two
    /// letters or more (a lone letter is a symbol or a variable: `at time t`).
    pub(super) fn candidates(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let stray_least = stray_least();
        let rare_least = 10f64.powf(STRAY_RARE_ZIPF - ZIPF_OFFSET);
        // whether the word list holds each run, where a walk read it; and the gaps a moved
        // space may stand in, read once both runs beside them are
        let (mut known_runs, mut gaps) = (vec![None; self.runs.len()], Vec::new());
        let mut heads: FxHashMap<&str, (Option<At>, Option<f64>)> = FxHashMap::default();
        for (i, run) in self.runs.iter().enumerate() {
            let mut known_run = None; // whether the word list holds run i, once read
            let word = self.word(run);
            let (open, close) = (self.bounded_before(run), self.ends(i));
            let hyphen = open && self.before_hyphen(i);
            // read once: both readings below ask it
            let alone = open && !self.letter_spaced(i, i);
            if alone && (close || hyphen) && self.may_lose_edge(word) {
                // the second part of a compound (`aws-cli`) lost nothing at its end, nor the
                // first (`e-bikes`), but a lone letter where losses are plain (`play-o`,
                // `o-duty`: `part_cut`)
                let after_hyphen = run.start > 0 && self.chars[run.start - 1] == '-';
                for kind in [GapKind::WordStart, GapKind::WordEnd] {
                    let edge = match kind {
                        GapKind::WordEnd => {
                            (close && !after_hyphen) || ((close || hyphen) && self.part_cut(i))
                        }
                        _ => true,
                    };
                    if edge && may_lose(word, kind) {
                        found.extend(self.found(kind, i, i));
                    }
                }
            }
            if alone {
                let longest = (i + STRAY_MOST_PIECES - 1).min(self.runs.len() - 1);
                let last = (i + 1..=longest)
                    .take_while(|&last| self.continues_word(i, last))
                    .last();
                if let Some(longest) = last {
                    // every closing-up from run i, read in one walk of the word list on from
                    // where run i's word leaves it (read once a word), a piece at a step:
                    // most walks end inside the first piece after it
                    let (head, frequency) = *heads.entry(run.low).or_insert_with(|| {
                        let at = self.lexicon.word_at(run.low);
                        (at, at.and_then(|at| self.lexicon.frequency_at(at)))
                    });
                    let known = frequency.is_some_and(|f| f != 0.0);
                    known_run = Some(known);
                    let mut at = head;
                    for last in i + 1..=longest {
                        at = at.and_then(|at| self.lexicon.word_at_after(at, self.runs[last].low));
                        let known = at.and_then(|at| self.lexicon.frequency_at(at));
                        let common = known.is_some_and(|f| f >= stray_least)
                            || (known.is_some_and(|f| f >= rare_least)
                                && self.holds_scrap(i, last));
                        if common && self.closes_word(i, last) {
                            found.extend(self.closed(i, last));
                        } else if self.strays_shown && self.closes_word(i, last) {
                            let as_written = self.closed_as_written(i, last);
                            let name = || (last == i + 1).then(|| self.closed_name(i)).flatten();
                            found.extend(as_written.or_else(name));
                        }
                    }
                    if !known {
                        found.extend(self.glued_closings(i, longest));
                    }
                }
            }
            found.extend(self.lost_hyphen(i, known_run, open && close));
            known_runs[i] = known_run;
            if open && self.gap_between_words(i) {
                found.extend(self.found(GapKind::Inside, i, i + 1));
                gaps.push(i);
            }
        }
        found.extend(gaps.into_iter().filter_map(|i| self.moved(i, &known_runs)));
        found
    }
}
