//! The stretches of a text the words stage reads again after the joins stage's splits
//! (`pipeline.cleaning._unsettled`): around each split that parted a scrap of a broken word
//! (`scraps`), `NEAR_SPLIT` characters either side widened to whole words, and at least
//! `WORDS_NEAR_SPLIT` words either side, and to the ends of letter-spaced text it starts or
//! ends in; the stretches that touch merged.  Offsets are code
//! points; white space is `str.isspace`'s.  Found in Python, with a pattern per edge, they
//! took a tenth of the words stage's time on damaged news.

use crate::lexicon::Lexicon;
use crate::pystr::{chars_of, is_letter, is_space};
use crate::scraps::scrap_places_in;
use crate::thresholds::SPACED_LONG_PIECE;
use crate::words::WordLists;

/// How far either side of a split that parts a scrap the words stage reads again
/// (characters, widened to whole words): a broken word the split made stands beside it.
pub const NEAR_SPLIT: usize = 24;
/// And at least the words `scraps` reads: the one beside the split and two more, however
/// long they are (a split in a 60-letter token left `ts ight` past the stretch: a fuzz find).
pub const WORDS_NEAR_SPLIT: usize = 3;

/// `at` moved back to the start of the word it stands in or just after.
fn word_start(chars: &[char], at: usize) -> usize {
    let mut i = at;
    while i > 0 && !is_space(chars[i - 1]) {
        i -= 1;
    }
    i
}

/// `at` moved on to the end of the word it stands in or just before.
fn word_end(chars: &[char], at: usize) -> usize {
    let mut i = at;
    while i < chars.len() && !is_space(chars[i]) {
        i += 1;
    }
    i
}

/// Where the `words`th word after `at` ends (the white space before each passed over), or
/// the last there is.
fn words_after(chars: &[char], at: usize, words: usize) -> usize {
    let mut end = at;
    for _ in 0..words {
        let mut from = end;
        while from < chars.len() && is_space(chars[from]) {
            from += 1;
        }
        let to = word_end(chars, from);
        if to == from {
            break;
        }
        end = to;
    }
    end
}

/// Where the `words`th word before `at` starts (the white space after each passed over), or
/// the first there is.
fn words_before(chars: &[char], at: usize, words: usize) -> usize {
    let mut start = at;
    for _ in 0..words {
        let mut from = start;
        while from > 0 && is_space(chars[from - 1]) {
            from -= 1;
        }
        let to = word_start(chars, from);
        if to == from {
            break;
        }
        start = to;
    }
    start
}

/// Whether `start..end` is a piece of letter-spaced text: one or two letters (`b r i ef l e
/// s e n t`: an extractor leaves two letters together here and there).
fn piece(chars: &[char], start: usize, end: usize) -> bool {
    (1..=2).contains(&(end - start)) && chars[start..end].iter().all(|&c| is_letter(c))
}

/// Whether the word `start..end` ends in a piece after a mark (`the0efore(b`): the mark
/// stands between two runs, so the letter-spaced text goes on into the word.
fn ends_in_piece(chars: &[char], start: usize, end: usize) -> bool {
    let letters = chars[start..end]
        .iter()
        .rev()
        .take_while(|&&c| is_letter(c))
        .count();
    (1..=2).contains(&letters) && end - letters > start
}

/// Whether the word `start..end` starts with a piece before a mark (`t)`).
fn starts_with_piece(chars: &[char], start: usize, end: usize) -> bool {
    let letters = chars[start..end]
        .iter()
        .take_while(|&&c| is_letter(c))
        .count();
    (1..=2).contains(&letters) && start + letters < end
}

/// `start`, a word's start, moved back over the pieces standing one space apart before it,
/// where it is one itself: letter-spaced text (`b r i ef l e s e n t a t i o n`) is read
/// whole, and a stretch that began inside it read another text (three fuzz finds: one began
/// at a lone letter, one past a piece of two, one past a word that ends in a piece after a
/// mark, `the0efore(b r i ef`, taken whole).
fn before_letters(chars: &[char], mut start: usize) -> usize {
    while piece(chars, start, word_end(chars, start)) && start >= 2 && chars[start - 1] == ' ' {
        let before = word_start(chars, start - 1);
        if piece(chars, before, start - 1) {
            start = before;
        } else {
            if ends_in_piece(chars, before, start - 1) {
                start = before;
            }
            break;
        }
    }
    start
}

/// `end`, a word's end, moved on over the pieces standing one space apart after it, where it
/// is one itself (and over a word that starts with a piece before a mark).
fn after_letters(chars: &[char], mut end: usize) -> usize {
    while end >= 1 && piece(chars, word_start(chars, end), end) && chars.get(end) == Some(&' ') {
        let after = word_end(chars, end + 1);
        if piece(chars, end + 1, after) {
            end = after;
        } else {
            if starts_with_piece(chars, end + 1, after) {
                end = after;
            }
            break;
        }
    }
    end
}

/// Whether `start..end` is letters alone: a piece of a letter-spaced run as the words stage
/// reads one (`letter_spaced::spaced_runs`).
fn letters(chars: &[char], start: usize, end: usize) -> bool {
    end > start && chars[start..end].iter().all(|&c| is_letter(c))
}

/// Whether two pieces side by side part a letter-spaced run: both `SPACED_LONG_PIECE`
/// letters or more, words as written.
fn both_long(first: (usize, usize), second: (usize, usize)) -> bool {
    first.1 - first.0 >= SPACED_LONG_PIECE && second.1 - second.0 >= SPACED_LONG_PIECE
}

/// `start`, a word's start, moved back to the start of the letter-spaced run its word
/// stands in: the words stage reads a run's pieces all together (how many are single
/// letters), and one that ran on through a long piece to a letter before the stretch (`c
/// mmmmmmi t the Th i`) read otherwise there than in the whole (a fuzz find).
fn run_start(chars: &[char], mut start: usize) -> usize {
    while start >= 2 && chars[start - 1] == ' ' {
        let (word, before) = (
            (start, word_end(chars, start)),
            (word_start(chars, start - 1), start - 1),
        );
        if !letters(chars, word.0, word.1)
            || !letters(chars, before.0, before.1)
            || both_long(before, word)
        {
            break;
        }
        start = before.0;
    }
    start
}

/// `end`, a word's end, moved on to the end of the letter-spaced run its word stands in.
fn run_end(chars: &[char], mut end: usize) -> usize {
    while end >= 1 && chars.get(end) == Some(&' ') {
        let (word, after) = (
            (word_start(chars, end), end),
            (end + 1, word_end(chars, end + 1)),
        );
        if !letters(chars, word.0, word.1)
            || !letters(chars, after.0, after.1)
            || both_long(word, after)
        {
            break;
        }
        end = after.1;
    }
    end
}

/// The words near `place`: `NEAR_SPLIT` characters either side, widened to whole words, and
/// at least `WORDS_NEAR_SPLIT` words either side.
fn near(chars: &[char], place: usize) -> (usize, usize) {
    let place = place.min(chars.len());
    let start = word_start(chars, place.saturating_sub(NEAR_SPLIT)).min(words_before(
        chars,
        place,
        WORDS_NEAR_SPLIT,
    ));
    let end = word_end(chars, (place + NEAR_SPLIT).min(chars.len())).max(words_after(
        chars,
        place,
        WORDS_NEAR_SPLIT,
    ));
    (start, end)
}

/// The stretch read again around `place`: the words near it, and the ends of letter-spaced
/// text and of a letter-spaced run it starts or ends in.
fn stretch(chars: &[char], place: usize) -> (usize, usize) {
    let (start, end) = near(chars, place);
    let (start, end) = (before_letters(chars, start), after_letters(chars, end));
    // the run the first word stands in, and the last's, where it holds a single letter
    let first = (
        run_start(chars, start),
        run_end(chars, word_end(chars, start)),
    );
    let last = (
        run_start(chars, word_start(chars, end)),
        run_end(chars, end),
    );
    let start = if holds_letter(chars, first) {
        first.0
    } else {
        start
    };
    let end = if holds_letter(chars, last) {
        last.1
    } else {
        end
    };
    (start, end)
}

/// Whether the words of `start..end` hold a single letter: a run without one is no
/// letter-spaced run the words stage reads (`letter_spaced::spaced_runs`).
fn holds_letter(chars: &[char], (start, end): (usize, usize)) -> bool {
    chars[start..end]
        .split(|&c| c == ' ')
        .any(|word| word.len() == 1 && is_letter(word[0]))
}

/// The stretches around `places` (each just after a split's space, in order), merged where
/// they touch or only white space stands between them: read apart, two stretches a space
/// apart cut the text between two of its words (a letter-spaced run, `b i ef | l e s e n t`,
/// that a second cleaning read whole and closed: a fuzz find).
pub fn stretches(chars: &[char], places: &[usize]) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for &place in places {
        let (start, end) = stretch(chars, place);
        match merged.last_mut() {
            Some(last) if start <= last.1 || chars[last.1..start].iter().all(|&c| is_space(c)) => {
                last.1 = last.1.max(end);
            }
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The stretches the words stage reads again: around the places that part a scrap.
pub fn scrap_stretches(
    text: &str,
    places: &[usize],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Vec<(usize, usize)> {
    let chars: Vec<char> = chars_of(text);
    stretches(&chars, &scrap_places_in(&chars, places, lists, lexicon))
}

/// What stands between two stretches read as one text (`pipeline.cleaning` reads them so
/// too): a blank line, so that each is a paragraph of its own.
pub const STRETCHES_APART: &str = "\n\n";

/// The text the words stage reads again around `places` (`scrap_stretches`), as
/// `pipeline.cleaning` hands it to the stage: the stretches one after another,
/// `STRETCHES_APART` between them, the code in them blank as `pipeline.code_spans.blanked`
/// leaves it (each character a space but a line break; `code`: sorted spans of `text`,
/// code points, none overlapping).  None where no split parts a scrap.
pub fn near_text(
    text: &str,
    places: &[usize],
    code: &[(usize, usize)],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Option<String> {
    let chars: Vec<char> = chars_of(text);
    let found = stretches(&chars, &scrap_places_in(&chars, places, lists, lexicon));
    if found.is_empty() {
        return None;
    }
    let in_code = |at: usize| {
        let k = code.partition_point(|&(_, end)| end <= at);
        code.get(k).is_some_and(|&(start, _)| start <= at)
    };
    let mut read = String::with_capacity(found.iter().map(|(s, e)| e - s + 2).sum());
    for (k, &(start, end)) in found.iter().enumerate() {
        if k > 0 {
            read.push_str(STRETCHES_APART);
        }
        for (at, &ch) in chars.iter().enumerate().take(end).skip(start) {
            read.push(if ch != '\n' && in_code(at) { ' ' } else { ch });
        }
    }
    Some(read)
}

#[cfg(test)]
mod tests;
