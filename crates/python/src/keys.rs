//! `pipeline._core.fingerprints`: the ids of a text's edits hashed in one call
//! (`pipeline.edit_ids` builds the same keys and hashes them in Python where this cannot).

use pipeline_engine::fingerprint::{self, Located};
use pipeline_engine::offsets::line_columns;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::report_json::{place, EDIT_FIELDS};

/// An edit as `pipeline.edit_ids` hands it over: (offset in the original, rule code, before,
/// after).
type Edit<'py> = (
    usize,
    Bound<'py, PyString>,
    Bound<'py, PyString>,
    Bound<'py, PyString>,
);

/// The fingerprint of each edit of `original` in the file `path`; None where a string is
/// not UTF-8 (a lone surrogate: Python hashes those bytes its own way).
#[pyfunction]
pub fn fingerprints(
    py: Python<'_>,
    path: &Bound<'_, PyString>,
    original: &Bound<'_, PyString>,
    edits: Vec<Edit<'_>>,
) -> Option<Vec<String>> {
    let path = path.to_str().ok()?;
    // borrowed: Python keeps the UTF-8 of a `str` once asked, and every stage of a file
    // asks of the same original (a copy per call was a fifth of this call's time)
    let original = original.to_str().ok()?;
    let mut located = Vec::with_capacity(edits.len());
    for (at, rule, before, after) in &edits {
        located.push(Located {
            at: *at,
            rule: rule.to_str().ok()?,
            before: before.to_str().ok()?,
            after: after.to_str().ok()?,
        });
    }
    Some(py.detach(|| fingerprint::fingerprints(path, original, &located)))
}

/// The SHA-256 of `data` in hex: what `hashlib.sha256(data).hexdigest()` gives.  Hashing in
/// the core, which holds `sha2` for the fingerprints anyway, spares every start of the
/// command line the import of `hashlib` (OpenSSL's start, about 3 ms of a pre-commit check).
#[pyfunction]
pub fn sha256(py: Python<'_>, data: &[u8]) -> String {
    py.detach(|| fingerprint::sha256_hex(data))
}

/// How often each fingerprint was given in one file, by its first 64 bits
/// (`keys.EditIds`): a file with 300,000 edits kept them in Python as a set of ints, 18 MB
/// of a 20 MB file's peak; here they take 8 bytes and a control byte each.  And where each
/// was given in the text being read, with the repeat it got: an edit proposed again at the
/// same place (a later pass of one cleaning) keeps its id.  Naming a text's edits in one
/// call (`give_all`) spares Python a lookup and a call per edit.
#[pyclass(module = "pipeline._core")]
#[derive(Default)]
pub struct Repeats {
    /// Given once or more.
    seen: FxHashSet<u64>,
    /// Given twice or more: how often.
    repeated: FxHashMap<u64, u32>,
    /// (the whole fingerprint, its offset in the original): the repeat given there.
    given: FxHashMap<(u128, usize), u32>,
}

/// A fingerprint's bits: all of them, and the first 64 (what `Repeats` counts by).
fn bits(base: &str) -> PyResult<(u128, u64)> {
    let whole = base
        .get(..32)
        .and_then(|hex| u128::from_str_radix(hex, 16).ok())
        .ok_or_else(|| PyValueError::new_err(format!("not a fingerprint: {base:?}")))?;
    Ok((whole, (whole >> 64) as u64))
}

/// The id of the `repeat`th repeat of a fingerprint: itself, then `<fingerprint>-1`, ...
fn named(base: &str, repeat: u32) -> String {
    if repeat == 0 {
        base.to_owned()
    } else {
        format!("{base}-{repeat}")
    }
}

impl Repeats {
    /// The id of a fingerprint at its offset: the one given there before in this text, else
    /// the next repeat of it.
    fn id_at(&mut self, base: &str, at: usize) -> PyResult<String> {
        let (whole, short) = bits(base)?;
        let repeat = match self.given.get(&(whole, at)) {
            Some(&repeat) => repeat,
            None => {
                let repeat = self.give(short);
                self.given.insert((whole, at), repeat);
                repeat
            }
        };
        Ok(named(base, repeat))
    }

    /// How often `short` was given so far.
    fn count(&self, short: u64) -> u32 {
        if self.seen.contains(&short) {
            self.repeated.get(&short).copied().unwrap_or(1)
        } else {
            0
        }
    }

    /// Give `short` once more: how often it was given before.
    fn give(&mut self, short: u64) -> u32 {
        let before = self.count(short);
        if before == 0 {
            self.seen.insert(short);
        } else {
            self.repeated.insert(short, before.saturating_add(1));
        }
        before
    }
}

#[pymethods]
impl Repeats {
    #[new]
    fn new() -> Repeats {
        Repeats::default()
    }

    /// The id of each fingerprint at its offset, in order: the one given there before in
    /// this text, else the next repeat of it.
    fn give_all(&mut self, bases: Vec<String>, ats: Vec<usize>) -> PyResult<Vec<String>> {
        if bases.len() != ats.len() {
            return Err(PyValueError::new_err("a fingerprint for each offset"));
        }
        bases
            .iter()
            .zip(ats)
            .map(|(base, at)| self.id_at(base, at))
            .collect()
    }

    /// The id `give_all` would give the fingerprint at the offset, giving none.
    fn peek(&self, base: &str, at: usize) -> PyResult<String> {
        let (whole, short) = bits(base)?;
        let repeat = match self.given.get(&(whole, at)) {
            Some(&repeat) => repeat,
            None => self.count(short),
        };
        Ok(named(base, repeat))
    }

    /// A new text of the file (its next piece): offsets name new places.
    fn forget_places(&mut self) {
        self.given.clear();
    }
}

/// A text's edits named (`cleaning._Judge._named_all`), each at its offset in `original`:
/// made again as `edit_type` (`Edit`) with its line and column there, its id (its
/// fingerprint in the file `path`, and which repeat of it: `Repeats::give_all`) and that
/// offset, in one call.  Where Python zipped the ids, the places and the edits, and built
/// each edit again, a twentieth of `clean()`.  None where a string is not UTF-8 or a tuple
/// is not an `Edit`'s twelve fields: Python names them then.
#[pyfunction]
pub fn named_edits<'py>(
    py: Python<'py>,
    repeats: &mut Repeats,
    path: &Bound<'py, PyString>,
    original: &Bound<'py, PyString>,
    located: Vec<(usize, Bound<'py, PyTuple>)>,
    edit_type: &Bound<'py, PyType>,
) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    let (Ok(path), Ok(original)) = (path.to_str(), original.to_str()) else {
        return Ok(None);
    };
    // each edit's rule code, before and after, held while borrowed as UTF-8
    let mut held = Vec::with_capacity(located.len());
    for (_, edit) in &located {
        if edit.len() != EDIT_FIELDS.len() {
            return Ok(None);
        }
        let values = [
            edit.get_item(RULE)?.getattr("code")?,
            edit.get_item(BEFORE)?,
            edit.get_item(AFTER)?,
        ];
        let mut strings = Vec::with_capacity(values.len());
        for value in values {
            let Ok(string) = value.cast_into::<PyString>() else {
                return Ok(None);
            };
            strings.push(string);
        }
        held.push(strings);
    }
    let mut rows = Vec::with_capacity(held.len());
    for ((at, _), strings) in located.iter().zip(&held) {
        let (Ok(rule), Ok(before), Ok(after)) = (
            strings[0].to_str(),
            strings[1].to_str(),
            strings[2].to_str(),
        ) else {
            return Ok(None);
        };
        rows.push(Located {
            at: *at,
            rule,
            before,
            after,
        });
    }
    let ats: Vec<usize> = located.iter().map(|(at, _)| *at).collect();
    let (bases, places) = py.detach(|| {
        let bases = fingerprint::fingerprints(path, original, &rows);
        (bases, line_columns(original.as_bytes(), &ats))
    });
    let make = py.get_type::<PyTuple>().getattr("__new__")?;
    let mut named = Vec::with_capacity(located.len());
    for (((at, edit), base), (line, column)) in located.iter().zip(&bases).zip(places) {
        let id = repeats.id_at(base, *at)?;
        let mut fields: Vec<Bound<'py, PyAny>> = Vec::with_capacity(EDIT_FIELDS.len());
        for place in 0..LINE {
            fields.push(edit.get_item(place)?);
        }
        fields.push(line.into_pyobject(py)?.into_any());
        fields.push(column.into_pyobject(py)?.into_any());
        fields.push(PyString::new(py, &id).into_any());
        fields.push(at.into_pyobject(py)?.into_any());
        named.push(make.call1((edit_type, PyTuple::new(py, fields)?))?);
    }
    Ok(Some(named))
}

/// Places in an `Edit`: what a key reads, and where the fields `named_edits` gives begin
/// (line, column, id, offset, in that order: a test holds `Edit._fields` to the names).
const BEFORE: usize = place("before");
const AFTER: usize = place("after");
const RULE: usize = place("rule");
const LINE: usize = place("line");
