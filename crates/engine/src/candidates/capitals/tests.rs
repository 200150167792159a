//! Glues in capitals: split on a line set in capitals, never in running text.

use super::*;
use crate::candidates::Cache;
use crate::lexicon::lexicon_of;
use crate::vocabulary::Vocabulary;
use crate::words::WordLists;

fn lexicon() -> crate::lexicon::Lexicon {
    let words = [
        ("the", 5e-2),
        ("software", 1e-4),
        ("is", 1e-2),
        ("provided", 1e-4),
        ("as", 1e-2),
        ("set", 1e-3),
        ("here", 1e-3),
        ("without", 1e-3),
        ("warranty", 1e-5),
    ];
    lexicon_of(&words, &words, &[("is provided", 1e-5)])
}

/// The splits in capitals found in `text`, as (left, right).
fn capitals_in(text: &str) -> Vec<(String, String)> {
    let lexicon = lexicon();
    let lists = WordLists::default();
    let finder = Finder {
        lexicon: &lexicon,
        lists: &lists,
    };
    let vocabulary = Vocabulary::of([text]);
    let found = finder.candidates(
        text,
        &[],
        &vocabulary,
        &mut Cache::default(),
        None,
        CapitalsLine::default(),
    );
    found
        .into_iter()
        .filter(|c| c.capitals)
        .map(|c| (c.left.to_string(), c.right.to_string()))
        .collect()
}

#[test]
fn a_glue_in_capitals_is_read_as_the_words_it_spells_on_a_line_in_capitals() {
    let split = vec![("IS".to_string(), "PROVIDED".to_string())];
    assert_eq!(capitals_in("THE SOFTWARE ISPROVIDED AS IS"), split);
    assert_eq!(
        capitals_in("Set here.\nTHE SOFTWARE ISPROVIDED AS IS\n"),
        split
    );
}

#[test]
fn capitals_in_running_text_or_alone_on_a_line_are_left_whole() {
    // a setting or an acronym among lower-case words, a heading of one word
    assert!(capitals_in("Set ISPROVIDED here as the software is").is_empty());
    assert!(capitals_in("ISPROVIDED\n").is_empty());
    // a run of capitals that is a word, or too short to be two
    assert!(capitals_in("THE SOFTWARE PROVIDED AS IS").is_empty());
    assert!(capitals_in("THE SOFTWARE ISAS IS PROVIDED").is_empty());
}

#[test]
fn a_name_the_batch_writes_capitalised_is_left_whole() {
    // (a line's opening is not counted: the name stands further in)
    let once = format!(
        "THE SOFTWARE ISPROVIDED AS IS\n{}Isprovided said so.",
        "x ".repeat(30)
    );
    assert_eq!(capitals_in(&once).len(), 1); // once is a glue at a sentence's start
    let text = format!("{once} Isprovided did.");
    assert!(capitals_in(&text).is_empty());
    // written as two words more often, it is a glue's part: the capitals are split
    let text = format!("{text} Is provided. Is provided.");
    assert_eq!(capitals_in(&text).len(), 1);
}

#[test]
fn a_line_is_in_capitals_by_its_letters_alone() {
    let line = "THE SOFTWARE ISPROVIDED AS IS, WITHOUT WARRANTY";
    assert!(in_capitals(line));
    // a space put in changes no letter: a second cleaning reads the line as the first did
    assert!(in_capitals(&line.replace("ISPROVIDED", "IS PROVIDED")));
    assert!(in_capitals("McDONALD SAYS THE SOFTWARE ISPROVIDED")); // a few lower-case letters
    assert!(!in_capitals("NATO and UNESCO met in GENEVA"));
    assert!(!in_capitals("CHANGELOG")); // too few letters
    assert!(!in_capitals("1234 5678 9012 3456 7890"));
}

#[test]
fn a_long_stretch_in_capitals_on_a_line_of_prose_is_in_capitals() {
    let line = "without written permission. THE SOFTWARE ISPROVIDED AS IS, WITHOUT WARRANTY";
    let at = line.find("ISPROVIDED").expect("in the line");
    assert!(!in_capitals(line) && in_capitals_stretch(line, at));
    // a space put in changes no letter
    assert!(in_capitals_stretch(
        &line.replace("ISPROVIDED", "IS PROVIDED"),
        at
    ));
    // acronyms and settings among lower-case words are no stretch, nor constants
    let constants = "data: CRITICAL = 50 DEBUG = 10 ERROR = 40 INFO = 20 NOTSET = 0 WARN = 30";
    let at = constants.find("NOTSET").expect("in the line");
    assert!(!in_capitals_stretch(constants, at));
    let settings = "Set PYTHONPATH, LDFLAGS and CFLAGS for NATO UNESCO builds";
    for word in ["PYTHONPATH", "LDFLAGS", "UNESCO"] {
        let at = settings.find(word).expect("in the line");
        assert!(!in_capitals_stretch(settings, at), "{word}");
    }
    assert_eq!(
        capitals_in(&format!("{line} here")),
        vec![("IS".to_string(), "PROVIDED".to_string())]
    );
}

#[test]
fn the_line_asked_about_is_found_around_a_byte_and_kept() {
    let text = "Set here.\nTHE SOFTWARE ISPROVIDED\nlower case again";
    let mut lines = CapitalsLine::default();
    let at = |word: &str| text.find(word).expect("in the text");
    assert!(!lines.holds(text, at("here")));
    assert!(lines.holds(text, at("SOFTWARE")));
    assert!(lines.holds(text, at("ISPROVIDED")));
    assert!(!lines.holds(text, at("again")));
    // a piece of the text read alone reads the line it stands on in the text
    let mut piece = CapitalsLine::at(text, at("ISPROVIDED"));
    assert!(piece.holds("IS PROVIDED", 0) && piece.holds("IS PROVIDED", 3));
    assert!(!CapitalsLine::at(text, at("again")).holds("ISPROVIDED", 0));
}
