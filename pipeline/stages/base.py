"""What every stage is: a name, its rules, and a pure function from text to edits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.config import Config
from pipeline.edits import Edit, Rule
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Context:
    """What a stage may know beyond its text: the words of the whole batch."""

    vocabulary: Vocabulary


@dataclass(frozen=True, slots=True)
class Stage:
    """A transform that proposes edits and knows nothing of files or output formats."""

    name: str
    rules: tuple[Rule, ...]
    find: Callable[[str, Config, Context], list[Edit]]
