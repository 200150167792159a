//! The readings on small word lists.

use super::*;
use crate::lexicon::lexicon_of;

fn lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("of", 0.03),
            ("office", 1e-4),
            ("certain", 1e-4),
            ("the", 0.05),
            ("first", 5e-4),
            ("re", 1e-4),
            ("fire", 5e-5),
            ("ce", 1e-6),
            ("day", 1e-4),
        ],
        &[],
        &[],
    )
}

fn restored(text: &str) -> Vec<(usize, GapKind, String, String)> {
    restorations(text, &lexicon())
        .into_iter()
        .map(|r| (r.at, r.kind, r.ligature, r.word))
        .collect()
}

#[test]
fn a_gap_inside_a_word_takes_its_ligature_back() {
    let found = restored("A signi cant rise, in the of ce.");
    assert_eq!(
        found,
        [
            (7, GapKind::Inside, "fi".into(), "significant".into()),
            (28, GapKind::Inside, "fi".into(), "office".into()),
        ]
    );
    assert_eq!(
        restored("SIGNI CANT"),
        [(5, GapKind::Inside, "FI".into(), "SIGNIFICANT".into())]
    );
}

#[test]
fn a_word_that_began_with_a_ligature_gets_it_back_after_the_gap() {
    assert_eq!(
        restored("the rst day"),
        [(4, GapKind::WordStart, "fi".into(), "first".into())]
    );
    assert_eq!(restored("we've"), []);
}

#[test]
fn words_as_they_stand_and_names_are_left_alone() {
    for text in ["of certain", "Signi Cant", "signi  cant", "x signi cant1"] {
        assert_eq!(restored(text), [], "{text}");
    }
}

#[test]
fn stray_spaces_inside_a_word_are_taken_out_and_two_words_kept() {
    let lexicon = lexicon_of(
        &[
            ("were", 1e-3),
            ("included", 1e-4),
            ("in", 0.02),
            ("inc", 1e-6),
            ("air", 1e-4),
            ("ports", 1e-5),
            ("airports", 1e-5),
            ("president", 1e-4),
            ("elect", 1e-5),
            ("a", 0.02),
            ("are", 1e-3),
            ("re", 1e-4),
            ("sentencing", 1e-5),
            ("country", 1e-4),
            ("count", 1e-4),
            ("ry", 1e-7),
        ],
        &[],
        &[],
    );
    let found = restorations("were inc luded in", &lexicon);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, GapKind::Stray);
    assert_eq!(found[0].gaps, [8]);
    assert_eq!(found[0].word, "included");
    assert!(restorations("sea and air ports", &lexicon).is_empty());
    // before a hyphen, a word closes up where a piece is no word; `re-` may be a prefix
    let found = restorations("the pres ident-elect", &lexicon);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].word, "president");
    assert!(restorations("orders a re-sentencing", &lexicon).is_empty());
    // a word ends before a possessive, as before a space
    let found = restorations("the count ry's leader", &lexicon);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].word, "country");
    assert!(restorations("the count ry'sx", &lexicon).is_empty());
}

#[test]
fn a_very_common_word_and_a_lone_letter_close_up_only_into_a_word_about_as_common() {
    let lexicon = lexicon_of(
        &[
            ("for", 0.01),
            ("fork", 1e-5),
            ("k", 1e-4),
            ("the", 0.05),
            ("n", 1e-4),
            ("then", 1e-3),
            ("in", 0.02),
            ("e", 1e-4),
        ],
        &[],
        &[],
    );
    let words = |text: &str| -> Vec<String> {
        restorations(text, &lexicon)
            .into_iter()
            .map(|r| r.word)
            .collect()
    };
    // a word and a variable (`fork` is 1,000 times rarer than `for`), not `then` (50 times)
    assert_eq!(words("loop for k in e"), Vec::<String>::new());
    assert_eq!(words("and the n in e"), ["then"]);
}

mod as_found;
mod compounds;
mod damaged;
mod moved;

#[test]
fn the_end_of_a_contraction_is_no_word_before_a_gap() {
    let lexicon = lexicon();
    let chars: Vec<char> = "they're ne, the ne, they\u{2019}re ne".chars().collect();
    let lowered = runs::Lowered::of(&chars);
    let scan = scan::Scan::new(chars, &lowered, &lexicon, None);
    let before: Vec<Option<&str>> = [2, 4, 7].iter().map(|&i| scan.previous(i)).collect();
    // `re` of they're (both apostrophes) is no word of its own; `the` is
    assert_eq!(before, [None, Some("the"), None]);
}

#[test]
fn a_capitalised_piece_the_word_list_lacks_closes_up_into_a_rare_word() {
    let lexicon = lexicon_of(
        &[
            ("annotation", 8e-7), // zipf 2.9: rare, under `stray_least`
            ("ion", 1e-5),
            ("schema", 1e-6),
            ("tina", 1e-6),
            ("jade", 1e-5),
            ("tinajade", 8e-7),
        ],
        &[],
        &[],
    );
    let found = restorations("P Annotat ion Schema", &lexicon);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].word, "Annotation");
    // a listed piece may be a name's (`Tina`): a rare word is no reading of it
    assert!(restorations("P Tina jade Schema", &lexicon).is_empty());
}
