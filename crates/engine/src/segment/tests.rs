use super::*;
use crate::lexicon::lexicon_of;

fn lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("the", 0.05),
            ("press", 1e-4),
            ("and", 0.03),
            ("a", 0.02),
            ("part", 1e-4),
        ],
        &[("the", 1000.0)],
        &[("the press", 10.0)],
    )
}

const COSTS: Costs = Costs {
    split_cost: 1.0,
    name_logp: -5.0,
    name_per_letter: -0.7,
    name_tail_zipf: 3.5,
    max_parts: 5,
    max_part_letters: 24,
};

fn segment(lex: &Lexicon, run: &str, count: u64) -> (Vec<usize>, f64) {
    let mut segmenter = Segmenter {
        lexicon: lex,
        costs: COSTS,
        word_count: |_: &str| Ok::<u64, ()>(count),
    };
    segmenter.segment(run).expect("no error")
}

#[test]
fn two_known_words_are_cut_between_them() {
    let lex = lexicon();
    let (cuts, score) = segment(&lex, "thepress", 0);
    assert_eq!(cuts, vec![3]);
    let expected = 0.05f64.log10() + (10.0f64 / 1000.0).log10() - 1.0;
    assert_eq!(score, expected);
}

#[test]
fn a_name_may_only_come_first_and_a_repeated_name_reads_likelier() {
    let lex = lexicon();
    let (cuts, once) = segment(&lex, "Hamroand", 0);
    assert_eq!(cuts, vec![5]);
    let (_, repeated) = segment(&lex, "Hamroand", 2);
    assert_eq!(repeated, once + 1.0);
    assert_eq!(segment(&lex, "andHamro", 0).0, Vec::<usize>::new());
}

#[test]
fn what_cannot_be_read_as_two_words_has_no_cuts() {
    let lex = lexicon();
    for run in ["", "x", "press", "qqqqzzzz", "ünïcødé"] {
        let (cuts, score) = segment(&lex, run, 0);
        assert!(cuts.is_empty() && score == f64::NEG_INFINITY, "{run}");
    }
}

#[test]
fn cuts_count_code_points_not_bytes() {
    let lex = lexicon();
    assert_eq!(segment(&lex, "Ünïcoand", 0).0, vec![5]);
}

#[test]
fn an_error_from_the_counts_stops_the_segmentation() {
    let lex = lexicon();
    let mut segmenter = Segmenter {
        lexicon: &lex,
        costs: COSTS,
        word_count: |name: &str| Err::<u64, String>(name.to_owned()),
    };
    assert!(segmenter.segment("Hamroand").is_err());
}
