"""Files -> stages -> results.  Knows nothing of output formats or where results go."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from pipeline.batch.chunks import CleanedPiece, Span, clean_in_pieces
from pipeline.batch.executor import Executor, Local, Result
from pipeline.batch.progress import Progress, Silent, under_way
from pipeline.cleaning import merged
from pipeline.config import Config
from pipeline.edit_ids import path_key
from pipeline.edits import Edit, Kind
from pipeline.files import MAX_BYTES, Decoded, Fingerprint, InputError, decode, read_source
from pipeline.files.sources import STDIN, Discovery, Selection, Source, discover
from pipeline.stages import joins
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import EVERY, Vocabulary


class Outcome(Protocol):
    """What every file's result says, however it was kept (`FileResult` in memory,
    `batch.writer.Written` streamed): what the commands report of a file as read."""

    @property
    def source(self) -> Source: ...
    @property
    def encoding(self) -> str: ...
    @property
    def encoding_assumed(self) -> bool: ...
    @property
    def error(self) -> str | None: ...


Out = TypeVar("Out", bound=Outcome, covariant=True)


class ResultPiece(NamedTuple):
    """A piece of a file as it was cleaned: its text before and after, its edits (located in
    the file), the line and the character it starts at, and the separator after it."""

    original: str
    cleaned: str
    edits: tuple[Edit, ...]
    first_line: int
    separator: str
    start: int


@dataclass(frozen=True, slots=True)
class FileResult:
    source: Source
    original: str = ""
    cleaned: str = ""
    encoding: str = "utf-8"
    edits: tuple[Edit, ...] = ()
    error: str | None = None
    encoding_assumed: bool = False  # several encodings fit; the Western default was taken
    read_as: Fingerprint | None = None  # the file as it was read: `fix` rewrites only that
    spans: tuple[Span, ...] = ()  # the pieces it was cleaned in (see pipeline.batch.chunks); () one

    @property
    def changed(self) -> bool:
        return self.error is None and self.cleaned != self.original

    @property
    def fixes(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.FIX)

    def pieces(self) -> Iterator[ResultPiece]:
        """Each piece as it was cleaned (see `ResultPiece`)."""
        spans = self.spans or (
            Span((0, len(self.original)), (0, len(self.cleaned)), 1, len(self.edits)),
        )
        done = 0
        for span, following in itertools.zip_longest(spans, spans[1:]):
            end = following.original[0] if following else len(self.original)
            separator = self.original[span.original[1] : end]
            original = self.original[span.original[0] : span.original[1]]
            cleaned = self.cleaned[span.cleaned[0] : span.cleaned[1]]
            yield ResultPiece(
                original,
                cleaned,
                self.edits[done : done + span.edits],
                span.first_line,
                separator,
                span.original[0],
            )
            done += span.edits


@dataclass(frozen=True, slots=True)
class BatchResult:
    files: tuple[FileResult, ...]
    errors: tuple[str, ...]  # problems with the sources themselves (missing paths, clashes)
    skipped: tuple[str, ...] = ()  # left out on purpose (links out of the tree), not failures
    stdin: bytes | None = None  # standard input as read, when it was a source

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(f.error for f in self.files)

    def all_errors(self) -> list[str]:
        return [*self.errors, *(f.error for f in self.files if f.error)]


STDIN_NAME = Path("standard input")  # what messages call it


def read(source: Source, stdin: bytes | None = None) -> Decoded:
    """A source's text; standard input is read once by the caller and passed in."""
    if source.path == STDIN:
        data = stdin or b""
        if len(data) > MAX_BYTES:
            raise InputError(f"standard input: larger than {MAX_BYTES // (1024 * 1024)} MB")
        return decode(data, STDIN_NAME)
    return read_source(source.path)


class Cleaning(Protocol[Out]):
    """What becomes of a file as its pieces are cleaned (`process`): kept in memory
    (`InMemory`: check, fix and the library) or written out piece by piece as they come
    (`writer.Streamed`: run, whose memory is bounded by a piece)."""

    def failed(self, source: Source, error: str) -> Out: ...

    def begin(self, source: Source, decoded: Decoded) -> None: ...

    def piece(self, cleaned: CleanedPiece) -> None: ...

    def finish(self) -> Out: ...


def process(
    source: Source,
    config: Config,
    vocabulary: Vocabulary,
    into: Cleaning[Out],
    stdin: bytes | None = None,
) -> Out:
    """The one path from a file to its results: read, cleaned piece by piece against the
    batch's vocabulary (`pipeline.batch.chunks`), each piece handed to `into` as it is done."""
    try:
        decoded = read(source, stdin)
    except InputError as error:
        return into.failed(source, str(error))
    into.begin(source, decoded)
    for cleaned in clean_in_pieces(decoded.text, config, vocabulary, path_key(source, config.root)):
        into.piece(cleaned)
    return into.finish()


@dataclass(slots=True)
class InMemory:
    """A file's results kept whole: its text before and after and every edit."""

    source: Source | None = None
    decoded: Decoded | None = None
    texts: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    at: int = 0  # characters of output so far

    def failed(self, source: Source, error: str) -> FileResult:
        return FileResult(source, error=error)

    def begin(self, source: Source, decoded: Decoded) -> None:
        self.source, self.decoded = source, decoded

    def piece(self, cleaned: CleanedPiece) -> None:
        piece = cleaned.piece
        original = (piece.start, piece.start + len(piece.text))
        output = (self.at, self.at + len(cleaned.text))
        self.spans.append(Span(original, output, piece.first_line, len(cleaned.edits)))
        self.texts += [cleaned.text, piece.separator]
        self.edits += cleaned.edits
        self.at += len(cleaned.text) + len(piece.separator)

    def finish(self) -> FileResult:
        assert self.source is not None and self.decoded is not None  # begun
        decoded = self.decoded
        return FileResult(
            self.source,
            decoded.text,
            "".join(self.texts),
            decoded.encoding,
            tuple(self.edits),
            encoding_assumed=decoded.assumed,
            read_as=decoded.read_as,
            spans=tuple(self.spans) if len(self.spans) > 1 else (),
        )


def clean_source(
    source: Source, config: Config, vocabulary: Vocabulary, stdin: bytes | None = None
) -> FileResult:
    """A file cleaned, its results in memory (`process` into `InMemory`)."""
    return process(source, config, vocabulary, InMemory(), stdin)


def count_words(source: Source, stdin: bytes | None = None) -> Vocabulary:
    """Pass 1, per file: the words as written (an unreadable file counts nothing;
    it is reported when it is cleaned)."""
    try:
        return Vocabulary.of([read(source, stdin).text])
    except InputError:
        return Vocabulary()


def added(counts: Vocabulary, more: Vocabulary) -> Vocabulary:
    """`more` added into `counts`, which is returned: word counts are sums, so a batch's
    come out the same however its files' are grouped."""
    counts.merge(more)
    return counts


def read_stdin(limit: int = MAX_BYTES) -> bytes:
    """Standard input, up to one byte more than `limit` (which `read` then refuses: the
    caller passes the rest through)."""
    return sys.stdin.buffer.read(limit + 1)


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

    Two passes, a map, a reduce and a map: count each file's words, merge the
    counts into the batch's vocabulary, clean each file against it.
    `executor` runs each pass (default: this process); the result does not
    depend on it.
    `progress` hears of each pass and file (see `pipeline.batch.progress`).
    `unique_names` refuses two files with the same relative path, which `run`
    needs (it mirrors the tree into one folder) and `check` does not.  `found`
    is `find_sources`'s answer, when the caller already has it.
    """
    if found is None:
        found = find_sources(sources, config, unique_names=unique_names)
    files = found.found
    stdin = read_stdin() if any(s.path == STDIN for s in files) else None
    passes = Passes(files, executor or Local(), progress or Silent())
    vocabulary = vocabulary_of(passes, config, stdin)
    finish = partial(clean_source, config=config, vocabulary=vocabulary, stdin=stdin)
    results = tuple(passes.run("cleaning", finish))
    return BatchResult(results, tuple(found.errors), tuple(found.skipped), stdin)


# A file this large may read more of the batch's counts than a record keeps one by one
# (`vocabulary.READS_KEPT`: a 20 MB file reads some 250,000, a megabyte of news some 12,000).
LARGE_FILE = 1024 * 1024


def vocabulary_of(passes: Passes, config: Config, stdin: bytes | None = None) -> Vocabulary:
    """The first pass and its reduce: the batch's words, counted file by file and merged.

    Where the batch holds a large file, the number that stands for every count
    (`Vocabulary.count(EVERY)`, a hash of the counts' bytes) is worked out here, before any
    file is cleaned, and forked workers inherit it: worked out once such a file's cleaning
    ended, those bytes came on top of what the cleaning still held (the peak RSS of one
    20 MB file 142 -> 150-156 MB)."""
    counted = passes.fold("counting words", partial(count_words, stdin=stdin), added)
    vocabulary = merged(counted)
    if config.stage_enabled(joins.NAME):
        engine()  # loaded here once, so that forked workers share it instead of each loading it
    if max(passes.sizes.values(), default=0) >= LARGE_FILE:
        vocabulary.count(EVERY)
    return vocabulary


@dataclass(slots=True)
class Passes:
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

    def run(self, name: str, task: Callable[[Source], Result]) -> Iterator[Result]:
        """The pass's results in the files' order, as they come."""
        self.progress.start(name, len(self.files), sum(self.sizes.values()))
        try:
            with under_way(self.progress):
                yield from self.executor.map(task, self.files, self._done)
        finally:
            self.progress.finish()

    def fold(
        self,
        name: str,
        task: Callable[[Source], Result],
        combine: Callable[[Result, Result], Result],
    ) -> Iterator[Result]:
        """The pass's results added up where they are made (`Executor.fold`): partial sums."""
        self.progress.start(name, len(self.files), sum(self.sizes.values()))
        try:
            with under_way(self.progress):
                yield from self.executor.fold(task, self.files, self._done, combine)
        finally:
            self.progress.finish()

    def _done(self, source: Source) -> None:
        self.progress.advance(self.sizes.get(source.path, 0))
