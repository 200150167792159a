"""A reviewer's decisions on a run's edits, fed back into the next run.

The review page (report.html) exports `decisions.json`:
`{"version": 1, "decisions": {"<edit id>": "accept" | "reject"}}`, the ids
being those report.json gives each edit (`pipeline.keys.EditIds`).  A run
given the file leaves rejected edits out (reporting them as rejected) and
applies accepted suggestions; `pipeline check` treats a rejected edit as
accepted text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.names import shown

FORMAT_VERSION = 1
VERDICTS = ("accept", "reject")


class DecisionsError(ValueError):
    """The decisions file cannot be read; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Decisions:
    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.accepted or self.rejected)

    def digest(self) -> str:
        """What a re-run compares: the same decisions give the same output."""
        text = "\n".join(sorted(self.accepted)) + "\x1f" + "\n".join(sorted(self.rejected))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(path: Path) -> Decisions:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        version = document["version"]
        entries = document["decisions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DecisionsError(f"{shown(path)}: not a decisions file: {error}") from error
    if version != FORMAT_VERSION:
        raise DecisionsError(
            f"{shown(path)}: decisions format version {version!r}; this pipeline reads "
            f"version {FORMAT_VERSION}"
        )
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and v in VERDICTS for k, v in entries.items()
    ):
        raise DecisionsError(
            f'{shown(path)}: "decisions" must map edit ids to "accept" or "reject"'
        )
    return Decisions(
        frozenset(k for k, v in entries.items() if v == "accept"),
        frozenset(k for k, v in entries.items() if v == "reject"),
    )
