"""Every tuned number of the joins stage, in one place, each with why.

Margins are log10 odds that a space belongs at a point.  The values were tuned
on the dev benches (`../shared/bench`: wrap and sparse damage of clean news,
clean news and clean technical prose as they are); `benchmarks/joins_bench.py`
and `benchmarks/calibrate.py` print what a change to any of them does.
"""

from __future__ import annotations

# --- the words: candidates and their margins (candidates.py) -------------------------------
SURE = 2.0  # a margin sure enough to anchor the line width (and, lacking a layout, to apply)
SUGGEST = (
    -0.5
)  # a margin worth a look: the clitic glue (Russia'sgasfirm) keeps inner cuts this sure
SPLIT_COST = 1.0  # log10 prior against a glue at any one point
UNKNOWN_LOWER = -3.5  # log10 p of a lower-case token the lexicon lacks, less per letter:
UNKNOWN_PER_LETTER = -0.8  # a long unknown lower-case string is rarely a real word
NAME_LOGP = -5.0  # log10 p of a capitalised token the lexicon lacks (a name), less per letter:
NAME_PER_LETTER = -0.7  # long names exist, but rarely read as two known words
COMMON = 4.0  # zipf at or above which a lower-case token is plainly a word
KNOWN_NAME = 4.0  # zipf at or above which a capitalised token is plainly a word or name
MAX_PARTS = 5  # glues in the dev benches join at most this many words
MAX_PART_LETTERS = 24  # a part of a glue is at most this long (the lexicon's longest words)
# Longer tokens are never split: glues in the dev benches run to 34 characters
# (MAX_PARTS words), and the per-token work grows with the square of a token's
# length, so a megabyte with no space in it would take minutes.
MAX_TOKEN = 100
NAME_TAIL_ZIPF = 3.5  # a word after an unknown name must be this common

# --- the rhythm: line layouts (layout.py) ---------------------------------------------------
MIN_WIDTH = 20  # narrower "lines" are not a renderer's wrap
MAX_WIDTH = 160
MIN_GAPS = 3  # fewer sure gaps than this and the width is a guess: no rhythm
SHORT_FIRST_LINE = 25  # a paragraph's first line may be this short (an indent, a heading)
SHORT_FIRST_SHARE = 0.65  # how often it is: the seed's renderer did so in most paragraphs
LINE_WEIGHTS = (
    1.0,
    0.5,
    0.25,
)  # how much a gap between sure breaks of 1, 2, 3 lines says about the width
LINE_FLAT = 6  # line lengths this close to the width are all equally likely
LINE_SIGMA = 4.0  # how fast the likelihood falls beyond that, in characters
LINE_BELOW = 18  # a line may be this much shorter than the width (a long word wrapped)
LINE_ABOVE = 14  # ... or this much longer (the renderer's limit is soft)
SUPPORT_CAP = 6.0  # log10 odds of a layout's support for a break: beyond it the verdict is plain
SUPPORT_REACH = 4.0  # how much of that support the confidence model reads, either way

# --- the decision (decision.py) -------------------------------------------------------------
# Confidences are calibrated probabilities (confidence.py); these defaults were chosen on the
# dev benches by benchmarks/calibrate.py, and `apply-at` / `flag-at` in [tool.pipeline]
# override the first two.
APPLY_AT = 0.9  # applied at this probability or more (see the README for what each value buys)
FLAG_AT = 0.9  # `pipeline check` fails on a suggestion this sure
SUGGEST_AT = 0.1  # a split less likely than this is not worth a person's look
FORCED = 99.0  # the margin of a split the user asked for
CERTAIN = 3.5  # margin applied whatever the rhythm says
CAP = 3.0  # no margin counts for more than this against the rhythm
DOUBT = 0.5  # what a doubtful shape (see Candidate.doubtful) costs a candidate on the rhythm
DUE = 0.0  # margin that may estimate the width when sure ones are too few
FAINT = -2.0  # the least margin a candidate needs to be offered to the line layout
GLUE_DENSITY = 30.0  # sure glues per token, scaled so a text with one glue per 30 words reads 1
CODE_DOCUMENT = 0.2  # a code share this high: Python's own names are left whole (see find)
RHYTHM_PASSES = 2  # re-estimate the glue rate from the layouts' picks this many times
# Decide again on the repaired text until it is stable (each round only adds spaces, so
# rounds end; 3 left a fuzzed text unsettled, it settled at 4).
MAX_ROUNDS = 6
