//! The punctuation module's tests.

use super::*;
use crate::lexicon::lexicon_of;

fn scan(text: &str) -> Vec<(usize, usize, &'static str, Vec<String>)> {
    let lexicon = lexicon_of(
        &[
            ("organizations", 1e-5),
            ("cooperation", 1e-5),
            ("and", 0.03),
        ],
        &[],
        &[],
    );
    let tlds: FxHashSet<String> = ["com".to_owned()].into_iter().collect();
    let function_words: FxHashSet<String> = ["the".to_owned()].into_iter().collect();
    let scan = Punctuation {
        lexicon: &lexicon,
        tlds: &tlds,
        function_words: &function_words,
    };
    scan.find(text)
        .into_iter()
        .map(|p| (p.start, p.end, p.code, p.detail))
        .collect()
}

fn words(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_space_after_a_mark_before_a_word() {
    assert_eq!(
        scan("organizations.Evidently"),
        vec![(14, 14, SPACE_AFTER, words(&[".", "Evidently"]))]
    );
    assert_eq!(
        scan("cooperation,especially")[0].3,
        words(&[",", "especially"])
    );
    assert_eq!(scan("note:see")[0].3, words(&[":", "see"]));
}

#[test]
fn a_parenthesis_or_a_percentage_is_prose_a_call_is_code() {
    assert_eq!(
        scan("(RSF),reportedly"),
        vec![(6, 6, SPACE_AFTER, words(&[",", "reportedly"]))]
    );
    assert_eq!(
        scan("billion),surpassing")[0].3,
        words(&[",", "surpassing"])
    );
    assert_eq!(scan("rose 23%,citing")[0].3, words(&[",", "citing"]));
    assert_eq!(scan("Acme Inc.and")[0].3, words(&[".", "and"]));
    for abbreviated in ["Acme Inc.xyz", "bbc.Co.and", "JInc.and", "e.g.and"] {
        assert!(scan(abbreviated).is_empty(), "{abbreviated}");
    }
    for code in [
        "print(a),b",
        "f(x).y,z",
        "x)(y,z",
        "exl)erimenl,s",
        "\"%,d\"",
    ] {
        assert!(scan(code).is_empty(), "{code}");
    }
}

#[test]
fn names_numbers_and_domains_keep_their_marks() {
    for text in [
        "U.S.",
        "3.14",
        "1,000",
        "McAfee.com",
        "enum.Enum",
        "jedi.Script.search",
    ] {
        assert!(scan(text).is_empty(), "{text}");
    }
    assert!(scan("&amp;x").is_empty());
}

#[test]
fn no_space_before_a_mark() {
    assert_eq!(
        scan("However , it"),
        vec![(7, 8, SPACE_BEFORE, words(&[","]))]
    );
    assert!(scan("wait ...").is_empty());
    assert!(scan("Noise : I opened\nNote : it").is_empty());
    assert_eq!(
        scan("Another example : it"),
        vec![(15, 16, SPACE_BEFORE, words(&[":"]))]
    );
}

#[test]
fn a_broken_hyphen_closes_unless_suspended() {
    assert_eq!(
        scan("their well- being"),
        vec![(11, 12, BROKEN_HYPHEN, words(&["being"]))]
    );
    assert!(scan("low- and high-income").is_empty());
}

#[test]
fn padding_inside_parentheses_is_closed_up() {
    assert_eq!(
        scan("role ( subject or object ) of"),
        vec![
            (6, 7, PADDED_BRACKET, words(&["("])),
            (24, 25, PADDED_BRACKET, words(&[")"]))
        ]
    );
    assert_eq!(
        scan("(the brake. ) then"),
        vec![(11, 12, PADDED_BRACKET, words(&[")"]))]
    );
    for text in [
        "f( x ) here",
        "a ( b() )* c",
        "a ( ) b",
        "a :-( b",
        "( a\nb )",
    ] {
        assert!(scan(text).is_empty(), "{text}");
    }
}

#[test]
fn the_scans_sets_are_ascii_marks() {
    // `one_of_marks` rules a character out by `is_ascii_punctuation` before reading the set
    for set in [super::SENTENCE_MARKS, super::CODE_CHARS] {
        assert!(set.chars().all(|c| c.is_ascii_punctuation()), "{set}");
    }
}
