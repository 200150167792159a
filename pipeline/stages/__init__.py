"""The stages, in the order they run.  Each module holds one stage and its rules.

Run-together word repair will take its slot after punctuation: it needs the
spacing settled first.
"""

from __future__ import annotations

from pipeline.edits import Rule
from pipeline.stages import punctuation, quotes, unicode, whitespace
from pipeline.stages.base import Stage

STAGES: tuple[Stage, ...] = (unicode.STAGE, whitespace.STAGE, quotes.STAGE, punctuation.STAGE)


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for stage in STAGES for rule in stage.rules)
