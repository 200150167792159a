//! Candidate split points in a text: where a space may be missing, and how sure the words
//! are.
//!
//! For each token that is not plainly a word, the points where a lost line break may have
//! glued two words, each with its *margin*: the log10 odds, from the words alone and the
//! batch's vocabulary, that a space belongs there.  The decision weighs these against the
//! rhythm of the lost breaks.  Offsets are code points, as Python indexes a `str`.
//!
//! The kinds of candidate each have a module: `words` (letter runs read as words, and
//! clitics), `case` (case changes) and `edges` (digits, currency signs and marks).

use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::lexicon::{Lexicon, ZIPF_OFFSET};

mod cache;
mod capitals;
pub use capitals::CapitalsLine;
mod case;
pub use cache::Cache;
use cache::Entry;
mod edges;
mod shapes;
use edges::name_after_number;
use shapes::one_letter_repeated;
mod tokens;
use tokens::tokens;
mod words;
use crate::pystr::{is_alpha, is_digit, is_letter, is_lower, letter_runs, string};
use crate::thresholds::{COMMON, COUNTED_BATCH_CLASS, HYPHENATED_ZIPF, KNOWN_WORD_ZIPF, MAX_TOKEN};
use crate::vocabulary::{Reader, Reads, Vocabulary};
use crate::words::WordLists;

/// What kind of glue a candidate is (its rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitKind {
    /// Words glued where a line break was lost: `strengtheningthe`.
    Words,
    /// A word glued to a capitalised word: `ofKazakhstan`.
    Case,
    /// A word glued to a number, symbol or bracket: `over70`.
    Edge,
}

impl SplitKind {
    pub fn name(self) -> &'static str {
        match self {
            SplitKind::Words => "words",
            SplitKind::Case => "case",
            SplitKind::Edge => "edge",
        }
    }
}

/// A point where a space may go, with the evidence of the words alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub at: usize,
    pub margin: f64,
    pub kind: SplitKind,
    /// The glued form's two sides, shared by every copy (a cached token's candidates are
    /// copied at each place the token stands).
    pub left: Arc<str>,
    pub right: Arc<str>,
    /// The glued form is itself a known word or recurs in the batch.
    pub familiar: bool,
    /// The shape is common in names and compounds: apply only on rhythm.
    pub doubtful: bool,
    /// How often the batch writes the two sides as words of their own, and glued.
    pub seen: Seen,
    /// A glue in capitals (`ISPROVIDED`), read as the lower-case words it spells
    /// (`capitals`): kept only among capitals that read as words.
    pub capitals: bool,
}

/// How often the batch writes a candidate's sides (as written: `Spain`, `expels`) each as a
/// word of its own and the two glued (`Spainexpels`), and how large the batch is
/// (`Vocabulary::size_class`), read once per token.  A name the batch writes alone again
/// and again is a word before a glue, where a name's own ending is not; in a short text no
/// count says much (`COUNTED_BATCH_CLASS`: the counts are 0 there).  Kept small, as a
/// token's candidates stay in the cache: counts past `u32::MAX` read as it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Seen {
    pub left: u32,
    pub right: u32,
    pub glued: u32,
    pub batch: u8,
}

impl Seen {
    fn of(left: &str, right: &str, reader: &mut Reader) -> Seen {
        let batch = reader.size_class();
        if batch < COUNTED_BATCH_CLASS {
            return Seen::default();
        }
        let count = |count: u64| u32::try_from(count).unwrap_or(u32::MAX);
        Seen {
            left: count(reader.word_count(left)),
            right: count(reader.word_count(right)),
            glued: count(reader.word_count(&format!("{left}{right}"))),
            batch: u8::try_from(batch).unwrap_or(u8::MAX), // at most 64
        }
    }
}

impl Candidate {
    fn new(at: usize, margin: f64, kind: SplitKind, left: &[char], right: &[char]) -> Candidate {
        Candidate {
            at,
            margin,
            kind,
            left: string(left).into(),
            right: string(right).into(),
            familiar: false,
            doubtful: false,
            seen: Seen::default(),
            capitals: false,
        }
    }

    fn shifted(&self, offset: usize) -> Candidate {
        Candidate {
            at: self.at + offset,
            ..self.clone()
        }
    }
}

fn pattern(text: &str) -> Regex {
    Regex::new(text).expect("a fixed, valid pattern")
}

/// Code: its marks, a URL, a call (`isinstance(x,` `print()` `.format(`; not `Court(ICC)`
/// or `fraud(vote`, a glue before a bracket), a qualified name (`CGI::startfrom`).
static CODE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"[_=<>{}\\/@#]|://|\w::\w|\.\p{Ll}+\(|\p{Ll}\((?:\p{Ll}\w*)?[,)]"));

/// The characters `CODE_LIKE` cannot match without (a URL's `://` holds a `/`).  Few tokens
/// hold one, and a token that holds none is no code, so the pattern is asked only of those
/// that do (it ran on every token the memo lacked).
const CODE_LIKE_NEEDS: &[char] = &['_', '=', '<', '>', '{', '}', '\\', '/', '@', '#', '(', ':'];

/// Whether a token reads as code (`CODE_LIKE`).
fn code_like(token: &[char]) -> bool {
    token.iter().any(|c| CODE_LIKE_NEEDS.contains(c)) && CODE_LIKE.is_match(&string(token))
}

/// A lower-case word, then a decimal number and what may close it (`of45.2`, `to2.5%,`).
static GLUED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\p{Ll}+)\d+(?:\.\d+)+%?[,.;:)]?$"));

/// The candidate search: the lexicon and the word lists.
pub struct Finder<'a> {
    pub lexicon: &'a Lexicon,
    pub lists: &'a WordLists,
}

/// The least frequency of a plain word: zipf `COMMON`.
fn plain_least() -> f64 {
    10f64.powf(COMMON - ZIPF_OFFSET)
}

impl Finder<'_> {
    /// Whether a token is a plain word: lower-case letters, listed at zipf `COMMON` or
    /// more.  Plain words are kept as found (a few thousand of them make most tokens).
    /// (`candidates` asks the memo of plain words first.)
    fn plain(&self, token: &str, cache: &mut Cache) -> bool {
        let plain = self
            .lexicon
            .frequency(token)
            .is_some_and(|frequency| frequency >= plain_least())
            && {
                let chars: Vec<char> = token.chars().collect();
                is_alpha(&chars) && is_lower(&chars)
            };
        if plain {
            cache.plain.insert(token.into());
        }
        plain
    }

    /// Whether two letter runs one hyphen apart (`In-ternational`) are one common word
    /// hyphenated where a line broke: then the second is no word of its own to split
    /// (`ter national`).
    fn hyphenated(&self, token: &[char], before: (usize, usize), run: (usize, usize)) -> bool {
        let hyphen = before.1 + 1 == run.0 && token[before.1] == '-';
        hyphen && {
            let whole: String = token[before.0..before.1]
                .iter()
                .chain(&token[run.0..run.1])
                .collect();
            self.lexicon.zipf(&whole.to_lowercase()) >= HYPHENATED_ZIPF
        }
    }

    fn function_word(&self, word: &str) -> bool {
        self.lists.function_words.contains(word)
    }

    /// Whether a token is a function word glued to a decimal number (`of45.2`, `to2.5%,`,
    /// `about14.22`), or a word glued to a percentage (`won49.8%`, `falls2.7%.`), which the
    /// dotted names' pattern takes for one (`python3.11`): no name starts with `of` or `to`
    /// and runs on into a number, and no version is a percentage.
    fn glued_number(&self, token: &str) -> bool {
        let Some(word) = GLUED_NUMBER.captures(token).and_then(|found| found.get(1)) else {
            return false;
        };
        let word = word.as_str();
        let percentage =
            token.chars().any(|c| c == '%') && self.lexicon.zipf(word) >= KNOWN_WORD_ZIPF;
        word.len() > 1 && (self.function_word(word) || percentage)
    }

    /// Candidates of one letter run, at offsets within it: at case changes, between words.
    fn run_candidates(&self, run: &[char], reader: &mut Reader) -> Vec<Candidate> {
        let segments = self.case_segments(run);
        let mut found = self.case_candidates(run, &segments, reader);
        found.extend(self.capitals_candidates(run, reader));
        for (start, end) in segments {
            let segment = &run[start..end];
            if is_lower(&segment[1..]) {
                found.extend(self.word_candidates(segment, start, reader));
                found.extend(self.batch_word_candidates(segment, start, reader));
            }
        }
        found
    }

    /// Candidates of one token, at offsets within it.
    fn token_candidates(
        &self,
        token: &[char],
        cache: &mut Cache,
        reader: &mut Reader,
    ) -> Vec<Candidate> {
        let mut found = Vec::new();
        if code_like(token) {
            return found;
        }
        let runs = letter_runs(token);
        for (k, &(at, end)) in runs.iter().enumerate() {
            let run = &token[at..end];
            if at > 0 && matches!(token[at - 1], '\'' | '\u{2019}') {
                if at > 1 && is_letter(token[at - 2]) {
                    let clitic = self.clitic_candidates(run, at, reader);
                    if clitic.is_empty() && k > 0 {
                        let word = (runs[k - 1].0, end);
                        found.extend(self.capital_after_apostrophe(token, word, at, reader));
                    }
                    found.extend(clitic);
                }
                continue; // after a clitic (Russia'sgas) or an opening quote ('scallop')
            }
            let digits_before = token[..at]
                .iter()
                .rev()
                .take_while(|&&c| is_digit(c))
                .count();
            if digits_before > 0 && name_after_number(&token[at - digits_before..at], run) {
                continue; // 23andMe: a name, not `and Me`
            }
            let before = k > 0 && self.hyphenated(token, runs[k - 1], (at, end));
            let after = runs
                .get(k + 1)
                .is_some_and(|&next| self.hyphenated(token, (at, end), next));
            if before || after {
                continue; // a word hyphenated where a line broke: In-ternational, informa-tion
            }
            if one_letter_repeated(run) {
                continue; // OOOOOOOO, zzzz: emphasis or garbage, no words glued
            }
            let key = string(run);
            if cache.runs.get(key.as_str()).is_none() {
                let mut inner = Reader::new(reader.vocabulary);
                let found = self.run_candidates(run, &mut inner);
                cache
                    .runs
                    .insert(key.as_str().into(), Entry::of(found, inner.reads));
            }
            let Some(entry) = cache.runs.get(key.as_str()) else {
                continue; // just inserted
            };
            reader.reads.note_lines(&entry.reads);
            found.extend(entry.found.iter().map(|c| c.shifted(at)));
            let next = runs.get(k + 1).map(|&(start, _)| start);
            if let Some(candidate) = self.article_before_hyphen(token, (at, end), next, reader) {
                found.push(candidate);
            }
        }
        found.extend(self.edge_candidates(token, reader));
        found
    }

    /// Every candidate split point in `text`, each with its margin from the words alone,
    /// sorted and one per point (the surest); `protected` are the sorted spans of URLs,
    /// addresses and dotted names, left whole.  With `reads`, the counts read are added
    /// to it.  `lines` tells which lines are set in capitals (`CapitalsLine::default()`
    /// reads each in `text`).
    pub fn candidates(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        vocabulary: &Vocabulary,
        cache: &mut Cache,
        mut reads: Option<&mut Reads>,
        mut lines: CapitalsLine,
    ) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        let mut span = 0;
        for token in tokens(text) {
            // a glue in capitals stands on a line in capitals (asked only of a token that
            // has one)
            let on_capitals_line = || lines.holds(text, token.byte);
            let end = token.at + token.letters;
            while span < protected.len() && protected[span].1 <= token.at {
                span += 1;
            }
            if span < protected.len() && protected[span].0 < end && !self.glued_number(token.text) {
                continue; // a URL, e-mail address, handle or dotted name
            }
            if token.letters > MAX_TOKEN {
                continue; // not prose: a hash, a base64 blob, a line of letters
            }
            // Most tokens are plain words met before: one hash each.  A plain word never
            // enters the token memo, so a token the memo holds is not asked again.
            if cache.plain.contains(token.text) {
                continue;
            }
            if let Some(entry) = cache.tokens.get(token.text) {
                if let Some(reads) = reads.as_deref_mut() {
                    reads.note_lines(&entry.reads);
                }
                placed(&mut found, &entry.found, token.at, on_capitals_line);
                continue;
            }
            if self.plain(token.text, cache) {
                continue; // the common case: a plain word
            }
            let chars: Vec<char> = token.text.chars().collect();
            let mut reader = Reader::new(vocabulary);
            let mut computed = self.token_candidates(&chars, cache, &mut reader);
            for candidate in &mut computed {
                let seen = if candidate.capitals {
                    Seen::of_capitals
                } else {
                    Seen::of
                };
                candidate.seen = seen(&candidate.left, &candidate.right, &mut reader);
            }
            let entry = Entry::of(computed, reader.reads);
            if let Some(reads) = reads.as_deref_mut() {
                reads.note_lines(&entry.reads);
            }
            placed(&mut found, &entry.found, token.at, on_capitals_line);
            cache.tokens.insert(token.text.into(), entry);
        }
        found.sort_by_key(|c| c.at);
        dedupe(found)
    }
}

/// A token's candidates (`entry`) placed where it starts, a glue in capitals only where the
/// token stands on a line in capitals (`on_capitals_line`, asked once, if at all).
fn placed(
    found: &mut Vec<Candidate>,
    entry: &[Candidate],
    at: usize,
    on_capitals_line: impl FnOnce() -> bool,
) {
    let keep_capitals = !entry.iter().any(|c| c.capitals) || on_capitals_line();
    found.extend(
        entry
            .iter()
            .filter(|c| keep_capitals || !c.capitals)
            .map(|c| c.shifted(at)),
    );
}

/// One candidate per point: where two fall on one point, the first unless a later one is
/// surer.
fn dedupe(found: Vec<Candidate>) -> Vec<Candidate> {
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for candidate in found {
        if let Some(last) = kept.last_mut() {
            if last.at == candidate.at {
                if candidate.margin > last.margin {
                    *last = candidate;
                }
                continue;
            }
        }
        kept.push(candidate);
    }
    kept
}

#[cfg(test)]
mod tests;
