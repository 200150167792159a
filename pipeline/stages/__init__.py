"""The stages, in the order they run.  Each module holds one stage and its rules.

Run-together word repair comes last: it needs quotes and spacing settled first.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.edits import Rule
from pipeline.stages import joins, punctuation, quotes, unicode, whitespace, words
from pipeline.stages.base import Stage

STAGES: tuple[Stage, ...] = (
    unicode.STAGE,
    whitespace.STAGE,
    quotes.STAGE,
    punctuation.STAGE,
    words.STAGE,
    joins.STAGE,
)


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for stage in STAGES for rule in stage.rules)


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes (or code prefixes, such as "J" or "W00") that name no rule."""
    known = [rule.code for rule in all_rules()]
    return [code for code in codes if not any(k.startswith(code) for k in known)]
