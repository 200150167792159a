use super::*;

fn lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("the", 0.05),
            ("press", 1e-4),
            ("a", 0.02),
            ("x", 1e-3),
            ("qz", 1e-6),
        ],
        &[("the", 1000.0)],
        &[("the press", 10.0)],
    )
}

#[test]
fn a_table_file_is_opened_and_anything_else_refused() {
    let folder = std::env::temp_dir().join(format!("pipeline-lexicon-{}", std::process::id()));
    fs::create_dir_all(&folder).expect("a temporary folder");
    let path = folder.join("words.table");
    let bytes = table_bytes(
        vec![("the".to_owned(), 0.05)],
        vec![("the".to_owned(), 1000.0)],
        vec![],
    )
    .expect("builds");
    fs::write(&path, &bytes).expect("written");
    let opened = Lexicon::open(&path, 1 << 20).expect("opens");
    assert_eq!(opened.logp("the"), Some(0.05f64.log10()));
    assert!(Lexicon::open(&path, 10).is_err(), "too large");
    assert!(Lexicon::open(&folder, 1 << 20).is_err(), "a folder");
    assert!(Lexicon::open(&folder.join("missing"), 1 << 20).is_err());
    fs::remove_dir_all(&folder).expect("removed");
}

#[test]
fn probabilities_are_log10_of_the_frequencies() {
    let lex = lexicon();
    assert_eq!(lex.logp("the"), Some(0.05f64.log10()));
    assert_eq!(lex.logp("thepress"), None);
    assert_eq!(lex.zipf("press"), 1e-4f64.log10() + 9.0);
    assert_eq!(lex.zipf("thepress"), 0.0);
    assert!(lex.known("press") && !lex.known("pres"));
}

fn later_part_logps(lex: &Lexicon, text: &str) -> Vec<Option<f64>> {
    let mut values = Vec::new();
    lex.later_part_logps_into(text, &mut values);
    values
}

fn conds_after(lex: &Lexicon, first: &str, text: &str, later: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut pairs = Vec::new();
    lex.conds_after_into(first, text, later, &mut pairs);
    pairs
}

#[test]
fn later_parts_of_every_prefix_are_those_of_each() {
    let lex = lexicon();
    for text in ["athe", "xthepress", "qzpress", "ab", "", "ünï"] {
        let each: Vec<Option<f64>> = (0..=text.chars().count())
            .map(|k| {
                let prefix: String = text.chars().take(k).collect();
                if k == 0 {
                    lex.logp("")
                } else {
                    lex.later_part_logp(&prefix)
                }
            })
            .collect();
        assert_eq!(later_part_logps(&lex, text), each, "{text}");
    }
}

#[test]
fn conditionals_of_every_prefix_are_those_of_each() {
    let lex = lexicon();
    for (first, text) in [
        ("the", "press"),
        ("a", "thepress"),
        ("zz", "a"),
        ("the", ""),
    ] {
        let later = later_part_logps(&lex, text);
        let conds = conds_after(&lex, first, text, &later);
        for (k, cond) in conds.iter().enumerate() {
            let prefix: String = text.chars().take(k).collect();
            let each = later[k].map(|_| lex.cond(first, &prefix));
            assert_eq!(*cond, each, "{first} {prefix}");
        }
    }
}

#[test]
fn a_pair_the_table_holds_is_its_conditional_probability() {
    let lex = lexicon();
    assert_eq!(lex.cond("the", "press"), (10.0f64 / 1000.0).log10());
    assert_eq!(lex.cond("the", "a"), 0.02f64.log10() + backoff());
    assert_eq!(lex.cond("of", "a"), 0.02f64.log10()); // the first word unknown: no backoff
    assert_eq!(lex.cond("the", "zzz"), UNKNOWN_COND);
}

#[test]
fn a_pair_is_never_likelier_than_certain() {
    let words = [("the", 0.05), ("press", 1e-4)];
    let lex = lexicon_of(&words, &[("the", 10.0)], &[("the press", 30.0)]);
    assert_eq!(lex.cond("the", "press"), 0.0);
    let later = later_part_logps(&lex, "press");
    assert_eq!(conds_after(&lex, "the", "press", &later)[5], Some(0.0));
}

#[test]
fn a_pair_the_table_lacks_is_read_as_rarer_than_its_least_pair() {
    let words = [("les", 1e-4), ("files", 1e-4), ("a", 0.02)];
    let unigrams = [("les", 1e8), ("files", 1e8), ("hamro", 0.0)];
    let lex = lexicon_of(&words, &unigrams, &[("files a", 2e5)]);
    // backing off, `les a` (absent) would read likelier than `files a` (counted)
    assert!(lex.cond("les", "a") > lex.cond("files", "a"));
    assert_eq!(lex.cond_bounded("les", "a"), (PAIR_LEAST / 1e8).log10());
    assert!(lex.cond_bounded("les", "a") < lex.cond_bounded("files", "a"));
    // a counted pair, a rare second word and an uncounted first word read as `cond`
    assert_eq!(lex.cond_bounded("files", "a"), lex.cond("files", "a"));
    assert_eq!(lex.cond_bounded("les", "files"), lex.cond("les", "files"));
    assert_eq!(lex.cond_bounded("hamro", "a"), lex.cond("hamro", "a"));
    assert_eq!(lex.cond_bounded("les", "zzz"), UNKNOWN_COND);
    // given the second word's log10 p, the same: the pair counted or not, the first counted
    // or not
    for (first, second) in [
        ("les", "a"),
        ("files", "a"),
        ("hamro", "a"),
        ("les", "files"),
    ] {
        let given = lex.cond_bounded_given(first, second, lex.logp(second));
        assert_eq!(given, lex.cond_bounded(first, second), "{first} {second}");
    }
}

#[test]
fn later_parts_are_words_not_scraps() {
    let lex = lexicon();
    assert_eq!(lex.later_part_logp("a"), Some(0.02f64.log10()));
    assert_eq!(lex.later_part_logp("x"), None); // one letter other than a and i
    assert_eq!(lex.later_part_logp("qz"), None); // a rare scrap of two letters
    assert_eq!(lex.later_part_logp("press"), Some(1e-4f64.log10()));
}
