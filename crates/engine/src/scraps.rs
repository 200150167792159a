//! Which of the joins stage's splits left a scrap of a broken word beside them: there the
//! words stage reads the text again (`pipeline.cleaning._unsettled`), since a split can make
//! a broken word's first or last piece (`peopleCurre nt` -> `people Curre nt`), or part off
//! the word a broken word's pieces are read with (`injoins a s,` -> `in joins a s,`, whose
//! `a s` reads as `as` after `joins`: a fuzz find).  Asking the words stage again around
//! every split cost a tenth of the stages' time on damaged news; asking this in Python,
//! split by split, a twentieth.

use rustc_hash::FxHashMap;

use crate::broken_words::ligature_makes_word;
use crate::lexicon::Lexicon;
use crate::pystr::{is_digit, is_letter, is_lower, lower, string};
use crate::thresholds::{
    BEYOND_SCRAP_ZIPF, FAR_SCRAP_LETTERS, FAR_SCRAP_ZIPF, KNOWN_WORD_ZIPF, LIGATURE_LEAST_ZIPF,
    MARKS_BESIDE_SCRAP, SPLIT_SCRAP_LETTERS,
};
use crate::words::WordLists;

/// `[^\s\p{L}\d]` of the `regex` package, whose `\s` is Unicode's white space (no
/// information separators, which `str.isspace` holds).
fn is_mark(ch: char) -> bool {
    !ch.is_whitespace() && !is_letter(ch) && !is_digit(ch)
}

/// The words a split stands between, read outward: the letters of the word beside it, and of
/// the two words one and two spaces farther, where they stand (a word there starts, or ends,
/// with a letter).
#[derive(Debug, Default, PartialEq)]
struct Edges {
    beside: Vec<char>,
    next: Option<Vec<char>>,
    farther: Option<Vec<char>>,
}

/// The edges read forward from `at` (the split's end) or backward from `at` (the space
/// the split put in stands just before it).
fn edges(chars: &[char], at: usize, forward: bool) -> Edges {
    // A step outward from `i` (a position between characters): the character crossed.
    let step = |i: usize| -> Option<(char, usize)> {
        if forward {
            chars.get(i).map(|&ch| (ch, i + 1))
        } else {
            i.checked_sub(1).map(|j| (chars[j], j))
        }
    };
    // The letters outward from `i`, in the text's order.
    let letters = |mut i: usize| -> (Vec<char>, usize) {
        let mut taken = Vec::new();
        while let Some((ch, next)) = step(i) {
            if !is_letter(ch) {
                break;
            }
            taken.push(ch);
            i = next;
        }
        if !forward {
            taken.reverse();
        }
        (taken, i)
    };
    // The word one space beyond `i`: its edge, and where it ends, if a letter starts it.
    let word_after_space = |i: usize| -> Option<(Vec<char>, usize)> {
        let (ch, next) = step(i)?;
        if ch != ' ' {
            return None;
        }
        let (taken, end) = letters(next);
        (!taken.is_empty()).then_some((taken, end))
    };
    let mut i = at.min(chars.len());
    for _ in 0..MARKS_BESIDE_SCRAP {
        match step(i) {
            Some((ch, next)) if is_mark(ch) => i = next,
            _ => break,
        }
    }
    let (beside, end) = letters(i);
    let Some((next, end)) = word_after_space(end) else {
        return Edges {
            beside,
            ..Edges::default()
        };
    };
    let farther = word_after_space(end).map(|(taken, _)| taken);
    Edges {
        beside,
        next: Some(next),
        farther,
    }
}

/// Whether a piece is a scrap: a letter or a few, and no function word (`the` of
/// `strengtheningthe` is none).
fn scrap(piece: &[char], lists: &WordLists) -> bool {
    !piece.is_empty()
        && piece.len() <= SPLIT_SCRAP_LETTERS
        && !lists.function_words.contains(&lower(piece))
}

/// A longer piece of a broken word, beside a split or a word or two away: four or five
/// lower-case letters rarer than a word (`ians` of `civil ians` once `Fifteencivil` is
/// split, `signi` of `signi cant` once `ccd55signi` is: fuzz finds).
fn longer_scrap(piece: &[char], lexicon: &Lexicon) -> bool {
    piece.len() <= FAR_SCRAP_LETTERS && no_word(piece, lexicon)
}

/// A lower-case piece of four letters or more that is rarer than a word: beside a split,
/// however long, the words stage may repair it (`nearborder` once `nearborderregions` is
/// split, whose hyphen the batch writes: a fuzz find).
fn no_word(piece: &[char], lexicon: &Lexicon) -> bool {
    piece.len() > SPLIT_SCRAP_LETTERS
        && is_lower(piece)
        && lexicon.zipf(&string(piece)) < FAR_SCRAP_ZIPF
}

/// A scrap a word away from a split: what a stray space leaves of a word (`nt`, `ing`), or
/// a lone letter of letter-spaced text (`injureda n i` -> `injured a n i`), in lower case
/// and rarer than a short word (`two`, `car`, `off`) or an abbreviation (`US`, `Mr`)
/// standing there.  A clitic's letters (`ll`, `re`, `ve`) are common only as the word list
/// counts `I'll` and `we've`: alone they are a scrap (`ll in` is `fill in` once `inEast` is
/// split: a fuzz find).
fn lower_scrap(piece: &[char], lists: &WordLists, lexicon: &Lexicon) -> bool {
    if longer_scrap(piece, lexicon) {
        return true;
    }
    if !(is_lower(piece) && scrap(piece, lists)) {
        return false;
    }
    match piece {
        [one] => !matches!(one, 'a' | 'i'),
        ['l', 'l'] | ['r', 'e'] | ['v', 'e'] => true,
        _ => lexicon.zipf(&string(piece)) < BEYOND_SCRAP_ZIPF,
    }
}

/// Whether the two words beyond the one beside a split are both lower-case scraps (`ma id`
/// before `a|transition`: a word a stray space broke, which the words stage reads with the
/// word after it, and that word changed: a fuzz find).  Each alone may be a word (`id`,
/// `ma`); two in a row are rarely meant.
fn scraps_in_a_row(edges: &Edges, lists: &WordLists) -> bool {
    let lower_scrap = |piece: &Option<Vec<char>>| {
        piece
            .as_deref()
            .is_some_and(|piece| is_lower(piece) && scrap(piece, lists))
    };
    lower_scrap(&edges.next) && lower_scrap(&edges.farther)
}

/// Answers of the lexicon a split's neighbours ask, kept for the call: the words beside
/// splits recur (`of the`, `in a`), and each answer is up to a dozen lookups.  A pair's key
/// holds a space, a word's none, so the two kinds share the map.
#[derive(Default)]
struct Asked {
    answers: FxHashMap<String, bool>,
}

impl Asked {
    fn answer(&mut self, key: String, ask: impl FnOnce() -> bool) -> bool {
        if let Some(&known) = self.answers.get(&key) {
            return known;
        }
        let answer = ask();
        self.answers.insert(key, answer);
        answer
    }
}

/// Whether two words read as one known word once closed up (zipf `KNOWN_WORD_ZIPF`), or with
/// a lost ligature between them as one the words stage restores (`LIGATURE_LEAST_ZIPF`)
/// (`discus sing`, `signi cant`, `o er`).
fn close_up_known(first: &[char], second: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    if first.is_empty() || second.is_empty() {
        return false;
    }
    let (first, second) = (lower(first), lower(second));
    asked.answer(format!("{first} {second}"), || {
        lexicon.zipf(&format!("{first}{second}")) >= KNOWN_WORD_ZIPF
            || ligature_makes_word(lexicon, &first, &second, LIGATURE_LEAST_ZIPF)
    })
}

/// Whether the word beside a split and the next one out, or that one and the one beyond it,
/// read as one known word once closed up (`close_up_known`; `discus sing` once `singthe` is
/// split: `discussing`, a fuzz find): the words stage reads such pieces with the words about
/// them, and the split changed one.  `forward`: the edges read after the split.
fn closes_up(edges: &Edges, lexicon: &Lexicon, forward: bool, asked: &mut Asked) -> bool {
    let mut known = |near: &[char], far: &[char]| {
        let (first, second) = if forward { (near, far) } else { (far, near) };
        close_up_known(first, second, lexicon, asked)
    };
    let Some(next) = edges.next.as_deref() else {
        return false;
    };
    known(&edges.beside, next) || edges.farther.as_deref().is_some_and(|far| known(next, far))
}

/// Whether a lower-case word beside a split, or the next one out, is the end or start of a
/// word the words stage restores (`LIGATURE_LEAST_ZIPF`) once a lost ligature is put back,
/// however common it is (`nite` once `isnite` is
/// split: `finite`; `a at` once `atmeeting` is: `a flat`; `icking` once `thepress icking` is
/// `the press icking`: `flicking`; fuzz finds): the words stage restores such a ligature
/// where the words beside it agree, and the split changed one, or the word beside it.
fn lost_ligature_at_edge(piece: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    if piece.is_empty() || !is_lower(piece) {
        return false;
    }
    let word = string(piece);
    asked.answer(word.clone(), || {
        ligature_makes_word(lexicon, "", &word, LIGATURE_LEAST_ZIPF)
            || ligature_makes_word(lexicon, &word, "", LIGATURE_LEAST_ZIPF)
    })
}

/// Whether the split whose space stands just before `at` (code points) left a scrap beside
/// it, on either side, or parted off a word that stands one or two spaces from a scrap.
fn parts_a_scrap(
    chars: &[char],
    at: usize,
    lists: &WordLists,
    lexicon: &Lexicon,
    asked: &mut Asked,
) -> bool {
    let after = edges(chars, at, true);
    let before = edges(chars, at.saturating_sub(1), false);
    let lower_scrap = |piece: &Option<Vec<char>>| {
        piece
            .as_deref()
            .is_some_and(|piece| lower_scrap(piece, lists, lexicon))
    };
    scrap(&after.beside, lists)
        || scrap(&before.beside, lists)
        || no_word(&after.beside, lexicon)
        || no_word(&before.beside, lexicon)
        || lower_scrap(&after.next)
        || lower_scrap(&after.farther)
        || lower_scrap(&before.farther)
        || lower_scrap(&before.next)
        || scraps_in_a_row(&after, lists)
        || scraps_in_a_row(&before, lists)
        || closes_up(&after, lexicon, true, asked)
        || closes_up(&before, lexicon, false, asked)
        || [&after, &before].into_iter().any(|edges| {
            lost_ligature_at_edge(&edges.beside, lexicon, asked)
                || lost_ligature_at_edge(edges.next.as_deref().unwrap_or(&[]), lexicon, asked)
        })
}

/// The places (code points, each just after a split's space) that part a scrap.
pub fn scrap_places(
    text: &str,
    places: &[usize],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    scrap_places_in(&chars, places, lists, lexicon)
}

/// `scrap_places` of a text's characters.
pub(crate) fn scrap_places_in(
    chars: &[char],
    places: &[usize],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let mut asked = Asked::default();
    places
        .iter()
        .copied()
        .filter(|&at| parts_a_scrap(chars, at, lists, lexicon, &mut asked))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon_of;

    fn lists() -> WordLists {
        let function_words = ["the", "of", "a", "in", "as", "at", "is", "an"]
            .map(String::from)
            .into_iter()
            .collect();
        WordLists {
            function_words,
            ..WordLists::default()
        }
    }

    fn places(text: &str, at: &[usize]) -> Vec<usize> {
        let lexicon = lexicon_of(
            &[
                ("two", 1e-4),
                ("nt", 1e-6),
                ("ll", 1e-3),
                ("wars", 1e-5),
                ("ians", 1e-7),
                ("press", 1e-4),
                ("miles", 1e-4),
                ("civil", 1e-4),
                ("ma", 1e-4),
                ("id", 1e-4),
                ("discus", 1e-6),
                ("sing", 1e-5),
                ("discussing", 1e-5),
                ("strengthening", 1e-6),
                ("walked", 1e-5),
                ("transition", 1e-5),
                ("people", 1e-4),
                ("regions", 1e-5),
                ("significant", 1e-4),
                ("finite", 1e-5),
                ("nite", 1e-5),
                ("there", 1e-3),
                ("is", 1e-2),
                ("rise", 1e-5),
                ("signi", 1e-8),
                ("cant", 1e-5),
                ("at", 1e-2),
                ("flat", 1e-5),
                ("meeting", 1e-4),
                ("magni", 1e-5),
                ("cent", 1e-5),
                ("magnificent", 1e-5),
            ],
            &[],
            &[],
        );
        scrap_places(text, at, &lists(), &lexicon)
    }

    #[test]
    fn a_split_beside_a_scrap_is_found() {
        assert_eq!(places("strengthening the press", &[14]), [] as [usize; 0]); // `the`
        assert_eq!(places("the sta \u{160}t", &[8]), [8]); // `sta`, `Št`
        assert_eq!(places("a) ll of it", &[3]), [3]); // a mark, then `ll`
        assert_eq!(places("ministers of Kazakhstan", &[13]), [] as [usize; 0]);
    }

    #[test]
    fn a_scrap_a_word_or_two_away_is_found_where_it_is_lower_case_and_rare() {
        assert_eq!(places("in joins a s, out", &[3]), [3]); // `s` two words on
        assert_eq!(places("people Curre nt now", &[7]), [7]); // `nt` past `Curre`
        let none: [usize; 0] = [];
        assert_eq!(places("people walked two miles", &[7]), none); // `two` is common
        assert_eq!(places("people walked US miles", &[7]), none); // not lower case
        assert_eq!(places("people walked zx miles", &[7]), [7]); // `zx`: no word
        assert_eq!(places("ll in East", &[6]), [6]); // a clitic's letters, however common
        assert_eq!(places("Fifteen civil ians", &[8]), [8]); // a rare longer tail: `ians`
        assert_eq!(places("Fifteen civil wars", &[8]), none); // but not `wars`
        assert_eq!(places("ccd55 signi cant", &[6]), [6]); // the piece beside it
        assert_eq!(places("ccd55 press miles", &[6]), none);
        assert_eq!(places("the nearborder regions", &[15]), [15]); // no word, however long
        assert_eq!(places("the Nearborder regions", &[15]), none); // a name, maybe
    }

    #[test]
    fn two_scraps_in_a_row_beyond_the_word_beside_a_split_are_found() {
        let none: [usize; 0] = [];
        assert_eq!(places("ma id a transition", &[8]), [8]); // `ma id`, then `a`
        assert_eq!(places("a transition ma id", &[2]), [2]); // and after it
        assert_eq!(places("in as a transition", &[8]), none); // function words
        assert_eq!(places("ma ID a transition", &[8]), none); // not lower case
        assert_eq!(places("ma press a transition", &[11]), none); // `press` is no scrap
    }

    #[test]
    fn two_words_that_close_up_into_a_known_one_beside_a_split_are_found() {
        let none: [usize; 0] = [];
        assert_eq!(places("discus sing the press", &[12]), [12]); // `discussing`
        assert_eq!(places("the press discus sing", &[4]), [4]); // and after it
        assert_eq!(places("wars discus sing the press", &[17]), [17]); // a word farther
        assert_eq!(places("civil wars the press", &[11]), none); // `civilwars`: none
        assert_eq!(places("magni cent press", &[11]), [11]); // `magni` + fi + `cent`
        assert_eq!(places("magni rise press", &[11]), none); // no ligature makes a word
    }

    #[test]
    fn a_word_beside_a_split_that_a_lost_ligature_would_make_known_is_found() {
        let none: [usize; 0] = [];
        assert_eq!(places("regions press nite", &[14]), [14]); // `finite`
        assert_eq!(places("a at meeting", &[5]), [5]); // `flat`, however common `at` is
        assert_eq!(places("regions press rise", &[14]), none); // no such word
    }

    #[test]
    fn the_edges_are_read_outward_from_the_split() {
        let chars: Vec<char> = "abcdef gh ij".chars().collect();
        let after = edges(&chars, 0, true);
        assert_eq!(after.beside, ['a', 'b', 'c', 'd', 'e', 'f']);
        assert_eq!(after.next, Some(vec!['g', 'h']));
        assert_eq!(after.farther, Some(vec!['i', 'j']));
        let before = edges(&chars, chars.len(), false);
        assert_eq!(before.beside, ['i', 'j']);
        assert_eq!(before.next, Some(vec!['g', 'h']));
        assert_eq!(before.farther, Some(vec!['a', 'b', 'c', 'd', 'e', 'f']));
    }
}
