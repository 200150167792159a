//! Characters and strings as Python's `str` and the `regex` package read them: the engine
//! replaced Python code and keeps its answers, so a letter is what `\p{L}` (and
//! `str.isalpha`) calls one, a space what `str.isspace` does, and so on.  Offsets are
//! code points, as Python indexes a `str`.
//!
//! ASCII is answered directly; other characters by the `regex` crate's Unicode tables
//! (`classes`), which follow the same Unicode properties as the `regex` package (their
//! versions may differ by a release: characters assigned since are the only ones read
//! apart).

use std::sync::LazyLock;

use crate::classes::Class;

static LETTER: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{L}"));
static UPPER_LETTER: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{Lu}"));
static LOWER_LETTER: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{Ll}"));
static MODIFIER_LETTER: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{Lm}"));
static TITLE_LETTER: LazyLock<Class> = LazyLock::new(|| Class::of(r"\p{Lt}"));
static DIGIT: LazyLock<Class> = LazyLock::new(|| Class::of(r"\d"));
static WORD: LazyLock<Class> = LazyLock::new(|| Class::of(r"\w"));

/// `\p{L}`: a letter (`str.isalpha` of one character).
pub fn is_letter(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphabetic()
    } else {
        LETTER.contains(ch)
    }
}

/// `\p{Lu}`: an upper-case letter, by general category.
pub fn is_upper_letter(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_uppercase()
    } else {
        UPPER_LETTER.contains(ch)
    }
}

/// `\p{Ll}`: a lower-case letter, by general category.
pub fn is_lower_letter(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_lowercase()
    } else {
        LOWER_LETTER.contains(ch)
    }
}

/// `\p{Lm}`: a modifier letter, uncased (the ʻokina of `Kauaʻi`, the ʿayn of `Saʿid`).
pub fn is_modifier_letter(ch: char) -> bool {
    !ch.is_ascii() && MODIFIER_LETTER.contains(ch)
}

/// `\d`: a decimal digit (`str.isdigit` of what the engine asks it of).
pub fn is_digit(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_digit()
    } else {
        DIGIT.contains(ch)
    }
}

/// `\w` of the `regex` package (Unicode's word characters), for `\b`.
pub fn is_word(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric() || ch == '_'
    } else {
        WORD.contains(ch)
    }
}

/// `str.isspace`: Unicode's white space and the four information separators.
pub fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&ch)
}

/// Whether `ch` is one of the characters of `set` (`one_of(c, ".!?")`): what `set.contains(c)`
/// says, written so that it is inlined where it is called.  `str::contains` with a `char`
/// goes through a generic search that the compiler may keep out of line, and did once a
/// new caller appeared elsewhere in the crate: the quotes scan, which asks it for each
/// character, ran five times slower.
///
/// An ASCII character is looked for among the set's bytes, undecoded: every byte of a
/// longer character's UTF-8 is 0x80 or more, so it matches only itself.
#[inline(always)]
pub fn one_of(ch: char, set: &str) -> bool {
    if ch.is_ascii() {
        return set.bytes().any(|member| u32::from(member) == u32::from(ch));
    }
    set.chars().any(|member| member == ch)
}

/// `one_of` for a set of ASCII punctuation (`.,;:`, `()_/`): most characters a scan meets,
/// letters and spaces, are ruled out by one range check before the set is read (a scan of
/// every character of a text spent a quarter of its time comparing each with the set).
#[inline(always)]
pub fn one_of_marks(ch: char, marks: &str) -> bool {
    ch.is_ascii_punctuation() && one_of(ch, marks)
}

/// `str.isalnum` of one character.
pub fn is_alnum(ch: char) -> bool {
    is_letter(ch) || ch.is_numeric()
}

fn is_title(ch: char) -> bool {
    !ch.is_ascii() && TITLE_LETTER.contains(ch)
}

/// `str.islower`: no upper-case or title-case character, and at least one lower-case one.
pub fn is_lower(chars: &[char]) -> bool {
    let mut cased = false;
    for &ch in chars {
        if ch.is_uppercase() || is_title(ch) {
            return false;
        }
        cased |= ch.is_lowercase();
    }
    cased
}

/// `str.isupper`: no lower-case or title-case character, and at least one upper-case one.
pub fn is_upper(chars: &[char]) -> bool {
    let mut cased = false;
    for &ch in chars {
        if ch.is_lowercase() || is_title(ch) {
            return false;
        }
        cased |= ch.is_uppercase();
    }
    cased
}

/// `str.isupper` of one character.
pub fn is_upper_char(ch: char) -> bool {
    is_upper(&[ch])
}

/// `str.isalpha`: letters only, and at least one.
pub fn is_alpha(chars: &[char]) -> bool {
    !chars.is_empty() && chars.iter().all(|&ch| is_letter(ch))
}

/// Maximal runs of letters (`\p{L}+`): (start, end) of each.
pub fn letter_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_letter(chars[i]) {
            let start = i;
            while i < chars.len() && is_letter(chars[i]) {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// The characters as a `String`.
pub fn string(chars: &[char]) -> String {
    let mut text = String::with_capacity(chars.len()); // exact for ASCII
    text.extend(chars);
    text
}

/// A text's characters, in one allocation of the right size: `collect` from `str::chars`
/// cannot know how many there are, and grows the vector as it goes, a copy each time.
/// Runs of ASCII are copied byte by byte, which the compiler vectorises; `str::chars`
/// decodes one character at a time (2% of the library path's instructions went there).
pub fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        chars.extend(rest.as_bytes()[..ascii].iter().map(|&b| char::from(b)));
        rest = &rest[ascii..];
        // `rest` starts at a character's first byte: `ascii` bytes are whole characters
        let mut tail = rest.chars();
        if let Some(c) = tail.next() {
            chars.push(c);
        }
        rest = tail.as_str();
    }
    chars
}

/// Each character lower-cased alone (`char::to_lowercase`: a final sigma as any other,
/// where `lower` maps it as such), an ASCII piece in one allocation of the right size.
pub fn lower_each(chars: &[char]) -> String {
    if chars.iter().all(char::is_ascii) {
        return chars.iter().map(char::to_ascii_lowercase).collect();
    }
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

/// `str.lower` (full case mapping, a final sigma as such).
pub fn lower(chars: &[char]) -> String {
    if chars.iter().all(char::is_ascii) {
        // what `to_lowercase` gives, in one allocation of the right size, byte by byte (each
        // character ASCII, so `as u8` keeps it whole)
        let bytes: Vec<u8> = chars
            .iter()
            .map(|&c| (c as u8).to_ascii_lowercase())
            .collect();
        if let Ok(text) = String::from_utf8(bytes) {
            return text;
        }
    }
    string(chars).to_lowercase()
}

/// Python's `chars[from:to]` for non-negative ends: both clamped to the length.
pub fn slice(chars: &[char], from: usize, to: usize) -> &[char] {
    let to = to.min(chars.len());
    &chars[from.min(to)..to]
}

/// Where each character of `text` starts, in bytes, and then its length, into `starts`:
/// item `k` is where character `k` starts (or the text ends).
pub fn char_starts(text: &str, starts: &mut Vec<usize>) {
    starts.clear();
    starts.extend(text.char_indices().map(|(at, _)| at));
    starts.push(text.len());
}

/// Python's `text[from:to]` in characters, both ends clamped to the length; `starts` is
/// `char_starts(text)`.
pub fn py_slice<'t>(text: &'t str, starts: &[usize], from: usize, to: usize) -> &'t str {
    let last = starts.len() - 1; // the number of characters
    let to = to.min(last);
    &text[starts[from.min(to)]..starts[to]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_of_is_the_texts_characters() {
        let texts = [
            "",
            "plain ASCII text.",
            "«Kazakhstan» — it’s café",
            "é",
            "x\u{10348}y\u{10348}",
            "\u{10348}\u{10348}",
            "Привет, world",
            "ends in é",
        ];
        for text in texts {
            assert_eq!(
                chars_of(text),
                text.chars().collect::<Vec<char>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn one_of_is_membership_for_any_character_and_set() {
        let sets = ["", ".!?", "\u{ab}\u{bb}\"'", "é-\u{2014}x", "\u{10348}a"];
        let probes = [
            '.',
            '\'',
            'a',
            'x',
            'é',
            '\u{e9}',
            '\u{bb}',
            '\u{2014}',
            '\u{10348}',
            '\u{c3}',
        ];
        for set in sets {
            for ch in probes.into_iter().chain('\0'..='\u{7f}') {
                assert_eq!(
                    one_of(ch, set),
                    set.chars().any(|m| m == ch),
                    "{ch:?} in {set:?}"
                );
            }
        }
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn case_reads_as_python_reads_it() {
        assert!(is_lower(&chars("abc1")));
        assert!(!is_lower(&chars("123")));
        assert!(!is_lower(&chars("aBc")));
        assert!(is_upper(&chars("NATO'S")) && !is_upper(&chars("NATO's")));
        assert!(!is_upper(&chars("\u{1c5}")), "title case is neither");
        assert!(!is_lower(&chars("a\u{1c5}")));
        assert!(is_lower(&chars("straße")));
    }

    #[test]
    fn letters_digits_and_spaces_are_python_s() {
        assert!(is_letter('é') && is_letter('ß') && !is_letter('\u{301}'));
        assert!(is_digit('٣') && !is_digit('²'));
        assert!(is_space('\u{1f}') && is_space('\u{a0}') && !is_space('\u{200b}'));
        assert!(is_word('\u{301}') && !is_word('-'));
        assert!(is_upper_letter('Ä') && is_lower_letter('ä') && !is_upper_letter('\u{1c5}'));
    }

    #[test]
    fn lower_is_full_case_mapping() {
        assert_eq!(lower(&chars("İ")).chars().count(), 2);
        assert_eq!(lower(&chars("ΟΔΟΣ")), "\u{3bf}\u{3b4}\u{3bf}\u{3c2}");
    }

    #[test]
    fn lower_each_maps_each_character_alone() {
        for word in ["ABC", "aBc", "", "Ünïcode", "İx"] {
            let each: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower_each(&chars(word)), each, "{word}");
        }
        // no final sigma: each character alone
        assert_eq!(lower_each(&chars("ΟΔΟΣ")), "\u{3bf}\u{3b4}\u{3bf}\u{3c3}");
    }
}
