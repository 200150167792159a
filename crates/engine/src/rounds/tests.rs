//! The rounds' tests: the spaces put in, and where each point of the result stands.

use super::*;
use crate::draws::Draws;

#[test]
fn spaces_go_in_before_each_point() {
    assert_eq!(spaced("thepressof", &[3, 8]), "the press of");
    assert_eq!(spaced("élan", &[1]), "é lan"); // code points, not bytes
    assert_eq!(spaced("ab", &[2]), "ab ");
    assert_eq!(spaced("ab", &[]), "ab");
}

/// Where an offset of a stage's output stands in its input, as the Python stage's
/// `OffsetMap.to_input` read it for spaces put in at `points`: a point inside a
/// replacement at its start, any other by the stretch it starts in.
fn to_input(points: &[usize], offset: usize) -> usize {
    let replaced: Vec<(usize, usize)> = points
        .iter()
        .enumerate()
        .map(|(k, &point)| (point + k, point))
        .collect();
    if let Some(&(out, input)) = replaced.iter().rev().find(|(out, _)| *out <= offset) {
        if offset == out {
            return input;
        }
    }
    let mut out_starts = vec![(0, 0)];
    out_starts.extend(points.iter().enumerate().map(|(k, &p)| (p + k + 1, p)));
    let &(out, input) = out_starts
        .iter()
        .rev()
        .find(|(out, _)| *out <= offset)
        .expect("0 starts the first stretch");
    input + offset - out
}

#[test]
fn each_point_stands_where_the_python_locator_put_it() {
    // three rounds of spaces over a text of 30 points, each point set drawn by a fixed
    // generator, checked against the maps composed in reverse
    let mut draws = Draws::new(7);
    let mut next = |below: usize| draws.below(below);
    for _ in 0..200 {
        let mut origin: Vec<usize> = (0..=30).collect();
        let mut rounds: Vec<Vec<usize>> = Vec::new();
        for _ in 0..3 {
            let length = origin.len();
            let mut points: Vec<usize> = (0..next(5)).map(|_| next(length)).collect();
            points.sort_unstable();
            points.dedup();
            origin = moved(&origin, &points);
            rounds.push(points);
        }
        for (offset, &stood) in origin.iter().enumerate() {
            let expected = rounds
                .iter()
                .rev()
                .fold(offset, |at, points| to_input(points, at));
            assert_eq!(stood, expected, "{rounds:?} at {offset}");
        }
    }
}

#[test]
fn the_tokens_a_space_goes_into_are_found_and_no_others() {
    let text = "the thepress of  a\u{a0}word élanvital";
    // points: inside `thepress` (7), at a token's edge (4: `thepress` starts there), in
    // the gap of two spaces (15), inside `élanvital` (29)
    assert_eq!(
        tokens_holding(text, &[4, 7, 15, 29]),
        vec![(4, 12), (24, 33)]
    );
    assert_eq!(tokens_holding(text, &[]), Vec::<(usize, usize)>::new());
    assert_eq!(tokens_holding("ab", &[1]), vec![(0, 2)]);
}

/// A lexicon of a few words and pairs, for the candidate search.
fn lexicon() -> crate::lexicon::Lexicon {
    let words = [
        ("the", 5e-2),
        ("press", 1e-4),
        ("of", 3e-2),
        ("a", 2e-2),
        ("word", 2e-4),
        ("vital", 3e-5),
        ("energy", 1e-4),
        ("said", 1e-3),
        ("it", 1e-2),
    ];
    let pairs = [("the press", 2e6), ("of the", 5e7)];
    crate::lexicon::lexicon_of(&words, &words, &pairs)
}

#[test]
fn a_token_keeps_its_candidates_where_no_space_went_into_it() {
    // texts of glued words, names, numbers, addresses and forced or protected words, spaced
    // at points drawn by a fixed generator: the candidates moved and read anew are those
    // the whole spaced text gives
    let lexicon = lexicon();
    let lists = crate::words::WordLists::default();
    let finder = Finder {
        lexicon: &lexicon,
        lists: &lists,
    };
    let pieces = [
        "thepress",
        "ofthe",
        "Thepress",
        "QatarEnergy",
        "said,",
        "it's",
        "over70",
        "a",
        "www.example.com/thepress",
        "node.js",
        "word",
        "vital",
        "«saidIt»",
        "élanvital",
        "\n\n",
    ];
    let settings = Settings::new(vec!["Thepress".into()], vec!["of the".into()]);
    let mut draws = Draws::new(11);
    let mut next = |below: usize| draws.below(below);
    for _ in 0..300 {
        let text: String = (0..next(8) + 1)
            .map(|_| format!("{}{}", pieces[next(pieces.len())], [" ", "", ""][next(3)]))
            .collect();
        let counts = Vocabulary::of([text.as_str()]);
        let rounds = Rounds {
            finder: &finder,
            vocabulary: &counts,
            settings: &settings,
            apply_at: 0.9,
            suggest_at: 0.1,
            code: &[],
        };
        let mut cache = Cache::default();
        let length = text.chars().count();
        let mut points: Vec<usize> = (0..next(4)).map(|_| next(length + 1)).collect();
        points.sort_unstable();
        points.dedup();
        let found = rounds.candidates(&text, &[], &mut cache, None, CapitalsLine::default());
        let spaced_text = spaced(&text, &points);
        let moved = rounds.respaced(&text, &spaced_text, found, &points, &mut cache, None);
        let read = rounds.candidates(
            &spaced_text,
            &[],
            &mut Cache::default(),
            None,
            CapitalsLine::default(),
        );
        assert_eq!(moved, read, "{text:?} spaced at {points:?}");
    }
}

#[test]
fn spans_move_on_by_the_spaces_put_in_before_them() {
    // a space at a span's first character moves all of it; one at its end, none of it
    assert_eq!(shifted(&[(5, 9)], &[2, 5, 9]), [(7, 11)]);
    assert_eq!(shifted(&[(0, 3), (10, 12)], &[3, 4]), [(0, 3), (12, 14)]);
    let text = "ab cd efgh ij";
    let points = [3, 11];
    let spaced_text = spaced(text, &points);
    let chars: Vec<char> = spaced_text.chars().collect();
    let (start, end) = shifted(&[(6, 10)], &points)[0];
    assert_eq!(chars[start..end].iter().collect::<String>(), "efgh");
}
