//! The word tables' file: three finite-state maps from a word (or `first second` pair) to an
//! `f64`, laid end to end, so that opening it is reading one file, not parsing text.
//!
//! The maps: words -> frequency (wordfreq), words -> count and pairs -> count
//! (wordsegment), and the common words that hold a ligature -> frequency (drawn from the
//! first, so that finding them is not a walk of the whole list: `broken_words`).
//!
//! Layout: the magic line, then for each map its length in bytes (`u64`, little-endian) and
//! the map itself (`fst::Map`, its values the `f64`s' bits).  Built from sorted entries, so
//! the same entries always give the same bytes.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use fst::raw::{Fst, Node, Output};
use fst::{Map, MapBuilder};

/// What every table file starts with; a new layout takes a new number.
pub const MAGIC: &[u8] = b"pipeline-lexicon 2\n";

/// The maps a table holds, in their order in the file.
pub const SECTIONS: usize = 4;

/// A table that cannot be built or read.
#[derive(Debug)]
pub enum TableError {
    /// The bytes are not a table of this layout (another version's, or damaged).
    Malformed(String),
    /// A key given twice, or a map the `fst` crate refused.
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

/// One map's stretch of a table's bytes, which its three maps share.
pub struct Section {
    bytes: Arc<Bytes>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.bytes.as_ref().as_ref()[self.range.clone()]
    }
}

/// One map: word -> value.
pub struct WordMap {
    map: Map<Section>,
}

impl WordMap {
    /// The value of `key`, if the map holds it.
    pub fn get(&self, key: &str) -> Option<f64> {
        self.map.get(key).map(f64::from_bits)
    }

    /// The values of every prefix of `text` that ends on a character boundary: item `k`
    /// is the value of its first `k` characters (`get` of each, in one walk of the map).
    pub fn prefix_values(&self, text: &str) -> Vec<Option<f64>> {
        self.values_after("", text)
    }

    /// The values of `head` followed by every prefix of `text`: item `k` is the value of
    /// `head` and the first `k` characters of `text`, in one walk of the map.
    pub fn values_after(&self, head: &str, text: &str) -> Vec<Option<f64>> {
        let fst = self.map.as_fst();
        let mut at = (fst.root(), Output::zero());
        let mut values = vec![None; text.chars().count() + 1];
        let Some(walked) = walk(fst, at, head.as_bytes()) else {
            return values;
        };
        at = walked;
        values[0] = final_value(&at);
        for (k, ch) in text.chars().enumerate() {
            let mut buffer = [0u8; 4];
            let Some(walked) = walk(fst, at, ch.encode_utf8(&mut buffer).as_bytes()) else {
                return values;
            };
            at = walked;
            values[k + 1] = final_value(&at);
        }
        values
    }

    /// Every key and value, in key order, that `keep` admits (one walk of the whole map).
    pub fn entries_where(&self, keep: impl Fn(&[u8], f64) -> bool) -> Vec<(String, f64)> {
        use fst::Streamer;
        let mut stream = self.map.stream();
        let mut kept = Vec::new();
        while let Some((key, bits)) = stream.next() {
            let value = f64::from_bits(bits);
            if keep(key, value) {
                kept.push((String::from_utf8_lossy(key).into_owned(), value));
            }
        }
        kept
    }

    /// How many keys it holds.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A node of a map's automaton and the output summed on the way to it.
type At<'f> = (Node<'f>, Output);

/// `at` moved along `bytes`, or None where the map holds no key that goes on so.
fn walk<'f>(fst: &'f Fst<Section>, at: At<'f>, bytes: &[u8]) -> Option<At<'f>> {
    let (mut node, mut output) = at;
    for &byte in bytes {
        let transition = node.transition(node.find_input(byte)?);
        output = output.cat(transition.out);
        node = fst.node(transition.addr);
    }
    Some((node, output))
}

/// The value of the key that ends at `at`, if one does.
fn final_value((node, output): &At<'_>) -> Option<f64> {
    node.is_final()
        .then(|| f64::from_bits(output.cat(node.final_output()).value()))
}

/// Build one map's bytes from entries in any order; a key given twice is an error.
fn build_map(entries: &mut [(String, f64)]) -> Result<Vec<u8>, TableError> {
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut builder = MapBuilder::memory();
    for (key, value) in entries.iter() {
        builder
            .insert(key.as_bytes(), value.to_bits())
            .map_err(|error| TableError::Build(format!("{key:?}: {error}")))?;
    }
    builder
        .into_inner()
        .map_err(|error| TableError::Build(error.to_string()))
}

/// A table file's bytes, from the entries of each of its `SECTIONS` maps.
pub fn build(mut sections: [Vec<(String, f64)>; SECTIONS]) -> Result<Vec<u8>, TableError> {
    let mut out = MAGIC.to_vec();
    for entries in sections.iter_mut() {
        let bytes = build_map(entries)?;
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

/// The `SECTIONS` maps of a table file's bytes (a copy of them).
pub fn read(bytes: &[u8]) -> Result<[WordMap; SECTIONS], TableError> {
    read_held(Bytes::Owned(bytes.to_vec()))
}

/// The `SECTIONS` maps of a table file's bytes, which they keep.
pub fn read_held(bytes: Bytes) -> Result<[WordMap; SECTIONS], TableError> {
    let bytes = Arc::new(bytes);
    let rest = bytes
        .as_ref()
        .as_ref()
        .strip_prefix(MAGIC)
        .ok_or_else(|| TableError::Malformed("it does not start with the magic line".into()))?;
    let mut at = 0usize;
    let mut maps = Vec::with_capacity(SECTIONS);
    for section in 0..SECTIONS {
        let length_bytes: [u8; 8] = rest
            .get(at..at + 8)
            .and_then(|slice| slice.try_into().ok())
            .ok_or_else(|| TableError::Malformed(format!("section {section} has no length")))?;
        let length = usize::try_from(u64::from_le_bytes(length_bytes))
            .map_err(|_| TableError::Malformed(format!("section {section} is too long")))?;
        at += 8;
        let end = at
            .checked_add(length)
            .filter(|end| *end <= rest.len())
            .ok_or_else(|| TableError::Malformed(format!("section {section} is cut short")))?;
        let stretch = Section {
            bytes: Arc::clone(&bytes),
            range: MAGIC.len() + at..MAGIC.len() + end,
        };
        let map = Map::new(stretch)
            .map_err(|error| TableError::Malformed(format!("section {section}: {error}")))?;
        // Opening checks the map's header only; its checksum covers every byte, so a
        // damaged file is refused here rather than read as wrong words.
        map.as_fst()
            .verify()
            .map_err(|error| TableError::Malformed(format!("section {section}: {error}")))?;
        maps.push(WordMap { map });
        at = end;
    }
    if at != rest.len() {
        return Err(TableError::Malformed("bytes after the last section".into()));
    }
    maps.try_into()
        .map_err(|_| TableError::Malformed("wrong number of sections".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn sample() -> [Vec<(String, f64)>; SECTIONS] {
        [
            entries(&[("the", 0.05), ("press", 1e-4), ("ünïcode", 3e-9)]),
            entries(&[("the", 2.3e10)]),
            entries(&[("of the", 1.5e9)]),
            entries(&[("office", 1e-4)]),
        ]
    }

    #[test]
    fn a_table_gives_back_what_it_was_built_from() {
        let bytes = build(sample()).expect("builds");
        let [words, unigrams, bigrams, ligatures] = read(&bytes).expect("reads");
        assert_eq!(ligatures.get("office"), Some(1e-4));
        let prefixes = words.prefix_values("thereby");
        let expected: Vec<Option<f64>> = (0..=7).map(|k| words.get(&"thereby"[..k])).collect();
        assert_eq!(prefixes, expected);
        assert_eq!(words.get("press"), Some(1e-4));
        assert_eq!(words.get("ünïcode"), Some(3e-9));
        assert_eq!(words.get("pres"), None);
        assert_eq!(unigrams.get("the"), Some(2.3e10));
        assert_eq!(bigrams.get("of the"), Some(1.5e9));
        assert_eq!(words.len(), 3);
    }

    #[test]
    fn the_same_entries_in_any_order_give_the_same_bytes() {
        let mut shuffled = sample();
        shuffled[0].reverse();
        assert_eq!(build(sample()).ok(), build(shuffled).ok());
    }

    #[test]
    fn a_key_given_twice_is_refused() {
        let mut twice = sample();
        twice[0].push(("the".into(), 0.1));
        assert!(matches!(build(twice), Err(TableError::Build(_))));
    }

    #[test]
    fn damaged_bytes_are_refused_not_read() {
        let bytes = build(sample()).expect("builds");
        for cut in [0, 5, MAGIC.len() + 3, bytes.len() - 1] {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err());
        let mut garbled = bytes;
        let middle = garbled.len() / 2;
        garbled[MAGIC.len()..middle].fill(0xff);
        assert!(read(&garbled).is_err());
    }
}
