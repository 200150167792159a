"""What every stage is: a name, its rules, its settings, and a pure function from text to edits.

A package adds a stage of its own through the `pipeline.stages` entry point (see
`pipeline.stages.plugins` and docs/stages.md): it is a `Stage` like the built-in ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.code_spans import Span, code_spans
from pipeline.config import Config, StageOptions
from pipeline.edits import Edit, Rule
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Context:
    """What a stage may know beyond its text: the words of the whole batch, and the spans of
    the text that are code as the cleaning found them (`None`: the stage finds them in its
    text; a stretch of a text read alone is no whole text, where a closing fence opens one)."""

    vocabulary: Vocabulary
    code: tuple[Span, ...] | None = None


def code_in(text: str, context: Context | None) -> tuple[Span, ...]:
    """The spans of `text` that are code: as the cleaning found them, or found here."""
    if context is not None and context.code is not None:
        return context.code
    return code_spans(text)


@dataclass(frozen=True, slots=True)
class Stage:
    """A transform that proposes edits and knows nothing of files or output formats.

    `options` is the class of its settings (`[tool.pipeline.NAME]`; every stage has
    `enabled`); `restyles` says its edits restyle marks (quotes, whitespace), which the
    reports group by the mark rather than by the words around it; `after` places a plugin's
    stage after the stage of that name (default: after every built-in one).
    """

    name: str
    rules: tuple[Rule, ...]
    find: Callable[[str, Config, Context], list[Edit]]
    options: type[StageOptions] = StageOptions
    restyles: bool = False
    after: str = ""
