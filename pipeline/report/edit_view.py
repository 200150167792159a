"""One edit as a reader or a tool sees it: in the text it met, as plain data, with its
whitespace and control characters drawn.

Apart from the batch's summary (`summary`): `pipeline check` shows edits so and never
counts a batch, and a pre-commit check imports only what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pipeline import _core
from pipeline.edit_ids import span_in
from pipeline.edits import Edit, Kind


def edit_record(path: str, edit: Edit) -> dict[str, object]:
    """One edit as plain data: what JSON reports and machine formats carry."""
    return {
        "id": edit.id,
        "path": path,
        "line": edit.line,
        "column": edit.column,
        "start": edit.start,
        "end": edit.end,
        "before": edit.before,
        "after": edit.after,
        "rule": edit.rule.code,
        "name": edit.rule.name,
        "stage": edit.stage,
        "kind": edit.kind.value,
        "confidence": edit.confidence,
        "message": edit.message,
    }


class InContext(NamedTuple):
    """An edit as a reader sees it: the text either side on its line, and the whole words
    it touches (`word_before` becomes `word_after`), which name its group in report.html.
    (A tuple: the core hands one over for every edit a report lists.)"""

    left: str
    right: str
    word_before: str
    word_after: str


class Made:
    """A piece's fixes by where they lie in its original text, so that the text a later
    edit met can be rebuilt around it (`contexts`)."""

    def __init__(self, original: str, edits: Sequence[Edit]) -> None:
        spans = []
        for order, fix in enumerate(edits):
            if fix.kind is Kind.FIX:
                start, end = span_in(original, fix)
                if end - start == len(fix.before):  # it changed the original's own text
                    spans.append((start, end, fix.after, order))
        self.spans = sorted(spans)


# The characters either side of an edit that report.html shows (report.md shows fewer).
CONTEXT_WIDTH = 30


def contexts(
    original: str,
    made: Made | None,
    chosen: Sequence[tuple[int, Edit]],
    width: int = CONTEXT_WIDTH,
) -> list[InContext]:
    """Located edits (each with the order it was recorded in) in the text their stages
    saw, `width` characters either side, cut at line ends: the core's
    `pipeline_engine::in_context`, all of a piece's in one call.

    The fixes made before an edit nearby (`made`) are applied to the original around it
    first, so the text either side is what the edit really met: where an earlier stage
    changed this very stretch (`Itâ€™s` made `It’s` before the quotes stage restyles the
    `’`), the original would garble it.
    """
    rows = [(e.offset, e.before, e.after, order) for order, e in chosen]
    fixes = made.spans if made is not None else []
    return [InContext._make(seen) for seen in _core.in_context(original, fixes, rows, width)]


def context(
    original: str,
    edit: Edit,
    made: Made | None = None,
    order: int = 0,
    width: int = CONTEXT_WIDTH,
) -> InContext:
    """One located edit in the text its stage saw (see `contexts`)."""
    return contexts(original, made, [(order, edit)], width)[0]


def narrowed(seen: InContext, width: int) -> InContext:
    """The same edit in context with at most `width` characters either side."""
    left = seen.left[len(seen.left) - width :] if len(seen.left) > width else seen.left
    return InContext(left, seen.right[:width], seen.word_before, seen.word_after)


# A tab is ⇥, apart from the arrow that joins a change's before and after.
SHOWN = {" ": "\u2423", "\n": "\u21b5\n", "\t": "\u21e5", "\r": "\u240d"}


def visible(text: str) -> str:
    """Whitespace and invisible characters drawn as symbols or code points, for a reader."""
    if text.isprintable():  # of the white space, only " " is printable
        return text.replace(" ", SHOWN[" "])
    out = []
    for ch in text:
        if ch in SHOWN:
            out.append(SHOWN[ch])
        elif ch.isspace() or not ch.isprintable():
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def printable(text: str) -> str:
    """Text as it reads, but with every character a terminal or renderer would act on
    (ESC, BEL, bidirectional overrides) written as its code point."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else f"<U+{ord(ch):04X}>" for ch in text)


def relocated(edit: Edit, first_line: int, start: int) -> Edit:
    """An edit located in a piece that starts on `first_line` of the file, at character
    `start`, located in the piece."""
    if first_line == 1 and not start:
        return edit
    return edit._replace(line=edit.line - first_line + 1, offset=edit.offset - start)


def reading_order(edits: tuple[Edit, ...]) -> list[Edit]:
    """Edits as a reader meets them in the original file."""
    return sorted(edits, key=lambda e: (e.line, e.column))
