"""A long text cleaned piece by piece, so memory is bounded by a piece, not by the file.

A piece ends at a paragraph break that is already clean (`word\\n\\nWord`),
so no piece cuts a glue, a quotation's paragraph or a whitespace run, and no
stage sees a false start or end of file: each piece ends with one newline
after a visible character and the next begins with one.  The blank line
between two pieces is kept as it is.  Edits come back as if the whole text
had been cleaned: lines counted from the file's start, and offsets such that
`pipeline.edits.replay` over all of a file's edits rebuilds its output.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.batch.progress import within_file
from pipeline.cleaning import clean
from pipeline.config import Config
from pipeline.edit_ids import EditIds
from pipeline.edits import Edit, Kind
from pipeline.regexes import compiled
from pipeline.vocabulary import Vocabulary

PIECE = 1 << 17  # characters: cleaning a piece takes about 100 bytes a character
# A clean paragraph break; the piece ends after its first newline.
PARAGRAPH_BREAK = r"(?<=\S)\n\n(?=\S)"
# Without one in reach (a file of single lines), a clean line break.
LINE_BREAK = r"(?<=\S)\n(?=\S)"


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of a text: where it starts, its text and the separator after it."""

    start: int
    text: str
    separator: str
    first_line: int  # 1-based line of the file on which the piece starts


def pieces(text: str, size: int | None = None) -> Iterator[Piece]:
    """`text` cut into pieces of at least `size` (default PIECE) characters at clean breaks."""
    size = size or PIECE
    start, line = 0, 1
    while len(text) - start >= 2 * size:
        at = start + size
        found = compiled(PARAGRAPH_BREAK).search(text, at) or compiled(LINE_BREAK).search(text, at)
        if found is None:
            break
        end = found.start() + 1
        separator = found.group()[1:]
        yield Piece(start, text[start:end], separator, line)
        line += text.count("\n", start, end) + len(separator)
        start = end + len(separator)
    yield Piece(start, text[start:], "", line)


@dataclass(frozen=True, slots=True)
class Span:
    """Where a piece lies in a file and in its output, and how many of the file's edits are its."""

    original: tuple[int, int]
    cleaned: tuple[int, int]
    first_line: int
    edits: int


@dataclass(frozen=True, slots=True)
class CleanedPiece:
    """A piece once cleaned, its edits placed in the whole file."""

    piece: Piece
    text: str
    edits: tuple[Edit, ...]
    seconds: tuple[tuple[str, float], ...] = field(default=(), compare=False)  # `cleaning.Cleaned`


def clean_in_pieces(
    text: str, config: Config, vocabulary: Vocabulary, path: str = "", size: int | None = None
) -> Iterator[CleanedPiece]:
    """Clean `text` piece by piece against the batch's `vocabulary`; `path` names the file
    in its edits' ids.

    `replay` applies a file's edits in runs of one stage, each run's offsets
    in the text before it; a piece's first run joins the run before it when
    their stages match, so its offsets then count the earlier piece before
    that run was applied.
    """
    done = 0  # characters of output so far, separators included
    open_stage, open_delta = "", 0  # the last run so far: its stage and what it added
    ids = EditIds(path)
    for piece in pieces(text, size):
        result = clean(piece.text, config, vocabulary, ids)
        runs = _runs(result.edits)
        placed: list[Edit] = []
        for index, run in enumerate(runs):
            joins_open = index == 0 and run[0].stage == open_stage
            shift = done - open_delta if joins_open else done
            placed += [_placed(edit, shift, piece.first_line - 1, piece.start) for edit in run]
        if runs:
            last_delta = _delta(runs[-1])
            if len(runs) == 1 and runs[0][0].stage == open_stage:
                open_delta += last_delta
            else:
                open_stage, open_delta = runs[-1][0].stage, last_delta
        done += len(result.text) + len(piece.separator)
        within_file(len(piece.text) + len(piece.separator))  # characters: about its bytes
        yield CleanedPiece(piece, result.text, tuple(placed), result.seconds)


def _runs(edits: tuple[Edit, ...]) -> list[list[Edit]]:
    """Edits in runs of one stage, as `replay` groups them."""
    runs: list[list[Edit]] = []
    for edit in edits:
        if runs and runs[-1][0].stage == edit.stage:
            runs[-1].append(edit)
        else:
            runs.append([edit])
    return runs


def _delta(run: list[Edit]) -> int:
    return sum(len(e.after) - (e.end - e.start) for e in run if e.kind is Kind.FIX)


def _placed(edit: Edit, shift: int, lines_before: int, piece_start: int) -> Edit:
    """A piece's edit placed in the whole file: its stage's offsets moved on by `shift`, its
    line by the lines before the piece, its offset in the original by the piece's start."""
    if not shift and not lines_before and not piece_start:
        return edit
    return edit._replace(
        start=edit.start + shift,
        end=edit.end + shift,
        line=edit.line + lines_before,
        offset=edit.offset + piece_start,
    )
