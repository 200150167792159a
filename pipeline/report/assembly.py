"""The reports put together: each file's part copied, in the batch's order, from where it
was spooled (`pipeline.report.stream`) into its report after the summary's head."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from pipeline.report import html, json_report, markdown
from pipeline.report.stream import STREAMS, Part
from pipeline.report.summary import Summary

BLOCK = 1 << 20


def _copy(source: BinaryIO, start: int, end: int, out: BinaryIO) -> None:
    """Bytes `start:end` of the open file `source` written to `out`."""
    source.seek(start)
    while start < end:
        block = source.read(min(BLOCK, end - start))
        if not block:
            break
        out.write(block)
        start += len(block)


class _Body(NamedTuple):
    """Where a stream's body goes in a report."""

    stream: str


Range = tuple[str, int, int]  # a file, and where a part lies in it


@dataclass(slots=True)
class Bodies:
    """The files' parts of each report, in the batch's order: where each lies (a spool
    file, or an earlier run's report), copied once, into the reports, by `assemble`.
    (Copying each part into a body file first, then the body into its report, cost a
    tenth of the reports' time.)"""

    held: dict[str, BinaryIO] = field(default_factory=dict)  # parts' in-memory spools by name
    _parts: dict[str, list[Range]] = field(default_factory=lambda: {s: [] for s in STREAMS})
    _sizes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STREAMS, 0))
    # report.md's body: where each file's section ends, while within any head's budget
    _md_ends: list[int] = field(default_factory=list)

    def add(self, part: Part) -> dict[str, tuple[int, int]]:
        """Add a file's part; where it will lie in each stream's body."""
        placed: dict[str, tuple[int, int]] = {}
        for stream in STREAMS:
            if stream not in part:
                continue
            parts = self._parts[stream]
            if stream == "json" and parts:
                self._sizes[stream] += len(json_report.FILE_SEPARATOR)
            start = self._sizes[stream]
            path, begin, end = part[stream]
            parts.append((path, begin, end))
            self._sizes[stream] += end - begin
            placed[stream] = (start, self._sizes[stream])
            if stream == "md" and self._sizes[stream] <= markdown.LIMIT:
                self._md_ends.append(self._sizes[stream])
        return placed

    def _write_body(self, stream: str, out: BinaryIO, limit: int | None = None) -> None:
        """The stream's parts, in order, into `out`; with `limit`, those that end within
        it (in the body's bytes)."""
        opened: dict[str, BinaryIO] = {}
        written = 0
        try:
            for k, (path, begin, end) in enumerate(self._parts[stream]):
                separator = json_report.FILE_SEPARATOR.encode() if stream == "json" and k else b""
                if limit is not None and written + len(separator) + end - begin > limit:
                    break
                out.write(separator)
                source = self.held.get(path) or opened.get(path)
                if source is None:
                    source = opened[path] = open(path, "rb")  # noqa: SIM115
                _copy(source, begin, end, out)
                written += len(separator) + end - begin
        finally:
            for source in opened.values():
                source.close()

    def _layout(self, summary: Summary) -> dict[str, list[str | _Body]]:
        return {
            "report.md": [markdown.head(summary), _Body("md")],
            "report.html": [html.head(summary), _Body("html"), html.tail()],
            "report.json": [json_report.head(summary), _Body("json"), json_report.TAIL],
            "changes.diff": [_Body("diff")],
        }

    def _write_report(self, pieces: list[str | _Body], out: BinaryIO) -> dict[str, int]:
        """A report's head, body and tail into `out`; where its body begins, by stream
        (report.md's, which may be cut, has no place a re-run copies from)."""
        begins = {}
        for piece in pieces:
            if not isinstance(piece, _Body):
                out.write(piece.encode("utf-8", errors="surrogateescape"))
            elif piece.stream == "md":
                self._write_md(out, out.tell())
            else:
                begins[piece.stream] = out.tell()
                self._write_body(piece.stream, out)
        return begins

    def assemble(
        self, summary: Summary, out_dir: Path, parts_md: Path | None = None
    ) -> dict[str, int]:
        """Write the four reports into `out_dir`; where each stream's body begins in its
        report.  report.md may be cut to its size limit, so its body is written whole to
        `parts_md` (where a re-run copies a file's section from) when that is given."""
        begins: dict[str, int] = {}
        for name, pieces in self._layout(summary).items():
            with open(out_dir / name, "wb") as out:
                begins.update(self._write_report(pieces, out))
        if parts_md is not None:
            with open(parts_md, "wb") as out:
                self._write_body("md", out)
        return begins

    def rendered(self, summary: Summary) -> dict[str, str]:
        """The four reports' text, by file name (what `assemble` writes)."""
        texts = {}
        for name, pieces in self._layout(summary).items():
            out = io.BytesIO()
            self._write_report(pieces, out)
            texts[name] = out.getvalue().decode("utf-8", errors="surrogateescape")
        return texts

    def _write_md(self, out: BinaryIO, head: int) -> None:
        """As many files' sections as fit in report.md's limit after its `head`, then a
        footer saying how many did not."""
        room = markdown.LIMIT - head - 1_000  # the footer's room
        shown = 0
        for end in self._md_ends:
            if end > room:
                break
            shown += 1
        files = len(self._parts["md"])
        if shown == files:
            self._write_body("md", out)
            return
        kept = self._md_ends[shown - 1] if shown else 0
        self._write_body("md", out, limit=kept)
        footer = markdown.footer(shown, files - shown)
        out.write(footer.encode("utf-8", errors="surrogateescape"))
