//! The vocabulary module's tests.

use super::*;

#[test]
fn invisible_characters_are_counted_as_gone() {
    let opening = "An opening line of more than enough letters:";
    let plain = Vocabulary::of([format!("{opening} word1,000word1,000 co-op").as_str()]);
    let hidden = format!("{opening} word1,000\u{200b}word1,000 co-\u{ad}op\u{feff}");
    assert_eq!(Vocabulary::of([hidden.as_str()]), plain);
}

#[test]
fn words_after_the_opening_and_spaced_pairs_are_counted() {
    let text = "An opening line of more than enough letters: United States and UnitedStates";
    let vocabulary = Vocabulary::of([text]);
    assert_eq!(vocabulary.pair_count("UnitedStates"), 1);
    assert_eq!(vocabulary.word_count("UnitedStates"), 1);
    assert_eq!(vocabulary.word_count("An"), 0, "inside the opening");
    assert_eq!(vocabulary.pair_count("Anopening"), 1);
}

#[test]
fn a_hard_wrapped_lines_opening_counts_but_a_paragraphs_does_not() {
    let opening = "An opening line of more than enough letters, wrapped";
    let count = |text: &str, word: &str| Vocabulary::of([text]).word_count(word);
    // the break goes on with the sentence: the next line's first words count
    assert_eq!(
        count(&format!("{opening}\nto text formatters"), "formatters"),
        1
    );
    assert_eq!(count(&format!("{opening},\n  to text formatters"), "to"), 1);
    // a paragraph starts: after a blank line, a sentence's end, a capital, a list's mark
    for text in [
        format!("{opening}\n\nto text formatters"),
        format!("{opening}.\nto text formatters"),
        format!("{opening}:\nto text formatters"),
        format!("{opening}\n- to text formatters"),
    ] {
        assert_eq!(count(&text, "formatters"), 0, "{text:?}");
    }
    assert_eq!(
        count(&format!("{opening}\nText formatters"), "formatters"),
        0
    );
}

#[test]
fn compounds_are_counted_with_their_hyphen() {
    let text = "law-abiding citizens, a co-op, a well- made one, across-the-board cuts";
    let vocabulary = Vocabulary::of([text]);
    assert_eq!(vocabulary.hyphened_count("law-abiding"), 1);
    assert_eq!(
        vocabulary.hyphened_count("across-the"),
        0,
        "part of a longer chain"
    );
    assert_eq!(
        vocabulary.hyphened_count("the-board"),
        0,
        "part of a longer chain"
    );
    assert_eq!(vocabulary.hyphened_count("co-op"), 1);
    assert_eq!(
        vocabulary.hyphened_count("well-made"),
        1,
        "a space after the hyphen, which the punctuation stage closes"
    );
    assert_eq!(vocabulary.count("h:co-op"), 1);
    let copy = Vocabulary::from_bytes(&vocabulary.to_bytes()).expect("bytes it wrote");
    assert_eq!(copy, vocabulary);
}

#[test]
fn an_apostrophe_joins_a_word_and_mixed_runs_count_whole() {
    let text = format!("{} don't use boto3 or win32.", "x".repeat(30));
    let vocabulary = Vocabulary::of([text.as_str()]);
    assert_eq!(vocabulary.word_count("don't"), 1);
    assert_eq!(vocabulary.word_count("boto3"), 1);
    assert_eq!(vocabulary.word_count("boto"), 1);
    assert_eq!(vocabulary.pair_count("don'tuse"), 1);
}

#[test]
fn counts_round_trip_through_bytes_and_merge_adds() {
    let mut one = Vocabulary::of(["a b c d e f g h i j k l m n o p q r s t u v w x y z z"]);
    let copy = Vocabulary::from_bytes(&one.to_bytes()).expect("bytes it wrote");
    assert_eq!(copy, one);
    assert!(Vocabulary::from_bytes(&one.to_bytes()[1..]).is_none());
    one.merge(&copy);
    assert_eq!(one.word_count("z"), 2 * copy.word_count("z"));
}

#[test]
fn a_reader_notes_what_it_read() {
    let vocabulary = Vocabulary::new();
    let mut reader = Reader::new(&vocabulary);
    reader.word_count("Qatar");
    reader.pair_count("ofthe");
    let mut reads: Vec<String> = reader.reads.iter().map(|k| k.to_string()).collect();
    reads.sort();
    assert_eq!(reads, ["p:ofthe", "w:Qatar"]);
}
