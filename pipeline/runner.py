"""Files -> stages -> results.  Knows nothing of output formats or where results go."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.cleaning import batch_vocabulary, clean
from pipeline.config import Config
from pipeline.edits import Edit, Kind
from pipeline.files import InputError, read_source
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Source:
    """A file to clean, and its path relative to the folder it was found in."""

    path: Path
    relative: PurePosixPath


@dataclass(frozen=True, slots=True)
class FileResult:
    source: Source
    original: str = ""
    cleaned: str = ""
    encoding: str = "utf-8"
    edits: tuple[Edit, ...] = ()
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.error is None and self.cleaned != self.original

    @property
    def fixes(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.FIX)


@dataclass(frozen=True, slots=True)
class BatchResult:
    files: tuple[FileResult, ...]
    errors: tuple[str, ...]  # problems with the sources themselves (missing paths, clashes)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(f.error for f in self.files)

    def all_errors(self) -> list[str]:
        return [*self.errors, *(f.error for f in self.files if f.error)]


def _selected(relative: PurePosixPath, include: Sequence[str], exclude: Sequence[str]) -> bool:
    return any(relative.match(p) for p in include) and not any(relative.match(p) for p in exclude)


def discover(
    sources: Sequence[Path], include: Sequence[str], exclude: Sequence[str]
) -> tuple[list[Source], list[str]]:
    """The files under `sources` that the globs select, each with a unique relative path."""
    found: list[Source] = []
    errors: list[str] = []
    seen: dict[PurePosixPath, Path] = {}
    for root in sources:
        if root.is_dir():
            candidates = [
                Source(p, PurePosixPath(p.relative_to(root).as_posix()))
                for p in sorted(root.rglob("*"))
                if p.is_file() and not p.is_symlink()
            ]
            candidates = [c for c in candidates if _selected(c.relative, include, exclude)]
        elif root.exists():
            candidates = [Source(root, PurePosixPath(root.name))]
        else:
            errors.append(f"{root}: no such file or folder")
            continue
        for candidate in candidates:
            if candidate.relative in seen:
                errors.append(
                    f"{candidate.path}: same output path as {seen[candidate.relative]}"
                    f" ({candidate.relative}); skipped"
                )
                continue
            seen[candidate.relative] = candidate.path
            found.append(candidate)
    return found, errors


def clean_source(source: Source, config: Config, vocabulary: Vocabulary) -> FileResult:
    try:
        decoded = read_source(source.path)
    except InputError as error:
        return FileResult(source, error=str(error))
    result = clean(decoded.text, config, vocabulary)
    return FileResult(source, decoded.text, result.text, decoded.encoding, result.edits)


def _readable_texts(found: Sequence[Source]) -> Iterator[str]:
    for source in found:
        with contextlib.suppress(InputError):  # reported when the file is cleaned
            yield read_source(source.path).text


def run(sources: Sequence[Path], config: Config) -> BatchResult:
    """Clean every selected file under `sources`; bad files become errors, the rest go on."""
    found, errors = discover(sources, config.include, config.exclude)
    vocabulary = batch_vocabulary(lambda: _readable_texts(found), config)
    results = tuple(clean_source(s, config, vocabulary) for s in found)
    return BatchResult(results, tuple(errors))
