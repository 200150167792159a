//! One calibrated confidence for every candidate split: the probability that it is right.
//!
//! Gradient-boosted trees (`trees`) over what the stage knows of a candidate: its margin
//! (the words' log10 odds, which hold the batch's evidence) by kind, the shapes that names
//! and compounds take, how the words outside the token fit its parts, what the batch and
//! the word list say of each part apart, how much of the document reads as code, and where
//! the document's rhythm puts it.  The trees, and the scale and shift of their log odds that
//! calibrate them, are fitted on the dev benches by `benchmarks/calibrate.py`, which writes
//! `fitted.rs` and prints a reliability table; nothing here is tuned by hand.  The confidence never falls as the
//! margin or the layout's support rises (the fit is constrained so), nor as the layout's
//! case against a break falls.

use std::sync::LazyLock;

use crate::candidates::{Candidate, Seen, SplitKind};
use crate::fitted::{BASELINE, NODES, ROOTS, SCALE, SHIFT};
use crate::lexicon::Lexicon;
use crate::pystr::{is_letter, is_lower, is_space, is_upper, lower, one_of, string};
use crate::text::Text;
use crate::thresholds::{FIT_CAP, NEIGHBOUR_REACH as REACH, SUPPORT_REACH, SURE};
use crate::trees::{Scorer, Trees};
use crate::words::WordLists;

/// Marks a token may open with.
const OPENERS: &str = "\"'([«“‘";

const KINDS: [SplitKind; 3] = [SplitKind::Words, SplitKind::Case, SplitKind::Edge];
/// Margins in pieces, per kind, so that the odds may count for less as they grow.
const KNOTS: [(f64, f64); 5] = [(-3.0, 0.0), (0.0, 1.0), (1.0, 2.0), (2.0, 3.5), (3.5, 8.0)];
/// The shapes after the margins' pieces, each with what it says.
const SHAPES: [&str; 21] = [
    "case",
    "edge",
    "doubtful",
    "doubtful margin above +2", // a doubtful shape with strong odds: stationfollowing
    "familiar",
    "left lower", // candidateCatherine: a lower-case word before a capital
    "right lower",
    "left capitals",         // NATOallies
    "right capitals",        // theRSF
    "before", // how much the word before the token favours its first part (log10 PMI, capped)
    "after",  // how much the token's last part favours the word after it
    "content pair", // two lower-case content words: compounds are made so (commandline)
    "left function", // a function word before: thevisas, tospy
    "right function", // ... or after: killedand
    "case after lower", // beatingColombia, judgeMichael: a lower-case word before a capital
    "case between capitals", // QuezonCity and ShinyHunters: glue or name
    "edge after letters", // December2032 (not 4chan)
    "code",   // how much of the document looks like code (0 to 1)
    "layout for", // how much the line layouts favour a break here, its own words aside
    "layout against", // ... or disfavour it (log10 odds, each capped at SUPPORT_REACH)
    // How often the document lost its line breaks (0 to 0.9); without a line width, how
    // many of its tokens hold a sure glue (decision::GLUE_DENSITY: 0 to 1).
    "glue rate",
];
/// What the batch and the word list say of a candidate's two sides, each apart: how large
/// the batch is (`Vocabulary::size_class`), how often it writes them as words of their own
/// and glued (log10 of one more than the count), their zipf frequencies and their lengths.
/// The margin weighs them together; apart they tell a name the batch writes alone before a
/// glued word (`Spainexpels`) from a name's own ending (`Ivanova`), and a glue the batch
/// repeats from a rare compound.
const SIDES: [&str; 9] = [
    "batch size class",
    "left alone in batch",
    "right alone in batch",
    "glued in batch",
    "left zipf",
    "right zipf",
    "glued zipf",
    "left letters",
    "right letters",
];
/// Where the rhythm puts a candidate, with a line width: where the likeliest line layout
/// of its paragraph breaks, or not (neither: the document has no line width).
const PLACES: [&str; 2] = ["on layout", "off layout"];
/// The shapes' inputs: the margin's pieces by kind, then the shapes.
pub const SHAPE_COUNT: usize = KINDS.len() * KNOTS.len() + SHAPES.len();
/// The model's inputs: the shapes, the sides, the place.
pub const FEATURE_COUNT: usize = SHAPE_COUNT + SIDES.len() + PLACES.len();

/// The features' names, in order.
pub fn feature_names() -> Vec<String> {
    let mut names = Vec::with_capacity(FEATURE_COUNT);
    for kind in KINDS {
        for (low, high) in KNOTS {
            names.push(format!(
                "margin {} to {} {}",
                signed(low),
                signed(high),
                kind.name()
            ));
        }
    }
    names.extend(
        SHAPES
            .iter()
            .chain(&SIDES)
            .chain(&PLACES)
            .map(|s| (*s).to_owned()),
    );
    names
}

/// A margin as Python's `f"{low:+}"` writes it: +1.0, -3.0, +0.0.
fn signed(value: f64) -> String {
    format!("{}{:?}", if value < 0.0 { "" } else { "+" }, value)
}

/// Where the rhythm puts a candidate: whether the document has a line width, whether the
/// likeliest line layout of the candidate's paragraph breaks there, and how much the
/// layout alone favours a break there (`support`, log10 odds; 0 without a width).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub rhythm: bool,
    pub on_layout: bool,
    pub support: f64,
    /// How damaged the document is: the share of its line breaks lost, as estimated;
    /// without a line width, the share of its tokens holding a sure glue.
    pub glue_rate: f64,
}

/// What the model reads besides the candidate and its place.
pub struct Document<'a> {
    pub text: &'a Text<'a>,
    pub lexicon: &'a Lexicon,
    pub lists: &'a WordLists,
    /// How much of the document looks like code (`pipeline.patterns.code_share`).
    pub code: f64,
}

fn flag(value: bool) -> f64 {
    if value {
        1.0
    } else {
        0.0
    }
}

/// Python's `max(a, b)`: `a` unless `b` is greater.
fn py_max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// Python's `min(a, b)`: `a` unless `b` is less.
fn py_min(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

fn first_is_lower(word: &[char]) -> bool {
    word.first().is_some_and(|&c| is_lower(&[c]))
}

impl Document<'_> {
    fn function_word(&self, word: &[char]) -> bool {
        self.lists.function_words.contains(&string(word))
    }

    /// log10 P(second | first) over P(second), capped: 0 where either word is unknown.
    fn fit(&self, first: &[char], second: &[char]) -> f64 {
        if first.is_empty() || second.is_empty() {
            return 0.0;
        }
        let (first, second) = (lower(first), lower(second));
        let (Some(alone), Some(_)) = (self.lexicon.logp(&second), self.lexicon.logp(&first)) else {
            return 0.0;
        };
        py_max(
            -FIT_CAP,
            py_min(FIT_CAP, self.lexicon.cond(&first, &second) - alone),
        )
    }

    /// The word before the token that starts at `at`, or nothing where a letter comes
    /// first (the part is inside a token: its neighbour is another part, judged by the
    /// margin already).
    fn before(&self, at: usize) -> Vec<char> {
        let mut window = self.text.before(at).take(at.min(REACH));
        let mut marks = 0;
        let mut word = Vec::new();
        match window.next() {
            None => return word,
            Some(ch) if !is_space(ch) && !one_of(ch, OPENERS) => return word,
            Some(ch) => {
                if is_letter(ch) {
                    word.push(ch);
                } else if ch == '\n' {
                    return word;
                } else {
                    marks = 1;
                }
            }
        }
        for ch in window {
            if is_letter(ch) {
                word.push(ch);
            } else if !word.is_empty() {
                break;
            } else if ch == '\n' || marks == 3 {
                return word;
            } else {
                marks += 1;
            }
        }
        word.reverse();
        word
    }

    /// The word after the token that ends at `at`, or nothing inside a token.
    fn after(&self, at: usize) -> Vec<char> {
        if self.text.char_at(at).is_some_and(is_letter) {
            return Vec::new();
        }
        let mut window = self.text.after(at).take(REACH);
        let mut marks = 0;
        loop {
            match window.next() {
                Some(ch) if is_letter(ch) => {
                    let mut word = vec![ch];
                    word.extend(window.take_while(|&ch| is_letter(ch)));
                    return word;
                }
                Some(ch) if ch != '\n' && marks < 3 => marks += 1,
                _ => return Vec::new(),
            }
        }
    }

    /// The model's inputs for one candidate in its place (`feature_names`).
    pub fn features(&self, c: &Candidate, placed: &Placed) -> [f64; FEATURE_COUNT] {
        // a glue in capitals reads as the lower-case words it spells
        let read = |side: &str| -> Vec<char> {
            if c.capitals {
                side.to_lowercase().chars().collect()
            } else {
                side.chars().collect()
            }
        };
        let (left, right) = (read(&c.left), read(&c.right));
        let left_word =
            &left[left.len() - left.iter().rev().take_while(|&&ch| is_letter(ch)).count()..];
        let right_word = &right[..right.iter().take_while(|&&ch| is_letter(ch)).count()];
        let mut values = [0.0; FEATURE_COUNT];
        let mut i = 0;
        for kind in KINDS {
            for (low, high) in KNOTS {
                values[i] = if c.kind == kind {
                    py_min(py_max(c.margin, low), high) - low
                } else {
                    0.0
                };
                i += 1;
            }
        }
        let case = c.kind == SplitKind::Case;
        let edge = c.kind == SplitKind::Edge;

        let left_function = self.function_word(left_word);
        let right_function = self.function_word(right_word);
        let support = placed.support;
        let shapes = [
            flag(case),
            flag(edge),
            flag(c.doubtful),
            if c.doubtful {
                py_max(0.0, py_min(c.margin, KNOTS[KNOTS.len() - 1].1) - SURE)
            } else {
                0.0
            },
            flag(c.familiar),
            flag(first_is_lower(left_word)),
            flag(first_is_lower(right_word)),
            flag(left_word.len() > 1 && is_upper(left_word)),
            flag(right_word.len() > 1 && is_upper(right_word)),
            self.fit(&self.before(c.at - left.len()), left_word),
            self.fit(right_word, &self.after(c.at + right.len())),
            flag(is_lower(left_word) && is_lower(right_word) && !left_function && !right_function),
            flag(left_function),
            flag(right_function),
            flag(case && first_is_lower(left_word)),
            flag(
                case && left_word.first().is_some_and(|&ch| is_upper(&[ch]))
                    && is_lower(right_word.get(1..).unwrap_or(&[])),
            ),
            flag(edge && left.last().is_some_and(|&ch| is_letter(ch))),
            self.code,
            py_max(0.0, py_min(support, SUPPORT_REACH)),
            py_max(0.0, py_min(-support, SUPPORT_REACH)),
            placed.glue_rate,
        ];
        values[i..SHAPE_COUNT].copy_from_slice(&shapes);
        values[SHAPE_COUNT..SHAPE_COUNT + SIDES.len()]
            .copy_from_slice(&self.sides(c, &left, &right));
        let places = [
            placed.rhythm && placed.on_layout,
            placed.rhythm && !placed.on_layout,
        ];
        values[SHAPE_COUNT + SIDES.len()..].copy_from_slice(&places.map(flag));
        values
    }

    /// The `SIDES` of a candidate whose sides are `left` and `right`.
    fn sides(&self, c: &Candidate, left: &[char], right: &[char]) -> [f64; SIDES.len()] {
        let Seen {
            left: alone_left,
            right: alone_right,
            glued,
            batch,
        } = c.seen;
        let glued_word: Vec<char> = [left, right].concat();
        [
            f64::from(batch),
            seen(alone_left),
            seen(alone_right),
            seen(glued),
            self.lexicon.zipf(&lower(left)),
            self.lexicon.zipf(&lower(right)),
            self.lexicon.zipf(&lower(&glued_word)),
            left.len() as f64,
            right.len() as f64,
        ]
    }

    /// The fitted probability that the candidate is right, in its place.
    pub fn confidence(&self, c: &Candidate, placed: &Placed) -> f64 {
        probability(log_odds(&self.features(c, placed)))
    }
}

/// A batch count as the model reads it: log10 of one more than the count.
fn seen(count: u32) -> f64 {
    (f64::from(count) + 1.0).log10()
}

/// The fitted model (`fitted.rs`).
pub static MODEL: Trees = Trees {
    baseline: BASELINE,
    roots: &ROOTS,
    nodes: &NODES,
};

/// The fitted model as the scorer reads it (`trees::Scorer`: the same sums, a few times
/// faster); None only for a model that is not whole, which `MODEL` reads as it stands.
static SCORER: LazyLock<Option<Scorer>> = LazyLock::new(|| Scorer::of(&MODEL));

/// The model's log odds of a candidate's features (`Document::features`): the trees' sum,
/// scaled and shifted as the fit found calibrates it (`benchmarks/calibrate.py`'s `fit`).
pub fn log_odds(features: &[f64]) -> f64 {
    let sum = match SCORER.as_ref() {
        Some(scorer) => scorer.log_odds(features),
        None => MODEL.log_odds(features),
    };
    SCALE * sum + SHIFT
}

/// The logistic function, its input capped where the answer is plain.
pub fn probability(score: f64) -> f64 {
    1.0 / (1.0 + (-py_max(-30.0, py_min(30.0, score))).exp())
}

#[cfg(test)]
mod tests;
