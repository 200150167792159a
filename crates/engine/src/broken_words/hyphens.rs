//! A compound's hyphen put back: a line break's removal took it (`lawabiding`).
//!
//! Extractors join a word hyphenated at a line end by dropping the hyphen, and cannot tell
//! the hyphen of a compound that happened to fall there from a soft one: `law-\nabiding`
//! comes out `lawabiding`.  The evidence is the batch: where it writes the compound with
//! its hyphen, a glued copy the word list lacks has lost it.

use super::scan::Scan;
use super::{confidence, Found, GapKind, Restored};
use crate::lexicon::zipf_of;
use crate::thresholds::{BATCH_WHOLE_COUNT, BATCH_WHOLE_MARGIN, HYPHEN_PART_ZIPF};

impl Scan<'_> {
    /// Run `i` read as a compound the batch writes with its hyphen, where the run is a
    /// lower-case word the word list lacks, standing alone, and both parts are words; the
    /// split the batch writes most often (the first of a tie).  `known`: whether the word
    /// list holds the run, where the caller has read it already; `bounded`: whether the run
    /// is bounded before and after (`bounded_before`, `bounded_after`), as the caller has
    /// read it for every run (reading it again here took a tenth of the stage's time).
    pub(super) fn lost_hyphen(
        &self,
        i: usize,
        known: Option<bool>,
        bounded: bool,
    ) -> Option<Found> {
        let batch = self.batch.as_ref()?;
        let run = &self.runs[i];
        let word = self.word(run);
        if word.len() < 5
            || !run.lower
            || !bounded
            || run.start.checked_sub(1).and_then(|k| self.chars.get(k)) == Some(&'-')
            || known.unwrap_or_else(|| self.lexicon.logp(run.low).is_some())
        {
            return None;
        }
        let mut best: Option<(usize, u64)> = None;
        // every left part's frequency in one walk of the word list; the parts are slices
        // of the run as written (a string for each part of each cut was a quarter of this)
        let written = self.text(run.start, run.end);
        let lefts = self.lexicon.prefix_frequencies(&written);
        let cuts = written
            .char_indices()
            .enumerate()
            .take(word.len() - 1)
            .skip(2);
        for (cut, (byte, _)) in cuts {
            if zipf_of(lefts.get(cut).copied().flatten()) < HYPHEN_PART_ZIPF {
                continue;
            }
            let (left, right) = written.split_at(byte);
            if self.lexicon.zipf(right) < HYPHEN_PART_ZIPF {
                continue;
            }
            let mut reader = batch.borrow_mut();
            let count = reader.hyphened_count(&format!("{left}-{right}"));
            if count < BATCH_WHOLE_COUNT {
                continue; // once is no evidence: `border-security` may be one writer's
            }
            // Written apart anywhere (`first ever`, `drug trafficking`), a glued copy may be
            // two words a lost line break joined, the joins stage's; written solid as often
            // as with the hyphen (`narcoterrorists`), it is a spelling of its own.
            let apart = reader.pair_count(run.low);
            let solid = reader.word_count(run.low);
            if apart == 0 && count >= solid && best.is_none_or(|(_, held)| count > held) {
                best = Some((cut, count));
            }
        }
        let (cut, _) = best?;
        let gapped = written;
        let (left, right) = (
            self.text(run.start, run.start + cut),
            self.text(run.start + cut, run.end),
        );
        Some(Found {
            restored: Restored {
                at: run.start + cut,
                kind: GapKind::Hyphen,
                ligature: "-".to_owned(),
                gapped,
                word: format!("{left}-{right}"),
                margin: BATCH_WHOLE_MARGIN,
                confidence: confidence(BATCH_WHOLE_MARGIN),
                gaps: Vec::new(),
            },
            runs: (i, i),
        })
    }
}
