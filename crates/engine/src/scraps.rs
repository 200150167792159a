//! Which of the joins stage's splits left a scrap of a broken word beside them: there the
//! words stage reads the text again (`pipeline.cleaning._unsettled`), since a split can make
//! a broken word's first or last piece (`peopleCurre nt` -> `people Curre nt`), or part off
//! the word a broken word's pieces are read with (`injoins a s,` -> `in joins a s,`, whose
//! `a s` reads as `as` after `joins`: a fuzz find).  Asking the words stage again around
//! every split cost a tenth of the stages' time on damaged news; asking this in Python,
//! split by split, a twentieth.

use crate::broken_words::ligature_makes_word;
use crate::lexicon::Lexicon;
use crate::pystr::{chars_of, is_digit, is_letter, is_lower, is_upper, lower};
use crate::thresholds::{
    BEYOND_SCRAP_ZIPF, FAR_SCRAP_LETTERS, FAR_SCRAP_ZIPF, KNOWN_WORD_ZIPF, LIGATURE_LEAST_ZIPF,
    MARKS_BESIDE_SCRAP, SPLIT_SCRAP_LETTERS,
};
use crate::words::WordLists;

/// `[^\s\p{L}\d]` of the `regex` package, whose `\s` is Unicode's white space (no
/// information separators, which `str.isspace` holds).
fn is_mark(ch: char) -> bool {
    !ch.is_whitespace() && !is_letter(ch) && !is_digit(ch)
}

/// The words a split stands between, read outward: the letters of the word beside it, and of
/// the two words one and two spaces farther, where they stand (a word there starts, or ends,
/// with a letter).  Each is borrowed from the text: a split is read without a copy.
#[derive(Debug, Default, PartialEq)]
struct Edges<'t> {
    beside: &'t [char],
    next: Option<&'t [char]>,
    farther: Option<&'t [char]>,
}

/// The edges read forward from `at` (the split's end) or backward from `at` (the space
/// the split put in stands just before it).
fn edges(chars: &[char], at: usize, forward: bool) -> Edges<'_> {
    // A step outward from `i` (a position between characters): the character crossed.
    let step = |i: usize| -> Option<(char, usize)> {
        if forward {
            chars.get(i).map(|&ch| (ch, i + 1))
        } else {
            i.checked_sub(1).map(|j| (chars[j], j))
        }
    };
    // The letters outward from `i`, in the text's order, and where they end.
    let letters = |from: usize| -> (&[char], usize) {
        let mut i = from;
        while let Some((ch, next)) = step(i) {
            if !is_letter(ch) {
                break;
            }
            i = next;
        }
        (&chars[from.min(i)..from.max(i)], i)
    };
    // The word one space beyond `i`: its edge, and where it ends, if a letter starts it.
    let word_after_space = |i: usize| -> Option<(&[char], usize)> {
        let (ch, next) = step(i)?;
        if ch != ' ' {
            return None;
        }
        let (taken, end) = letters(next);
        (!taken.is_empty()).then_some((taken, end))
    };
    let mut i = at.min(chars.len());
    for _ in 0..MARKS_BESIDE_SCRAP {
        match step(i) {
            Some((ch, next)) if is_mark(ch) => i = next,
            _ => break,
        }
    }
    let (beside, end) = letters(i);
    let Some((next, end)) = word_after_space(end) else {
        return Edges {
            beside,
            ..Edges::default()
        };
    };
    let farther = word_after_space(end).map(|(taken, _)| taken);
    Edges {
        beside,
        next: Some(next),
        farther,
    }
}

/// Whether a piece is a scrap: a letter or a few, and no function word (`the` of
/// `strengtheningthe` is none).
fn scrap(piece: &[char], lists: &WordLists, asked: &mut Asked) -> bool {
    !piece.is_empty()
        && piece.len() <= SPLIT_SCRAP_LETTERS
        && !lists.function_words.contains(asked.lower(piece))
}

/// A longer piece of a broken word, beside a split or a word or two away: four or five
/// lower-case letters rarer than a word (`ians` of `civil ians` once `Fifteencivil` is
/// split, `signi` of `signi cant` once `ccd55signi` is: fuzz finds).
fn longer_scrap(piece: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    piece.len() <= FAR_SCRAP_LETTERS && no_word(piece, lexicon, asked)
}

/// A lower-case piece of four letters or more that is rarer than a word: beside a split,
/// however long, the words stage may repair it (`nearborder` once `nearborderregions` is
/// split, whose hyphen the batch writes: a fuzz find).
fn no_word(piece: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    piece.len() > SPLIT_SCRAP_LETTERS
        && is_lower(piece)
        && lexicon.zipf(asked.text(piece)) < FAR_SCRAP_ZIPF
}

/// A scrap a word away from a split: what a stray space leaves of a word (`nt`, `ing`), or
/// a lone letter of letter-spaced text (`injureda n i` -> `injured a n i`), in lower case
/// and rarer than a short word (`two`, `car`, `off`) or an abbreviation (`US`, `Mr`)
/// standing there.  A clitic's letters (`ll`, `re`, `ve`) are common only as the word list
/// counts `I'll` and `we've`: alone they are a scrap (`ll in` is `fill in` once `inEast` is
/// split: a fuzz find).
fn lower_scrap(piece: &[char], lists: &WordLists, lexicon: &Lexicon, asked: &mut Asked) -> bool {
    if longer_scrap(piece, lexicon, asked) {
        return true;
    }
    if !(is_lower(piece) && scrap(piece, lists, asked)) {
        return false;
    }
    match piece {
        [one] => !matches!(one, 'a' | 'i'),
        ['l', 'l'] | ['r', 'e'] | ['v', 'e'] => true,
        _ => lexicon.zipf(asked.text(piece)) < BEYOND_SCRAP_ZIPF,
    }
}

/// Whether the two words beyond the one beside a split are both lower-case scraps (`ma id`
/// before `a|transition`: a word a stray space broke, which the words stage reads with the
/// word after it, and that word changed: a fuzz find).  Each alone may be a word (`id`,
/// `ma`); two in a row are rarely meant.
fn scraps_in_a_row(edges: &Edges, lists: &WordLists, asked: &mut Asked) -> bool {
    let mut lower_scrap = |piece: Option<&[char]>| {
        piece.is_some_and(|piece| is_lower(piece) && scrap(piece, lists, asked))
    };
    lower_scrap(edges.next) && lower_scrap(edges.farther)
}

/// The buffers a split's neighbours are written into to be looked up: a split is read
/// without an allocation once they have grown.  (Keeping the answers too cost more than it
/// saved: a pair of neighbours recurs under one time in twenty on damaged news, and a word's
/// answer is one or two lookups of a hash.)
#[derive(Default)]
struct Asked {
    key: String,
    word: String,
}

impl Asked {
    /// `piece` as a string, in the word buffer.
    fn text(&mut self, piece: &[char]) -> &str {
        self.word.clear();
        self.word.extend(piece);
        &self.word
    }

    /// `piece` lower-cased (`pystr::lower`), in the word buffer.
    fn lower(&mut self, piece: &[char]) -> &str {
        self.word.clear();
        push_lower(&mut self.word, piece);
        &self.word
    }
}

/// `pystr::lower` of `piece`, pushed onto `out`: an ASCII piece letter by letter.
fn push_lower(out: &mut String, piece: &[char]) {
    if piece.iter().all(char::is_ascii) {
        out.reserve(piece.len());
        for &ch in piece {
            out.push(ch.to_ascii_lowercase());
        }
    } else {
        out.push_str(&lower(piece));
    }
}

/// Whether two words read as one known word once closed up (zipf `KNOWN_WORD_ZIPF`), or with
/// a lost ligature between them as one the words stage restores (`LIGATURE_LEAST_ZIPF`)
/// (`discus sing`, `signi cant`, `o er`).
fn close_up_known(first: &[char], second: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    if first.is_empty() || second.is_empty() {
        return false;
    }
    let joined = &mut asked.key;
    joined.clear();
    push_lower(joined, first);
    let cut = joined.len();
    push_lower(joined, second);
    lexicon.zipf(joined) >= KNOWN_WORD_ZIPF
        || ligature_makes_word(lexicon, &joined[..cut], &joined[cut..], LIGATURE_LEAST_ZIPF)
}

/// Whether the word beside a split and the next one out, or that one and the one beyond it,
/// read as one known word once closed up (`close_up_known`; `discus sing` once `singthe` is
/// split: `discussing`, a fuzz find): the words stage reads such pieces with the words about
/// them, and the split changed one.  `forward`: the edges read after the split.
fn closes_up(edges: &Edges, lexicon: &Lexicon, forward: bool, asked: &mut Asked) -> bool {
    let mut known = |near: &[char], far: &[char]| {
        let (first, second) = if forward { (near, far) } else { (far, near) };
        close_up_known(first, second, lexicon, asked)
    };
    let Some(next) = edges.next else {
        return false;
    };
    known(edges.beside, next) || edges.farther.is_some_and(|far| known(next, far))
}

/// Whether a lower-case or capitalised word beside a split, or the next one out, is the end
/// or start of a word the words stage restores (`LIGATURE_LEAST_ZIPF`) once a lost ligature
/// is put back, however common it is (`nite` once `isnite` is split: `finite`; `a at` once
/// `atmeeting` is: `a flat`; `icking` once `thepress icking` is `the press icking`:
/// `flicking`; `Stu` two words after `atVfBe AArodls`: `Stuff`; fuzz finds): the words stage
/// restores such a ligature where the words beside it agree, and the split changed one, or
/// the word beside it.
fn lost_ligature_at_edge(piece: &[char], lexicon: &Lexicon, asked: &mut Asked) -> bool {
    // capitalised too: the words stage restores `Stu` as `Stuff` (a fuzz find)
    let capitalised = piece.len() > 1 && is_upper(&piece[..1]) && is_lower(&piece[1..]);
    if piece.is_empty() || !(is_lower(piece) || capitalised) {
        return false;
    }
    let word = asked.lower(piece);
    ligature_makes_word(lexicon, "", word, LIGATURE_LEAST_ZIPF)
        || ligature_makes_word(lexicon, word, "", LIGATURE_LEAST_ZIPF)
}

/// Whether the split whose space stands just before `at` (code points) left a scrap beside
/// it, on either side, or parted off a word that stands one or two spaces from a scrap.
fn parts_a_scrap(
    chars: &[char],
    at: usize,
    lists: &WordLists,
    lexicon: &Lexicon,
    asked: &mut Asked,
) -> bool {
    let after = edges(chars, at, true);
    let before = edges(chars, at.saturating_sub(1), false);
    let lower_scrap = |piece: Option<&[char]>, asked: &mut Asked| {
        piece.is_some_and(|piece| lower_scrap(piece, lists, lexicon, asked))
    };
    scrap(after.beside, lists, asked)
        || scrap(before.beside, lists, asked)
        || no_word(after.beside, lexicon, asked)
        || no_word(before.beside, lexicon, asked)
        || lower_scrap(after.next, asked)
        || lower_scrap(after.farther, asked)
        || lower_scrap(before.farther, asked)
        || lower_scrap(before.next, asked)
        || scraps_in_a_row(&after, lists, asked)
        || scraps_in_a_row(&before, lists, asked)
        || closes_up(&after, lexicon, true, asked)
        || closes_up(&before, lexicon, false, asked)
        || [&after, &before].into_iter().any(|edges| {
            lost_ligature_at_edge(edges.beside, lexicon, asked)
                || lost_ligature_at_edge(edges.next.unwrap_or(&[]), lexicon, asked)
        })
}

/// The places (code points, each just after a split's space) that part a scrap.
pub fn scrap_places(
    text: &str,
    places: &[usize],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let chars: Vec<char> = chars_of(text);
    scrap_places_in(&chars, places, lists, lexicon)
}

/// `scrap_places` of a text's characters.
pub(crate) fn scrap_places_in(
    chars: &[char],
    places: &[usize],
    lists: &WordLists,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let mut asked = Asked::default();
    places
        .iter()
        .copied()
        .filter(|&at| parts_a_scrap(chars, at, lists, lexicon, &mut asked))
        .collect()
}

#[cfg(test)]
mod tests;
