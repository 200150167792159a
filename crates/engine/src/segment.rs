//! The best reading of a letter run as words: where a run such as `accusingherofcontempt`
//! splits, and how likely that reading is (log10).  The candidates of the joins stage are
//! built on it; it is the stage's innermost loop.
//!
//! Every step is the Python engine's it replaced, to the bit: the same code-point
//! indexing, the same lower-casing (of the same substrings), the same order of float
//! operations and the same tie-breaking, so the cleaned text and every confidence stayed
//! as they were (`benchmarks/parity.py` compared the two on every bench).

use crate::lexicon::Lexicon;
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

fn string(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Python's `str.isupper()` of one character: it is cased and upper-case.
fn is_upper(ch: char) -> bool {
    ch.is_uppercase()
}

/// A reading of `run[..i]` in some number of parts: its score and where it cuts.
#[derive(Clone, Debug)]
struct Reading {
    score: f64,
    cuts: Vec<usize>,
}

/// Python's `max` over `(score, cuts)` tuples: the higher score, then the greater cuts
/// (a NaN, which no score is, would never be greater, as in Python).
fn better(a: &Reading, b: &Reading) -> bool {
    if a.score == b.score {
        a.cuts > b.cuts
    } else {
        a.score > b.score
    }
}

/// Python's `chars[from:to]`: both ends clamped to the length.
fn py_slice(chars: &[char], from: usize, to: usize) -> &[char] {
    let to = to.min(chars.len());
    &chars[from.min(to)..to]
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
    fn part_logp(&mut self, part: &[char]) -> Result<Option<f64>, E> {
        let low = string(part).to_lowercase();
        let low_letters = low.chars().count();
        let value = self.lexicon.logp(&low);
        if low_letters == 1 && low != "a" && low != "i" {
            return Ok(None);
        }
        if let Some(value) = value {
            if low_letters > SCRAP_LETTERS || value > SCRAP_LOGP {
                return Ok(Some(value));
            }
        }
        if part.first().is_some_and(|ch| is_upper(*ch)) && part.len() >= 3 {
            return self.name_logp(&string(part), part.len()).map(Some);
        }
        Ok(None)
    }

    /// log10 p of the first part of a split, or None where it cannot be one.
    fn first_part_logp(&mut self, run: &[char], end: usize) -> Result<Option<f64>, E> {
        let part = &run[..end];
        if !self.lexicon.known(&string(part).to_lowercase()) {
            // An unknown first part is a name only before one last word of three letters
            // or more: Hamroand, Muyayarecognize, but not Ramazon or Kais.
            let tail = string(&run[end..]).to_lowercase();
            if tail.chars().count() < 3
                || part.len() < 3
                || self.lexicon.zipf(&tail) < self.costs.name_tail_zipf
            {
                return Ok(None);
            }
        }
        self.part_logp(part)
    }

    /// Best split points of a letter run into up to `max_parts` parts, and the reading's
    /// score; no cuts (and minus infinity) when it cannot be read as two words or more.
    ///
    /// Only the first part may be a name (a capitalised part the lexicon lacks); later
    /// parts must be known lower-case words.  Cuts are in code points.
    pub fn segment(&mut self, run: &str) -> Result<(Vec<usize>, f64), E> {
        let run: Vec<char> = run.chars().collect();
        let n = run.len();
        // The lowered run is sliced at the run's own indexes (as the Python engine did).
        let low: Vec<char> = string(&run).to_lowercase().chars().collect();
        let max_parts = self.costs.max_parts;
        // best[i][k]: the best reading of run[..i] in k parts
        let mut best: Vec<Vec<Option<Reading>>> = vec![vec![None; max_parts + 1]; n + 1];
        best[0][0] = Some(Reading {
            score: 0.0,
            cuts: Vec::new(),
        });
        for start in 0..n {
            if best[start].iter().all(Option::is_none) {
                continue; // run[..start] cannot be read as parts
            }
            let last_end = n.min(start + self.costs.max_part_letters);
            if start == 0 {
                for (end, cells) in best.iter_mut().enumerate().take(last_end + 1).skip(1) {
                    if let Some(first) = self.first_part_logp(&run, end)? {
                        cells[1] = Some(Reading {
                            score: first,
                            cuts: Vec::new(),
                        });
                    }
                }
                continue;
            }
            // Later parts are known lower-case words (a, i, no scraps).  Each reading of
            // run[..start] is extended by every later part that starts there; a cell
            // best[end][parts + 1] is reached from this start by one reading only, so the
            // order of the two loops does not matter.
            let rest = string(&run[start..last_end]);
            let later = self.lexicon.later_part_logps(&rest);
            if later.iter().all(Option::is_none) {
                continue;
            }
            for parts in 0..max_parts {
                let Some(held) = &best[start][parts] else {
                    continue;
                };
                let from = held.cuts.last().copied().unwrap_or(0);
                let previous = string(py_slice(&low, from, start));
                let conds = self.lexicon.conds_after(&previous, &rest, &later);
                let mut reached = Vec::new();
                for (end, cond) in (start..=last_end).zip(conds).skip(1) {
                    let Some(cond) = cond else {
                        continue;
                    };
                    let total = held.score + cond - self.costs.split_cost;
                    if best[end][parts + 1]
                        .as_ref()
                        .is_none_or(|t| total > t.score)
                    {
                        reached.push((end, total));
                    }
                }
                if reached.is_empty() {
                    continue;
                }
                let cuts = held.cuts.clone();
                for (end, total) in reached {
                    let mut cuts = cuts.clone();
                    cuts.push(start);
                    best[end][parts + 1] = Some(Reading { score: total, cuts });
                }
            }
        }
        let mut chosen: Option<&Reading> = None;
        for reading in best[n].iter().skip(2).flatten() {
            if chosen.is_none_or(|c| better(reading, c)) {
                chosen = Some(reading);
            }
        }
        Ok(chosen.map_or((Vec::new(), f64::NEG_INFINITY), |r| {
            (r.cuts.clone(), r.score)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon_of;

    fn lexicon() -> Lexicon {
        lexicon_of(
            &[
                ("the", 0.05),
                ("press", 1e-4),
                ("and", 0.03),
                ("a", 0.02),
                ("part", 1e-4),
            ],
            &[("the", 1000.0)],
            &[("the press", 10.0)],
        )
    }

    const COSTS: Costs = Costs {
        split_cost: 1.0,
        name_logp: -5.0,
        name_per_letter: -0.7,
        name_tail_zipf: 3.5,
        max_parts: 5,
        max_part_letters: 24,
    };

    fn segment(lex: &Lexicon, run: &str, count: u64) -> (Vec<usize>, f64) {
        let mut segmenter = Segmenter {
            lexicon: lex,
            costs: COSTS,
            word_count: |_: &str| Ok::<u64, ()>(count),
        };
        segmenter.segment(run).expect("no error")
    }

    #[test]
    fn two_known_words_are_cut_between_them() {
        let lex = lexicon();
        let (cuts, score) = segment(&lex, "thepress", 0);
        assert_eq!(cuts, vec![3]);
        let expected = 0.05f64.log10() + (10.0f64 / 1000.0).log10() - 1.0;
        assert_eq!(score, expected);
    }

    #[test]
    fn a_name_may_only_come_first_and_a_repeated_name_reads_likelier() {
        let lex = lexicon();
        let (cuts, once) = segment(&lex, "Hamroand", 0);
        assert_eq!(cuts, vec![5]);
        let (_, repeated) = segment(&lex, "Hamroand", 2);
        assert_eq!(repeated, once + 1.0);
        assert_eq!(segment(&lex, "andHamro", 0).0, Vec::<usize>::new());
    }

    #[test]
    fn what_cannot_be_read_as_two_words_has_no_cuts() {
        let lex = lexicon();
        for run in ["", "x", "press", "qqqqzzzz", "ünïcødé"] {
            let (cuts, score) = segment(&lex, run, 0);
            assert!(cuts.is_empty() && score == f64::NEG_INFINITY, "{run}");
        }
    }

    #[test]
    fn cuts_count_code_points_not_bytes() {
        let lex = lexicon();
        assert_eq!(segment(&lex, "Ünïcoand", 0).0, vec![5]);
    }

    #[test]
    fn an_error_from_the_counts_stops_the_segmentation() {
        let lex = lexicon();
        let mut segmenter = Segmenter {
            lexicon: &lex,
            costs: COSTS,
            word_count: |name: &str| Err::<u64, String>(name.to_owned()),
        };
        assert!(segmenter.segment("Hamroand").is_err());
    }
}
