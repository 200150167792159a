//! The confidence module's tests.

use super::*;
use crate::lexicon::lexicon_of;

const TEXT: &str = "Officials said the drugtrafficking ring was broken up.";
const NO_RHYTHM: Placed = Placed {
    rhythm: false,
    on_layout: false,
    support: 0.0,
    glue_rate: 0.0,
};

fn placed(on_layout: bool, support: f64, glue_rate: f64) -> Placed {
    Placed {
        rhythm: true,
        on_layout,
        support,
        glue_rate,
    }
}

fn sureness(margin: f64, placed: Placed) -> f64 {
    // The neighbours are unknown words: the margin and the place speak alone.
    let lexicon = lexicon_of(&[("drug", 1e-4), ("trafficking", 1e-5)], &[], &[]);
    let lists = WordLists::default();
    let text = Text::new(TEXT);
    let document = Document {
        text: &text,
        lexicon: &lexicon,
        lists: &lists,
        code: 0.0,
    };
    let candidate = Candidate {
        at: TEXT.find("trafficking").expect("in the text"),
        margin,
        kind: SplitKind::Words,
        left: "drug".into(),
        right: "trafficking".into(),
        familiar: false,
        doubtful: false,
        // as a batch writes them: the glued form once (here), its words alone elsewhere
        seen: Seen {
            left: 3,
            right: 2,
            glued: 1,
            batch: 12,
        },
        capitals: false,
    };
    document.confidence(&candidate, &placed)
}

fn rises(values: &[f64]) -> bool {
    values.windows(2).all(|pair| pair[0] <= pair[1]) && values[0] < values[values.len() - 1]
}

#[test]
fn every_feature_has_a_name() {
    assert_eq!(feature_names().len(), FEATURE_COUNT);
    assert_eq!(feature_names()[0], "margin -3.0 to +0.0 words");
    assert_eq!(feature_names()[FEATURE_COUNT - 1], "off layout");
}

#[test]
fn fitted_trees_are_whole() {
    // every tree's path ends at a leaf: children stand past their parent, in the nodes,
    // and every split reads a feature the model has
    for (at, node) in NODES.iter().enumerate() {
        if let Some((feature, right)) = node.split() {
            assert!(feature < FEATURE_COUNT);
            assert!(at + 1 < right && right < NODES.len());
        }
    }
    assert!(ROOTS.iter().all(|&root| (root as usize) < NODES.len()));
}

#[test]
fn confidence_is_a_probability_that_rises_with_the_odds() {
    let values: Vec<f64> = [-3.0, -1.0, 0.0, 1.0, 2.0, 4.0, 8.0]
        .iter()
        .map(|&margin| sureness(margin, NO_RHYTHM))
        .collect();
    assert!(values.iter().all(|&p| 0.0 < p && p < 1.0));
    assert!(
        rises(&values) && values[0] < 0.1 && values[6] > 0.9,
        "{values:?}"
    );
}

#[test]
fn a_break_the_rhythm_expects_makes_a_split_surer() {
    let (on, off) = (
        sureness(0.5, placed(true, 2.0, 0.5)),
        sureness(0.5, placed(false, -2.0, 0.5)),
    );
    assert!(on > off, "{on} {off}");
}

#[test]
fn the_more_the_layout_disfavours_a_break_the_less_sure_the_split() {
    for on_layout in [true, false] {
        let values: Vec<f64> = [-4.0, -2.0, -1.0, 0.0]
            .iter()
            .map(|&support| sureness(0.5, placed(on_layout, support, 0.5)))
            .collect();
        assert!(rises(&values), "{values:?}");
    }
}

#[test]
fn a_document_that_lost_more_breaks_makes_a_split_surer() {
    let on_layout: Vec<f64> = [0.05, 0.3, 0.75]
        .iter()
        .map(|&rate| sureness(0.5, placed(true, 1.0, rate)))
        .collect();
    assert!(rises(&on_layout), "{on_layout:?}");
    let damaged = Placed {
        glue_rate: 0.8,
        ..NO_RHYTHM
    };
    assert!(sureness(1.5, NO_RHYTHM) < sureness(1.5, damaged));
}

#[test]
fn the_words_around_a_token_are_found_within_reach() {
    let lexicon = lexicon_of(&[], &[], &[]);
    let lists = WordLists::default();
    let text = Text::new("said, «thepress» wrote\nnext");
    let document = Document {
        text: &text,
        lexicon: &lexicon,
        lists: &lists,
        code: 0.0,
    };
    let word = |chars: Vec<char>| chars.into_iter().collect::<String>();
    assert_eq!(word(document.before(7)), "said");
    assert_eq!(word(document.before(3)), "");
    assert_eq!(word(document.after(15)), "wrote");
    assert_eq!(word(document.after(21)), "");
    assert_eq!(word(document.after(14)), "");
}

#[test]
fn a_glue_in_capitals_reads_as_the_lower_case_words_it_spells() {
    let lexicon = lexicon_of(
        &[
            ("said", 1e-3),
            ("the", 5e-2),
            ("drug", 1e-4),
            ("trafficking", 1e-5),
        ],
        &[],
        &[],
    );
    let lists = WordLists::default();
    let features = |text: &str, left: &str, right: &str, capitals: bool| {
        let indexed = Text::new(text);
        let document = Document {
            text: &indexed,
            lexicon: &lexicon,
            lists: &lists,
            code: 0.0,
        };
        let at = text.find(right).expect("in the text");
        let candidate = Candidate {
            at,
            margin: 2.0,
            kind: SplitKind::Words,
            left: left.into(),
            right: right.into(),
            familiar: false,
            doubtful: false,
            seen: Seen::default(),
            capitals,
        };
        document.features(&candidate, &placed(true, 1.0, 0.5))
    };
    let lower = features(TEXT, "drug", "trafficking", false);
    let upper = TEXT.to_uppercase();
    assert_eq!(features(&upper, "DRUG", "TRAFFICKING", true), lower);
    // read as written, its sides are capitals: the features of another shape
    assert_ne!(features(&upper, "DRUG", "TRAFFICKING", false), lower);
}
