use super::cache::{Generations, CACHE_TOKENS};
use super::case::case_matches;
use super::edges::{hex_id, mixed_runs, ordinal};
use super::shapes::ends_as_participle;
use super::*;

#[test]
fn tokens_are_split_on_white_space_in_code_points() {
    let found: Vec<(usize, &str, usize)> = tokens(" é ab\u{a0}c\n")
        .map(|t| (t.at, t.text, t.letters))
        .collect();
    assert_eq!(found, [(1, "é", 1), (3, "ab", 2), (6, "c", 1)]);
}

#[test]
fn case_matches_follow_the_pattern() {
    let run: Vec<char> = "AzizDolosbayevNATOallies".chars().collect();
    assert_eq!(case_matches(&run), [(0, 4), (4, 14), (14, 24)]);
    // a modifier letter between lower-case ones is inside the word, not a case change
    let run: Vec<char> = "Kaua\u{2bb}iMata\u{2bb}afa\u{2bb}".chars().collect();
    assert_eq!(case_matches(&run), [(0, 6), (6, 14)]); // the last, before no letter, is not
}

#[test]
fn participles_and_ordinals() {
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(ends_as_participle(&chars("controlled")));
    assert!(!ends_as_participle(&chars("reed")));
    assert_eq!(ordinal(&chars("80")), "th");
    assert_eq!(ordinal(&chars("11")), "th");
    assert_eq!(ordinal(&chars("21")), "st");
}

#[test]
fn mixed_runs_hold_letters_and_digits() {
    let chars: Vec<char> = "boto3-win-32x".chars().collect();
    assert_eq!(mixed_runs(&chars), [(0, 5), (10, 13)]);
}

#[test]
fn an_abbreviated_hash_is_no_word_and_number_glued() {
    let id = |token: &str| hex_id(&token.chars().collect::<Vec<char>>());
    for hash in ["a487916", "9b5fe78", "(a831908599)", "dd6fb0053c"] {
        assert!(id(hash), "{hash}");
    }
    // a word's letters, too few digits or characters, or no hexadecimal digit
    for glue in [
        "decade2020",
        "a2025",
        "bad2020",
        "a12b",
        "over7000",
        "a1234567z",
    ] {
        assert!(!id(glue), "{glue}");
    }
}

fn entry(margin: f64) -> Entry {
    Entry::of(
        vec![Candidate::new(1, margin, SplitKind::Words, &['a'], &['b'])],
        Reads::default(),
    )
}

#[test]
fn a_memo_keeps_what_is_used_and_holds_two_generations_at_most() {
    let mut memo = Generations::default();
    memo.insert("kept".into(), entry(1.0));
    for k in 0..CACHE_TOKENS - 1 {
        memo.insert(format!("filler {k}").into(), entry(0.0));
    }
    // the newer generation is full: the next entry starts another, "kept" is older
    memo.insert("turns".into(), entry(0.0));
    assert!(memo.get("kept").is_some_and(|e| e.found[0].margin == 1.0));
    for k in 0..CACHE_TOKENS {
        memo.insert(format!("more {k}").into(), entry(0.0));
    }
    // used after the first turn, so it was moved into the generation kept at the second
    assert!(memo.get("kept").is_some());
    assert!(memo.get("filler 0").is_none());
    assert!(memo.newer.len() + memo.older.len() <= 2 * CACHE_TOKENS);
    memo.clear();
    assert!(memo.get("kept").is_none());
}

#[test]
fn the_sides_are_counted_in_a_batch_and_not_in_a_sentence() {
    let opening = "x ".repeat(30); // words in a line's opening are not counted
    let long = format!(
        "{opening}{}Spainexpels",
        "Spain said so again. ".repeat(200)
    );
    let batch = Vocabulary::of([long.as_str()]);
    let mut reader = Reader::new(&batch);
    let seen = Seen::of("Spain", "expels", &mut reader);
    assert_eq!((seen.left, seen.right, seen.glued), (200, 0, 1));
    assert!(u64::from(seen.batch) >= COUNTED_BATCH_CLASS);
    assert!(reader.reads.contains("n:") && reader.reads.contains("w:Spainexpels"));
    let sentence = Vocabulary::of([format!("{opening}Spain said so. Spainexpels").as_str()]);
    let mut reader = Reader::new(&sentence);
    assert_eq!(Seen::of("Spain", "expels", &mut reader), Seen::default());
    assert!(!reader.reads.contains("w:Spain")); // read no count it does not use
}

#[test]
fn code_is_read_as_the_pattern_reads_it() {
    // the characters the pattern needs are asked first: every token gets the pattern's answer
    let tokens = [
        "isinstance(x,",
        "print()",
        ".format(",
        "a_b",
        "x=1",
        "<b>",
        "{k}",
        "C:\\dir",
        "a/b",
        "me@host",
        "#tag",
        "https://x.org",
        "Court(ICC)",
        "fraud(vote",
        "word",
        "Hamroand",
        "organizations.Evidently",
        "threats,\u{bb}said",
        "over70",
        "(",
        "f(a)",
        "CGI::startfrom,",
        "said:",
    ];
    for token in tokens {
        let chars: Vec<char> = token.chars().collect();
        assert_eq!(code_like(&chars), CODE_LIKE.is_match(token), "{token}");
    }
    assert!(code_like(&"isinstance(x,".chars().collect::<Vec<_>>()));
    assert!(!code_like(&"Court(ICC)".chars().collect::<Vec<_>>()));
    assert!(code_like(&"CGI::startfrom,".chars().collect::<Vec<_>>()));
    assert!(!code_like(&"said:".chars().collect::<Vec<_>>()));
}

#[test]
fn a_bracket_that_opens_a_word_may_hold_its_optional_start() {
    let lexicon = crate::lexicon::lexicon_of(&[("subdirectory", 1e-7)], &[], &[]);
    let lists = WordLists {
        prefixes: ["micro".to_string()].into_iter().collect(),
        ..WordLists::default()
    };
    let finder = Finder {
        lexicon: &lexicon,
        lists: &lists,
    };
    let batch = Vocabulary::of(["Packages are built as a regular user, under fakeroot if asked."]);
    let optional_in = |token: &str, at: usize, batch: &Vocabulary| {
        let chars: Vec<char> = token.chars().collect();
        super::edges::optional_prefix(&finder, &chars, at, &mut Reader::new(batch))
    };
    let optional = |token: &str, at: usize| optional_in(token, at, &Vocabulary::new());
    assert!(optional("(sub)directory", 5));
    assert!(optional("(micro)performance", 7)); // a prefix of the closed class
                                                // a word the word list lacks, but the batch writes
    assert!(!optional("(fake)root", 6));
    assert!(optional_in("(fake)root", 6, &batch));
    assert!(optional("(non-)existence", 6)); // its hyphen says so, known or not
    assert!(!optional("(falsely)announced", 9)); // a word of its own, glued
    assert!(!optional("(FBI)is", 5));
    // no bracket opens these: nothing to read, and nothing out of bounds
    for (token, at) in [(")and", 1), ("()x", 2), ("x)y", 2)] {
        assert!(!optional(token, at), "{token}");
    }
}
