//! Which splits part a scrap: examples by hand, each a shape the fuzzer found.

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
    assert_eq!(places("regions press Nite", &[14]), [14]); // capitalised: `Finite`
    assert_eq!(places("regions press Rise", &[14]), none);
}

#[test]
fn the_edges_are_read_outward_from_the_split() {
    let chars: Vec<char> = "abcdef gh ij".chars().collect();
    let after = edges(&chars, 0, true);
    assert_eq!(after.beside, ['a', 'b', 'c', 'd', 'e', 'f']);
    assert_eq!(after.next, Some(&['g', 'h'][..]));
    assert_eq!(after.farther, Some(&['i', 'j'][..]));
    let before = edges(&chars, chars.len(), false);
    assert_eq!(before.beside, ['i', 'j']);
    assert_eq!(before.next, Some(&['g', 'h'][..]));
    assert_eq!(before.farther, Some(&['a', 'b', 'c', 'd', 'e', 'f'][..]));
}
