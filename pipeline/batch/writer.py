"""One file of a batch run, cleaned piece by piece into the staging folder as it is read.

The run's last pass: a function of one file, the batch's vocabulary and the
settings, run in whichever process the executor chooses.  It writes the
cleaned file and the file's part of every report (to this process's spool),
and hands back only what the batch's summary needs.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pipeline.batch import manifest
from pipeline.batch.chunks import CleanedPiece
from pipeline.config import Config
from pipeline.files import Decoded
from pipeline.files.names import shown
from pipeline.files.sources import Source
from pipeline.report import REPORTS
from pipeline.report.stream import FileReport, Part, Spool, failed_file, spool_in
from pipeline.report.summary import FileTally
from pipeline.runner import process
from pipeline.vocabulary import Vocabulary

MANIFEST = manifest.NAME
RESERVED = frozenset({*REPORTS, MANIFEST})
SPOOL = ".pipeline-spool"  # inside the staging folder, gone before it is published
# Failures that concern one file's name, not the output folder: that file is
# left out and named, the rest is published.
PER_FILE_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.EILSEQ})


@dataclass(frozen=True, slots=True)
class Written:
    """What the parent keeps of one file of the run."""

    source: Source
    tally: FileTally
    part: Part  # where its part of each report lies in the spool
    encoding: str = "utf-8"
    encoding_assumed: bool = False
    written: bool = False  # its cleaned copy is in the output
    problem: str | None = None  # why it is not, when it should be
    # the batch counts its cleaning read, each with its count, as the run's record holds
    # them (`Vocabulary.counts_json`, looked up where the file was cleaned: in a worker)
    reads: Mapping[str, int] = field(default_factory=dict)
    # the sha256 of the bytes cleaned, and of its cleaned copy's as written, taken where
    # they were read and written (a worker): the manifest's, without reading either again
    sha256: str | None = None
    output_sha256: str | None = None

    @property
    def relative(self) -> PurePosixPath:
        return self.source.relative

    @property
    def error(self) -> str | None:
        return self.tally.error


def write_source(
    source: Source, config: Config, vocabulary: Vocabulary, stage: Path, spool: Path
) -> Written:
    """Clean `source` into `stage` (mirroring its relative path) and spool its report parts:
    `runner.process` into `Streamed`, noting the batch counts the cleaning read, with their
    counts looked up here: in a worker of `run -j N`, not in the parent, which does alone
    what it does (the parent of `-j2` over 21 MB spent a third of its CPU on them)."""
    streamed = Streamed(stage, spool_in(spool), config.decisions.ids)
    try:
        with vocabulary.read_by(set()) as reads:
            written = process(source, config, vocabulary, streamed)
    finally:
        streamed.close()
    return written if written.error else replace(written, reads=vocabulary.counts_json(reads))


@dataclass(slots=True)
class Streamed:
    """A file's results written out piece by piece as they come: the cleaned text into the
    staging folder, its part of every report into this process's spool."""

    stage: Path
    reports: Spool
    decisions: frozenset[str]  # the ids a reviewer decided on
    source: Source | None = None
    decoded: Decoded | None = None
    report: FileReport | None = None
    target: BinaryIO | None = None
    out_digest: hashlib._Hash = field(default_factory=hashlib.sha256)  # the bytes written
    problem: str | None = None  # why its cleaned copy is not written, when it should be

    def failed(self, source: Source, error: str) -> Written:
        self.reports.begin()
        tally = failed_file(source.relative.as_posix(), error, self.reports)
        return Written(source, tally, self.reports.end())

    def begin(self, source: Source, decoded: Decoded) -> None:
        self.source, self.decoded = source, decoded
        self.reports.begin()
        name = source.relative.as_posix()
        self.report = FileReport(
            name, decoded.encoding, decoded.assumed, self.reports, self.decisions
        )
        if name in RESERVED:
            self.problem = (
                f"{shown(source.path)}: its cleaned copy would replace the run's own "
                f"{shown(source.relative)}; not written"
            )
        else:
            self.target, self.problem = _open(self.stage / source.relative, source.relative)

    def piece(self, cleaned: CleanedPiece) -> None:
        assert self.report is not None  # begun
        piece = cleaned.piece
        if self.target is not None:
            out = (cleaned.text + piece.separator).encode("utf-8", "surrogateescape")
            self.target.write(out)
            self.out_digest.update(out)
        self.report.add(
            piece.text, cleaned.text, cleaned.edits, piece.first_line, piece.separator, piece.start
        )
        self.report.timed(cleaned.seconds)

    def finish(self) -> Written:
        assert self.source is not None and self.decoded is not None and self.report is not None
        written = self.target is not None
        self.close()
        read_as = self.decoded.read_as
        return Written(
            self.source,
            self.report.finish(),
            self.reports.end(),
            self.decoded.encoding,
            self.decoded.assumed,
            written=written,
            problem=self.problem,
            sha256=read_as.sha256 if read_as else None,
            output_sha256=self.out_digest.hexdigest() if written else None,
        )

    def close(self) -> None:
        if self.target is not None:
            self.target.close()
            self.target = None


def _open(path: Path, relative: PurePosixPath) -> tuple[BinaryIO | None, str | None]:
    """The output file, or why its name cannot be written (other failures raise)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb"), None
    except OSError as error:
        if error.errno not in PER_FILE_ERRNOS:
            raise
        return None, f"{shown(relative)}: cannot write: {error.strerror}; left out"
