//! The rhythm of lost line breaks: the line width that explains where the sure glues fall.
//!
//! A renderer that hard-wraps a paragraph puts a break roughly every W columns (the seed's
//! fall every 72 to 88), often after a short first line.  Given the positions of breaks we
//! are sure of, W is the gap length that explains most gaps as one, two or three lines;
//! `layout` then finds each paragraph's likeliest line layout and the glues on it.

use crate::thresholds::{LINE_WEIGHTS, MAX_WIDTH, MIN_GAPS, MIN_WIDTH, SHORT_FIRST_LINE};

/// How far k lines may stray from k times the width, in characters.
pub fn tolerance(lines: i64) -> i64 {
    8 + 4 * (lines - 1)
}

/// Stretches between line breaks (a kept break restarts the count), in code points.
#[derive(Clone, Debug, PartialEq)]
pub struct Segments {
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
}

impl Segments {
    pub fn of(text: &str) -> Segments {
        let mut starts = vec![0];
        let mut ends = Vec::new();
        let mut count = 0;
        for ch in text.chars() {
            if ch == '\n' {
                ends.push(count);
                starts.push(count + 1);
            }
            count += 1;
        }
        ends.push(count);
        Segments { starts, ends }
    }

    /// Which segment holds code point `at`.
    pub fn index(&self, at: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rhythm {
    pub width: i64,
    pub segments: Segments,
}

impl Rhythm {
    /// The line width that best explains the gaps between sure breaks, if there are
    /// enough.
    pub fn estimate(segments: &Segments, sure: &[usize]) -> Option<Rhythm> {
        let mut anchors = sure.to_vec();
        anchors.sort_unstable();
        let gaps: Vec<i64> = anchors
            .windows(2)
            .filter(|pair| segments.index(pair[0]) == segments.index(pair[1]))
            .map(|pair| (pair[1] - pair[0]) as i64)
            .filter(|&gap| gap >= MIN_WIDTH - tolerance(1))
            .collect();
        if gaps.len() < MIN_GAPS {
            return None;
        }
        let support = support(&gaps);
        let mut width = MIN_WIDTH;
        for candidate in MIN_WIDTH..=MAX_WIDTH {
            if support[candidate as usize] > support[width as usize] {
                width = candidate; // the first of the best, as Python's max
            }
        }
        let mut one_line: Vec<i64> = gaps
            .into_iter()
            .filter(|gap| (gap - width).abs() <= tolerance(1))
            .collect();
        if one_line.len() < 2 {
            return None;
        }
        one_line.sort_unstable();
        // The flat window finds the width; the middle of the gaps it holds centres it.
        Some(Rhythm {
            width: one_line[one_line.len() / 2],
            segments: segments.clone(),
        })
    }

    /// How many line breaks a text of these segments would have at this width.
    pub fn expected_breaks(&self) -> f64 {
        let half_first = SHORT_FIRST_LINE as f64 / 2.0;
        let mut total = 0.0;
        for (&start, &end) in self.segments.starts.iter().zip(&self.segments.ends) {
            let lines = ((end - start) as f64 - half_first) / self.width as f64;
            total += if lines > 0.0 { lines } else { 0.0 };
        }
        total
    }
}

/// For each width, how well it explains the gaps as one, two or three lines.
///
/// A gap counts once, for the fewest lines it fits, weighted down for more lines; so the
/// true width beats its halves and thirds.
fn support(gaps: &[i64]) -> Vec<f64> {
    let mut support = vec![0.0; MAX_WIDTH as usize + 1];
    for &gap in gaps {
        let mut counted = vec![false; MAX_WIDTH as usize + 1];
        for (lines, weight) in (1..).zip(LINE_WEIGHTS) {
            let low = MIN_WIDTH.max(-(-(gap - tolerance(lines))).div_euclid(lines));
            let high = MAX_WIDTH.min((gap + tolerance(lines)).div_euclid(lines));
            for width in low..=high {
                let width = width as usize;
                if !counted[width] {
                    counted[width] = true;
                    support[width] += weight;
                }
            }
        }
    }
    support
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_is_found_from_sure_breaks() {
        let text = "x".repeat(1000);
        let segments = Segments::of(&text);
        let sure = [80, 158, 240, 322, 400, 560];
        let rhythm = Rhythm::estimate(&segments, &sure).expect("a rhythm");
        assert!((78..=82).contains(&rhythm.width), "{}", rhythm.width);
        assert!(Rhythm::estimate(&segments, &sure[..3]).is_none());
    }

    #[test]
    fn segments_are_split_at_line_breaks() {
        let segments = Segments::of("ab\ncd\n");
        assert_eq!(segments.starts, [0, 3, 6]);
        assert_eq!(segments.ends, [2, 5, 6]);
        assert_eq!(segments.index(4), 1);
    }
}
