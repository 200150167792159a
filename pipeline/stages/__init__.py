"""The stages, in the order they run: the registry every list of stages and rules comes from.

Each module holds one stage and its rules.  Run-together word repair comes last of the
built-in stages: it needs quotes and spacing settled first.  Stages that packages add through
the `pipeline.stages` entry point (`plugins.py`) join them.  The settings (`Config`), the
command line's choices, `pipeline rules`, docs/rules.md and the reports all read `stages()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pipeline.edits import Rule
from pipeline.stages import joins, punctuation, quotes, unicode, whitespace, words
from pipeline.stages.base import Stage

BUILT_IN: tuple[Stage, ...] = (
    unicode.STAGE,
    whitespace.STAGE,
    quotes.STAGE,
    punctuation.STAGE,
    words.STAGE,
    joins.STAGE,
)
STAGES = BUILT_IN  # the name the built-in stages had; `stages()` adds the plugins' ones


@cache
def stages() -> tuple[Stage, ...]:
    """Every stage in the order it runs: the built-in ones and those of installed plugins."""
    from pipeline.stages.plugins import placed, plugin_stages

    return placed(BUILT_IN, plugin_stages(BUILT_IN))


def stage_names() -> tuple[str, ...]:
    return tuple(stage.name for stage in stages())


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for stage in stages() for rule in stage.rules)


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes (or code prefixes, such as "J" or "W00") that name no rule."""
    known = [rule.code for rule in all_rules()]
    return [code for code in codes if not any(k.startswith(code) for k in known)]
