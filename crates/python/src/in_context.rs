//! `pipeline._core.in_context`: a piece's edits as a reader sees them, for the reports and
//! `check` (see `pipeline_engine::in_context`).

use pipeline_engine::in_context::{in_context as one, Fix, Shown};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::{text, whole};

/// For each edit (at in the original, before, after, the order it was made in): the text
/// left and right of it, `width` characters at most, and the words it touches before and
/// after it.  `fixes` (start, end, after, order) are the piece's fixes in the original,
/// sorted.  A lone surrogate (the library takes any `str`) reads as U+FFFD, in the original
/// and in an edit's or a fix's text alike (a hypothesis find: an edit whose text held one
/// was refused, and with it its piece's listing).
#[pyfunction]
pub fn in_context(
    py: Python<'_>,
    original: &Bound<'_, PyString>,
    fixes: Vec<(usize, usize, Bound<'_, PyString>, usize)>,
    edits: Vec<(usize, Bound<'_, PyString>, Bound<'_, PyString>, usize)>,
    width: usize,
) -> Vec<(String, String, String, String)> {
    let original = whole(original);
    let original = original.as_str();
    let read = |value: &Bound<'_, PyString>| text(value).into_owned();
    let fixes: Vec<(usize, usize, String, usize)> = fixes
        .iter()
        .map(|(start, end, after, order)| (*start, *end, read(after), *order))
        .collect();
    let edits: Vec<(usize, String, String, usize)> = edits
        .iter()
        .map(|(at, before, after, order)| (*at, read(before), read(after), *order))
        .collect();
    py.detach(|| {
        let chars: Vec<char> = original.chars().collect();
        let fixes: Vec<Fix> = fixes
            .into_iter()
            .map(|(start, end, after, order)| Fix {
                start,
                end,
                after: after.chars().collect(),
                order,
            })
            .collect();
        edits
            .iter()
            .map(|(at, before, after, order)| {
                let edit = Shown {
                    at: *at,
                    before,
                    after,
                    order: *order,
                };
                let seen = one(&chars, &fixes, &edit, width);
                (seen.left, seen.right, seen.word_before, seen.word_after)
            })
            .collect()
    })
}
