//! A ligature put back: in the gap inside a word, or at a word's start or end.

use super::index::index;
use super::scan::{is_upper_word, Scan};
use super::{confidence, Found, GapKind, Restored, LIGATURES};
use crate::pystr::is_lower_letter;
use crate::thresholds::{
    BATCH_OVER_CLOSED, BATCH_WHOLE_COUNT, BATCH_WHOLE_MARGIN, LIGATURE_STRAY_PRIOR,
};

impl Scan<'_> {
    /// The best ligature put back where `kind` says, and its margin.
    pub(super) fn best(
        &self,
        first: usize,
        last: usize,
        mask: u8,
        restored: impl Fn(&str) -> String,
    ) -> Option<(&'static str, f64)> {
        let words: Vec<(&'static str, String)> = LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, &ligature)| (ligature, restored(ligature)))
            .collect();
        if words.is_empty() {
            return None; // the common case: no word has a ligature there
        }
        let found: Vec<&str> = (first..=last).map(|i| self.runs[i].low.as_str()).collect();
        let mut as_found = self.score(first, last, &found);
        if first < last {
            // `ru les`: a stray space in `rules`, not a lost glyph in `ruffles`
            let closed = found.concat();
            if self.lexicon.logp(&closed).is_some() {
                as_found = as_found.max(self.score(first, last, &[&closed]));
            }
        }
        let mut best: Option<(&'static str, f64)> = None;
        for (ligature, word) in words {
            let margin = self.score(first, last, &[&word]) - as_found;
            if best.is_none_or(|(_, held)| margin > held) {
                best = Some((ligature, margin));
            }
        }
        best.filter(|(_, margin)| *margin > 0.0)
    }

    /// log10 p of the best word a ligature in the gap between runs `first` and `last` makes
    /// (`tra cking`: `trafficking`), minus infinity where none does: the reading a stray
    /// space competes with, as the ligature's competes with the word closed up (`best`).
    pub(super) fn ligature_inside(&self, first: usize, last: usize) -> f64 {
        if last != first + 1 {
            return f64::NEG_INFINITY;
        }
        let (left, right) = (&self.runs[first].low, &self.runs[last].low);
        let mask = index(self.lexicon).mask(GapKind::Inside, left, right);
        LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, ligature)| self.score(first, last, &[&format!("{left}{ligature}{right}")]))
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// log10 p of the best reading of runs `first..=last` with a ligature put back at the
    /// start or end of one of them (`a re at`: `a fire at`), minus infinity where none makes
    /// a word: the readings a stray space (`are at`) competes with, besides the pieces.
    pub(super) fn ligature_at_edges(&self, first: usize, last: usize, pieces: &[&str]) -> f64 {
        let mut best = f64::NEG_INFINITY;
        for (j, piece) in pieces.iter().enumerate() {
            for kind in [GapKind::WordStart, GapKind::WordEnd] {
                let mask = index(self.lexicon).mask(kind, piece, "");
                for (bit, ligature) in LIGATURES.iter().enumerate() {
                    if mask & (1 << bit) == 0 {
                        continue;
                    }
                    let word = match kind {
                        GapKind::WordStart => format!("{ligature}{piece}"),
                        _ => format!("{piece}{ligature}"),
                    };
                    let mut reading = pieces.to_vec();
                    reading[j] = &word;
                    best = best.max(self.score(first, last, &reading));
                }
            }
        }
        best
    }

    /// Whether the words beside word `i` say its spaces are stray, not the space between
    /// words that a lost glyph left: a neighbour the lexicon lacks (`S witzerla nd`: a word
    /// split apart), a neighbour that is itself a ligature (`fi rst`, kept apart by the
    /// extractor), or spaces that read better closed (`te rms` is `terms`, not `te firms`;
    /// `le aves` is `leaves`; `Uga nd a` is `Uganda`).
    pub(super) fn stray_space(&self, i: usize, restored: &str) -> bool {
        let word = self.runs[i].low.as_str();
        if let (Some(previous), Some(next)) = (self.previous(i), self.next(i)) {
            let closed = format!("{previous}{word}{next}");
            if self.lexicon.logp(&closed).is_some()
                && self.score(i - 1, i + 1, &[&closed]) - LIGATURE_STRAY_PRIOR
                    >= self.score(i - 1, i + 1, &[previous, restored, next])
            {
                return true;
            }
        }
        let sides = [
            (i.checked_sub(1), self.previous(i), true),
            (Some(i), self.next(i), false),
        ];
        for (first, neighbour, before) in sides {
            let (Some(first), Some(neighbour)) = (first, neighbour) else {
                continue;
            };
            // a lower-case piece the lexicon lacks; an unknown capitalised word is a name
            let piece = self.chars[self.runs[if before { i - 1 } else { i + 1 }].start];
            let unknown_piece = self.lexicon.logp(neighbour).is_none() && is_lower_letter(piece);
            if unknown_piece || LIGATURES.contains(&neighbour) {
                return true;
            }
            let (closed, pair) = if before {
                (format!("{neighbour}{word}"), [neighbour, restored])
            } else {
                (format!("{word}{neighbour}"), [restored, neighbour])
            };
            if self.lexicon.logp(&closed).is_some()
                && self.score(first, first + 1, &[&closed]) - LIGATURE_STRAY_PRIOR
                    >= self.score(first, first + 1, &pair)
            {
                return true;
            }
        }
        false
    }

    /// A ligature put back where `kind` (not `Stray`: see `closed`) says, if it reads best.
    pub(super) fn found(&self, kind: GapKind, first: usize, last: usize) -> Option<Found> {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let mask = index(self.lexicon).mask(kind, &left.low, &right.low);
        if mask == 0 {
            // the common case: no common word has a ligature there; a name may
            return self.written_whole(kind, first, last);
        }
        let best = match kind {
            GapKind::Inside => self.best(first, last, mask, |l| {
                format!("{}{l}{}", left.low, right.low)
            }),
            GapKind::WordStart => self.best(first, last, mask, |l| format!("{l}{}", left.low)),
            GapKind::WordEnd | GapKind::Stray | GapKind::Hyphen => {
                self.best(first, last, mask, |l| format!("{}{l}", left.low))
            }
        };
        let read_beside = matches!(
            kind,
            GapKind::WordStart | GapKind::WordEnd | GapKind::Inside
        );
        let beside = if read_beside {
            self.written_beside(kind, first, last, mask)
                .or_else(|| self.written_over_closed(kind, first, last, mask))
        } else {
            None
        };
        let (ligature, margin) = match (beside, best) {
            (Some((ligature, _)), Some((held, margin))) if held == ligature => {
                (ligature, margin.max(BATCH_WHOLE_MARGIN))
            }
            (Some((ligature, _)), _) => (ligature, BATCH_WHOLE_MARGIN),
            (None, best) => best?,
        };
        let restored_low = match kind {
            GapKind::WordStart => format!("{ligature}{}", left.low),
            _ => format!("{}{ligature}", left.low),
        };
        let attested = beside.is_some_and(|(_, both)| both);
        if kind != GapKind::Inside && !attested && self.stray_space(first, &restored_low) {
            return None;
        }
        Some(self.restored(kind, first, last, ligature, margin))
    }

    /// The ligature in the case of the word around it: upper-case in an upper-case word.
    pub(super) fn cased(&self, first: usize, last: usize, ligature: &str) -> String {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        if is_upper_word(self.word(left)) && is_upper_word(self.word(right)) {
            ligature.to_uppercase()
        } else {
            ligature.to_owned()
        }
    }

    /// A ligature put back where the text lacks a known word there but the batch writes the
    /// word whole (`Witko visits`, `Muwa aq`: `Witkoff`, `Muwaffaq`), at least
    /// `BATCH_WHOLE_COUNT` times: names and rare words the word list lacks.  Only where a
    /// piece as found is no word of its own (`La an` may be two words, `Witko` and the `z`
    /// of `Ha z` are none: `Scan::no_word`), and in a document that shows lost ligatures
    /// plainly (`shown`): elsewhere an unknown word is a name as written, and reading the
    /// batch for each would cost a clean text its speed.
    pub(super) fn written_whole(&self, kind: GapKind, first: usize, last: usize) -> Option<Found> {
        if !self.shown {
            return None; // read in a document that shows lost ligatures plainly, as `re` is
        }
        let batch = self.batch.as_ref()?;
        if !(first..=last).any(|k| self.no_word(k)) {
            return None;
        }
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let (l, r) = (
            self.text(left.start, left.end),
            self.text(right.start, right.end),
        );
        let ligature = LIGATURES.iter().find(|ligature| {
            let ligature = self.cased(first, last, ligature);
            let word = match kind {
                GapKind::Inside => format!("{l}{ligature}{r}"),
                GapKind::WordStart => format!("{ligature}{l}"),
                GapKind::WordEnd | GapKind::Stray | GapKind::Hyphen => format!("{l}{ligature}"),
            };
            batch.borrow_mut().word_count(&word) >= BATCH_WHOLE_COUNT
        })?;
        if kind != GapKind::Inside {
            let restored_low = match kind {
                GapKind::WordStart => format!("{ligature}{}", left.low),
                _ => format!("{}{ligature}", left.low),
            };
            if self.stray_space(first, &restored_low) {
                return None;
            }
        }
        Some(self.restored(kind, first, last, ligature, BATCH_WHOLE_MARGIN))
    }

    /// A ligature put back where `kind` says, in runs `first..=last`, where the batch writes
    /// the word it makes beside the same neighbours, one space apart, twice or more
    /// (`BATCH_WHOLE_COUNT`): beside both (`a re at` where it writes `a fire` and `fire at`),
    /// or beside the one a sentence's edge leaves and at least half as often as the word as
    /// found there (`ash floods.` where it writes `flash floods`; inside a word, the word as
    /// found is its pieces closed up: `arms tra cking,` is `arms trafficking` where the batch
    /// writes that, not `arms tracking`).  The pair table lacks most such pairs; the batch's
    /// intact copies hold them.  Beside both, the reading outweighs the word as found and a
    /// stray space (`Are at`) alike: the second item is then true.  Only where the document
    /// shows lost ligatures plainly (`shown`); `mask` holds the ligatures that make a common
    /// word there.
    fn written_beside(
        &self,
        kind: GapKind,
        first: usize,
        last: usize,
        mask: u8,
    ) -> Option<(&'static str, bool)> {
        if !self.shown {
            return None;
        }
        let batch = self.batch.as_ref()?;
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let (l, r) = (
            self.text(left.start, left.end),
            self.text(right.start, right.end),
        );
        let found = match kind {
            GapKind::Inside => format!("{l}{r}"),
            _ => l.clone(),
        };
        let neighbours: Vec<(String, bool)> = [
            self.previous(first).map(|_| (first - 1, true)),
            self.next(last).map(|_| (last + 1, false)),
        ]
        .into_iter()
        .flatten()
        .map(|(k, before)| (self.text(self.runs[k].start, self.runs[k].end), before))
        .collect();
        let pair = |word: &str, neighbour: &str, before: bool| {
            let glued = if before {
                format!("{neighbour}{word}")
            } else {
                format!("{word}{neighbour}")
            };
            batch.borrow_mut().pair_count(&glued)
        };
        LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .find_map(|(_, &ligature)| {
                let cased = self.cased(first, last, ligature);
                let word = match kind {
                    GapKind::WordStart => format!("{cased}{l}"),
                    GapKind::Inside => format!("{l}{cased}{r}"),
                    _ => format!("{l}{cased}"),
                };
                let wholes: Vec<(u64, u64)> = neighbours
                    .iter()
                    .map(|(n, before)| (pair(&word, n, *before), pair(&found, n, *before)))
                    .collect();
                let both = wholes.len() == 2 && wholes.iter().all(|&(w, _)| w >= BATCH_WHOLE_COUNT);
                let one = wholes.len() == 1
                    && wholes.iter().all(|&(whole, as_found)| {
                        whole >= BATCH_WHOLE_COUNT && 2 * whole > as_found
                    });
                (both || one).then_some((ligature, both))
            })
    }

    /// A ligature put back in the gap inside a word where the batch writes the word it
    /// makes (`trafficking`) `BATCH_WHOLE_COUNT` times or more and at least
    /// `BATCH_OVER_CLOSED` times as often as the word its pieces make closed up
    /// (`tracking`): a stray space is the other reading of such a gap, and the batch's
    /// intact copies tell the two apart where the words beside it do not (`arms tra
    /// cking,`).  Only where the document shows lost ligatures plainly (`shown`); the
    /// second item is false (the words beside it still weigh).
    fn written_over_closed(
        &self,
        kind: GapKind,
        first: usize,
        last: usize,
        mask: u8,
    ) -> Option<(&'static str, bool)> {
        if !self.shown || kind != GapKind::Inside {
            return None;
        }
        let batch = self.batch.as_ref()?;
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let (l, r) = (
            self.text(left.start, left.end),
            self.text(right.start, right.end),
        );
        let closed = batch.borrow_mut().word_count(&format!("{l}{r}"));
        LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .find(|(_, &ligature)| {
                let word = format!("{l}{}{r}", self.cased(first, last, ligature));
                let whole = batch.borrow_mut().word_count(&word);
                whole >= BATCH_WHOLE_COUNT && whole >= BATCH_OVER_CLOSED * closed
            })
            .map(|(_, &ligature)| (ligature, false))
    }

    /// The restoration of `ligature` where `kind` says, with its margin.
    pub(super) fn restored(
        &self,
        kind: GapKind,
        first: usize,
        last: usize,
        ligature: &str,
        margin: f64,
    ) -> Found {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let ligature = self.cased(first, last, ligature);
        let (at, word) = match kind {
            GapKind::Inside => {
                let (l, r) = (
                    self.text(left.start, left.end),
                    self.text(right.start, right.end),
                );
                (left.end, format!("{l}{ligature}{r}"))
            }
            GapKind::WordStart => (
                left.start,
                format!("{ligature}{}", self.text(left.start, left.end)),
            ),
            GapKind::WordEnd | GapKind::Stray | GapKind::Hyphen => (
                left.end,
                format!("{}{ligature}", self.text(left.start, left.end)),
            ),
        };
        Found {
            restored: Restored {
                at,
                kind,
                ligature,
                gapped: self.text(left.start, right.end),
                word,
                margin,
                confidence: confidence(margin),
                gaps: Vec::new(),
            },
            runs: (first, last),
        }
    }
}
