"""Reports written as the batch streams through: each file's part as soon as it is cleaned.

A worker writes each file's part of every report to its own spool files
(`Spool`) and hands back where they lie (`Part`); the parent copies the
parts in the files' order after the summary's head (`assembly.Bodies`).  Nothing
holds the whole batch, or a whole large file's edits, in memory.  A batch
already held in memory (check, the library) spools in memory instead and
is rendered to text (`rendered`): the same parts, the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import operator
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO, NamedTuple

from pipeline import _core
from pipeline.edits import Edit, Kind, Rule
from pipeline.files.names import shown
from pipeline.report import html, json_report, markdown, unified
from pipeline.report.edit_view import (
    CONTEXT_WIDTH,
    InContext,
    Made,
    contexts,
    narrowed,
    reading_order,
    relocated,
)
from pipeline.report.summary import (
    LISTED_PER_FILE,
    QUOTES,
    FileTally,
    FileView,
    PieceGroup,
    count_groups,
    group_key,
    restyles,
)

STREAMS = ("md", "html", "json", "diff")
Part = dict[str, tuple[str, int, int]]  # stream -> (spool file, start, end)

CODE_AND_KIND = operator.attrgetter("rule.code", "kind")  # in C: counted once per edit


class Spool:
    """One process's spool files in `folder`, one per stream, appended to file by file;
    without a folder, buffers in memory (`held`), for a batch that is in memory already."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._files: dict[str, BinaryIO] = {}
        self._names: dict[str, str] = {}
        self._starts: dict[str, int] = {}
        # the in-memory buffers by the name a `Part` gives them, filled as they open
        self.held: dict[str, BinaryIO] = {}

    def _file(self, stream: str) -> BinaryIO:
        if stream not in self._files:
            if self.folder is None:
                self._files[stream] = io.BytesIO()
                self._names[stream] = f"<memory {id(self)} {stream}>"
                self.held[self._names[stream]] = self._files[stream]
            else:
                self.folder.mkdir(exist_ok=True)
                path = self.folder / f"{stream}.{os.getpid()}"
                self._files[stream] = open(path, "ab")  # noqa: SIM115
                self._names[stream] = str(path)
        return self._files[stream]

    def write(self, stream: str, text: str | bytes) -> None:
        """Append `text`, or bytes already UTF-8 (surrogates escaped)."""
        if text:
            data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
            self._file(stream).write(data)

    def begin(self) -> None:
        """Start a file's part."""
        self._starts = {s: self._file(s).tell() for s in STREAMS}

    def end(self) -> Part:
        """Where the file's part lies in each stream, flushed for the parent to read."""
        part: Part = {}
        for stream in STREAMS:
            spool = self._file(stream)
            spool.flush()
            if spool.tell() > self._starts[stream]:
                part[stream] = (self._names[stream], self._starts[stream], spool.tell())
        return part

    def close(self) -> None:
        for spool in self._files.values():
            spool.close()
        self._files.clear()
        self._names.clear()
        self.held.clear()


_SPOOLS: dict[tuple[Path, int], Spool] = {}


def spool_in(folder: Path) -> Spool:
    """This process's spool in `folder`, kept open from file to file (a forked worker
    opens its own: the key holds the process id)."""
    key = (folder, os.getpid())
    if key not in _SPOOLS:
        for held in _SPOOLS.values():
            held.close()
        _SPOOLS.clear()
        _SPOOLS[key] = Spool(folder)
    return _SPOOLS[key]


def close_spools() -> None:
    for held in _SPOOLS.values():
        held.close()
    _SPOOLS.clear()


def anchor(name: str) -> str:
    """A file's stable id in report.html."""
    return hashlib.sha1(name.encode("utf-8", errors="surrogateescape")).hexdigest()[:12]


@dataclass(slots=True)
class FileReport:
    """One file's part of every report, fed piece by piece (see `pipeline.batch.chunks`)."""

    name: str  # relative path, as written
    encoding: str
    assumed: bool
    spool: Spool
    decisions: frozenset[str] = frozenset()  # the ids a reviewer decided on
    view: FileView = field(init=False)
    _decided: set[str] = field(default_factory=set)
    _rejected: int = 0
    _counts: dict[str, tuple[Rule, int, int]] = field(default_factory=dict)
    _seconds: dict[str, float] = field(default_factory=dict)  # each stage's, over the pieces
    _diff: list[str] | None = field(default_factory=list)  # kept for report.md while short
    _diff_size: int = 0
    _diff_started: bool = False
    _cleaned_lines: int = 0
    _any_edits: bool = False
    changed: bool = False

    def __post_init__(self) -> None:
        self.view = FileView(self.name, self.encoding, self.assumed)
        self.spool.write("json", json_report.file_open(self.view.path, self.encoding, self.assumed))

    def add(
        self,
        original: str,
        cleaned: str,
        edits: Sequence[Edit],
        first_line: int,
        separator: str,
        start: int,
    ) -> None:
        """A piece of the file: its text before and after, its edits (located in the file), the
        line and character it starts at, and the separator after it."""
        self.spool.write("json", json_report.edit_lines(self.view.path, edits, not self._any_edits))
        self._any_edits = self._any_edits or bool(edits)
        if self.decisions:
            self._decided.update(e.id for e in edits if e.id in self.decisions)
        self._count(edits)
        # located in the piece (a file's first piece, most files' only one, is as it is)
        local = (
            edits
            if first_line == 1 and not start
            else [relocated(e, first_line, start) for e in edits]
        )
        self._list(original, local, first_line)
        if original != cleaned:
            self.changed = True
            diff = unified.hunks(original, cleaned, first_line - 1, self._cleaned_lines, local)
            if not self._diff_started:
                diff = unified.header(self.name) + diff
                self._diff_started = True
            if self.encoding == "utf-8":
                self.spool.write("diff", diff)
            self._keep_diff(diff)
        self._cleaned_lines += cleaned.count("\n") + separator.count("\n")

    def timed(self, seconds: Sequence[tuple[str, float]]) -> None:
        """The time each stage took over a piece."""
        for stage, took in seconds:
            self._seconds[stage] = self._seconds.get(stage, 0.0) + took

    def _count(self, edits: Sequence[Edit]) -> None:
        # counted by (code, kind) first, in C: a few of each per file, and a rule's hash
        # (a dataclass's, in Python) is not asked once per edit
        for (code, kind), hits in Counter(map(CODE_AND_KIND, edits)).items():
            if kind is Kind.REJECTED:
                self._rejected += hits
                continue  # kept as written: neither applied nor suggested
            held = self._counts.get(code)
            rule = held[0] if held else next(e.rule for e in edits if e.rule.code == code)
            fixes, suggestions = held[1:] if held else (0, 0)
            fix = kind is Kind.FIX
            self._counts[code] = (rule, fixes + hits * fix, suggestions + hits * (not fix))
        self.view.fixes = sum(c[1] for c in self._counts.values())
        self.view.suggestions = sum(c[2] for c in self._counts.values())

    def _list(self, original: str, local: Sequence[Edit], first_line: int) -> None:
        """List a piece's edits (`local`: located in the piece) on the review page and in
        report.md, as far as there is room."""
        room = LISTED_PER_FILE - len(self.view.html_rows)
        if room <= 0 or not local:
            return
        md_room = max(0, markdown.LISTED - len(self.view.markdown_rows))
        _, rows, md_rows, groups = _listed(original, local, room, first_line - 1, md_room)
        self.view.html_rows += rows
        self.view.markdown_rows += md_rows
        self.view.count(groups)

    def _keep_diff(self, diff: str) -> None:
        if self._diff is None:
            return
        self._diff_size += len(diff)
        if self._diff_size > markdown.DIFF_SHOWN:
            self._diff = None
        else:
            self._diff.append(diff)

    def finish(self) -> FileTally:
        """Close the file's part; what the batch's summary needs of it."""
        self.spool.write("json", json_report.file_close(self._any_edits, self.changed, None))
        diff = None if self._diff is None else "".join(self._diff)
        if self.changed:
            self.spool.write("md", markdown.section(self.view, diff))
        if self._any_edits:
            self.spool.write("html", html.file_part(self.view, anchor(self.name)))
        counts = tuple(held for _, held in sorted(self._counts.items()))
        groups = self.view.group_counts()
        seconds = tuple(self._seconds.items())
        return FileTally(
            None, self.changed, counts, groups, len(self._decided), self._rejected, seconds
        )


class MarkdownListing(NamedTuple):
    """What report.md still lists of a file, as `_core.listed_rows` reads it."""

    room: int  # rows it still wants
    kinds: dict[Kind, str]
    width: int


class Grouping(NamedTuple):
    """How `_core.listed_rows` groups listed edits, as `summary.group_key` does."""

    restyles: tuple[str, ...]  # the stages whose edits restyle marks
    quotes: str  # the stage whose spacing shows the quote beside it
    rejected: Kind  # not counted


@cache
def _grouping() -> Grouping:
    """Built once, not for each piece a report lists."""
    return Grouping(tuple(sorted(restyles())), QUOTES, Kind.REJECTED)


def _listed(
    original: str, local: Sequence[Edit], room: int, line_shift: int, md_room: int = 0
) -> tuple[list[Edit], list[str], list[str], list[PieceGroup]]:
    """The edits a piece lists (`local`: located in the piece, in the order made): the
    first `room` in reading order, each one's row of the review page, the first `md_room`'s
    rows of report.md (each line moved on by `line_shift`), and the listed edits counted by
    group (`summary.count_groups`).  The core does all of it in one call
    (`_core.listed_rows`); Python does what the core leaves to it."""
    width = CONTEXT_WIDTH
    wanted = MarkdownListing(md_room, markdown.KIND_SHOWN, markdown.CONTEXT)
    fast = _core.listed_rows(
        original, local, room, width, line_shift, html.KINDS, Kind.FIX, wanted, _grouping()
    )
    if fast is not None:
        indexes, rows, md, groups = fast
        listed = [local[k] for k in indexes]
        md_rows = [
            row if isinstance(row, str) else _md_row(edit, InContext._make(row), line_shift)
            for row, edit in zip(md, listed, strict=False)
        ]
        return listed, rows, md_rows, groups
    made = Made(original, local)
    order = {id(edit): at for at, edit in enumerate(local)}
    listed = reading_order(tuple(local))[:room]
    chosen = [(order[id(edit)], edit) for edit in listed]
    in_context = contexts(original, made, chosen, width)
    rows = [
        html.inert_json(html.edit_row(edit._replace(line=edit.line + line_shift), seen))
        for edit, seen in zip(listed, in_context, strict=True)
    ]
    md_rows = [
        _md_row(edit, seen, line_shift)
        for edit, seen in zip(listed[:md_room], in_context[:md_room], strict=True)
    ]
    groups = count_groups(
        (group_key(edit, seen), edit.confidence)
        for edit, seen in zip(listed, in_context, strict=True)
        if edit.kind is not Kind.REJECTED
    )
    return listed, rows, md_rows, groups


def _md_row(edit: Edit, seen: InContext, line_shift: int) -> str:
    """An edit's row of report.md, its line moved on by `line_shift` (`relocated` undone)."""
    in_file = edit._replace(line=edit.line + line_shift) if line_shift else edit
    return markdown.edit_row(in_file, narrowed(seen, markdown.CONTEXT))


def failed_file(name: str, error: str, spool: Spool) -> FileTally:
    """The part of a file that could not be read: its record in report.json."""
    path = shown(name)
    spool.write("json", json_report.file_open(path, "utf-8", False))
    spool.write("json", json_report.file_close(False, False, error))
    return FileTally(error, False, ())
