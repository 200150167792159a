"""The baseline: findings accepted as they are, so that only new ones fail.

Entries are keyed on content (path, rule, the defective text and the words
around it), so an edit elsewhere in a file does not make old findings look
new; a finding that occurs twice needs two entries.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.check.findings import Finding
from pipeline.files import write_atomic
from pipeline.keys import Key, fingerprint
from pipeline.names import shown

FORMAT_VERSION = 1
FIELDS = ("path", "rule", "before", "after", "context_before", "context_after")


class BaselineError(ValueError):
    """The baseline file cannot be read; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Comparison:
    new: tuple[Finding, ...]
    known: tuple[Finding, ...]
    unmatched: tuple[Key, ...]  # baseline entries no finding matched: fixed since


def load(path: Path) -> Counter[Key]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        version = document["version"]
        entries = document["findings"]
        if version != FORMAT_VERSION:
            raise BaselineError(
                f"{shown(path)}: baseline format version {version!r}; this pipeline reads "
                f"version {FORMAT_VERSION}"
            )
        if not isinstance(entries, list):
            raise TypeError("findings must be a list")
        return Counter(_key(entry) for entry in entries)
    except (OSError, ValueError, KeyError, TypeError) as error:
        if isinstance(error, BaselineError):
            raise
        raise BaselineError(f"{shown(path)}: not a pipeline baseline: {error}") from error


def _key(entry: dict[str, object]) -> Key:
    if not isinstance(entry, dict) or not all(isinstance(entry[f], str) for f in FIELDS):
        raise TypeError(f"an entry must map {', '.join(FIELDS)} to strings")
    path, rule, before, after, context_before, context_after = (str(entry[f]) for f in FIELDS)
    return path, rule, before, after, context_before, context_after


def compare(found: Sequence[Finding], baseline: Counter[Key] | None = None) -> Comparison:
    """Findings the baseline holds (each entry matches once), new ones, and unmatched entries."""
    remaining = Counter(baseline or {})
    new, known = [], []
    for finding in found:
        if remaining[finding.key] > 0:
            remaining[finding.key] -= 1
            known.append(finding)
        else:
            new.append(finding)
    unmatched = tuple(key for key, count in sorted(remaining.items()) for _ in range(count))
    return Comparison(tuple(new), tuple(known), unmatched)


def write(path: Path, keys: Sequence[Key]) -> None:
    entries = [
        dict(zip(FIELDS, key, strict=True)) | {"fingerprint": fingerprint(key)}
        for key in sorted(keys)
    ]
    document = {"version": FORMAT_VERSION, "findings": entries}
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def prune(
    path: Path, accepted: Counter[Key], comparison: Comparison, checked: Collection[str]
) -> None:
    """Rewrite the baseline without the entries of checked files that no finding matched.

    Entries of files this check did not read (a pre-commit run passes only the
    changed files) are kept as they are.
    """
    kept = [key for key in accepted.elements() if key[0] not in checked]
    write(path, [*kept, *(finding.key for finding in comparison.known)])
