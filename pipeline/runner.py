"""Files -> stages -> results.  Knows nothing of output formats or where results go."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pipeline.cleaning import clean, merged, repaired_words
from pipeline.config import Config
from pipeline.edits import Edit, Kind
from pipeline.executor import Executor, Local, Result
from pipeline.files import MAX_BYTES, Decoded, InputError, decode, read_source
from pipeline.lexicon import lexicon
from pipeline.progress import Progress, Silent
from pipeline.sources import STDIN, Discovery, Selection, Source, discover
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class FileResult:
    source: Source
    original: str = ""
    cleaned: str = ""
    encoding: str = "utf-8"
    edits: tuple[Edit, ...] = ()
    error: str | None = None
    encoding_assumed: bool = False  # several encodings fit; the Western default was taken

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
    skipped: tuple[str, ...] = ()  # left out on purpose (links out of the tree), not failures

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(f.error for f in self.files)

    def all_errors(self) -> list[str]:
        return [*self.errors, *(f.error for f in self.files if f.error)]


def read(source: Source, stdin: bytes | None = None) -> Decoded:
    """A source's text; standard input is read once by the caller and passed in."""
    if source.path == STDIN:
        return decode(stdin or b"", STDIN)
    return read_source(source.path)


def clean_source(
    source: Source, config: Config, vocabulary: Vocabulary, stdin: bytes | None = None
) -> FileResult:
    try:
        decoded = read(source, stdin)
    except InputError as error:
        return FileResult(source, error=str(error))
    result = clean(decoded.text, config, vocabulary)
    return FileResult(
        source,
        decoded.text,
        result.text,
        decoded.encoding,
        result.edits,
        encoding_assumed=decoded.assumed,
    )


def count_words(source: Source, stdin: bytes | None = None) -> Vocabulary:
    """Pass 1, per file: the words as written (an unreadable file counts nothing;
    it is reported when it is cleaned)."""
    try:
        return Vocabulary.of([read(source, stdin).text])
    except InputError:
        return Vocabulary()


def count_repaired_words(
    source: Source, config: Config, written: Vocabulary, stdin: bytes | None = None
) -> Vocabulary:
    """Pass 2, per file: the words once repaired with the batch's pass-1 counts."""
    try:
        text = read(source, stdin).text
    except InputError:
        return Vocabulary()
    return repaired_words(text, config, written)


def read_stdin(limit: int = MAX_BYTES) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input: larger than {limit // (1024 * 1024)} MB")
    return data


def find_sources(
    sources: Sequence[Path], config: Config, *, unique_names: bool = True
) -> Discovery:
    """The files a run over `sources` reads, with the problems met finding them."""
    selection = Selection(config.include, config.exclude, config.gitignore, config.follow_links)
    return discover(sources, selection, unique_names=unique_names)


def run(
    sources: Sequence[Path],
    config: Config,
    *,
    unique_names: bool = True,
    executor: Executor | None = None,
    progress: Progress | None = None,
    found: Discovery | None = None,
) -> BatchResult:
    """Clean every selected file under `sources`; bad files become errors, the rest go on.

    Three passes, each a function of one file and of what the passes before it
    merged: count the words as written, count them once repaired with those
    counts, clean with the repaired counts (see `pipeline.cleaning.batch_vocabulary`
    for why).  `executor` runs each pass (default: this process); the result does
    not depend on it.
    `progress` hears of each pass and file (see `pipeline.progress`).
    `unique_names` refuses two files with the same relative path, which `run`
    needs (it mirrors the tree into one folder) and `check` does not.  `found`
    is `find_sources`'s answer, when the caller already has it.
    """
    if found is None:
        found = find_sources(sources, config, unique_names=unique_names)
    files = found.found
    stdin = read_stdin() if any(s.path == STDIN for s in files) else None
    passes = _Passes(files, executor or Local(), progress or Silent())
    vocabulary = merged(passes.run("counting words", partial(count_words, stdin=stdin)))
    if config.stage_enabled("joins"):
        lexicon()  # loaded here once, so that forked workers share it instead of each loading it
        repair = partial(count_repaired_words, config=config, written=vocabulary, stdin=stdin)
        vocabulary = merged(passes.run("counting repaired words", repair))
    finish = partial(clean_source, config=config, vocabulary=vocabulary, stdin=stdin)
    results = tuple(passes.run("cleaning", finish))
    return BatchResult(results, tuple(found.errors), tuple(found.skipped))


@dataclass(slots=True)
class _Passes:
    """Runs each pass over the batch's files, telling `progress` how far it is."""

    files: list[Source]
    executor: Executor
    progress: Progress
    sizes: dict[Path, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for source in self.files:
            try:
                self.sizes[source.path] = source.path.stat().st_size if source.path != STDIN else 0
            except OSError:
                self.sizes[source.path] = 0

    def run(self, name: str, task: Callable[[Source], Result]) -> list[Result]:
        self.progress.start(name, len(self.files), sum(self.sizes.values()))
        try:
            return self.executor.map(task, self.files, self._done)
        finally:
            self.progress.finish()

    def _done(self, source: Source) -> None:
        self.progress.advance(self.sizes.get(source.path, 0))
