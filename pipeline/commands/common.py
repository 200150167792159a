"""What the commands share: settings from flags, the sources named, the batch, and what
they say on standard error."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path

from pipeline import config as config_file
from pipeline.batch.executor import Executor, Local, Ray, RayUnavailable
from pipeline.batch.progress import for_stream
from pipeline.config import Config, ConfigError, globs
from pipeline.files.names import shown
from pipeline.runner import BatchResult, Outcome, run
from pipeline.stages import unknown_codes
from pipeline.stages.quotes import NAME as QUOTES
from pipeline.stages.quotes import QuotesOptions

DEFAULT_SOURCE = Path("seeds")  # what `run` cleans when neither flags nor settings name paths
DEFAULT_OUT = Path("output")
HERE = Path(".")  # what `check` and `fix` read when nothing names paths


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # run: some input could not be processed; check: new findings
    USAGE = 2  # bad arguments or settings (check: or unreadable input)
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it
    BROKEN_PIPE = 141  # the reader went away: 128 + SIGPIPE, as shells report it


def settings_of(args: argparse.Namespace) -> Config:
    """File settings, then command-line flags on top."""
    settings = config_file.load(args.config)
    settings = settings.with_stages_disabled(tuple(args.disable))
    if args.quote_style:
        quotes = replace(settings.options(QUOTES, QuotesOptions), style=args.quote_style)
        settings = settings.with_options(QUOTES, quotes)
    if args.include:
        settings = replace(settings, include=globs("--include", tuple(args.include)))
    if args.exclude:
        exclude = globs("--exclude", tuple(args.exclude))
        settings = replace(settings, exclude=(*settings.exclude, *exclude))
    if args.follow_links:
        settings = replace(settings, follow_links=True)
    if getattr(args, "decisions", None) is not None:
        settings = config_file.with_decisions(settings, args.decisions)
    check = settings.check
    if getattr(args, "select", None) is not None:
        check = replace(check, select=args.select)
    if getattr(args, "ignore", None):
        check = replace(check, ignore=(*check.ignore, *args.ignore))
    if getattr(args, "strict", False):
        check = replace(check, strict=True)
    known_codes(check)
    return replace(settings, check=check)


def known_codes(check: config_file.CheckOptions) -> None:
    """A code that names no rule is a typo that would check nothing: refuse it."""
    given = [
        *check.select,
        *check.ignore,
        *(c for _, codes in check.per_file_ignores for c in codes),
    ]
    unknown = unknown_codes(given)
    if unknown:
        raise ConfigError(f"unknown rule code {unknown[0]!r} (`pipeline rules` lists them)")


def sources_of(args: argparse.Namespace, settings: Config, default: Path) -> list[Path]:
    if args.sources:
        return list(args.sources)
    return [Path(p) for p in settings.paths] or [default]


def decisions_matched(args: argparse.Namespace, settings: Config, matched: int) -> None:
    """How many of a reviewer's decisions named an edit: one made from another run, or from
    text that changed since, names none and would be ignored in silence."""
    given = len(settings.decisions.ids)
    if not given:
        return
    line = f"decisions: {matched} of {given} name an edit of this run"
    if matched < given:
        line += f"; {given - matched} name none (made from another run, or the text changed)"
    say(args, line)


def matched(batch: BatchResult, settings: Config) -> int:
    ids = settings.decisions.ids
    return len({e.id for result in batch.files for e in result.edits if e.id in ids})


def nothing_matched(settings: Config) -> None:
    """No file at all is a mistake worth a word (a folder of .md files under `*.txt`)."""
    included = ", ".join(settings.include)
    excluded = f"; excluded: {', '.join(settings.exclude)}" if settings.exclude else ""
    print(
        f"warning: no file matched (included: {included}{excluded}; --include names others)",
        file=sys.stderr,
    )


def say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def report_problems(args: argparse.Namespace, batch: BatchResult) -> None:
    report(args, batch.all_errors(), batch.skipped, batch.files)


def report(
    args: argparse.Namespace,
    errors: Sequence[str],
    skipped: Sequence[str],
    files: Sequence[Outcome],
) -> None:
    """Errors, skipped sources, assumed encodings (and, with -v, every file read)."""
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    for note in skipped:
        say(args, f"skipped: {note}")
    for result in files:
        if result.encoding_assumed:
            say(args, f"note: {shown(result.source.path)}: read as {result.encoding} (assumed)")
        if args.verbose and not result.error:
            print(f"read {shown(result.source.path)} ({result.encoding})", file=sys.stderr)


@contextlib.contextmanager
def executor_of(args: argparse.Namespace) -> Iterator[Executor]:
    """The executor the flags choose, closed after the run."""
    executor: Executor = Local(args.jobs)
    if getattr(args, "executor", "local") == "ray":
        executor = Ray(args.address)
    try:
        yield executor
    except RayUnavailable as error:
        raise ConfigError(str(error)) from error
    finally:
        executor.close()


def batch_of(args: argparse.Namespace, settings: Config, sources: list[Path]) -> BatchResult:
    """Run the passes in memory (for check and fix), showing progress unless quiet."""
    with executor_of(args) as executor:
        progress = for_stream(quiet=args.quiet)
        return run(sources, settings, unique_names=False, executor=executor, progress=progress)
