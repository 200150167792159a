//! One round of the joins stage on a text: its candidates as the settings leave them, and
//! the decision on each.  (The rounds are `rounds`'s; the edits they make, the Python stage's.)

use std::collections::{HashMap, HashSet};

use crate::candidates::{Candidate, Seen, SplitKind};
use crate::confidence::Document;
use crate::decision::{decide, Decided};
use crate::pystr::{is_alnum, is_digit, is_letter, lower, string};
use crate::text::Text;
use crate::thresholds::{CODE_DOCUMENT, FORCED};
use crate::words::WordLists;

/// Words the settings protect (never split) and phrases they split ("QatarEnergy" ->
/// "Qatar Energy").
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub protect: HashSet<String>,
    /// Glued form -> its parts.
    pub split: HashMap<String, Vec<String>>,
}

impl Settings {
    pub fn new(protect: Vec<String>, split: Vec<String>) -> Settings {
        let split = split
            .into_iter()
            .map(|phrase| {
                let parts: Vec<String> = phrase.split(' ').map(str::to_owned).collect();
                (parts.concat(), parts)
            })
            .collect();
        Settings {
            protect: protect.into_iter().collect(),
            split,
        }
    }

    fn is_empty(&self) -> bool {
        self.protect.is_empty() && self.split.is_empty()
    }
}

/// Drop candidates inside protected words; add the forced splits.
pub fn as_configured(text: &Text, found: Vec<Candidate>, settings: &Settings) -> Vec<Candidate> {
    if settings.is_empty() {
        return found;
    }
    let mut blocked: HashSet<usize> = HashSet::new();
    let mut extra = Vec::new();
    let mut chars = text.after(0).enumerate().peekable();
    while let Some((start, ch)) = chars.next() {
        if !is_letter(ch) {
            continue;
        }
        let mut word = String::from(ch);
        let mut end = start + 1;
        while let Some((i, ch)) = chars.next_if(|(_, c)| is_letter(*c)) {
            word.push(ch);
            end = i + 1;
        }
        let protected = settings.protect.contains(&word);
        let forced = settings.split.get(&word);
        if protected || forced.is_some() {
            blocked.extend(start..=end);
        }
        if let Some(parts) = forced {
            let letters: Vec<char> = word.chars().collect();
            let mut at = start;
            for part in &parts[..parts.len().saturating_sub(1)] {
                at += part.chars().count();
                extra.push(Candidate {
                    at,
                    margin: FORCED,
                    kind: SplitKind::Words,
                    left: part.as_str().into(),
                    right: string(&letters[(at - start).min(letters.len())..]).into(),
                    familiar: false,
                    doubtful: false,
                    seen: Seen::default(),
                    capitals: false,
                });
            }
        }
    }
    let mut kept: Vec<Candidate> = found
        .into_iter()
        .filter(|c| !blocked.contains(&c.at))
        .collect();
    kept.extend(extra);
    kept.sort_by_key(|c| c.at);
    kept
}

/// Drop candidates inside a name Python's standard library defines (`returncode`,
/// `timeit`, `base64`) or its plural: in a document that reads as code, it is that name.
pub fn outside_identifiers(
    text: &Text,
    found: Vec<Candidate>,
    lists: &WordLists,
) -> Vec<Candidate> {
    let mut blocked: HashSet<usize> = HashSet::new();
    for candidate in &found {
        if blocked.contains(&candidate.at) {
            continue;
        }
        let start = candidate.at
            - text
                .before(candidate.at)
                .take_while(|&c| is_alnum(c))
                .count();
        let name: Vec<char> = text
            .after(start)
            .take_while(|&c| is_letter(c) || is_digit(c))
            .collect();
        if !name.is_empty() && python_name(&lower(&name), lists) {
            blocked.extend(start..=start + name.len());
        }
    }
    found
        .into_iter()
        .filter(|c| !blocked.contains(&c.at))
        .collect()
}

/// Whether a lower-cased word is a name Python's standard library defines, or its plural
/// (`classmethods`, `namedtuples`).
fn python_name(word: &str, lists: &WordLists) -> bool {
    lists.python_identifiers.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|one| lists.python_identifiers.contains(one))
}

/// The decision on a round's candidates; `document.code` is the text's code share.
pub fn decide_round(
    document: &Document,
    found: Vec<Candidate>,
    apply_at: f64,
    suggest_at: f64,
) -> Vec<Decided> {
    let found = if document.code >= CODE_DOCUMENT {
        outside_identifiers(document.text, found, document.lists)
    } else {
        found
    };
    decide(document, &found, apply_at, suggest_at)
}
