"""Command line: argument parsing and exit codes only; the work happens elsewhere."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import Protocol, get_args

from pipeline import __version__
from pipeline import config as config_file
from pipeline.check import baseline as baselines
from pipeline.check.findings import checked_paths, failing, findings, statistics
from pipeline.check.formats import FORMATS, Style
from pipeline.config import Config, ConfigError, globs
from pipeline.executor import Executor, Local, Ray, RayUnavailable, default_jobs
from pipeline.files import InputError, OutputError
from pipeline.inplace import encoded, rewrite, tidy
from pipeline.names import shown
from pipeline.progress import for_stream
from pipeline.report import render
from pipeline.report.unified import file_diff
from pipeline.runner import BatchResult, FileResult, find_sources, run
from pipeline.sources import STDIN, Source
from pipeline.stages import all_rules, listing, stage_names, unknown_codes
from pipeline.stages.quotes import NAME as QUOTES
from pipeline.stages.quotes import QuotesOptions, QuoteStyle

DEFAULT_SOURCE = Path("seeds")  # what `run` cleans when neither flags nor settings name paths
DEFAULT_OUT = Path("output")
HERE = Path(".")  # what `check` and `fix` read when nothing names paths


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # run: some input could not be processed; check: new findings
    USAGE = 2  # bad arguments or settings (check: or unreadable input)
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it
    BROKEN_PIPE = 141  # the reader went away: 128 + SIGPIPE, as shells report it


def _common(parser: argparse.ArgumentParser, default_paths: str) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SRC",
        help=f"files or folders (default: the settings' paths, else {default_paths})",
    )
    parser.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file globs to read (default: *.txt); repeatable",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="GLOB", help="file globs to skip; repeatable"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: nearest pipeline.toml or pyproject.toml)",
    )
    parser.add_argument(
        "--decisions",
        type=Path,
        metavar="FILE",
        help="a reviewer's decisions exported from report.html: rejected edits are not made, "
        "accepted suggestions are",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="STAGE",
        help=f"switch a stage off ({', '.join(stage_names())})",
    )
    parser.add_argument(
        "--quote-style",
        choices=get_args(QuoteStyle),
        help=f"quote style (default: {QuotesOptions().style})",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that lead out of a source folder",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help="processes to clean with (default: the cores available, here %(default)s)",
    )
    _verbosity(parser)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _verbosity(parser: argparse.ArgumentParser) -> None:
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print every file read")


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser, and each command's own (whose usage an error in its arguments prints)."""
    parser = argparse.ArgumentParser(
        prog="pipeline", description="Clean scraped or extracted text and report every change."
    )
    parser.add_argument("--version", action="version", version=f"pipeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run", help="clean a folder of text into an output folder, with a diff report"
    )
    _common(run_parser, f"{DEFAULT_SOURCE}/")
    run_parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)"
    )
    run_parser.add_argument(
        "--executor",
        choices=("local", "ray"),
        default="local",
        help="where the passes run: this machine (--jobs processes) or Ray (default: local)",
    )
    run_parser.add_argument(
        "--address",
        metavar="ADDR",
        help="with --executor ray: an existing Ray cluster (default: start a local instance)",
    )
    run_parser.add_argument(
        "--force",
        action="store_true",
        help="clean again even if the output folder holds a run of these very sources",
    )

    check = commands.add_parser(
        "check", help="report text defects like a linter; exit 1 on findings not in the baseline"
    )
    _common(check, "the current folder; - reads standard input")
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text (path:line:col: CODE ...), json, github (workflow commands) or sarif "
        "(default: text)",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print only the unified diff `run` would write (for patch); exit 1 if there is one",
    )
    check.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="comma-separated rule codes or prefixes to check (default: all)",
    )
    check.add_argument(
        "--ignore",
        type=_codes,
        metavar="CODES",
        help="comma-separated rule codes or prefixes to skip",
    )
    check.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="accepted findings: only findings not in it fail",
    )
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record today's findings as the baseline and exit 0",
    )
    check.add_argument(
        "--prune-baseline",
        action="store_true",
        help="after a passing check, drop the checked files' baseline entries that no longer match",
    )
    check.add_argument("--strict", action="store_true", help="suggestions fail too")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are new findings"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print only the count of new findings per rule, suggestions apart",
    )
    check.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        help="also fail if DIR is not what `pipeline run` would write now",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text format: auto (a terminal, unless NO_COLOR), always or never",
    )

    fix = commands.add_parser(
        "fix", help="clean files in place (for pre-commit); exit 1 if any file changed"
    )
    _common(fix, "the current folder; - filters standard input")
    fix.add_argument(
        "--diff", action="store_true", help="print the changes as a unified diff; change nothing"
    )

    rules = commands.add_parser("rules", help="list every rule: code, name, stage, what it fixes")
    rules.add_argument("codes", nargs="*", metavar="CODE", help="only these rules (or prefixes)")
    rules.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text (default), or markdown: the table of docs/rules.md",
    )
    _verbosity(rules)
    return parser, {"run": run_parser, "check": check, "fix": fix, "rules": rules}


def _settings(args: argparse.Namespace) -> Config:
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
    _known_codes(check)
    return replace(settings, check=check)


def _known_codes(check: config_file.CheckOptions) -> None:
    """A code that names no rule is a typo that would check nothing: refuse it."""
    given = [
        *check.select,
        *check.ignore,
        *(c for _, codes in check.per_file_ignores for c in codes),
    ]
    unknown = unknown_codes(given)
    if unknown:
        raise ConfigError(f"unknown rule code {unknown[0]!r} (`pipeline rules` lists them)")


def _sources(args: argparse.Namespace, settings: Config, default: Path) -> list[Path]:
    if args.sources:
        return list(args.sources)
    return [Path(p) for p in settings.paths] or [default]


def _decisions_matched(args: argparse.Namespace, settings: Config, matched: int) -> None:
    """How many of a reviewer's decisions named an edit: one made from another run, or from
    text that changed since, names none and would be ignored in silence."""
    given = len(settings.decisions.ids)
    if not given:
        return
    line = f"decisions: {matched} of {given} name an edit of this run"
    if matched < given:
        line += f"; {given - matched} name none (made from another run, or the text changed)"
    _say(args, line)


def _matched(batch: BatchResult, settings: Config) -> int:
    ids = settings.decisions.ids
    return len({e.id for result in batch.files for e in result.edits if e.id in ids})


def _nothing_matched(settings: Config) -> None:
    """No file at all is a mistake worth a word (a folder of .md files under `*.txt`)."""
    included = ", ".join(settings.include)
    excluded = f"; excluded: {', '.join(settings.exclude)}" if settings.exclude else ""
    print(
        f"warning: no file matched (included: {included}{excluded}; --include names others)",
        file=sys.stderr,
    )


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _report_problems(args: argparse.Namespace, batch: BatchResult) -> None:
    _report(args, batch.all_errors(), batch.skipped, batch.files)


class _Read(Protocol):
    """A file as read: what `_report` says of it (a runner.FileResult or a writer.Written)."""

    @property
    def source(self) -> Source: ...
    @property
    def encoding(self) -> str: ...
    @property
    def encoding_assumed(self) -> bool: ...
    @property
    def error(self) -> str | None: ...


def _report(
    args: argparse.Namespace, errors: Sequence[str], skipped: Sequence[str], files: Sequence[_Read]
) -> None:
    """Errors, skipped sources, assumed encodings (and, with -v, every file read)."""
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    for note in skipped:
        _say(args, f"skipped: {note}")
    for result in files:
        if result.encoding_assumed:
            _say(args, f"note: {shown(result.source.path)}: read as {result.encoding} (assumed)")
        if args.verbose and not result.error:
            print(f"read {shown(result.source.path)} ({result.encoding})", file=sys.stderr)


@contextlib.contextmanager
def _executor(args: argparse.Namespace) -> Iterator[Executor]:
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


def _batch(args: argparse.Namespace, settings: Config, sources: list[Path]) -> BatchResult:
    """Run the passes in memory (for check and fix), showing progress unless quiet."""
    with _executor(args) as executor:
        progress = for_stream(quiet=args.quiet)
        return run(sources, settings, unique_names=False, executor=executor, progress=progress)


def _run(args: argparse.Namespace) -> Exit:
    # Imported here: writing an output folder is `run`'s alone, and `check` starts faster.
    from pipeline import manifest
    from pipeline.publish import check_out_dir, publish

    if args.address and args.executor != "ray":
        raise ConfigError("--address names a Ray cluster: give --executor ray too")
    settings = _settings(args)
    sources = _sources(args, settings, DEFAULT_SOURCE)
    if STDIN in sources:
        raise ConfigError("`run` writes files; use `pipeline fix -` to filter standard input")
    check_out_dir(sources, args.out)
    found = find_sources(sources, settings)
    if not found.found:
        _report(args, found.errors, found.skipped, [])
        _nothing_matched(settings)
        return Exit.FAILED
    inputs = manifest.Inputs.of(found.found, settings)
    reuse = not args.force
    try:
        if reuse and not found.errors and manifest.up_to_date(args.out, inputs):
            _say(args, f"{shown(args.out)}/ is up to date: no source or setting changed (--force)")
            return Exit.OK
    except manifest.Unusable as error:
        _say(args, f"note: {error.note()}")
        reuse = False
    with _executor(args) as executor:
        progress = for_stream(quiet=args.quiet)
        published = publish(
            found,
            settings,
            args.out,
            inputs=inputs,
            executor=executor,
            progress=progress,
            reuse=reuse,
        )
    for note in published.notes:
        _say(args, f"note: {note}")
    _decisions_matched(args, settings, published.summary.decided)
    summary = published.summary
    _report(args, summary.errors, summary.skipped, published.files)
    for problem in published.problems:
        print(f"error: {problem}", file=sys.stderr)
    if not args.quiet:
        rejected = f", {summary.rejected} rejected" if summary.rejected else ""
        print(
            f"{_count(summary.files_read, 'file')} read, {summary.files_changed} changed, "
            f"{summary.files_failed} failed; {_count(summary.fixes, 'edit')} made, "
            f"{_count(summary.suggestions, 'suggestion')}{rejected} -> {shown(args.out)}/"
        )
        for count in summary.by_rule:
            suggested = f" (+{count.suggestions} suggested)" if count.suggestions else ""
            print(f"  {count.rule.code} {count.rule.name:30} {count.fixes:6}{suggested}")
    return Exit.FAILED if published.failed else Exit.OK


def _count(number: int, noun: str) -> str:
    """`1 finding`, `2 findings`: every noun we count takes an s."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _colour(choice: str) -> bool:
    """--color wins; then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org); then a TTY."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _baseline_path(args: argparse.Namespace, settings: Config) -> Path | None:
    if args.baseline:
        return Path(args.baseline)
    return Path(settings.check.baseline) if settings.check.baseline else None


def _check(args: argparse.Namespace) -> Exit:
    settings = replace(_settings(args), gitignore=True)
    baseline_path = _baseline_path(args, settings)
    batch = _batch(args, settings, _sources(args, settings, HERE))
    _report_problems(args, batch)
    if not batch.files and not batch.errors:
        _nothing_matched(settings)
        return Exit.FAILED
    _decisions_matched(args, settings, _matched(batch, settings))
    found = findings(batch, settings.check, settings.root, settings.flag_at)
    if args.write_baseline:
        baselines.write(args.write_baseline, baselines.of_findings(found))
        _say(args, f"wrote {_count(len(found), 'finding')} to {shown(args.write_baseline)}")
        return Exit.USAGE if batch.failed else Exit.OK
    accepted = baselines.load(baseline_path) if baseline_path else None
    comparison = baselines.compare(found, accepted)
    new_failing = bool(failing(comparison.new, settings.check.strict))
    failed = new_failing and not args.exit_zero
    if args.diff:  # the diff alone on standard output, so that it can go to `patch`
        diff = render(batch, "changes.diff")
        sys.stdout.write(diff)
        failed = failed or bool(diff)
    elif args.statistics:  # the counts alone; they add up to the summary line's
        for code, name, count, suggestions in statistics(comparison.new):
            kind = " [suggestion]" if suggestions else ""
            print(f"{count:6}  {code}  {name}{kind}")
    else:
        sys.stdout.write(FORMATS[args.format](comparison, Style(_colour(args.color))))
    if args.output:
        from pipeline.publish import stale

        for difference in stale(batch, args.output):
            print(f"stale: {difference}", file=sys.stderr)
            failed = True
    pruned = False
    if args.prune_baseline and baseline_path and accepted is not None:
        if batch.failed or new_failing:
            _say(args, "baseline not pruned: the check did not pass")
        else:
            checked = checked_paths(batch, settings.root)
            baselines.prune(baseline_path, accepted, comparison, checked)
            pruned = True
    if not args.quiet:
        _summarise_check(comparison, baseline_path, pruned)
    if batch.failed:
        return Exit.USAGE
    return Exit.FAILED if failed else Exit.OK


def _summarise_check(
    comparison: baselines.Comparison, baseline_path: Path | None, pruned: bool
) -> None:
    new = [f for f in comparison.new if not f.suggestion]
    suggestions = len(comparison.new) - len(new)
    line = f"{_count(len(new), 'new finding')}, {_count(suggestions, 'new suggestion')}"
    if baseline_path:
        line += f", {len(comparison.known)} in the baseline"
        if comparison.unmatched:
            match = "no longer matches" if len(comparison.unmatched) == 1 else "no longer match"
            verb = "dropped from it" if pruned else f"{match} (--prune-baseline drops them)"
            unmatched = len(comparison.unmatched)
            entries = "baseline entry" if unmatched == 1 else "baseline entries"
            line += f"; {unmatched} {entries} {verb}"
    print(line, file=sys.stderr)


def _fix(args: argparse.Namespace) -> Exit:
    """Rewrite each changed source in place: only ever on the user's explicit request."""
    settings = replace(_settings(args), gitignore=True)
    batch = _batch(args, settings, _sources(args, settings, HERE))
    if not batch.files and not batch.errors:
        _nothing_matched(settings)
        return Exit.FAILED
    _report_problems(args, batch)
    _decisions_matched(args, settings, _matched(batch, settings))
    failed = batch.failed
    changed = [r for r in batch.files if r.changed and r.source.path != STDIN]
    if not args.diff:
        tidy(changed)
    for result in changed:
        if args.diff:
            name = result.source.relative.as_posix()
            sys.stdout.write(file_diff(name, result.original, result.cleaned))
            continue
        try:
            rewrite(result)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
            continue
        _say(args, f"fixed {shown(result.source.path)} ({len(result.fixes)} edits)")
    for result in batch.files:
        if result.source.path == STDIN:
            filtered = _filter(result, batch.stdin or b"", args.diff)
            failed = failed or not filtered
            changed += [result] if result.changed else []
    if failed:
        return Exit.FAILED
    return Exit.FAILED if changed else Exit.OK


def _filter(result: FileResult, raw: bytes, diff: bool) -> bool:
    """`fix -`: the cleaned text in the input's own encoding on standard output, or, where
    it cannot be cleaned or written back faithfully, the input exactly as it came (a filter
    loses nothing).  Whether it was cleaned."""
    if diff:
        if result.changed:
            sys.stdout.write(file_diff("-", result.original, result.cleaned))
        return result.error is None
    out = sys.stdout.buffer
    if result.changed:
        try:
            out.write(encoded(result))
            out.flush()
            return True
        except InputError as error:
            print(f"error: {error}; passed through as it came", file=sys.stderr)
    out.write(raw)
    if result.error is not None:  # too large: what was not read yet follows as it is
        shutil.copyfileobj(sys.stdin.buffer, out)
    out.flush()
    return result.error is None and not result.changed


def _rules(args: argparse.Namespace) -> Exit:
    wanted = [c.upper() for c in args.codes]
    unknown = unknown_codes(wanted)
    if unknown:
        raise ConfigError(f"unknown rule code {unknown[0]!r}")
    chosen = [r for r in all_rules() if not wanted or any(r.code.startswith(c) for c in wanted)]
    if args.format == "markdown":
        print(listing.markdown(chosen), end="")
    else:
        print("\n".join(listing.text(rule) for rule in chosen))
    return Exit.OK


COMMANDS = {"run": _run, "check": _check, "fix": _fix, "rules": _rules}


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, and report an unknown flag with the usage of the command it was given to."""
    parser, commands = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parse(argv)
        return int(COMMANDS[args.command](args))
    except (ConfigError, OutputError, baselines.BaselineError) as error:
        print(f"pipeline: error: {error}", file=sys.stderr)
        return int(Exit.USAGE)
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return int(Exit.INTERRUPTED)
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit: point it at /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(Exit.BROKEN_PIPE)


def entry() -> int:
    """The console script: a termination request unwinds like Ctrl-C, so temporary files go."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    return main()


if __name__ == "__main__":
    sys.exit(entry())
