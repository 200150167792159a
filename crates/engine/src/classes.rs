//! Unicode character classes (`\p{L}`, `\w`, `\p{Zs}`...) as the `regex` crate reads them,
//! held as their sorted ranges of characters and asked by a binary search.
//!
//! The ranges come from `regex-syntax`, the parser the `regex` crate compiles its patterns
//! with, so a class holds what `Regex::new(r"^\p{L}$")` would match, character for
//! character.  A regex compiled for one class cost its process more than it saved: the
//! seven classes of `pystr` took 1.6 ms to compile in each process (a whole `pipeline
//! check` of one small file is 0.13 s), and each question ran the regex's search where a
//! binary search over a few hundred ranges does.

use regex_syntax::hir::{Class as HirClass, HirKind};

/// The characters one class holds, as `(first, last)` ranges in increasing order.
#[derive(Debug)]
pub struct Class {
    ranges: Vec<(char, char)>,
}

impl Class {
    /// The class a pattern of one class names (`\p{L}`, `\d`, `[\p{Ll}\d]`).
    ///
    /// Panics when the pattern is not one Unicode class: the patterns are fixed in the
    /// source, and a test builds each.
    pub fn of(pattern: &str) -> Class {
        let hir = regex_syntax::parse(pattern).expect("a fixed, valid character class");
        let HirKind::Class(HirClass::Unicode(class)) = hir.kind() else {
            panic!("{pattern:?} is not one Unicode character class");
        };
        let ranges = class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect();
        Class { ranges }
    }

    /// Whether the class holds `ch`.
    pub fn contains(&self, ch: char) -> bool {
        // the first range that ends at `ch` or after it holds `ch` if it starts at or before it
        let at = self.ranges.partition_point(|&(_, last)| last < ch);
        self.ranges.get(at).is_some_and(|&(first, _)| first <= ch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every character below U+3000 (the scripts text mostly holds) and every 7th after it.
    fn probes() -> impl Iterator<Item = char> {
        ('\0'..'\u{3000}').chain(('\u{3000}'..=char::MAX).step_by(7))
    }

    #[test]
    fn a_class_holds_what_its_regex_matches() {
        for pattern in [
            r"\p{L}", r"\p{Lu}", r"\p{Ll}", r"\p{Lm}", r"\p{Lt}", r"\d", r"\w", r"\p{Zs}",
        ] {
            let class = Class::of(pattern);
            let regex = Regex::new(&format!("^{pattern}$")).unwrap();
            let mut buffer = [0u8; 4];
            for ch in probes() {
                assert_eq!(
                    class.contains(ch),
                    regex.is_match(ch.encode_utf8(&mut buffer)),
                    "{ch:?} in {pattern}"
                );
            }
        }
    }

    #[test]
    #[should_panic(expected = "not one Unicode character class")]
    fn a_pattern_of_more_than_a_class_is_refused() {
        Class::of(r"\p{L}+");
    }
}
