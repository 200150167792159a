//! Which words a batch uses, and how often two of them stand side by side.
//!
//! Names recur; a glue at a random line end rarely does.  When a batch writes "United
//! States" a hundred times and "UnitedStates" twice, the two are damage; when it writes
//! "QatarEnergy" six times and "Qatar Energy" never, it is a name.
//!
//! A decision reads the counts through a [`Reader`], which notes every count it read
//! (`w:Word` a word, `p:ab` a spaced pair, `n:` the batch's size class): a file's output
//! depends on the batch only through those counts, so a re-run may keep the output of a
//! file whose text and counts are unchanged (`pipeline.batch.manifest`).

use crate::pystr::{is_digit, is_letter, is_lower_letter, is_space, one_of};

mod counts;
use counts::Counts;
mod reads;
/// The counts read through a reader (`w:word`, `p:glued`, `h:com-pound`): what a decision
/// depended on.
pub use reads::Reads;

/// Renderers often break a paragraph's first line short, so the words in its first
/// characters are glued far more often than chance: they are not counted as evidence of
/// names.  Counted without spaces, so that repairing glues does not move the line; a line
/// that goes on with its paragraph (`wrapped_on`) is no first line.
pub const OPENING: usize = 25;

/// Zero-width spaces, word joiners, byte-order marks, soft hyphens and the Mongolian vowel
/// separator: the whitespace stage removes them before the joins stage reads a text, so
/// the counts are taken as if they were not there (`pipeline.stages.whitespace` reads
/// this list).  Counted where they stand, `word1\u{200b}word1` would make `word1` a
/// recurring glued form, which the output, counted again, would not have.
pub const INVISIBLES: [char; 5] = ['\u{200b}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{180e}'];

/// A batch's word counts: words as written (case kept), spaced pairs ("ab" for "a b"), and
/// compounds of two words one hyphen apart ("law-abiding"), whose hyphen a glued copy may
/// have lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    words: Counts,
    pairs: Counts,
    hyphened: Counts,
    /// The words counted, each time (the sum of `words`).
    total: u64,
}

/// A word of the counts: letters with one inner apostrophe (`don't`), or digits.
struct Word {
    start: usize, // byte offsets
    end: usize,
    letters: usize, // its length in characters
}

/// The next word at or after byte `from`: `\p{L}+(?:['’]\p{L}+)?|\d+`.
fn next_word(text: &str, from: usize) -> Option<Word> {
    let rest = &text[from..];
    let mut chars = rest.char_indices().peekable();
    while let Some((offset, ch)) = chars.next() {
        let letter = is_letter(ch);
        if !letter && !is_digit(ch) {
            continue;
        }
        let same = |c: char| if letter { is_letter(c) } else { is_digit(c) };
        let start = from + offset;
        let mut end = start + ch.len_utf8();
        let mut count = 1;
        while let Some(&(at, c)) = chars.peek() {
            if !same(c) {
                break;
            }
            end = from + at + c.len_utf8();
            count += 1;
            chars.next();
        }
        if letter {
            let tail = &text[end..];
            let mut after = tail.chars();
            if let (Some(mark @ ('\'' | '\u{2019}')), Some(next)) = (after.next(), after.next()) {
                if is_letter(next) {
                    let mut inner = end + mark.len_utf8();
                    count += 1;
                    for c in text[inner..].chars().take_while(|&c| is_letter(c)) {
                        inner += c.len_utf8();
                        count += 1;
                    }
                    end = inner;
                }
            }
        }
        return Some(Word {
            start,
            end,
            letters: count,
        });
    }
    None
}

/// Whether the line break at byte `newline` of `gap` (what stands between two words) goes on
/// with a paragraph's text rather than starting one: the break alone in the gap, no mark that
/// ends a sentence or a clause before it, only white space after it, and a lower-case letter
/// starting the word after it (`next`).  Such a line is a hard-wrapped paragraph's own, its
/// break kept, so its first words are not the opening a renderer breaks short: they count
/// (wrapped at 72 columns, 25 of every line's columns would go uncounted otherwise).
fn wrapped_on(gap: &str, newline: usize, next: &str) -> bool {
    let (before, after) = (&gap[..newline], &gap[newline + 1..]);
    !before.chars().any(|ch| one_of(ch, "\n.!?:;"))
        && after.chars().all(is_space)
        && next.chars().next().is_some_and(is_lower_letter)
}

fn visible(text: &str) -> usize {
    text.chars().filter(|&ch| !is_space(ch)).count()
}

/// Letters and digits in one run (Boto3, win32, OAS32Validator): counted whole as well,
/// so that an identifier the batch repeats is known for one.
pub fn is_mixed(run: &str) -> bool {
    let (mut letters, mut digits) = (false, false);
    for ch in run.chars() {
        if is_letter(ch) {
            letters = true;
        } else if is_digit(ch) {
            digits = true;
        } else {
            return false;
        }
    }
    letters && digits
}

fn bump(counts: &mut Counts, key: &str, by: u64) {
    counts.bump(key, by);
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// Counts of the words of every text.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::new();
        for text in texts {
            vocabulary.add(text);
        }
        vocabulary
    }

    /// How often the batch writes a word as it is.
    pub fn word_count(&self, word: &str) -> u64 {
        self.words.get(word).unwrap_or(0)
    }

    /// How often the batch writes `glued` as two words with one space between.
    pub fn pair_count(&self, glued: &str) -> u64 {
        self.pairs.get(glued).unwrap_or(0)
    }

    /// How often the batch writes `compound` ("law-abiding") with its hyphen.
    pub fn hyphened_count(&self, compound: &str) -> u64 {
        self.hyphened.get(compound).unwrap_or(0)
    }

    /// How large the batch is: the number of binary digits of the count of its words (0
    /// for none, 1 for one, 10 for 512 to 1,023).  What a count of the batch means depends
    /// on it (a word a long batch never writes alone is no word of its, where one sentence
    /// proves nothing), and it changes only as the batch doubles: a re-run that reads it
    /// keeps a file's output unless the batch's size moved that far.
    pub fn size_class(&self) -> u64 {
        u64::from(u64::BITS - self.total.leading_zeros())
    }

    /// The count a key of a [`Reader`]'s reads names (`w:word`, `p:glued`, `h:com-pound`,
    /// `n:` the size class).
    pub fn count(&self, key: &str) -> u64 {
        match key.split_at_checked(2) {
            Some(("w:", word)) => self.word_count(word),
            Some(("p:", glued)) => self.pair_count(glued),
            Some(("h:", compound)) => self.hyphened_count(compound),
            Some(("n:", "")) => self.size_class(),
            _ => 0,
        }
    }

    /// Count the words of a text, read as the joins stage will meet it (`INVISIBLES`).
    pub fn add(&mut self, text: &str) {
        if text.chars().any(|ch| INVISIBLES.contains(&ch)) {
            let seen: String = text.chars().filter(|ch| !INVISIBLES.contains(ch)).collect();
            self.add_visible(&seen);
        } else {
            self.add_visible(text);
        }
    }

    fn add_visible(&mut self, text: &str) {
        let mut previous: Option<(usize, usize)> = None; // the last word's byte span
        let mut previous_end = 0;
        let mut visible_run = 0; // non-space characters since the line began
        let mut chain = 0; // where a run of words and numbers with nothing between began
        let mut parts = 0;
        let mut glued = String::new();
        let mut after_hyphen = false; // the last word came after a hyphen
        while let Some(word) = next_word(text, previous_end) {
            if word.start != previous_end {
                if parts > 1 {
                    self.add_mixed(&text[chain..previous_end]);
                }
                chain = word.start;
                parts = 0;
            }
            parts += 1;
            let gap = &text[previous_end..word.start];
            let lone_space = gap == " ";
            if !lone_space {
                match gap.rfind('\n') {
                    Some(newline) if !wrapped_on(gap, newline, &text[word.start..]) => {
                        visible_run = visible(&gap[newline + 1..]);
                    }
                    _ => visible_run += visible(gap),
                }
            }
            let current = &text[word.start..word.end];
            if visible_run >= OPENING {
                self.count_word(current, 1);
            }
            // two words one hyphen apart, no more: `law-abiding`, not the `across-the` of
            // `across-the-board`; a hyphen with a space after it counts as written without
            // (`well- made`): the punctuation stage closes it (P003), so the batch cleaned
            // writes it so, and a second cleaning must find the counts the first found
            let hyphen = gap == "-" || gap == "- ";
            let hyphened = hyphen && !after_hyphen && !text[word.end..].starts_with('-');
            if let (Some((start, end)), true) = (previous, hyphened) {
                glued.clear();
                glued.push_str(&text[start..end]);
                glued.push('-');
                glued.push_str(current);
                bump(&mut self.hyphened, &glued, 1);
            }
            after_hyphen = hyphen;
            if let (Some((start, end)), true) = (previous, lone_space) {
                glued.clear();
                glued.push_str(&text[start..end]);
                glued.push_str(current);
                bump(&mut self.pairs, &glued, 1);
            }
            visible_run += word.letters;
            previous = Some((word.start, word.end));
            previous_end = word.end;
        }
        if parts > 1 {
            self.add_mixed(&text[chain..previous_end]);
        }
    }

    fn add_mixed(&mut self, run: &str) {
        if is_mixed(run) {
            self.count_word(run, 1);
        }
    }

    fn count_word(&mut self, word: &str, by: u64) {
        bump(&mut self.words, word, by);
        self.total += by;
    }

    pub fn merge(&mut self, other: &Vocabulary) {
        for (word, count) in other.words.iter() {
            self.count_word(word, count);
        }
        for (glued, count) in other.pairs.iter() {
            bump(&mut self.pairs, glued, count);
        }
        for (compound, count) in other.hyphened.iter() {
            bump(&mut self.hyphened, compound, count);
        }
    }

    /// The word counts, for tests and inspection.
    pub fn words(&self) -> impl Iterator<Item = (&str, u64)> {
        self.words.iter()
    }

    /// The spaced-pair counts ("ab" for "a b").
    pub fn pairs(&self) -> impl Iterator<Item = (&str, u64)> {
        self.pairs.iter()
    }

    /// The counts as bytes (to send to another process): each map's entries, sorted, as
    /// length-prefixed UTF-8 and a count.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for counts in [&self.words, &self.pairs, &self.hyphened] {
            let mut entries: Vec<(&str, u64)> = counts.iter().collect();
            entries.sort_unstable();
            out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
            for (key, count) in entries {
                out.extend_from_slice(&(key.len() as u64).to_le_bytes());
                out.extend_from_slice(key.as_bytes());
                out.extend_from_slice(&count.to_le_bytes());
            }
        }
        out
    }

    /// The counts `to_bytes` wrote, or None if the bytes are not such counts.
    pub fn from_bytes(data: &[u8]) -> Option<Vocabulary> {
        let mut rest = data;
        let number = |rest: &mut &[u8]| -> Option<u64> {
            let (head, tail) = rest.split_at_checked(8)?;
            *rest = tail;
            Some(u64::from_le_bytes(head.try_into().ok()?))
        };
        let mut maps = [Counts::default(), Counts::default(), Counts::default()];
        for counts in &mut maps {
            let entries = number(&mut rest)?;
            for _ in 0..entries {
                let length = usize::try_from(number(&mut rest)?).ok()?;
                let (key, tail) = rest.split_at_checked(length)?;
                rest = tail;
                let key = std::str::from_utf8(key).ok()?;
                counts.bump(key, number(&mut rest)?);
            }
        }
        let [words, pairs, hyphened] = maps;
        let total = words.iter().map(|(_, count)| count).sum();
        rest.is_empty().then_some(Vocabulary {
            words,
            pairs,
            hyphened,
            total,
        })
    }
}

/// A vocabulary's counts as one decision reads them, noting each count read.
pub struct Reader<'a> {
    pub vocabulary: &'a Vocabulary,
    pub reads: Reads,
}

impl<'a> Reader<'a> {
    pub fn new(vocabulary: &'a Vocabulary) -> Reader<'a> {
        Reader {
            vocabulary,
            reads: Reads::sized(),
        }
    }

    pub fn word_count(&mut self, word: &str) -> u64 {
        self.note("w:", word);
        self.vocabulary.word_count(word)
    }

    pub fn size_class(&mut self) -> u64 {
        self.note("n:", "");
        self.vocabulary.size_class()
    }

    pub fn pair_count(&mut self, glued: &str) -> u64 {
        self.note("p:", glued);
        self.vocabulary.pair_count(glued)
    }

    pub fn hyphened_count(&mut self, compound: &str) -> u64 {
        self.note("h:", compound);
        self.vocabulary.hyphened_count(compound)
    }

    /// Note the key `kind` + `what`, once: a decision reads the same counts again and again
    /// (a name's, at each of its splits).
    fn note(&mut self, kind: &str, what: &str) {
        self.reads.note(kind, what);
    }
}

#[cfg(test)]
mod tests;
