//! Candidate split points in a text: where a space may be missing, and how sure the words
//! are.
//!
//! For each token that is not plainly a word, the points where a lost line break may have
//! glued two words, each with its *margin*: the log10 odds, from the words alone and the
//! batch's vocabulary, that a space belongs there.  The decision weighs these against the
//! rhythm of the lost breaks.  Offsets are code points, as Python indexes a `str`.

use std::convert::Infallible;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::Lexicon;
use crate::marks::mark_edges;
use crate::pystr::{
    is_alpha, is_digit, is_letter, is_lower, is_upper, is_upper_char, lower, slice, string,
};
use crate::segment::Segmenter;
use crate::thresholds::{
    AFTER_ARTICLE_ZIPF, AFTER_CAPITALS_ZIPF, AFTER_CAPITAL_ZIPF, BARELY_GLUE, BEFORE_NUMBER_ZIPF,
    CAMEL_REPEATS, CAMEL_WORD_ZIPF, CAPITALISED_WORD_ZIPF, COMMON, COMMON_AFTER_ZIPF, COSTS,
    DERIVED_STEM_ZIPF, FAMILIAR_ZIPF, KNOWN_NAME, KNOWN_WORD_ZIPF, LEANS_GLUE, LOWER_REPEATS,
    MAX_TOKEN, NAME_LOGP, NAME_PER_LETTER, PLAIN_GLUE, RECURS, REPEATED_A_FEW, REPEATED_PER_TIME,
    REPEATS_COUNTED, SPACED_IN_BATCH, SPLIT_COST, SUGGEST, UNKNOWN_LOWER, UNKNOWN_PER_LETTER,
};
use crate::vocabulary::{Key, Reader, Reads, Vocabulary};
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
    pub left: String,
    pub right: String,
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
            left: string(left),
            right: string(right),
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
/// One digit inside letters is a name: Grow2Feed, number9dream, B2B.
static IDENTIFIER: LazyLock<Regex> = LazyLock::new(|| pattern(r"\p{L}{2}\d\p{L}|\p{Ll}\d\p{L}"));

/// What every digit edge holds: a digit or a currency sign.
fn digitish(ch: char) -> bool {
    is_digit(ch) || matches!(ch, '$' | '€' | '£' | '¥')
}

/// What the word-and-number stretch either side of a digit edge holds: 'over' | '70'.
fn edge_stretch(ch: char) -> bool {
    is_letter(ch) || is_digit(ch) || matches!(ch, '.' | ',' | ':' | '$' | '€' | '£' | '¥')
}

const CLITICS: [&str; 7] = ["ll", "re", "ve", "s", "t", "d", "m"];

/// A cached answer: the candidates, and the batch counts computing them read.
#[derive(Clone, Debug, Default)]
struct Entry {
    found: Vec<Candidate>,
    reads: Vec<Key>,
}

impl Entry {
    fn of(found: Vec<Candidate>, reads: Reads) -> Entry {
        Entry {
            found,
            reads: reads.into_iter().collect(),
        }
    }
}

/// Candidates by token and by letter run, for one vocabulary as it stands: a batch repeats
/// its tokens ("Kazakhstan", "Kazakhstan," and "(Kazakhstan" share a run), so each is
/// read once.  Clear it when the vocabulary changes.
#[derive(Debug, Default)]
pub struct Cache {
    tokens: FxHashMap<Box<str>, Entry>,
    runs: FxHashMap<Box<str>, Entry>,
    /// The plain words found so far (`Finder::plain`).
    plain: FxHashSet<Box<str>>,
}

/// Entries kept per map before it starts again: a bound on memory (an entry takes about
/// a kilobyte).  A run reads each file once, and one pass over 600 damaged files was as
/// fast with 10,000 as with 40,000 (0.98 and 0.95 s); a 20 MB file peaked 30 MB lower.
const CACHE_TOKENS: usize = 10_000;

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

/// Maximal runs of letters (`\p{L}+`) in a token: (start, end).
fn letter_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_letter(chars[i]) {
            let start = i;
            while i < chars.len() && is_letter(chars[i]) {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// Maximal runs of letters and digits holding both (Boto3, win32): (start, end).
fn mixed_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_letter(chars[i]) || is_digit(chars[i]) {
            let start = i;
            while i < chars.len() && (is_letter(chars[i]) || is_digit(chars[i])) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.iter().any(|&c| is_letter(c)) && run.iter().any(|&c| is_digit(c)) {
                runs.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    runs
}

fn ends_as_participle(part: &[char]) -> bool {
    let letters_before = |suffix: usize| {
        part.len() >= suffix + 3
            && part[part.len() - suffix - 3..part.len() - suffix]
                .iter()
                .all(|&c| is_letter(c))
    };
    (part.ends_with(&['e', 'd']) && letters_before(2))
        || (part.ends_with(&['i', 'n', 'g']) && letters_before(3))
}

/// The ordinal suffix a number takes in English: 1st, 2nd, 3rd, 11th, 80th.
fn ordinal(number: &[char]) -> &'static str {
    let n = number.len();
    if n >= 2 && number[n - 2] == '1' {
        return "th";
    }
    match number.last() {
        Some('1') => "st",
        Some('2') => "nd",
        Some('3') => "rd",
        _ => "th",
    }
}

fn chars_of(text: &str) -> Vec<char> {
    text.chars().collect()
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

    fn function_word(&self, word: &str) -> bool {
        self.lists.function_words.contains(word)
    }

    fn name_logp(&self, name: &[char], reader: &mut Reader) -> f64 {
        let seen = if reader.word_count(&string(name)) > 1 {
            1.0
        } else {
            0.0
        };
        NAME_LOGP + NAME_PER_LETTER * name.len() as f64 + seen
    }

    fn whole_logp(&self, run: &[char], reader: &mut Reader) -> f64 {
        let value = self.lexicon.logp(&lower(run));
        if run.first().is_some_and(|&c| is_upper_char(c)) {
            let name = self.name_logp(run, reader);
            return match value {
                Some(value) if value >= name => value,
                _ => name,
            };
        }
        value.unwrap_or(UNKNOWN_LOWER + UNKNOWN_PER_LETTER * run.len() as f64)
    }

    /// Best split points of a letter run, and the reading's score (`segment`).
    fn segment(&self, run: &[char], reader: &mut Reader) -> Vec<usize> {
        let mut segmenter = Segmenter {
            lexicon: self.lexicon,
            costs: COSTS,
            word_count: |name: &str| Ok::<u64, Infallible>(reader.word_count(name)),
        };
        match segmenter.segment(&string(run)) {
            Ok((cuts, _)) => cuts,
            Err(never) => match never {},
        }
    }

    /// log10 odds from the batch: written spaced more than glued, or glued often and never
    /// spaced.
    ///
    /// A lost break falls between two given words rarely, so a glued form that recurs and
    /// is never spaced is a name or compound; but a damaged batch glues a frequent phrase
    /// a few times too, so without an inner capital it takes more recurrences to count.
    fn batch_evidence(&self, glued: &str, reader: &mut Reader, camel: bool) -> f64 {
        let glued_count = reader.word_count(glued);
        let spaced_count = reader.pair_count(glued);
        if spaced_count > glued_count {
            return SPACED_IN_BATCH;
        }
        let repeats = if camel { CAMEL_REPEATS } else { LOWER_REPEATS };
        if spaced_count == 0 && glued_count >= repeats {
            return REPEATED_PER_TIME * glued_count.min(REPEATS_COUNTED) as f64;
        }
        if spaced_count == 0 && glued_count >= RECURS {
            return REPEATED_A_FEW;
        }
        0.0
    }

    /// log10 p of pieces read as consecutive tokens, with the glue prior for each join.
    ///
    /// A lone piece is the whole token (a word, a name or an unknown string); in a chain,
    /// a known piece counts as that word, and an unknown one as a name or an unknown
    /// string.
    fn chain_logp(&self, pieces: &[&[char]], reader: &mut Reader) -> f64 {
        if pieces.len() == 1 {
            return self.whole_logp(pieces[0], reader);
        }
        let mut total = match self.lexicon.logp(&lower(pieces[0])) {
            Some(first) => first,
            None => self.whole_logp(pieces[0], reader),
        };
        for pair in pieces.windows(2) {
            let (previous, piece) = (pair[0], pair[1]);
            let piece_lower = lower(piece);
            if self.lexicon.logp(&piece_lower).is_some() {
                total += self.lexicon.cond(&lower(previous), &piece_lower);
            } else {
                total += self.whole_logp(piece, reader);
            }
            total -= SPLIT_COST;
        }
        total
    }

    /// Whether a token is a known word plus a suffix: photosynthesizes, melancholically.
    fn derived(&self, low: &[char]) -> bool {
        let longest = self.lists.longest_suffix() as isize;
        let most = longest.min(low.len() as isize - 4);
        (1..=most.max(0) as usize).any(|length| {
            let (stem, suffix) = low.split_at(low.len() - length);
            self.lists.suffixes.contains(&string(suffix))
                && self.lexicon.zipf(&string(stem)) >= DERIVED_STEM_ZIPF
        })
    }

    /// Lexical splits of a run without inner capitals (`thepress`, `Theconference`,
    /// `Hamroand`).
    ///
    /// Each cut gets its own margin: the best reading against the same reading with that
    /// one cut undone, so `accusingherofcontempt` is judged cut by cut; no cut is surer
    /// than the whole reading against the unsplit token.
    fn word_candidates(&self, run: &[char], offset: usize, reader: &mut Reader) -> Vec<Candidate> {
        let low = lower(run);
        if run.len() < 3 || !is_lower(&run[1..]) {
            return Vec::new();
        }
        let capitalised = is_upper_char(run[0]);
        let plainly = if capitalised { KNOWN_NAME } else { COMMON };
        if self.lexicon.zipf(&low) >= plainly {
            return Vec::new(); // plainly a word or name: Kazakhstan, cooperation
        }
        let cuts = self.segment(run, reader);
        if cuts.is_empty() {
            return Vec::new();
        }
        let mut bounds = vec![0];
        bounds.extend(&cuts);
        bounds.push(run.len());
        let pieces: Vec<&[char]> = bounds
            .windows(2)
            .map(|pair| slice(run, pair[0], pair[1]))
            .collect();
        let best = self.chain_logp(&pieces, reader);
        let short_name = capitalised && run.len() < 7; // mostly names: Wasit, Isa, Beit
        let derived = self.derived(&chars_of(&low));
        let familiar =
            self.lexicon.zipf(&low) >= FAMILIAR_ZIPF || reader.word_count(&string(run)) > 1;
        let whole = best - self.chain_logp(&[run], reader);
        let unknown_name = self.lexicon.logp(&lower(pieces[0])).is_none() && capitalised;
        let last = pieces[pieces.len() - 1];
        let mut found = Vec::new();
        for (i, &cut) in cuts.iter().enumerate() {
            let joined: Vec<char> = [pieces[i], pieces[i + 1]].concat();
            let mut merged: Vec<&[char]> = pieces[..i].to_vec();
            merged.push(&joined);
            merged.extend(&pieces[i + 2..]);
            let undone = best - self.chain_logp(&merged, reader);
            let mut margin = if undone < whole { undone } else { whole };
            let left_lower = lower(pieces[i]);
            let doubtful = short_name
                || derived
                // Kazinform, Muyayarecognize: a name before a content word reads either way
                || (unknown_name && !self.function_word(&lower(last)))
                // Kolesnikova, Khmelnytskyi, Josephat: a name's ending, not a word
                || (capitalised && i == cuts.len() - 1 && last.len() < 3)
                // counteroffensive, neurotechnologies: a prefix makes a compound
                || self.lists.prefixes.contains(&left_lower)
                // radiocontrolled, attentiongrabbing: a compound that lost its hyphen
                || (ends_as_participle(pieces[i + 1]) && !self.function_word(&left_lower));
            margin += self.batch_evidence(&string(&joined), reader, false);
            found.push(Candidate {
                familiar,
                doubtful,
                ..Candidate::new(
                    offset + cut,
                    margin,
                    SplitKind::Words,
                    pieces[i],
                    pieces[i + 1],
                )
            });
        }
        found
    }

    /// Spans of a run's case segments; capitals before lower case go where the lexicon
    /// says.
    ///
    /// "NATOallies" is NATO|allies, "SpaceXlaunches" Space|X|launches and "AVenezuelan"
    /// A|Venezuelan, but "Ahead", "MIAs" and "Dolosbayev" stay whole.
    fn case_segments(&self, run: &[char]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for (start, end) in case_matches(run) {
            let width = run[start..end]
                .iter()
                .take_while(|&&c| crate::pystr::is_upper_letter(c))
                .count();
            let tail = &run[start + width..end];
            if width == 0 || tail.is_empty() || tail.len() <= 2 {
                spans.push((start, end));
                continue;
            }
            let capitalised = &run[start + width - 1..end];
            let article = matches!(run[start], 'A' | 'I');
            let cut = if width >= 2 && self.function_word(&lower(tail)) {
                width // ISILand, NATOand: a function word after capitals
            } else if width == 2 && start == 0 && matches!(run[0], 'A' | 'I') && tail.len() >= 3 {
                1 // ABeechcraft, ATatmadaw: the article before a name
            } else if self.lexicon.zipf(&lower(capitalised)) >= CAPITALISED_WORD_ZIPF {
                width - 1 // the last capital starts a word: AVenezuelan, President
            } else if (start > 0 || width >= 2 || article)
                && self.capitals_end_before(&run[start..start + width], tail)
            {
                width // the capitals end before a word: NATOallies, Aman, SpaceXlaunches
            } else {
                0 // one word or name: Anod, IDFreservist
            };
            if cut == 0 {
                spans.push((start, end));
            } else {
                spans.push((start, start + cut));
                spans.push((start + cut, end));
            }
        }
        spans
    }

    /// Whether capitals glued to lower-case letters end before them (`NATOallies`, `Aman`).
    fn capitals_end_before(&self, capitals: &[char], tail: &[char]) -> bool {
        let zipf = self.lexicon.zipf(&lower(tail));
        if capitals.len() >= 2 {
            return zipf >= AFTER_CAPITALS_ZIPF && tail.len() >= 3;
        }
        if matches!(capitals, ['A'] | ['I']) {
            return zipf >= AFTER_ARTICLE_ZIPF; // the article or pronoun: Aman, Apolice, Iwas
        }
        zipf >= AFTER_CAPITAL_ZIPF && tail.len() >= 4 // SpaceXlaunches
    }

    /// Splits at inner capitals (`theAfrican`, `AzizDolosbayev`), unless the run is a name.
    fn case_candidates(
        &self,
        run: &[char],
        segments: &[(usize, usize)],
        reader: &mut Reader,
    ) -> Vec<Candidate> {
        if segments.len() < 2 {
            return Vec::new();
        }
        let head = &run[segments[0].0..segments[0].1];
        let lower_function_word = is_lower(head) && self.function_word(&string(head));
        let whole = string(run);
        if !lower_function_word && self.batch_evidence(&whole, reader, true) < 0.0 {
            return Vec::new(); // a recurring inner-capital form the batch never spaces: a name
        }
        if self.lexicon.zipf(&lower(run)) >= CAMEL_WORD_ZIPF
            && self.batch_evidence(&whole, reader, true) <= 0.0
        {
            return Vec::new(); // TikTok, YouTube, McDonald, KwaZulu
        }
        let mut found = Vec::new();
        for pair in segments.windows(2) {
            let ((left_start, point), (_, right_end)) = (pair[0], pair[1]);
            let left = slice(run, left_start, point);
            let right = slice(run, point, right_end);
            let left_lower = lower(left);
            if is_upper(left)
                && is_lower(right)
                && self.lexicon.zipf(&string(right)) < KNOWN_WORD_ZIPF
            {
                continue; // an acronym's plural or suffix: MIAs, PhDs
            }
            if left.len() == 1 && is_lower(left) && left != ['a'] {
                continue; // iPhone, eBay, xAI (but aTatmadaw: the article)
            }
            let functional = self.function_word(&left_lower) && left.len() > 1;
            if is_upper(right) && right.len() >= 2 && functional {
                found.push(Candidate::new(
                    point,
                    LEANS_GLUE,
                    SplitKind::Case,
                    left,
                    right,
                ));
                continue; // theIDF, byISIL, TheCALNEV
            }
            let hyphenated = right_end == run.len() && right.len() == 2 && is_lower(&right[1..]);
            if is_upper(right)
                && right.len() >= 2
                && is_lower(slice(left, 1, left.len()))
                && !self.last_word(left).is_empty()
            {
                found.push(Candidate::new(
                    point,
                    BARELY_GLUE,
                    SplitKind::Case,
                    left,
                    right,
                ));
                continue; // allegedUS, wheretheUN, BangladeshiIEDCR
            }
            if self.lists.name_prefixes.contains(&left_lower) {
                continue; // McLaren, MacArthur, FitzGerald
            }
            let particle = self.lists.name_particles.contains(&left_lower);
            if particle && !is_upper(right) && right.len() >= 3 {
                // deJaneiro, ElSalvador glue; DeSantis, LaGuardia do not: only the batch and
                // the rhythm can tell, and a lower-case particle leans to the glue.
                let glued = string(&[left, right].concat());
                let margin = if is_lower(left) { LEANS_GLUE } else { 0.0 }
                    + self.batch_evidence(&glued, reader, true);
                found.push(Candidate {
                    doubtful: true,
                    ..Candidate::new(point, margin, SplitKind::Case, left, right)
                });
                continue;
            }
            if particle || (right.len() < 3 && !hyphenated) || is_upper(right) {
                continue; // AfD, VfB; OpenAI
            }
            if is_upper(left)
                && left.len() == 1
                && !matches!(left, ['A'] | ['I'])
                && !is_lower(right)
            {
                continue; // 4CMenB, SpaDeX: an identifier, not words
            }
            let last = self.last_word(left);
            let first = self.first_word(right);
            let mut margin = if !last.is_empty() && !first.is_empty() {
                LEANS_GLUE
            } else {
                BARELY_GLUE
            };
            if functional && !first.is_empty() {
                margin = PLAIN_GLUE; // theAfrican, TheConference, ofKazakhstan
            }
            let glued = [
                if last.is_empty() { left } else { last },
                if first.is_empty() { right } else { first },
            ]
            .concat();
            let evidence = self.batch_evidence(&string(&glued), reader, true);
            // Names may start "The" or "Near" (NearEarth) but not "the": a lower-case
            // function word glued to a capital is a glue however often the batch repeats it.
            margin += if functional && is_lower(left) {
                if evidence >= 0.0 {
                    evidence
                } else {
                    0.0
                }
            } else {
                evidence
            };
            found.push(Candidate::new(
                point,
                margin,
                SplitKind::Case,
                &run[..point],
                &run[point..],
            ));
        }
        found
    }

    /// The longest known word that `text` ends with (three letters, or a function word),
    /// or an empty slice.
    fn last_word<'t>(&self, text: &'t [char]) -> &'t [char] {
        for i in 0..text.len() {
            let tail = lower(&text[i..]);
            if (tail.chars().count() >= 3 && self.lexicon.zipf(&tail) >= KNOWN_WORD_ZIPF)
                || self.function_word(&tail)
            {
                return &text[i..];
            }
        }
        &[]
    }

    /// The longest known word that `text` starts with (three letters, or a function word).
    fn first_word<'t>(&self, text: &'t [char]) -> &'t [char] {
        for i in (1..=text.len()).rev() {
            let head = lower(&text[..i]);
            if (i >= 3 && self.lexicon.zipf(&head) >= KNOWN_WORD_ZIPF) || self.function_word(&head)
            {
                return &text[..i];
            }
        }
        &[]
    }

    /// Splits where letters meet digits, currency signs or brackets (`over70`, `(FBI)is`).
    fn edge_candidates(&self, token: &[char], reader: &mut Reader) -> Vec<Candidate> {
        let mut found = Vec::new();
        let digits = token.iter().any(|&c| digitish(c)); // most tokens: no digit, no sign
        if digits && IDENTIFIER.is_match(&string(token)) {
            return found; // Grow2Feed, number9dream, B2B: one digit inside letters is a name
        }
        let mixed = if digits {
            mixed_runs(token)
        } else {
            Vec::new()
        };
        for edge in 1..token.len() {
            if !digits {
                break;
            }
            let (before, after) = (token[edge - 1], token[edge]);
            let letters_then_digits = is_letter(before) && digitish(after);
            let digits_then_letters = is_digit(before) && is_letter(after);
            if !(letters_then_digits || digits_then_letters) {
                continue;
            }
            if let Some(candidate) = self.digit_edge(token, edge, &mixed, reader) {
                found.push(candidate);
            }
        }
        for (at, margin) in mark_edges(token) {
            found.push(Candidate::new(
                at,
                margin,
                SplitKind::Edge,
                &token[..at],
                &token[at..],
            ));
        }
        found
    }

    /// The candidate at a digit edge of a token, if any.
    fn digit_edge(
        &self,
        token: &[char],
        edge: usize,
        mixed: &[(usize, usize)],
        reader: &mut Reader,
    ) -> Option<Candidate> {
        let mut at = edge;
        let left_from = at
            - token[..at]
                .iter()
                .rev()
                .take_while(|&&c| edge_stretch(c))
                .count();
        let right_to = at + token[at..].iter().take_while(|&&c| edge_stretch(c)).count();
        let mut left_text: Vec<char> = token[left_from..at].to_vec();
        let mut right_text: &[char] = &token[at..right_to];
        let margin;
        if is_letter(token[at - 1]) {
            let letters_from = at
                - token[..at]
                    .iter()
                    .rev()
                    .take_while(|&&c| is_letter(c))
                    .count();
            let letters = &token[letters_from..at];
            let head = self.last_word(letters);
            let edge_candidate =
                |margin| Candidate::new(at, margin, SplitKind::Edge, &left_text, right_text);
            if letters == ['A'] && is_digit(token[at]) {
                return Some(edge_candidate(BARELY_GLUE)); // A14-year-old: the article, or a model (A380)
            }
            if letters.first().is_some_and(|&c| is_upper_char(c))
                && is_lower(&letters[1..])
                && head == letters
            {
                // April2, Route169, An18-year-old: a name and a number, on rhythm
                let word = head.len() >= 3 || self.function_word(&lower(head));
                return word.then(|| edge_candidate(LEANS_GLUE));
            }
            let letters_lower = lower(letters);
            let unit = self.lists.unit_suffixes.contains(&letters_lower)
                && !self.function_word(&letters_lower);
            if unit || !is_lower(head) || letters.len() - head.len() == 1 {
                return None; // km2, mp3; F16, COVID19, Aa1; A$1 million
            }
            if head != letters && head.len() < 4 && !self.function_word(&string(head)) {
                return None; // Shunxin39
            }
            margin = if self.lexicon.zipf(&string(head)) >= BEFORE_NUMBER_ZIPF {
                PLAIN_GLUE
            } else {
                BARELY_GLUE
            };
        } else {
            let mut letters =
                &token[at..at + token[at..].iter().take_while(|&&c| is_letter(c)).count()];
            let suffix = ordinal(&token[..at]);
            if lower(letters).starts_with(suffix)
                && !self
                    .first_word(slice(letters, suffix.len(), letters.len()))
                    .is_empty()
            {
                at += suffix.len(); // 80thanniversary: the break follows the ordinal
                letters = slice(letters, suffix.len(), letters.len());
                right_text = slice(right_text, suffix.len(), right_text.len());
                left_text.extend(suffix.chars());
            }
            let tail = self.first_word(letters);
            if self.lists.unit_suffixes.contains(&lower(letters)) || tail.len() < 2 {
                return None; // 10km, 2nd, 1990s, 5G; Learjet 35A, Section 69A
            }
            margin = if self.lexicon.zipf(&lower(tail)) >= COMMON_AFTER_ZIPF {
                PLAIN_GLUE
            } else {
                BARELY_GLUE
            };
        }
        let margin = margin + self.repeated_identifier(token, edge, mixed, reader);
        Some(Candidate::new(
            at,
            margin,
            SplitKind::Edge,
            &left_text,
            right_text,
        ))
    }

    /// Evidence against a split before the digits of a letters-and-digits run the batch
    /// repeats unspaced (boto3, win32): an identifier, not a glue.  Never evidence for
    /// one; never for digits before letters (M23rebels, 36people recur as glues in
    /// damaged news).
    fn repeated_identifier(
        &self,
        token: &[char],
        at: usize,
        mixed: &[(usize, usize)],
        reader: &mut Reader,
    ) -> f64 {
        if !is_letter(token[at - 1]) {
            return 0.0;
        }
        for &(start, end) in mixed {
            if start < at && at < end {
                let evidence = self.batch_evidence(&string(&token[start..end]), reader, true);
                return if evidence < 0.0 { evidence } else { 0.0 };
            }
        }
        0.0
    }

    /// Words glued after a clitic: Russia'sgas -> Russia's gas, Russia'sgasfirm -> ... gas
    /// firm.
    fn clitic_candidates(
        &self,
        run: &[char],
        offset: usize,
        reader: &mut Reader,
    ) -> Vec<Candidate> {
        for clitic in CLITICS {
            let clitic: Vec<char> = clitic.chars().collect();
            let rest = slice(run, clitic.len(), run.len());
            if !run.starts_with(&clitic) || rest.len() < 2 {
                continue;
            }
            let inner: Vec<Candidate> = self
                .word_candidates(rest, offset + clitic.len(), reader)
                .into_iter()
                .filter(|c| c.margin >= SUGGEST)
                .collect();
            let first = inner
                .first()
                .map_or_else(|| string(rest), |c| c.left.clone());
            let zipf = self.lexicon.zipf(&first.to_lowercase());
            if zipf >= KNOWN_WORD_ZIPF {
                let margin = if zipf >= COMMON_AFTER_ZIPF {
                    PLAIN_GLUE
                } else {
                    LEANS_GLUE
                };
                let mut found = vec![Candidate::new(
                    offset + clitic.len(),
                    margin,
                    SplitKind::Words,
                    &clitic,
                    rest,
                )];
                found.extend(inner);
                return found;
            }
        }
        Vec::new()
    }

    /// Candidates of one letter run, at offsets within it: at case changes, between words.
    fn run_candidates(&self, run: &[char], reader: &mut Reader) -> Vec<Candidate> {
        let segments = self.case_segments(run);
        let mut found = self.case_candidates(run, &segments, reader);
        for (start, end) in segments {
            let segment = &run[start..end];
            if is_lower(&segment[1..]) {
                found.extend(self.word_candidates(segment, start, reader));
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
        for (at, end) in letter_runs(token) {
            let run = &token[at..end];
            if at > 0 && matches!(token[at - 1], '\'' | '\u{2019}') {
                if at > 1 && is_letter(token[at - 2]) {
                    found.extend(self.clitic_candidates(run, at, reader));
                }
                continue; // after a clitic (Russia'sgas) or an opening quote ('scallop')
            }
            let key = string(run);
            if !cache.runs.contains_key(key.as_str()) {
                let mut inner = Reader::new(reader.vocabulary);
                let found = self.run_candidates(run, &mut inner);
                if cache.runs.len() > CACHE_TOKENS {
                    cache.runs.clear();
                }
                cache
                    .runs
                    .insert(key.as_str().into(), Entry::of(found, inner.reads));
            }
            let Some(entry) = cache.runs.get(key.as_str()) else {
                continue; // just inserted
            };
            reader.reads.extend(entry.reads.iter().cloned());
            found.extend(entry.found.iter().map(|c| c.shifted(at)));
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
            if span < protected.len() && protected[span].0 < end {
                continue; // a URL, e-mail address, handle or dotted name
            }
            if token.letters > MAX_TOKEN {
                continue; // not prose: a hash, a base64 blob, a line of letters
            }
            // A token the cache holds is not plain: plain ones never enter it.
            let held = cache.tokens.contains_key(token.text);
            if !held && self.plain(token.text, cache) {
                continue; // the common case: a plain word
            }
            if !held {
                let chars: Vec<char> = token.text.chars().collect();
                let mut reader = Reader::new(vocabulary);
                let computed = self.token_candidates(&chars, cache, &mut reader);
                if cache.tokens.len() > CACHE_TOKENS {
                    cache.tokens.clear();
                }
                cache
                    .tokens
                    .insert(token.text.into(), Entry::of(computed, reader.reads));
            }
            let Some(entry) = cache.tokens.get(token.text) else {
                continue; // just inserted
            };
            if let Some(reads) = reads.as_deref_mut() {
                reads.extend(entry.reads.iter().cloned());
            }
            found.extend(entry.found.iter().map(|c| c.shifted(token.at)));
        }
        found.sort_by_key(|c| c.at);
        dedupe(found)
    }
}

/// `\p{Lu}*\p{Ll}+|\p{Lu}+` over a letter run: "AzizDolosbayev" -> Aziz|Dolosbayev,
/// "NATOallies" -> NATOallies (split later), "theAfrican" -> the|African.
fn case_matches(run: &[char]) -> Vec<(usize, usize)> {
    use crate::pystr::{is_lower_letter, is_upper_letter};
    let mut found = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let capitals = run[i..].iter().take_while(|&&c| is_upper_letter(c)).count();
        let lower = run[i + capitals..]
            .iter()
            .take_while(|&&c| is_lower_letter(c))
            .count();
        if lower > 0 || capitals > 0 {
            found.push((i, i + capitals + lower));
            i += capitals + lower;
        } else {
            i += 1; // a letter neither upper nor lower case
        }
    }
    found
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
}
