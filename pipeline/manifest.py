"""The manifest a run leaves in its output folder: what it wrote, and from what.

It marks the folder as a run's output (so a later run may replace it) and
records each source's content hash, the settings and the tool version, so a
re-run over unchanged sources with unchanged settings can leave the folder as
it is.  A change to any source reruns the whole batch: every file's output
depends on the batch's word counts, so one changed file can change another's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline import __version__
from pipeline.config import STAGE_NAMES, Config
from pipeline.files import InputError, read_bytes
from pipeline.sources import STDIN, Source

NAME = ".pipeline-run.json"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a run's output is a function of: the sources' bytes, the settings, the tool."""

    sources: tuple[tuple[str, str], ...]  # (relative path, sha256 of its bytes)
    settings: str  # sha256 of the settings as the run used them
    version: str = __version__

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
        return cls(tuple(hashes), settings_digest(config))


def settings_digest(config: Config) -> str:
    """A hash of the settings that shape the output: the stages' options.

    Which files are read is in the sources list; where the settings file lies
    (its folder, the baseline's) shapes nothing a run writes.
    """
    stages = tuple(getattr(config, name) for name in STAGE_NAMES)
    return hashlib.sha256(repr(stages).encode("utf-8")).hexdigest()


def render(written: Sequence[PurePosixPath], inputs: Inputs | None, complete: bool) -> str:
    """The manifest's text; `complete` is false when some source failed (a re-run retries)."""
    document: dict[str, object] = {
        "tool": "pipeline",
        "format": FORMAT_VERSION,
        "version": __version__,
        "files": sorted(p.as_posix() for p in written),
    }
    if inputs is not None and complete:
        document["settings"] = inputs.settings
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
        and document.get("version") == inputs.version
        and document.get("settings") == inputs.settings
        and document.get("sources") == dict(inputs.sources)
    )
