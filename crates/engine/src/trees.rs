//! Gradient-boosted regression trees as `benchmarks/calibrate.py --fit` writes them into
//! `fitted.rs` (scikit-learn's `HistGradientBoostingClassifier`, read node by node): the
//! log odds of an answer are the baseline plus, from each tree, the value of the leaf its
//! features lead to.  Evaluated in the order scikit-learn sums them, so the core's
//! probabilities are the fit's.

use std::ops::Range;

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

    /// The trees as they read a vector whose features outside `range` are all zero, with
    /// the features in it numbered from its start: each split on a feature outside it
    /// resolved where the trees are read, so an answer walks only the splits it can take
    /// either way.  `Document::confidence` fills one block of the features and leaves the
    /// other two zero; read through the block's trees it gives the same log odds, bit for
    /// bit (the same leaf of each tree, summed in the same order).  None where a tree is
    /// not whole (a path that leaves the nodes or turns back), which `log_odds` reads as
    /// adding nothing: such a model is read as it is.
    pub fn restricted(&self, range: Range<usize>) -> Option<Forest> {
        let mut nodes = Vec::new();
        let mut roots = Vec::with_capacity(self.roots.len());
        for &root in self.roots {
            roots.push(u32::try_from(nodes.len()).ok()?);
            self.copy(root as usize, &range, &mut nodes)?;
        }
        Some(Forest {
            baseline: self.baseline,
            roots,
            nodes,
        })
    }

    /// Copy the subtree at `at` into `nodes` as `restricted` reads it, depth first, left
    /// before right (as `log_odds` walks a split's left child: the node after it).
    fn copy(&self, at: usize, range: &Range<usize>, nodes: &mut Vec<Node>) -> Option<()> {
        let mut at = at;
        loop {
            let node = self.nodes.get(at)?;
            let Some((feature, right)) = node.split() else {
                nodes.push(*node);
                return Some(());
            };
            let left = at + 1;
            if right <= at {
                return None; // turns back
            }
            if range.contains(&feature) {
                let here = nodes.len();
                nodes.push(*node);
                self.copy(left, range, nodes)?;
                let moved = u32::try_from(nodes.len()).ok()?;
                let inside = u16::try_from(feature - range.start).ok()?;
                nodes[here] = split(inside, node.value, moved);
                self.copy(right, range, nodes)?;
                return Some(());
            }
            // a feature outside the range is zero, and goes where `log_odds` sends it
            at = if 0.0 <= node.value { left } else { right };
        }
    }
}

/// A model as `Trees::restricted` reads it, owning its nodes.
#[derive(Clone, Debug)]
pub struct Forest {
    baseline: f64,
    roots: Vec<u32>,
    nodes: Vec<Node>,
}

impl Forest {
    /// The log odds of `features`, as `Trees::log_odds` reads them.
    pub fn log_odds(&self, features: &[f64]) -> f64 {
        Trees {
            baseline: self.baseline,
            roots: &self.roots,
            nodes: &self.nodes,
        }
        .log_odds(features)
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
    fn a_restricted_model_reads_as_the_whole_with_zeros_outside() {
        // the first tree splits on feature 0, outside [1, 2): zero goes left
        let only_second = MODEL.restricted(1..2).expect("whole");
        for second in [2.0, 3.0, 3.5] {
            assert_eq!(
                only_second.log_odds(&[second]),
                MODEL.log_odds(&[0.0, second])
            );
        }
        let only_first = MODEL.restricted(0..1).expect("whole");
        for first in [0.1, 0.5, 0.9] {
            assert_eq!(only_first.log_odds(&[first]), MODEL.log_odds(&[first, 0.0]));
        }
        let looping = [split(0, 0.5, 0)];
        let model = Trees {
            baseline: 0.5,
            roots: &[0],
            nodes: &looping,
        };
        assert!(model.restricted(0..1).is_none());
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
