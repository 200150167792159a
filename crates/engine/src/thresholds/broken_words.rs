//! The words stage's tuned numbers (`broken_words`, `letter_spaced`): lost ligatures, stray
//! spaces, letter-spaced runs and moved spaces, each with why (`thresholds`' rules).

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
/// A word found where a ligature would go at its start or end is read as meant where the
/// batch writes it this many times and never the word the ligature makes
/// (`batch::written_as_found`: release notes write `rebase` 261 times, `firebase` never):
/// were each a loss, a batch that lost half its ligatures (the benches' rate) would write
/// the word whole once or more but for odds of 1 in 1,000.  Written fewer times, it may be
/// the leftover of a rarer word that lost its ligature each time (`ll`, `sh` and `ow` on
/// the lost-ligature benches, 2-7 times, where `fill`, `fish` and `flow` are never whole).
/// A ratio is no test: a word found is often a word of its own as well (the news benches
/// write `led` more than ten times as often as `filed`, `at` as `flat`).
pub const BATCH_FOUND_ONLY_COUNT: u64 = 10;
/// ...unless the word the ligature makes is this much more common (zipf) than the word
/// found, some 300-fold: `rst` (2.5) is what `first` (6.1) leaves, `nancial` (1.2) what
/// `financial` (5.1) leaves, and a batch that lost every ligature writes them so; `rebase`
/// (1.8) is no leftover of `firebase` (2.3), `rm` (3.8) of `firm` (4.8), `uid` (2.2) of
/// `fluid` (4.2).
pub const LIGATURE_LEFTOVER_ZIPF: f64 = 2.5;
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
/// A word this common (zipf: `for`, `and`, `the`) beside a lone letter is a word and a
/// variable or a list's letter (`for k in E`, `x and y`)...
pub const STRAY_COMMON_WORD_ZIPF: f64 = 6.0;
/// ...unless closing them up makes a word at most this much rarer (zipf): `the n` is `then`
/// (1.7 rarer), `for k` no `fork` (3.0), `and y` no `andy` (3.0).
pub const STRAY_LETTER_WORD_GAP: f64 = 2.0;

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
/// A word broken into fragments (`Art i f ic ia l`) is read from this many pieces that are
/// no words (single letters, scraps), and from at most this many pieces in all.
pub const SPACED_FRAGMENTS: usize = 3;
/// A letter-spaced run is read as this many words at most (a glue, `MAX_PARTS`, as five).
pub const SPACED_MAX_PARTS: usize = 32;
/// A stretch of single letters that reads as no whole is read in parts of at most this many
/// letters (a bound on the time: each part tried is segmented whole).
pub const SPACED_READ_LETTERS: usize = 64;
pub const SPACED_FRAGMENT_PIECES: usize = 8;

// Moved spaces (`broken_words::moved`): `th einformation`, `identificatio nof`.

/// A space moves by at most this many letters: farther, the words as found and as moved
/// share too little for one slip of the extractor (`Ingenu ine` is `In genuine`: left).
pub const MOVED_MOST_LETTERS: usize = 2;
/// One of the runs as found is rarer than this (zipf): two words as written stay
/// (`a nice`, `at tend`)...
pub const MOVED_SCRAP_ZIPF: f64 = 3.0;
/// ...and each word the moved space parts is this common (zipf, as `STRAY_WORDS_ZIPF`), or
/// this common if it has one or two letters (`we`, `of`; `pr`, `et` are scraps as often, as
/// two lone letters are: `SPACED_PAIR_ZIPF`), which also bounds a piece of two letters that
/// takes letters (`th`, `w`; not `in`)...
pub const MOVED_WORD_ZIPF: f64 = 3.0;
pub const MOVED_SHORT_ZIPF: f64 = 6.0;
/// ...and the words beside read the moved reading likelier by this much (log10), as a stray
/// space closed up pays `LIGATURE_STRAY_PRIOR`.
pub const MOVED_PRIOR: f64 = 2.0;
