//! Marks that end a word before the next begins (`activity.A judge`, `(FBI)is`,
//! `U.S.President`): the points inside a token where each shape puts a break, and how
//! sure that shape is (its margin, log10 odds).
//!
//! Each shape is what a text before the point and a text after it must look like (the
//! Python engine's look-behind and look-ahead patterns), tested at every point of the
//! token.

use crate::pystr::{is_digit, is_letter, is_lower_letter, is_upper_letter, is_word};
use crate::thresholds::{LEANS_GLUE, LIKELY_GLUE, PLAIN_GLUE};

/// A token's characters, read at a point with the character classes of a pattern.
struct At<'a> {
    chars: &'a [char],
    point: usize,
}

impl At<'_> {
    /// The character `back` places before the point.
    fn before(&self, back: usize) -> Option<char> {
        self.point
            .checked_sub(back)
            .and_then(|i| self.chars.get(i).copied())
    }

    /// The character `ahead` places after the point (0: the one at it).
    fn after(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.point + ahead).copied()
    }

    fn before_is(&self, back: usize, test: impl Fn(char) -> bool) -> bool {
        self.before(back).is_some_and(test)
    }

    fn after_is(&self, ahead: usize, test: impl Fn(char) -> bool) -> bool {
        self.after(ahead).is_some_and(test)
    }

    /// A word boundary (`\b`) just before the character `back` places before the point,
    /// which is a word character.
    fn boundary_before(&self, back: usize) -> bool {
        !self.before_is(back + 1, is_word)
    }

    /// A word boundary `ahead` places after the point, whose previous character is a
    /// word character.
    fn boundary_after(&self, ahead: usize) -> bool {
        !self.after_is(ahead, is_word)
    }

    /// `\p{Lu}\p{Ll}+\b` after the point.
    fn capitalised_word_after(&self) -> bool {
        if !self.after_is(0, is_upper_letter) {
            return false;
        }
        let lower = (1..)
            .take_while(|&i| self.after_is(i, is_lower_letter))
            .count();
        lower >= 1 && self.boundary_after(1 + lower)
    }

    /// `\b(?:\p{Lu}\.){2,}` before the point: initials, with a word boundary before them.
    fn initials_before(&self) -> bool {
        let mut pairs = 0;
        while self.before_is(2 * pairs + 1, |c| c == '.')
            && self.before_is(2 * pairs + 2, is_upper_letter)
        {
            pairs += 1;
            if pairs >= 2 && self.boundary_before(2 * pairs) {
                return true;
            }
        }
        false
    }

    fn letters_after(&self, count: usize, test: impl Fn(char) -> bool + Copy) -> bool {
        (0..count).all(|i| self.after_is(i, test))
    }

    fn letters_before(&self, count: usize, test: impl Fn(char) -> bool + Copy) -> bool {
        (1..=count).all(|i| self.before_is(i, test))
    }
}

fn sentence_end(ch: char) -> bool {
    matches!(ch, '.' | '!' | '?')
}

/// The straight apostrophe and the curly one.
pub(crate) fn apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '\u{2019}')
}

/// A shape of a mark before a word, and its margin.
type Shape = (fn(&At) -> bool, f64);

const SHAPES: [Shape; 15] = [
    // activity.A judge
    (
        |a| {
            a.before_is(3, is_lower_letter)
                && a.before_is(2, is_lower_letter)
                && a.before_is(1, sentence_end)
                && a.after_is(0, |c| matches!(c, 'A' | 'I'))
                && a.boundary_after(1)
        },
        PLAIN_GLUE,
    ),
    // (FBI)is
    (
        |a| a.before_is(1, |c| c == ')') && a.letters_after(2, is_lower_letter),
        PLAIN_GLUE,
    ),
    // 2024.Seven
    (
        |a| a.before_is(2, is_digit) && a.before_is(1, sentence_end) && a.capitalised_word_after(),
        PLAIN_GLUE,
    ),
    // U.S.President
    (
        |a| a.initials_before() && a.capitalised_word_after(),
        LIKELY_GLUE,
    ),
    // events,2025
    (
        |a| {
            a.before_is(3, is_letter)
                && a.before_is(2, is_letter)
                && a.before_is(1, |c| c == ',')
                && a.after_is(0, is_digit)
        },
        LIKELY_GLUE,
    ),
    // DeputyU.S., theU.K.
    (
        |a| {
            a.letters_before(2, is_letter)
                && a.after_is(0, is_upper_letter)
                && a.after_is(1, |c| c == '.')
                && a.after_is(2, is_upper_letter)
                && a.after_is(3, |c| c == '.')
        },
        LIKELY_GLUE,
    ),
    // D.C.for
    (
        |a| a.initials_before() && a.letters_after(2, is_lower_letter),
        LIKELY_GLUE,
    ),
    // Court(ICC)
    (
        |a| {
            a.letters_before(2, is_lower_letter)
                && a.after_is(0, |c| c == '(')
                && a.after_is(1, is_letter)
        },
        LEANS_GLUE,
    ),
    // Mexico'sTax
    (
        |a| {
            a.before_is(3, is_letter)
                && a.before_is(2, apostrophe)
                && a.before_is(1, |c| c == 's')
                && a.after_is(0, is_upper_letter)
                && a.after_is(1, is_lower_letter)
        },
        PLAIN_GLUE,
    ),
    // HarryS.Truman
    (
        |a| {
            a.before_is(2, is_upper_letter)
                && a.boundary_before(2)
                && a.before_is(1, |c| c == '.')
                && a.after_is(0, is_upper_letter)
                && a.after_is(1, is_lower_letter)
                && a.after_is(2, is_lower_letter)
        },
        LEANS_GLUE,
    ),
    // HarryS. (a name, then an initial)
    (
        |a| {
            let lower = (1..)
                .take_while(|&i| a.before_is(i, is_lower_letter))
                .count();
            lower >= 2
                && a.before_is(lower + 1, is_upper_letter)
                && a.after_is(0, is_upper_letter)
                && a.after_is(1, |c| c == '.')
        },
        LEANS_GLUE,
    ),
    // MitchMcConnell
    (
        |a| {
            a.letters_before(2, is_lower_letter)
                && a.before_is(3, is_letter)
                && a.after_is(0, |c| c == 'M')
                && {
                    let from = if a.after(1) == Some('a') { 2 } else { 1 };
                    a.after_is(from, |c| c == 'c')
                        && a.after_is(from + 1, is_upper_letter)
                        && a.after_is(from + 2, is_lower_letter)
                }
        },
        LEANS_GLUE,
    ),
    // theM23, moreF-16
    (
        |a| {
            a.letters_before(2, is_lower_letter)
                && (1..=4).any(|capitals| {
                    a.letters_after(capitals, is_upper_letter)
                        && (a.after_is(capitals, is_digit)
                            || (a.after_is(capitals, |c| c == '-')
                                && a.after_is(capitals + 1, is_digit)))
                })
        },
        LEANS_GLUE,
    ),
    // 20%tariff
    (
        |a| {
            a.before_is(2, is_digit)
                && a.before_is(1, |c| c == '%')
                && a.letters_after(2, is_letter)
        },
        PLAIN_GLUE,
    ),
    // Pharmaceuticals'new
    (
        |a| {
            a.before_is(4, is_letter)
                && a.before_is(3, is_letter)
                && a.before_is(2, |c| c == 's')
                && a.before_is(1, apostrophe)
                && a.letters_after(2, is_lower_letter)
        },
        LIKELY_GLUE,
    ),
];

/// The one shape that reads letters alone (`MitchMcConnell`): every other needs a mark, a
/// digit or a bracket in the token.
const LETTERS_ONLY: usize = 11;

/// How far about a point every shape but the letters' reads a character other than a letter:
/// two places before it (`Mexico'sTax`) to four after it (`theM23`'s digit after up to four
/// capitals).  A point with letters alone that near holds no other shape.
const MARK_BEFORE: usize = 2;
const MARK_AFTER: usize = 4;

/// Every point of `token` where a mark ends a word before the next, with its margin, shape
/// by shape (in the order above) and point by point.
pub fn mark_edges(token: &[char]) -> Vec<(usize, f64)> {
    if token.iter().all(|&c| is_letter(c)) {
        // most tokens: only the letters' shape can hold, and only before an `M`
        let (shape, margin) = SHAPES[LETTERS_ONLY];
        return (0..token.len())
            .filter(|&point| token[point] == 'M')
            .filter(|&point| {
                shape(&At {
                    chars: token,
                    point,
                })
            })
            .map(|point| (point, margin))
            .collect();
    }
    edges_near_marks(token)
}

/// Every shape asked where a character other than a letter stands near the point
/// (`MARK_BEFORE`, `MARK_AFTER`), and the letters' before each `M`: what every shape asked at
/// every point finds, in the same order, where most points of `Kazakhstan,` are asked nothing.
fn edges_near_marks(token: &[char]) -> Vec<(usize, f64)> {
    // others[i]: how many of token[..i] are no letters
    let mut others = Vec::with_capacity(token.len() + 1);
    others.push(0);
    for &c in token {
        others.push(others[others.len() - 1] + usize::from(!is_letter(c)));
    }
    let near: Vec<bool> = (0..=token.len())
        .map(|point| {
            let low = point.saturating_sub(MARK_BEFORE);
            let high = (point + MARK_AFTER + 1).min(token.len());
            low < high && others[high] > others[low]
        })
        .collect();
    let mut found = Vec::new();
    for (index, &(shape, margin)) in SHAPES.iter().enumerate() {
        for (point, &close) in near.iter().enumerate() {
            let asked = close || (index == LETTERS_ONLY && token.get(point) == Some(&'M'));
            if asked
                && shape(&At {
                    chars: token,
                    point,
                })
            {
                found.push((point, margin));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
