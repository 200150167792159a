//! Letter runs read as words (`thepress`, `Hamroand`, `accusingherofcontempt`), and words
//! glued after a clitic (`Russia'sgas`): the lexicon's odds of the split against the whole.

use std::convert::Infallible;

use super::shapes::{ends_as_participle, PREPOSITION_PARTICIPLES};
use super::{Candidate, Finder, SplitKind};
use crate::pystr::{is_lower, is_upper_char, lower, slice, string};
use crate::segment::Segmenter;
use crate::thresholds::{
    BARELY_GLUE, BATCH_WHOLE_COUNT, BATCH_WORD_LETTERS, CAMEL_REPEATS, COMMON, COMMON_AFTER_ZIPF,
    COSTS, FAMILIAR_ZIPF, KNOWN_NAME, KNOWN_WORD_ZIPF, LEANS_GLUE, LOWER_REPEATS, NAME_ALONE_COUNT,
    NAME_LOGP, NAME_PER_LETTER, PLAIN_GLUE, RECURS, REPEATED_A_FEW, REPEATED_PER_TIME,
    REPEATS_COUNTED, SPACED_COUNTED, SPACED_IN_BATCH, SPLIT_COST, SUGGEST, UNKNOWN_LOWER,
    UNKNOWN_PER_LETTER,
};
use crate::vocabulary::Reader;

pub(super) fn chars_of(text: &str) -> Vec<char> {
    text.chars().collect()
}

const CLITICS: [&str; 7] = ["ll", "re", "ve", "s", "t", "d", "m"];

impl Finder<'_> {
    pub(super) fn name_logp(&self, name: &[char], reader: &mut Reader) -> f64 {
        let seen = if reader.word_count(&string(name)) > 1 {
            1.0
        } else {
            0.0
        };
        NAME_LOGP + NAME_PER_LETTER * name.len() as f64 + seen
    }

    pub(super) fn whole_logp(&self, run: &[char], reader: &mut Reader) -> f64 {
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
    pub(super) fn segment(&self, run: &[char], reader: &mut Reader) -> Vec<usize> {
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
    pub(super) fn batch_evidence(&self, glued: &str, reader: &mut Reader, camel: bool) -> f64 {
        let glued_count = reader.word_count(glued);
        let spaced_count = reader.pair_count(glued);
        if spaced_count > glued_count {
            // two capitalised words a batch writes apart again and again are a name's
            // (`Karol Nawrocki`), and so are two lower-case ones whose glued form is no word
            // (`social media`); a pair is written apart as often where the glued form is a
            // word too (`a rise`, `on board`)
            let no_word = || self.lexicon.zipf(&glued.to_lowercase()) < FAMILIAR_ZIPF;
            let times = if camel || no_word() {
                SPACED_COUNTED
            } else {
                1
            };
            return SPACED_IN_BATCH * (spaced_count - glued_count).min(times) as f64;
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
    pub(super) fn chain_logp(&self, pieces: &[&[char]], reader: &mut Reader) -> f64 {
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

    /// Lexical splits of a run without inner capitals (`thepress`, `Theconference`,
    /// `Hamroand`).
    ///
    /// Each cut gets its own margin: the best reading against the same reading with that
    /// one cut undone, so `accusingherofcontempt` is judged cut by cut; no cut is surer
    /// than the whole reading against the unsplit token.
    pub(super) fn word_candidates(
        &self,
        run: &[char],
        offset: usize,
        reader: &mut Reader,
    ) -> Vec<Candidate> {
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
            if self.derived_by_suffix_word(pieces[i], pieces[i + 1]) {
                continue; // subclassable, scriptability: one derived word
            }
            let joined: Vec<char> = [pieces[i], pieces[i + 1]].concat();
            let mut merged: Vec<&[char]> = pieces[..i].to_vec();
            merged.push(&joined);
            merged.extend(&pieces[i + 2..]);
            let undone = best - self.chain_logp(&merged, reader);
            let mut margin = if undone < whole { undone } else { whole };
            let left_lower = lower(pieces[i]);
            let doubtful = short_name
                || derived
                // Kazinform, Muyayarecognize: a name before a content word reads either way,
                // unless the batch writes the name alone again and again (Wazalendofighters)
                || (unknown_name
                    && !self.function_word(&lower(last))
                    && reader.word_count(&string(pieces[0])) < NAME_ALONE_COUNT)
                // Kolesnikova, Khmelnytskyi, Josephat: a name's ending, not a word (but a
                // known word before `of` is that word: Departmentof, Bishopof)
                || (capitalised
                    && i == cuts.len() - 1
                    && last.len() < 3
                    && !(last == ['o', 'f'] && self.lexicon.logp(&left_lower).is_some()))
                // counteroffensive, neurotechnologies: a prefix makes a compound
                || self.lists.prefixes.contains(&left_lower)
                // radiocontrolled, attentiongrabbing: a compound that lost its hyphen (but
                // such a compound does not start with a plural: policiesfavoring)
                || (ends_as_participle(pieces[i + 1])
                    && !PREPOSITION_PARTICIPLES.contains(&lower(pieces[i + 1]).as_str())
                    && !self.function_word(&left_lower)
                    && !self.plural(&left_lower)
                    && !self.adverb(&left_lower));
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

    /// A lower-case run the word list lacks, read as a word the batch writes alone glued to a
    /// function word before it or a known word after it (`thecyclosporiasis`,
    /// `cyclosporiasisoutbreak`): the segmentation reads only the word list's words, so a
    /// term of the batch's own is no part of any reading it makes.  The batch must write the
    /// piece alone `BATCH_WHOLE_COUNT` times and the run no more than once; a margin that
    /// leans to the glue, and the rhythm decides.
    pub(super) fn batch_word_candidates(
        &self,
        run: &[char],
        offset: usize,
        reader: &mut Reader,
    ) -> Vec<Candidate> {
        let least = BATCH_WORD_LETTERS;
        if run.len() < least + 2 || !is_lower(run) || self.lexicon.logp(&string(run)).is_some() {
            return Vec::new();
        }
        let batch_word = |piece: &[char], reader: &mut Reader| {
            let written = string(piece);
            self.lexicon.logp(&written).is_none()
                && !self.function_word_glue(piece)
                && reader.word_count(&written) >= BATCH_WHOLE_COUNT
        };
        let mut found = Vec::new();
        for cut in 2..=run.len() - 2 {
            let (left, right) = run.split_at(cut);
            let before = right.len() >= least && self.function_word(&string(left));
            let after = left.len() >= least
                && right.len() >= 3
                && self.lexicon.zipf(&string(right)) >= KNOWN_WORD_ZIPF;
            let glued =
                (before && batch_word(right, reader)) || (after && batch_word(left, reader));
            if glued && reader.word_count(&string(run)) <= 1 {
                found.push(Candidate::new(
                    offset + cut,
                    LEANS_GLUE,
                    SplitKind::Words,
                    left,
                    right,
                ));
            }
        }
        found
    }

    /// Whether a lower-case piece reads as a function word glued to a known word, either
    /// way round (`includinga`, `toover`): a damaged batch repeats such glues, so its count of
    /// them is no sign of a word.
    fn function_word_glue(&self, piece: &[char]) -> bool {
        let known = |part: &[char]| {
            let part = string(part);
            self.function_word(&part) || self.lexicon.zipf(&part) >= KNOWN_WORD_ZIPF
        };
        (1..piece.len()).any(|cut| {
            let (left, right) = piece.split_at(cut);
            (self.function_word(&string(left)) && known(right))
                || (known(left) && self.function_word(&string(right)))
        })
    }

    /// Words glued after a clitic: Russia'sgas -> Russia's gas, Russia'sgasfirm -> ... gas
    /// firm.
    pub(super) fn clitic_candidates(
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
                .map_or_else(|| string(rest), |c| c.left.to_string());
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

    /// A word glued to the Arabic article of a hyphenated name (`Ahmedal-Sharaa`,
    /// `andal-Mawasi`: `Ahmed al-Sharaa`; `Islamwal-Muslimin`: `Islam wal-Muslimin`, the
    /// article after `wa`, and): the letter run `run` of `token` ends in `al`, a
    /// hyphen and a capital follow it (`next`: where the next run starts), and the run is
    /// no word the lexicon knows (`Nepal-India`, `Bilal-Ahmad` stay) but what stands before
    /// `al` is a name of three letters or more, or a function word.  The article is no
    /// word of the lexicon's (`al` is read as the name), so the segmentation cannot find
    /// it; the batch's `Ahmed al-Sharaa` counts as for names (`batch_evidence`), and the
    /// rhythm decides the rest.
    pub(super) fn article_before_hyphen(
        &self,
        token: &[char],
        (start, end): (usize, usize),
        next: Option<usize>,
        reader: &mut Reader,
    ) -> Option<Candidate> {
        let run = &token[start..end];
        let hyphen = next == Some(end + 1) && token[end] == '-';
        if !hyphen || !token.get(end + 1).is_some_and(|&c| is_upper_char(c)) {
            return None;
        }
        // `wal-` is the article after `wa`, and: `Nasr al-Islam wal-Muslimin`
        let letters = if run.ends_with(&['w', 'a', 'l']) {
            3
        } else {
            2
        };
        let (head, article) = run.split_at(run.len().checked_sub(letters)?);
        if !article.ends_with(&['a', 'l']) || self.lexicon.logp(&lower(run)).is_some() {
            return None;
        }
        let name = head.len() >= 3 && is_upper_char(head[0]) && is_lower(&head[1..]);
        if !(name || (is_lower(head) && self.function_word(&string(head)))) {
            return None;
        }
        let margin = BARELY_GLUE + self.batch_evidence(&string(run), reader, true);
        Some(Candidate::new(
            start + head.len(),
            margin,
            SplitKind::Words,
            head,
            article,
        ))
    }

    /// The longest known word that `text` ends with (three letters, or a function word),
    /// or an empty slice.
    pub(super) fn last_word<'t>(&self, text: &'t [char]) -> &'t [char] {
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
    pub(super) fn first_word<'t>(&self, text: &'t [char]) -> &'t [char] {
        for i in (1..=text.len()).rev() {
            let head = lower(&text[..i]);
            if (i >= 3 && self.lexicon.zipf(&head) >= KNOWN_WORD_ZIPF) || self.function_word(&head)
            {
                return &text[..i];
            }
        }
        &[]
    }
}
