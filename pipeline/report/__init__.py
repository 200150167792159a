"""Reports, one module per format; `stream` writes them file by file as a batch runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.runner import BatchResult, FileResult

if TYPE_CHECKING:
    from pipeline.report.stream import Spool
    from pipeline.report.summary import FileTally

# The files at the top of the output folder.
REPORTS = ("report.md", "report.html", "report.json", "changes.diff")


def report_file(result: FileResult, spool: Spool) -> FileTally:
    """Write a cleaned file's part of every report to `spool`, piece by piece as it was cleaned."""
    from pipeline.report.stream import FileReport, failed_file  # the formats, when written

    name = result.source.relative.as_posix()
    if result.error is not None:
        return failed_file(name, result.error, spool)
    report = FileReport(name, result.encoding, result.encoding_assumed, spool)
    for piece in result.pieces():
        report.add(*piece)
    return report.finish()


def render_all(batch: BatchResult) -> dict[str, str]:
    """Every report's text, by file name, for a batch held in memory: its parts spooled in
    memory and put together as `pipeline run` puts them in its output folder."""
    from pipeline.report.assembly import Bodies
    from pipeline.report.stream import Spool
    from pipeline.report.summary import Tally

    tally = Tally()
    spool = Spool()
    bodies = Bodies(held=spool.held)
    for result in batch.files:
        spool.begin()
        tally.add(report_file(result, spool))
        bodies.add(spool.end())
    texts = bodies.rendered(tally.summary(batch.errors, batch.skipped))
    spool.close()
    return texts


def render(batch: BatchResult, name: str) -> str:
    return render_all(batch)[name]
