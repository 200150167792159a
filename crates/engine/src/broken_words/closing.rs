//! Stray spaces taken out: pieces of a word closed up.

use super::index::stray_least;
use super::scan::{opens, Scan};
use super::{confidence, ligature_gap, Found, GapKind, Restored, LIGATURES};
use crate::lexicon::zipf_of;
use crate::pystr::is_lower_letter;
use crate::thresholds::{
    BATCH_WHOLE_COUNT, BATCH_WHOLE_MARGIN, LIGATURE_CLITIC_ALONE, LIGATURE_STRAY_PRIOR,
    STRAY_COMMON_WORD_ZIPF, STRAY_LETTER_WORD_GAP, STRAY_NAME_MARGIN, STRAY_NAME_PIECE_ZIPF,
    STRAY_WORDS_PRIOR, STRAY_WORDS_ZIPF,
};

impl Scan<'_> {
    /// Runs `first..=last` read as one word whose spaces are stray, if the lexicon prefers
    /// it, with the words beside them, to the pieces by more than the prior against it.
    pub(super) fn closed(&self, first: usize, last: usize) -> Option<Found> {
        let pieces: Vec<&str> = (first..=last).map(|i| self.runs[i].low).collect();
        let word = pieces.concat();
        if self.word_and_letter(first, last, &word) {
            return None;
        }
        // pieces that are all common words are far more often meant apart (`air ports`)
        let words = pieces
            .iter()
            .all(|p| self.lexicon.zipf(p) >= STRAY_WORDS_ZIPF);
        // a word's last letter cut off (`peopl e`, `essential s`) is no word of its own
        let tail =
            last > first && self.lone_piece(last) && self.runs[last - 1].low.chars().count() >= 3;
        let (words, lone) = if tail {
            (false, LIGATURE_CLITIC_ALONE)
        } else {
            (words, 0.0)
        };
        let closed = self.score(first, last, &[&word])
            - LIGATURE_STRAY_PRIOR
            - if words { STRAY_WORDS_PRIOR } else { 0.0 };
        let as_found = self.score(first, last, &pieces) + lone;
        if closed - as_found <= 0.0 {
            return None; // the common case; the ligature readings below only lower it
        }
        let margin = closed
            - as_found
                .max(self.ligature_inside(first, last))
                .max(self.ligature_at_edges(first, last, &pieces));
        if margin <= 0.0 {
            return None;
        }
        let gapped = self.text(self.runs[first].start, self.runs[last].end);
        let word = gapped.replace(' ', "");
        Some(self.stray(first, last, gapped, word, margin))
    }

    /// Whether runs `first..=last` are a very common word and a lone letter beside it (zipf
    /// `STRAY_COMMON_WORD_ZIPF`) that close up into a word far rarer than that word
    /// (`STRAY_LETTER_WORD_GAP`): a docstring's `for k in E`, `x and y` are a word and a
    /// variable, not `fork` and `andy`; `the n` is `then`, about as common as `the`.
    fn word_and_letter(&self, first: usize, last: usize, word: &str) -> bool {
        if last != first + 1 {
            return false;
        }
        let common = if self.lone_piece(last) {
            self.runs[first].low
        } else if self.lone_piece(first) {
            self.runs[last].low
        } else {
            return false;
        };
        let zipf = self.lexicon.zipf(common);
        zipf >= STRAY_COMMON_WORD_ZIPF && self.lexicon.zipf(word) < zipf - STRAY_LETTER_WORD_GAP
    }

    /// Runs `first..=last` closed up as a word the word list lacks but the batch writes whole
    /// (`Madur o`, `H akeem`, `Omd urm an`: `Maduro`, `Hakeem`, `Omdurman`) at least
    /// `BATCH_WHOLE_COUNT` times, and more often than spaced; only where a piece is no word
    /// of its own: rarer than zipf `STRAY_WORDS_ZIPF` (`Madur`), or a lone letter other
    /// than `a` and `I` (`Tulkar m`); `out break` and `De Wever` may be two words.  Asked
    /// only in a document that shows stray spaces plainly (`strays_shown`): elsewhere the
    /// pieces are as written.
    pub(super) fn closed_as_written(&self, first: usize, last: usize) -> Option<Found> {
        let batch = self.batch.as_ref()?;
        if !(first..=last).any(|k| self.no_word(k)) {
            return None;
        }
        let gapped = self.text(self.runs[first].start, self.runs[last].end);
        let word = gapped.replace(' ', "");
        let mut reader = batch.borrow_mut();
        let whole = reader.word_count(&word);
        if whole < BATCH_WHOLE_COUNT || (last == first + 1 && reader.pair_count(&word) >= whole) {
            return None;
        }
        drop(reader);
        Some(self.stray(first, last, gapped, word, BATCH_WHOLE_MARGIN))
    }

    /// Runs `first` and `first + 1` closed up as a name split after its capital (`B onta`,
    /// `K isumu`, `R adom`): a lone capital (not `A` or `I`, words of their own) before a
    /// rare lower-case piece of three letters or more, which is no two common words glued
    /// (`B virusin`), and no lost ligature's gap between them (`O cials`: `Officials`).
    /// Asked only in a document that shows stray spaces plainly (`strays_shown`): in one
    /// that lost its line breaks, `X forconsecrating` is a letter and a glue.
    pub(super) fn closed_name(&self, first: usize) -> Option<Found> {
        let (capital, rest) = (
            self.word(&self.runs[first]),
            self.word(&self.runs[first + 1]),
        );
        let lone_capital =
            capital.len() == 1 && capital[0].is_uppercase() && !matches!(capital[0], 'A' | 'I');
        let before = self.runs[first]
            .start
            .checked_sub(1)
            .map(|i| &self.chars[i]);
        let opens = opens(before) && before != Some(&'-'); // `-U pydantic`: an option
        if !lone_capital || !opens || rest.len() < 3 || !rest.iter().all(|&c| is_lower_letter(c)) {
            return None;
        }
        let (capital_low, rest_low) = (&self.runs[first].low, &self.runs[first + 1].low);
        if self.lexicon.zipf(rest_low) >= STRAY_NAME_PIECE_ZIPF
            || self.two_words(rest_low)
            || ligature_gap(self.lexicon, capital_low, rest_low)
        {
            return None;
        }
        let gapped = self.text(self.runs[first].start, self.runs[first + 1].end);
        let word = gapped.replace(' ', "");
        Some(self.stray(first, first + 1, gapped, word, STRAY_NAME_MARGIN))
    }

    /// Whether a lower-case piece is two common words glued (`virusin`): a word of three
    /// letters or more, then one of two or more.
    fn two_words(&self, low: &str) -> bool {
        let chars: Vec<char> = low.chars().collect();
        (3..chars.len().saturating_sub(1)).any(|cut| {
            let (head, tail): (String, String) =
                (chars[..cut].iter().collect(), chars[cut..].iter().collect());
            self.lexicon.zipf(&head) >= STRAY_WORDS_ZIPF
                && self.lexicon.zipf(&tail) >= STRAY_WORDS_ZIPF
        })
    }

    /// The reading of runs `first..=last` as `word`, the spaces between them taken out.
    fn stray(&self, first: usize, last: usize, gapped: String, word: String, margin: f64) -> Found {
        Found {
            restored: Restored {
                at: self.runs[first].end,
                kind: GapKind::Stray,
                ligature: String::new(),
                word,
                gapped,
                margin,
                confidence: confidence(margin),
                gaps: (first..last).map(|k| self.runs[k].end).collect(),
            },
            runs: (first, last),
        }
    }

    /// Whether run `last` goes on the pieces `first..last` of one word (given that they
    /// read as one): one space after the run before it, lower-case (or all upper-case, as
    /// the pieces before).
    pub(super) fn continues_word(&self, first: usize, last: usize) -> bool {
        let (run, before) = (&self.runs[last], &self.runs[last - 1]);
        if before.end + 1 != run.start || self.chars[before.end] != ' ' {
            return false;
        }
        if run.lower {
            return self.runs[first].tail_lower;
        }
        run.upper && self.runs[first..last].iter().all(|piece| piece.upper)
    }

    /// The closings of a word split apart whose first piece a lost line break glued to the
    /// word before (`suspectedmil it ants`): run `i`, a lower-case run the lexicon lacks
    /// (the caller knows: it has read run `i`'s frequency),
    /// read as a common word and the first piece, closed up with the runs after it up to
    /// `longest`.  Only the stray spaces are taken out; the joins stage, after this one,
    /// parts the glue (`suspected militants`).
    pub(super) fn glued_closings(&self, i: usize, longest: usize) -> Vec<Found> {
        let run = &self.runs[i];
        let letters = run.low.chars().count();
        if letters < 6 || !run.lower {
            return Vec::new();
        }
        let least = stray_least();
        let mut found = Vec::new();
        // every head's frequency in one walk of the word list (`Lexicon::zipf` of each)
        let heads = self.lexicon.prefix_frequencies(run.low);
        let cuts = run.low.char_indices().enumerate().take(letters - 1).skip(3);
        for (cut, (byte, _)) in cuts {
            if zipf_of(heads.get(cut).copied().flatten()) < STRAY_WORDS_ZIPF {
                continue;
            }
            // the tail closed up with the runs after it, walked on piece by piece from
            // where the tail leaves the word list (no string built for each closing)
            let mut at = self.lexicon.word_at(&run.low[byte..]);
            for last in i + 1..=longest {
                at = at.and_then(|at| self.lexicon.word_at_after(at, self.runs[last].low));
                let known = at.and_then(|at| self.lexicon.frequency_at(at));
                if known.is_some_and(|f| f >= least) && self.closes_word(i, last) {
                    found.extend(self.closed_after(i, last, cut));
                }
            }
        }
        found
    }

    /// Runs `first..=last` read as the word that run `first`'s first `cut` letters make and
    /// one word closed up from the rest, if the lexicon prefers it, with the words beside
    /// them, to the pieces (each read as written, or with the glue parted) by more than the
    /// prior against a stray space.
    pub(super) fn closed_after(&self, first: usize, last: usize, cut: usize) -> Option<Found> {
        let pieces: Vec<&str> = (first..=last).map(|k| self.runs[k].low).collect();
        let low: Vec<char> = pieces[0].chars().collect();
        let head: String = low[..cut].iter().collect();
        let tail: String = low[cut..].iter().collect();
        let closed = format!("{tail}{}", pieces[1..].concat());
        let mut parted = vec![head.as_str(), tail.as_str()];
        parted.extend(&pieces[1..]);
        let as_found = self
            .score(first, last, &pieces)
            .max(self.score(first, last, &parted));
        // the rest all common words: far more often meant apart (`telecomcyber security`)
        let words = parted[1..]
            .iter()
            .all(|p| self.lexicon.zipf(p) >= STRAY_WORDS_ZIPF);
        let margin = self.score(first, last, &[&head, &closed])
            - as_found
            - LIGATURE_STRAY_PRIOR
            - if words { STRAY_WORDS_PRIOR } else { 0.0 };
        if margin <= 0.0 {
            return None;
        }
        let (start, end) = (self.runs[first].start, self.runs[last].end);
        let gapped = self.text(start, end);
        let whole = gapped.replace(' ', "");
        let split = whole
            .char_indices()
            .nth(cut)
            .map_or(whole.len(), |(at, _)| at);
        let word = format!("{} {}", &whole[..split], &whole[split..]);
        Some(self.stray(first, last, gapped, word, margin))
    }

    /// Whether a word closed up from runs `first..=last` ends there: before a closing mark
    /// or space, or before a hyphen where a piece is rarer than zipf `STRAY_WORDS_ZIPF`
    /// (`pres ident-elect`, `governm ent-imposed`; not a lone letter, as `Scan::no_word`
    /// counts one: `Ah med a l-Sharaa` would close to `medal-Sharaa`, tried: held-out split
    /// recall +0.0009 at precision -0.0002) or the first is a ligature the extractor kept apart (`fi rst-round`).
    /// Where every piece is a word, the last may be a prefix (`a re-sentencing`, `the
    /// co-author`).
    pub(super) fn closes_word(&self, first: usize, last: usize) -> bool {
        let run = &self.runs[last];
        self.ends(last)
            || (self.before_compound(run)
                && (LIGATURES.contains(&self.runs[first].low)
                    || (first..=last)
                        .any(|k| self.lexicon.zipf(self.runs[k].low) < STRAY_WORDS_ZIPF)))
    }
}
