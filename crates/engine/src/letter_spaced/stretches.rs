//! The stretches of single letters of a letter-spaced run that reads as no whole (a scrap
//! the lexicon lacks, `Apperidix`; words as written about `t o`): each read alone, from its
//! start as far as it reads, or with the scrap or the piece beside it whose word it spells.

use super::{alphabetical, plain_word, read_run};
use crate::broken_words::{ligature_gap, Restored};
use crate::lexicon::Lexicon;
use crate::pystr::lower_each;
use crate::thresholds::{
    SPACED_COMMON_ZIPF, SPACED_LEAST_LETTERS, SPACED_READ_LETTERS, SPACED_RUN_LETTERS,
    SPACED_WORD_ZIPF,
};

/// The readings of the stretches of single letters among `pieces`, a run of letter pieces
/// one space apart, but those inside a word broken into fragments (`words`: the pieces
/// `from..to` of each), read whole (`Art i f ic ia l` is no `Art if ic ia l`).
pub(super) fn readings(
    text: &[char],
    lexicon: &Lexicon,
    pieces: &[(usize, usize)],
    words: &[(usize, usize, Restored)],
) -> Vec<Restored> {
    let in_word =
        |first: usize, last: usize| words.iter().any(|&(from, to, _)| from < last && first < to);
    let mut found = Vec::new();
    let mut first = 0;
    for stretch in pieces.chunk_by(|a, b| (a.1 - a.0 == 1) == (b.1 - b.0 == 1)) {
        let last = first + stretch.len();
        if in_word(first, last) {
            first = last;
            continue;
        }
        // between words as written, not beside a scrap of one (`s o cial`, `a s tream`)
        let word = |piece: Option<&(usize, usize)>| {
            piece.is_none_or(|&(s, e)| lexicon.zipf(&lower_each(&text[s..e])) >= SPACED_WORD_ZIPF)
        };
        let (before, after) = (
            word(first.checked_sub(1).map(|i| &pieces[i])),
            word(pieces.get(last)),
        );
        if stretch[0].1 - stretch[0].0 == 1 {
            if before && after {
                let read = longest_readings(text, lexicon, stretch);
                if read.is_empty() && pieces_of_a_word(text, stretch) {
                    // the letters read as no word alone: pieces of the word a piece
                    // beside them ends or starts (`abi l i ty`, `le f t`)
                    found.extend(word_around(text, lexicon, pieces, first, last));
                }
                found.extend(read);
            } else if pieces_of_a_word(text, stretch) {
                // beside a scrap, the letters are pieces of its word: `contr o l`,
                // `s e izure`, `ministr y d eclares`
                let from = if before { first } else { first - 1 };
                let to = if after { last } else { last + 1 };
                let word_pieces = &pieces[from..to];
                if !lost_glyph_between(text, lexicon, word_pieces) {
                    // where the scrap and the letters read as nothing and the letters
                    // are too many to be a word's pieces, the scrap is garbage beside
                    // letter-spaced words (`WqNT i s a p r e d i c t`; not `minib u s`)
                    let read = read_run(text, lexicon, word_pieces);
                    let spaced_words = stretch.len() >= SPACED_RUN_LETTERS;
                    match read {
                        Some(read) => found.push(read),
                        None if spaced_words => {
                            found.extend(longest_readings(text, lexicon, stretch));
                        }
                        None => {}
                    }
                }
            }
        }
        first = last;
    }
    found
}

/// The one word that a stretch of single letters (`pieces[first..last]`) makes with the
/// piece before it, the piece after it, or both (`abi l i ty`: `ability`; `le f t`:
/// `left`), where those pieces read as words of their own and the letters as none.  Only a
/// common word (`SPACED_COMMON_ZIPF`) whose every piece is closed up is read, the widest
/// such: a rarer one is as likely a scrap beside a symbol.
fn word_around(
    text: &[char],
    lexicon: &Lexicon,
    pieces: &[(usize, usize)],
    first: usize,
    last: usize,
) -> Option<Restored> {
    let froms = [first.checked_sub(1), Some(first)];
    let tos = [(last < pieces.len()).then_some(last + 1), Some(last)];
    froms
        .into_iter()
        .flatten()
        .flat_map(|from| tos.into_iter().flatten().map(move |to| (from, to)))
        .filter(|&(from, to)| (from, to) != (first, last))
        .find_map(|(from, to)| {
            let read = read_run(text, lexicon, &pieces[from..to])?;
            let one_word = read.gaps.len() + 1 == to - from;
            let low = read.word.to_lowercase();
            (one_word && lexicon.zipf(&low) >= SPACED_COMMON_ZIPF).then_some(read)
        })
}

/// Whether a stretch of single letters beside a scrap holds two letters or more that are
/// no words of their own: one (`Gri n`, `a nal`) is as likely the gap of a lost ligature
/// (`Griffin`, `a final`), and `broken_words` weighs the two.
fn pieces_of_a_word(text: &[char], stretch: &[(usize, usize)]) -> bool {
    let letters = stretch
        .iter()
        .filter(|&&(s, _)| !matches!(text[s], 'a' | 'A' | 'I'));
    letters.count() >= 2
}

/// Whether a ligature in a gap between two of the pieces makes a common word (`s o cial`:
/// `o cial` may be `official`): then `broken_words` weighs the two readings.
pub(super) fn lost_glyph_between(
    text: &[char],
    lexicon: &Lexicon,
    pieces: &[(usize, usize)],
) -> bool {
    let low = |&(s, e): &(usize, usize)| -> String { lower_each(&text[s..e]) };
    pieces
        .windows(2)
        .any(|pair| ligature_gap(lexicon, &low(&pair[0]), &low(&pair[1])))
}

/// The readings of a stretch of single letters that reads as no whole: the longest part
/// from its start that does, then the same from where that part ends (`d e t e r m i n
/// e w h e t h e r a t r a`).  A letter that starts no reading is passed over.
fn longest_readings(text: &[char], lexicon: &Lexicon, stretch: &[(usize, usize)]) -> Vec<Restored> {
    // a part of three letters or more reads only with a word of three or more in it
    // (`read_run`): a part in which none ends is not segmented (a stretch of two letters
    // holds no such part: most between words are, and are not walked)
    let ends = (stretch.len() >= SPACED_LEAST_LETTERS)
        .then(|| word_ends(text, lexicon, stretch))
        .flatten();
    let may_read = |from: usize, to: usize| {
        to - from < SPACED_LEAST_LETTERS || ends.as_ref().is_none_or(|ends| ends[from] <= to)
    };
    readings_where(text, lexicon, stretch, may_read)
}

/// `longest_readings`, the parts `from..to` that `may_read` says cannot read left unread.
fn readings_where(
    text: &[char],
    lexicon: &Lexicon,
    stretch: &[(usize, usize)],
    may_read: impl Fn(usize, usize) -> bool,
) -> Vec<Restored> {
    let mut found = Vec::new();
    let mut from = 0;
    while from + 2 <= stretch.len() {
        // a part of `SPACED_READ_LETTERS` letters at most: each part tried is segmented
        // whole, so an unbounded one made a page of spaced letters cubic (minutes)
        let widest = stretch.len().min(from + SPACED_READ_LETTERS);
        let read = (from + 2..=widest)
            .rev()
            .filter(|&to| may_read(from, to))
            .find_map(|to| read_run(text, lexicon, &stretch[from..to]).map(|read| (to, read)));
        match read {
            Some((to, read)) => {
                found.push(read);
                from = to;
            }
            None => from += 1,
        }
    }
    found
}

/// For each letter of a stretch of single letters (and just past its end), the least end
/// of a word of `SPACED_LEAST_LETTERS` letters or more that starts there or later: a word
/// `read_run` may close up, spelled out (`plain_word`) and no run of the alphabet
/// (`usize::MAX` where none does).  A part with no word of three letters or more in it
/// reads as nothing (but a pair), and segmenting each part whole, 63 from each letter, made
/// spaced letters that read as no words (`a b c d e f g h`) take 0.3 ms a letter.  None
/// where a letter lower-cases to more than one: there every part is read.
fn word_ends(text: &[char], lexicon: &Lexicon, stretch: &[(usize, usize)]) -> Option<Vec<usize>> {
    let low = stretch
        .iter()
        .map(|&(start, _)| {
            let mut lowered = text[start].to_lowercase();
            match (lowered.next(), lowered.next()) {
                (Some(low), None) => Some(low),
                _ => None,
            }
        })
        .collect::<Option<Vec<char>>>()?;
    let mut ends = vec![usize::MAX; low.len() + 1];
    for from in (0..low.len()).rev() {
        let widest = low.len().min(from + SPACED_READ_LETTERS);
        let tail: String = low[from..widest].iter().collect();
        // every word the letters from here start, in one walk of the word list
        let known = lexicon.prefix_frequencies(&tail);
        let first = (from + SPACED_LEAST_LETTERS..=widest).find(|&end| {
            let letters = &low[from..end];
            known.get(end - from).copied().flatten().is_some()
                && !alphabetical(letters)
                && plain_word(lexicon, &letters.iter().collect::<String>(), true)
        });
        ends[from] = first.map_or(ends[from + 1], |end| end.min(ends[from + 1]));
    }
    Some(ends)
}

#[cfg(test)]
mod tests;
