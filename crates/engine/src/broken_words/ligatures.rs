//! A ligature put back: in the gap inside a word, or at a word's start or end.

use super::index::{index, rare_mask};
use super::scan::Scan;
use super::{confidence, ligatures_in, made, Found, GapKind, Restored, LIGATURES};
use crate::lexicon::ZIPF_OFFSET;
use crate::pystr::is_lower_letter;
use crate::thresholds::{
    BATCH_WHOLE_MARGIN, LIGATURE_LEAST_ZIPF, LIGATURE_STRAY_PRIOR, MOVED_SCRAP_ZIPF,
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
        let words: Vec<(&'static str, String)> = ligatures_in(mask)
            .map(|ligature| (ligature, restored(ligature)))
            .collect();
        if words.is_empty() {
            return None; // the common case: no word has a ligature there
        }
        let found: Vec<&str> = (first..=last).map(|i| self.runs[i].low).collect();
        let mut as_found = self.score(first, last, &found);
        if first < last {
            // `ru les`: a stray space in `rules`, not a lost glyph in `ruffles`; where the
            // document shows lost ligatures and no stray spaces and a piece is no word, the
            // space is damage either way, and a stray one pays its prior (`a rmed`:
            // `affirmed`, not `armed`)
            let closed = found.concat();
            if self.lexicon.logp(&closed).is_some() {
                let scrap = || {
                    found
                        .iter()
                        .any(|piece| self.lexicon.zipf(piece) < MOVED_SCRAP_ZIPF)
                };
                let prior = if self.shown && !self.strays_shown && scrap() {
                    LIGATURE_STRAY_PRIOR
                } else {
                    0.0
                };
                as_found = as_found.max(self.score(first, last, &[&closed]) - prior);
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
        let mask = self.mask(GapKind::Inside, first, last);
        ligatures_in(mask)
            .map(|ligature| self.score(first, last, &[&format!("{left}{ligature}{right}")]))
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
        let word = self.runs[i].low;
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
        let mask = self.mask(kind, first, last);
        if mask == 0 {
            // the common case: no common word has a ligature there; a name may, or a rarer word
            return self
                .written_whole(kind, first, last)
                .or_else(|| self.rare_word(kind, first, last));
        }
        let best = self.best(first, last, mask, |l| made(kind, left.low, right.low, l));
        // the words alone settle most gaps; the batch is read (and its counts noted) only
        // where they leave one open: a weak reading, or one a stray space outweighs
        let settled = best.filter(|&(ligature, margin)| {
            margin >= BATCH_WHOLE_MARGIN && !self.stray_at_edge(kind, first, ligature)
        });
        if let Some((ligature, margin)) = settled {
            if self.written_as_found(kind, first, ligature) {
                return None;
            }
            return Some(self.restored(kind, first, last, ligature, margin));
        }
        let beside = if matches!(
            kind,
            GapKind::WordStart | GapKind::WordEnd | GapKind::Inside
        ) {
            self.written_beside(kind, first, last, mask, best.map(|(ligature, _)| ligature))
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
        let attested = beside.is_some_and(|(_, both)| both);
        if !attested
            && (self.stray_at_edge(kind, first, ligature)
                || self.written_as_found(kind, first, ligature))
        {
            return None;
        }
        Some(self.restored(kind, first, last, ligature, margin))
    }

    /// A ligature put back where it makes only a rarer word (zipf `LIGATURE_RARE_ZIPF`:
    /// `vefold` is `fivefold`, `rebombing` `firebombing`), if it reads best: only where the
    /// document shows lost ligatures plainly and a piece as found is no word: one the word
    /// list lacks, or holds as rarer than any word a gap is read as elsewhere, where the gap
    /// shows inside a word (`rati es`) or the piece is lower-case.  A capitalised piece the
    /// word list holds may be a name as written (`Kristo`); an upper-case run is no piece
    /// that lost letters (`may_lose`).
    pub(super) fn rare_word(&self, kind: GapKind, first: usize, last: usize) -> Option<Found> {
        // no word: unknown, or rarer than a word restored anywhere (`rati es`, `nulli es`)
        // where the gap shows inside a word or the piece is lower-case (a name as found,
        // `Kristo`, may be written so)
        let no_word = |k: usize| {
            let run = &self.runs[k];
            self.lexicon.logp(run.low).is_none_or(|logp| {
                logp + ZIPF_OFFSET < LIGATURE_LEAST_ZIPF
                    && (kind == GapKind::Inside || is_lower_letter(self.chars[run.start]))
            })
        };
        if !self.shown || !(first..=last).any(no_word) {
            return None;
        }
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let mask = rare_mask(self.lexicon, kind, left.low, right.low);
        if mask == 0 {
            return None;
        }
        let (ligature, margin) =
            self.best(first, last, mask, |l| made(kind, left.low, right.low, l))?;
        if self.stray_at_edge(kind, first, ligature) || self.written_as_found(kind, first, ligature)
        {
            return None;
        }
        Some(self.restored(kind, first, last, ligature, margin))
    }

    /// The ligature in the case of the word around it: upper-case in an upper-case word.
    pub(super) fn cased(&self, first: usize, last: usize, ligature: &str) -> String {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        if left.upper && right.upper {
            ligature.to_uppercase()
        } else {
            ligature.to_owned()
        }
    }

    /// Whether a ligature put back at the start or end of word `first` (`kind`) is
    /// outweighed by a stray space beside it (`stray_space`); inside a word it never is.
    pub(super) fn stray_at_edge(&self, kind: GapKind, first: usize, ligature: &str) -> bool {
        kind != GapKind::Inside
            && self.stray_space(first, &made(kind, self.runs[first].low, "", ligature))
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
            GapKind::WordEnd | GapKind::Stray | GapKind::Hyphen | GapKind::Moved => (
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
