"""Where a batch's results go: the output folder, published whole or not at all.

Every check that can refuse a run happens before anything is written: an
output folder that overlaps a source, that is a file, that is read-only, or
that holds files `pipeline run` did not write.  The run is then written into
a staging folder and swapped in (see `pipeline.staging`), so the output
folder holds the old run or the new one, never a mix.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from pipeline import manifest
from pipeline.config import Config
from pipeline.executor import Executor, Local
from pipeline.names import shown
from pipeline.progress import Progress, Silent
from pipeline.report import REPORTS, render_all
from pipeline.report.stream import Bodies, close_spools
from pipeline.report.summary import Summary, Tally
from pipeline.runner import BatchResult, Passes, vocabulary_of
from pipeline.sources import STDIN, Discovery
from pipeline.staging import StagingError, locked, new_stage, recover, swap_in
from pipeline.writer import MANIFEST, RESERVED, SPOOL, Written, write_source


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


def planned(batch: BatchResult) -> dict[PurePosixPath, str]:
    """What `pipeline run` writes into its output folder, by path, for a batch in memory."""
    files = {
        result.source.relative: result.cleaned
        for result in batch.files
        if result.error is None and result.source.relative.as_posix() not in RESERVED
    }
    for name, text in render_all(batch).items():
        files[PurePosixPath(name)] = text
    return files


@dataclass(frozen=True, slots=True)
class Published:
    """What a run wrote: the batch's summary, each file's outcome, the names left out."""

    summary: Summary
    files: tuple[Written, ...]
    problems: tuple[str, ...]

    @property
    def failed(self) -> bool:
        return bool(self.summary.files_failed or self.problems)


def publish(
    found: Discovery,
    config: Config,
    out_dir: Path,
    *,
    inputs: manifest.Inputs | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Published:
    """Clean `found` into `out_dir`: every cleaned file (mirroring the source tree), the reports.

    Files are written into a staging folder as they are cleaned, and each
    file's part of the reports is spooled there, so memory holds one file at a
    time; the folder is swapped in whole at the end.  `inputs` go into the
    manifest, so that a re-run of the same inputs can skip.

    Raises OutputError, with nothing changed, when the output folder cannot be
    written at all (no space, no permission, another run holds it).
    """
    target = Path(os.path.realpath(out_dir))
    stage: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target):
            recover(target)
            stage = new_stage(target)
            result = _write_run(found, config, stage, executor or Local(), progress or Silent())
            written = [w.relative for w in result.files if w.written]
            written += [PurePosixPath(name) for name in REPORTS]
            text = manifest.render(written, inputs, complete=not result.failed)
            (stage / MANIFEST).write_text(text, encoding="utf-8")
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
        close_spools()
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
    return result


def _write_run(
    found: Discovery, config: Config, stage: Path, executor: Executor, progress: Progress
) -> Published:
    """The passes, each file written into `stage` as it is cleaned; then the reports."""
    passes = Passes(found.found, executor, progress)
    vocabulary = vocabulary_of(passes, config)
    spool = stage / SPOOL
    task = partial(write_source, config=config, vocabulary=vocabulary, stage=stage, spool=spool)
    tally = Tally()
    bodies = Bodies(spool / "bodies")
    files = []
    for outcome in passes.run("cleaning", task):
        tally.add(outcome.tally)
        bodies.add(outcome.part)  # copied in the files' order as they come
        files.append(outcome)
    close_spools()
    summary = tally.summary(found.errors, found.skipped)
    bodies.assemble(summary, stage)
    shutil.rmtree(spool)
    problems = tuple(w.problem for w in files if w.problem)
    return Published(summary, tuple(files), problems)


def stale(batch: BatchResult, out_dir: Path) -> list[str]:
    """How `out_dir` differs from what `pipeline run` would write now, one line per file."""
    files = planned(batch)
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
