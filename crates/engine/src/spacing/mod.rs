//! The scans of the stages that re-space text by rule rather than by the lexicon alone:
//! whitespace, quotation marks (and the apostrophes an extractor dropped), and
//! punctuation.  Each reads a text and proposes its edits;
//! the Python stages turn them into `Edit`s with their rules and messages.
//!
//! They are the Python scans they replaced, answer for answer (the same characters count
//! as letters, spaces and digits: `pystr`), so a cleaned text stayed as it was.  Offsets
//! are code points.

pub mod apostrophes;
pub mod punctuation;
pub mod quotes;
pub mod whitespace;

/// An edit a scan proposes: `text[start..end]` becomes `after`, by the rule with `code`.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub start: usize,
    pub end: usize,
    pub after: String,
    pub code: &'static str,
    pub confidence: f64,
    /// What the message names: the rules a whitespace run broke after the first, the
    /// mark and word of a punctuation edit, the glyphs of a quote's restyling.
    pub detail: Vec<String>,
}

impl Proposal {
    fn new(start: usize, end: usize, after: &str, code: &'static str, confidence: f64) -> Self {
        Proposal {
            start,
            end,
            after: after.to_owned(),
            code,
            confidence,
            detail: Vec::new(),
        }
    }

    fn with(mut self, detail: impl IntoIterator<Item = String>) -> Self {
        self.detail.extend(detail);
        self
    }
}

/// The character at `at`, or a space off either end (as the Python stages read them).
fn char_or_space(chars: &[char], at: Option<usize>) -> char {
    at.and_then(|at| chars.get(at).copied()).unwrap_or(' ')
}

/// The end of the run of characters from `from` that `keep` admits.
fn run_end(chars: &[char], from: usize, keep: impl Fn(char) -> bool) -> usize {
    from + chars[from.min(chars.len())..]
        .iter()
        .take_while(|&&c| keep(c))
        .count()
}

/// The start of the run of characters before `to` that `keep` admits.
fn run_start(chars: &[char], to: usize, keep: impl Fn(char) -> bool) -> usize {
    to - chars[..to].iter().rev().take_while(|&&c| keep(c)).count()
}
