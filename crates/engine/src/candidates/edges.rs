//! Splits where letters meet digits, currency signs or brackets (`over70`, `80thanniversary`,
//! `(FBI)is`), unless the token is an identifier (`Grow2Feed`, `boto3`) or a unit (`10km`).

use std::sync::LazyLock;

use regex::Regex;

use super::{pattern, Candidate, Finder, SplitKind};
use crate::marks::mark_edges;
use crate::pystr::{
    is_digit, is_letter, is_lower, is_lower_letter, is_upper_char, lower, slice, string,
};
use crate::thresholds::{
    BARELY_GLUE, BEFORE_NUMBER_ZIPF, BRACKET_WORD_ZIPF, COMMON_AFTER_ZIPF, LEANS_GLUE, PLAIN_GLUE,
    WORD_BEFORE_NUMBER_LETTERS, WORD_BEFORE_NUMBER_ZIPF,
};
use crate::vocabulary::Reader;

/// One digit inside letters is a name: Grow2Feed, number9dream, B2B.
static IDENTIFIER: LazyLock<Regex> = LazyLock::new(|| pattern(r"\p{L}{2}\d\p{L}|\p{Ll}\d\p{L}"));

/// A hash's hexadecimal digits, as version control abbreviates one (`a487916`, `9b5fe78`):
/// seven or more of `0-9a-f`, four digits or more among them and no three letters in a row,
/// where a glue of a word and a number has a word's letters (`decade2020`, `a2025`).
pub(super) fn hex_id(token: &[char]) -> bool {
    let inner = token
        .iter()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .copied()
        .collect::<Vec<char>>();
    let hex = inner
        .iter()
        .all(|&c| c.is_ascii_digit() || matches!(c, 'a'..='f'));
    let digits = inner.iter().filter(|c| c.is_ascii_digit()).count();
    let letters_in_a_row = inner
        .split(char::is_ascii_digit)
        .map(<[char]>::len)
        .max()
        .unwrap_or(0);
    inner.len() >= HEX_ID_LEAST && hex && digits >= 4 && letters_in_a_row <= 2
}

/// The fewest characters of an abbreviated hash (git's default abbreviation).
const HEX_ID_LEAST: usize = 7;

/// What every digit edge holds: a digit or a currency sign.
pub(super) fn digitish(ch: char) -> bool {
    is_digit(ch) || matches!(ch, '$' | '€' | '£' | '¥')
}

/// What the word-and-number stretch either side of a digit edge holds: 'over' | '70'.
pub(super) fn edge_stretch(ch: char) -> bool {
    is_letter(ch) || is_digit(ch) || matches!(ch, '.' | ',' | ':' | '$' | '€' | '£' | '¥')
}

/// Maximal runs of letters and digits holding both (Boto3, win32): (start, end).
pub(super) fn mixed_runs(chars: &[char]) -> Vec<(usize, usize)> {
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

/// The ordinal suffix a number takes in English: 1st, 2nd, 3rd, 11th, 80th.
pub(super) fn ordinal(number: &[char]) -> &'static str {
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

/// Whether the letters glued after a number make a name with it: lower case, then a
/// capital (`23andMe`), where a glue would put the capital first (`2024The`) or after an
/// ordinal's or a decade's ending (`80thAnniversary`, `1990sThe`).  No batch count can say
/// so of a name written once, and the glue reads `23 and Me`.
pub(super) fn name_after_number(number: &[char], letters: &[char]) -> bool {
    let lower = letters.iter().take_while(|&&c| is_lower_letter(c)).count();
    let capital_inside = letters.get(lower).is_some_and(|&c| is_upper_char(c));
    let ending = string(&letters[..lower]);
    lower > 0 && capital_inside && ending != ordinal(number) && ending != "s"
}

impl Finder<'_> {
    /// Splits where letters meet digits, currency signs or brackets (`over70`, `(FBI)is`).
    pub(super) fn edge_candidates(&self, token: &[char], reader: &mut Reader) -> Vec<Candidate> {
        let mut found = Vec::new();
        let digits = token.iter().any(|&c| digitish(c)); // most tokens: no digit, no sign
        if digits && (IDENTIFIER.is_match(&string(token)) || hex_id(token)) {
            // Grow2Feed, number9dream, B2B: one digit inside letters is a name; a487916 a hash
            return found;
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
            if token[at - 1] == ')' && !self.word_after_bracket(&token[at..]) {
                continue; // exl)eriment, 1)rol)osed: an extractor's ) for a letter
            }
            if optional_prefix(self, token, at, reader) {
                continue; // (fake)root, (sub)directory, (non-)existence: one word, its start optional
            }
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

    /// Whether the letters after a closing bracket make a word the lexicon knows well, as
    /// they do after a glued parenthesis (`(FBI)is`, `report)and`) and do not where an
    /// extractor read a letter as a bracket (`exl)eriment`).
    fn word_after_bracket(&self, rest: &[char]) -> bool {
        let letters: Vec<char> = rest
            .iter()
            .take_while(|&&c| is_letter(c))
            .copied()
            .collect();
        self.lexicon.zipf(&lower(&letters)) >= BRACKET_WORD_ZIPF
    }

    /// The candidate at a digit edge of a token, if any.
    pub(super) fn digit_edge(
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
            let mut head = self.last_word(letters);
            if head.len() < letters.len()
                && letters.len() >= WORD_BEFORE_NUMBER_LETTERS
                && is_lower(letters)
                && self.lexicon.zipf(&string(letters)) >= WORD_BEFORE_NUMBER_ZIPF
            {
                head = letters; // injures15, detains53: a rarer word, but a word
            }
            let edge_candidate =
                |margin| Candidate::new(at, margin, SplitKind::Edge, &left_text, right_text);
            let possessive = letters == ['s']
                && letters_from >= 2
                && matches!(token[letters_from - 1], '\'' | '\u{2019}')
                && is_letter(token[letters_from - 2]);
            if possessive && is_digit(token[at]) {
                return Some(edge_candidate(PLAIN_GLUE)); // country's80, IDF's401st: a clitic, then a number
            }
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
            if name_after_number(&token[..at], letters) {
                return None; // 23andMe
            }
            let ordinal = ordinal(&token[..at]);
            let suffix = if lower(letters).starts_with(ordinal)
                && !self
                    .first_word(slice(letters, ordinal.len(), letters.len()))
                    .is_empty()
            {
                ordinal // 80thanniversary: the break follows the ordinal
            } else if self.decade_plural(&token[..at], letters) {
                "s" // 1980sof, 20sin: the break follows a decade's plural
            } else {
                ""
            };
            at += suffix.len();
            letters = slice(letters, suffix.len(), letters.len());
            right_text = slice(right_text, suffix.len(), right_text.len());
            left_text.extend(suffix.chars());
            let tail = self.first_word(letters);
            // no unit follows a decade's plural (`20sin`)
            let unit = suffix != "s" && self.lists.unit_suffixes.contains(&lower(letters));
            // `in` is a unit and a preposition (`3–0in`, `50in` in damaged news): the
            // rhythm decides
            let preposition = unit && self.function_word(&lower(letters));
            if (unit && !preposition) || tail.len() < 2 {
                return None; // 10km, 2nd, 1990s, 5G; Learjet 35A, Section 69A
            }
            margin = if preposition {
                BARELY_GLUE
            } else if self.lexicon.zipf(&lower(tail)) >= COMMON_AFTER_ZIPF {
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

    /// Whether the letters after a number are a decade's plural and then a function word
    /// (`1980sof`, `20sin`: `1980s of`, `20s in`, not `1980 sof`, `20 sin`): the number ends
    /// in 0, an `s` follows it, the rest of the letters is a function word, and a commoner
    /// word than the letters read whole (`30said` stays `30 said`).
    fn decade_plural(&self, number: &[char], letters: &[char]) -> bool {
        let rest = slice(letters, 1, letters.len());
        number.last() == Some(&'0')
            && letters.first() == Some(&'s')
            && !rest.is_empty()
            && self.function_word(&lower(rest))
            && self.lexicon.zipf(&lower(letters)) < self.lexicon.zipf(&lower(rest))
    }

    /// Evidence against a split before the digits of a letters-and-digits run the batch
    /// repeats unspaced (boto3, win32): an identifier, not a glue.  Never evidence for
    /// one; never for digits before letters (M23rebels, 36people recur as glues in
    /// damaged news).
    pub(super) fn repeated_identifier(
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
}

/// Whether the bracket that closes at `at - 1` opens the token and holds the lower-case
/// start of the word after it, which may be read with it or without: a prefix that ends
/// with its hyphen (`(non-)existence`), a derivational prefix (`(micro)performance`: the
/// closed class of `WordLists::prefixes`), or one that makes a word with the rest that the
/// lexicon knows (`(sub)directory`) or the batch writes (`(fake)root` where it writes
/// `fakeroot`, a tool's name the word list lacks: a glue's two words closed up are written
/// nowhere).  A glued parenthesis holds a word or a name of its own (`(FBI)is`,
/// `(falsely)announced`).
pub(super) fn optional_prefix(
    finder: &Finder,
    token: &[char],
    at: usize,
    reader: &mut Reader,
) -> bool {
    if at < 2 || token[0] != '(' {
        return false; // `)and`: no bracket opens the token
    }
    let inside = &token[1..at - 1];
    let (letters, hyphen) = match inside.strip_suffix(&['-']) {
        Some(letters) => (letters, true),
        None => (inside, false),
    };
    let rest: Vec<char> = token[at..]
        .iter()
        .copied()
        .take_while(|&c| is_letter(c))
        .collect();
    let lower_word = |part: &[char]| !part.is_empty() && part.iter().all(|&c| is_lower_letter(c));
    if !(letters.len() >= 2 && lower_word(letters) && lower_word(&rest)) {
        return false;
    }
    if hyphen || finder.lists.prefixes.contains(&string(letters)) {
        return true;
    }
    let whole = format!("{}{}", string(letters), string(&rest));
    finder.lexicon.logp(&whole).is_some() || reader.word_count(&whole) > 0
}
