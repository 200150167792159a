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

/// The parts `Punctuation::dotted_name` weighs as it read them from the token's ends (the
/// token's whole run before the full stop and after it), kept to compare with.
fn dotted_name_from_the_token(scan: &Punctuation, chars: &[char], dot: usize) -> bool {
    let solid = |c: char| !c.is_whitespace();
    let before = &chars[run_start(chars, dot, solid)..dot];
    let after = &chars[dot + 1..run_end(chars, dot + 1, solid)];
    let opened = before
        .iter()
        .take_while(|&&c| one_of(c, DOTTED_OPENERS))
        .count();
    scan.dotted_parts(&before[opened..], &after[..dotted_right(after)])
}

#[test]
fn a_dotted_name_is_read_as_far_as_it_goes_as_from_its_token() {
    let lexicon = lexicon_of(&[("typing", 1e-5), ("the", 0.05)], &[], &[]);
    let tlds = FxHashSet::default();
    let function_words: FxHashSet<String> = ["the".to_owned()].into_iter().collect();
    let scan = Punctuation {
        lexicon: &lexicon,
        tlds: &tlds,
        function_words: &function_words,
    };
    let pieces = [
        "typing",
        ".",
        "Typed",
        "Dict",
        "(",
        "x",
        "_1",
        " ",
        "\"",
        ";",
        "the",
        "The",
        "A",
        ".b",
        "typing.TypedDict",
        "enum.Enum",
        "foo.bar.Bar",
        " (wrapt.ObjectProxy",
        "x.The",
    ];
    let mut draws = crate::draws::Draws::new(11);
    let mut names = [0, 0]; // full stops read as no name's, as a name's
    for _ in 0..3_000 {
        let text: String = (0..1 + draws.below(9))
            .map(|_| pieces[draws.below(pieces.len())])
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for dot in (0..chars.len()).filter(|&at| chars[at] == '.') {
            let expected = dotted_name_from_the_token(&scan, &chars, dot);
            assert_eq!(scan.dotted_name(&chars, dot), expected, "{text:?} at {dot}");
            names[usize::from(expected)] += 1;
        }
    }
    assert!(names[0] > 1_000 && names[1] > 500, "{names:?}");
}

#[test]
fn a_label_is_read_back_to_its_line_start_as_the_whole_line_is() {
    // the line before `at` is one word, as read from the line's start
    let from_the_line = |chars: &[char], at: usize| {
        let start = chars[..at]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        let line = &chars[start..at];
        !line.is_empty() && line.iter().all(|&c| is_letter(c))
    };
    let pieces = ["Note", "a", " ", "\n", ":", "1", "é", "-"];
    let mut draws = crate::draws::Draws::new(5);
    let mut labels = [0, 0];
    for _ in 0..2_000 {
        let text: String = (0..draws.below(8))
            .map(|_| pieces[draws.below(pieces.len())])
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for at in 0..=chars.len() {
            let expected = from_the_line(&chars, at);
            assert_eq!(label_before(&chars, at), expected, "{text:?} at {at}");
            labels[usize::from(expected)] += 1;
        }
    }
    assert!(labels[0] > 1_000 && labels[1] > 1_000, "{labels:?}");
}
