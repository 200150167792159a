"""Where a batch's results go: the output folder, published whole or not at all.

Every check that can refuse a run happens before anything is written: an
output folder that overlaps a source, that is a file, that is read-only, or
that holds files `pipeline run` did not write.  The run is then written into
a staging folder and swapped in (see `pipeline.files.staging`), so the output
folder holds the old run or the new one, never a mix.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath

from pipeline.batch import manifest
from pipeline.batch.executor import Executor, Local
from pipeline.batch.progress import Progress, Silent
from pipeline.batch.writer import MANIFEST, RESERVED, SPOOL, Written, write_source
from pipeline.config import Config
from pipeline.edits import Rule
from pipeline.files import OutputError
from pipeline.files.names import shown
from pipeline.files.sources import STDIN, Discovery, Source
from pipeline.files.staging import StagingError, locked, new_stage, recover, swap_in
from pipeline.report import REPORTS, render_all
from pipeline.report.assembly import Bodies
from pipeline.report.stream import close_spools
from pipeline.report.summary import FileTally, Summary, Tally
from pipeline.runner import BatchResult, Passes, vocabulary_of
from pipeline.stages import all_rules
from pipeline.vocabulary import Vocabulary


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
    notes: tuple[str, ...] = ()  # what the run did not do as asked, and why (not failures)
    reused: int = 0  # files whose output was copied from the earlier run, not cleaned again

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
    reuse: bool = True,
) -> Published:
    """Clean `found` into `out_dir`: every cleaned file (mirroring the source tree), the reports.

    Files are written into a staging folder as they are cleaned, and each
    file's part of the reports is spooled there, so memory holds one file at a
    time; the folder is swapped in whole at the end.  `inputs` go into the
    manifest, so that a re-run of the same inputs can skip, and with `reuse`
    a file whose bytes and the batch counts it read are unchanged since the
    run the folder holds is copied from it rather than cleaned again.

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
            earlier, notes = _earlier(target, inputs) if reuse else (None, ())
            if earlier is not None and inputs is not None and not inputs.read:
                # each file's hash says whether its earlier output still holds
                inputs = manifest.Inputs.of(found.found, config)
                earlier = earlier if inputs is not None else None
            run = _Run(found, config, stage, inputs, earlier)
            result = run.write(executor or Local(), progress or Silent())
            # the cleaned copies' hashes as they were written; the reports' read back
            hashes = {
                w.relative.as_posix(): w.output_sha256
                for w in result.files
                if w.written and w.output_sha256
            }
            written = [PurePosixPath(name) for name in REPORTS]
            written += [w.relative for w in result.files if w.written and not w.output_sha256]
            if inputs is not None:
                written += [PurePosixPath(manifest.RECORDS), PurePosixPath(manifest.PARTS_MD)]
            hashes |= {p.as_posix(): manifest.sha256_of(stage / p) for p in written}
            text = manifest.render(hashes, run.inputs, not result.failed, run.begins)
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
    return replace(result, notes=notes)


def _earlier(
    target: Path, inputs: manifest.Inputs | None
) -> tuple[manifest.Held | None, tuple[str, ...]]:
    """The run `target` holds, if a re-run may reuse it; a note when its state is unusable."""
    try:
        return manifest.held(target, inputs), ()
    except manifest.Unusable as error:
        return None, (error.note(),)


@dataclass(slots=True)
class _Run:
    """One run written into `stage`: the passes, the reuse of unchanged files, the reports."""

    found: Discovery
    config: Config
    stage: Path
    inputs: manifest.Inputs | None
    earlier: manifest.Held | None
    records: manifest.Records | None = None
    begins: dict[str, int] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)

    def write(self, executor: Executor, progress: Progress) -> Published:
        vocabulary = vocabulary_of(Passes(self.found.found, executor, progress), self.config)
        kept = {i: w for i, s in enumerate(self.found.found) if (w := self._kept(s, vocabulary))}
        fresh = [s for i, s in enumerate(self.found.found) if i not in kept]
        spool = self.stage / SPOOL
        task = partial(
            write_source, config=self.config, vocabulary=vocabulary, stage=self.stage, spool=spool
        )
        cleaned = Passes(fresh, executor, progress).run("cleaning", task)
        tally = Tally()
        bodies = Bodies()
        self.records = manifest.Records(self.stage) if self.inputs else None
        files = []
        for index in range(len(self.found.found)):
            outcome = kept[index] if index in kept else next(cleaned)
            tally.add(outcome.tally)
            placed = bodies.add(outcome.part)  # copied in the files' order as they come
            self._record(outcome, placed)
            small = replace(outcome.tally, groups=(), seconds=())
            files.append(replace(outcome, part={}, reads={}, tally=small))  # kept small
        if self.records is not None:
            self.records.close()
        for _ in cleaned:  # none left: this ends the pass (its progress, its workers)
            raise AssertionError("more results than files")
        close_spools()
        summary = tally.summary(self.found.errors, self.found.skipped, self.config.timings)
        parts_md = self.stage / manifest.PARTS_MD if self.inputs is not None else None
        self.begins = bodies.assemble(summary, self.stage, parts_md)
        if spool.exists():  # none when every file was kept from the earlier run
            shutil.rmtree(spool)
        problems = tuple(w.problem for w in files if w.problem)
        if self.inputs is not None:
            # the sources' hashes as the run cleaned them, or kept them (read before it, then):
            # one that could not be read has none, and the run is incomplete, its manifest
            # listing no sources
            sources = tuple((w.relative.as_posix(), w.sha256) for w in files if w.sha256)
            self.inputs = replace(self.inputs, sources=sources, read=True)
        return Published(summary, tuple(files), problems, reused=len(kept))

    def _hash(self, source: Source) -> str | None:
        """The source's hash as read before the run (where an earlier run may be reused)."""
        if self.inputs is None or not self.inputs.read:
            return None
        if not self.hashes:
            self.hashes = dict(self.inputs.sources)
        return self.hashes.get(source.relative.as_posix())

    def _kept(self, source: Source, vocabulary: Vocabulary) -> Written | None:
        """The earlier run's output of `source`, copied into the stage, if it still holds."""
        if self.earlier is None:
            return None
        name = source.relative.as_posix()
        record = self.earlier.record(name, frozenset(_rules()))
        if record is None or record.sha256 != self._hash(source):
            return None
        if vocabulary.counts(record.reads) != record.reads:
            return None  # the batch changed in a way this file's cleaning read
        if not _copied(self.earlier, source.relative, self.stage):
            return None
        part = {}
        for stream, (start, end) in record.parts.items():
            body, begin = self.earlier.body(stream)
            part[stream] = (str(body), begin + start, begin + end)
        counts = tuple(
            (_rules()[code], fixes, suggestions) for code, fixes, suggestions in record.counts
        )
        tally = FileTally(
            None, record.changed, counts, record.groups, record.decided, record.rejected
        )
        return Written(
            source,
            tally,
            part,
            record.encoding,
            record.assumed,
            written=True,
            reads=vocabulary.counts_json(record.reads),  # as a fresh cleaning's
            sha256=record.sha256,
            output_sha256=self.earlier.hashes.get(name),  # as `_copied` found it
        )

    def _record(self, outcome: Written, placed: dict[str, tuple[int, int]]) -> None:
        digest = outcome.sha256  # of the bytes cleaned, as the worker read them
        if self.records is None or digest is None:
            return
        if outcome.error or outcome.problem or not outcome.written:
            return
        counts = tuple((rule.code, fixes, sugg) for rule, fixes, sugg in outcome.tally.counts)
        record = manifest.Record(
            digest,
            outcome.reads,
            outcome.encoding,
            outcome.encoding_assumed,
            outcome.tally.changed,
            counts,
            placed,
            outcome.tally.groups,
            outcome.tally.decided,
            outcome.tally.rejected,
        )
        self.records.add(outcome.relative.as_posix(), record)


@functools.cache
def _rules() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


def _copied(earlier: manifest.Held, relative: PurePosixPath, stage: Path) -> bool:
    """Copy a cleaned file of the earlier run into the stage, if it is as that run wrote it."""
    expected = earlier.hashes.get(relative.as_posix())
    path = earlier.folder / relative
    try:
        if path.is_symlink() or not path.resolve().is_relative_to(earlier.folder.resolve()):
            return False  # never read outside the output folder
        data = path.read_bytes()
        if expected is None or hashlib.sha256(data).hexdigest() != expected:
            return False
        target = stage / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError:
        return False
    return True


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
