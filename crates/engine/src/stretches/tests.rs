//! The stretches' tests: each edge against one read from the text's words.

use super::*;
use crate::draws::Draws;

/// The words of `chars` (runs of characters that are not `str.isspace`'s white space).
fn spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, &ch) in chars.iter().chain([' '].iter()).enumerate() {
        match (start, is_space(ch)) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                found.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// The edges as the patterns of `pipeline.cleaning` read them (`[^\s]*` forward and back;
/// `(?:\s*[^\s]+){0,3}` forward, `(?:[^\s]+\s*){0,3}` back), read from the words: a word
/// `at` stands inside counts from `at` on (or up to it).
fn expected(chars: &[char], at: usize) -> (usize, usize, usize, usize) {
    let words = spans(chars);
    let start = words
        .iter()
        .find(|(s, e)| *s < at && at <= *e)
        .map_or(at, |(s, _)| *s);
    let end = words
        .iter()
        .find(|(s, e)| *s <= at && at < *e)
        .map_or(at, |(_, e)| *e);
    let after: Vec<_> = words.iter().filter(|(_, e)| *e > at).take(3).collect();
    let before: Vec<_> = words
        .iter()
        .rev()
        .filter(|(s, _)| *s < at)
        .take(3)
        .collect();
    let after = after.last().map_or(at, |(_, e)| *e);
    let before = before.last().map_or(at, |(s, _)| *s);
    (start, end, after, before)
}

#[test]
fn each_edge_is_the_patterns_on_every_text_and_point() {
    let pieces = ["ab", "c", " ", "  ", "\n", "\u{1c}", "\u{a0}", "é", "x,y"];
    let mut draws = Draws::new(3);
    let mut next = |below: usize| draws.below(below);
    for _ in 0..500 {
        let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
        let chars: Vec<char> = text.chars().collect();
        for at in 0..=chars.len() {
            let found = (
                word_start(&chars, at),
                word_end(&chars, at),
                words_after(&chars, at, 3),
                words_before(&chars, at, 3),
            );
            assert_eq!(found, expected(&chars, at), "{text:?} at {at}");
        }
    }
}

#[test]
fn stretches_reach_whole_words_and_merge_where_they_touch() {
    let text = "a long sentence that goes on and on past the split here and then further still";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("here").unwrap_or(0);
    let (start, end) = stretch(&chars, at);
    assert_eq!(
        &text[start..end],
        "on and on past the split here and then further still"
    );
    // two places a few words apart read as one stretch
    assert_eq!(stretches(&chars, &[at, at + 9]).len(), 1);
    assert_eq!(stretches(&chars, &[2, 75]).len(), 2);
    // two that only a space parts read as one: apart, they cut the text between two words
    let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                fifteen sixteen";
    let chars: Vec<char> = text.chars().collect();
    let (first, second) = (stretch(&chars, 4), stretch(&chars, 63));
    assert_eq!(second.0, first.1 + 1, "the case: {first:?} {second:?}");
    assert_eq!(stretches(&chars, &[4, 63]), [(first.0, second.1)]);
}

#[test]
fn a_stretch_reaches_the_ends_of_letter_spaced_text_it_starts_or_ends_in() {
    // the split's place is past `nof `: NEAR_SPLIT characters back fall inside the run
    let text = "so therefore b r i e f l e s e n t a t i o nof XXXXXXXizers . and so on and on";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("XXX").unwrap_or(0);
    let (start, end) = stretch(&chars, at);
    assert_eq!(start, 0); // the run goes on through `so therefore`: no two long pieces
    assert!(end >= text.find(" and so").unwrap_or(0));
    // a piece of two letters inside the run (`ef`) is part of it
    // (and on to the start of the run it is read in: `so therefore` go on it, no two long
    // pieces side by side)
    let text = "so therefore b r i ef l e s e n t a t i o nof XXXXXXXizers . and so on and on";
    let chars: Vec<char> = text.chars().collect();
    let (start, _) = stretch(&chars, text.find("XXX").unwrap_or(0));
    assert_eq!(start, 0);
    let text = "thus nevertheless therefore b r i ef l e s e n t a t i o nof XXXXXXXizers . and";
    let chars: Vec<char> = text.chars().collect();
    let (start, _) = stretch(&chars, text.find("XXX").unwrap_or(0));
    assert_eq!(start, text.find("therefore").unwrap_or(0));
    // a word that ends in a piece after a mark goes on the run: taken whole
    let text = "so the0efore(b r i ef e n t a t i o nof XXXXXXXizers . and so on and on";
    let chars: Vec<char> = text.chars().collect();
    let (start, _) = stretch(&chars, text.find("XXX").unwrap_or(0));
    assert_eq!(start, text.find("the0efore").unwrap_or(0));
    let text = "split here b r i e f l y a n d s o m e m o r e) said and so on and on";
    let chars: Vec<char> = text.chars().collect();
    let (_, end) = stretch(&chars, text.find("here").unwrap_or(0));
    assert_eq!(
        &text[..end],
        "split here b r i e f l y a n d s o m e m o r e)"
    );
    // and forward: a run the stretch ends in, read to its last piece (`said`: the run goes
    // on to the first two long pieces side by side, `said and`)
    let text = "the split here b r i e f l y a n d s o m e m o r e said and so on";
    let chars: Vec<char> = text.chars().collect();
    let (_, end) = stretch(&chars, text.find("here").unwrap_or(0));
    assert_eq!(
        &text[..end],
        "the split here b r i e f l y a n d s o m e m o r e said"
    );
    // a lone word (`a`) beside longer ones is no such run
    let text = "one two three four five six seven a split eight nine ten eleven twelve";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("split").unwrap_or(0);
    assert_eq!(stretch(&chars, at), near(&chars, at));
}

#[test]
fn a_stretch_reaches_the_ends_of_a_letter_spaced_run_through_a_long_piece() {
    // the run `c mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmi t the Th i` goes on through the long piece:
    // no two long pieces stand side by side (a fuzz find: read without `c`, it read otherwise)
    let long = "m".repeat(40);
    let text = format!("c {long}i t theTh i");
    let split = format!("c {long}i t the Th i");
    let chars: Vec<char> = split.chars().collect();
    let at = split.find("Th").unwrap_or(0);
    assert_eq!(stretch(&chars, at), (0, chars.len()), "{text}");
    // two long pieces side by side end the run: the stretch starts where its words do
    let text = "one two three four five six seven eight a b split c d nine ten eleven twelve";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("split").unwrap_or(0);
    assert_eq!(stretch(&chars, at).0, near(&chars, at).0);
    // a run with no single letter is no letter-spaced run: not reached
    let text = "fine. you and me went far and wide over the hills and home to rest split";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("split").unwrap_or(0);
    assert_eq!(stretch(&chars, at).0, near(&chars, at).0);
    // a piece after a mark is no piece of the run (`word, c`)
    let text = format!("then, c {long}i t the Th i");
    let chars: Vec<char> = text.chars().collect();
    let (start, _) = stretch(&chars, text.find("Th").unwrap_or(0));
    assert_eq!(start, text.find("c ").unwrap_or(0));
}

#[test]
fn the_text_read_near_the_splits_is_their_stretches_apart_with_code_blank() {
    let lexicon = crate::lexicon::lexicon_of(&[("alpha", 1e-4)], &[], &[]);
    let lists = WordLists::default();
    let words = ["alpha"; 12].join(" ");
    // a scrap beside each split (`xy`, `zq`: letters no word list holds), far apart
    let text = format!("{words} xy {words} {words}\nco de zq {words}");
    let chars: Vec<char> = text.chars().collect();
    let at = |piece: &str| chars.len() - text[text.find(piece).unwrap_or(0)..].chars().count();
    let places = [at("xy"), at("zq")];
    let stretches = scrap_stretches(&text, &places, &lists, &lexicon);
    assert_eq!(stretches.len(), 2, "{stretches:?}");
    let piece = |(start, end): (usize, usize)| chars[start..end].iter().collect::<String>();
    let read = near_text(&text, &places, &[], &lists, &lexicon);
    let apart = [piece(stretches[0]), piece(stretches[1])].join(STRETCHES_APART);
    assert_eq!(read.as_deref(), Some(apart.as_str()));
    // code is read as blank, each character a space but its line breaks
    let code = [(at("\nco"), at(" zq"))];
    let read = near_text(&text, &places, &code, &lists, &lexicon).unwrap_or_default();
    assert_eq!(read, apart.replace("\nco de zq", "\n      zq"));
    // no split beside a scrap: nothing to read
    let place = at("alpha");
    assert_eq!(near_text(&text, &[place], &[], &lists, &lexicon), None);
    assert_eq!(near_text(&text, &[], &[], &lists, &lexicon), None);
}
