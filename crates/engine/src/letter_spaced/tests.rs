//! The letter-spaced runs' reading, on a lexicon of a few words.

use super::*;
use crate::lexicon::lexicon_of;

fn lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("discuss", 2e-5),
            ("the", 0.05),
            ("other", 1e-3),
            ("is", 0.01),
            ("junction", 2e-6),
            ("abc", 1e-5),
            ("ab", 1e-5),
            ("we", 0.01),
            ("now", 1e-3),
            ("how", 1e-3),
            ("so", 1e-3),
            ("here", 1e-3),
            ("grammar", 1e-5),
            ("control", 1e-4),
            ("grin", 1e-4),
            ("and", 0.02),
            ("are", 0.005),
            ("band", 1e-4),
            ("dare", 1e-5),
        ],
        &[("the", 1000.0)],
        &[],
    )
}

/// The readings of `text` on `lexicon`: each closed-up word and its gaps.
fn read_on(text: &str, lexicon: &Lexicon) -> Vec<(String, Vec<usize>)> {
    let chars: Vec<char> = text.chars().collect();
    letter_spaced(&chars, lexicon)
        .into_iter()
        .map(|r| (r.word, r.gaps))
        .collect()
}

fn read(text: &str) -> Vec<(String, Vec<usize>)> {
    read_on(text, &lexicon())
}

#[test]
fn a_letter_spaced_word_is_closed_up() {
    assert_eq!(
        read("We now d i s c u s s how"),
        vec![("We now discuss how".to_owned(), vec![8, 10, 12, 14, 16, 18])]
    );
    assert_eq!(read("J u n c t i o n Grammar")[0].0, "Junction Grammar");
}

#[test]
fn a_run_across_words_keeps_the_spaces_between_them() {
    let found = read("so t h e o t h e r i s here");
    assert_eq!(found[0].0, "so the other is here");
    assert_eq!(found[0].1.len(), 7); // ten letters, three words: seven spaces out
}

#[test]
fn the_margin_reads_as_the_confidence() {
    let chars: Vec<char> = "d i s c u s s".chars().collect();
    let found = letter_spaced(&chars, &lexicon());
    let confidence = crate::broken_words::confidence(found[0].margin);
    assert!((confidence - found[0].confidence).abs() < 1e-12);
}

#[test]
fn letters_beside_a_scrap_are_pieces_of_its_word() {
    assert_eq!(
        read("we contr o l how"),
        vec![("control".to_owned(), vec![8, 10])]
    );
    // one letter beside a scrap may be a lost ligature's gap (`Gri n`: `Griffin`)
    assert!(read("we gri n how").is_empty());
}

#[test]
fn lists_scraps_and_short_runs_stay() {
    for text in ["a b c d", "x a b", "t o", "nodes a b and c", "q z x"] {
        assert!(read(text).is_empty(), "{text}");
    }
}

#[test]
fn a_capital_letter_alone_before_a_word_is_a_label() {
    // `B and D are` reads as `band dare`, but a letter-spaced word leaves every letter alone
    assert!(read("that, B and D are codes").is_empty());
    assert_eq!(read("the B a n d is here")[0].0, "the Band is here");
}

/// A lexicon where the pieces beside the letters read as (rare) words of their own.
fn pieces_lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("the", 0.05),
            ("to", 0.02),
            ("of", 0.03),
            ("ability", 1e-4),
            ("abi", 2e-6),
            ("ty", 2e-6),
            ("left", 2e-4),
            ("le", 1e-5),
            ("plane", 1e-5),
            ("xylene", 1e-7),
            ("is", 0.01),
            ("a", 0.02),
            ("prediction", 1e-5),
            ("that", 0.01),
        ],
        &[],
        &[],
    )
}

fn read_pieces(text: &str) -> Vec<(String, Vec<usize>)> {
    read_on(text, &pieces_lexicon())
}

#[test]
fn lone_letters_close_up_with_the_pieces_of_their_word() {
    assert_eq!(
        read_pieces("the abi l i ty to"),
        vec![("ability".to_owned(), vec![7, 9, 11])]
    );
    assert_eq!(
        read_pieces("to the le f t of"),
        vec![("left".to_owned(), vec![9, 11])]
    );
}

#[test]
fn lone_letters_that_make_no_common_word_with_a_piece_stay() {
    assert!(read_pieces("the x y plane").is_empty());
    assert!(
        read_pieces("the x y le ne of").is_empty(),
        "a rare word is no reading"
    );
}

#[test]
fn a_word_of_one_letter_runs_through_no_alphabet() {
    // `a` is a word of the reading `is a prediction`, not a list like `a b c`, so the
    // reading is whole and `is` closes up with the rest
    assert_eq!(
        read_pieces("it i s a p r e d i c t i o n that")[0].0,
        "is a prediction"
    );
}

#[test]
fn garbage_before_letter_spaced_words_is_left_out_of_their_reading() {
    assert_eq!(
        read_pieces("WqNT i s a p r e d i c t i o n that"),
        vec![(
            "is a prediction".to_owned(),
            vec![6, 12, 14, 16, 18, 20, 22, 24, 26, 28]
        )]
    );
    assert!(
        read_pieces("after a minib u s rolls").is_empty(),
        "two letters are the pieces of the scrap's word"
    );
}

/// A lexicon where the fragments of a word read as scraps or short words.
fn fragments_lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("an", 0.005),
            ("art", 2e-4),
            ("artificial", 2e-5),
            ("if", 3e-3),
            ("ic", 3e-6),
            ("ia", 5e-6),
            ("intelligence", 1e-5),
            ("to", 0.02),
            ("crack", 1e-5),
            ("down", 1e-3),
            ("crackdown", 1e-6),
            ("on", 0.01),
            ("is", 0.01),
            ("not", 5e-3),
            ("isn", 1e-5),
            ("as", 5e-3),
        ],
        &[],
        &[],
    )
}

fn read_fragments(text: &str) -> Vec<(String, Vec<usize>)> {
    read_on(text, &fragments_lexicon())
}

#[test]
fn a_word_broken_into_fragments_is_closed_up_whole() {
    // not `Art if ic ia l`: the letters `i f` are no word of their own here
    assert_eq!(
        read_fragments("An Art i f ic ia l intelligence"),
        vec![("Artificial".to_owned(), vec![6, 8, 10, 13, 16])]
    );
}

#[test]
fn a_word_as_written_at_the_end_of_fragments_stays_apart() {
    assert_eq!(
        read_fragments("to cra c k down on"),
        vec![("crack".to_owned(), vec![6, 8])]
    );
}

#[test]
fn single_letters_alone_are_no_fragments_of_a_word() {
    // `i s n` is letters spaced one by one, read as words (`is not`), not a word `isn`
    let found = read_fragments("Reader i s n o t as");
    assert!(
        found
            .iter()
            .all(|(word, _)| !word.split(' ').any(|w| w == "isn")),
        "{found:?}"
    );
}

#[test]
fn two_letters_spelled_out_beside_a_rarer_word_read_as_a_very_common_word() {
    let lexicon = lexicon_of(
        &[
            ("modifier", 5e-7), // zipf 2.7: no word a reading closes up
            ("in", 0.02),
            ("turn", 1e-4),
            ("xy", 1e-8),
        ],
        &[],
        &[],
    );
    assert_eq!(
        read_on("each modifier i n turn", &lexicon),
        vec![("modifier in turn".to_owned(), vec![15])]
    );
    assert!(read_on("each modifier x y turn", &lexicon).is_empty());
}

#[test]
fn fragments_take_a_stretch_of_single_letters_whole_or_not_at_all() {
    let lexicon = lexicon_of(
        &[
            ("of", 0.03),
            ("the", 0.05),
            ("ofthe", 1e-6), // a typo the word list holds
            ("state", 1e-4),
            ("zz", 1e-9),
        ],
        &[],
        &[],
    );
    // `of t h e` would close up, but `t h e` runs on into more single letters
    let found = read_on("the state of t h e q z x w zz", &lexicon);
    assert!(
        found
            .iter()
            .all(|(word, _)| !word.split(' ').any(|w| w == "ofthe")),
        "{found:?}"
    );
}

#[test]
fn a_run_of_many_words_is_read_word_by_word() {
    let lexicon = lexicon_of(
        &[
            ("share", 1e-4),
            ("of", 0.03),
            ("the", 0.05),
            ("ofthe", 2e-6), // a typo the word list holds
            ("population", 1e-4),
            ("is", 0.01),
            ("growing", 1e-4),
        ],
        &[],
        &[],
    );
    // more than the five words a glue is read as: none merged to stay within them
    assert_eq!(
        read_on("the share of t h e population i s growing", &lexicon),
        vec![(
            "share of the population is growing".to_owned(),
            vec![14, 16, 31]
        )]
    );
}
