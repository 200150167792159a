//! The repair engine of `pipeline`, as a plain Rust library: it compiles and is tested
//! with `cargo test` alone; `crates/python` is the thin layer that makes it `pipeline._core`.

pub mod layout;
pub mod lexicon;
pub mod segment;
pub mod table;
