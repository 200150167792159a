//! A text read by code point, as Python indexes a `str`, without a copy of it as
//! characters: the byte offset of every `STEP`-th character is kept, and a lookup walks
//! at most `STEP - 1` characters from there.  ASCII text needs no table at all.

/// Characters between two kept byte offsets.
const STEP: usize = 64;

pub struct Text<'a> {
    pub text: &'a str,
    /// Byte offset of character `k * STEP`; empty for ASCII.
    marks: Vec<usize>,
    /// Length in characters.
    pub len: usize,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        if text.is_ascii() {
            return Text {
                text,
                marks: Vec::new(),
                len: text.len(),
            };
        }
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let mut len = 0;
        for (offset, _) in text.char_indices() {
            if len % STEP == 0 {
                marks.push(offset);
            }
            len += 1;
        }
        Text { text, marks, len }
    }

    /// The byte offset of character `at` (the text's length at or past its end).
    pub fn byte(&self, at: usize) -> usize {
        if at >= self.len {
            return self.text.len();
        }
        if self.marks.is_empty() {
            return at;
        }
        let from = self.marks[at / STEP];
        match self.text[from..].char_indices().nth(at % STEP) {
            Some((offset, _)) => from + offset,
            None => self.text.len(),
        }
    }

    /// The character at code point `at`.
    pub fn char_at(&self, at: usize) -> Option<char> {
        self.text[self.byte(at)..].chars().next()
    }

    /// The characters from code point `at` on.
    pub fn after(&self, at: usize) -> std::str::Chars<'a> {
        self.text[self.byte(at)..].chars()
    }

    /// The characters before code point `at`, nearest first.
    pub fn before(&self, at: usize) -> std::iter::Rev<std::str::Chars<'a>> {
        self.text[..self.byte(at)].chars().rev()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_map_to_bytes() {
        let source: String = "é".repeat(200) + "abc";
        let text = Text::new(&source);
        assert_eq!(text.len, 203);
        assert_eq!(text.byte(130), 260);
        assert_eq!(text.char_at(201), Some('b'));
        assert_eq!(text.char_at(203), None);
        assert_eq!(text.before(201).next(), Some('a'));
        assert_eq!(text.after(199).collect::<String>(), "éabc");
    }
}
