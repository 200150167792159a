"""Where a batch's results go: the output folder, checked so no source is ever overwritten."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.files import write_atomic
from pipeline.report import REPORTS, write_reports
from pipeline.runner import BatchResult


class OutputError(ValueError):
    """The output folder would overlap a source; nothing is written."""


def check_out_dir(sources: Sequence[Path], out_dir: Path) -> None:
    """Refuse an output folder equal to, inside, or holding a source folder."""
    out = out_dir.resolve()
    for source in sources:
        if not source.is_dir():
            continue
        src = source.resolve()
        if out == src or out.is_relative_to(src):
            raise OutputError(f"output folder {out_dir} is inside source folder {source}")
        if src.is_relative_to(out):
            raise OutputError(f"source folder {source} is inside output folder {out_dir}")


def publish(batch: BatchResult, out_dir: Path) -> list[str]:
    """Write every cleaned file (mirroring the source tree) and the reports; return problems."""
    problems: list[str] = []
    for result in batch.files:
        if result.error:
            continue
        target = out_dir / result.source.relative
        if result.source.relative.as_posix() in REPORTS:
            problems.append(
                f"{result.source.path}: its cleaned copy would replace the report "
                f"{target}; not written"
            )
            continue
        if target.resolve() == result.source.path.resolve():
            problems.append(f"{result.source.path}: output would overwrite the source; not written")
            continue
        write_atomic(target, result.cleaned)
    write_reports(batch, out_dir)
    return problems
