//! The joins stage's decisions as the `Edit`s the Python stage hands on: a space put in at
//! each, with its rule, its confidence to three places and its message, made here where
//! Python made each one in a function of its own (a thirtieth of `clean()` on damaged
//! news, a glue every few words).
//!
//! Each is what `pipeline.stages.joins` wrote: `Edit(at, at, "", " ", rule,
//! round(confidence, 3), f"{verdict}: {left!r} + {right!r} (log10 odds {margin:+.1f})",
//! kind)`.  Rust's formatting rounds as Python's does (to the nearest, a tie to even, of
//! the float's exact value), so the numbers are written alike; a side that is not printable
//! ASCII is written by Python's own `repr`.

use pipeline_engine::candidates::SplitKind;
use pipeline_engine::rounds::Placed;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString, PyTuple, PyType};

/// What an edit is made with, as the stage hands it over (a tuple): the `Edit` type, the
/// rule of each kind of split (words, case, edge, as `SplitKind` orders them), and the
/// kinds of a fix and of a suggestion.
#[derive(FromPyObject)]
pub struct Made<'py>(
    Bound<'py, PyType>,
    (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>),
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
);

impl<'py> Made<'py> {
    /// The kind of a fix, or of a suggestion.
    fn kind(&self, fix: bool) -> &Bound<'py, PyAny> {
        if fix {
            &self.2
        } else {
            &self.3
        }
    }

    fn rule(&self, kind: SplitKind) -> &Bound<'py, PyAny> {
        let rules = &self.1;
        match kind {
            SplitKind::Words => &rules.0,
            SplitKind::Case => &rules.1,
            SplitKind::Edge => &rules.2,
        }
    }

    /// The edit of each decision, at its place, in order.
    pub fn edits(&self, py: Python<'py>, placed: &[Placed]) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let make = py.get_type::<PyTuple>().getattr("__new__")?;
        placed
            .iter()
            .map(|placed| make.call1((&self.0, self.fields(py, placed)?)))
            .collect()
    }

    /// An edit's fields, in `Edit`'s order.
    fn fields(&self, py: Python<'py>, placed: &Placed) -> PyResult<Bound<'py, PyTuple>> {
        let decided = &placed.decided;
        let candidate = &decided.candidate;
        let verdict = if decided.fix {
            "split"
        } else {
            "possible split"
        };
        let message = format!(
            "{verdict}: {} + {} (log10 odds {})",
            repr(py, &candidate.left)?,
            repr(py, &candidate.right)?,
            signed_tenths(py, candidate.margin)?,
        );
        let confidence = rounded_thousandths(decided.confidence);
        let fields: [Bound<'py, PyAny>; 12] = [
            placed.at.into_pyobject(py)?.into_any(),
            placed.at.into_pyobject(py)?.into_any(),
            PyString::new(py, "").into_any(),
            PyString::new(py, " ").into_any(),
            self.rule(candidate.kind).clone(),
            PyFloat::new(py, confidence).into_any(),
            PyString::new(py, &message).into_any(),
            self.kind(decided.fix).clone(),
            0_i64.into_pyobject(py)?.into_any(),
            0_i64.into_pyobject(py)?.into_any(),
            PyString::new(py, "").into_any(),
            (-1_i64).into_pyobject(py)?.into_any(),
        ];
        PyTuple::new(py, fields)
    }
}

/// Python's `repr` of a string: quoted with `'`, or with `"` where it holds a `'` and no
/// `"`, a backslash and the quote escaped; by Python itself where a character is not
/// printable ASCII (its escapes follow its Unicode tables).
fn repr(py: Python<'_>, text: &str) -> PyResult<String> {
    if !text.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        return Ok(PyString::new(py, text).repr()?.to_str()?.to_owned());
    }
    let holds = |quote: u8| text.bytes().any(|byte| byte == quote);
    let quote = if holds(b'\'') && !holds(b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for ch in text.chars() {
        if ch == '\\' || ch == quote {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push(quote);
    Ok(out)
}

/// `f"{value:+.1f}"`: Python's own for what is not finite (`+nan`, `-inf`).
fn signed_tenths(py: Python<'_>, value: f64) -> PyResult<String> {
    if value.is_finite() {
        return Ok(format!("{value:+.1}"));
    }
    let written = PyFloat::new(py, value).call_method1("__format__", ("+.1f",))?;
    written.extract()
}

/// `round(value, 3)`: the float nearest the value written to three places.
fn rounded_thousandths(value: f64) -> f64 {
    if !value.is_finite() {
        return value;
    }
    format!("{value:.3}").parse().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::{repr, rounded_thousandths};
    use pyo3::Python;

    #[test]
    fn printable_ascii_is_quoted_as_python_quotes_it() {
        Python::initialize();
        Python::attach(|py| {
            // what Python's repr gives each
            let cases = [
                ("of", "'of'"),
                ("it's", "\"it's\""),
                ("a\\b", "'a\\\\b'"),
                ("'\"", "'\\'\"'"),
                ("", "''"),
            ];
            for (text, written) in cases {
                assert_eq!(repr(py, text).expect("a str's repr"), written, "{text}");
            }
        });
    }

    #[test]
    fn thousandths_round_as_python_rounds() {
        // round(x, 3) in Python: ties to even, of the float's exact value
        let cases = [
            (0.0625, 0.062),
            (0.9375, 0.938),
            (0.9995, 1.0),
            (0.12345, 0.123),
            (1.0, 1.0),
        ];
        for (value, rounded) in cases {
            assert_eq!(rounded_thousandths(value), rounded, "{value}");
        }
        assert!(rounded_thousandths(f64::NAN).is_nan());
    }
}
