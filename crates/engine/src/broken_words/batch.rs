//! What the batch's intact copies say of a gap a lost ligature may have left: the word it
//! makes written whole (`Witko` where the batch writes `Witkoff`), written beside the same
//! neighbours (`a re at` where it writes `a fire` and `fire at`), or written far more
//! often than the pieces closed up (`trafficking` against `tracking`).  The word list's
//! pair table lacks most such names and pairs; a batch that lost some ligatures rarely
//! lost them all.  Each read is noted for incremental runs.

use super::index::index;
use super::scan::Scan;
use super::{ligatures_in, made, Found, GapKind, LIGATURES};
use crate::thresholds::{
    BATCH_FOUND_ONLY_COUNT, BATCH_OVER_CLOSED, BATCH_SHOWN_PIECES, BATCH_WHOLE_COUNT,
    BATCH_WHOLE_MARGIN, LIGATURE_LEFTOVER_ZIPF,
};

impl Scan<'_> {
    /// Whether the batch shows lost ligatures plainly: it writes `BATCH_SHOWN_PIECES`
    /// distinct leftovers of very common words that lost one at an edge (`ghters`,
    /// `nancing`; `index::leftover`), each count read noted.  A document of such a batch
    /// is read as one that shows the loss itself (`in a re at`, `lay o 4,700`).
    pub(super) fn batch_shows(&self) -> bool {
        let Some(batch) = self.batch.as_ref() else {
            return false;
        };
        let mut written = 0;
        for piece in &index(self.lexicon).leftovers {
            if batch.borrow_mut().word_count(piece) >= 1 {
                written += 1;
                if written >= BATCH_SHOWN_PIECES {
                    return true;
                }
            }
        }
        false
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
        let (l, r) = (self.written(first), self.written(last));
        let ligature = LIGATURES.iter().find(|ligature| {
            let word = made(kind, &l, &r, &self.cased(first, last, ligature));
            batch.borrow_mut().word_count(&word) >= BATCH_WHOLE_COUNT
        })?;
        if self.stray_at_edge(kind, first, ligature) {
            return None;
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
    /// word there, `lean` the one the words alone favour, if any.
    pub(super) fn written_beside(
        &self,
        kind: GapKind,
        first: usize,
        last: usize,
        mask: u8,
        lean: Option<&'static str>,
    ) -> Option<(&'static str, bool)> {
        if !self.shown {
            return None;
        }
        let batch = self.batch.as_ref()?;
        let (l, r) = (self.written(first), self.written(last));
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
        .map(|(k, before)| (self.written(k), before))
        .collect();
        let pair = |word: &str, neighbour: &str, before: bool| {
            let glued = if before {
                format!("{neighbour}{word}")
            } else {
                format!("{word}{neighbour}")
            };
            batch.borrow_mut().pair_count(&glued)
        };
        ligatures_in(mask).find_map(|ligature| {
            let word = made(kind, &l, &r, &self.cased(first, last, ligature));
            let wholes: Vec<(u64, u64)> = neighbours
                .iter()
                .map(|(n, before)| (pair(&word, n, *before), pair(&found, n, *before)))
                .collect();
            let both = wholes.len() == 2 && wholes.iter().all(|&(w, _)| w >= BATCH_WHOLE_COUNT);
            let strong = |&(whole, as_found): &(u64, u64)| {
                whole >= BATCH_WHOLE_COUNT && 2 * whole > as_found
            };
            // Beside two neighbours, one may do where the other says nothing against it (the
            // pair as found is written no more often than the word's, this copy aside, both
            // perhaps never) and the words alone lean the same way (`lean`): `Press les a` is
            // `Press files a` where the batch writes `files a` and never `Press files`.  On
            // the ligature benches this put back 19 words, 18 right; the wrong one was `and
            // ash up` where the batch writes `and flash` three times.
            let silent = |&(whole, as_found): &(u64, u64)| as_found <= whole + 1;
            let one = match wholes.as_slice() {
                [side] => strong(side),
                [left, right] => {
                    lean == Some(ligature)
                        && ((strong(left) && silent(right)) || (strong(right) && silent(left)))
                }
                _ => false,
            };
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
    pub(super) fn written_over_closed(
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
        let (l, r) = (self.written(first), self.written(last));
        let closed = batch.borrow_mut().word_count(&format!("{l}{r}"));
        ligatures_in(mask)
            .find(|ligature| {
                let word = format!("{l}{}{r}", self.cased(first, last, ligature));
                let whole = batch.borrow_mut().word_count(&word);
                whole >= BATCH_WHOLE_COUNT && whole >= BATCH_OVER_CLOSED * closed
            })
            .map(|ligature| (ligature, false))
    }

    /// Whether the batch says a word found where a ligature would go at its start or end is
    /// the word meant: it writes the word `BATCH_FOUND_ONLY_COUNT` times or more and never
    /// the word the ligature would make (release notes write `rebase` 261 times, `rm` 14
    /// times, never `firebase` or `firm`).  A batch that lost some ligatures rarely lost them
    /// all, so a word it writes as found that often and never whole is none it lost.  Not
    /// where the word made is far more common than the word found (`LIGATURE_LEFTOVER_ZIPF`):
    /// `rst` is what `first` leaves, and a batch that lost every ligature writes it so.
    pub(super) fn written_as_found(&self, kind: GapKind, first: usize, ligature: &str) -> bool {
        let Some(batch) = self.batch.as_ref() else {
            return false;
        };
        if kind == GapKind::Inside {
            return false;
        }
        let low = self.runs[first].low;
        let made_low = made(kind, low, "", ligature);
        if self.lexicon.zipf(&made_low) >= self.lexicon.zipf(low) + LIGATURE_LEFTOVER_ZIPF {
            return false;
        }
        let found = self.written(first);
        let word = made(kind, &found, "", &self.cased(first, first, ligature));
        let mut batch = batch.borrow_mut();
        batch.word_count(&found) >= BATCH_FOUND_ONLY_COUNT && batch.word_count(&word) == 0
    }
}
