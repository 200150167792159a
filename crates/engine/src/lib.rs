//! The repair engine of `pipeline`, as a plain Rust library: it compiles and is tested
//! with `cargo test` alone; `crates/python` is the thin layer that makes it `pipeline._core`.

pub mod badness;
pub mod broken_words;
pub mod candidates;
pub mod classes;
pub mod confidence;
pub mod decision;
#[cfg(test)]
mod draws;
pub mod fingerprint;
// fitted thresholds fall where the features do: log10(1 + 1) is a count of one, no constant
#[allow(clippy::approx_constant)]
pub mod fitted;
pub mod in_context;
pub mod layout;
pub mod letter_spaced;
pub mod lexicon;
pub mod marks;
pub mod offsets;
pub mod patterns;
pub mod plain;
pub mod pystr;
pub mod rhythm;
pub mod rounds;
pub mod scraps;
pub mod segment;
pub mod spacing;
pub mod stage;
pub mod stretches;
pub mod table;
pub mod text;
pub mod thresholds;
pub mod trees;
pub mod vocabulary;
pub mod words;
