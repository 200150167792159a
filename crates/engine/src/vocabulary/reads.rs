//! The batch counts a decision read (`w:word`, `p:glued`, `h:com-pound`, `n:`), each once,
//! kept end to end in one buffer: a glued token's candidates read a dozen counts, a batch
//! computes tens of thousands of tokens, and a string and a table of their own each took
//! more than the reading they record.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Keys, each once, in the order first noted.
#[derive(Clone, Debug, Default)]
pub struct Reads {
    /// Every key, each followed by a newline (no key holds one).
    text: String,
    /// Where each key lies in `text`.
    seen: HashTable<(usize, usize)>,
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// Room for the first keys a reading notes.  Begun empty, a reading's buffer grew four
/// times on average (46,187 times for the 11,773 readings of 100 files of damaged news: 0.7%
/// of the library path's instructions); begun with room for 64 bytes and four keys, one in
/// four grows, once (3,029 times: -0.6%).  Room for a dozen keys saved 0.1% more and held 2
/// MB more at one 21 MB file's peak (146 MB against 144 MB, under a bar of 150).
const USUAL_KEYS: usize = 4;
const USUAL_BYTES: usize = 64;

impl Reads {
    /// No keys yet, with room for a reading's first (`USUAL_KEYS`).
    pub fn sized() -> Reads {
        Reads {
            text: String::with_capacity(USUAL_BYTES),
            seen: HashTable::with_capacity(USUAL_KEYS),
        }
    }

    /// Note `kind` followed by `what` (`w:` and a word), unless noted already.
    pub fn note(&mut self, kind: &str, what: &str) {
        let start = self.text.len();
        self.text.push_str(kind);
        self.text.push_str(what);
        let key = &self.text[start..];
        let hashed = hash(key);
        let Reads { text, seen } = self;
        let held = |&(at, len): &(usize, usize)| text[at..at + len] == text[start..];
        if seen.find(hashed, held).is_some() {
            text.truncate(start);
            return;
        }
        let len = text.len() - start;
        text.push('\n');
        seen.insert_unique(hashed, (start, len), |&(at, len)| hash(&text[at..at + len]));
    }

    /// Note every key of `keys`, one per line (as `lines` gives them: another's `text`).
    pub fn note_lines(&mut self, keys: &str) {
        for key in keys.lines() {
            self.note(key, "");
        }
    }

    /// Note every key `other` holds.
    pub fn note_all(&mut self, other: &Reads) {
        self.note_lines(&other.text);
    }

    /// Whether `key` is noted.
    pub fn contains(&self, key: &str) -> bool {
        self.seen
            .find(hash(key), |&(at, len)| &self.text[at..at + len] == key)
            .is_some()
    }

    /// The keys, in the order first noted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.text.lines()
    }

    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// The keys, one per line: what a memo keeps of a reading (`candidates::cache`).
    pub fn into_lines(self) -> Box<str> {
        self.text.into_boxed_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draws::Draws;
    use std::collections::BTreeSet;

    #[test]
    fn each_key_is_kept_once_in_the_order_first_noted() {
        for mut reads in [Reads::default(), Reads::sized()] {
            assert!(reads.is_empty());
            reads.note("w:", "Spain");
            reads.note("n:", "");
            reads.note("w:", "Spain");
            reads.note("w:S", "pain"); // the same key, written in other parts
            reads.note("p:", "Spainexpels");
            assert_eq!(
                reads.iter().collect::<Vec<_>>(),
                ["w:Spain", "n:", "p:Spainexpels"]
            );
            assert_eq!(reads.len(), 3);
            assert!(reads.contains("n:") && reads.contains("w:Spain") && !reads.contains("w:S"));
            assert_eq!(&*reads.into_lines(), "w:Spain\nn:\np:Spainexpels\n");
        }
    }

    #[test]
    fn noting_another_reading_is_the_union_of_the_keys() {
        // drawn keys from a small alphabet, so that many repeat, against a set
        let mut draws = Draws::new(7);
        let mut key = || {
            let kinds = ["w:", "p:", "h:", "n:"];
            let letters: String = (0..draws.below(4))
                .map(|_| char::from(b'a' + draws.below(3) as u8))
                .collect();
            (kinds[draws.below(4)], letters)
        };
        let (mut first, mut second) = (Reads::default(), Reads::default());
        let mut expected = BTreeSet::new();
        for k in 0..2_000 {
            let (kind, what) = key();
            expected.insert(format!("{kind}{what}"));
            if k % 2 == 0 {
                first.note(kind, &what);
            } else {
                second.note(kind, &what);
            }
        }
        first.note_all(&second);
        let held: BTreeSet<String> = first.iter().map(str::to_owned).collect();
        assert_eq!(held, expected);
        assert_eq!(first.len(), expected.len());
        assert!(expected.iter().all(|key| first.contains(key)));
    }
}
