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
from pipeline.edits import Edit, Kind, Rule
from pipeline.stages.base import Context, Stage, code_in
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary

SplitKind = Literal["words", "case", "edge"]

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

# What the core makes each decision's edit with (`_core.Joins.find`): the type, the rules of
# the kinds of split in the core's order (words, case, edge), the kinds of a fix and of a
# suggestion.
MADE = (Edit, (WORDS_GLUED, CASE_GLUED, EDGE_GLUED), Kind.FIX, Kind.SUGGESTION)


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Join repairs for `text`, judged against the batch's vocabulary (or the text's own).

    The decision is repeated on its own result until nothing more changes (the layout of
    a repaired text differs from the damaged one), so that cleaning the output again
    changes nothing: the rounds are the core's (`pipeline_engine::rounds`), which places
    each decision in `text`.
    """
    vocabulary = context.vocabulary if context else Vocabulary.of([text])
    options = config.options(NAME, JoinsOptions)
    apply_at = _core.APPLY_AT if config.apply_at is None else config.apply_at
    edits, reads = engine().find(
        text,
        vocabulary.core,
        apply_at,
        MADE,
        protect=list(options.protect),
        split=list(options.split),
        track=vocabulary.reading is not None,
        code=list(code_in(text, context)),
    )
    vocabulary.note(reads)
    return edits


STAGE = Stage(NAME, (WORDS_GLUED, CASE_GLUED, EDGE_GLUED), find, JoinsOptions)
