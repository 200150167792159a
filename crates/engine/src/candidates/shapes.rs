//! The shapes of words that say a split point is a compound's or a derived word's rather
//! than a glue's: participles (`radiocontrolled`), plurals and adverbs (which start no
//! compound), a known word plus a suffix (`photosynthesizes`); and one letter repeated, which
//! no glue is.

use super::Finder;
use crate::pystr::{is_letter, lower, string};
use crate::thresholds::{DERIVED_STEM_ZIPF, KNOWN_WORD_ZIPF};

pub(super) fn ends_as_participle(part: &[char]) -> bool {
    let letters_before = |suffix: usize| {
        part.len() >= suffix + 3
            && part[part.len() - suffix - 3..part.len() - suffix]
                .iter()
                .all(|&c| is_letter(c))
    };
    (part.ends_with(&['e', 'd']) && letters_before(2))
        || (part.ends_with(&['i', 'n', 'g']) && letters_before(3))
}

/// Participles that serve as prepositions (`injuredincluding`, `Garowefollowing`): no
/// compound that lost its hyphen ends in one.
pub(super) const PREPOSITION_PARTICIPLES: [&str; 8] = [
    "following",
    "including",
    "regarding",
    "concerning",
    "pending",
    "according",
    "excluding",
    "considering",
];

impl Finder<'_> {
    /// Whether a lower-case word is a plural whose singular is a known word: `policies`,
    /// `buses`, `refugees` (not `glass`, `status`, `analysis`).
    pub(super) fn plural(&self, low: &str) -> bool {
        let known = |singular: &str| self.lexicon.zipf(singular) >= KNOWN_WORD_ZIPF;
        let Some(stem) = low.strip_suffix('s') else {
            return false;
        };
        if stem.chars().count() < 3 || stem.ends_with(['s', 'u', 'i']) {
            return false;
        }
        let ies = stem.strip_suffix("ie").map(|rest| format!("{rest}y"));
        known(stem) || stem.strip_suffix('e').is_some_and(known) || ies.is_some_and(|y| known(&y))
    }

    /// Whether a lower-case word is an adverb made of a known word with `-ly` (`badly`,
    /// `newly`, `heavily`; not `family`, `holy`): no compound starts with one, so `badly
    /// damaging` is no `badly-damaging` that lost its hyphen.
    pub(super) fn adverb(&self, low: &str) -> bool {
        let known =
            |stem: &str| stem.chars().count() >= 3 && self.lexicon.zipf(stem) >= KNOWN_WORD_ZIPF;
        let Some(stem) = low.strip_suffix("ly") else {
            return false;
        };
        let ily = stem.strip_suffix('i').map(|rest| format!("{rest}y"));
        known(stem) || ily.is_some_and(|y| known(&y))
    }

    /// Whether a token is a known word plus a suffix: photosynthesizes, melancholically.
    pub(super) fn derived(&self, low: &[char]) -> bool {
        let longest = self.lists.longest_suffix() as isize;
        let most = longest.min(low.len() as isize - 4);
        (1..=most.max(0) as usize).any(|length| {
            let (stem, suffix) = low.split_at(low.len() - length);
            self.lists.suffixes.contains(&string(suffix))
                && self.lexicon.zipf(&string(stem)) >= DERIVED_STEM_ZIPF
        })
    }

    /// Whether `left` and `right` are one derived word: `right` a suffix that is a word too
    /// (`able`, `ability`) after a content word (`subclass`, `script`).  After a function
    /// word it is a glue: `wasable`, `theability`.
    pub(super) fn derived_by_suffix_word(&self, left: &[char], right: &[char]) -> bool {
        self.lists.suffix_words.contains(&string(right)) && !self.function_word(&lower(left))
    }
}

/// Whether a run of letters is one letter three times or more, whatever its case: the word
/// list holds such runs (`ooooo`), and read as words a long one splits into pieces of itself.
pub(super) fn one_letter_repeated(run: &[char]) -> bool {
    run.len() >= 3
        && run
            .iter()
            .all(|c| c.to_lowercase().eq(run[0].to_lowercase()))
}
