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
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::Lexicon;

mod case;
mod edges;
use edges::name_after_number;
mod words;
use crate::pystr::{is_alpha, is_digit, is_letter, is_lower, letter_runs, string};
use crate::thresholds::{COMMON, HYPHENATED_ZIPF, KNOWN_WORD_ZIPF, MAX_TOKEN};
use crate::vocabulary::{note_keys, Reader, Reads, Vocabulary};
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
/// or `fraud(vote`, a glue before a bracket).
static CODE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"[_=<>{}\\/@#]|://|\.\p{Ll}+\(|\p{Ll}\((?:\p{Ll}[\p{L}\d]*)?[,)]"));

/// A lower-case word, then a decimal number and what may close it (`of45.2`, `to2.5%,`).
static GLUED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\p{Ll}+)\d+(?:\.\d+)+%?[,.;:)]?$"));

/// A cached answer: the candidates, and the batch counts computing them read.
#[derive(Clone, Debug, Default)]
struct Entry {
    found: Vec<Candidate>,
    /// The keys read, one per line (one allocation, not one per key: a capitalised token
    /// reads the batch's count of each of its prefixes).
    reads: Box<str>,
}

impl Entry {
    fn of(found: Vec<Candidate>, reads: Reads) -> Entry {
        Entry {
            found,
            reads: reads.into_iter().collect::<Vec<_>>().join("\n").into(),
        }
    }
}

/// Candidates by token and by letter run, for one vocabulary as it stands: a batch repeats
/// its tokens ("Kazakhstan", "Kazakhstan," and "(Kazakhstan" share a run), so each is
/// read once.  Clear it when the vocabulary changes.
#[derive(Debug, Default)]
pub struct Cache {
    tokens: Generations,
    runs: Generations,
    /// The plain words found so far (`Finder::plain`).
    plain: FxHashSet<Box<str>>,
}

/// Entries kept per generation of a map: a bound on memory (two generations at most).  The
/// batch's names and glues recur across its files, far apart: over 600 damaged files a map
/// that dropped everything once it held 10,000 entries computed 66,000 tokens where one that
/// never emptied computed 42,000 (`clean` 9,875M and 9,300M instructions).  Two generations
/// of 20,000 took 9,410M, and two of 10,000 2% more than that (about half the gain), but the
/// cleaning of one 20 MB file held 12 MB less anonymous memory with 10,000 (103 MB against
/// 115 at its end; the peak RSS bar is 150 MB).
const CACHE_TOKENS: usize = 10_000;

/// A memo that keeps what was used lately: entries go into the newer generation; when it
/// is full it becomes the older one (the older is dropped), and an entry found in the older
/// moves back into the newer.
#[derive(Debug, Default)]
struct Generations {
    newer: FxHashMap<Box<str>, Entry>,
    older: FxHashMap<Box<str>, Entry>,
}

impl Generations {
    /// The entry of `key`, moved into the newer generation if it was in the older.
    fn get(&mut self, key: &str) -> Option<&Entry> {
        if !self.newer.contains_key(key) {
            let (key, entry) = self.older.remove_entry(key)?;
            self.insert(key, entry);
        }
        self.newer.get(key)
    }

    fn insert(&mut self, key: Box<str>, entry: Entry) {
        if self.newer.len() >= CACHE_TOKENS {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, entry);
    }

    fn clear(&mut self) {
        self.newer.clear();
        self.older.clear();
    }
}

impl Cache {
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.runs.clear();
        self.plain.clear();
    }
}

/// The candidate search: the lexicon and the word lists.
pub struct Finder<'a> {
    pub lexicon: &'a Lexicon,
    pub lists: &'a WordLists,
}

/// The least frequency of a plain word: zipf `COMMON`.
fn plain_least() -> f64 {
    10f64.powf(COMMON - 9.0)
}

/// A whitespace-delimited token: its text and where it starts (code points).
struct Token<'t> {
    text: &'t str,
    at: usize,
    letters: usize, // its length in code points
}

/// The tokens of a text (`\S+`), in order.
fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> + '_ {
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
            letters,
        };
        at += letters;
        rest = &rest[end..];
        Some(token)
    })
}

impl Finder<'_> {
    /// Whether a token is a plain word: lower-case letters, listed at zipf `COMMON` or
    /// more.  Plain words are kept as found (a few thousand of them make most tokens).
    fn plain(&self, token: &str, cache: &mut Cache) -> bool {
        if cache.plain.contains(token) {
            return true;
        }
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
        if CODE_LIKE.is_match(&string(token)) {
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
            note_keys(&mut reader.reads, &entry.reads);
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
    /// to it.
    pub fn candidates(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        vocabulary: &Vocabulary,
        cache: &mut Cache,
        mut reads: Option<&mut Reads>,
    ) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        let mut span = 0;
        for token in tokens(text) {
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
            // A token the cache holds is not plain: plain ones never enter it.
            let held = cache.tokens.get(token.text).is_some();
            if !held && self.plain(token.text, cache) {
                continue; // the common case: a plain word
            }
            if !held {
                let chars: Vec<char> = token.text.chars().collect();
                let mut reader = Reader::new(vocabulary);
                let computed = self.token_candidates(&chars, cache, &mut reader);
                cache
                    .tokens
                    .insert(token.text.into(), Entry::of(computed, reader.reads));
            }
            let Some(entry) = cache.tokens.get(token.text) else {
                continue; // just inserted
            };
            if let Some(reads) = reads.as_deref_mut() {
                note_keys(reads, &entry.reads);
            }
            found.extend(entry.found.iter().map(|c| c.shifted(token.at)));
        }
        found.sort_by_key(|c| c.at);
        dedupe(found)
    }
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
mod tests {
    use super::case::case_matches;
    use super::edges::{mixed_runs, ordinal};
    use super::words::ends_as_participle;
    use super::*;

    #[test]
    fn tokens_are_split_on_white_space_in_code_points() {
        let found: Vec<(usize, &str, usize)> = tokens(" é ab\u{a0}c\n")
            .map(|t| (t.at, t.text, t.letters))
            .collect();
        assert_eq!(found, [(1, "é", 1), (3, "ab", 2), (6, "c", 1)]);
    }

    #[test]
    fn case_matches_follow_the_pattern() {
        let run: Vec<char> = "AzizDolosbayevNATOallies".chars().collect();
        assert_eq!(case_matches(&run), [(0, 4), (4, 14), (14, 24)]);
        // a modifier letter between lower-case ones is inside the word, not a case change
        let run: Vec<char> = "Kaua\u{2bb}iMata\u{2bb}afa\u{2bb}".chars().collect();
        assert_eq!(case_matches(&run), [(0, 6), (6, 14)]); // the last, before no letter, is not
    }

    #[test]
    fn participles_and_ordinals() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(ends_as_participle(&chars("controlled")));
        assert!(!ends_as_participle(&chars("reed")));
        assert_eq!(ordinal(&chars("80")), "th");
        assert_eq!(ordinal(&chars("11")), "th");
        assert_eq!(ordinal(&chars("21")), "st");
    }

    #[test]
    fn mixed_runs_hold_letters_and_digits() {
        let chars: Vec<char> = "boto3-win-32x".chars().collect();
        assert_eq!(mixed_runs(&chars), [(0, 5), (10, 13)]);
    }

    fn entry(margin: f64) -> Entry {
        Entry::of(
            vec![Candidate::new(1, margin, SplitKind::Words, &['a'], &['b'])],
            Reads::default(),
        )
    }

    #[test]
    fn a_memo_keeps_what_is_used_and_holds_two_generations_at_most() {
        let mut memo = Generations::default();
        memo.insert("kept".into(), entry(1.0));
        for k in 0..CACHE_TOKENS - 1 {
            memo.insert(format!("filler {k}").into(), entry(0.0));
        }
        // the newer generation is full: the next entry starts another, "kept" is older
        memo.insert("turns".into(), entry(0.0));
        assert!(memo.get("kept").is_some_and(|e| e.found[0].margin == 1.0));
        for k in 0..CACHE_TOKENS {
            memo.insert(format!("more {k}").into(), entry(0.0));
        }
        // used after the first turn, so it was moved into the generation kept at the second
        assert!(memo.get("kept").is_some());
        assert!(memo.get("filler 0").is_none());
        assert!(memo.newer.len() + memo.older.len() <= 2 * CACHE_TOKENS);
        memo.clear();
        assert!(memo.get("kept").is_none());
    }
}
