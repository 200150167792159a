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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline import __version__, _core, documents
from pipeline.config import Config, StageOptions
from pipeline.files import InputError, read_bytes, read_file
from pipeline.files.names import shown
from pipeline.files.sources import STDIN, Source
from pipeline.stages import stage_names
from pipeline.stages.plugins import installed
from pipeline.vocabulary import CountsJson

NAME = ".pipeline-run.json"  # its schema: pipeline/schemas/run.schema.json
RECORDS = ".pipeline-files.jsonl"  # a Record per file, one JSON line each (records.schema.json)
# report.md is cut to fit a pull-request comment, so each file's section of it is kept whole
# here, where a re-run copies it from; the other reports hold every file's part.
PARTS_MD = ".pipeline-report-md.parts"
BODY_FILES = {"html": "report.html", "json": "report.json", "diff": "changes.diff"}
FORMAT_VERSION = 4


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a run's output is a function of: the sources' bytes, the settings, the tool."""

    sources: tuple[tuple[str, str], ...]  # (relative path, sha256 of its bytes)
    settings: str  # sha256 of the settings as the run used them
    engine: str  # what `engine()` says of the code that ran
    read: bool = True  # whether `sources` are known yet (`unread`)

    @classmethod
    def unread(cls, config: Config) -> Inputs:
        """The inputs of a batch whose sources are not read yet: the run takes their hashes
        from the bytes it cleans (`publish`), rather than reading every file once more
        beforehand, alone in the parent of `-j N` (a second of a 21 MB batch's run).  They
        are read first only where a run in the output folder may be reused: each file's
        hash then says whether it changed (`reusable`)."""
        return cls((), settings_digest(config), engine(), read=False)

    @classmethod
    def of(cls, found: Sequence[Source], config: Config) -> Inputs | None:
        """The inputs of a batch, or None when they cannot be fingerprinted (stdin, unreadable)."""
        hashes = []
        for source in found:
            if source.path == STDIN:
                return None
            try:
                digest = read_file(source.path)[1].sha256  # the bytes' sha256, as read
            except InputError:
                return None
            hashes.append((source.relative.as_posix(), digest))
        return cls(tuple(hashes), settings_digest(config), engine())


SHAPING = ("ftfy", "regex", "wordsegment", "wordfreq")  # the libraries whose answers we write


@functools.cache
def engine() -> str:
    """The tool's version and a hash of its code (the compiled core's by its sources), its data
    and the shaping libraries' versions.

    A version number alone misses an edited checkout or an install from a branch, and a
    re-run would then copy output the new code no longer writes.
    """
    digest = hashlib.sha256(__version__.encode("utf-8"))
    package = Path(__file__).resolve().parents[1]  # the whole package, not this folder
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".j2", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    digest.update(f"core {_core.SOURCE_HASH}".encode())  # the compiled core, by its sources
    for plugin in installed():  # a plugin's code shapes the output too
        digest.update(f"plugin {plugin.entry_point} {plugin.distribution}".encode())
    for library in SHAPING:
        try:
            digest.update(f"{library} {importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(library.encode("utf-8"))
    return f"{__version__}+{digest.hexdigest()[:16]}"


def settings_digest(config: Config) -> str:
    """A hash of the settings that shape the output: the stages' options, `apply-at`, a
    reviewer's decisions and whether report.json records the stages' times.

    Which files are read is in the sources list; where the settings file lies
    (its folder, the baseline's) shapes nothing a run writes.
    """
    stages = tuple(config.options(name, StageOptions) for name in stage_names())
    shaping = (stages, config.apply_at, config.decisions.digest(), config.timings)
    return hashlib.sha256(repr(shaping).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Record:
    """What a re-run needs to keep one file's output without cleaning it again."""

    sha256: str
    reads: Mapping[str, int]  # the batch counts its cleaning read (see Vocabulary.word_count)
    encoding: str
    assumed: bool
    changed: bool
    counts: tuple[tuple[str, int, int], ...]  # rule code, fixes, suggestions
    parts: dict[str, tuple[int, int]]  # its part of each report stream, in the stream's body
    groups: tuple[tuple[str, str, str, str, int, float], ...] = ()  # see FileTally.groups
    decided: int = 0  # see FileTally.decided
    rejected: int = 0  # see FileTally.rejected

    def as_json(self) -> dict[str, object]:
        return {"sha256": self.sha256, "reads": dict(sorted(self.reads.items()))} | self._rest()

    def _rest(self) -> dict[str, object]:
        """The fields after `reads`, as `as_json` writes them."""
        return {
            "encoding": self.encoding,
            "assumed": self.assumed,
            "changed": self.changed,
            "counts": [list(c) for c in self.counts],
            "parts": {stream: list(span) for stream, span in sorted(self.parts.items())},
            "groups": [list(g) for g in self.groups],
            "decided": self.decided,
            "rejected": self.rejected,
        }

    def line(self, name: str) -> str:
        """Its line in RECORDS, `json.dumps([name, self.as_json()])`: the reads spliced in as
        the core wrote them, where it did (`CountsJson`)."""
        if not isinstance(self.reads, CountsJson):
            return json.dumps([name, self.as_json()])
        head = f'[{json.dumps(name)}, {{"sha256": {json.dumps(self.sha256)}, "reads": '
        return f"{head}{self.reads.text}, {json.dumps(self._rest())[1:]}]"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """A record already checked against its schema (`records`)."""
        return cls(
            data["sha256"],
            data["reads"],
            data["encoding"],
            data["assumed"],
            data["changed"],
            tuple((c, f, g) for c, f, g in data["counts"]),
            {k: (a, b) for k, (a, b) in data["parts"].items()},
            tuple((c, k, b, a, n, float(x)) for c, k, b, a, n, x in data["groups"]),
            data["decided"],
            data["rejected"],
        )


class Records:
    """The run's records, one JSON line per file in RECORDS, written as files are done."""

    def __init__(self, folder: Path) -> None:
        self._file = open(folder / RECORDS, "w", encoding="utf-8")  # noqa: SIM115

    def add(self, name: str, record: Record) -> None:
        # ASCII escapes carry any name, undecodable bytes (lone surrogates) included.
        self._file.write(record.line(name) + "\n")

    def close(self) -> None:
        self._file.close()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Held:
    """The run an output folder holds, checked: its manifest is whole, and every file a
    re-run reads back (reports, parts, records) has the bytes the run wrote.

    Records are read one at a time when asked for: only where each lies is held.
    """

    folder: Path
    document: dict[str, Any]
    where: dict[str, int]  # relative path -> offset of its line in RECORDS

    @property
    def hashes(self) -> dict[str, str]:
        files: dict[str, str] = self.document["files"]
        return files

    def body(self, stream: str) -> tuple[Path, int]:
        """Where a stream's body lies: its file in the folder, and the offset it begins at."""
        if stream == "md":
            return self.folder / PARTS_MD, 0
        return self.folder / BODY_FILES[stream], int(self.document["begins"][stream])

    def record(self, name: str, codes: frozenset[str]) -> Record | None:
        """The record of `name`, if its line has its schema's shape, names only rules in
        `codes`, and places its parts inside the bodies."""
        at = self.where.get(name)
        if at is None:
            return None
        try:
            with open(self.folder / RECORDS, "rb") as records:
                records.seek(at)
                held, data = documents.parse(records.readline(), "records")
        except (OSError, ValueError):
            return None
        record = Record.from_json(data)
        if held != name or any(code not in codes for code, _, _ in record.counts):
            return None
        for stream, (start, end) in record.parts.items():
            path, begin = self.body(stream)
            if not start <= end or begin + end > path.stat().st_size:
                return None
        return record


class Unusable(ValueError):
    """The output folder's run state does not check out; the message says what is wrong."""

    def note(self) -> str:
        """What a run says when it sets the state aside."""
        return f"the earlier run's state does not check out ({self}); every file is cleaned again"


def _digest(document: dict[str, Any]) -> str:
    rest = {key: value for key, value in document.items() if key != "digest"}
    return hashlib.sha256(json.dumps(rest, sort_keys=True).encode("utf-8")).hexdigest()


def _verified(out_dir: Path, names: Sequence[str] | None = None) -> dict[str, Any]:
    """The manifest in `out_dir`, whole, with the files `names` (default: all it lists)
    as the run wrote them; Unusable says what does not check out."""
    try:
        document: dict[str, Any] = documents.load(out_dir / NAME, "run")
    except documents.DocumentError as error:
        raise Unusable(str(error)) from error
    if document["digest"] != _digest(document):
        raise Unusable(f"{shown(out_dir / NAME)}: changed since the run wrote it")
    files: dict[str, str] = document["files"]
    for name in files if names is None else names:
        if name not in files:
            raise Unusable(f"{shown(out_dir / name)}: not listed in {NAME}")
        path = out_dir / name
        if ".." in PurePosixPath(name).parts or not path.is_file() or path.is_symlink():
            raise Unusable(f"{shown(path)}: missing")
        if sha256_of(path) != files[name]:
            raise Unusable(f"{shown(path)}: changed since the run wrote it")
    return document


def _another_format(out_dir: Path) -> bool:
    """Whether the manifest is a well-formed one of another format (an older pipeline's):
    its run is not this one's to reuse, and nothing is wrong with it."""
    try:
        document = json.loads(read_bytes(out_dir / NAME, 1 << 20))
    except (InputError, ValueError):
        return False
    version = document.get("format") if isinstance(document, dict) else None
    return isinstance(version, int) and version != FORMAT_VERSION


def _checked_manifest(out_dir: Path) -> dict[str, Any] | None:
    """The manifest, whole; None when it is another format's."""
    try:
        return _verified(out_dir, ())
    except Unusable:
        if _another_format(out_dir):
            return None
        raise


def _same_engine_and_settings(out_dir: Path, inputs: Inputs | None) -> dict[str, Any] | None:
    """The manifest in `out_dir`, whole, if it was made by this engine with these settings."""
    if inputs is None or not (out_dir / NAME).exists():
        return None
    document = _checked_manifest(out_dir)
    if (
        document is None
        or document.get("engine") != inputs.engine
        or document.get("settings") != inputs.settings
    ):
        return None
    return document


def reusable(out_dir: Path, inputs: Inputs) -> bool:
    """Whether `out_dir` holds a run made by this engine with these settings, which a run of
    the same sources may reuse in part or whole (its state is checked when it is used)."""
    return _same_engine_and_settings(out_dir, inputs) is not None


def held(out_dir: Path, inputs: Inputs | None) -> Held | None:
    """The earlier run in `out_dir`, if it was made by this engine with these settings.

    None when there is none to use (no run there, another engine or settings);
    Unusable, with the reason, when its state does not check out.
    """
    document = _same_engine_and_settings(out_dir, inputs)
    if document is None:
        return None
    if "begins" not in document:
        return None
    _verified(out_dir, [*BODY_FILES.values(), PARTS_MD, RECORDS])
    where: dict[str, int] = {}
    try:
        with open(out_dir / RECORDS, "rb") as records:
            at = 0
            for line in records:
                name = json.loads(line[: line.index(b",")].lstrip(b"["))
                if not isinstance(name, str):
                    raise TypeError("a record's first item is its path")
                where[name] = at
                at += len(line)
    except (OSError, ValueError, TypeError) as error:
        raise Unusable(f"{shown(out_dir / RECORDS)}: {error}") from error
    return Held(out_dir, document, where)


def render(
    hashes: dict[str, str],
    inputs: Inputs | None,
    complete: bool,
    begins: dict[str, int] | None = None,
) -> str:
    """The manifest's text; `complete` is false when some source failed (a re-run retries)."""
    document: dict[str, object] = {
        "tool": "pipeline",
        "format": FORMAT_VERSION,
        "version": __version__,
        "files": dict(sorted(hashes.items())),
    }
    if inputs is not None:
        document["engine"] = inputs.engine
        document["settings"] = inputs.settings
        document["begins"] = dict(sorted((begins or {}).items()))
    if inputs is not None and complete:
        document["sources"] = dict(inputs.sources)
    document["digest"] = _digest(document)
    # ASCII escapes carry any name, undecodable bytes (lone surrogates) included, both ways.
    return json.dumps(document, indent=2) + "\n"


def up_to_date(out_dir: Path, inputs: Inputs | None) -> bool:
    """Whether `out_dir` holds a complete run of exactly these inputs, every file intact.

    Unusable when its state does not check out (a re-run then cleans everything again).
    """
    document = _same_engine_and_settings(out_dir, inputs)
    if document is None or inputs is None or document.get("sources") != dict(inputs.sources):
        return False
    _verified(out_dir)
    return True
