"""The one record of a change, and the arithmetic that applies and locates it.

A stage proposes `Edit`s against the text it was given.  The runner applies
them, and maps each back to the line and column of the original file, so every
consumer (reports, `check`, the library API) reads the same record.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from pipeline import _core


class Kind(StrEnum):
    """Whether an edit is applied, or only shown to a person."""

    FIX = "fix"
    SUGGESTION = "suggestion"
    REJECTED = "rejected"  # a reviewer said no (see pipeline.decisions): kept as written


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented kind of change, with a stable code."""

    code: str
    name: str
    stage: str
    summary: str
    example_before: str
    example_after: str


class Edit(NamedTuple):
    """Replace `before` at `start:end` of the stage's input text with `after`.

    `start`/`end` index the text the stage saw (after earlier stages ran), so
    replaying edits stage by stage reproduces the output exactly.  `line` and
    `column` (1-based) locate the edit in the original file, and `offset` (characters) too,
    so that no reader works it out again from them; they are 0 (and -1) until the runner
    locates the edit, and `id` (see `pipeline.edit_ids.EditIds`) is given then too.

    A named tuple, immutable as a frozen dataclass is but made ten times faster (0.3 us
    against 3.0: a frozen dataclass sets each field through `object.__setattr__`), and a
    cleaning makes two for each edit.  A changed copy is `edit._replace(line=...)`.
    """

    start: int
    end: int
    before: str
    after: str
    rule: Rule
    confidence: float
    message: str
    kind: Kind = Kind.FIX
    line: int = 0
    column: int = 0
    id: str = ""
    offset: int = -1  # where it lies in the original (characters), given with `line` and `column`

    @property
    def stage(self) -> str:
        return self.rule.stage


def propose(
    text: str,
    start: int,
    end: int,
    after: str,
    rule: Rule,
    *,
    confidence: float,
    message: str,
    kind: Kind = Kind.FIX,
) -> Edit:
    """Build an edit of `text[start:end]`; the helper stages use so `before` is always true."""
    return Edit(start, end, text[start:end], after, rule, confidence, message, kind)


def placed_in(text: str, edit: Edit, start: int, end: int) -> Edit:
    """`edit`, found in another text (a stage's later round reads its own output), made an
    edit of `text[start:end]`."""
    return propose(
        text,
        start,
        end,
        edit.after,
        edit.rule,
        confidence=edit.confidence,
        message=edit.message,
        kind=edit.kind,
    )


# The key that sorts edits in text order: by start, then end (a getter, not a lambda: a
# cleaning sorts each stage's edits, and a Python call per edit was a fiftieth of its time).
IN_TEXT_ORDER = operator.attrgetter("start", "end")


def fixes(edits: Iterable[Edit]) -> list[Edit]:
    """The edits that are applied, in text order."""
    return sorted((e for e in edits if e.kind is Kind.FIX), key=IN_TEXT_ORDER)


def conflict(a: Edit, b: Edit) -> bool:
    """Whether two edits of one text cannot both apply: they overlap, or one inserts inside
    what the other replaces, or both insert at one place.  (An insertion just before a
    replacement can: `sta` + `ff` and the space after it taken out make `staffs`.)"""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return max(a.start, b.start) < min(a.end, b.end) or any(
        x.start == x.end and y.start < x.start < y.end for x, y in ((a, b), (b, a))
    )


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """Edits in text order, dropping each that conflicts with the one kept before it."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=IN_TEXT_ORDER):
        if not kept or not conflict(edit, kept[-1]):
            kept.append(edit)
    return kept


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits proposed against `text`; suggestions are skipped.  In the
    core (`pipeline_engine::offsets::apply`), where it can hold the text and the edits."""
    applied = _core.apply_edits(text, edits, Kind.FIX)
    return applied if applied is not None else _applied_in_python(text, edits)


def _applied_in_python(text: str, edits: Sequence[Edit]) -> str:
    """`apply_edits` of what the core cannot hold: a lone surrogate, which UTF-8 cannot."""
    parts: list[str] = []
    cursor = 0
    for edit in fixes(edits):
        if edit.start < cursor:
            raise ValueError(f"overlapping edits at offset {edit.start} ({edit.rule.code})")
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"edit {edit.rule.code} at {edit.start} does not match its text")
        parts.append(text[cursor : edit.start])
        parts.append(edit.after)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def replay(text: str, edits: Sequence[Edit]) -> str:
    """Apply a whole run's edits, stage by stage in the order they were recorded."""
    group: list[Edit] = []
    for edit in edits:
        if group and edit.stage != group[-1].stage:
            text = apply_edits(text, group)
            group = []
        group.append(edit)
    return apply_edits(text, group) if group else text


class LineIndex:
    """A text's offsets as 1-based lines and columns (lines end at line feeds only), in the
    core: all of a text's edits in one call, without Python's list of its line starts."""

    def __init__(self, text: str) -> None:
        self.text = text

    def positions(self, offsets: list[int]) -> list[tuple[int, int]]:
        return _core.line_columns(self.text, offsets)

    def position(self, offset: int) -> tuple[int, int]:
        return self.positions([offset])[0]


class Locator:
    """Where an offset in a later stage's output lies in the original text: each stage's
    applied edits recorded as it applies them, and mapped back through in reverse, in the
    core (`pipeline_engine::offsets`; in Python, a call per edit and stage was a twentieth of
    a cleaning's time)."""

    def __init__(self) -> None:
        self._core = _core.Locator()

    def push(self, edits: Sequence[Edit]) -> None:
        """Record that a stage applied `edits`; later offsets are in its output."""
        self._core.push([(e.start, e.end, len(e.after)) for e in fixes(edits)])

    def apply(self, text: str, edits: Sequence[Edit]) -> str:
        """`apply_edits(text, edits)`, and `push(edits)`: one call of the core (the two took
        a thirtieth of `clean()` on damaged news, each sorting the fixes again)."""
        applied = self._core.apply(text, edits, Kind.FIX)
        if applied is None:
            applied = _applied_in_python(text, edits)
            self.push(edits)
        return applied

    def original_offset(self, offset: int) -> int:
        return self._core.original(offset)

    def original_offsets(self, offsets: list[int]) -> list[int]:
        """`original_offset` of each of `offsets`, in one call."""
        return self._core.originals(offsets)
