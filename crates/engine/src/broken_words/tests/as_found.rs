//! What the words as found weigh against a lost ligature: a stray space's prior, and a word
//! the batch writes as found and never with the ligature.

use super::damaged::sure_words;
use super::*;

#[test]
fn a_stray_space_pays_its_prior_where_a_piece_is_a_scrap_and_strays_are_not_shown() {
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("the", 0.05),
            ("a", 0.02),
            ("armed", 4e-5),
            ("affirmed", 2.5e-6),
            ("rmed", 1e-8),
            ("co", 1e-5),
            ("in", 0.02),
            ("coin", 2e-5),
            ("coffin", 2e-5),
        ],
        &[],
        &[],
    );
    // `rmed` is no word: the space is damage either way, and a lost glyph likelier than a
    // stray space in a document that shows no stray spaces
    assert_eq!(
        sure_words("A signi cant vote: the board a rmed the plan.", &lexicon),
        ["significant", "affirmed"]
    );
    // `Co in`: both pieces are words, and `coin` closed up still competes with `coffin`
    assert_eq!(
        sure_words("A signi cant vote: the Co in the plan.", &lexicon),
        ["significant"]
    );
}

#[test]
fn a_word_the_batch_writes_often_and_never_with_the_ligature_is_the_word_meant() {
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("the", 0.05),
            ("rm", 5e-6),
            ("firm", 6e-5),
            ("rst", 3e-7),
            ("first", 1e-3),
            ("command", 5e-5),
        ],
        &[],
        &[("the firm", 1e4)],
    );
    let text = "A signi cant loss: run the rm command, the rst command.";
    let words = |batch: &Vocabulary| -> Vec<String> {
        let (found, _) = restorations_in(text, &lexicon, Some(batch), 1.0);
        found.into_iter().map(|r| r.word).collect()
    };
    let opening = "An opening line of more than enough letters: ";
    let written = |times: usize, word: &str| {
        let words = vec![word; times].join(" and ");
        Vocabulary::of([format!("{opening}{words}").as_str()])
    };
    // a batch that writes `rm` ten times and never `firm` says `rm` is meant
    let rm = words(&written(10, "rm"));
    assert!(!rm.contains(&"firm".to_owned()), "{rm:?}");
    // `rst` is no word but what `first` leaves, however often a batch writes it
    assert!(words(&written(10, "rst")).contains(&"first".to_owned()));
    // fewer times, or beside `firm` once, the words around decide
    for batch in [written(9, "rm"), written(10, "rm firm")] {
        assert!(words(&batch).contains(&"firm".to_owned()));
    }
}
