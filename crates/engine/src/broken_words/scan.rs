//! A text's runs of letters, the words beside each, and how a reading of them scores: what
//! the ligature and stray-space readings (`ligatures`, `closing`) are weighed with.

use std::cell::RefCell;

use super::index::{index, Piece};
pub(super) use super::runs::{closes, may_lose, opens, opens_word, Lowered, Run};
use super::GapKind;
use crate::lexicon::Lexicon;
use crate::marks::apostrophe;
use crate::pystr::{is_letter, is_lower_letter};
use crate::thresholds::{
    LIGATURE_CLITIC_ALONE, LIGATURE_UNKNOWN_LOGP, LIGATURE_UNKNOWN_PER_LETTER, STRAY_SCRAP_ZIPF,
    STRAY_WORDS_ZIPF,
};
use crate::vocabulary::{Reader, Reads, Vocabulary};

/// The ends of contractions (`I've`, `we'll`), which the word list counts as words
/// because its tokenizer splits them off: standing alone after a space they are almost
/// never words (`ve men` is `five` without its ligature).
pub(super) const CLITIC_PIECES: [&str; 2] = ["ve", "ll"];

/// Pieces that stand alone as a word only in some text: `re` is Python's module in
/// technical prose (`the re module`) and `fire` without its ligature in a PDF that lost
/// them (`a re broke out`).  They are read as clitic pieces only where the document shows
/// lost ligatures plainly.
pub(super) const CLITIC_PIECES_WHERE_SHOWN: [&str; 1] = ["re"];

/// What a clitic piece's odds lose when it stands alone (`LIGATURE_CLITIC_ALONE`);
/// `shown`: the document shows lost ligatures plainly.
pub(super) fn alone(low: &str, shown: bool) -> f64 {
    if CLITIC_PIECES.contains(&low) || (shown && CLITIC_PIECES_WHERE_SHOWN.contains(&low)) {
        LIGATURE_CLITIC_ALONE
    } else {
        0.0
    }
}

/// A text read for its broken words: its characters, its runs of letters, and what the
/// readings of them are weighed with.
pub(super) struct Scan<'a> {
    pub(super) lexicon: &'a Lexicon,
    /// The batch's counts, if it is known, as read so far (`written_whole`).
    pub(super) batch: Option<RefCell<Reader<'a>>>,
    pub(super) chars: Vec<char>,
    pub(super) runs: Vec<Run<'a>>,
    /// What the index of common ligature words holds of each run (`Index::piece`): asked
    /// once a run, where a word is read for a ligature at its start, at its end and in the
    /// gap after it.
    pieces: Vec<Option<&'a Piece>>,
    /// Whether each run stands beside letter-spaced text (`beside_letters`).
    letters_beside: Vec<bool>,
    /// Whether a word ends where each run does (`bounded_after`): read once a run, as the
    /// scan asks it of a run, of the run after a gap and of the last of a closing-up.
    ends: Vec<bool>,
    /// The document shows lost ligatures plainly (`DAMAGE_SHOWN_MARGIN`): the pieces that
    /// are words only elsewhere are read as pieces here (`re`, a lone `o`).
    pub(super) shown: bool,
    /// The document shows stray spaces plainly: pieces of a name the batch writes whole
    /// are closed up (`closed_as_written`).
    pub(super) strays_shown: bool,
}

impl<'a> Scan<'a> {
    /// The runs of letters of `chars` (`lowered`: theirs, lower-cased), to be read with
    /// `lexicon` and the batch's counts.
    pub(super) fn new(
        chars: Vec<char>,
        lowered: &'a Lowered,
        lexicon: &'a Lexicon,
        batch: Option<&'a Vocabulary>,
    ) -> Scan<'a> {
        let runs = lowered.runs(&chars);
        let index = index(lexicon);
        let pieces = runs.iter().map(|run| index.piece(run.low)).collect();
        let mut scan = Scan {
            lexicon,
            batch: batch.map(|counts| RefCell::new(Reader::new(counts))),
            chars,
            runs,
            pieces,
            letters_beside: Vec::new(),
            ends: Vec::new(),
            shown: false,
            strays_shown: false,
        };
        scan.letters_beside = (0..scan.runs.len())
            .map(|k| scan.beside_letters(k))
            .collect();
        scan.ends = scan
            .runs
            .iter()
            .map(|run| scan.bounded_after(run))
            .collect();
        scan
    }

    /// The batch counts read.
    pub(super) fn reads(self) -> Reads {
        self.batch
            .map(|reader| reader.into_inner().reads)
            .unwrap_or_default()
    }
}

impl Scan<'_> {
    pub(super) fn word(&self, run: &Run) -> &[char] {
        &self.chars[run.start..run.end]
    }

    pub(super) fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// Run `k` as written (case kept).
    pub(super) fn written(&self, k: usize) -> String {
        self.text(self.runs[k].start, self.runs[k].end)
    }

    /// The word just before run `i`, one space away; none where that run ends a
    /// contraction (`they're ne`: the word before is `they're`, and the pairs the lexicon
    /// holds of its `re` are another word's, Python's module or `fire` cut short).
    pub(super) fn previous(&self, i: usize) -> Option<&str> {
        let run = &self.runs[i];
        let before = i.checked_sub(1).map(|k| &self.runs[k])?;
        let spaced = before.end + 1 == run.start && self.chars[before.end] == ' ';
        (spaced && !self.ends_contraction(before)).then_some(before.low)
    }

    /// Whether a run is the end of a contraction: after an apostrophe after a letter.
    fn ends_contraction(&self, run: &Run) -> bool {
        run.start >= 2
            && apostrophe(self.chars[run.start - 1])
            && is_letter(self.chars[run.start - 2])
    }

    /// The word just after run `i`, one space away.
    pub(super) fn next(&self, i: usize) -> Option<&str> {
        let run = &self.runs[i];
        let after = self.runs.get(i + 1)?;
        (run.end + 1 == after.start && self.chars[run.end] == ' ').then_some(after.low)
    }

    /// The ligatures that make a common word where `kind` puts them beside run `first` (inside
    /// a word, before run `last`), as `Index::mask` gives them.
    pub(super) fn mask(&self, kind: GapKind, first: usize, last: usize) -> u8 {
        self.pieces[first].map_or(0, |piece| piece.mask(kind, self.runs[last].low))
    }

    /// log10 p of a token as the lexicon reads it: a known word, or an unknown string.
    pub(super) fn token_logp(&self, low: &str, shown: bool) -> f64 {
        let known = self
            .lexicon
            .logp(low)
            .map(|value| value + alone(low, shown));
        known.unwrap_or_else(|| {
            LIGATURE_UNKNOWN_LOGP + LIGATURE_UNKNOWN_PER_LETTER * low.chars().count() as f64
        })
    }

    /// log10 p of `second` after `first`: the pair table's, or the unknown string's.
    pub(super) fn after(&self, first: &str, second: &str, shown: bool) -> f64 {
        let logp = self.lexicon.logp(second);
        if logp.is_some() {
            self.lexicon.cond_bounded_given(first, second, logp) + alone(second, shown)
        } else {
            self.token_logp(second, shown)
        }
    }

    /// log10 p of the words `reading` where runs `first..=last` stand, after the word
    /// before them and before the word after.
    pub(super) fn score(&self, first: usize, last: usize, reading: &[&str]) -> f64 {
        self.score_where(first, last, reading, self.shown)
    }

    /// `score`, with the pieces that are words only elsewhere read as pieces if `shown`.
    pub(super) fn score_where(
        &self,
        first: usize,
        last: usize,
        reading: &[&str],
        shown: bool,
    ) -> f64 {
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

    /// Whether one of runs `first..=last` is a scrap that no word stands as alone (zipf
    /// under `STRAY_SCRAP_ZIPF`: `irework`, `inematographer`), none is a word of one letter
    /// (`I shant` is `I shan't`, not the name `Ishant`), and the first is lower-case unless
    /// the document shows stray spaces: a name's pieces (`K isumu`) are closed only there,
    /// as `closed_name` closes them.  A capitalised first piece of three letters or more
    /// that the word list lacks altogether is no name's (`Annotat ion`, `Prepos i t ion`).
    pub(super) fn holds_scrap(&self, first: usize, last: usize) -> bool {
        let pieces = || (first..=last).map(|k| self.runs[k].low);
        let run = &self.runs[first];
        let unlisted = || run.end - run.start >= 3 && self.lexicon.zipf(run.low) == 0.0;
        (self.strays_shown || is_lower_letter(self.chars[run.start]) || unlisted())
            && pieces().any(|low| self.lexicon.zipf(low) < STRAY_SCRAP_ZIPF)
            && !pieces().any(|low| matches!(low, "a" | "i"))
    }

    /// Whether a hyphen and a letter follow the run (`ve-year`, `rst-round`).
    pub(super) fn before_compound(&self, run: &Run) -> bool {
        self.chars.get(run.end) == Some(&'-')
            && self.chars.get(run.end + 1).is_some_and(|&c| is_letter(c))
    }

    /// A word starts after what `opens` admits, or after an elided article or particle and
    /// its apostrophe (`d'a aires` is `d'affaires`, `O'Kee e` is `O'Keeffe`): `d`, `l` or
    /// `O` standing alone before it, not the end of a word (`we've`) nor `I` (`I've`).
    pub(super) fn bounded_before(&self, run: &Run) -> bool {
        let at = |back: usize| run.start.checked_sub(back).and_then(|i| self.chars.get(i));
        let elided = matches!(at(1), Some('\'' | '\u{2019}'))
            && matches!(at(2), Some('d' | 'l' | 'D' | 'L' | 'O'))
            && opens(at(3));
        opens_word(at(1), at(2)) || elided
    }

    /// Whether a word ends where run `k` does (`bounded_after`, read once a run).
    pub(super) fn ends(&self, k: usize) -> bool {
        self.ends[k]
    }

    /// A word ends at a closing mark, but not at one followed at once by a letter or digit:
    /// `re.compile`, `e.g.`, `a,b` are code and abbreviations.  It ends before a possessive
    /// too: `count ry's` is `country's`, `Sheri's` is `Sheriff's`.
    fn bounded_after(&self, run: &Run) -> bool {
        let mark = self.chars.get(run.end);
        let glued = mark.is_some_and(|c| !c.is_whitespace())
            && self
                .chars
                .get(run.end + 1)
                .is_some_and(|c| c.is_alphanumeric());
        (closes(mark) && !glued) || self.before_possessive(run)
    }

    /// Whether a possessive `'s` (or `’s`) and then the word's end follow the run.
    fn before_possessive(&self, run: &Run) -> bool {
        matches!(self.chars.get(run.end), Some('\'' | '\u{2019}'))
            && self.chars.get(run.end + 1) == Some(&'s')
            && closes(self.chars.get(run.end + 2))
    }

    /// Whether run `k` is a lower-case letter standing alone, other than `a`: the word list
    /// counts `s`, `e` and `i` as common words, but after a piece of a word they are its last
    /// letter (`peopl e`, `essential s`, `Burund i`) far more often than letters, and weigh
    /// there as a clitic's end does (`LIGATURE_CLITIC_ALONE`) against the word closed up.
    /// (Before a word, and between pieces, they are as often letters: `for j in`; a
    /// `dr o ne` reading cost more than it gave on the benches.)
    pub(super) fn lone_piece(&self, k: usize) -> bool {
        let run = &self.runs[k];
        run.end - run.start == 1
            && self.chars[run.start] != 'a'
            && is_lower_letter(self.chars[run.start])
    }

    /// Whether run `k` is a lone letter that may be a piece of letter-spaced text: not a
    /// word of one letter (`a`, `I`), nor a clitic (`Attorney's`).
    pub(super) fn lone(&self, k: Option<usize>) -> bool {
        k.and_then(|k| self.runs.get(k)).is_some_and(|run| run.lone)
    }

    /// Whether run `k` is no word of its own: a lone letter other than `a` and `I`, or one
    /// rarer than zipf `STRAY_WORDS_ZIPF` (the word list holds nearly every scrap, so
    /// "missing from it" would hardly ever hold: `Madur`, `Tulkar`).
    pub(super) fn no_word(&self, k: usize) -> bool {
        self.lone(Some(k)) || self.lexicon.zipf(self.runs[k].low) < STRAY_WORDS_ZIPF
    }

    /// Whether runs `k` and `k + 1` stand one space apart.
    pub(super) fn spaced(&self, k: usize) -> bool {
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

    /// Whether run `k` stands beside letter-spaced text (`e x p l i c i t`): two lone
    /// letters in a row on either side, whose spaces are stray, not the gaps of lost glyphs.
    /// One lone letter is a word (`a`, `I`) or a piece (`o cials`).
    fn beside_letters(&self, k: usize) -> bool {
        (self.lone_pair(k.checked_sub(2)) && self.spaced(k - 1))
            || (self.lone_pair(Some(k + 1)) && self.spaced(k))
            || self.lone_pair(k.checked_sub(1))
            || self.lone_pair(Some(k))
    }

    /// Whether runs `first..=last` stand beside letter-spaced text: one of them does (read
    /// once a run, in `Scan::new`; a wider stretch reads as its runs do).
    pub(super) fn letter_spaced(&self, first: usize, last: usize) -> bool {
        self.letters_beside[first..=last]
            .iter()
            .any(|&beside| beside)
    }

    /// Whether a word's letters may have lost a ligature at its start or end (`kind`): two
    /// letters or more, or where the document shows lost ligatures plainly a lone
    /// lower-case letter other than `a` and `i` (`took o the coast`, `bird u`); elsewhere a
    /// lone letter is a symbol or a variable (`at time t`).
    pub(super) fn may_lose_edge(&self, word: &[char]) -> bool {
        word.len() >= 2 || (self.shown && word.len() == 1 && !matches!(word[0], 'a' | 'i'))
    }

    /// Whether the word at run `i`, before a hyphen, may have lost a ligature at its start
    /// (`ve-year`, `rst-degree`): where the document shows lost ligatures plainly, a rare
    /// piece or a clitic one.  Not a common word: `re-election`, `co-author` and
    /// `pre-war` begin with prefixes.
    pub(super) fn before_hyphen(&self, i: usize) -> bool {
        let run = &self.runs[i];
        self.shown
            && self.before_compound(run)
            && (CLITIC_PIECES.contains(&run.low)
                || self.lexicon.zipf(run.low) < STRAY_WORDS_ZIPF
                || self.lone_piece(i))
    }

    /// Whether the word at run `i`, a part of a compound, may be what is left of a word that
    /// lost a ligature at its end (`play-o`, `o-duty`): where the document shows lost
    /// ligatures plainly, a lone lower-case letter other than `a`.  A longer part is as
    /// written, rare as it may be (`aws-cli` would read as `aws-cliff` as readily as
    /// `zero-tari` as `zero-tariff`), and so is any part elsewhere (`e-bikes`, `x-ray`).
    pub(super) fn part_cut(&self, i: usize) -> bool {
        self.shown && self.lone_piece(i) && !self.in_abbreviation(i)
    }

    /// Whether run `i` stands in a compound of two lone letters or more, where a lone letter
    /// is one as written (`y-m-d`, `S-o-b`, `d-f`), not what is left of a word (`play-o`).
    /// A token with a slash may be a path or a branch's name (`jk/test-with-x`), but as
    /// often prose (`roll-on/roll-o`, on the lost-ligature benches).
    fn in_abbreviation(&self, i: usize) -> bool {
        let run = &self.runs[i];
        let spaced = |k: &usize| !self.chars[*k].is_whitespace();
        let start = (0..run.start)
            .rev()
            .take_while(spaced)
            .last()
            .unwrap_or(run.start);
        let end = (run.end..self.chars.len())
            .take_while(spaced)
            .last()
            .map_or(run.end, |k| k + 1);
        let token = &self.chars[start..end];
        let letters = |part: &&[char]| {
            let inner: Vec<&char> = part.iter().filter(|c| c.is_alphanumeric()).collect();
            inner.len() == 1 && inner[0].is_alphabetic()
        };
        token.split(|&c| c == '-').filter(letters).count() >= 2
    }
}
