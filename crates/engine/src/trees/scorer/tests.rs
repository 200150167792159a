use super::*;
use crate::confidence::{FEATURE_COUNT, MODEL};
use crate::draws::Draws;
use crate::trees::{leaf, split};

/// The walk's answer and the scorer's, bit for bit.
fn same(trees: &Trees, scorer: &Scorer, features: &[f64]) {
    let (walked, scored) = (trees.log_odds(features), scorer.log_odds(features));
    assert_eq!(walked.to_bits(), scored.to_bits(), "{features:?}");
}

/// The thresholds the fitted model reads each feature at.
fn thresholds() -> Vec<Vec<f64>> {
    let mut by_feature = vec![Vec::new(); FEATURE_COUNT];
    for node in MODEL.nodes {
        if let Some((feature, _)) = node.split() {
            by_feature[feature].push(node.threshold());
        }
    }
    by_feature
}

#[test]
fn the_fitted_model_scores_as_it_walks() {
    let scorer = Scorer::of(&MODEL).expect("the fitted model is whole");
    let at = thresholds();
    let mut draws = Draws::new(18);
    for _ in 0..20_000 {
        // each feature at one of its thresholds (the walk goes left there), just past one,
        // just before one, or anywhere in a wide range
        let features: Vec<f64> = (0..FEATURE_COUNT)
            .map(|f| {
                let near = if at[f].is_empty() {
                    0.0
                } else {
                    at[f][draws.below(at[f].len())]
                };
                match draws.below(4) {
                    0 => near,
                    1 => near + 1e-9,
                    2 => near - 1e-9,
                    _ => draws.below(4001) as f64 / 100.0 - 20.0,
                }
            })
            .collect();
        same(&MODEL, &scorer, &features);
    }
}

#[test]
fn a_missing_feature_reads_as_zero_and_nan_goes_right() {
    let scorer = Scorer::of(&MODEL).expect("the fitted model is whole");
    same(&MODEL, &scorer, &[]);
    same(&MODEL, &scorer, &[1.0, 2.0]);
    same(&MODEL, &scorer, &[f64::NAN; FEATURE_COUNT]);
    same(&MODEL, &scorer, &[f64::INFINITY; FEATURE_COUNT]);
}

/// Feature 0 at or below 0.5 goes left: then feature 1 at or below 3 adds 1, else 2;
/// above 0.5, 4.  A second tree of one leaf adds 10.
const NODES: [Node; 6] = [
    split(0, 0.5, 4),
    split(1, 3.0, 3),
    leaf(1.0),
    leaf(2.0),
    leaf(4.0),
    leaf(10.0),
];

#[test]
fn a_small_model_scores_as_it_walks() {
    let model = Trees {
        baseline: -1.0,
        roots: &[0, 5],
        nodes: &NODES,
    };
    let scorer = Scorer::of(&model).expect("a whole model");
    for features in [[0.5, 3.0], [0.5, 3.5], [0.6, 0.0], [-1.0, -1.0]] {
        same(&model, &scorer, &features);
    }
    assert_eq!(scorer.log_odds(&[0.5, 3.5]), -1.0 + 2.0 + 10.0);
}

#[test]
fn a_tree_not_laid_out_whole_is_not_scored() {
    // the right child is not where the left subtree ends
    let skewed = [split(0, 0.5, 3), leaf(1.0), leaf(2.0), leaf(3.0)];
    // a split that turns back
    let looping = [split(0, 0.5, 0), leaf(1.0)];
    // a root past the nodes
    let whole = [leaf(1.0)];
    let nan = [split(0, f64::NAN, 2), leaf(1.0), leaf(2.0)];
    for (nodes, roots) in [
        (&skewed[..], &[0u32][..]),
        (&looping[..], &[0][..]),
        (&whole[..], &[3][..]),
        (&nan[..], &[0][..]),
    ] {
        let model = Trees {
            baseline: 0.0,
            roots,
            nodes,
        };
        assert!(Scorer::of(&model).is_none());
    }
}

#[test]
fn a_tree_of_more_leaves_than_a_mask_holds_is_not_scored() {
    // a chain of 33 leaves: each split's left child a leaf
    let mut nodes = Vec::new();
    for k in 0..32u32 {
        nodes.push(split(0, f64::from(k), 2 * k + 2));
        nodes.push(leaf(f64::from(k)));
    }
    nodes.push(leaf(32.0));
    let model = Trees {
        baseline: 0.0,
        roots: &[0],
        nodes: &nodes,
    };
    assert!(Scorer::of(&model).is_none());
    let fewer = Trees {
        baseline: 0.0,
        roots: &[2],
        nodes: &nodes,
    };
    let scorer = Scorer::of(&fewer).expect("31 splits, 32 leaves");
    for value in [0.5, 1.0, 7.5, 31.0, 40.0] {
        same(&fewer, &scorer, &[value]);
    }
}
