"""Where a batch's results go: the output folder, checked so no source is ever overwritten."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from pipeline.files import write_atomic
from pipeline.report import REPORTS
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


def planned(batch: BatchResult, out_dir: Path) -> tuple[dict[PurePosixPath, str], list[str]]:
    """What `pipeline run` writes into `out_dir`, by relative path, and the files it cannot."""
    files: dict[PurePosixPath, str] = {}
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
        elif target.resolve() == result.source.path.resolve():
            problems.append(f"{result.source.path}: output would overwrite the source; not written")
        else:
            files[result.source.relative] = result.cleaned
    for name, render in REPORTS.items():
        files[PurePosixPath(name)] = render(batch)
    return files, problems


def publish(batch: BatchResult, out_dir: Path) -> list[str]:
    """Write every cleaned file (mirroring the source tree) and the reports; return problems."""
    files, problems = planned(batch, out_dir)
    for relative, text in files.items():
        write_atomic(out_dir / relative, text)
    return problems


def stale(batch: BatchResult, out_dir: Path) -> list[str]:
    """How `out_dir` differs from what `pipeline run` would write now, one line per file."""
    files, _ = planned(batch, out_dir)
    differences = []
    for relative, text in sorted(files.items()):
        path = out_dir / relative
        if not path.is_file():
            differences.append(f"{path}: missing")
        elif path.read_bytes() != text.encode("utf-8"):
            differences.append(f"{path}: differs from what `pipeline run` writes now")
    cleaned_suffixes = {p.suffix for p in files if p.name not in REPORTS}
    for path in sorted(out_dir.rglob("*")) if out_dir.is_dir() else []:
        relative = PurePosixPath(path.relative_to(out_dir).as_posix())
        if path.is_file() and relative not in files and path.suffix in cleaned_suffixes:
            differences.append(f"{path}: not written by `pipeline run` (no such source)")
    return differences
