use super::*;
use crate::draws::Draws;
use crate::lexicon::lexicon_of;

/// Letters spaced, drawn from a few words' letters and spaces, read with and without
/// the words' ends asked first: the same readings.
#[test]
fn a_part_with_no_word_in_it_is_left_as_segmenting_it_leaves_it() {
    let lexicon = lexicon_of(
        &[
            ("the", 0.05),
            ("other", 1e-3),
            ("is", 0.01),
            ("discuss", 2e-5),
            ("tied", 1e-4),
            ("side", 1e-4),
            ("cde", 1e-3),
            ("dish", 1e-4),
            ("a", 0.02),
        ],
        &[("the", 1000.0)],
        &[],
    );
    let mut draws = Draws::new(11);
    let letters: Vec<char> = "thediscusoarTHE".chars().collect();
    let (mut read, mut kept) = (0, 0);
    for _ in 0..3_000 {
        let count = 2 + draws.below(40);
        let text: Vec<char> = (0..count)
            .flat_map(|_| [letters[draws.below(letters.len())], ' '])
            .collect();
        let stretch: Vec<(usize, usize)> = (0..count).map(|k| (2 * k, 2 * k + 1)).collect();
        let asked = longest_readings(&text, &lexicon, &stretch);
        let whole = readings_where(&text, &lexicon, &stretch, |_, _| true);
        let words = |found: &[Restored]| -> Vec<(usize, String, Vec<usize>)> {
            found
                .iter()
                .map(|r| (r.at, r.word.clone(), r.gaps.clone()))
                .collect()
        };
        assert_eq!(
            words(&asked),
            words(&whole),
            "{}",
            text.iter().collect::<String>()
        );
        if asked.is_empty() {
            kept += 1;
        } else {
            read += 1;
        }
    }
    // both outcomes are common: the check is no check of empty readings alone
    assert!(read > 300 && kept > 300, "{read} read, {kept} left");
}
