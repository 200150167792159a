//! The trees read feature by feature, not node by node (QuickScorer: Lucchese et al.,
//! SIGIR 2015): the same leaves, the same sum, without a branch that depends on the data
//! at each node.  Walking 150 trees of 31 leaves took a tenth of the joins stage's
//! instructions, most of its time in the branches it mispredicted.
//!
//! Each tree's leaves are bits of a word, leftmost lowest.  A split a feature's value
//! fails (the value is above its threshold, so the walk goes right) rules out the leaves
//! of its left subtree: its mask clears them.  After every failed split of every feature
//! has cleared its leaves, a tree's exit leaf is its lowest bit still set.  Why: a leaf
//! left of the exit leaf lies in the left subtree of the split where their paths part,
//! which the walk passed going right, so a failed split cleared it; the exit leaf itself
//! lies only in left subtrees of splits the walk passed going left, which hold.  A
//! feature's splits are kept by threshold, so its failed ones are those it reads first.

use super::{Node, Trees};

/// A split in a feature's list: its threshold, its tree, and the bits of the leaves that
/// remain possible when the value is above the threshold.
#[derive(Clone, Copy, Debug)]
struct Test {
    threshold: f64,
    tree: u32,
    mask: u32,
}

/// A model as the scorer reads it.
#[derive(Clone, Debug)]
pub struct Scorer {
    baseline: f64,
    /// Per feature, its splits by threshold, lowest first (`tests[starts[f]..starts[f + 1]]`).
    tests: Vec<Test>,
    starts: Vec<usize>,
    /// Each tree's leaves' values, leftmost first, from `first_leaf[tree]`.
    leaves: Vec<f64>,
    first_leaf: Vec<usize>,
}

/// A tree's leaves fit in the bits of a mask.
const MOST_LEAVES: usize = u32::BITS as usize;
/// The trees a scorer reads, their masks kept on the stack (the fitted model has 150).
const MOST_TREES: usize = 512;

impl Scorer {
    /// The scorer of `trees`; None where a tree is not whole as scikit-learn lays one out
    /// (children past their parent, the left one next, each node in one place) or has
    /// more leaves than a mask holds, or a threshold that is not a number: `Trees::log_odds`
    /// reads such a model as it stands.
    pub fn of(trees: &Trees) -> Option<Scorer> {
        if trees.roots.len() > MOST_TREES {
            return None;
        }
        let mut built = Built::default();
        for (tree, &root) in trees.roots.iter().enumerate() {
            let first = built.leaves.len();
            built.first_leaf.push(first);
            built.tree(trees.nodes, root as usize, u32::try_from(tree).ok()?)?;
            if built.leaves.len() - first > MOST_LEAVES {
                return None;
            }
        }
        let features = built.splits.iter().map(|s| s.0 + 1).max().unwrap_or(0);
        // by feature, then by threshold: a stable sort keeps a tie in the order met
        built
            .splits
            .sort_by(|a, b| a.0.cmp(&b.0).then(a.1.threshold.total_cmp(&b.1.threshold)));
        let mut starts = vec![0; features + 1];
        for &(feature, _) in &built.splits {
            starts[feature + 1] += 1;
        }
        for f in 0..features {
            starts[f + 1] += starts[f];
        }
        Some(Scorer {
            baseline: trees.baseline,
            tests: built.splits.into_iter().map(|(_, test)| test).collect(),
            starts,
            leaves: built.leaves,
            first_leaf: built.first_leaf,
        })
    }

    /// `Trees::log_odds` of `features`, to the bit: the leaves are summed in the trees'
    /// order, as the walk sums them.
    pub fn log_odds(&self, features: &[f64]) -> f64 {
        let mut held = [u32::MAX; MOST_TREES];
        let alive = &mut held[..self.first_leaf.len()];
        for (feature, window) in self.starts.windows(2).enumerate() {
            let value = features.get(feature).copied().unwrap_or(0.0);
            for test in &self.tests[window[0]..window[1]] {
                if value <= test.threshold {
                    break; // this split and every later one holds (NaN holds none, as walked)
                }
                alive[test.tree as usize] &= test.mask;
            }
        }
        let mut sum = self.baseline;
        for (tree, bits) in alive.iter().enumerate() {
            // every tree keeps its exit leaf, so a bit is set
            sum += self.leaves[self.first_leaf[tree] + bits.trailing_zeros() as usize];
        }
        sum
    }
}

/// What `Scorer::of` gathers tree by tree.
#[derive(Default)]
struct Built {
    splits: Vec<(usize, Test)>,
    leaves: Vec<f64>,
    first_leaf: Vec<usize>,
}

impl Built {
    /// Read the tree whose root is `root`: its leaves' values and its splits' masks.
    fn tree(&mut self, nodes: &[Node], root: usize, tree: u32) -> Option<()> {
        let first = *self.first_leaf.last()?;
        let end = self.subtree(nodes, root, tree, first)?;
        (end > root).then_some(())
    }

    /// Read the subtree at `at`; where the node after it stands.  Leaves are numbered
    /// from `first` (the tree's first leaf's place in `leaves`).
    fn subtree(&mut self, nodes: &[Node], at: usize, tree: u32, first: usize) -> Option<usize> {
        let node = nodes.get(at)?;
        let Some((feature, right)) = node.split() else {
            self.leaves.push(node.value);
            return Some(at + 1);
        };
        if node.threshold().is_nan() {
            return None; // a walk goes right at it whatever the value: no place in the order
        }
        let left_start = self.leaves.len() - first;
        let left_end = self.subtree(nodes, at + 1, tree, first)?;
        if left_end != right {
            return None; // the right child does not follow the left subtree
        }
        let left_leaves = self.leaves.len() - first - left_start;
        if left_start + left_leaves > MOST_LEAVES {
            return None;
        }
        let left_bits = bits(left_leaves) << left_start;
        self.splits.push((
            feature,
            Test {
                threshold: node.threshold(),
                tree,
                mask: !left_bits,
            },
        ));
        self.subtree(nodes, right, tree, first)
    }
}

/// A mask of the lowest `count` bits.
fn bits(count: usize) -> u32 {
    if count >= MOST_LEAVES {
        u32::MAX
    } else {
        (1u32 << count) - 1
    }
}

#[cfg(test)]
mod tests;
