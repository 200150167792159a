//! The likeliest line layout of a paragraph whose line breaks were lost, and how much the
//! layouts favour a break at each glue point (`rhythm` estimates the line width; this is
//! the search).
//!
//! A layout is a sequence of breaks, each at a space (a break kept as a space) or at a glue
//! point (a break lost); it scores line lengths about the width, a first line that may be
//! short, the glue rate for each break's kind and each chosen glue's margin.  Every step is
//! the Python code's it replaced, to the bit (the same float operations in the same order,
//! the same ties), so that confidences do not move.

use rustc_hash::FxHashMap;

/// The tuned numbers of the layout (`thresholds::SHAPE`).
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// A paragraph's first line may be this short.
    pub short_first_line: i64,
    /// How often it is.
    pub short_first_share: f64,
    /// Line lengths this close to the width are equally likely.
    pub line_flat: i64,
    /// How fast the likelihood falls beyond that, in characters.
    pub line_sigma: f64,
    /// A line may be this much shorter than the width...
    pub line_below: i64,
    /// ...or this much longer.
    pub line_above: i64,
    /// log10 odds of a layout's support beyond which the verdict is plain.
    pub support_cap: f64,
}

// The Python code's truncated log10(e), not the exact constant: the same bits, so the
// same scores.
#[allow(clippy::approx_constant)]
const LOG10_E: f64 = 0.4342944819;
const NOTHING: f64 = f64::NEG_INFINITY; // the score of no layout

/// One paragraph: where it starts and ends, where it may break, at a width.
pub struct Paragraph<'a> {
    pub start: i64,
    pub end: i64,
    pub spaces: &'a [i64],
    /// Glue points and their margins (log10 odds from the words).
    pub glues: &'a [(i64, f64)],
    pub width: i64,
    pub glue_rate: f64,
}

/// The search's state for one paragraph: its break points and their scores.
struct Search<'a> {
    shape: &'a Shape,
    paragraph: &'a Paragraph<'a>,
    points: Vec<i64>,
    glues: FxHashMap<i64, f64>,
    breaks: Vec<f64>,
    line_scores: Vec<f64>,
    shortest: i64,
    longest: i64,
}

/// The log10 likelihood of each line length from `width - line_below` up: flat near the
/// width, falling off beyond (0 where the Python code's `None or 0.0` gave 0).
fn line_scores(shape: &Shape, width: i64) -> Vec<f64> {
    (width - shape.line_below..=width + shape.line_above)
        .map(|length| {
            let excess = ((length - width).abs() - shape.line_flat).max(0) as f64;
            let ratio = excess / shape.line_sigma;
            let score = -0.5 * (ratio * ratio) * LOG10_E;
            if score == 0.0 {
                0.0 // -0.0 is false in Python, so `or 0.0` made it +0.0
            } else {
                score
            }
        })
        .collect()
}

/// Python's `bisect_left(points, value, low, high)`.
fn bisect_left(points: &[i64], value: i64, low: usize, high: usize) -> usize {
    low + points[low..high].partition_point(|p| *p < value)
}

/// Python's `bisect_right(points, value, low, high)`.
fn bisect_right(points: &[i64], value: i64, low: usize, high: usize) -> usize {
    low + points[low..high].partition_point(|p| *p <= value)
}

impl<'a> Search<'a> {
    fn new(shape: &'a Shape, paragraph: &'a Paragraph<'a>) -> Search<'a> {
        let glues: FxHashMap<i64, f64> = paragraph.glues.iter().copied().collect();
        let mut points: Vec<i64> = paragraph
            .spaces
            .iter()
            .copied()
            .chain(glues.keys().copied())
            .collect();
        points.sort_unstable();
        points.dedup();
        let kept = (1.0 - paragraph.glue_rate).max(1e-6).log10();
        let lost = paragraph.glue_rate.max(1e-6).log10();
        let breaks = points
            .iter()
            .map(|p| glues.get(p).map_or(kept, |margin| lost + margin))
            .collect();
        let width = paragraph.width;
        Search {
            shape,
            paragraph,
            points,
            glues,
            breaks,
            line_scores: line_scores(shape, width),
            shortest: width - shape.line_below,
            longest: width + shape.line_above,
        }
    }

    fn line_score(&self, length: i64) -> f64 {
        usize::try_from(length - self.shortest)
            .ok()
            .and_then(|at| self.line_scores.get(at).copied())
            .unwrap_or(NOTHING)
    }

    /// The best score of a layout from the paragraph's start to a break at each point, and
    /// the break before it on that layout (None: none).
    // Indexes, as the Viterbi recurrence reads: a point's own score and its neighbours'.
    #[allow(clippy::needless_range_loop)]
    fn forward(&self) -> (Vec<f64>, Vec<Option<usize>>) {
        let short_first = self.shape.short_first_share.log10();
        let long_first = (1.0 - self.shape.short_first_share).log10();
        let count = self.points.len();
        let mut forward = vec![NOTHING; count];
        let mut back = vec![None; count];
        for (index, &point) in self.points.iter().enumerate() {
            let mut best = NOTHING;
            let mut came = None;
            let first_length = point - self.paragraph.start;
            if first_length <= self.shape.short_first_line {
                best = short_first;
            } else if self.shortest <= first_length && first_length <= self.longest {
                best = long_first + self.line_score(first_length);
            }
            let low = bisect_left(&self.points, point - self.longest, 0, index);
            let high = bisect_right(&self.points, point - self.shortest, 0, index);
            for previous in low..high {
                let total = forward[previous] + self.line_score(point - self.points[previous]);
                if total > best {
                    best = total;
                    came = Some(previous);
                }
            }
            forward[index] = best + self.breaks[index];
            back[index] = came;
        }
        (forward, back)
    }

    /// The glue points on the best layout that ends the paragraph.
    fn chosen(&self, forward: &[f64], back: &[Option<usize>]) -> Vec<i64> {
        let mut cursor = None;
        let mut best = NOTHING;
        for (index, &point) in self.points.iter().enumerate() {
            if self.paragraph.end - point <= self.longest && forward[index] > best {
                cursor = Some(index);
                best = forward[index];
            }
        }
        let mut chosen = Vec::new();
        while let Some(index) = cursor {
            if self.glues.contains_key(&self.points[index]) {
                chosen.push(self.points[index]);
            }
            cursor = back[index];
        }
        chosen.sort_unstable();
        chosen
    }

    /// How much the layouts favour a break at each glue point apart from its own margin.
    #[allow(clippy::needless_range_loop)]
    fn support(&self, forward: &[f64]) -> Vec<(i64, f64)> {
        let count = self.points.len();
        let mut backward = vec![NOTHING; count];
        for index in (0..count).rev() {
            let point = self.points[index];
            let mut best = if self.paragraph.end - point <= self.longest {
                0.0
            } else {
                NOTHING
            };
            let low = bisect_left(&self.points, point + self.shortest, index + 1, count);
            let high = bisect_right(&self.points, point + self.longest, index + 1, count);
            for following in low..high {
                let mut total =
                    self.line_score(self.points[following] - point) + self.breaks[following];
                total += backward[following];
                if total > best {
                    best = total;
                }
            }
            backward[index] = best;
        }
        let through: Vec<f64> = forward.iter().zip(&backward).map(|(f, b)| f + b).collect();
        let cap = self.shape.support_cap;
        let mut found = Vec::new();
        for (index, &point) in self.points.iter().enumerate() {
            let Some(margin) = self.glues.get(&point) else {
                continue;
            };
            let low = bisect_right(&self.points, point - self.shortest, 0, index);
            let high = bisect_left(&self.points, point + self.shortest, index + 1, count);
            let mut rival = NOTHING;
            for (other, value) in through.iter().enumerate().take(high).skip(low) {
                if other != index && *value > rival {
                    rival = *value;
                }
            }
            let own = through[index] - margin;
            let verdict = if own == NOTHING {
                -cap
            } else if rival == NOTHING {
                cap
            } else {
                (own - rival).min(cap).max(-cap)
            };
            found.push((point, verdict));
        }
        found
    }
}

/// The glue points on the likeliest line layout of one paragraph, in order.
pub fn best_breaks(shape: &Shape, paragraph: &Paragraph<'_>) -> Vec<i64> {
    let search = Search::new(shape, paragraph);
    let (forward, back) = search.forward();
    search.chosen(&forward, &back)
}

/// `best_breaks`, and each glue point's support (log10 odds, capped), in order.
pub fn support(shape: &Shape, paragraph: &Paragraph<'_>) -> (Vec<i64>, Vec<(i64, f64)>) {
    let search = Search::new(shape, paragraph);
    let (forward, back) = search.forward();
    (search.chosen(&forward, &back), search.support(&forward))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::thresholds::SHAPE;

    fn every_sixth(from: i64) -> Vec<i64> {
        (0..)
            .map(|i| from + 6 * i)
            .take_while(|&p| p < 400)
            .collect()
    }

    #[test]
    fn the_layout_takes_the_glue_where_a_break_is_due_and_not_elsewhere() {
        let spaces = every_sixth(5);
        let (due, off_rhythm) = (161, 120); // a break is due every 80 characters from 1
        let glues = [
            (1, 3.0),
            (81, 3.0),
            (off_rhythm, -0.3),
            (due, -0.3),
            (241, 3.0),
        ];
        let paragraph = Paragraph {
            start: 0,
            end: 300,
            spaces: &spaces,
            glues: &glues,
            width: 80,
            glue_rate: 0.8,
        };
        let chosen = best_breaks(&SHAPE, &paragraph);
        assert!(chosen.contains(&due) && !chosen.contains(&off_rhythm));
    }

    #[test]
    fn a_rare_glue_rate_keeps_weak_glues_out() {
        let spaces = every_sixth(5);
        let paragraph = Paragraph {
            start: 0,
            end: 300,
            spaces: &spaces,
            glues: &[(81, -0.3)],
            width: 80,
            glue_rate: 0.05,
        };
        assert!(best_breaks(&SHAPE, &paragraph).is_empty());
    }

    #[test]
    fn a_glue_where_a_line_is_due_is_on_the_layout() {
        // Spaces every 10 characters; a glue at 80, where a line of width 80 ends.
        let spaces: Vec<i64> = (1..20).map(|i| i * 10 - 3).collect();
        let glues = [(80, 2.0), (45, 2.0)];
        let paragraph = Paragraph {
            start: 0,
            end: 150,
            spaces: &spaces,
            glues: &glues,
            width: 80,
            glue_rate: 0.5,
        };
        let (chosen, found) = support(&SHAPE, &paragraph);
        assert_eq!(chosen, best_breaks(&SHAPE, &paragraph));
        assert!(chosen.contains(&80) && !chosen.contains(&45));
        let of = |point: i64| found.iter().find(|(p, _)| *p == point).map(|(_, s)| *s);
        assert!(of(80).unwrap_or(NOTHING) > of(45).unwrap_or(NOTHING));
        assert!(found.iter().all(|(_, s)| s.abs() <= SHAPE.support_cap));
    }

    #[test]
    fn nothing_to_break_at_chooses_nothing() {
        let paragraph = Paragraph {
            start: 0,
            end: 30,
            spaces: &[],
            glues: &[],
            width: 60,
            glue_rate: 0.0,
        };
        assert_eq!(support(&SHAPE, &paragraph), (Vec::new(), Vec::new()));
    }

    #[test]
    fn line_scores_are_flat_near_the_width_and_never_negative_zero() {
        let scores = line_scores(&SHAPE, 80);
        assert_eq!(
            scores.len(),
            (SHAPE.line_below + SHAPE.line_above + 1) as usize
        );
        assert!(scores
            .iter()
            .all(|s| *s <= 0.0 && !(s.is_sign_negative() && *s == 0.0)));
        assert_eq!(scores[SHAPE.line_below as usize], 0.0);
    }
}
