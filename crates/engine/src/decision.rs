//! Which candidate splits to apply, which to suggest: the words weighed against the rhythm.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::candidates::Candidate;
use crate::confidence::{Document, Placed};
use crate::layout::{self, Paragraph};
use crate::rhythm::{Rhythm, Segments};
use crate::text::Text;
use crate::thresholds::{
    CAP, CERTAIN, DOUBT, DUE, FAINT, GLUE_DENSITY, LEAST_LOST_RATE, MOST_LOST_RATE, RHYTHM_PASSES,
    SHAPE, SUPPORT_CAP, SURE,
};

/// A candidate, whether it is applied (else suggested), and the probability that it is
/// right.
#[derive(Clone, Debug, PartialEq)]
pub struct Decided {
    pub candidate: Candidate,
    pub fix: bool,
    pub confidence: f64,
}

/// The code points of the spaces in `[start, end)`.
fn spaces(text: &Text, start: usize, end: usize) -> Vec<i64> {
    (start..)
        .zip(text.after(start).take(end - start))
        .filter(|(_, ch)| *ch == ' ')
        .map(|(i, _)| i as i64)
        .collect()
}

/// Each candidate's place in the document's rhythm, in the order of `found`.
///
/// Candidates sure from their words alone estimate the document's line width and how
/// often its line breaks were lost.  Then each paragraph's likeliest line layout
/// (`layout::best_breaks`) picks the glues, weighing each candidate's margin against where
/// a break is due.  Without a width (clean text, sparse glues, or too few sure ones)
/// nothing is on a layout.
pub fn place(text: &Text, found: &[Candidate]) -> Vec<Placed> {
    let sure: Vec<usize> = found
        .iter()
        .filter(|c| c.margin >= SURE && !c.doubtful)
        .map(|c| c.at)
        .collect();
    let segments = Segments::of(text.text);
    let rhythm = Rhythm::estimate(&segments, &sure).or_else(|| {
        let due: Vec<usize> = found
            .iter()
            .filter(|c| c.margin >= DUE)
            .map(|c| c.at)
            .collect();
        Rhythm::estimate(&segments, &due)
    });
    let Some(rhythm) = rhythm else {
        // No line width: how glued the text is stands in for the rate of lost breaks.
        let blanks = text
            .text
            .bytes()
            .filter(|&b| b == b' ' || b == b'\n')
            .count();
        let density = GLUE_DENSITY * sure.len() as f64 / blanks.max(1) as f64;
        let glue_rate = if density > 1.0 { 1.0 } else { density };
        let placed = Placed {
            rhythm: false,
            on_layout: false,
            support: 0.0,
            glue_rate,
        };
        return vec![placed; found.len()];
    };
    let certain: FxHashSet<usize> = found
        .iter()
        .filter(|c| c.margin >= CERTAIN && !c.doubtful)
        .map(|c| c.at)
        .collect();
    // Glue points and capped margins, paragraph by paragraph, in order.
    let mut by_segment: Vec<(usize, Vec<(i64, f64)>)> = Vec::new();
    for c in found {
        if c.margin >= FAINT && !(c.familiar && c.margin < DUE) {
            let segment = rhythm.segments.index(c.at);
            let margin = c.margin - if c.doubtful { DOUBT } else { 0.0 };
            let capped = if CAP < margin { CAP } else { margin };
            // `found` is in order, so a paragraph's glues are together
            match by_segment.last_mut() {
                Some((last, glues)) if *last == segment => glues.push((c.at as i64, capped)),
                _ => by_segment.push((segment, vec![(c.at as i64, capped)])),
            }
        }
    }
    let paragraphs: Vec<(i64, i64, Vec<i64>)> = by_segment
        .iter()
        .map(|(segment, _)| {
            let (start, end) = (segments.starts[*segment], segments.ends[*segment]);
            (start as i64, end as i64, spaces(text, start, end))
        })
        .collect();
    let expected = rhythm.expected_breaks();
    let breaks = if 1.0 < expected { expected } else { 1.0 };
    let mut glued = sure.len() as f64;
    let mut picked: FxHashSet<i64> = FxHashSet::default();
    let mut favoured: FxHashMap<i64, f64> = FxHashMap::default();
    let mut glue_rate = 0.0;
    for last in (1..=RHYTHM_PASSES).rev() {
        let rate = glued / breaks;
        let rate = if rate > LEAST_LOST_RATE {
            rate
        } else {
            LEAST_LOST_RATE
        };
        glue_rate = if MOST_LOST_RATE < rate {
            MOST_LOST_RATE
        } else {
            rate
        };
        picked.clear();
        for ((_, glues), (start, end, spaced)) in by_segment.iter().zip(&paragraphs) {
            let paragraph = Paragraph {
                start: *start,
                end: *end,
                spaces: spaced,
                glues,
                width: rhythm.width,
                glue_rate,
            };
            if last > 1 {
                picked.extend(layout::best_breaks(&SHAPE, &paragraph));
            } else {
                let (chosen, held) = layout::support(&SHAPE, &paragraph);
                picked.extend(chosen);
                favoured.extend(held);
            }
        }
        let mut all = picked.clone();
        all.extend(certain.iter().map(|&at| at as i64));
        glued = all.len() as f64;
    }
    found
        .iter()
        .map(|c| {
            let at = c.at as i64;
            Placed {
                rhythm: true,
                on_layout: picked.contains(&at),
                support: favoured.get(&at).copied().unwrap_or(-SUPPORT_CAP),
                glue_rate,
            }
        })
        .collect()
}

/// Each candidate's confidence, and whether it is applied (`apply_at` or more), suggested
/// (`suggest_at` or more) or dropped.
pub fn decide(
    document: &Document,
    found: &[Candidate],
    apply_at: f64,
    suggest_at: f64,
) -> Vec<Decided> {
    let places = place(document.text, found);
    found
        .iter()
        .zip(places)
        // the words alone say no (of 137,000 on the dev benches, 3 reached 0.1)
        .filter(|(c, _)| c.margin >= FAINT)
        .filter_map(|(c, placed)| {
            let sure = document.confidence(c, &placed);
            (sure >= apply_at || sure >= suggest_at).then(|| Decided {
                candidate: c.clone(),
                fix: sure >= apply_at,
                confidence: sure,
            })
        })
        .collect()
}
