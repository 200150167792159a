"""A reviewer's decisions on a run's edits, fed back into the next run.

The review page (report.html) exports `decisions.json`:
`{"version": 1, "decisions": {"<edit id>": "accept" | "reject"}}`, the ids
being those report.json gives each edit (`pipeline.edit_ids.EditIds`).  A run
given the file leaves rejected edits out (reporting them as rejected) and
applies accepted suggestions; `pipeline check` treats a rejected edit as
accepted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import _core, documents

FORMAT_VERSION = 1
SCHEMA = "decisions"  # pipeline/schemas/decisions.schema.json


class DecisionsError(ValueError):
    """The decisions file cannot be read; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Decisions:
    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.accepted or self.rejected)

    @property
    def ids(self) -> frozenset[str]:
        return self.accepted | self.rejected

    def digest(self) -> str:
        """What a re-run compares: the same decisions give the same output."""
        text = "\n".join(sorted(self.accepted)) + "\x1f" + "\n".join(sorted(self.rejected))
        return _core.sha256(text.encode("utf-8"))


def load(path: Path) -> Decisions:
    """A decisions file, read as strictly as any input (see `pipeline.documents`)."""
    try:
        document = documents.load(path, SCHEMA)
    except documents.DocumentError as error:
        raise DecisionsError(str(error)) from error
    entries: dict[str, str] = document["decisions"]
    return Decisions(
        frozenset(k for k, v in entries.items() if v == "accept"),
        frozenset(k for k, v in entries.items() if v == "reject"),
    )
