"""Findings: the edits of a batch as defects, each keyed on its content, not its line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from pipeline.config import CheckOptions
from pipeline.edits import Edit, Kind, LineIndex
from pipeline.keys import Key, fingerprint, neighbours, span_in
from pipeline.names import shown, uri
from pipeline.runner import BatchResult
from pipeline.sources import STDIN
from pipeline.stages.joins.thresholds import FLAG_AT


@dataclass(frozen=True, slots=True)
class Finding:
    """An edit the pipeline would make, at a place in a file, with the words around it.

    `path` is as the user named the file; `key_path` is relative to the project
    root (the settings file's folder), so a baseline matches from any folder.
    """

    path: str
    edit: Edit
    context_before: str
    context_after: str
    key_path: str = ""
    uri: str = ""  # the key path as a URI reference, every byte of the real name kept
    flag_at: float = FLAG_AT  # a suggestion this sure fails the check like a fix

    @property
    def code(self) -> str:
        return self.edit.rule.code

    @property
    def suggestion(self) -> bool:
        """A suggestion below `flag_at`: shown, failing only with --strict."""
        return self.edit.kind is Kind.SUGGESTION and self.edit.confidence < self.flag_at

    @property
    def key(self) -> Key:
        """What identifies the finding across edits elsewhere in the file: no line numbers."""
        edit = self.edit
        return (
            self.key_path or self.path,
            edit.rule.code,
            edit.before,
            edit.after,
            self.context_before,
            self.context_after,
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    @property
    def shown_before(self) -> str:
        return self.context_before + self.edit.before + self.context_after

    @property
    def shown_after(self) -> str:
        return self.context_before + self.edit.after + self.context_after


def _finding(
    path: str, key_path: str, original: str, lines: LineIndex, edit: Edit, flag_at: float
) -> Finding:
    """`key_path` is the raw relative path; findings carry it shown and as a URI."""
    start, end = span_in(original, lines, edit)
    before, after = neighbours(original, start, end)
    return Finding(path, edit, before, after, shown(key_path), uri(key_path), flag_at)


def _key_path(path: Path, root: str) -> str:
    """The path relative to the project root where it lies inside it, else as given."""
    if path == STDIN:
        return "-"
    resolved = path.resolve()
    base = Path(root or ".").resolve()
    if resolved.is_relative_to(base):
        return resolved.relative_to(base).as_posix()
    return path.as_posix()


def selected(code: str, path: str, options: CheckOptions) -> bool:
    """Whether a rule is checked for a path: --select, --ignore, per-file ignores."""
    if options.select and not any(code.startswith(s) for s in options.select):
        return False
    if any(code.startswith(i) for i in options.ignore):
        return False
    return not any(
        fnmatchcase(path, glob) and any(code.startswith(c) for c in codes)
        for glob, codes in options.per_file_ignores
    )


def findings(
    batch: BatchResult, options: CheckOptions, flag_at: float | None = None
) -> list[Finding]:
    """Every selected edit of the batch, in file order, then reading order; a suggestion at
    `flag_at` or more (the settings' `flag-at`) is a finding that fails the check."""
    flag = FLAG_AT if flag_at is None else flag_at
    found: list[Finding] = []
    for result in batch.files:
        if result.error:
            continue
        path = shown(result.source.path)
        key_path = _key_path(result.source.path, options.root)
        edits = sorted(result.edits, key=lambda e: (e.line, e.column))
        lines = LineIndex(result.original)
        found += [
            _finding(path, key_path, result.original, lines, e, flag)
            for e in edits
            if e.kind is not Kind.REJECTED and selected(e.rule.code, shown(key_path), options)
        ]
    return found


def failing(found: Iterable[Finding], strict: bool) -> list[Finding]:
    return [f for f in found if strict or not f.suggestion]


def checked_paths(batch: BatchResult, options: CheckOptions) -> frozenset[str]:
    """The key paths of every file the batch read, with findings or without."""
    return frozenset(
        shown(_key_path(result.source.path, options.root))
        for result in batch.files
        if not result.error
    )


def statistics(found: Iterable[Finding]) -> list[tuple[str, str, int]]:
    """(code, name, count) per rule, most frequent first, as `--statistics` prints them."""
    counts = Counter((f.code, f.edit.rule.name) for f in found)
    return [
        (code, name, n) for (code, name), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    ]
