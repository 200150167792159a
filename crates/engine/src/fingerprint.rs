//! What identifies an edit across runs, hashed: `pipeline.edit_ids` builds the key (the file,
//! the rule, the text before and after, and the words touching it) and this hashes many
//! edits of one text in one call, where hashing them one by one in Python cost more than
//! finding them.  The hash is the one `keys.fingerprint` gives, to the character: a test on
//! the Python side compares the two.

use sha2::{Digest, Sha256};

use crate::text::Text;

/// At most this many characters of the neighbouring words go into a key
/// (`keys.CONTEXT`).
pub const CONTEXT: usize = 20;

/// What separates a key's fields before hashing.
const SEPARATOR: char = '\u{1f}';

/// One edit of a text: where it starts in the text (code points), its rule's code and
/// what it replaces with what.
pub struct Located<'a> {
    pub at: usize,
    pub rule: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// The fingerprint of each edit of `original` in the file `path`: the first 32 hex digits
/// of the SHA-256 of its key's fields joined by U+001F.
pub fn fingerprints(path: &str, original: &str, edits: &[Located<'_>]) -> Vec<String> {
    let text = Text::new(original);
    edits
        .iter()
        .map(|edit| {
            let (start, end) = span(&text, edit.at, edit.before);
            let before: String = word_before(&text, start);
            let after: String = text
                .after(end)
                .take_while(|c| !c.is_whitespace())
                .take(CONTEXT)
                .collect();
            let fields = [path, edit.rule, edit.before, edit.after, &before, &after];
            hash(&fields)
        })
        .collect()
}

/// Where `before` lies at `at` in the text: empty where the text there is not `before`
/// (an earlier stage had already changed that stretch).
fn span(text: &Text<'_>, at: usize, before: &str) -> (usize, usize) {
    let letters = before.chars().count();
    let (from, to) = (text.byte(at), text.byte(at + letters));
    let fits = at + letters <= text.len && &text.text[from..to] == before;
    if fits {
        (at, at + letters)
    } else {
        (at, at)
    }
}

/// The non-space characters just before `at`, at most `CONTEXT` of them, in order.
fn word_before(text: &Text<'_>, at: usize) -> String {
    let mut reversed: Vec<char> = text
        .before(at.min(text.len))
        .take_while(|c| !c.is_whitespace())
        .take(CONTEXT)
        .collect();
    reversed.reverse();
    reversed.into_iter().collect()
}

/// The SHA-256 of `data`, all 64 hex digits.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// Bytes in lower-case hex, written into one string, a digit at a time (a string per byte
/// was a third of an id's time, and `write!` with a format, 150 instructions a byte, a
/// quarter of it).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    out
}

fn hash(fields: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            let mut buffer = [0u8; 4];
            hasher.update(SEPARATOR.encode_utf8(&mut buffer).as_bytes());
        }
        hasher.update(field.as_bytes());
    }
    hex(&hasher.finalize()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(original: &str, at: usize, before: &str) -> String {
        let edit = Located {
            at,
            rule: "PL101",
            before,
            after: " ",
        };
        fingerprints("a.txt", original, &[edit]).remove(0)
    }

    #[test]
    fn a_fingerprint_is_32_hex_digits_of_the_key() {
        let print = one("the  press", 3, "  ");
        assert_eq!(print.len(), 32);
        assert!(print.chars().all(|c| c.is_ascii_hexdigit()));
        // "a.txt", rule, before, after, the word before, the word after
        let key = "a.txt\u{1f}PL101\u{1f}  \u{1f} \u{1f}the\u{1f}press";
        assert_eq!(print, hash(&[key]));
    }

    #[test]
    fn neighbours_stop_at_white_space_and_at_twenty_characters() {
        let long = "x".repeat(30);
        let text = format!("é{long}\u{a0}ab");
        let twenty = "x".repeat(20);
        let expected = format!("a.txt\u{1f}PL101\u{1f}\u{1f} \u{1f}{twenty}\u{1f}");
        assert_eq!(one(&text, 1 + 30, ""), hash(&[&expected]));
        let expected = "a.txt\u{1f}PL101\u{1f}\u{1f} \u{1f}\u{1f}ab";
        assert_eq!(one(&text, 1 + 30 + 1, ""), hash(&[expected]));
    }

    #[test]
    fn a_digest_is_the_sha256_of_the_bytes() {
        // FIPS 180-2's example
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_stretch_already_changed_is_an_empty_span() {
        // "xy" is not at 0: the words around are read from the point itself
        let expected = "a.txt\u{1f}PL101\u{1f}xy\u{1f} \u{1f}\u{1f}ab";
        assert_eq!(one("ab cd", 0, "xy"), hash(&[expected]));
        assert_eq!(one("ab", 5, "xy").len(), 32); // past the end: no panic
    }
}
