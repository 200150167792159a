"""Run-together words: repair words glued where a line break was lost, never splitting a name.

Three kinds of evidence, weighed per candidate split point:

1. The words.  A lower-case token the lexicon does not know, or knows only as a
   rare form ("ofthe"), is segmented into known words; the log10 odds of the
   pair against the whole token is the split's *margin*.  Case changes
   (`theAfrican`, `AzizDolosbayev`) and digit edges (`over70`) are candidates
   of their own.
2. The batch.  A glued form the batch also writes spaced is damage; one it
   writes often and never spaced (`QatarEnergy`) is a name.
3. The rhythm.  Lost breaks recur about one line width apart.  Splits sure
   enough on their own are anchors; the document's line width is estimated
   from the gaps between them, and a weaker candidate is applied only where a
   break is due.  Where the evidence stays short, the split is a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline import _core
from pipeline.config import Config, StageOptions
from pipeline.edits import Edit, Kind, Locator, Rule, apply_edits, placed_in, propose
from pipeline.patterns import code_share
from pipeline.stages.base import Context, Stage
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary

SplitKind = Literal["words", "case", "edge"]
# A decision as the core gives it: at, margin, kind, left, right, applied, confidence.
Decided = tuple[int, float, SplitKind, str, str, bool, float]

NAME = "joins"


@dataclass(frozen=True, slots=True)
class JoinsOptions(StageOptions):
    protect: tuple[str, ...] = ()  # words never split, as written ("Hamroand")
    split: tuple[str, ...] = ()  # forced splits, written split ("each over")


WORDS_GLUED = Rule(
    "J001",
    "run-together-words",
    NAME,
    "Words glued where a line break was lost are separated, by the lexicon's odds.",
    "strengtheningthe",
    "strengthening the",
)
CASE_GLUED = Rule(
    "J002",
    "run-together-at-case-change",
    NAME,
    "A word glued to a capitalised word or name is separated at the case change.",
    "ministers ofKazakhstan",
    "ministers of Kazakhstan",
)
EDGE_GLUED = Rule(
    "J003",
    "run-together-at-number-or-mark",
    NAME,
    "A word glued to a number, symbol or bracket is separated.",
    "over70",
    "over 70",
)

RULES: dict[SplitKind, Rule] = {"words": WORDS_GLUED, "case": CASE_GLUED, "edge": EDGE_GLUED}


def _edit(text: str, decided: Decided) -> Edit:
    at, margin, split_kind, left, right, applied, confidence = decided
    kind = Kind.FIX if applied else Kind.SUGGESTION
    verdict = "split" if applied else "possible split"
    return propose(
        text,
        at,
        at,
        " ",
        RULES[split_kind],
        confidence=round(confidence, 3),
        message=f"{verdict}: {left!r} + {right!r} (log10 odds {margin:+.1f})",
        kind=kind,
    )


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Join repairs for `text`, judged against the batch's vocabulary (or the text's own).

    The decision is repeated on its own result until nothing more changes
    (the layout of a repaired text differs from the damaged one), so that
    cleaning the output again changes nothing.
    """
    vocabulary = context.vocabulary if context else Vocabulary.of([text])
    core = engine()
    options = config.options(NAME, JoinsOptions)
    edits: list[Edit] = []
    current = text
    locator = Locator()
    apply_at = _core.APPLY_AT if config.apply_at is None else config.apply_at
    # How much of the text reads as code, read again each round: it is code tokens per
    # token, and each space a round puts in adds a token, so the share falls.  A cleaning of
    # the output reads the output's share; a round that kept its input's decided with a
    # higher one, and the re-run split more (`tests/data/fuzz/code-share-*`).
    code = 0.0
    for _ in range(_core.MAX_ROUNDS):
        found, reads = core.candidates(
            current,
            vocabulary.core,
            protect=list(options.protect),
            split=list(options.split),
            track=vocabulary.reading is not None,
        )
        vocabulary.note(reads)
        if len(found):
            code = code_share(current)
        decided = core.decide(current, found, apply_at, code)
        fixes = [_edit(current, d) for d in decided if d[5]]
        suggestions = [_edit(current, d) for d in decided if not d[5]]
        if not edits:
            edits = [*fixes, *suggestions]
        else:
            at = [locator.original_offset(e.start) for e in fixes]  # insertions: start = end
            later = [placed_in(text, e, start, start) for e, start in zip(fixes, at, strict=True)]
            taken = {e.start for e in later}
            edits = [e for e in edits if e.kind is Kind.FIX or e.start not in taken] + later
        if not fixes:
            break
        current = apply_edits(current, fixes)
        locator.push(fixes)
    return sorted(edits, key=lambda e: (e.start, e.kind is Kind.SUGGESTION))


STAGE = Stage(NAME, (WORDS_GLUED, CASE_GLUED, EDGE_GLUED), find, JoinsOptions)
