//! Gradient-boosted regression trees as `benchmarks/calibrate.py --fit` writes them into
//! `fitted.rs` (scikit-learn's `HistGradientBoostingClassifier`, read node by node): the
//! log odds of an answer are the baseline plus, from each tree, the value of the leaf its
//! features lead to.  Evaluated in the order scikit-learn sums them, so the core's
//! probabilities are the fit's.

mod scorer;
pub use scorer::Scorer;

/// One node of a tree, at its index among the model's nodes: a split on a feature, or a
/// leaf.  A split's left child is the node after it (scikit-learn lays a tree out depth
/// first, left before right), so a node is 16 bytes: the model's 9,000 stay in the cache.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    /// A split's threshold, or a leaf's value.
    value: f64,
    /// Where a split's right child stands.
    right: u32,
    /// The feature a split reads, or `LEAF`.
    feature: u16,
}

const LEAF: u16 = u16::MAX;

/// A split node, as `fitted.rs` spells it: a feature at or below `threshold` goes on to
/// the next node, any other value (NaN too, which no feature is) to `right`.
pub const fn split(feature: u16, threshold: f64, right: u32) -> Node {
    Node {
        value: threshold,
        right,
        feature,
    }
}

/// A leaf node, as `fitted.rs` spells it: what the tree adds to the log odds.
pub const fn leaf(value: f64) -> Node {
    Node {
        value,
        right: 0,
        feature: LEAF,
    }
}

impl Node {
    /// The feature a split reads and where its right child stands; None for a leaf.
    pub fn split(&self) -> Option<(usize, usize)> {
        (self.feature != LEAF).then_some((usize::from(self.feature), self.right as usize))
    }

    /// A split's threshold (a leaf's value).
    pub fn threshold(&self) -> f64 {
        self.value
    }
}

/// A fitted ensemble: the baseline log odds, where each tree's root stands, and the nodes.
#[derive(Clone, Copy, Debug)]
pub struct Trees<'a> {
    pub baseline: f64,
    pub roots: &'a [u32],
    pub nodes: &'a [Node],
}

impl Trees<'_> {
    /// The log odds of `features`: the baseline plus one leaf of each tree (a feature past
    /// them reads as zero).  A tree whose path leaves the nodes, or turns back, adds nothing
    /// (the fitted model has no such tree: `fitted_trees_are_whole`), so that no model can
    /// make this loop forever or panic.
    pub fn log_odds(&self, features: &[f64]) -> f64 {
        let mut sum = self.baseline;
        for &root in self.roots {
            let mut at = root as usize;
            while let Some(node) = self.nodes.get(at) {
                let Some((feature, right)) = node.split() else {
                    sum += node.value;
                    break;
                };
                let value = features.get(feature).copied().unwrap_or(0.0);
                let next = if value <= node.value { at + 1 } else { right };
                if next <= at {
                    break;
                }
                at = next;
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feature 0 at or below 0.5 adds 1, above it 2; a second tree adds 10 where feature 1
    /// is at or below 3.
    const NODES: [Node; 6] = [
        split(0, 0.5, 2),
        leaf(1.0),
        leaf(2.0),
        split(1, 3.0, 5),
        leaf(10.0),
        leaf(0.0),
    ];
    const MODEL: Trees = Trees {
        baseline: -1.0,
        roots: &[0, 3],
        nodes: &NODES,
    };

    #[test]
    fn a_feature_at_the_threshold_goes_left() {
        assert_eq!(MODEL.log_odds(&[0.5, 3.0]), -1.0 + 1.0 + 10.0);
        assert_eq!(MODEL.log_odds(&[0.6, 3.1]), -1.0 + 2.0);
        assert_eq!(MODEL.log_odds(&[0.6]), -1.0 + 2.0 + 10.0); // a missing feature is 0
    }

    #[test]
    fn a_malformed_tree_adds_nothing() {
        let looping = [split(0, 0.5, 0)];
        let model = Trees {
            baseline: 0.5,
            roots: &[0, 7],
            nodes: &looping,
        };
        assert_eq!(model.log_odds(&[1.0]), 0.5); // turns back
        assert_eq!(model.log_odds(&[0.0]), 0.5); // leaves the nodes
    }
}
