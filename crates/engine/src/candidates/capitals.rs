//! Words glued in capitals (`ISPROVIDED`, `FITNESSFORA`, `TABLE OFCONTENTS`): a disclaimer or
//! a heading set in capitals whose line breaks were lost.  A run of capitals is read as the
//! lower-case words it holds, and split only on a line set in capitals: an acronym or a
//! setting in running text (`PYTHONPATH`, `UNESCO`) stands among lower-case words.

use super::{Candidate, Finder, Seen};
use crate::pystr::{is_letter, is_upper, lower, string};
use crate::thresholds::FAMILIAR_ZIPF;
use crate::vocabulary::Reader;

/// A run of capitals this long or longer may be words glued (`OFTHE`, `ISPROVIDED`); a
/// shorter one is mostly an acronym (`NASA`, `ISIS`).
const CAPITALS_LEAST: usize = 5;
/// The least margin (log10 odds) of a glue in capitals: capitals hide what tells a name
/// (`PARAND`, `BARBUT`, `CAPSAT`) from words, and the line layout alone made such names
/// sure splits.  On news with every fourth paragraph in capitals (`benchmarks/capitals.py`,
/// the capitals' candidates alone, at apply-at): with no floor 0.9943-0.9952 of the splits
/// right under wrap damage (seeds 1-3) and 0.973-0.985 under sparse damage (0.01 seeds 1-2,
/// 0.03); with 1.5, 0.9973-0.9986 and 0.989-0.996.  The whole benches (`quality.py`'s
/// `capitals-wrap-1` and `capitals-sparse-0.01-2`): precision 0.9982 and 0.9933 at recall
/// 0.958 and 0.922 with no floor, 0.9987/0.9958 at 0.944/0.914 with 1.0, 0.9988/0.9962 at
/// 0.940/0.909 with 1.5, 0.9990/0.9969 at 0.934/0.902 with 2.0.
const CAPITALS_LEAST_MARGIN: f64 = 1.5;
/// A line is set in capitals when it holds this many letters or more (a heading of one
/// word, `CHANGELOG`, is no glue) ...
const CAPITALS_LINE_LETTERS: usize = 12;
/// ... and this share of its cased letters or more is upper-case (a few lower-case ones,
/// `McDONALD`, `iPHONE`, leave it in capitals; a line that names acronyms among words is
/// not).
const CAPITALS_LINE_SHARE: f64 = 0.9;
/// On a line of both cases, a stretch with no lower-case letter and this many capitals or
/// more is set in capitals too: a disclaimer in capitals that a lost line break joined to
/// the licence's prose before it (`... written permission. THIS SOFTWARE IS PROVIDED ...
/// IMPLIEDWARRANTIES ... OFMERCHANTABILITY`, some 200 letters).  Five or six words: acronyms
/// and settings in running text stand one or two together (`NATO UNESCO`, `PYTHONPATH,
/// LDFLAGS`).
const CAPITALS_STRETCH_LETTERS: usize = 30;

impl Finder<'_> {
    /// The candidates of a run of capitals, at offsets within it: those of the lower-case
    /// words it spells (`word_candidates`) that are sure enough (`CAPITALS_LEAST_MARGIN`),
    /// their sides as written.  None where the run spells a word of the list, or a name the
    /// batch writes capitalised.
    pub(super) fn capitals_candidates(&self, run: &[char], reader: &mut Reader) -> Vec<Candidate> {
        if run.len() < CAPITALS_LEAST || !is_upper(run) {
            return Vec::new();
        }
        let low: Vec<char> = lower(run).chars().collect();
        if low.len() != run.len() {
            return Vec::new(); // a capital whose lower case is two letters: sides would shift
        }
        // a name the batch writes capitalised (`Hasto` for `HASTO`) again, and more often
        // than as two words (`The south`); a lost break's glue at a sentence's start
        // (`Thediscovery`) is written once, and a second cleaning, which finds it split,
        // would read the capitals otherwise.  The lower-case form's counts are read by
        // `word_candidates`, as for any glue.
        let titled: String = run[..1].iter().chain(&low[1..]).collect();
        let written = reader.word_count(&titled);
        if written >= 2 && written > reader.pair_count(&titled) {
            return Vec::new();
        }
        if self.lexicon.zipf(&string(&low)) >= FAMILIAR_ZIPF {
            return Vec::new(); // a word of the list, however rare: an acronym read as one (ISIS)
        }
        self.word_candidates(&low, 0, reader)
            .into_iter()
            .filter(|candidate| candidate.margin >= CAPITALS_LEAST_MARGIN)
            .map(|candidate| {
                let left = candidate.left.chars().count();
                let right = candidate.right.chars().count();
                let at = candidate.at;
                Candidate {
                    left: string(&run[at - left..at]).into(),
                    right: string(&run[at..at + right]).into(),
                    capitals: true,
                    ..candidate
                }
            })
            .collect()
    }
}

/// The line a token stands on (byte offsets) and whether it is set in capitals, kept for the
/// next token, which mostly stands on the same line.  A search of a piece of a text
/// (`CapitalsLine::at`: a round reads a split token alone) reads the line the piece stands
/// on in the text, once and only if a token asks.
#[derive(Debug, Default)]
pub struct CapitalsLine<'t> {
    start: usize,
    end: usize,
    capitals: bool,
    place: Option<(&'t str, usize)>,
}

impl<'t> CapitalsLine<'t> {
    /// Every token read as standing at byte `at` of `text`.
    pub fn at(text: &'t str, at: usize) -> CapitalsLine<'t> {
        CapitalsLine {
            place: Some((text, at)),
            ..CapitalsLine::default()
        }
    }

    /// Whether byte `at` of `text` stands in capitals: on a line set in capitals, or in a
    /// long stretch of one with no lower-case letter (`in_capitals_stretch`).
    pub(super) fn holds(&mut self, text: &str, at: usize) -> bool {
        let (text, at) = self.place.unwrap_or((text, at));
        if !(self.start <= at && at < self.end) {
            self.start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            self.end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            self.capitals = in_capitals(&text[self.start..self.end]);
        }
        self.capitals || in_capitals_stretch(&text[self.start..self.end], at - self.start)
    }
}

/// Whether byte `at` of `line` stands in a stretch with no lower-case letter that holds
/// `CAPITALS_STRETCH_LETTERS` upper-case letters or more, and no `=` or `_`: a list of
/// constants (`CRITICAL = 50 DEBUG = 10 ... NOTSET = 0`) is code, not a disclaimer.  Letters
/// alone bound it, as they do a line: a split puts a space in and changes none.
fn in_capitals_stretch(line: &str, at: usize) -> bool {
    // the capitals read from one side, up to the least, and whether a code mark came first
    let upper_run = |chars: &mut dyn Iterator<Item = char>| {
        let mut upper = 0;
        for ch in chars.take_while(|ch| !ch.is_lowercase()) {
            if ch == '=' || ch == '_' {
                return None;
            }
            upper += usize::from(ch.is_uppercase());
            if upper == CAPITALS_STRETCH_LETTERS {
                break;
            }
        }
        Some(upper)
    };
    let Some(after) = upper_run(&mut line[at..].chars()) else {
        return false;
    };
    after >= CAPITALS_STRETCH_LETTERS
        || upper_run(&mut line[..at].chars().rev())
            .is_some_and(|before| after + before >= CAPITALS_STRETCH_LETTERS)
}

/// Whether a line is set in capitals: `CAPITALS_LINE_LETTERS` letters or more, and of its
/// cased letters a share of `CAPITALS_LINE_SHARE` or more upper-case (a disclaimer, a
/// heading; not a setting or an acronym in running text, nor a heading of one word,
/// `CHANGELOG`).  Only its letters count, never its words: a split puts a space in and
/// changes no letter, so a second cleaning reads the line as the first did.
fn in_capitals(line: &str) -> bool {
    let (mut upper, mut cased, mut letters) = (0usize, 0usize, 0usize);
    for ch in line.chars().filter(|&ch| is_letter(ch)) {
        letters += 1;
        upper += usize::from(ch.is_uppercase());
        cased += usize::from(ch.is_uppercase() || ch.is_lowercase());
    }
    letters >= CAPITALS_LINE_LETTERS && upper as f64 >= CAPITALS_LINE_SHARE * cased as f64
}

impl Seen {
    /// `Seen::of` for a glue in capitals: each side counted as written and in lower case,
    /// as the words it is read as.
    pub(super) fn of_capitals(left: &str, right: &str, reader: &mut Reader) -> Seen {
        let written = Seen::of(left, right, reader);
        let low = Seen::of(&left.to_lowercase(), &right.to_lowercase(), reader);
        Seen {
            left: written.left.saturating_add(low.left),
            right: written.right.saturating_add(low.right),
            glued: written.glued.saturating_add(low.glued),
            batch: written.batch,
        }
    }
}

#[cfg(test)]
mod tests;
