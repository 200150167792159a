"""Where a batch's results go: the output folder, published whole or not at all.

Every check that can refuse a run happens before anything is written: an
output folder that overlaps a source, that is a file, that is read-only, or
that holds files `pipeline run` did not write.  The run is then written into
a staging folder and swapped in (see `pipeline.staging`), so the output
folder holds the old run or the new one, never a mix.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from pipeline import manifest
from pipeline.names import shown
from pipeline.report import REPORTS, render_all
from pipeline.runner import BatchResult
from pipeline.sources import STDIN
from pipeline.staging import StagingError, locked, new_stage, recover, swap_in

MANIFEST = manifest.NAME
# Failures that concern one file's name, not the output folder: that file is
# left out and named, the rest is published.
PER_FILE_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.EILSEQ})


class OutputError(ValueError):
    """The output folder cannot take this run; nothing is written."""


def _is_ours(folder: Path) -> bool:
    """An empty folder, or one a run wrote (its manifest, or an older run's report.json)."""
    try:
        entries = {entry.name for entry in os.scandir(folder)}
    except OSError as error:
        raise OutputError(f"output folder {shown(folder)}: {error.strerror}") from error
    return not entries or MANIFEST in entries or "report.json" in entries


def check_out_dir(sources: Sequence[Path], out_dir: Path) -> None:
    """Refuse, before anything is written, an output folder this run must not replace."""
    out = out_dir.resolve()
    for source in sources:
        if source == STDIN:
            continue
        src = source.resolve()
        if source.is_dir() and (out == src or out.is_relative_to(src)):
            raise OutputError(
                f"output folder {shown(out_dir)} is inside source folder {shown(source)}"
            )
        if src.is_relative_to(out):
            raise OutputError(f"source {shown(source)} is inside output folder {shown(out_dir)}")
    if out_dir.exists() or out_dir.is_symlink():
        mode = os.stat(out_dir).st_mode if out_dir.exists() else 0
        if not stat.S_ISDIR(mode):
            raise OutputError(f"output {shown(out_dir)} exists and is not a folder")
        if not mode & stat.S_IWUSR:
            raise OutputError(f"output folder {shown(out_dir)} is read-only")
        if not _is_ours(out_dir):
            raise OutputError(
                f"output folder {shown(out_dir)} holds files `pipeline run` did not write; "
                "name a new or empty folder"
            )


def planned(batch: BatchResult, jobs: int = 1) -> tuple[dict[PurePosixPath, str], list[str]]:
    """What `pipeline run` writes into its output folder, by relative path, and what it cannot."""
    files: dict[PurePosixPath, str] = {}
    problems: list[str] = []
    reserved = {*REPORTS, MANIFEST}
    for result in batch.files:
        if result.error:
            continue
        if result.source.relative.as_posix() in reserved:
            problems.append(
                f"{shown(result.source.path)}: its cleaned copy would replace the run's own "
                f"{shown(result.source.relative)}; not written"
            )
        else:
            files[result.source.relative] = result.cleaned
    for name, text in render_all(batch, jobs).items():
        files[PurePosixPath(name)] = text
    return files, problems


def _write_stage(
    stage: Path, files: dict[PurePosixPath, str], inputs: manifest.Inputs | None, complete: bool
) -> list[str]:
    """Write the run into `stage`, manifest last; the files whose names it cannot hold."""
    written: list[PurePosixPath] = []
    problems: list[str] = []
    for relative, text in files.items():
        path = stage / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
        except OSError as error:
            if error.errno not in PER_FILE_ERRNOS:
                raise
            problems.append(f"{shown(relative)}: cannot write: {error.strerror}; left out")
            continue
        written.append(relative)
    complete = complete and not problems
    (stage / MANIFEST).write_text(manifest.render(written, inputs, complete), encoding="utf-8")
    return problems


def publish(
    batch: BatchResult, out_dir: Path, inputs: manifest.Inputs | None = None, jobs: int = 1
) -> list[str]:
    """Write every cleaned file (mirroring the source tree) and the reports; return problems.

    `inputs` go into the manifest, so that a re-run of the same inputs can skip;
    `jobs` processes render the reports.

    Raises OutputError, with nothing changed, when the output folder cannot be
    written at all (no space, no permission, another run holds it).
    """
    files, problems = planned(batch, jobs)
    target = Path(os.path.realpath(out_dir))
    stage: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target):
            recover(target)
            stage = new_stage(target)
            complete = not batch.failed and not problems
            unwritten = _write_stage(stage, files, inputs, complete)
            swap_in(stage, target)
            stage = None
    except StagingError as error:
        raise OutputError(str(error.strerror)) from error
    except OSError as error:
        where = shown(str(error.filename or target))
        raise OutputError(
            f"cannot write the output folder {shown(out_dir)}: {where}: {error.strerror}"
        ) from error
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
    return problems + unwritten


def stale(batch: BatchResult, out_dir: Path) -> list[str]:
    """How `out_dir` differs from what `pipeline run` would write now, one line per file."""
    files, _ = planned(batch)
    differences = []
    for relative, text in sorted(files.items()):
        path = out_dir / relative
        if not path.is_file():
            differences.append(f"{shown(path)}: missing")
        elif path.read_bytes() != text.encode("utf-8", errors="surrogateescape"):
            differences.append(f"{shown(path)}: differs from what `pipeline run` writes now")
    cleaned_suffixes = {p.suffix for p in files if p.name not in REPORTS}
    for path in sorted(out_dir.rglob("*")) if out_dir.is_dir() else []:
        relative = PurePosixPath(path.relative_to(out_dir).as_posix())
        if path.is_file() and relative not in files and path.suffix in cleaned_suffixes:
            differences.append(f"{shown(path)}: not written by `pipeline run` (no such source)")
    return differences
