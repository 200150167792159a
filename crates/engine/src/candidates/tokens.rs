//! The whitespace-delimited tokens the candidate search reads.

/// A whitespace-delimited token: its text and where it starts (code points).
pub(super) struct Token<'t> {
    pub(super) text: &'t str,
    pub(super) at: usize,
    pub(super) byte: usize,    // where it starts in bytes
    pub(super) letters: usize, // its length in code points
}

/// The tokens of a text (`\S+`), in order.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> + '_ {
    let mut rest = text;
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let start = loop {
            let (offset, ch) = chars.next()?;
            if !ch.is_whitespace() {
                break offset;
            }
            at += 1;
        };
        let mut letters = 1;
        let mut end = rest.len();
        for (offset, ch) in chars {
            if ch.is_whitespace() {
                end = offset;
                break;
            }
            letters += 1;
        }
        let token = Token {
            text: &rest[start..end],
            at,
            byte: text.len() - rest.len() + start,
            letters,
        };
        at += letters;
        rest = &rest[end..];
        Some(token)
    })
}
