//! The joins stage's rounds: the decision repeated on its own result until it applies
//! nothing more (a repaired text's layout differs from the damaged one's), so that
//! cleaning the output again changes nothing.
//!
//! Each round reads the text as the rounds before left it: its candidates, the text's
//! code share, the decision.  A round's splits are spaces put in; the stage's edits are
//! the first round's fixes and suggestions and each later round's fixes, placed in the
//! text the stage was given.  A later fix at the place of an earlier suggestion replaces
//! it; a later round's suggestions are dropped (the first round's stand for them).

use rustc_hash::FxHashSet;

use crate::candidates::{Cache, Candidate, CapitalsLine, Finder};
use crate::confidence::Document;
use crate::decision::Decided;
use crate::patterns::{code_share, protected_spans};
use crate::stage::{as_configured, decide_round, Settings};
use crate::text::Text;
use crate::thresholds::MAX_ROUNDS;
use crate::vocabulary::{Reads, Vocabulary};

/// A decision of the stage, at its place (code points) in the text it was given.
#[derive(Clone, Debug)]
pub struct Placed {
    pub at: usize,
    pub decided: Decided,
}

/// What the rounds read: the search, the batch's counts and their candidates' memo, the
/// settings, the thresholds of a fix and of a suggestion, and the spans (code points,
/// sorted) of the text's code, which no round splits, as none splits a URL: a split there
/// would be left out of the cleaning, and a later round would decide the prose by it.
pub struct Rounds<'a> {
    pub finder: &'a Finder<'a>,
    pub vocabulary: &'a Vocabulary,
    pub settings: &'a Settings,
    pub apply_at: f64,
    pub suggest_at: f64,
    pub code: &'a [(usize, usize)],
}

impl Rounds<'_> {
    /// The stage's decisions on `text`, in order of place, a fix before a suggestion at
    /// one; with `reads`, every batch count a round read is noted in it.
    pub fn decide(
        &self,
        text: &str,
        cache: &mut Cache,
        mut reads: Option<&mut Reads>,
    ) -> Vec<Placed> {
        let mut current = text.to_owned();
        // where each point of `current` stands in `text`
        let mut origin: Vec<usize> = (0..=text.chars().count()).collect();
        let mut placed: Vec<Placed> = Vec::new();
        let mut code = 0.0;
        let mut spans = self.code.to_vec(); // the code's, where it stands in `current`
        let lines = CapitalsLine::default;
        let mut found = self.candidates(&current, &spans, cache, reads.as_deref_mut(), lines());
        for round in 0..MAX_ROUNDS {
            let decided = self.round(&current, found.clone(), &mut code);
            let (fixes, suggestions): (Vec<Decided>, Vec<Decided>) =
                decided.into_iter().partition(|d| d.fix);
            let points: Vec<usize> = fixes.iter().map(|d| d.candidate.at).collect();
            let at = |d: Decided| Placed {
                at: origin[d.candidate.at],
                decided: d,
            };
            if round == 0 {
                placed.extend(fixes.into_iter().map(at));
                placed.extend(suggestions.into_iter().map(at));
            } else {
                let later: Vec<Placed> = fixes.into_iter().map(at).collect();
                let taken: FxHashSet<usize> = later.iter().map(|p| p.at).collect();
                placed.retain(|p| p.decided.fix || !taken.contains(&p.at));
                placed.extend(later);
            }
            if points.is_empty() {
                break;
            }
            let spaced_text = spaced(&current, &points);
            found = self.respaced(
                &current,
                &spaced_text,
                found,
                &points,
                cache,
                reads.as_deref_mut(),
            );
            current = spaced_text;
            origin = moved(&origin, &points);
            spans = shifted(&spans, &points);
        }
        // stable: at one place, in the order made
        placed.sort_by_key(|p| (p.at, !p.decided.fix));
        placed
    }

    /// Every candidate of `text` as the settings leave them, none in `code` (spans, sorted).
    fn candidates(
        &self,
        text: &str,
        code: &[(usize, usize)],
        cache: &mut Cache,
        reads: Option<&mut Reads>,
        lines: CapitalsLine,
    ) -> Vec<Candidate> {
        let mut protected = protected_spans(text);
        if !code.is_empty() {
            protected.extend_from_slice(code);
            protected.sort_unstable();
        }
        let found = self
            .finder
            .candidates(text, &protected, self.vocabulary, cache, reads, lines);
        as_configured(&Text::new(text), found, self.settings)
    }

    /// The candidates of `spaced_text` (`spaced(text, points)`) from `found`, those of
    /// `text`: a token's candidates are its own (and the settings' words lie inside one),
    /// so a token no space went into keeps them, moved, and only the pieces of one a space
    /// went into are read (a later round read the whole text again, a tenth of the
    /// search's time).
    fn respaced(
        &self,
        text: &str,
        spaced_text: &str,
        found: Vec<Candidate>,
        points: &[usize],
        cache: &mut Cache,
        mut reads: Option<&mut Reads>,
    ) -> Vec<Candidate> {
        let before = |at: usize| points.partition_point(|&point| point < at);
        let hit = tokens_holding(text, points);
        let inside = |at: usize| {
            let k = hit.partition_point(|&(start, _)| start < at);
            k > 0 && at < hit[k - 1].1
        };
        let mut out: Vec<Candidate> = found
            .into_iter()
            .filter(|c| !inside(c.at))
            .map(|c| Candidate {
                at: c.at + before(c.at),
                ..c
            })
            .collect();
        let bytes: Vec<usize> = spaced_text
            .char_indices()
            .map(|(at, _)| at)
            .chain([spaced_text.len()])
            .collect();
        for &(start, end) in &hit {
            let (start, end) = (start + before(start), end + before(end));
            let piece = &spaced_text[bytes[start]..bytes[end]];
            // a token a space went into holds no code: no round splits there; it stands on
            // its line in capitals or not as it did
            let lines = CapitalsLine::at(spaced_text, bytes[start]);
            let read = self.candidates(piece, &[], cache, reads.as_deref_mut(), lines);
            out.extend(read.into_iter().map(|c| Candidate {
                at: c.at + start,
                ..c
            }));
        }
        out.sort_by_key(|c| c.at);
        out
    }

    /// One round's decisions on `text`, whose candidates are `found` (`code`: the code
    /// share read last, read again where there are candidates to weigh).
    fn round(&self, text: &str, found: Vec<Candidate>, code: &mut f64) -> Vec<Decided> {
        let indexed = Text::new(text);
        if !found.is_empty() {
            *code = code_share(text);
        }
        let document = Document {
            text: &indexed,
            lexicon: self.finder.lexicon,
            lists: self.finder.lists,
            code: *code,
        };
        decide_round(&document, found, self.apply_at, self.suggest_at)
    }
}

/// The spans (code points) of the whitespace-delimited tokens of `text` (as the candidate
/// search reads them) that hold one of `points` (ascending) inside.
fn tokens_holding(text: &str, points: &[usize]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut next = 0; // the first point not yet placed
    let mut start = None;
    let mut chars = text.chars().chain([' ']).enumerate();
    while next < points.len() {
        let Some((at, ch)) = chars.next() else {
            break;
        };
        match (start, ch.is_whitespace()) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                start = None;
                if points[next] <= from {
                    // a point at a token's edge stands in none
                    next += points[next..].partition_point(|&point| point <= from);
                }
                let holds = next < points.len() && points[next] < at;
                if holds {
                    spans.push((from, at));
                    next += points[next..].partition_point(|&point| point < at);
                }
            }
            _ => {}
        }
    }
    spans
}

/// Where `spans` of a text stand once a space is put in at each of `points` (`spaced`):
/// a span's first character moves on by the spaces put in at or before it, its end by
/// those put in before its last character.
fn shifted(spans: &[(usize, usize)], points: &[usize]) -> Vec<(usize, usize)> {
    let at_or_before = |at: usize| points.partition_point(|&point| point <= at);
    spans
        .iter()
        .map(|&(start, end)| {
            let last = end.saturating_sub(1).max(start);
            (start + at_or_before(start), end + at_or_before(last))
        })
        .collect()
}

/// `text` with a space put in at each of `points` (code points, ascending, distinct).
fn spaced(text: &str, points: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + points.len());
    let mut next = points.iter().peekable();
    for (k, ch) in text.chars().enumerate() {
        if next.next_if(|&&point| point == k).is_some() {
            out.push(' ');
        }
        out.push(ch);
    }
    if next.peek().is_some() {
        out.push(' '); // a point at the end (no split stands there; kept whole all the same)
    }
    out
}

/// Where each point of the spaced text (`spaced(text, points)`) stands in the text the
/// `origin` of `text`'s points maps: a space put in stands where it was put, any other
/// point where it stood before the spaces.  (The Python stage's `Locator` read the same.)
fn moved(origin: &[usize], points: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(origin.len() + points.len());
    let mut put = 0; // spaces put in so far
    for (k, &stood) in origin.iter().enumerate() {
        if points.get(put) == Some(&k) {
            out.push(stood);
            put += 1;
        }
        out.push(stood);
    }
    out
}

#[cfg(test)]
mod tests;
