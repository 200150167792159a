//! Every tuned number of the joins stage, in one place, each with why.
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

// Lost ligatures (`ligatures`).

/// A restored word must be this common (zipf): the lexicon's rare entries include scraps
/// and misspellings that a gap could be read as.
pub const LIGATURE_LEAST_ZIPF: f64 = 2.5;
/// A rarer word (zipf this or more, under `LIGATURE_LEAST_ZIPF`: `fivefold`, `firebombing`,
/// `understaffing`) is restored only where a piece as found is no word at all (`vefold`,
/// `rebombing`, `understa ng`) and the document shows lost ligatures plainly: then the
/// gap is read as the rare word's or as nothing (`broken_words::ligatures`, `rare_word`).
pub const LIGATURE_RARE_ZIPF: f64 = 1.5;
/// log10 p of a piece the lexicon lacks (`signi`)...
pub const LIGATURE_UNKNOWN_LOGP: f64 = -8.0;
/// ...less this per letter.
pub const LIGATURE_UNKNOWN_PER_LETTER: f64 = -0.5;
/// A restoration's margin (log10 odds) is read as its confidence, `1 / (1 + 10^-(SLOPE *
/// (margin - ANCHOR)))`: the lexicon's odds of one word against two overstate how sure the
/// reading is, so the odds are flattened.  Fitted by `benchmarks/calibrate_words.py --fit`
/// (least log loss over 8,317 readings with a margin of -1 or more, judged against gold:
/// lost ligatures and stray spaces in dev-corpus, seed 1, acl-dev's first half, clean
/// dev-corpus and dev-technical), which reports the calibration on seed 2 and acl-dev's
/// second half: ECE 0.006, 0.002 and 0.013.  Run again once the stage read more (8,356
/// readings), the fit gives -0.45 and 0.55, with the same ECE to the third place but fewer
/// repairs applied (ligatures 91.5% against 91.6%, split recall 0.863 against 0.864):
/// these are kept.
pub const LIGATURE_ANCHOR: f64 = -0.25;
pub const LIGATURE_SLOPE: f64 = 0.65;
/// A gap inside a word that a ligature fills (`rati es`), in a document that shows lost
/// ligatures plainly (`DAMAGE_SHOWN_MARGIN`), is read with its own anchor and slope: there
/// such a gap is a lost glyph more often than the words' odds alone say.  Fitted by
/// `benchmarks/calibrate_words.py --fit` over those readings alone (1,383, least log loss;
/// the general curve above is kept: refitted over the rest it gives -0.15 and 0.60).  Not
/// for a ligature lost at a word's start or end (`ash` for `flash`, `led` for `filed`): on
/// the benches those read right 91-95% of the time in such documents too, but every one
/// that the same curve would have applied on real-ose was wrong (`the nest`, `the ash`, `led
/// a team`), since real extraction loses a ligature where a typeface set one, not half of
/// them at random.
pub const SHOWN_LIGATURE_ANCHOR: f64 = -2.9;
pub const SHOWN_LIGATURE_SLOPE: f64 = 0.4;
/// A restoration with a smaller margin is not even suggested (confidence 0.87): a word such
/// as `re` or `les` is a word far more often than `fire` or `files` cut short, and clean
/// text must not fill a review with them (dev-corpus and dev-technical hold 14 such readings,
/// all wrong, every one with a margin under 0.8).
pub const LIGATURE_LEAST_MARGIN: f64 = 1.0;
/// log10 odds lost by the end of a contraction standing alone (`re`, `ve`, `ll`): the
/// word list counts them from `we're`, so alone they would read as common words.
pub const LIGATURE_CLITIC_ALONE: f64 = -3.0;
/// log10 prior against a stray space where the space could be one between words: a
/// space between two words is far more often meant than stray, so `a re` reads as `a
/// fire`, not `are`, unless `are` is far likelier.
pub const LIGATURE_STRAY_PRIOR: f64 = 2.0;

/// A lost ligature read with this margin or more (confidence 0.99) shows that the document
/// lost them: its pieces that are words elsewhere (`re`, a lone `o`, `ve-`) are then read as
/// pieces too (`broken_words`); a stray space taken out so plainly shows that it suffers
/// stray spaces, and its names are closed up as the batch writes them.  One such reading is
/// enough: in clean text it would be a false edit of its own.
pub const DAMAGE_SHOWN_MARGIN: f64 = 3.0;
/// A batch shows lost ligatures plainly where it writes this many distinct leftovers of a
/// very common word (zipf `BATCH_SHOWN_ZIPF`) that lost one at an edge, none of them a word
/// (`ghters`, `nancing`, `gures`, `tness`): extraction damage is the extractor's, so it
/// marks every document of the batch, also one whose only losses leave words (`in a re at`,
/// `lay o 4,700`).  The clean corpora write none of them, real-ose 10, the lost-ligature
/// bench 10, the stray-space one 3 (spaces put inside `fi ghters`).
pub const BATCH_SHOWN_PIECES: usize = 5;
/// ...of words this common: a rarer word's leftover may be a name's piece or a word the
/// list lacks.
pub const BATCH_SHOWN_ZIPF: f64 = 4.0;

/// Where a document shows its damage plainly, a gap no common word explains is a lost
/// ligature, or a stray space, where the batch writes the word it makes whole this many
/// times (`Witko` where it writes `Witkoff`, `Madur o` where it writes `Maduro`:
/// `written_whole`, `closed_as_written`)...
pub const BATCH_WHOLE_COUNT: u64 = 2;
/// ...read with this margin (confidence 0.99).
pub const BATCH_WHOLE_MARGIN: f64 = 3.0;
/// The confidence reads the batch's counts of a candidate's sides (`candidates::Seen`) only
/// in a batch of this size class or more (`Vocabulary::size_class`: 512 words): in a short
/// text every count is 0 or 1 and says nothing.  Below it they read as absent, as for the
/// shorter half of the dev corpus's texts when `benchmarks/calibrate.py` fits each alone.
pub const COUNTED_BATCH_CLASS: u64 = 10;
/// An unknown name glued to a content word (`Wazalendofighters`) reads either way, and is
/// applied only on the rhythm, unless the batch writes the name alone this many times.
pub const NAME_ALONE_COUNT: u64 = 3;
/// A word the word list lacks but the batch writes alone, `BATCH_WHOLE_COUNT` times or
/// more, is read as a word of this many letters or more where a lower-case run glues it to
/// a function word or a known word (`thecyclosporiasis`, `cyclosporiasisoutbreak`):
/// shorter, such a piece is as often a word's own letters.
pub const BATCH_WORD_LETTERS: usize = 5;
/// A gap inside a word is a lost ligature, not a stray space, where the batch writes the
/// word with the ligature this many times as often as the pieces closed up (`trafficking`
/// against `tracking`; `ligatures::written_over_closed`).
pub const BATCH_OVER_CLOSED: u64 = 3;
/// A lone capital before a lower-case scrap the word list lacks (`B onta`, `K isumu`) is a
/// name split apart, read with this margin (confidence 0.967): in split-0.03's input (built
/// by `benchmarks/quality.py`) all 220 such pairs are pieces of one word (56 of them the
/// first pieces of a word split more than once); elsewhere they are a lost ligature (`O
/// cials`, asked first) or a glue (`B virusin`, sparse-0.03's one case); clean news,
/// technical prose and acl-dev's gold hold none.
pub const STRAY_NAME_MARGIN: f64 = 2.0;
/// The piece after the capital is that rare (zipf) or unknown: `onta`, `adom` are in the
/// word list as scraps, `ever` and `blast` (`W ever`, `O blast`) are words of their own.
pub const STRAY_NAME_PIECE_ZIPF: f64 = 2.5;
/// A compound the batch writes with its hyphen (`law-abiding`) has lost it where a copy
/// is glued (`lawabiding`: a line break's hyphen taken for a soft one), when the glued form
/// is no word and both parts are words this common (zipf), so that a word that a line
/// break's hyphenation kept apart elsewhere (`unun-trium`, `infor-mation`) is not one.
pub const HYPHEN_PART_ZIPF: f64 = 2.0;

// Stray spaces inside words (`ligatures`, `GapKind::Stray`).

/// A word closed up from pieces must be this common (zipf)...
pub const STRAY_LEAST_ZIPF: f64 = 3.0;
/// ...or, where a piece is a scrap no rarer word is made of (zipf under
/// `STRAY_SCRAP_ZIPF`: `f irework`, `c inematographer`, `advis ories`), this common: the
/// scrap cannot stand as a word of its own, so the rarer word is the only reading left.
pub const STRAY_RARE_ZIPF: f64 = 2.0;
pub const STRAY_SCRAP_ZIPF: f64 = 2.0;
/// A word is closed up from at most this many pieces (`p resentat ions` is three).
pub const STRAY_MOST_PIECES: usize = 4;
/// A gap read with this margin or more shows the document's kind of damage plainly.
pub const DAMAGE_PLAIN_MARGIN: f64 = 5.0;
/// The most the document's kind of damage moves a gap that reads both ways (log10).
pub const DAMAGE_LEAN: f64 = 3.0;
/// Pieces each at least this common (zipf) are words of their own...
pub const STRAY_WORDS_ZIPF: f64 = 3.0;
/// ...and closing them up costs this much more (log10): `air ports`, `some one`.
pub const STRAY_WORDS_PRIOR: f64 = 1.5;

// Letter-spaced runs (`letter_spaced`): `d i s c u s s`, `t h e o t h e r i s`.

/// A run of letter pieces one space apart is read from this many pieces; two single
/// letters (`i t`, `t o`) are as often variables, initials or list items (`x y`, `a b`) as
/// a word, and are read only as one this common (zipf).
pub const SPACED_LEAST_LETTERS: usize = 3;
pub const SPACED_PAIR_ZIPF: f64 = 6.0;
/// A piece of a run this long or longer is a word as written, if its neighbour is too.
pub const SPACED_LONG_PIECE: usize = 3;
/// Lone letters in a row, this many or more, are letter-spaced words, not the pieces of the
/// scrap beside them (`WqNT i s a p r e d i c t`; `minib u s`, `a t r ial` are pieces).
pub const SPACED_RUN_LETTERS: usize = 5;
/// zipf a word of the reading needs, by its length: a word of three letters or more...
pub const SPACED_WORD_ZIPF: f64 = 3.0;
/// ...of one or two (`is`, `to`, `we`), or a reading that is one word of three (`The`):
/// so common that a scrap (`ab`, `cd`, `xyz`) is not one.
pub const SPACED_SHORT_ZIPF: f64 = 5.0;
/// How sure a letter-spaced run's reading is when every word of it is this common (zipf)...
pub const SPACED_COMMON_ZIPF: f64 = 4.0;
pub const SPACED_COMMON_CONFIDENCE: f64 = 0.99;
/// ...and otherwise.  Read on acl-dev, the only bench with such runs
/// (`benchmarks/calibrate_words.py`, one row per space taken out): 377 of 377 spaces of the
/// first kind right, 216 of 217 of the second (first set by hand at 0.97 and 0.92, which
/// held them less sure than they are); the second is held less sure, its words being rarer.
pub const SPACED_CONFIDENCE: f64 = 0.98;

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
