//! Words that PDF extraction broke: lost ligatures and stray spaces.
//!
//! Typeset text sets fi, fl, ff, ffi and ffl as one glyph, and an extractor that cannot
//! map the glyph leaves a gap where it stood (`signi cant`, `o cials`, `in uence`,
//! `butter y`; `the rst` where the word began with it).  An extractor that places
//! letters one by one leaves stray spaces inside words (`inc luded`, `p resentat ions`).
//! The two compete for the same gaps (`tra cking` is `trafficking` or `tracking`), so
//! they are read together, and a document's plain cases of each say which it suffered.
//!
//! A gap is restored when the word with the ligature put back is a word the lexicon knows
//! well and the gapped text does not read as words: the log10 odds of the restored reading
//! against the gapped one is the restoration's margin.  Offsets are code points.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::letter_spaced::letter_spaced;
use crate::lexicon::{Lexicon, ZIPF_OFFSET};
use crate::pystr::{is_letter, is_lower_letter, is_upper_letter};
use crate::thresholds::{
    DAMAGE_LEAN, DAMAGE_PLAIN_MARGIN, LIGATURES_SHOWN_MARGIN, LIGATURE_ANCHOR,
    LIGATURE_BATCH_COUNT, LIGATURE_BATCH_MARGIN, LIGATURE_CLITIC_ALONE, LIGATURE_LEAST_MARGIN,
    LIGATURE_LEAST_ZIPF, LIGATURE_SLOPE, LIGATURE_STRAY_PRIOR, LIGATURE_UNKNOWN_LOGP,
    LIGATURE_UNKNOWN_PER_LETTER, STRAY_LEAST_ZIPF, STRAY_MOST_PIECES, STRAY_WORDS_PRIOR,
    STRAY_WORDS_ZIPF,
};
use crate::vocabulary::{Reader, Reads, Vocabulary};

/// The ligatures a typeface sets, longest first (a tie in odds keeps the first).
pub const LIGATURES: [&str; 5] = ["ffi", "ffl", "ff", "fi", "fl"];

/// The common words that hold a ligature (zipf `LIGATURE_LEAST_ZIPF`; about 1,700 of the
/// word list's 320,000), by what is left when it is lost: the rest of a word that began
/// with it, the head of one that ended with it, and the head and tail around it.  Looked
/// up by hash, where trying each ligature in the word list cost more than the rest of the
/// cleaning (17 walks of the list per word).
#[derive(Debug, Default)]
pub struct Index {
    starts: FxHashMap<Box<str>, u8>,
    ends: FxHashMap<Box<str>, u8>,
    /// `head\0tail`
    inside: FxHashMap<Box<str>, u8>,
    /// The heads of `inside`, asked first: most pairs of words are no head and tail.
    heads: FxHashSet<Box<str>>,
}

impl Index {
    fn of(lexicon: &Lexicon) -> Index {
        let mut index = Index::default();
        for (word, _) in lexicon.ligature_words.entries_where(|_, _| true) {
            for (bit, ligature) in LIGATURES.iter().enumerate() {
                for (at, _) in word.match_indices(ligature) {
                    let (head, tail) = (&word[..at], &word[at + ligature.len()..]);
                    let (map, key) = match (head.is_empty(), tail.is_empty()) {
                        (true, false) => (&mut index.starts, tail.to_owned()),
                        (false, true) => (&mut index.ends, head.to_owned()),
                        (false, false) => {
                            index.heads.insert(head.into());
                            (&mut index.inside, format!("{head}\0{tail}"))
                        }
                        (true, true) => continue,
                    };
                    *map.entry(key.into_boxed_str()).or_default() |= 1 << bit;
                }
            }
        }
        index
    }

    /// The ligatures that make a common word where `kind` puts them, as a bit mask over
    /// `LIGATURES`.
    fn mask(&self, kind: GapKind, left: &str, right: &str) -> u8 {
        let found = match kind {
            GapKind::WordStart => self.starts.get(left),
            GapKind::WordEnd => self.ends.get(left),
            GapKind::Inside if self.heads.contains(left) => {
                self.inside.get(format!("{left}\0{right}").as_str())
            }
            GapKind::Inside | GapKind::Stray => None,
        };
        found.copied().unwrap_or(0)
    }
}

/// The common words that hold a ligature (zipf `LIGATURE_LEAST_ZIPF`), drawn from the
/// word list's entries when the table is built: the table's fourth map, which the index
/// is made from (walking the whole list for them took 27 ms, a sixth of a pre-commit
/// check's start).
pub fn ligature_words(words: &[(String, f64)]) -> Vec<(String, f64)> {
    let least = 10f64.powf(LIGATURE_LEAST_ZIPF - ZIPF_OFFSET);
    let holds = |word: &str| LIGATURES.iter().any(|ligature| word.contains(ligature));
    words
        .iter()
        .filter(|(word, frequency)| *frequency >= least && holds(word))
        .cloned()
        .collect()
}

/// The least frequency of a word closed up from pieces: zipf `STRAY_LEAST_ZIPF`.
fn stray_least() -> f64 {
    10f64.powf(STRAY_LEAST_ZIPF - ZIPF_OFFSET)
}

/// The lexicon's ligature index, built on first use.
fn index(lexicon: &Lexicon) -> &Index {
    lexicon.ligature_index.get_or_init(|| Index::of(lexicon))
}

/// Where the ligature was lost: inside a word, whose two pieces the gap now parts
/// (`signi cant`), or at a word's start or end, where the extractor left only the space
/// between words (`the rst`, `took o the`) or nothing (`Azerbaijani- agged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapKind {
    /// The gap (one space) stands for the ligature: it is replaced.
    Inside,
    /// The ligature goes before the word.
    WordStart,
    /// The ligature goes after the word.
    WordEnd,
    /// No glyph was lost: the spaces inside a word are stray (`inc luded`, `p resentat
    /// ions`), and are taken out.
    Stray,
}

/// A lost ligature put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// Inside: where the gap is; at a start or end: where the ligature goes (code points).
    pub at: usize,
    pub kind: GapKind,
    /// The letters put back, in the case of the word around them.
    pub ligature: String,
    /// The text as found and as restored: `signi cant` and `significant`, `rst` and
    /// `first`.
    pub gapped: String,
    pub word: String,
    /// log10 odds of the restored reading against the text as found, each read with the
    /// words beside it.
    pub margin: f64,
    /// How sure: the margin read as flattened odds (`thresholds::LIGATURE_SLOPE`).
    pub confidence: f64,
    /// The stray spaces taken out (code points); empty for a ligature.
    pub gaps: Vec<usize>,
}

/// The ends of contractions (`I've`, `we'll`), which the word list counts as words
/// because its tokenizer splits them off: standing alone after a space they are almost
/// never words (`ve men` is `five` without its ligature).
const CLITIC_PIECES: [&str; 2] = ["ve", "ll"];

/// Pieces that stand alone as a word only in some text: `re` is Python's module in
/// technical prose (`the re module`) and `fire` without its ligature in a PDF that lost
/// them (`a re broke out`).  They are read as clitic pieces only where the document shows
/// lost ligatures plainly.
const CLITIC_PIECES_WHERE_SHOWN: [&str; 1] = ["re"];

/// What a clitic piece's odds lose when it stands alone (`LIGATURE_CLITIC_ALONE`);
/// `shown`: the document shows lost ligatures plainly.
fn alone(low: &str, shown: bool) -> f64 {
    if CLITIC_PIECES.contains(&low) || (shown && CLITIC_PIECES_WHERE_SHOWN.contains(&low)) {
        LIGATURE_CLITIC_ALONE
    } else {
        0.0
    }
}

/// A maximal run of letters, its ends in code points, lower-cased.
struct Run {
    start: usize,
    end: usize,
    low: String,
}

/// What may stand before a word: the start, white space or an opening mark.  Not an
/// apostrophe: `we've` is no `ve` that lost its `fi`.
fn opens(ch: Option<&char>) -> bool {
    ch.is_none_or(|&c| c.is_whitespace() || "([{\"\u{201c}\u{ab}-\u{2013}\u{2014}".contains(c))
}

/// What may stand after a word: the end, white space or a closing mark.  Not a hyphen:
/// `re-election` and `co-author` begin with prefixes, not with words cut short.
fn closes(ch: Option<&char>) -> bool {
    ch.is_none_or(|&c| c.is_whitespace() || ".,;:!?)]}\"\u{201d}\u{bb}\u{2013}\u{2014}".contains(c))
}

fn is_upper_word(word: &[char]) -> bool {
    word.iter().all(|&c| is_upper_letter(c))
}

/// The letters of a word may lose a ligature at its start or end: a lower-case word, or
/// at its end a capitalised one (`Sta` for `Staff`).  Not an upper-case word: `AWS`,
/// `CLI` and `X` are acronyms far more often than `FLAWS`, `CLIFF` and `FIX` cut short.
fn may_lose(word: &[char], kind: GapKind) -> bool {
    let rest_lower = word.iter().skip(1).all(|&c| is_lower_letter(c));
    let first_lower = word.first().is_some_and(|&c| is_lower_letter(c));
    rest_lower && (first_lower || (kind == GapKind::WordEnd && word.len() > 1))
}

/// A candidate before the candidates compete for their words.
struct Found {
    restored: Restored,
    /// The runs it rewrites (a gap inside rewrites two).
    runs: (usize, usize),
}

struct Scan<'a> {
    lexicon: &'a Lexicon,
    /// The batch's counts, if it is known, as read so far (`written_whole`).
    batch: Option<RefCell<Reader<'a>>>,
    chars: Vec<char>,
    runs: Vec<Run>,
    /// The document shows lost ligatures plainly (`DAMAGE_PLAIN_MARGIN`): the pieces that
    /// are words only elsewhere are read as pieces here (`re`, a lone `o`).
    shown: bool,
}

impl Scan<'_> {
    fn word(&self, run: &Run) -> &[char] {
        &self.chars[run.start..run.end]
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// The word just before run `i`, one space away.
    fn previous(&self, i: usize) -> Option<&str> {
        let run = &self.runs[i];
        let before = i.checked_sub(1).map(|k| &self.runs[k])?;
        (before.end + 1 == run.start && self.chars[before.end] == ' ').then_some(&before.low)
    }

    /// The word just after run `i`, one space away.
    fn next(&self, i: usize) -> Option<&str> {
        let run = &self.runs[i];
        let after = self.runs.get(i + 1)?;
        (run.end + 1 == after.start && self.chars[run.end] == ' ').then_some(&after.low)
    }

    /// log10 p of a token as the lexicon reads it: a known word, or an unknown string.
    fn token_logp(&self, low: &str, shown: bool) -> f64 {
        let known = self
            .lexicon
            .logp(low)
            .map(|value| value + alone(low, shown));
        known.unwrap_or_else(|| {
            LIGATURE_UNKNOWN_LOGP + LIGATURE_UNKNOWN_PER_LETTER * low.chars().count() as f64
        })
    }

    /// log10 p of `second` after `first`: the pair table's, or the unknown string's.
    fn after(&self, first: &str, second: &str, shown: bool) -> f64 {
        if self.lexicon.logp(second).is_some() {
            self.lexicon.cond(first, second) + alone(second, shown)
        } else {
            self.token_logp(second, shown)
        }
    }

    /// log10 p of the words `reading` where runs `first..=last` stand, after the word
    /// before them and before the word after.
    fn score(&self, first: usize, last: usize, reading: &[&str]) -> f64 {
        self.score_where(first, last, reading, self.shown)
    }

    /// `score`, with the pieces that are words only elsewhere read as pieces if `shown`.
    fn score_where(&self, first: usize, last: usize, reading: &[&str], shown: bool) -> f64 {
        let mut total = match self.previous(first) {
            Some(previous) => self.after(previous, reading[0], shown),
            None => self.token_logp(reading[0], shown),
        };
        for pair in reading.windows(2) {
            total += self.after(pair[0], pair[1], shown);
        }
        if let Some(next) = self.next(last) {
            total += self.after(reading[reading.len() - 1], next, shown);
        }
        total
    }

    fn bounded_before(&self, run: &Run) -> bool {
        opens(run.start.checked_sub(1).and_then(|i| self.chars.get(i)))
    }

    /// A word ends at a closing mark, but not at one followed at once by a letter or digit:
    /// `re.compile`, `e.g.`, `a,b` are code and abbreviations.
    fn bounded_after(&self, run: &Run) -> bool {
        let mark = self.chars.get(run.end);
        let glued = mark.is_some_and(|c| !c.is_whitespace())
            && self
                .chars
                .get(run.end + 1)
                .is_some_and(|c| c.is_alphanumeric());
        closes(mark) && !glued
    }

    /// The best ligature put back where `kind` says, and its margin.
    fn best(
        &self,
        first: usize,
        last: usize,
        mask: u8,
        restored: impl Fn(&str) -> String,
    ) -> Option<(&'static str, f64)> {
        let words: Vec<(&'static str, String)> = LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, &ligature)| (ligature, restored(ligature)))
            .collect();
        if words.is_empty() {
            return None; // the common case: no word has a ligature there
        }
        let found: Vec<&str> = (first..=last).map(|i| self.runs[i].low.as_str()).collect();
        let mut as_found = self.score(first, last, &found);
        if first < last {
            // `ru les`: a stray space in `rules`, not a lost glyph in `ruffles`
            let closed = found.concat();
            if self.lexicon.logp(&closed).is_some() {
                as_found = as_found.max(self.score(first, last, &[&closed]));
            }
        }
        let mut best: Option<(&'static str, f64)> = None;
        for (ligature, word) in words {
            let margin = self.score(first, last, &[&word]) - as_found;
            if best.is_none_or(|(_, held)| margin > held) {
                best = Some((ligature, margin));
            }
        }
        best.filter(|(_, margin)| *margin > 0.0)
    }

    /// log10 p of the best word a ligature in the gap between runs `first` and `last` makes
    /// (`tra cking`: `trafficking`), minus infinity where none does: the reading a stray
    /// space competes with, as the ligature's competes with the word closed up (`best`).
    fn ligature_inside(&self, first: usize, last: usize) -> f64 {
        if last != first + 1 {
            return f64::NEG_INFINITY;
        }
        let (left, right) = (&self.runs[first].low, &self.runs[last].low);
        let mask = index(self.lexicon).mask(GapKind::Inside, left, right);
        LIGATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, ligature)| self.score(first, last, &[&format!("{left}{ligature}{right}")]))
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// log10 p of the best reading of runs `first..=last` with a ligature put back at the
    /// start or end of one of them (`a re at`: `a fire at`), minus infinity where none makes
    /// a word: the readings a stray space (`are at`) competes with, besides the pieces.
    fn ligature_at_edges(&self, first: usize, last: usize, pieces: &[&str]) -> f64 {
        let mut best = f64::NEG_INFINITY;
        for (j, piece) in pieces.iter().enumerate() {
            for kind in [GapKind::WordStart, GapKind::WordEnd] {
                let mask = index(self.lexicon).mask(kind, piece, "");
                for (bit, ligature) in LIGATURES.iter().enumerate() {
                    if mask & (1 << bit) == 0 {
                        continue;
                    }
                    let word = match kind {
                        GapKind::WordStart => format!("{ligature}{piece}"),
                        _ => format!("{piece}{ligature}"),
                    };
                    let mut reading = pieces.to_vec();
                    reading[j] = &word;
                    best = best.max(self.score(first, last, &reading));
                }
            }
        }
        best
    }

    /// Whether the words beside word `i` say its spaces are stray, not the space between
    /// words that a lost glyph left: a neighbour the lexicon lacks (`S witzerla nd`: a word
    /// split apart), a neighbour that is itself a ligature (`fi rst`, kept apart by the
    /// extractor), or spaces that read better closed (`te rms` is `terms`, not `te firms`;
    /// `le aves` is `leaves`; `Uga nd a` is `Uganda`).
    fn stray_space(&self, i: usize, restored: &str) -> bool {
        let word = self.runs[i].low.as_str();
        if let (Some(previous), Some(next)) = (self.previous(i), self.next(i)) {
            let closed = format!("{previous}{word}{next}");
            if self.lexicon.logp(&closed).is_some()
                && self.score(i - 1, i + 1, &[&closed]) - LIGATURE_STRAY_PRIOR
                    >= self.score(i - 1, i + 1, &[previous, restored, next])
            {
                return true;
            }
        }
        let sides = [
            (i.checked_sub(1), self.previous(i), true),
            (Some(i), self.next(i), false),
        ];
        for (first, neighbour, before) in sides {
            let (Some(first), Some(neighbour)) = (first, neighbour) else {
                continue;
            };
            // a lower-case piece the lexicon lacks; an unknown capitalised word is a name
            let piece = self.chars[self.runs[if before { i - 1 } else { i + 1 }].start];
            let unknown_piece = self.lexicon.logp(neighbour).is_none() && is_lower_letter(piece);
            if unknown_piece || LIGATURES.contains(&neighbour) {
                return true;
            }
            let (closed, pair) = if before {
                (format!("{neighbour}{word}"), [neighbour, restored])
            } else {
                (format!("{word}{neighbour}"), [restored, neighbour])
            };
            if self.lexicon.logp(&closed).is_some()
                && self.score(first, first + 1, &[&closed]) - LIGATURE_STRAY_PRIOR
                    >= self.score(first, first + 1, &pair)
            {
                return true;
            }
        }
        false
    }

    /// A ligature put back where `kind` (not `Stray`: see `closed`) says, if it reads best.
    fn found(&self, kind: GapKind, first: usize, last: usize) -> Option<Found> {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let mask = index(self.lexicon).mask(kind, &left.low, &right.low);
        if mask == 0 {
            // the common case: no common word has a ligature there; a name may
            return self.written_whole(kind, first, last);
        }
        let (ligature, margin) = match kind {
            GapKind::Inside => self.best(first, last, mask, |l| {
                format!("{}{l}{}", left.low, right.low)
            })?,
            GapKind::WordStart => self.best(first, last, mask, |l| format!("{l}{}", left.low))?,
            GapKind::WordEnd | GapKind::Stray => {
                self.best(first, last, mask, |l| format!("{}{l}", left.low))?
            }
        };
        let restored_low = match kind {
            GapKind::WordStart => format!("{ligature}{}", left.low),
            _ => format!("{}{ligature}", left.low),
        };
        if kind != GapKind::Inside && self.stray_space(first, &restored_low) {
            return None;
        }
        Some(self.restored(kind, first, last, ligature, margin))
    }

    /// The ligature in the case of the word around it: upper-case in an upper-case word.
    fn cased(&self, first: usize, last: usize, ligature: &str) -> String {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        if is_upper_word(self.word(left)) && is_upper_word(self.word(right)) {
            ligature.to_uppercase()
        } else {
            ligature.to_owned()
        }
    }

    /// A ligature put back where the text lacks a known word there but the batch writes the
    /// word whole (`Witko visits`, `Muwa aq`: `Witkoff`, `Muwaffaq`), at least
    /// `LIGATURE_BATCH_COUNT` times: names and rare words the word list lacks.  Only where a
    /// piece as found is no word at all (`La an` may be two words, `Witko` is none), and in a
    /// document that shows lost ligatures plainly (`shown`): elsewhere an unknown word is a
    /// name as written, and reading the batch for each would cost a clean text its speed.
    fn written_whole(&self, kind: GapKind, first: usize, last: usize) -> Option<Found> {
        if !self.shown {
            return None; // read in a document that shows lost ligatures plainly, as `re` is
        }
        let batch = self.batch.as_ref()?;
        if (first..=last).all(|k| self.lexicon.logp(&self.runs[k].low).is_some()) {
            return None;
        }
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let (l, r) = (
            self.text(left.start, left.end),
            self.text(right.start, right.end),
        );
        let ligature = LIGATURES.iter().find(|ligature| {
            let ligature = self.cased(first, last, ligature);
            let word = match kind {
                GapKind::Inside => format!("{l}{ligature}{r}"),
                GapKind::WordStart => format!("{ligature}{l}"),
                GapKind::WordEnd | GapKind::Stray => format!("{l}{ligature}"),
            };
            batch.borrow_mut().word_count(&word) >= LIGATURE_BATCH_COUNT
        })?;
        if kind != GapKind::Inside {
            let restored_low = match kind {
                GapKind::WordStart => format!("{ligature}{}", left.low),
                _ => format!("{}{ligature}", left.low),
            };
            if self.stray_space(first, &restored_low) {
                return None;
            }
        }
        Some(self.restored(kind, first, last, ligature, LIGATURE_BATCH_MARGIN))
    }

    /// The restoration of `ligature` where `kind` says, with its margin.
    fn restored(
        &self,
        kind: GapKind,
        first: usize,
        last: usize,
        ligature: &str,
        margin: f64,
    ) -> Found {
        let (left, right) = (&self.runs[first], &self.runs[last]);
        let ligature = self.cased(first, last, ligature);
        let (at, word) = match kind {
            GapKind::Inside => {
                let (l, r) = (
                    self.text(left.start, left.end),
                    self.text(right.start, right.end),
                );
                (left.end, format!("{l}{ligature}{r}"))
            }
            GapKind::WordStart => (
                left.start,
                format!("{ligature}{}", self.text(left.start, left.end)),
            ),
            GapKind::WordEnd | GapKind::Stray => (
                left.end,
                format!("{}{ligature}", self.text(left.start, left.end)),
            ),
        };
        Found {
            restored: Restored {
                at,
                kind,
                ligature,
                gapped: self.text(left.start, right.end),
                word,
                margin,
                confidence: confidence(margin),
                gaps: Vec::new(),
            },
            runs: (first, last),
        }
    }

    /// Runs `first..=last` read as one word whose spaces are stray, if the lexicon prefers
    /// it, with the words beside them, to the pieces by more than the prior against it.
    fn closed(&self, first: usize, last: usize) -> Option<Found> {
        let pieces: Vec<&str> = (first..=last).map(|i| self.runs[i].low.as_str()).collect();
        let word = pieces.concat();
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
        let margin = self.score(first, last, &[&word])
            - (self.score(first, last, &pieces) + lone)
                .max(self.ligature_inside(first, last))
                .max(self.ligature_at_edges(first, last, &pieces))
            - LIGATURE_STRAY_PRIOR
            - if words { STRAY_WORDS_PRIOR } else { 0.0 };
        if margin <= 0.0 {
            return None;
        }
        let (start, end) = (self.runs[first].start, self.runs[last].end);
        let gapped = self.text(start, end);
        Some(Found {
            restored: Restored {
                at: self.runs[first].end,
                kind: GapKind::Stray,
                ligature: String::new(),
                word: gapped.replace(' ', ""),
                gapped,
                margin,
                confidence: confidence(margin),
                gaps: (first..last).map(|i| self.runs[i].end).collect(),
            },
            runs: (first, last),
        })
    }

    /// Whether run `last` goes on the pieces `first..last` of one word (given that they
    /// read as one): one space after the run before it, lower-case (or all upper-case, as
    /// the pieces before).
    fn continues_word(&self, first: usize, last: usize) -> bool {
        let (run, before) = (&self.runs[last], &self.runs[last - 1]);
        if before.end + 1 != run.start || self.chars[before.end] != ' ' {
            return false;
        }
        let word = self.word(run);
        if word.iter().all(|&c| is_lower_letter(c)) {
            let head = self.word(&self.runs[first]);
            return head.iter().skip(1).all(|&c| is_lower_letter(c));
        }
        is_upper_word(word) && (first..last).all(|k| is_upper_word(self.word(&self.runs[k])))
    }

    /// The closings of a word split apart whose first piece a lost line break glued to the
    /// word before (`suspectedmil it ants`): run `i`, a lower-case run the lexicon lacks,
    /// read as a common word and the first piece, closed up with the runs after it up to
    /// `longest`.  Only the stray spaces are taken out; the joins stage, after this one,
    /// parts the glue (`suspected militants`).
    fn glued_closings(&self, i: usize, longest: usize) -> Vec<Found> {
        let run = &self.runs[i];
        let low: Vec<char> = run.low.chars().collect();
        let lower = self.word(run).iter().all(|&c| is_lower_letter(c));
        if low.len() < 6 || !lower || self.lexicon.logp(&run.low).is_some() {
            return Vec::new();
        }
        let rest: String = (i + 1..=longest)
            .map(|k| self.runs[k].low.as_str())
            .collect();
        let mut found = Vec::new();
        for cut in 3..=low.len() - 2 {
            let head: String = low[..cut].iter().collect();
            if self.lexicon.zipf(&head) < STRAY_WORDS_ZIPF {
                continue;
            }
            let tail: String = low[cut..].iter().collect();
            let frequencies = self.lexicon.prefix_frequencies(&format!("{tail}{rest}"));
            let mut letters = low.len() - cut;
            for last in i + 1..=longest {
                letters += self.runs[last].low.chars().count();
                let known = frequencies.get(letters).copied().flatten();
                if known.is_some_and(|f| f >= stray_least()) && self.closes_word(i, last) {
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
    fn closed_after(&self, first: usize, last: usize, cut: usize) -> Option<Found> {
        let pieces: Vec<&str> = (first..=last).map(|k| self.runs[k].low.as_str()).collect();
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
        Some(Found {
            restored: Restored {
                at: self.runs[first].end,
                kind: GapKind::Stray,
                ligature: String::new(),
                word: format!("{} {}", &whole[..split], &whole[split..]),
                gapped,
                margin,
                confidence: confidence(margin),
                gaps: (first..last).map(|k| self.runs[k].end).collect(),
            },
            runs: (first, last),
        })
    }

    /// Whether a word closed up from runs `first..=last` ends there: before a closing mark
    /// or space, or before a hyphen where its first piece is a ligature the extractor kept
    /// apart (`fi rst-round`; elsewhere a word before a hyphen may be a prefix cut short).
    fn closes_word(&self, first: usize, last: usize) -> bool {
        let run = &self.runs[last];
        let hyphen = self.chars.get(run.end) == Some(&'-')
            && self.chars.get(run.end + 1).is_some_and(|&c| is_letter(c));
        self.bounded_after(run) || (hyphen && LIGATURES.contains(&self.runs[first].low.as_str()))
    }

    /// Whether run `k` is a lower-case letter standing alone, other than `a`: the word list
    /// counts `s`, `e` and `i` as common words, but after a piece of a word they are its last
    /// letter (`peopl e`, `essential s`, `Burund i`) far more often than letters, and weigh
    /// there as a clitic's end does (`LIGATURE_CLITIC_ALONE`) against the word closed up.
    /// (Before a word, and between pieces, they are as often letters: `for j in`; a
    /// `dr o ne` reading cost more than it gave on the benches.)
    fn lone_piece(&self, k: usize) -> bool {
        let run = &self.runs[k];
        run.end - run.start == 1
            && self.chars[run.start] != 'a'
            && is_lower_letter(self.chars[run.start])
    }

    /// Whether run `k` is a lone letter that may be a piece of letter-spaced text: not a
    /// word of one letter (`a`, `I`), nor a clitic (`Attorney's`).
    fn lone(&self, k: Option<usize>) -> bool {
        k.and_then(|k| self.runs.get(k)).is_some_and(|run| {
            let clitic = run.start > 0 && matches!(self.chars[run.start - 1], '\'' | '\u{2019}');
            run.end - run.start == 1 && !clitic && !matches!(self.chars[run.start], 'a' | 'A' | 'I')
        })
    }

    /// Whether runs `k` and `k + 1` stand one space apart.
    fn spaced(&self, k: usize) -> bool {
        let run = &self.runs[k];
        self.runs
            .get(k + 1)
            .is_some_and(|next| run.end + 1 == next.start && self.chars[run.end] == ' ')
    }

    /// Whether lone letters `k` and `k + 1` stand one space apart, as letters of
    /// letter-spaced text do (`U.S.` and `x, y` are no such text).
    fn lone_pair(&self, k: Option<usize>) -> bool {
        k.is_some_and(|k| self.lone(Some(k)) && self.lone(Some(k + 1)) && self.spaced(k))
    }

    /// Whether runs `first..=last` stand beside letter-spaced text (`e x p l i c i t`):
    /// two lone letters in a row on either side, whose spaces are stray, not the gaps of
    /// lost glyphs.  One lone letter is a word (`a`, `I`) or a piece (`o cials`).
    fn letter_spaced(&self, first: usize, last: usize) -> bool {
        (self.lone_pair(first.checked_sub(2)) && self.spaced(first - 1))
            || (self.lone_pair(Some(last + 1)) && self.spaced(last))
            || (first..=last).any(|k| self.lone_pair(k.checked_sub(1)) || self.lone_pair(Some(k)))
    }

    /// Whether a word's letters may have lost a ligature at its start or end (`kind`): two
    /// letters or more, or where the document shows lost ligatures plainly a lone
    /// lower-case letter other than `a` and `i` (`took o the coast`, `bird u`); elsewhere a
    /// lone letter is a symbol or a variable (`at time t`).
    fn may_lose_edge(&self, word: &[char]) -> bool {
        word.len() >= 2 || (self.shown && word.len() == 1 && !matches!(word[0], 'a' | 'i'))
    }

    /// Whether the word at run `i`, before a hyphen, may have lost a ligature at its start
    /// (`ve-year`, `rst-degree`): where the document shows lost ligatures plainly, a rare
    /// piece or a clitic one.  Not a common word: `re-election`, `co-author` and
    /// `pre-war` begin with prefixes.
    fn before_hyphen(&self, i: usize) -> bool {
        let run = &self.runs[i];
        let hyphen = self.chars.get(run.end) == Some(&'-')
            && self.chars.get(run.end + 1).is_some_and(|&c| is_letter(c));
        let piece = self.lexicon.zipf(&run.low) < STRAY_WORDS_ZIPF
            || CLITIC_PIECES.contains(&run.low.as_str());
        self.shown && hyphen && piece
    }

    /// Every candidate: a gap inside a word, and the start and end of each word of two
    /// letters or more (a lone letter is a symbol or a variable: `at time t`).
    fn candidates(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let stray_least = stray_least();
        for (i, run) in self.runs.iter().enumerate() {
            let word = self.word(run);
            let (open, close) = (self.bounded_before(run), self.bounded_after(run));
            let hyphen = open && self.before_hyphen(i);
            if open && (close || hyphen) && self.may_lose_edge(word) && !self.letter_spaced(i, i) {
                // the second part of a compound (`aws-cli`) lost nothing at its end
                let after_hyphen = run.start > 0 && self.chars[run.start - 1] == '-';
                for kind in [GapKind::WordStart, GapKind::WordEnd] {
                    let edge = match kind {
                        GapKind::WordEnd => close && !after_hyphen,
                        _ => true,
                    };
                    if edge && may_lose(word, kind) {
                        found.extend(self.found(kind, i, i));
                    }
                }
            }
            if open && !self.letter_spaced(i, i) {
                let longest = (i + STRAY_MOST_PIECES - 1).min(self.runs.len() - 1);
                let last = (i + 1..=longest)
                    .take_while(|&last| self.continues_word(i, last))
                    .last();
                if let Some(longest) = last {
                    // every closing-up from run i, read in one walk of the word list
                    let joined: String = (i..=longest).map(|k| self.runs[k].low.as_str()).collect();
                    let frequencies = self.lexicon.prefix_frequencies(&joined);
                    let mut letters = self.runs[i].low.chars().count();
                    for last in i + 1..=longest {
                        letters += self.runs[last].low.chars().count();
                        let known = frequencies.get(letters).copied().flatten();
                        let common = known.is_some_and(|f| f >= stray_least);
                        if common && self.closes_word(i, last) {
                            found.extend(self.closed(i, last));
                        }
                    }
                    found.extend(self.glued_closings(i, longest));
                }
            }
            let Some(next) = self.runs.get(i + 1) else {
                continue;
            };
            let one_space = run.end + 1 == next.start && self.chars[run.end] == ' ';
            let right = self.word(next);
            let upper = is_upper_word(word) && is_upper_word(right);
            let rest = right.first().is_some_and(|&c| is_lower_letter(c)) || upper;
            if one_space
                && open
                && self.bounded_after(next)
                && rest
                && !self.letter_spaced(i, i + 1)
            {
                found.extend(self.found(GapKind::Inside, i, i + 1));
            }
        }
        found
    }
}

/// Every broken word of `text` repaired, in order, with its margin and confidence: lost
/// ligatures put back and stray spaces taken out.
///
/// Each word (a run of letters between white space or marks, never beside a digit, an
/// apostrophe or an underscore) is read with the ligatures put back at its start or end,
/// each gap of one space between two words with a ligature in its place, and each run of
/// up to `STRAY_MOST_PIECES` words one space apart closed up; where two readings want the
/// same word, the surer one is kept (after `lean`).
pub fn restorations(text: &str, lexicon: &Lexicon) -> Vec<Restored> {
    restorations_in(text, lexicon, None, LIGATURE_LEAST_MARGIN).0
}

/// `restorations` in a batch whose counts are `batch` (a name it writes whole is read as a
/// word: `written_whole`), keeping those with a margin of `least_margin` or more (the
/// confidence is fitted over those the stage would not report too:
/// `benchmarks/calibrate_words.py`); and the counts read.
pub fn restorations_in(
    text: &str,
    lexicon: &Lexicon,
    batch: Option<&Vocabulary>,
    least_margin: f64,
) -> (Vec<Restored>, Reads) {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_letter(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_letter(chars[i]) {
            i += 1;
        }
        let low = chars[start..i].iter().collect::<String>().to_lowercase();
        runs.push(Run { start, end: i, low });
    }
    let mut scan = Scan {
        lexicon,
        batch: batch.map(|counts| RefCell::new(Reader::new(counts))),
        chars,
        runs,
        shown: false,
    };
    let mut found = scan.candidates();
    let plain = |found: &[Found]| {
        found
            .iter()
            .filter(|f| f.restored.kind != GapKind::Stray)
            .any(|f| f.restored.margin >= LIGATURES_SHOWN_MARGIN)
    };
    if plain(&found) {
        // read again with the pieces that are words only elsewhere (`re`, `o`) as pieces
        scan.shown = true;
        found = scan.candidates();
    }
    lean(&mut found);
    found.sort_by(|a, b| b.restored.margin.total_cmp(&a.restored.margin));
    let mut taken = vec![false; scan.runs.len()];
    let mut kept = Vec::new();
    // Letter-spaced runs first: their letters are no other reading's pieces.
    for spaced in letter_spaced(&scan.chars, lexicon) {
        let last = spaced.at + spaced.gapped.chars().count();
        let first_run = scan.runs.partition_point(|run| run.start < spaced.at);
        let end_run = scan.runs.partition_point(|run| run.start < last);
        taken[first_run..end_run].iter_mut().for_each(|t| *t = true);
        kept.push(spaced);
    }
    for candidate in found {
        let (first, last) = candidate.runs;
        if taken[first..=last].iter().any(|&t| t) {
            continue;
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        if candidate.restored.margin >= least_margin {
            kept.push(candidate.restored);
        }
    }
    kept.sort_by_key(|r| r.at);
    let reads = scan.batch.map(|reader| reader.into_inner().reads);
    (kept, reads.unwrap_or_default())
}

/// A document's damage is mostly of one kind: a PDF that lost its ligatures shows gaps
/// at fi and fl all through, a letter-spaced one stray spaces anywhere.  So where a gap
/// reads both ways (`tra cking`: `trafficking` or `tracking`; `the re`: `the fire` or
/// `there`), the kind the document shows plainly elsewhere wins: each candidate's margin
/// moves by the log10 ratio of the plain cases of its kind and the other's, at most
/// `DAMAGE_LEAN`.
fn lean(found: &mut [Found]) {
    let plain = |stray: bool| {
        found
            .iter()
            .filter(|f| (f.restored.kind == GapKind::Stray) == stray)
            .filter(|f| f.restored.margin >= DAMAGE_PLAIN_MARGIN)
            .count() as f64
    };
    let (strays, ligatures) = (plain(true), plain(false));
    let toward_stray = ((strays + 1.0) / (ligatures + 1.0))
        .log10()
        .clamp(-DAMAGE_LEAN, DAMAGE_LEAN);
    for candidate in found.iter_mut() {
        let restored = &mut candidate.restored;
        restored.margin += if restored.kind == GapKind::Stray {
            toward_stray
        } else {
            -toward_stray
        };
        restored.confidence = confidence(restored.margin);
    }
}

/// A margin read as a probability: log10 odds, less the anchor (a lexicon's odds of one
/// word against two overstate how sure the reading is).
pub fn confidence(margin: f64) -> f64 {
    1.0 / (1.0 + 10f64.powf(-LIGATURE_SLOPE * (margin - LIGATURE_ANCHOR)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon_of;

    fn lexicon() -> Lexicon {
        lexicon_of(
            &[
                ("significant", 1e-4),
                ("cant", 1e-6),
                ("of", 0.03),
                ("office", 1e-4),
                ("certain", 1e-4),
                ("the", 0.05),
                ("first", 5e-4),
                ("re", 1e-4),
                ("fire", 5e-5),
                ("ce", 1e-6),
                ("day", 1e-4),
            ],
            &[],
            &[],
        )
    }

    fn restored(text: &str) -> Vec<(usize, GapKind, String, String)> {
        restorations(text, &lexicon())
            .into_iter()
            .map(|r| (r.at, r.kind, r.ligature, r.word))
            .collect()
    }

    #[test]
    fn a_gap_inside_a_word_takes_its_ligature_back() {
        let found = restored("A signi cant rise, in the of ce.");
        assert_eq!(
            found,
            [
                (7, GapKind::Inside, "fi".into(), "significant".into()),
                (28, GapKind::Inside, "fi".into(), "office".into()),
            ]
        );
        assert_eq!(
            restored("SIGNI CANT"),
            [(5, GapKind::Inside, "FI".into(), "SIGNIFICANT".into())]
        );
    }

    #[test]
    fn a_word_that_began_with_a_ligature_gets_it_back_after_the_gap() {
        assert_eq!(
            restored("the rst day"),
            [(4, GapKind::WordStart, "fi".into(), "first".into())]
        );
        assert_eq!(restored("we've"), []);
    }

    #[test]
    fn words_as_they_stand_and_names_are_left_alone() {
        for text in ["of certain", "Signi Cant", "signi  cant", "x signi cant1"] {
            assert_eq!(restored(text), [], "{text}");
        }
    }

    #[test]
    fn stray_spaces_inside_a_word_are_taken_out_and_two_words_kept() {
        let lexicon = lexicon_of(
            &[
                ("were", 1e-3),
                ("included", 1e-4),
                ("in", 0.02),
                ("inc", 1e-6),
                ("air", 1e-4),
                ("ports", 1e-5),
                ("airports", 1e-5),
            ],
            &[],
            &[],
        );
        let found = restorations("were inc luded in", &lexicon);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, GapKind::Stray);
        assert_eq!(found[0].gaps, [8]);
        assert_eq!(found[0].word, "included");
        assert!(restorations("sea and air ports", &lexicon).is_empty());
    }

    fn damaged_lexicon() -> Lexicon {
        lexicon_of(
            &[
                ("significant", 1e-4),
                ("cant", 1e-6),
                ("off", 5e-4),
                ("o", 1e-5),
                ("took", 3e-4),
                ("the", 0.05),
                ("coast", 5e-5),
                ("re", 1e-4),
                ("fire", 5e-5),
                ("module", 5e-5),
                ("first", 5e-4),
                ("rst", 3e-7),
                ("state", 3e-4),
                ("u", 1e-5),
                ("s", 1e-4),
                ("office", 1e-4),
                ("ce", 1e-6),
                ("attorney", 5e-5),
                ("trafficking", 1e-5),
                ("tracking", 2e-5),
                ("tra", 1e-7),
                ("cking", 1e-8),
                ("drug", 1e-4),
                ("five", 3e-4),
                ("ve", 1e-4),
                ("year", 5e-4),
            ],
            &[("drug", 1e6), ("took", 1e6), ("the", 1e8)],
            &[
                ("drug trafficking", 1e4),
                ("took off", 1e4),
                ("off the", 1e4),
            ],
        )
    }

    fn words_of(text: &str) -> Vec<String> {
        restorations(text, &damaged_lexicon())
            .into_iter()
            .filter(|r| r.confidence >= 0.9)
            .map(|r| r.word)
            .collect()
    }

    #[test]
    fn pieces_that_are_words_elsewhere_are_read_as_pieces_where_ligatures_are_plainly_lost() {
        // alone, `o` and `re` may be a letter and Python's module
        assert_eq!(words_of("They took o the coast."), Vec::<String>::new());
        assert_eq!(words_of("the re module"), Vec::<String>::new());
        // beside a plain loss, they are what is left of `off` and `five-`
        assert_eq!(
            words_of("A signi cant loss. They took o the coast."),
            ["significant", "off"]
        );
        assert_eq!(
            words_of("A signi cant loss. The ve-year plan."),
            ["significant", "five"]
        );
    }

    #[test]
    fn lone_letters_are_letter_spaced_text_only_one_space_apart() {
        // `U.S.` and the clitic of `attorney's` are no letter-spaced text beside the gap
        assert_eq!(words_of("the rst U.S. state"), ["first"]);
        assert_eq!(words_of("the attorney's o ce"), ["office"]);
        assert_eq!(words_of("the rst u s state"), Vec::<String>::new());
    }

    #[test]
    fn a_stray_space_competes_with_the_ligature_the_gap_may_hold() {
        // `tracking` closed up is likely; `trafficking` after `drug` likelier still
        assert_eq!(words_of("drug tra cking"), ["trafficking"]);
    }

    #[test]
    fn a_word_the_batch_writes_whole_is_read_where_a_gap_cut_it() {
        let opening = "An opening line of more than enough letters: ";
        let batch = Vocabulary::of([format!("{opening}Witkoff and Witkoff").as_str()]);
        let text = "A signi cant day: the Witko of the day";
        let (found, reads) = restorations_in(text, &lexicon(), Some(&batch), 1.0);
        let words: Vec<&str> = found.iter().map(|r| r.word.as_str()).collect();
        assert_eq!(words, ["significant", "Witkoff"]);
        assert!(reads.contains("w:Witkoff"));
        // once is no evidence, and without the batch nothing is read
        let once = Vocabulary::of([format!("{opening}Witkoff").as_str()]);
        assert_eq!(
            restorations_in(text, &lexicon(), Some(&once), 1.0).0.len(),
            1
        );
        assert_eq!(restorations(text, &lexicon()).len(), 1);
        // nor is the batch read where the document shows no lost ligature plainly
        let plain = "the Witko of the day";
        assert!(restorations_in(plain, &lexicon(), Some(&batch), 1.0)
            .0
            .is_empty());
    }

    #[test]
    fn the_confidence_grows_with_the_margin() {
        assert!(confidence(1.0) < confidence(3.0));
        assert!((0.0..=1.0).contains(&confidence(-50.0)));
    }
}
