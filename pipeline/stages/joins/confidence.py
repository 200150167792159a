"""One calibrated confidence for every candidate split: the probability that it is right.

A logistic model over what the stage knows of a candidate: its margin (the
words' log10 odds, which hold the batch's evidence) by kind, the shapes that
names and compounds take, how the words outside the token fit its parts, how
much of the document reads as code, and where the document's rhythm puts it.
The weights are fitted on the dev benches by `benchmarks/calibrate.py`, which
writes `fitted.py` and prints a reliability table; nothing here is tuned by hand.
"""

from __future__ import annotations

import math

import regex

from pipeline.data import word_list
from pipeline.lexicon import Lexicon, lexicon
from pipeline.patterns import code_share as code_share
from pipeline.stages.joins.candidates import Candidate
from pipeline.stages.joins.fitted import WEIGHTS
from pipeline.stages.joins.layout import Placed
from pipeline.stages.joins.thresholds import SUPPORT_REACH, SURE

LETTERS = regex.compile(r"\p{L}+")
LAST_LETTERS = regex.compile(r"\p{L}+\Z")
# The word before a point: letters, then at most three marks or spaces ("said, «the").
WORD_BEFORE = regex.compile(r"(\p{L}+)[^\p{L}\n]{0,3}\Z")
WORD_AFTER = regex.compile(r"[^\p{L}\n]{0,3}(\p{L}+)")
REACH = 40  # characters either side searched for a neighbouring word
OPENERS = "\"'([«“‘"  # marks a token may open with

KINDS = ("words", "case", "edge")
# Margins in pieces, per kind, so that the odds may count for less as they grow.
KNOTS = ((-3.0, 0.0), (0.0, 1.0), (1.0, 2.0), (2.0, 3.5), (3.5, 8.0))
SHAPES = (
    "bias",
    *(f"margin {low:+} to {high:+} {kind}" for kind in KINDS for low, high in KNOTS),
    "case",
    "edge",
    "doubtful",
    "doubtful margin above +2",  # a doubtful shape with strong odds: stationfollowing
    "familiar",
    "left lower",  # candidateCatherine: a lower-case word before a capital
    "right lower",
    "left capitals",  # NATOallies
    "right capitals",  # theRSF
    "before",  # how much the word before the token favours its first part (log10 PMI, capped)
    "after",  # how much the token's last part favours the word after it
    "content pair",  # two lower-case content words: compounds are made so (commandline)
    "left function",  # a function word before: thevisas, tospy
    "right function",  # ... or after: killedand
    "case after lower",  # beatingColombia, judgeMichael: a lower-case word before a capital
    "case between capitals",  # QuezonCity and ShinyHunters: glue or name
    "edge after letters",  # December2032 (not 4chan)
    "code",  # how much of the document looks like code (0 to 1)
    "layout for",  # how much the line layouts favour a break here, its own words aside
    "layout against",  # ... or disfavour it (log10 odds, each capped at SUPPORT_REACH)
    "glue rate",  # how often the document lost its line breaks (0 to 0.9); without a line
    # width, how many of its tokens hold a sure glue (decision.GLUE_DENSITY: 0 to 1)
)
# Three models, the same shapes weighted apart: a document without a line width; with
# one, a candidate where the likeliest line layout breaks; and one where it does not.
PLACES = ("no rhythm", "on layout", "off layout")
FEATURES = tuple(f"{name}, {where}" for where in PLACES for name in SHAPES)


def features(candidate: Candidate, placed: Placed, text: str, code: float) -> tuple[float, ...]:
    """The model's inputs for one candidate, in the order of FEATURES; `code` is the
    document's `code_share`."""
    shapes = _shapes(candidate, placed, text, code)
    block = _block(placed)
    nothing = (0.0,) * len(shapes)
    return (*nothing * block, *shapes, *nothing * (len(PLACES) - 1 - block))


def _block(placed: Placed) -> int:
    """Which of the PLACES a candidate's weights are read from."""
    return 0 if not placed.rhythm else 1 if placed.on_layout else 2


def _shapes(c: Candidate, placed: Placed, text: str, code: float) -> tuple[float, ...]:
    lex = lexicon()
    pieces = tuple(min(max(c.margin, low), high) - low for low, high in KNOTS)
    left_word = _last(c.left)
    right_word = _first(c.right)
    return (
        1.0,
        *(piece if c.kind == kind else 0.0 for kind in KINDS for piece in pieces),
        float(c.kind == "case"),
        float(c.kind == "edge"),
        float(c.doubtful),
        max(0.0, min(c.margin, 8.0) - SURE) if c.doubtful else 0.0,
        float(c.familiar),
        float(left_word[:1].islower()),
        float(right_word[:1].islower()),
        float(len(left_word) > 1 and left_word.isupper()),
        float(len(right_word) > 1 and right_word.isupper()),
        _fit(lex, _before(text, c.at - len(c.left)), left_word),
        _fit(lex, right_word, _after(text, c.at + len(c.right))),
        float(
            left_word.islower()
            and right_word.islower()
            and left_word not in word_list("function-words")
            and right_word not in word_list("function-words")
        ),
        float(left_word in word_list("function-words")),
        float(right_word in word_list("function-words")),
        float(c.kind == "case" and left_word[:1].islower()),
        float(c.kind == "case" and left_word[:1].isupper() and right_word[1:].islower()),
        float(c.kind == "edge" and c.left[-1:].isalpha()),
        code,
        max(0.0, min(placed.support, SUPPORT_REACH)),
        max(0.0, min(-placed.support, SUPPORT_REACH)),
        placed.glue_rate,
    )


def confidence_of(candidate: Candidate, placed: Placed, text: str, code: float) -> float:
    """`confidence(features(...))`, reading only the weights of the candidate's place."""
    shapes = _shapes(candidate, placed, text, code)
    block = _block(placed)
    weights = WEIGHTS[block * len(SHAPES) : (block + 1) * len(SHAPES)]
    return _probability(sum(w * x for w, x in zip(weights, shapes, strict=True)))


def confidence(values: tuple[float, ...], weights: tuple[float, ...] = WEIGHTS) -> float:
    """The fitted probability for a candidate's features."""
    return _probability(sum(w * x for w, x in zip(weights, values, strict=True)))


def _probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _fit(lex: Lexicon, first: str, second: str) -> float:
    """log10 P(second | first) over P(second), capped: 0 where either word is unknown."""
    if not first or not second:
        return 0.0
    first, second = first.lower(), second.lower()
    alone = lex.logp(second)
    if alone is None or lex.logp(first) is None:
        return 0.0
    return max(-2.0, min(2.0, lex.cond(first, second) - alone))


def _last(part: str) -> str:
    match = LAST_LETTERS.search(part)
    return match.group() if match else ""


def _first(part: str) -> str:
    match = LETTERS.match(part)
    return match.group() if match else ""


def _before(text: str, at: int) -> str:
    """The word before the token that starts at `at`, or "" where a letter comes first (the
    part is inside a token: its neighbour is another part, judged by the margin already)."""
    if at > 0 and not text[at - 1].isspace() and text[at - 1] not in OPENERS:
        return ""
    match = WORD_BEFORE.search(text, max(0, at - REACH), max(0, at))
    return match.group(1) if match else ""


def _after(text: str, at: int) -> str:
    """The word after the token that ends at `at`, or "" inside a token."""
    if at < len(text) and text[at].isalpha():
        return ""
    match = WORD_AFTER.match(text, at, at + REACH)
    return match.group(1) if match else ""
