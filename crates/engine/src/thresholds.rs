//! Every tuned number of the core, in one place, each with why (the words stage's in
//! `thresholds/broken_words.rs`).
//!
//! Margins are log10 odds that a space belongs at a point.  The values were tuned on the
//! dev benches (`../shared/bench`: wrap and sparse damage of clean news, clean news and
//! clean technical prose as they are); `benchmarks/joins_bench.py` and
//! `benchmarks/calibrate.py` print what a change to any of them does.  The confidence
//! model's weights are fitted, not tuned: `fitted.rs`.

use crate::layout::Shape;
use crate::segment::Costs;

// --- the words: candidates and their margins (candidates.rs) -------------------------------

/// A margin sure enough to anchor the line width (and, lacking a layout, to apply).
pub const SURE: f64 = 2.0;
/// A margin worth a look: the clitic glue (Russia'sgasfirm) keeps inner cuts this sure.
pub const SUGGEST: f64 = -0.5;
/// log10 prior against a glue at any one point.
pub const SPLIT_COST: f64 = 1.0;
/// log10 p of a lower-case token the lexicon lacks, less per letter: a long unknown
/// lower-case string is rarely a real word.
pub const UNKNOWN_LOWER: f64 = -3.5;
pub const UNKNOWN_PER_LETTER: f64 = -0.8;
/// log10 p of a capitalised token the lexicon lacks (a name), less per letter: long names
/// exist, but rarely read as two known words.
pub const NAME_LOGP: f64 = -5.0;
pub const NAME_PER_LETTER: f64 = -0.7;
/// zipf at or above which a lower-case token is plainly a word.
pub const COMMON: f64 = 4.0;
/// Two letter runs one hyphen apart that make a word this common together are that word,
/// hyphenated where a line broke (`informa-tion`, `de-scriptions`): neither is split.
pub const HYPHENATED_ZIPF: f64 = 3.0;
/// zipf at or above which a capitalised token is plainly a word or name.
pub const KNOWN_NAME: f64 = 4.0;
/// Glues in the dev benches join at most this many words.
pub const MAX_PARTS: usize = 5;
/// A part of a glue is at most this long (the lexicon's longest words).
pub const MAX_PART_LETTERS: usize = 24;
/// Longer tokens are never split: glues in the dev benches run to 34 characters
/// (MAX_PARTS words), and the per-token work grows with the square of a token's length,
/// so a megabyte with no space in it would take minutes.
pub const MAX_TOKEN: usize = 100;
/// A part this rare (log10 p) and this short (letters) is a scrap, not a word: a split
/// never leaves one behind.
pub const SCRAP_LOGP: f64 = -4.5;
pub const SCRAP_LETTERS: usize = 2;
/// A piece a split leaves beside it is a broken word's when it is this short (letters) and
/// no function word (`sta`, `ll`, `ali`; not the `the` of `strengtheningthe`): a split
/// between longer words made none (`scraps`).
pub const SPLIT_SCRAP_LETTERS: usize = 3;
/// A scrap a word away from a split is rarer than this (zipf): `nt` 3.75, `ing` 3.95, `ly`
/// 3.37, where `off`, `two` and `car` are 5.5 or more and `s`, `al` and `de` 5.2 or more.
pub const BEYOND_SCRAP_ZIPF: f64 = 4.5;
/// A word one or two spaces from a split, of four or five letters, is a scrap too where it
/// is lower case and rarer than this (zipf): the tail of a word a stray space cut (`ians`
/// 2.2, `tion` 2.8, `ings` 2.7; `wars`, `said`, `also` are 4 or more).
pub const FAR_SCRAP_LETTERS: usize = 5;
pub const FAR_SCRAP_ZIPF: f64 = 3.0;
/// Marks that may stand between a split and the scrap beside it: a split at a mark or a digit
/// leaves a scrap beside it as one between letters does (`ll,0 draw` -> `ll, 0 draw`, whose
/// `ll` is `fill` once bounded: a fuzz find).
pub const MARKS_BESIDE_SCRAP: usize = 2;
/// A word after an unknown name must be this common (zipf).
pub const NAME_TAIL_ZIPF: f64 = 3.5;
/// A known word plus a suffix is derived (photosynthesizes) when the word is this common.
pub const DERIVED_STEM_ZIPF: f64 = 2.5;
/// zipf of a glued form at or above which a lower-case run is familiar: a word in itself.
pub const FAMILIAR_ZIPF: f64 = 1.5;
/// zipf at which a word inside a case change, or before or after a number, counts as one.
pub const KNOWN_WORD_ZIPF: f64 = 3.0;

// Margins the shapes give where the words alone cannot weigh the split (log10 odds).
/// A plain glue: a function word before a capitalised word (`theAfrican`), a common word
/// at a digit edge (`over70`), a clitic before a common word (`Russia'sgas`), a sentence
/// mark before a word (`activity.A`).
pub const PLAIN_GLUE: f64 = SURE + 0.5;
/// A shape that is a glue more often than not: initials before a word (`U.S.President`),
/// a comma before a number (`events,2025`).
pub const LIKELY_GLUE: f64 = 1.5;
/// Known words either side of a case change (`beatingColombia`), a capitalised word
/// before a number (`April2`), a clitic before a word less common.
pub const LEANS_GLUE: f64 = 1.0;
/// A split the shape barely favours: a word before an acronym (`allegedUS`), the article
/// before a number (`A14`), an unknown word at a case change or number.
pub const BARELY_GLUE: f64 = 0.5;

// The batch's evidence (candidates.rs, `batch_evidence`), log10 odds.
/// Written spaced more often than glued: damage, this much for each time more...
pub const SPACED_IN_BATCH: f64 = 1.0;
/// ...counted up to this many times.
pub const SPACED_COUNTED: u64 = 3;
/// Glued again and again, never spaced: a name, this much per repeat...
pub const REPEATED_PER_TIME: f64 = -2.0;
/// ...counted up to this many times.
pub const REPEATS_COUNTED: u64 = 3;
/// Written this often, a glued form recurs...
pub const RECURS: u64 = 2;
/// ...and so often an inner-capital form is a name (`QatarEnergy`)...
pub const CAMEL_REPEATS: u64 = RECURS;
/// ...and a lower-case one (a damaged batch glues a frequent phrase a few times too).
pub const LOWER_REPEATS: u64 = 4;
/// A lower-case form repeated fewer times than that, never spaced: some evidence.
pub const REPEATED_A_FEW: f64 = -1.0;

// Word frequencies (zipf) the shapes test.
/// A capitalised word this common starts at the last capital (`AVenezuelan`)...
pub const CAPITALISED_WORD_ZIPF: f64 = 2.5;
/// ...capitals end before a word this common (`NATOallies`)...
pub const AFTER_CAPITALS_ZIPF: f64 = 2.5;
/// ...the article or pronoun before one this common (`Aman`, `Iwas`; not `Anod`)...
pub const AFTER_ARTICLE_ZIPF: f64 = 4.0;
/// ...one capital before one this common (`SpaceXlaunches`).
pub const AFTER_CAPITAL_ZIPF: f64 = 3.5;
/// A lower-case word after capitals this long (`FIFAsuspends`, `XIVblesses`) is a word of
/// its own at zipf `RARE_WORD_AFTER_CAPITALS_ZIPF`, where a shorter one must be
/// `KNOWN_WORD_ZIPF` (an acronym's plural or suffix is short: `MIAs`, `PhDs`, `DJing`).
pub const WORD_AFTER_CAPITALS_LETTERS: usize = 5;
/// ...this common (`schoolteachers` 2.3, `blesses` 2.6).
pub const RARE_WORD_AFTER_CAPITALS_ZIPF: f64 = 2.0;
/// An inner-capital token this common is a word or name (`TikTok`, `YouTube`).
pub const CAMEL_WORD_ZIPF: f64 = 2.0;
/// A lower-case run this common before a number is a word glued to it (`injures15`), though
/// rarer than a word its end makes (`res`) must be (`KNOWN_WORD_ZIPF`: `Shunxin39` stays)...
pub const WORD_BEFORE_NUMBER_ZIPF: f64 = 2.0;
/// ...if it is this long: shorter ones are identifiers' stems as often (`utf8`, `md5`, `gpt4`).
pub const WORD_BEFORE_NUMBER_LETTERS: usize = 5;
/// A word this common before a number is a plain glue (`over70`)...
pub const BEFORE_NUMBER_ZIPF: f64 = 5.0;
/// ...and one after a number (`70people`) or a clitic (`Russia'sgas`).
pub const COMMON_AFTER_ZIPF: f64 = 4.0;

/// The segmenter's costs.
pub const COSTS: Costs = Costs {
    split_cost: SPLIT_COST,
    name_logp: NAME_LOGP,
    name_per_letter: NAME_PER_LETTER,
    name_tail_zipf: NAME_TAIL_ZIPF,
    max_parts: MAX_PARTS,
    max_part_letters: MAX_PART_LETTERS,
};

// --- the rhythm: line layouts (layout.rs, rhythm.rs) ---------------------------------------

/// Narrower "lines" are not a renderer's wrap.
pub const MIN_WIDTH: i64 = 20;
pub const MAX_WIDTH: i64 = 160;
/// Fewer sure gaps than this and the width is a guess: no rhythm.
pub const MIN_GAPS: usize = 3;
/// A paragraph's first line may be this short (an indent, a heading)...
pub const SHORT_FIRST_LINE: i64 = 25;
/// ...and is this often: the seed's renderer did so in most paragraphs.
pub const SHORT_FIRST_SHARE: f64 = 0.65;
/// How much a gap between sure breaks of 1, 2, 3 lines says about the width.
pub const LINE_WEIGHTS: [f64; 3] = [1.0, 0.5, 0.25];
/// log10 odds of a layout's support for a break: beyond it the verdict is plain.
pub const SUPPORT_CAP: f64 = 6.0;
/// How much of that support the confidence model reads, either way.
pub const SUPPORT_REACH: f64 = 4.0;

// --- the confidence model's inputs (confidence.rs) ------------------------------------------
/// Characters either side of a token searched for the word next to it.
pub const NEIGHBOUR_REACH: usize = 40;
/// How much a neighbouring word's fit (log10 PMI) may count, either way.
pub const FIT_CAP: f64 = 2.0;

/// The line layout's shape.
pub const SHAPE: Shape = Shape {
    short_first_line: SHORT_FIRST_LINE,
    short_first_share: SHORT_FIRST_SHARE,
    // Line lengths this close to the width are all equally likely...
    line_flat: 6,
    // ...and the likelihood falls this fast beyond that, in characters.
    line_sigma: 4.0,
    // A line may be this much shorter than the width (a long word wrapped)...
    line_below: 18,
    // ...or this much longer (the renderer's limit is soft).
    line_above: 14,
    support_cap: SUPPORT_CAP,
};

// --- the decision (decision.rs) ------------------------------------------------------------
// Confidences are calibrated probabilities (confidence.rs); these defaults were chosen on
// the dev benches by benchmarks/calibrate.py, and `apply-at` / `flag-at` in
// [tool.pipeline] override the first two.

/// Applied at this probability or more (`benchmarks/calibrate.py` prints what each value buys).
pub const APPLY_AT: f64 = 0.9;
/// `pipeline check` fails on a suggestion this sure.
pub const FLAG_AT: f64 = 0.9;
/// A split less likely than this is not worth a person's look.
pub const SUGGEST_AT: f64 = 0.1;
/// The margin of a split the user asked for.
pub const FORCED: f64 = 99.0;
/// Margin applied whatever the rhythm says.
pub const CERTAIN: f64 = 3.5;
/// No margin counts for more than this against the rhythm.
pub const CAP: f64 = 3.0;
/// What a doubtful shape (see Candidate::doubtful) costs a candidate on the rhythm.
pub const DOUBT: f64 = 0.5;
/// Margin that may estimate the width when sure ones are too few.
pub const DUE: f64 = 0.0;
/// The least margin a candidate needs to be offered to the line layout.
pub const FAINT: f64 = -2.0;
/// Sure glues per token, scaled so a text with one glue per 30 words reads 1.
pub const GLUE_DENSITY: f64 = 30.0;
/// The rate of lost breaks the line layout assumes is held between these: a layout that
/// expects none, or all, would never weigh a candidate against a kept break.
pub const LEAST_LOST_RATE: f64 = 0.05;
pub const MOST_LOST_RATE: f64 = 0.9;
/// A code share this high (`patterns::code_share`): Python's own names are left whole, and
/// the punctuation scan keeps spaces before marks (in prose converted from Markdown or
/// HTML they mark inline code or a stripped link: "look at .") and colons between
/// lower-case words (`host:port`).  The document, not the paragraph, is judged: a
/// README's prose paragraphs lost their links too, and judged alone (tried) clean
/// technical prose went from 3.03 to 4.76 false edits per 10,000 words.
pub const CODE_DOCUMENT: f64 = 0.2;
/// Re-estimate the glue rate from the layouts' picks this many times.
pub const RHYTHM_PASSES: usize = 2;
/// Decide again on the repaired text until it is stable (each round only adds spaces, so
/// rounds end).  A round can peel one case split off the end of a token of alternating case
/// (`aŠaXcŠeŠaXcŠa`): 6 rounds left 23 of 77 fuzzed texts still splitting, so a second
/// cleaning split more; 32 leave none of them.  Ordinary text settles in two or three; a
/// hostile 136 kB text of such tokens takes 2.0 s instead of 0.7 s.
pub const MAX_ROUNDS: usize = 32;

// The words stage's numbers: `thresholds/broken_words.rs`.
pub use broken_words::*;
mod broken_words;

/// zipf the word after a closing bracket glued to it needs (`(FBI)is`): extraction that
/// read a letter as a bracket leaves scraps there (`exl)eriment`, `siml)liti`).
pub const BRACKET_WORD_ZIPF: f64 = 2.5;

// The punctuation and quotes scans (`spacing`).

/// zipf below which a word after `- ` may be a conjunction glued to a word
/// (`drone- andmissile-related`: a suspended hyphen), at or above which its rest is a word.
pub const SUSPENDED_ZIPF: f64 = 3.0;
/// How far (characters) a space just inside a quote is looked for.
pub const QUOTE_GAP_REACH: usize = 40;

/// An apostrophe an extractor dropped from a possessive (`countrys`) goes back where the
/// word is this common (zipf)...
pub const POSSESSOR_ZIPF: f64 = 3.0;
/// ...and its plural in `ies` this much commoner (zipf) than the form found: the form is
/// then no plural.
pub const POSSESSIVE_PLURAL_LEAD: f64 = 1.5;
/// A contraction closed up with a fragment beside it into a word this common (zipf) is a
/// piece of that word (`whos e`: `whose`), and a word this common beside it is no fragment.
pub const APOSTROPHE_PIECE_ZIPF: f64 = 3.0;
