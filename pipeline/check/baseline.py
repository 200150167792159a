"""The baseline: findings accepted as they are, so that only new ones fail.

An entry is an edit's id (`pipeline.edit_ids`: its file, rule, text and the words
around it, and which repeat of those in the file it is), so an edit elsewhere
in a file does not make old findings look new, and a baseline can be made from
a run's report.json as well as from `check --write-baseline`.  The path, rule
and words beside the id are for the people who read the file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import documents
from pipeline.check.findings import Finding
from pipeline.edit_ids import fingerprint
from pipeline.files import write_atomic

FORMAT_VERSION = 2
SCHEMA = "baseline"
V1_FIELDS = ("path", "rule", "before", "after", "context_before", "context_after")


class BaselineError(ValueError):
    """The baseline file cannot be read; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Entry:
    """An accepted finding: its id, and what it is for a reader."""

    id: str
    path: str
    rule: str
    before: str
    after: str

    @classmethod
    def of(cls, finding: Finding) -> Entry:
        return cls(
            finding.id, finding.key_path, finding.code, finding.shown_before, finding.shown_after
        )

    def as_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "path": self.path,
            "rule": self.rule,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    new: tuple[Finding, ...]
    known: tuple[Finding, ...]
    unmatched: tuple[Entry, ...]  # baseline entries no finding matched: fixed since


def load(path: Path) -> dict[str, Entry]:
    """The entries of a baseline file by id (version 1 files are read too)."""
    try:
        document = documents.load(path, SCHEMA)
    except documents.DocumentError as error:
        raise BaselineError(str(error)) from error
    if document["version"] == 1:
        return _from_v1(document["findings"])
    entries = [Entry(**entry) for entry in document["findings"]]
    held = {entry.id: entry for entry in entries}
    if len(held) < len(entries):
        raise BaselineError(f"{path}: an id is listed twice")
    return held


def _from_v1(findings: list[dict[str, Any]]) -> dict[str, Entry]:
    """Version 1 keyed entries on their content and counted repeats: the same ids."""
    held: dict[str, Entry] = {}
    repeats: dict[str, int] = {}
    for entry in findings:
        key = tuple(str(entry[name]) for name in V1_FIELDS)
        base = fingerprint(key)  # type: ignore[arg-type]
        repeat = repeats.get(base, 0)
        repeats[base] = repeat + 1
        name = base if repeat == 0 else f"{base}-{repeat}"
        held[name] = Entry(name, key[0], key[1], key[2], key[3])
    return held


def compare(found: Sequence[Finding], baseline: dict[str, Entry] | None = None) -> Comparison:
    """Findings the baseline holds, new ones, and the entries no finding matched."""
    accepted = baseline or {}
    new = tuple(f for f in found if f.id not in accepted)
    known = tuple(f for f in found if f.id in accepted)
    matched = {f.id for f in known}
    unmatched = tuple(e for i, e in sorted(accepted.items()) if i not in matched)
    return Comparison(new, known, unmatched)


def write(path: Path, entries: Collection[Entry]) -> None:
    ordered = sorted(entries, key=lambda e: (e.path, e.id))
    document = {"version": FORMAT_VERSION, "findings": [e.as_json() for e in ordered]}
    write_atomic(path, documents.dumps(document))


def of_findings(found: Sequence[Finding]) -> list[Entry]:
    return [Entry.of(finding) for finding in found]


def prune(
    path: Path, accepted: dict[str, Entry], comparison: Comparison, checked: Collection[str]
) -> None:
    """Rewrite the baseline without the entries of checked files that no finding matched.

    Entries of files this check did not read (a pre-commit run passes only the
    changed files) are kept as they are.
    """
    kept = [entry for entry in accepted.values() if entry.path not in checked]
    write(path, [*kept, *of_findings(comparison.known)])
