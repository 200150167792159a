//! Writing a table file: its maps as tries and its list, from entries in any order, so that
//! the same entries always give the same bytes.

use yada::builder::DoubleArrayBuilder;

use super::{Entries, TableError, MAGIC, MAPS};

/// Entries sorted by key (the trie's order: UTF-8 bytes, which is code points); a key given
/// twice or empty is an error.
fn sorted(mut entries: Entries) -> Result<Entries, TableError> {
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if entries.first().is_some_and(|(key, _)| key.is_empty()) {
        return Err(TableError::Build("an empty key".into()));
    }
    if let Some((key, _)) = entries.iter().find(|(key, _)| key.as_bytes().contains(&0)) {
        return Err(TableError::Build(format!("{key:?} holds a NUL")));
    }
    if let Some(pair) = entries.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(TableError::Build(format!("{:?} given twice", pair[0].0)));
    }
    Ok(entries)
}

/// One map's bytes from entries in any order.
fn map_bytes(entries: Entries) -> Result<Vec<u8>, TableError> {
    let entries = sorted(entries)?;
    let mut values: Vec<u64> = entries.iter().map(|(_, value)| value.to_bits()).collect();
    values.sort_unstable();
    values.dedup();
    let mut out = Vec::new();
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    out.extend_from_slice(&(values.len() as u64).to_le_bytes());
    for bits in &values {
        out.extend_from_slice(&bits.to_le_bytes());
    }
    if entries.is_empty() {
        return Ok(out);
    }
    let mut records = Vec::with_capacity(entries.len());
    for (key, value) in &entries {
        let index = values
            .binary_search(&value.to_bits())
            .map_err(|_| TableError::Build(format!("{key:?}: its value was not kept")))?;
        let index = u32::try_from(index)
            .ok()
            .filter(|index| *index < 1 << 31)
            .ok_or_else(|| TableError::Build("more distinct values than a trie holds".into()))?;
        records.push((key.as_bytes(), index));
    }
    let trie = DoubleArrayBuilder::build(&records)
        .ok_or_else(|| TableError::Build("yada could not build a trie".into()))?;
    out.extend_from_slice(&trie);
    Ok(out)
}

/// The list's bytes from entries in any order.
fn list_bytes(entries: Entries) -> Result<Vec<u8>, TableError> {
    let mut out = Vec::new();
    for (key, value) in sorted(entries)? {
        let length = u32::try_from(key.len())
            .map_err(|_| TableError::Build(format!("a key of {} bytes", key.len())))?;
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(&value.to_bits().to_le_bytes());
    }
    Ok(out)
}

/// A table file's bytes, from the entries of each of its `MAPS` maps and of its list.
pub fn build(maps: [Entries; MAPS], list: Entries) -> Result<Vec<u8>, TableError> {
    let mut body = Vec::new();
    let mut sections = Vec::with_capacity(MAPS + 1);
    for entries in maps {
        sections.push(map_bytes(entries)?);
    }
    sections.push(list_bytes(list)?);
    for section in sections {
        body.extend_from_slice(&(section.len() as u64).to_le_bytes());
        body.extend_from_slice(&section);
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}
