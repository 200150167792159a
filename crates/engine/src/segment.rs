//! The best reading of a letter run as words: where a run such as `accusingherofcontempt`
//! splits, and how likely that reading is (log10).  The candidates of the joins stage are
//! built on it; it is the stage's innermost loop.
//!
//! Every step is the Python engine's it replaced, to the bit: the same code-point
//! indexing, the same lower-casing (of the same substrings), the same order of float
//! operations and the same tie-breaking, so the cleaned text and every confidence stayed
//! as they were (`benchmarks/parity.py` compared the two on every bench).

use std::cell::RefCell;

use crate::lexicon::Lexicon;
use crate::pystr::{char_starts, py_slice, string};
use crate::thresholds::{SCRAP_LETTERS, SCRAP_LOGP};

/// The tuned numbers a reading is scored with (`thresholds::COSTS`).
#[derive(Clone, Copy, Debug)]
pub struct Costs {
    /// log10 prior against a glue at any one point.
    pub split_cost: f64,
    /// log10 p of a capitalised token the lexicon lacks (a name)...
    pub name_logp: f64,
    /// ...less this per letter.
    pub name_per_letter: f64,
    /// A word after an unknown name must be this common (zipf).
    pub name_tail_zipf: f64,
    /// A run splits into at most this many words.
    pub max_parts: usize,
    /// A part is at most this many letters.
    pub max_part_letters: usize,
}

/// Python's `str.isupper()` of one character: it is cased and upper-case.
fn is_upper(ch: char) -> bool {
    ch.is_uppercase()
}

/// The best reading of `run[..i]` in some number of parts: its score and where its last
/// part starts (0 for the first), from which its cuts are read back.
#[derive(Clone, Copy, Debug)]
struct Cell {
    score: f64,
    start: usize,
}

/// What a first part is, as the lexicon sees it: its frequency (None if unlisted), and
/// its lower-cased form's length and whether it is a word of one letter.
struct Seen {
    frequency: Option<f64>,
    low_letters: usize,
    a_or_i: bool,
}

impl Seen {
    fn of(lexicon: &Lexicon, part: &[char], low: &str) -> Seen {
        Seen {
            frequency: lexicon.frequency(low),
            low_letters: low.chars().count(),
            a_or_i: one_letter_word(part),
        }
    }
}

/// Whether a part of one letter is a word as written: `a` or `A`, and the pronoun only as
/// `I`.  The word list reads every word in lower case, and there `i` is the pronoun; in
/// edited prose a lower-case `i` is none (`ishit` is `is hit`, not `i shit`).
fn one_letter_word(part: &[char]) -> bool {
    matches!(part, ['a' | 'A' | 'I'])
}

pub struct Segmenter<'a, F, E>
where
    F: FnMut(&str) -> Result<u64, E>,
{
    pub lexicon: &'a Lexicon,
    pub costs: Costs,
    /// How often the batch writes a word as it is (`Vocabulary.word_count`): a name the
    /// batch repeats reads likelier.
    pub word_count: F,
}

impl<F, E> Segmenter<'_, F, E>
where
    F: FnMut(&str) -> Result<u64, E>,
{
    fn name_logp(&mut self, name: &str, letters: usize) -> Result<f64, E> {
        let seen = if (self.word_count)(name)? > 1 {
            1.0
        } else {
            0.0
        };
        Ok(self.costs.name_logp + self.costs.name_per_letter * letters as f64 + seen)
    }

    /// log10 p of one part of a split: known words, or a capitalised name.
    fn part_logp(&mut self, part: &[char], seen: &Seen) -> Result<Option<f64>, E> {
        let value = seen.frequency.filter(|f| *f != 0.0).map(f64::log10);
        if seen.low_letters == 1 && !seen.a_or_i {
            return Ok(None);
        }
        if let Some(value) = value {
            if seen.low_letters > SCRAP_LETTERS || value > SCRAP_LOGP {
                return Ok(Some(value));
            }
        }
        if could_be_name(part) {
            return self.name_logp(&string(part), part.len()).map(Some);
        }
        Ok(None)
    }

    /// log10 p of the first part of a split (`part`, before the lower-cased `tail`), or
    /// None where it cannot be one.
    fn first_part_logp(
        &mut self,
        part: &[char],
        seen: &Seen,
        tail: impl FnOnce() -> String,
    ) -> Result<Option<f64>, E> {
        if seen.frequency.is_none() {
            // An unknown first part is a name only before one last word of three letters
            // or more: Hamroand, Muyayarecognize, but not Ramazon or Kais.  (Lower-casing
            // never shortens, so a part too short to be a name is none here either.)
            if !could_be_name(part) {
                return Ok(None);
            }
            let tail = tail();
            if tail.chars().count() < 3 || self.lexicon.zipf(&tail) < self.costs.name_tail_zipf {
                return Ok(None);
            }
        }
        self.part_logp(part, seen)
    }

    /// `first_part_logp` of every first part `run[..end]`, `end` up to `last_end` (item
    /// `end`), into `firsts`.  An ASCII run is lower-cased once and its prefixes read in one
    /// walk of the word list; any other run part by part, as Python lower-cases each part
    /// alone.
    fn first_parts(
        &mut self,
        run: &[char],
        last_end: usize,
        scratch: &mut Scratch,
    ) -> Result<(), E> {
        let Scratch {
            firsts,
            low,
            frequencies,
            ..
        } = scratch;
        firsts.clear();
        firsts.resize(last_end + 1, None);
        if run.iter().all(char::is_ascii) {
            low.clear();
            low.extend(run.iter().map(char::to_ascii_lowercase));
            let head = &low[..last_end];
            self.lexicon.prefix_frequencies_into(head, frequencies);
            for end in 1..=last_end {
                let seen = Seen {
                    frequency: frequencies[end],
                    low_letters: end,
                    a_or_i: one_letter_word(&run[..end]),
                };
                firsts[end] = self.first_part_logp(&run[..end], &seen, || low[end..].into())?;
            }
        } else {
            for end in 1..=last_end {
                let part = &run[..end];
                let seen = Seen::of(self.lexicon, part, &string(part).to_lowercase());
                let tail = || string(&run[end..]).to_lowercase();
                firsts[end] = self.first_part_logp(&run[..end], &seen, tail)?;
            }
        }
        Ok(())
    }

    /// Best split points of a letter run into up to `max_parts` parts, and the reading's
    /// score; no cuts (and minus infinity) when it cannot be read as two words or more.
    ///
    /// Only the first part may be a name (a capitalised part the lexicon lacks); later
    /// parts must be known lower-case words.  Cuts are in code points.
    pub fn segment(&mut self, run: &str) -> Result<(Vec<usize>, f64), E> {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut held) => self.segment_with(run, &mut held),
            // asked again while a segmentation holds the buffers (no caller does): new ones
            Err(_) => self.segment_with(run, &mut Scratch::default()),
        })
    }

    fn segment_with(&mut self, run: &str, scratch: &mut Scratch) -> Result<(Vec<usize>, f64), E> {
        let text = run;
        let mut chars = std::mem::take(&mut scratch.chars);
        chars.clear();
        chars.extend(text.chars());
        let found = self.read(text, &chars, scratch);
        scratch.chars = chars;
        found
    }

    /// `segment` of `text` (its characters `run`), with the scratch's buffers.
    fn read(
        &mut self,
        text: &str,
        run: &[char],
        scratch: &mut Scratch,
    ) -> Result<(Vec<usize>, f64), E> {
        let n = run.len();
        if n == 0 {
            return Ok((Vec::new(), f64::NEG_INFINITY));
        }
        // The lowered run is sliced at the run's own indexes (as the Python engine did).
        scratch.lowered.clear();
        lower_into(text, &mut scratch.lowered);
        // where each character starts, in bytes (and where the last ends), in both: the parts
        // are read as slices, not gathered into strings
        char_starts(text, &mut scratch.bytes);
        char_starts(&scratch.lowered, &mut scratch.low_bytes);
        let width = self.costs.max_parts + 1;
        // best[i * width + k]: the best reading of run[..i] in k parts
        let mut best = std::mem::take(&mut scratch.best);
        best.clear();
        best.resize((n + 1) * width, None);
        let first_end = n.min(self.costs.max_part_letters);
        self.first_parts(run, first_end, scratch)?;
        for (end, first) in scratch.firsts.iter().enumerate() {
            best[end * width + 1] = first.map(|score| Cell { score, start: 0 });
        }
        let Scratch {
            lowered,
            bytes,
            low_bytes,
            later,
            read,
            ..
        } = scratch;
        // the best score of a reading of the whole run found so far (readings through a start
        // that cannot beat it are not extended: a quarter of the segmentations' time, on damaged
        // news)
        let mut whole = f64::NEG_INFINITY;
        for start in 1..n {
            let row = start * width;
            if best[row..row + width].iter().all(Option::is_none) {
                continue; // run[..start] cannot be read as parts
            }
            let reach = best[row + 1..row + width - 1]
                .iter()
                .flatten()
                .fold(f64::NEG_INFINITY, |most, cell| most.max(cell.score));
            if reach - self.costs.split_cost < whole {
                // a part that follows adds its log probability (at most 0: `Lexicon::cond`)
                // less the split cost, so no reading through here can win
                continue;
            }
            // Later parts are known lower-case words (a, i, no scraps).  Each reading of
            // run[..start] is extended by every later part that starts there; a cell is
            // reached from this start by one reading only, so the loops' order does not
            // matter, and an equal score found later does not replace the first.
            let last_end = n.min(start + self.costs.max_part_letters);
            let rest = &text[bytes[start]..bytes[last_end]];
            self.lexicon.later_part_logps_into(rest, later);
            if later.iter().all(Option::is_none) {
                continue;
            }
            // readings in different numbers of parts often end in the same last part: its
            // pairs with the parts that start here are read once (`read`: the first `held` of
            // its pairs, each the start of the part before and its conds)
            let mut held_count = 0;
            for parts in 1..width - 1 {
                let Some(held) = best[row + parts].filter(|held| {
                    held.score - self.costs.split_cost >= whole // else it cannot win either
                }) else {
                    continue;
                };
                let at = match read[..held_count]
                    .iter()
                    .position(|(from, _)| *from == held.start)
                {
                    Some(at) => at,
                    None => {
                        let previous = py_slice(lowered, low_bytes, held.start, start);
                        if read.len() == held_count {
                            read.push((0, Vec::new()));
                        }
                        let (from, conds) = &mut read[held_count];
                        *from = held.start;
                        self.lexicon.conds_after_into(previous, rest, later, conds);
                        held_count += 1;
                        held_count - 1
                    }
                };
                for (end, cond) in (start..=last_end).zip(&read[at].1).skip(1) {
                    let Some(cond) = *cond else {
                        continue;
                    };
                    let score = held.score + cond - self.costs.split_cost;
                    let cell = &mut best[end * width + parts + 1];
                    if cell.is_none_or(|t| score > t.score) {
                        *cell = Some(Cell { score, start });
                    }
                    if end == n && score > whole {
                        whole = score;
                    }
                }
            }
        }
        // Python's `max` over (score, cuts): the higher score, then the greater cuts.
        let mut chosen: Option<(f64, Vec<usize>)> = None;
        for parts in 2..width {
            let Some(cell) = best[n * width + parts] else {
                continue;
            };
            let cuts = cuts_of(&best, width, n, parts);
            let better = chosen.as_ref().is_none_or(|(score, held)| {
                if cell.score == *score {
                    cuts > *held
                } else {
                    cell.score > *score
                }
            });
            if better {
                chosen = Some((cell.score, cuts));
            }
        }
        scratch.best = best;
        Ok(
            chosen.map_or((Vec::new(), f64::NEG_INFINITY), |(score, cuts)| {
                (cuts, score)
            }),
        )
    }
}

/// The buffers of a segmentation, kept from one to the next on each thread: a run's
/// reading allocated a dozen vectors, and the segmentations of a batch made half a
/// million.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    lowered: String,
    bytes: Vec<usize>,
    low_bytes: Vec<usize>,
    best: Vec<Option<Cell>>,
    firsts: Vec<Option<f64>>,
    low: String,
    frequencies: Vec<Option<f64>>,
    later: Vec<Option<f64>>,
    /// The pairs read from one start: (where the part before starts, its conds).
    read: Vec<(usize, Vec<Option<f64>>)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// `text.to_lowercase()` appended to `out` (the same characters: `str::to_lowercase`
/// lower-cases a final sigma by its context, so a non-ASCII text is lower-cased whole).
fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether a part could be a name: capitalised, three letters or more.
fn could_be_name(part: &[char]) -> bool {
    part.len() >= 3 && is_upper(part[0])
}

/// The cuts of the reading held at `best[end][parts]`, read back cell by cell.
fn cuts_of(best: &[Option<Cell>], width: usize, end: usize, parts: usize) -> Vec<usize> {
    let mut cuts = Vec::with_capacity(parts - 1);
    let (mut end, mut parts) = (end, parts);
    while parts > 1 {
        let Some(cell) = best[end * width + parts] else {
            break; // every cell a reading passed through holds one
        };
        cuts.push(cell.start);
        end = cell.start;
        parts -= 1;
    }
    cuts.reverse();
    cuts
}

#[cfg(test)]
mod tests;
