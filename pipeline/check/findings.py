"""Findings: the edits of a batch as defects, each keyed on its content, not its line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from pipeline import _core
from pipeline.config import CheckOptions
from pipeline.edit_ids import path_key
from pipeline.edits import Edit, Kind
from pipeline.files.names import shown, uri
from pipeline.report.edit_view import Made, contexts, relocated
from pipeline.runner import BatchResult


@dataclass(frozen=True, slots=True)
class Finding:
    """An edit the pipeline would make, at a place in a file, shown in the words it touches.

    `path` is as the user named the file; `key_path` is the file's part of the edit's id
    (`pipeline.edit_ids.path_key`, shown), so a baseline matches from any folder.
    """

    path: str
    edit: Edit
    shown_before: str  # the words the edit touches, in the text its stage met
    shown_after: str  # ... and as the edit leaves them
    key_path: str = ""
    uri: str = ""  # the key path as a URI reference, every byte of the real name kept
    flag_at: float = _core.FLAG_AT  # a suggestion this sure fails the check like a fix

    @property
    def code(self) -> str:
        return self.edit.rule.code

    @property
    def id(self) -> str:
        """The edit's id: report.json's, a decision's and a baseline entry's too."""
        return self.edit.id

    @property
    def suggestion(self) -> bool:
        """A suggestion below `flag_at`: shown, failing only with --strict."""
        return self.edit.kind is Kind.SUGGESTION and self.edit.confidence < self.flag_at


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
    batch: BatchResult, options: CheckOptions, root: str = "", flag_at: float | None = None
) -> list[Finding]:
    """Every selected edit of the batch, in file order, then reading order; a suggestion at
    `flag_at` or more (the settings' `flag-at`) is a finding that fails the check.  `root`
    is the project root the edits' ids name files from."""
    flag = _core.FLAG_AT if flag_at is None else flag_at
    found: list[Finding] = []
    for result in batch.files:
        if result.error:
            continue
        path = shown(result.source.path)
        key_path = path_key(result.source, root)
        if not any(selected(e.rule.code, shown(key_path), options) for e in result.edits):
            continue
        of_file = []
        for piece in result.pieces():
            original = piece.original
            local = [relocated(edit, piece.first_line, piece.start) for edit in piece.edits]
            made = Made(original, local)
            chosen = [
                (order, edit)
                for order, edit in enumerate(local)
                if edit.kind is not Kind.REJECTED
                and selected(edit.rule.code, shown(key_path), options)
            ]
            for (order, _), seen in zip(chosen, contexts(original, made, chosen), strict=True):
                of_file.append(
                    Finding(
                        path,
                        piece.edits[order],
                        seen.word_before,
                        seen.word_after,
                        shown(key_path),
                        uri(key_path),
                        flag,
                    )
                )
        found += sorted(of_file, key=lambda f: (f.edit.line, f.edit.column))
    return found


def failing(found: Iterable[Finding], strict: bool) -> list[Finding]:
    return [f for f in found if strict or not f.suggestion]


def checked_paths(batch: BatchResult, root: str) -> frozenset[str]:
    """The key paths of every file the batch read, with findings or without."""
    return frozenset(
        shown(path_key(result.source, root)) for result in batch.files if not result.error
    )


def statistics(found: Iterable[Finding]) -> list[tuple[str, str, int, bool]]:
    """(code, name, count, whether suggestions) per rule, findings apart from suggestions,
    most frequent first, as `--statistics` prints them."""
    counts = Counter((f.code, f.edit.rule.name, f.suggestion) for f in found)
    ordered = sorted(counts.items(), key=lambda i: (i[0][2], -i[1], i[0][0]))
    return [(code, name, n, suggestion) for (code, name, suggestion), n in ordered]
