"""The manifest a run leaves in its output folder: what it wrote, and from what.

It marks the folder as a run's output (so a later run may replace it) and
records each source's content hash, the settings and the engine (the tool's
version, a hash of its code and data, and the versions of the libraries that
shape its output: a checkout that changed the code is a new engine), so a
re-run over unchanged sources with unchanged settings can leave the folder as
it is.  For each file it also keeps a `Record`: the batch counts its cleaning
read, and where its parts of the reports lie.  A file's output depends only
on its bytes, the settings and those counts, so when a re-run finds all three
unchanged it copies the file's output instead of cleaning it again; a changed
source still changes other files when their decisions read its words.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline import __version__
from pipeline.config import STAGE_NAMES, Config
from pipeline.files import InputError, read_bytes
from pipeline.sources import STDIN, Source

NAME = ".pipeline-run.json"
RECORDS = ".pipeline-files.jsonl"  # a Record per file, one JSON line each
FORMAT_VERSION = 3


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a run's output is a function of: the sources' bytes, the settings, the tool."""

    sources: tuple[tuple[str, str], ...]  # (relative path, sha256 of its bytes)
    settings: str  # sha256 of the settings as the run used them
    engine: str  # what `engine()` says of the code that ran

    @classmethod
    def of(cls, found: Sequence[Source], config: Config) -> Inputs | None:
        """The inputs of a batch, or None when they cannot be fingerprinted (stdin, unreadable)."""
        hashes = []
        for source in found:
            if source.path == STDIN:
                return None
            try:
                digest = hashlib.sha256(read_bytes(source.path)).hexdigest()
            except InputError:
                return None
            hashes.append((source.relative.as_posix(), digest))
        return cls(tuple(hashes), settings_digest(config), engine())


SHAPING = ("ftfy", "regex", "wordsegment", "wordfreq")  # the libraries whose answers we write


@functools.cache
def engine() -> str:
    """The tool's version and a hash of its code, its data and the shaping libraries' versions.

    A version number alone misses an edited checkout or an install from a branch, and a
    re-run would then copy output the new code no longer writes.
    """
    digest = hashlib.sha256(__version__.encode("utf-8"))
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".j2", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    for library in SHAPING:
        try:
            digest.update(f"{library} {importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(library.encode("utf-8"))
    return f"{__version__}+{digest.hexdigest()[:16]}"


def settings_digest(config: Config) -> str:
    """A hash of the settings that shape the output: the stages' options, `apply-at` and a
    reviewer's decisions.

    Which files are read is in the sources list; where the settings file lies
    (its folder, the baseline's) shapes nothing a run writes.
    """
    stages = tuple(getattr(config, name) for name in STAGE_NAMES)
    shaping = (stages, config.apply_at, config.decisions.digest())
    return hashlib.sha256(repr(shaping).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Record:
    """What a re-run needs to keep one file's output without cleaning it again."""

    sha256: str
    reads: dict[str, int]  # the batch counts its cleaning read (see Vocabulary.word_count)
    encoding: str
    assumed: bool
    changed: bool
    counts: tuple[tuple[str, int, int], ...]  # rule code, fixes, suggestions
    parts: dict[str, tuple[int, int]]  # its part of each report stream, in the stream's body
    groups: tuple[tuple[str, str, str, int, float], ...] = ()  # see FileTally.groups

    def as_json(self) -> dict[str, object]:
        return {
            "sha256": self.sha256,
            "reads": dict(sorted(self.reads.items())),
            "encoding": self.encoding,
            "assumed": self.assumed,
            "changed": self.changed,
            "counts": [list(c) for c in self.counts],
            "parts": {stream: list(span) for stream, span in sorted(self.parts.items())},
            "groups": [list(g) for g in self.groups],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        return cls(
            str(data["sha256"]),
            {str(k): int(v) for k, v in data["reads"].items()},
            str(data["encoding"]),
            bool(data["assumed"]),
            bool(data["changed"]),
            tuple((str(c), int(f), int(g)) for c, f, g in data["counts"]),
            {str(k): (int(a), int(b)) for k, (a, b) in data["parts"].items()},
            tuple((str(c), str(b), str(a), int(n), float(x)) for c, b, a, n, x in data["groups"]),
        )


class Records:
    """The run's records, one JSON line per file in RECORDS, written as files are done."""

    def __init__(self, folder: Path) -> None:
        self._file = open(folder / RECORDS, "w", encoding="utf-8")  # noqa: SIM115

    def add(self, name: str, record: Record) -> None:
        # ASCII escapes carry any name, undecodable bytes (lone surrogates) included.
        self._file.write(json.dumps([name, record.as_json()]) + "\n")

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True, slots=True)
class Previous:
    """The run an output folder holds, as far as a re-run with the same settings can use it.

    Records are read one at a time when asked for: only where each lies is held.
    """

    folder: Path
    where: dict[str, int]  # relative path -> offset of its line in RECORDS
    begins: dict[str, tuple[str, int]]  # stream -> (report file, where its body begins)

    def record(self, name: str) -> Record | None:
        at = self.where.get(name)
        if at is None:
            return None
        try:
            with open(self.folder / RECORDS, "rb") as records:
                records.seek(at)
                held, data = json.loads(records.readline())
            return Record.from_json(data) if held == name else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


def previous(out_dir: Path, inputs: Inputs | None) -> Previous | None:
    """The earlier run in `out_dir`, if it was made by this version with these settings."""
    if inputs is None:
        return None
    try:
        document = json.loads((out_dir / NAME).read_text(encoding="utf-8"))
        if (
            document.get("format") != FORMAT_VERSION
            or document.get("engine") != inputs.engine
            or document.get("settings") != inputs.settings
        ):
            return None
        begins = {k: (str(name), int(at)) for k, (name, at) in document["begins"].items()}
        where: dict[str, int] = {}
        with open(out_dir / RECORDS, "rb") as records:
            at = 0
            for line in records:
                name = json.loads(line[: line.index(b",")].lstrip(b"["))
                where[str(name)] = at
                at += len(line)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Previous(out_dir, where, begins)


def render(
    written: Sequence[PurePosixPath],
    inputs: Inputs | None,
    complete: bool,
    begins: dict[str, tuple[str, int]] | None = None,
) -> str:
    """The manifest's text; `complete` is false when some source failed (a re-run retries)."""
    document: dict[str, object] = {
        "tool": "pipeline",
        "format": FORMAT_VERSION,
        "version": __version__,
        "files": sorted(p.as_posix() for p in written),
    }
    if inputs is not None:
        document["engine"] = inputs.engine
        document["settings"] = inputs.settings
        document["begins"] = dict(sorted((begins or {}).items()))
    if inputs is not None and complete:
        document["sources"] = dict(inputs.sources)
    # ASCII escapes carry any name, undecodable bytes (lone surrogates) included, both ways.
    return json.dumps(document, indent=2) + "\n"


def up_to_date(out_dir: Path, inputs: Inputs | None) -> bool:
    """Whether `out_dir` holds a complete run of exactly these inputs."""
    if inputs is None:
        return False
    try:
        document = json.loads((out_dir / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(document, dict)
        and all((out_dir / name).is_file() for name in document.get("files", []))
        and document.get("format") == FORMAT_VERSION
        and document.get("engine") == inputs.engine
        and document.get("settings") == inputs.settings
        and document.get("sources") == dict(inputs.sources)
    )
