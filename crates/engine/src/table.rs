//! The word tables' file: three maps from a word (or `first second` pair) to an `f64` and
//! one short list of words, laid end to end, so that opening it is mapping one file, not
//! parsing text.
//!
//! The maps: words -> frequency (wordfreq), words -> count and pairs -> count
//! (wordsegment).  The list: the common words that hold a ligature, with their frequency
//! (drawn from the first map, so that finding them is not a walk of the whole list:
//! `broken_words`).
//!
//! Each map is a double-array trie (`yada`, read in place from the file's bytes) whose
//! value for a key is the index of its `f64` among the map's distinct values.  A trie walks
//! a word one array step per byte, where the finite-state map it replaced decoded a packed
//! node per byte: lookups and prefix walks took a fifth of the time (measured on the words
//! of two MB of news: 100 -> 21 ns a lookup, 63 -> 15 ns a prefix), and `clean()` 14% less.
//!
//! Layout: the magic line, a CRC-32 of everything after it (`u32`), then each map and the
//! list, each as its length in bytes (`u64`) and its bytes; all numbers little-endian.  A
//! map: its number of keys (`u64`), of distinct values (`u64`), those values' bits, and the
//! trie (absent when the map holds no key).  The list: per word, its length (`u32`), its
//! UTF-8 and its value's bits.  Built from sorted entries, so the same entries always give
//! the same bytes.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use yada::unit::Unit;

mod build;
pub use build::build;
mod units;
use units::{is_continuation, Units};

/// What every table file starts with; a new layout (or a new trie format) takes a new line.
pub const MAGIC: &[u8] = b"pipeline-lexicon 4 yada-0.5\n";

/// The maps a table holds, in their order in the file.
pub const MAPS: usize = 3;

/// A table that cannot be built or read.
#[derive(Debug)]
pub enum TableError {
    /// The bytes are not a table of this layout (another version's, or damaged).
    Malformed(String),
    /// A key given twice, empty or holding a NUL, or a trie yada refused.
    Build(String),
    /// The file cannot be read as a table: missing, not a regular file, too large.
    Unreadable(String),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Malformed(why) => write!(f, "not a word table: {why}"),
            TableError::Build(why) => write!(f, "cannot build the word table: {why}"),
            TableError::Unreadable(why) => write!(f, "cannot read the word table: {why}"),
        }
    }
}

impl std::error::Error for TableError {}

/// Entries as the packages give them: a key and its value.
pub type Entries = Vec<(String, f64)>;

/// A table file's bytes: read into memory, or mapped from the file (see `lexicon::open`).
pub enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Owned(bytes) => bytes,
            Bytes::Mapped(map) => map,
        }
    }
}

/// A stretch of a table's bytes, which its maps share.
#[derive(Clone)]
pub struct Section {
    bytes: Arc<Bytes>,
    range: Range<usize>,
}

impl Deref for Section {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes.as_ref().as_ref()[self.range.clone()]
    }
}

impl Section {
    /// The stretch `range` of this one.
    fn within(&self, range: Range<usize>) -> Section {
        Section {
            bytes: Arc::clone(&self.bytes),
            range: self.range.start + range.start..self.range.start + range.end,
        }
    }
}

/// Where a walk of a map's trie stands: after a key's bytes (`WordMap::at`).
#[derive(Clone, Copy)]
pub struct At {
    node: u32,
    unit: Unit,
}

/// One map: word -> value.
pub struct WordMap {
    /// The keys, each to the index of its value in `values` (a yada trie's units, walked by
    /// `Units`); None when there is no key.
    trie: Option<Section>,
    /// The distinct values' bits, in their order.
    values: Section,
    keys: usize,
}

impl WordMap {
    /// The value of `key`, if the map holds it.
    pub fn get(&self, key: &str) -> Option<f64> {
        let units = self.units()?;
        let (node, unit) = units.walk(units.root()?, key.as_bytes())?;
        self.value(units.leaf(node, unit)?)
    }

    /// The trie's units, if it has any.
    fn units(&self) -> Option<Units<'_>> {
        self.trie.as_deref().map(Units)
    }

    /// The values of every prefix of `text`: item `k` is the value of its first `k`
    /// characters (`get` of each, in one walk of the trie).
    pub fn prefix_values(&self, text: &str) -> Vec<Option<f64>> {
        self.values_after("", text)
    }

    /// The values of `head` followed by every prefix of `text`: item `k` is the value of
    /// `head` and the first `k` characters of `text`, in one walk of the trie.
    pub fn values_after(&self, head: &str, text: &str) -> Vec<Option<f64>> {
        let mut values = Vec::new();
        self.values_after_into(&[head], text, &mut values, |_| true);
        values
    }

    /// `values_after` with the head in pieces (`["of", " "]`, read one after the other),
    /// into `values` (a buffer the caller keeps: the segmentation asks a few per letter of a
    /// run), of only the prefixes `wanted` asks for by their length in characters: the rest
    /// are None.
    ///
    /// A key's value lies in a unit of its own, away from the key's last letter; yada's
    /// prefix walk reads the value of every prefix that is a key.  Reading only those asked
    /// for saves those loads (0.8% of the library path's instructions), not measurably its
    /// time: the core overlaps them with the walk's next step (docs/performance.md).
    pub fn values_after_into(
        &self,
        head: &[&str],
        text: &str,
        values: &mut Vec<Option<f64>>,
        wanted: impl FnMut(usize) -> bool,
    ) {
        let units = self.units();
        let mut at = units.and_then(Units::root);
        for piece in head {
            at = at.and_then(|at| units?.walk(at, piece.as_bytes()));
        }
        let whole = !head.iter().all(|piece| piece.is_empty());
        self.values_walked(units.zip(at), whole, text, values, wanted);
    }

    /// Where a walk of the trie stands after `key` from its root, if a key goes on so: a
    /// walk on from there (`walk_on`) does not walk `key` again.
    pub fn at(&self, key: &str) -> Option<At> {
        let (node, unit) = self.units()?.root()?;
        self.walk_on(At { node, unit }, key)
    }

    /// Where a walk of the trie stands after `key` from `at`, if a key goes on so.
    pub fn walk_on(&self, at: At, key: &str) -> Option<At> {
        let (node, unit) = self.units()?.walk((at.node, at.unit), key.as_bytes())?;
        Some(At { node, unit })
    }

    /// The value of the key a walk ends at, if one does.
    pub fn value_at(&self, at: At) -> Option<f64> {
        self.value(self.units()?.leaf(at.node, at.unit)?)
    }

    fn values_walked(
        &self,
        walked: Option<(Units<'_>, (u32, Unit))>,
        whole: bool,
        text: &str,
        values: &mut Vec<Option<f64>>,
        mut wanted: impl FnMut(usize) -> bool,
    ) {
        values.clear();
        values.resize(text.chars().count() + 1, None);
        let Some((units, (mut node, mut unit))) = walked else {
            return;
        };
        let bytes = text.as_bytes();
        let mut letters = 0;
        if whole && wanted(0) {
            values[0] = units.leaf(node, unit).and_then(|index| self.value(index));
        }
        for (offset, &byte) in bytes.iter().enumerate() {
            let Some(next) = units.child(node, unit, byte) else {
                return;
            };
            (node, unit) = next;
            // a key is whole UTF-8: it ends where a character does
            let ends_char = bytes.get(offset + 1).is_none_or(|&b| !is_continuation(b));
            if ends_char {
                letters += 1;
                if unit.has_leaf() && wanted(letters) {
                    values[letters] = units.leaf(node, unit).and_then(|index| self.value(index));
                }
            }
        }
    }

    fn value(&self, index: u32) -> Option<f64> {
        let at = usize::try_from(index).ok()?.checked_mul(8)?;
        let bits: [u8; 8] = self.values.get(at..at + 8)?.try_into().ok()?;
        Some(f64::from_bits(u64::from_le_bytes(bits)))
    }

    /// How many keys it holds.
    pub fn len(&self) -> usize {
        self.keys
    }

    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.keys == 0
    }
}

/// What a table file holds: its maps and its list.
pub struct Table {
    pub maps: [WordMap; MAPS],
    pub list: Entries,
}

/// A section's bytes read from the front, each read checked against what is left.
struct Cursor {
    rest: Section,
}

impl Cursor {
    fn take(&mut self, count: usize, what: &str) -> Result<Section, TableError> {
        if count > self.rest.len() {
            return Err(TableError::Malformed(format!("{what} is cut short")));
        }
        let taken = self.rest.within(0..count);
        self.rest = self.rest.within(count..self.rest.len());
        Ok(taken)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], TableError> {
        let bytes = self.take(N, what)?;
        (*bytes)
            .try_into()
            .map_err(|_| TableError::Malformed(format!("{what} is cut short")))
    }

    fn length(&mut self, what: &str) -> Result<usize, TableError> {
        let length = u64::from_le_bytes(self.array(what)?);
        usize::try_from(length).map_err(|_| TableError::Malformed(format!("{what} is too long")))
    }
}

/// A map from its bytes (see `map_bytes`).
fn read_map(bytes: Section, what: &str) -> Result<WordMap, TableError> {
    let mut cursor = Cursor { rest: bytes };
    let keys = cursor.length(what)?;
    let count = cursor.length(what)?;
    let size = count
        .checked_mul(8)
        .ok_or_else(|| TableError::Malformed(format!("{what} is too long")))?;
    let values = cursor.take(size, what)?;
    let trie = if keys == 0 {
        None
    } else {
        let trie = cursor.rest.clone();
        cursor.rest = cursor.rest.within(0..0);
        if !steps_stay_inside(&trie) {
            return Err(TableError::Malformed(format!(
                "{what}'s trie steps outside it"
            )));
        }
        Some(trie)
    };
    if !cursor.rest.is_empty() {
        return Err(TableError::Malformed(format!("bytes after {what}")));
    }
    Ok(WordMap { trie, values, keys })
}

/// Whether every step a walk can take in `trie` lands inside it, as in every trie yada
/// builds: one that steps outside was not written by it, and is refused as malformed (the
/// walks check each index all the same: `Units`).
///
/// A walk steps from a unit that is no leaf (the root, or one whose label matched a byte of
/// the key, which a leaf's never does) to `base ^ byte` (a child, `byte` < 256) or `base`
/// (its leaf), where `base` is the unit's offset xor its own index.  With the trie whole
/// blocks of 256 units and every such `base` inside it, `base ^ byte` lies in the same block
/// as `base`: inside too.
fn steps_stay_inside(trie: &[u8]) -> bool {
    const BLOCK: usize = 256 * 4;
    let Ok(units) = u32::try_from(trie.len() / 4) else {
        return false;
    };
    let unit = |bytes: &[u8]| {
        let bits: [u8; 4] = bytes.try_into().unwrap_or([0xff; 4]); // four bytes: chunks of four
        Unit::from_u32(u32::from_le_bytes(bits))
    };
    if trie.is_empty() || trie.len() % BLOCK != 0 || unit(&trie[..4]).is_leaf() {
        return false;
    }
    // every unit, without a branch (`|` and `&`, not `||`): 2.5 ms for a table's three
    // tries, 11 ms with one
    (0..units)
        .zip(trie.chunks_exact(4))
        .fold(true, |inside, (at, bytes)| {
            let unit = unit(bytes);
            inside & (unit.is_leaf() | (unit.offset() ^ at < units))
        })
}

/// The list from its bytes (see `list_bytes`).
fn read_list(bytes: Section) -> Result<Entries, TableError> {
    let mut cursor = Cursor { rest: bytes };
    let mut list = Vec::new();
    while !cursor.rest.is_empty() {
        let length = u32::from_le_bytes(cursor.array("a listed word")?);
        let length = usize::try_from(length)
            .map_err(|_| TableError::Malformed("a listed word is too long".into()))?;
        let key = cursor.take(length, "a listed word")?;
        let key = std::str::from_utf8(&key)
            .map_err(|_| TableError::Malformed("a listed word is not UTF-8".into()))?;
        let value = f64::from_bits(u64::from_le_bytes(cursor.array("a listed value")?));
        list.push((key.to_owned(), value));
    }
    Ok(list)
}

/// The maps and list of a table file's bytes (a copy of them).
pub fn read(bytes: &[u8]) -> Result<Table, TableError> {
    read_held(Bytes::Owned(bytes.to_vec()))
}

/// The maps and list of a table file's bytes, which the maps keep; a table of another
/// layout, or damaged, is refused (its checksum covers every byte after the magic line).
pub fn read_held(bytes: Bytes) -> Result<Table, TableError> {
    let bytes = Arc::new(bytes);
    let whole = Section {
        range: 0..bytes.as_ref().as_ref().len(),
        bytes,
    };
    if !whole.starts_with(MAGIC) {
        return Err(TableError::Malformed(
            "it does not start with the magic line".into(),
        ));
    }
    let mut cursor = Cursor {
        rest: whole.within(MAGIC.len()..whole.len()),
    };
    let checksum = u32::from_le_bytes(cursor.array("the checksum")?);
    if crc32fast::hash(&cursor.rest) != checksum {
        return Err(TableError::Malformed("its checksum does not match".into()));
    }
    let mut maps = Vec::with_capacity(MAPS);
    for map in 0..MAPS {
        let what = format!("map {map}");
        let length = cursor.length(&what)?;
        maps.push(read_map(cursor.take(length, &what)?, &what)?);
    }
    let length = cursor.length("the list")?;
    let list = read_list(cursor.take(length, "the list")?)?;
    if !cursor.rest.is_empty() {
        return Err(TableError::Malformed("bytes after the list".into()));
    }
    let maps = maps
        .try_into()
        .map_err(|_| TableError::Malformed("wrong number of maps".into()))?;
    Ok(Table { maps, list })
}

#[cfg(test)]
mod tests;
