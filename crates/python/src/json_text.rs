//! JSON text as Python's encoder writes it (`json.dumps`): the strings, floats and count
//! objects the core writes into report.json, the review page and the batch's counts, byte
//! for byte what Python writes (tests in Python compare the two).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, Serializer};

/// `json.dumps(..., ensure_ascii=True)`: printable ASCII as it is, anything else as
/// `\uXXXX` in UTF-16 units, lower-case hex as Python writes them; with `lt`, every `<`
/// escaped too (`html.inert_json`).  serde_json escapes `"`, `\` and the control
/// characters itself, as Python does.
struct Ascii {
    lt: bool,
}

impl Formatter for Ascii {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + Write,
    {
        let bytes = fragment.as_bytes();
        let (mut start, mut at) = (0, 0);
        while at < bytes.len() {
            let byte = bytes[at];
            if (b' '..=b'~').contains(&byte) && !(self.lt && byte == b'<') {
                at += 1;
                continue;
            }
            // `at` starts a character: every byte before it was ASCII or a whole character
            let Some(c) = fragment[at..].chars().next() else {
                break;
            };
            writer.write_all(&bytes[start..at])?;
            let mut units = [0u16; 2];
            for &mut unit in c.encode_utf16(&mut units) {
                writer.write_all(&escaped(unit))?;
            }
            at += c.len_utf8();
            start = at;
        }
        writer.write_all(&bytes[start..])
    }
}

/// `\uXXXX` of a UTF-16 unit, lower-case hex, four digits (what `write!` with `{:04x}`
/// gives, without the formatting machinery: the review page writes one per character of
/// every non-ASCII letter and quote it shows).
fn escaped(unit: u16) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// `repr(value)` for a finite float, as Python writes it (the shortest digits that read
/// back as the same float; `1.0`, not `1`).  Rust writes the same shortest digits, in fixed
/// notation: Python's too where the exponent lies in -4..16; elsewhere Python writes
/// `1e-05`, and None sends the value to Python.
pub(crate) fn float_repr(value: f64) -> Option<String> {
    let size = value.abs();
    if value != 0.0 && !(1e-4..1e16).contains(&size) {
        return None;
    }
    let mut written = value.to_string();
    if !written.bytes().any(|byte| byte == b'.') {
        written.push_str(".0");
    }
    Some(written)
}

/// A string as JSON: as `json.encoder.encode_basestring` writes it (UTF-8 kept), or, with
/// `inert`, as `html.inert_json` does.
pub(crate) fn string(out: &mut Vec<u8>, value: &str, inert: bool) -> io::Result<()> {
    // most strings hold nothing to escape (a word, a rule's code): written as they are, where
    // serde's writer looked at each byte twice (a fifth of the review page's rows' time)
    if value.bytes().all(|byte| plain(byte, inert)) {
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
        return Ok(());
    }
    escaped_string(out, value, inert)
}

/// Whether JSON writes `byte` as it is: not a quote, a backslash or a control character,
/// and with `inert` nothing but printable ASCII, `<` escaped too.
fn plain(byte: u8, inert: bool) -> bool {
    let ascii = if inert {
        (b' '..=b'~').contains(&byte) && byte != b'<'
    } else {
        byte >= b' '
    };
    ascii && byte != b'"' && byte != b'\\'
}

/// `string` through serde's writer, every character looked at.
fn escaped_string(out: &mut Vec<u8>, value: &str, inert: bool) -> io::Result<()> {
    let written = if inert {
        value.serialize(&mut Serializer::with_formatter(
            &mut *out,
            Ascii { lt: true },
        ))
    } else {
        value.serialize(&mut Serializer::with_formatter(&mut *out, CompactFormatter))
    };
    written.map_err(io::Error::other)
}

/// Counts as a JSON object, keys sorted: what `json.dumps(dict(sorted(counts)))` writes
/// (`ensure_ascii`, `", "` between items and `": "` inside one).  Keys are sorted by their
/// bytes, which is Python's order of code points.
pub(crate) fn counts_object(counts: &mut [(&str, u64)]) -> String {
    counts.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(24 * counts.len() + 2);
    out.push(b'{');
    for (i, (key, count)) in counts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        // writing to a Vec cannot fail
        let _ = key.serialize(&mut Serializer::with_formatter(
            &mut out,
            Ascii { lt: false },
        ));
        let _ = write!(out, ": {count}");
    }
    out.push(b'}');
    // every byte written is ASCII
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_an_object_of_sorted_keys_in_ascii() {
        let mut counts = [
            ("w:\u{e9}t\u{e9}", 2),
            ("p:ab", 0),
            ("h:a-<b>", 7),
            ("w:\u{1f600}", 1),
        ];
        assert_eq!(
            counts_object(&mut counts),
            r#"{"h:a-<b>": 7, "p:ab": 0, "w:\u00e9t\u00e9": 2, "w:\ud83d\ude00": 1}"#
        );
        assert_eq!(counts_object(&mut []), "{}");
    }

    fn inert(value: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, value, true).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_inert_string_is_printable_ascii_with_no_angle_bracket() {
        assert_eq!(inert("a<b"), r#""a\u003cb""#);
        assert_eq!(inert("é\u{7f}"), r#""\u00e9\u007f""#);
        assert_eq!(inert("😀"), r#""\ud83d\ude00""#);
        assert_eq!(inert("\"\\\n\u{1}"), r#""\"\\\n\u0001""#);
    }

    #[test]
    fn a_string_with_nothing_to_escape_is_written_as_serde_writes_it() {
        let samples = [
            "",
            "word",
            "a b",
            "été",
            "a<b",
            "x\"y",
            "back\\slash",
            "tab\t",
            "\u{7f}",
            "😀 <",
            "~ !#$%&'()*+,-./:;=>?@[]^_`{|}",
        ];
        for value in samples {
            for inert in [false, true] {
                let (mut fast, mut serde) = (Vec::new(), Vec::new());
                string(&mut fast, value, inert).unwrap();
                escaped_string(&mut serde, value, inert).unwrap();
                assert_eq!(fast, serde, "{value:?}, inert {inert}");
            }
        }
    }

    #[test]
    fn a_float_is_written_as_python_writes_it_or_left_to_python() {
        assert_eq!(float_repr(1.0).as_deref(), Some("1.0"));
        assert_eq!(float_repr(0.0).as_deref(), Some("0.0"));
        assert_eq!(float_repr(0.1).as_deref(), Some("0.1"));
        assert_eq!(
            float_repr(0.9992393850335581).as_deref(),
            Some("0.9992393850335581")
        );
        assert_eq!(float_repr(0.0001).as_deref(), Some("0.0001"));
        assert_eq!(float_repr(0.00001), None); // Python: 1e-05
        assert_eq!(float_repr(1e16), None); // Python: 1e+16
    }
}
