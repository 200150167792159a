"""One file of a batch run, cleaned piece by piece into the staging folder as it is read.

The run's last pass: a function of one file, the batch's vocabulary and the
settings, run in whichever process the executor chooses.  It writes the
cleaned file and the file's part of every report (to this process's spool),
and hands back only what the batch's summary needs.
"""

from __future__ import annotations

import errno
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pipeline import manifest
from pipeline.chunks import clean_in_pieces
from pipeline.config import Config
from pipeline.files import InputError
from pipeline.keys import path_key
from pipeline.names import shown
from pipeline.report import REPORTS
from pipeline.report.stream import FileReport, Part, failed_file, spool_in
from pipeline.report.summary import FileTally
from pipeline.runner import read
from pipeline.sources import Source
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
    reads: AbstractSet[str] = frozenset()  # the batch counts its cleaning read (not copied)

    @property
    def relative(self) -> PurePosixPath:
        return self.source.relative

    @property
    def error(self) -> str | None:
        return self.tally.error


def write_source(
    source: Source, config: Config, vocabulary: Vocabulary, stage: Path, spool: Path
) -> Written:
    """Clean `source` into `stage` (mirroring its relative path) and spool its report parts."""
    reports = spool_in(spool)
    reports.begin()
    name = source.relative.as_posix()
    try:
        decoded = read(source)
    except InputError as error:
        tally = failed_file(name, str(error), reports)
        return Written(source, tally, reports.end())
    report = FileReport(name, decoded.encoding, decoded.assumed, reports, config.decisions.ids)
    target, problem = None, None
    if name in RESERVED:
        problem = (
            f"{shown(source.path)}: its cleaned copy would replace the run's own "
            f"{shown(source.relative)}; not written"
        )
    else:
        target, problem = _open(stage / source.relative, source.relative)
    try:
        with vocabulary.read_by(set()) as reads:
            for cleaned in clean_in_pieces(
                decoded.text, config, vocabulary, path_key(source, config.root)
            ):
                piece = cleaned.piece
                if target is not None:
                    out = cleaned.text + piece.separator
                    target.write(out.encode("utf-8", "surrogateescape"))
                report.add(
                    piece.text, cleaned.text, cleaned.edits, piece.first_line, piece.separator
                )
                report.timed(cleaned.seconds)
    finally:
        if target is not None:
            target.close()
    return Written(
        source,
        report.finish(),
        reports.end(),
        decoded.encoding,
        decoded.assumed,
        written=target is not None,
        problem=problem,
        reads=reads,
    )


def _open(path: Path, relative: PurePosixPath) -> tuple[BinaryIO | None, str | None]:
    """The output file, or why its name cannot be written (other failures raise)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb"), None
    except OSError as error:
        if error.errno not in PER_FILE_ERRNOS:
            raise
        return None, f"{shown(relative)}: cannot write: {error.strerror}; left out"
