//! Splits at case changes (`theAfrican`, `AzizDolosbayev`, `NATOallies`), unless the run is a
//! name (`McLaren`, `iPhone`, `TikTok`).

use super::{Candidate, Finder, SplitKind};
use crate::pystr::{
    is_lower, is_lower_letter, is_modifier_letter, is_upper, is_upper_letter, lower, slice, string,
};
use crate::thresholds::{
    AFTER_ARTICLE_ZIPF, AFTER_CAPITALS_ZIPF, AFTER_CAPITAL_ZIPF, BARELY_GLUE, CAMEL_WORD_ZIPF,
    CAPITALISED_WORD_ZIPF, KNOWN_WORD_ZIPF, LEANS_GLUE, PLAIN_GLUE, RARE_WORD_AFTER_CAPITALS_ZIPF,
    WORD_AFTER_CAPITALS_LETTERS,
};
use crate::vocabulary::Reader;

/// The least letters of a heading in capitals before a capitalised function word
/// (`RESULTSThe`); shorter capitals are an acronym's (`NASAs`, `UFOs`).
const HEADING_LETTERS: usize = 4;

/// `\p{Lu}*\p{Ll}+(?:\p{Lm}\p{Ll}+)*|\p{Lu}+` over a letter run: "AzizDolosbayev" ->
/// Aziz|Dolosbayev, "NATOallies" -> NATOallies (split later), "theAfrican" -> the|African.
/// A modifier letter between lower-case ones is inside the word (`Kauaʻi`, `Mataʻafa`): it
/// has no case, so it is no case change.
pub(super) fn case_matches(run: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let capitals = run[i..].iter().take_while(|&&c| is_upper_letter(c)).count();
        let lower_from = |at: usize| {
            run[at..]
                .iter()
                .take_while(|&&c| is_lower_letter(c))
                .count()
        };
        let mut lower = lower_from(i + capitals);
        while lower > 0 {
            let at = i + capitals + lower;
            let more = match run.get(at) {
                Some(&c) if is_modifier_letter(c) => lower_from(at + 1),
                _ => 0,
            };
            if more == 0 {
                break;
            }
            lower += 1 + more;
        }
        if lower > 0 || capitals > 0 {
            found.push((i, i + capitals + lower));
            i += capitals + lower;
        } else {
            i += 1; // a letter neither upper nor lower case
        }
    }
    found
}

impl Finder<'_> {
    /// Spans of a run's case segments; capitals before lower case go where the lexicon
    /// says.
    ///
    /// "NATOallies" is NATO|allies, "SpaceXlaunches" Space|X|launches and "AVenezuelan"
    /// A|Venezuelan, but "Ahead", "MIAs" and "Dolosbayev" stay whole.
    pub(super) fn case_segments(&self, run: &[char]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for (start, end) in case_matches(run) {
            let width = run[start..end]
                .iter()
                .take_while(|&&c| is_upper_letter(c))
                .count();
            let tail = &run[start + width..end];
            if self.heading_before_word(&run[start..start + width], tail) {
                // RESULTSThe, ABSTRACTWe: a heading in capitals, then a short function word
                spans.push((start, start + width - 1));
                spans.push((start + width - 1, end));
                continue;
            }
            if width >= 2 && tail.len() == 2 && self.function_word(&lower(tail)) {
                // CEOof, USis, XIVof: a function word after capitals, however short
                spans.push((start, start + width));
                spans.push((start + width, end));
                continue;
            }
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
            } else if (width >= 2 || article || (start > 0 && is_upper_letter(run[0])))
                && self.capitals_end_before(&run[start..start + width], tail)
            {
                // the capitals end before a word: NATOallies, Aman, SpaceXlaunches; one capital
                // inside a run only where the run is capitalised (SpaceX), not after a
                // lower-case word (theDassault is the|Dassault, not the|D|assault)
                width
            } else if width >= 2 && self.plural_before_word(tail) {
                width + 1 // MPspresent, BAFTAsare: an acronym's plural, then a word
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

    /// Whether capitals and the one or two lower-case letters after them are a word in
    /// capitals and a capitalised function word (`RESULTS` + `The`, `ABSTRACT` + `We`): four
    /// capitals or more that are a known word before the last (`NASAs` is an acronym's
    /// plural, not `NAS` + `As`).
    fn heading_before_word(&self, capitals: &[char], tail: &[char]) -> bool {
        let Some((&last, heading)) = capitals.split_last() else {
            return false;
        };
        let word: String = std::iter::once(last).chain(tail.iter().copied()).collect();
        !tail.is_empty()
            && tail.len() <= 2
            && heading.len() >= HEADING_LETTERS
            && self.function_word(&word.to_lowercase())
            && self.lexicon.zipf(&lower(heading)) >= KNOWN_WORD_ZIPF
    }

    /// Whether a lower-case segment after capitals is a word of its own (`NATOallies`,
    /// `FIFAsuspends`), not an acronym's plural or suffix (`MIAs`, `PhDs`): a common word,
    /// or a rarer one of `WORD_AFTER_CAPITALS_LETTERS` letters or more.
    fn word_after_capitals(&self, right: &[char]) -> bool {
        let zipf = self.lexicon.zipf(&string(right));
        zipf >= KNOWN_WORD_ZIPF
            || (right.len() >= WORD_AFTER_CAPITALS_LETTERS && zipf >= RARE_WORD_AFTER_CAPITALS_ZIPF)
    }

    /// A name glued to a word with an apostrophe inside (`Jama'atNasr`, `Kata'ibHezbollah`:
    /// `Jama'at Nasr`): the letters after the apostrophe (from `after` to the end of `word`,
    /// a span of `token`) are lower case, then a capitalised word of three letters or more.
    /// The rhythm decides, with the batch's count of the two apart.  (`O'Neill` and
    /// `D'Angelo` have no lower case after the apostrophe; a clitic, `Russia'sgas`, is read
    /// as one.)
    pub(super) fn capital_after_apostrophe(
        &self,
        token: &[char],
        (start, end): (usize, usize),
        after: usize,
        reader: &mut Reader,
    ) -> Option<Candidate> {
        let run = &token[after..end];
        let lower_letters = run.iter().take_while(|&&c| is_lower_letter(c)).count();
        let (_, name) = run.split_at(lower_letters);
        let capitalised = name.len() >= 3 && is_upper_letter(name[0]) && is_lower(&name[1..]);
        if lower_letters == 0 || !capitalised {
            return None;
        }
        let point = after + lower_letters;
        let glued = string(&token[start..end]);
        let margin = BARELY_GLUE + self.batch_evidence(&glued, reader, true);
        Some(Candidate::new(
            point,
            margin,
            SplitKind::Case,
            &token[start..point],
            &token[point..end],
        ))
    }

    /// Whether lower-case letters after capitals are a plural's `s` and a word
    /// (`MPspresent`: MPs|present), not a word of their own (`NATOallies`, read first).
    fn plural_before_word(&self, tail: &[char]) -> bool {
        let word = &tail[1..];
        tail[0] == 's' && word.len() >= 3 && self.lexicon.zipf(&string(word)) >= AFTER_CAPITALS_ZIPF
    }

    /// Whether capitals glued to lower-case letters end before them (`NATOallies`, `Aman`).
    pub(super) fn capitals_end_before(&self, capitals: &[char], tail: &[char]) -> bool {
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
    pub(super) fn case_candidates(
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
        segments
            .windows(2)
            .filter_map(|pair| {
                let ((left_start, point), (_, right_end)) = (pair[0], pair[1]);
                self.case_split(run, (left_start, point, right_end), reader)
            })
            .collect()
    }

    /// The split, if any, at `point` between the segments `left_start..point` and
    /// `point..right_end` of `run`: the marked shapes first (capitals and function words),
    /// then the names' shapes, then the words either side.
    fn case_split(
        &self,
        run: &[char],
        (left_start, point, right_end): (usize, usize, usize),
        reader: &mut Reader,
    ) -> Option<Candidate> {
        let left = slice(run, left_start, point);
        let right = slice(run, point, right_end);
        let at_end = right_end == run.len();
        // in turn: a later shape reads the batch, and the reads are noted
        match self.marked_split(left, right, point) {
            Verdict::Open => {}
            Verdict::Leave => return None,
            Verdict::Split(candidate) => return Some(candidate),
        }
        match self.named_split(left, right, point, at_end, reader) {
            Verdict::Open => {}
            Verdict::Leave => return None,
            Verdict::Split(candidate) => return Some(candidate),
        }
        Some(self.words_split(run, left, right, point, reader))
    }

    /// Acronyms, lone letters and capitals beside function words: `MIAs` and `iPhone` are
    /// left, `theIDF`, `CEOof` and `allegedUS` split.
    fn marked_split(&self, left: &[char], right: &[char], point: usize) -> Verdict {
        if is_upper(left) && is_lower(right) && !self.word_after_capitals(right) {
            return Verdict::Leave; // an acronym's plural or suffix: MIAs, PhDs
        }
        if left.len() == 1 && is_lower(left) && left != ['a'] {
            return Verdict::Leave; // iPhone, eBay, xAI (but aTatmadaw: the article)
        }
        let heading = right.split_first().is_some_and(|(&first, tail)| {
            is_upper(left) && self.heading_before_word(&[left, &[first]].concat(), tail)
        });
        if heading {
            // WORKIn, ABSTRACTWe: a heading in capitals before a short capitalised word
            let candidate = Candidate::new(point, LEANS_GLUE, SplitKind::Case, left, right);
            return Verdict::Split(candidate);
        }
        let functional = self.function_word(&lower(left)) && left.len() > 1;
        // CEOof, USis: a function word after capitals, however short
        let function_after_capitals = is_upper(left)
            && left.len() >= 2
            && right.len() == 2
            && is_lower(right)
            && self.function_word(&string(right));
        if (is_upper(right) && right.len() >= 2 && functional) || function_after_capitals {
            // theIDF, byISIL, TheCALNEV; CEOof
            return Verdict::Split(Candidate::new(
                point,
                LEANS_GLUE,
                SplitKind::Case,
                left,
                right,
            ));
        }
        if is_upper(right)
            && right.len() >= 2
            && is_lower(slice(left, 1, left.len()))
            && !self.last_word(left).is_empty()
        {
            // allegedUS, wheretheUN, BangladeshiIEDCR
            return Verdict::Split(Candidate::new(
                point,
                BARELY_GLUE,
                SplitKind::Case,
                left,
                right,
            ));
        }
        Verdict::Open
    }

    /// The shapes names take: `McLaren`, `AfD`, `OpenAI`, `4CMenB` are left; a particle
    /// (`deJaneiro`, `DeSantis`) is a doubtful split the batch and the rhythm settle.
    fn named_split(
        &self,
        left: &[char],
        right: &[char],
        point: usize,
        at_end: bool,
        reader: &mut Reader,
    ) -> Verdict {
        let left_lower = lower(left);
        if self.lists.name_prefixes.contains(&left_lower) {
            return Verdict::Leave; // McLaren, MacArthur, FitzGerald
        }
        let particle = self.lists.name_particles.contains(&left_lower);
        if particle && !is_upper(right) && right.len() >= 3 {
            // deJaneiro, ElSalvador glue; DeSantis, LaGuardia do not: only the batch and
            // the rhythm can tell, and a lower-case particle leans to the glue.
            let glued = string(&[left, right].concat());
            let margin = if is_lower(left) { LEANS_GLUE } else { 0.0 }
                + self.batch_evidence(&glued, reader, true);
            return Verdict::Split(Candidate {
                doubtful: true,
                ..Candidate::new(point, margin, SplitKind::Case, left, right)
            });
        }
        let hyphenated = at_end && right.len() == 2 && is_lower(&right[1..]);
        if particle || (right.len() < 3 && !hyphenated) || is_upper(right) {
            return Verdict::Leave; // AfD, VfB; OpenAI
        }
        if is_upper(left) && left.len() == 1 && !matches!(left, ['A'] | ['I']) && !is_lower(right) {
            return Verdict::Leave; // 4CMenB, SpaDeX: an identifier, not words
        }
        Verdict::Open
    }

    /// A split between words (`theAfrican`, `AzizDolosbayev`): its margin from the words
    /// either side and the batch's evidence.
    fn words_split(
        &self,
        run: &[char],
        left: &[char],
        right: &[char],
        point: usize,
        reader: &mut Reader,
    ) -> Candidate {
        let functional = self.function_word(&lower(left)) && left.len() > 1;
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
        let mut evidence = self.batch_evidence(&string(&glued), reader, true);
        if glued.len() < left.len() + right.len() {
            // the words as read may be shorter than the segments (`Naw` of `Nawrocki`):
            // a batch that writes the segments themselves apart (`Karol Nawrocki`)
            // says so of them
            let apart = self.batch_evidence(&string(&[left, right].concat()), reader, true);
            if apart > 0.0 {
                evidence = evidence.max(apart);
            }
        }
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
        Candidate::new(point, margin, SplitKind::Case, &run[..point], &run[point..])
    }
}

/// What one shape of `case_split` says of a point: nothing yet, leave it whole, or split.
enum Verdict {
    Open,
    Leave,
    Split(Candidate),
}
