//! Apostrophes an extractor dropped: `dont` -> `don't`, `countrys` -> `country's`.
//!
//! Text passed through a code page that lacks the typographic apostrophe loses every one
//! (and often its quotation marks with them): `I dont think`, `the countrys economy`.  Only
//! forms that are no English word without it are repaired, so a text as written is never
//! changed: the listed contractions (`pipeline/data/contractions.txt`: not `cant`, `its`,
//! `were`, words of their own), and the possessive of a word ending in a consonant and `y`
//! whose plural ends in `ies` (`countrys`; not `days`, nor `Britains`, which may be a
//! plural).  Where a document shows the loss so, the forms that are words only now and then
//! are read as contractions too (`contractions-where-shown.txt`: `Im sure`, `hes also`,
//! `its a`), before a lower-case word and not after a name (`Jony Ive said`).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::broken_words::ligature_gap;
use crate::lexicon::Lexicon;
use crate::pystr::{chars_of, is_alnum, is_letter, letter_runs, lower, one_of};
use crate::thresholds::{APOSTROPHE_PIECE_ZIPF, POSSESSIVE_PLURAL_LEAD, POSSESSOR_ZIPF};

/// Why an apostrophe goes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LostKind {
    /// A listed contraction: `dont`.
    Contraction,
    /// A possessive: `countrys`.
    Possessive,
    /// A form read so where the document shows the loss: `Im`, `its a`.
    WhereShown,
}

/// An apostrophe to put back at `at` (code points), in `word` as found.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    pub at: usize,
    pub word: String,
    pub kind: LostKind,
}

/// The lexicon and the lists the scan reads: each form without its apostrophe -> where it
/// goes; the words after which `its` is `it's`; those after which `cant` and `wont` are
/// the nouns.
pub struct Apostrophes<'a> {
    pub lexicon: &'a Lexicon,
    pub listed: &'a FxHashMap<String, usize>,
    pub where_shown: &'a FxHashMap<String, usize>,
    pub after_its: &'a FxHashSet<String>,
    pub not_after_cant: &'a FxHashSet<String>,
}

/// A run of letters standing as a whole word: not inside an identifier, a path, an
/// address or a word with an apostrophe (`dont_inherit`, `--dont-ask`, `dont.py`).
fn whole_word(chars: &[char], start: usize, end: usize) -> bool {
    let joins = |c: char| is_alnum(c) || one_of(c, "_'\u{2019}/@\\-");
    let before = start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(end).copied();
    let dotted = after == Some('.') && chars.get(end + 1).is_some_and(|&c| is_letter(c));
    !before.is_some_and(|c| joins(c) || c == '.') && !after.is_some_and(joins) && !dotted
}

/// The apostrophe to put back at `at` in the word at `start..end`.
fn lost(chars: &[char], at: usize, start: usize, end: usize, kind: LostKind) -> Lost {
    Lost {
        at,
        word: chars[start..end].iter().collect(),
        kind,
    }
}

impl Apostrophes<'_> {
    /// Every apostrophe `text` lost, in order.
    pub fn find(&self, text: &str) -> Vec<Lost> {
        let chars: Vec<char> = chars_of(text);
        let runs = letter_runs(&chars);
        let mut found = Vec::new();
        // the listed forms end in a few letters (`'t`, `'re`, `'s`, ...), a possessive in
        // `s`: other words are passed over before they are lower-cased
        let mut endings: Vec<char> = self
            .listed
            .keys()
            .filter_map(|f| f.chars().last())
            .collect();
        endings.push('s');
        endings.sort_unstable();
        endings.dedup();
        let longest_shown = self.where_shown.keys().map(|f| f.chars().count()).max();
        for (k, &(start, end)) in runs.iter().enumerate() {
            let last = chars[end - 1].to_lowercase().next().unwrap_or(' ');
            if end - start < 4 || !endings.contains(&last) || !whole_word(&chars, start, end) {
                continue;
            }
            let low = lower(&chars[start..end]);
            let (at, kind) = match self.listed.get(&low) {
                Some(&at) => (at, LostKind::Contraction),
                None if self.possessive(&low) => (end - start - 1, LostKind::Possessive),
                None => continue,
            };
            if !self.piece(&chars, &runs, k, &low) {
                found.push(lost(&chars, start + at, start, end, kind));
            }
        }
        if found.is_empty() {
            return found; // nothing shows the loss
        }
        for (k, &(start, end)) in runs.iter().enumerate() {
            if longest_shown.is_none_or(|most| end - start > most) {
                continue;
            }
            let low = lower(&chars[start..end]);
            let Some(&at) = self.where_shown.get(&low) else {
                continue;
            };
            if whole_word(&chars, start, end) && self.reads_as_contraction(&chars, &runs, k, &low) {
                found.push(lost(&chars, start + at, start, end, LostKind::WhereShown));
            }
        }
        found.sort_by_key(|lost| lost.at);
        found
    }

    /// Whether `low` (`...ys` after a consonant) is a possessive that lost its apostrophe:
    /// the word is common and its plural in `ies` far commoner than this form.
    fn possessive(&self, low: &str) -> bool {
        let Some(stem) = low.strip_suffix("ys") else {
            return false;
        };
        let consonant = stem
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic() && !one_of(c, "aeiou"));
        consonant
            && self.lexicon.zipf(&format!("{stem}y")) >= POSSESSOR_ZIPF
            && self.lexicon.zipf(&format!("{stem}ies")) - self.lexicon.zipf(low)
                >= POSSESSIVE_PLURAL_LEAD
    }

    /// The run one space before or after run `k`, if there is one.
    fn beside(
        &self,
        chars: &[char],
        runs: &[(usize, usize)],
        k: usize,
        after: bool,
    ) -> Option<String> {
        let (start, end) = runs[k];
        let other = if after {
            runs.get(k + 1)?
        } else {
            runs.get(k.checked_sub(1)?)?
        };
        let spaced = if after {
            other.0 == end + 1 && chars[end] == ' '
        } else {
            other.1 + 1 == start && chars[other.1] == ' '
        };
        spaced.then(|| chars[other.0..other.1].iter().collect())
    }

    /// Whether run `k` closes up with the letters one space before or after it into a
    /// common word: then it is a piece of that word (`whos e` is `whose`), the words
    /// stage's.  The letters beside must be a lone letter other than `a` and `I`, or no
    /// common word (`theres a` is `there's a`, not `theresa`).
    fn piece(&self, chars: &[char], runs: &[(usize, usize)], k: usize, low: &str) -> bool {
        [false, true].into_iter().any(|after| {
            let Some(neighbour) = self.beside(chars, runs, k, after) else {
                return false;
            };
            let near = neighbour.to_lowercase();
            let fragment = if neighbour.chars().count() == 1 {
                !matches!(neighbour.as_str(), "a" | "A" | "I")
            } else {
                self.lexicon.zipf(&near) < APOSTROPHE_PIECE_ZIPF
            };
            let whole = if after {
                format!("{low}{near}")
            } else {
                format!("{near}{low}")
            };
            fragment && self.lexicon.zipf(&whole) >= APOSTROPHE_PIECE_ZIPF
        })
    }

    /// Whether a form that is a word now and then (`Im`, `its`) reads as a contraction at
    /// run `k`: before a lower-case word (`it's` before one of the listed words; `can't` and
    /// `won't` before none of theirs), not as a piece of a broken word (`signi cant`), and but
    /// for those two not after a capitalised one (`Jony Ive`).
    fn reads_as_contraction(
        &self,
        chars: &[char],
        runs: &[(usize, usize)],
        k: usize,
        low: &str,
    ) -> bool {
        let Some(next) = self.beside(chars, runs, k, true) else {
            return false;
        };
        let lower_next = next.chars().all(char::is_lowercase);
        let before = self.beside(chars, runs, k, false);
        let name_before = before
            .as_ref()
            .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase));
        // a piece of a word broken apart: `signifi cant` (a stray space), `signi cant` (a
        // lost `fi`), the words stage's
        let ligature_before =
            before.is_some_and(|word| ligature_gap(self.lexicon, &word.to_lowercase(), low));
        if ligature_before || self.piece(chars, runs, k, low) {
            return false;
        }
        // a name before `cant` is its subject (`Sean cant come`), before `Ive` its bearer
        let (fits, after_name) = match low {
            "its" => (self.after_its.contains(&next), false),
            "cant" | "wont" => (!self.not_after_cant.contains(&next), true),
            _ => (true, false),
        };
        lower_next && (after_name || !name_before) && fits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon_of;

    fn found(text: &str) -> Vec<(usize, String, LostKind)> {
        let lexicon = lexicon_of(
            &[
                ("country", 1e-4),
                ("countries", 1e-4),
                ("countrys", 1e-8),
                ("whose", 1e-3),
                ("a", 0.02),
                ("theresa", 1e-5),
            ],
            &[],
            &[],
        );
        let listed: FxHashMap<String, usize> =
            [("dont".into(), 3), ("whos".into(), 3), ("theres".into(), 5)]
                .into_iter()
                .collect();
        let where_shown: FxHashMap<String, usize> =
            [("im".into(), 1), ("its".into(), 2), ("cant".into(), 3)]
                .into_iter()
                .collect();
        let after_its: FxHashSet<String> = ["a".to_owned()].into_iter().collect();
        let not_after_cant: FxHashSet<String> = ["of".to_owned()].into_iter().collect();
        let scan = Apostrophes {
            lexicon: &lexicon,
            listed: &listed,
            where_shown: &where_shown,
            after_its: &after_its,
            not_after_cant: &not_after_cant,
        };
        scan.find(text)
            .into_iter()
            .map(|lost| (lost.at, lost.word, lost.kind))
            .collect()
    }

    #[test]
    fn a_contraction_and_a_possessive_get_their_apostrophe() {
        assert_eq!(
            found("I dont see the countrys plan"),
            [
                (5, "dont".into(), LostKind::Contraction),
                (22, "countrys".into(), LostKind::Possessive)
            ]
        );
    }

    #[test]
    fn code_pieces_and_words_of_their_own_stay() {
        assert_eq!(found("dont_inherit --dont-ask dont.py"), []);
        assert_eq!(found("Caicos, whos e authorities"), []);
        assert_eq!(found("theres a party").len(), 1);
    }

    #[test]
    fn forms_that_are_words_elsewhere_need_the_loss_shown() {
        assert_eq!(found("Im sure its a pity"), []);
        let shown = found("I dont know. Im sure its a pity, its own. Jony Im said");
        let words: Vec<&str> = shown.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["dont", "Im", "its"]);
        let shown = found("I dont know. We cant stop. The cant of it.");
        let words: Vec<&str> = shown.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["dont", "cant"]);
    }
}
