"""Command line: argument parsing and exit codes only; the work happens elsewhere."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path

from pipeline import config as config_file
from pipeline.check import baseline as baselines
from pipeline.check.findings import failing, findings
from pipeline.check.formats import FORMATS, Style
from pipeline.config import Config, ConfigError
from pipeline.files import write_atomic
from pipeline.publish import OutputError, check_out_dir, publish, stale
from pipeline.report.summary import summarise
from pipeline.report.unified import render as unified_diff
from pipeline.runner import BatchResult, run
from pipeline.stages import STAGES

DEFAULT_SOURCE = Path("seeds")
DEFAULT_OUT = Path("output")


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # run: some input could not be processed; check: new findings
    USAGE = 2  # bad arguments or settings (check: or unreadable input)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SRC",
        help=f"files or folders (default: {DEFAULT_SOURCE}/)",
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
        "--disable",
        action="append",
        default=[],
        metavar="STAGE",
        help="switch a stage off (unicode, whitespace, quotes, punctuation, joins)",
    )
    parser.add_argument(
        "--quote-style", choices=("ascii", "curly", "keep"), help="quote style (default: ascii)"
    )


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline", description="Clean scraped or extracted text and report every change."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run", help="clean a folder of text into an output folder, with a diff report"
    )
    _common(run_parser)
    run_parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)"
    )
    run_parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    check = commands.add_parser(
        "check", help="report text defects like a linter; exit 1 on findings not in the baseline"
    )
    _common(check)
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the unified diff `run` would write; exit 1 if there is one",
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
        help="drop baseline entries that no longer match (fixed findings)",
    )
    check.add_argument("--strict", action="store_true", help="suggestions fail too")
    check.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        help="also fail if DIR is not what `pipeline run` would write now",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    fix = commands.add_parser(
        "fix", help="clean files in place (for pre-commit); exit 1 if any file changed"
    )
    _common(fix)

    commands.add_parser("rules", help="list every rule: code, name, stage, what it fixes")
    return parser


def _settings(args: argparse.Namespace) -> Config:
    """File settings, then command-line flags on top."""
    settings = config_file.load(args.config)
    settings = settings.with_stages_disabled(tuple(args.disable))
    if args.quote_style:
        settings = replace(settings, quotes=replace(settings.quotes, style=args.quote_style))
    if args.include:
        settings = replace(settings, include=tuple(args.include))
    if args.exclude:
        settings = replace(settings, exclude=(*settings.exclude, *args.exclude))
    check = settings.check
    if getattr(args, "select", None):
        check = replace(check, select=args.select)
    if getattr(args, "ignore", None):
        check = replace(check, ignore=(*check.ignore, *args.ignore))
    if getattr(args, "strict", False):
        check = replace(check, strict=True)
    return replace(settings, check=check)


def _report_errors(batch: BatchResult) -> None:
    for error in batch.all_errors():
        print(f"error: {error}", file=sys.stderr)


def _run(args: argparse.Namespace) -> Exit:
    settings = _settings(args)
    sources: list[Path] = args.sources or [DEFAULT_SOURCE]
    check_out_dir(sources, args.out)
    batch = run(sources, settings)
    problems = publish(batch, args.out)
    summary = summarise(batch)
    _report_errors(batch)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not args.quiet:
        print(
            f"{summary.files_read} files read, {summary.files_changed} changed, "
            f"{summary.files_failed} failed; {summary.fixes} edits -> {args.out}/"
        )
        for count in summary.by_rule:
            print(f"  {count.rule.code} {count.rule.name:30} {count.fixes:6}")
    return Exit.FAILED if batch.failed or problems else Exit.OK


def _colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _check(args: argparse.Namespace) -> Exit:
    settings = _settings(args)
    sources: list[Path] = args.sources or [DEFAULT_SOURCE]
    batch = run(sources, settings)
    _report_errors(batch)
    found = findings(batch, settings.check)
    if args.write_baseline:
        baselines.write(args.write_baseline, [f.key for f in found])
        print(f"wrote {len(found)} findings to {args.write_baseline}", file=sys.stderr)
        return Exit.USAGE if batch.failed else Exit.OK
    baseline_path = args.baseline or (
        Path(settings.check.baseline) if settings.check.baseline else None
    )
    accepted = baselines.load(baseline_path) if baseline_path else None
    comparison = baselines.compare(found, accepted)
    if args.prune_baseline and baseline_path:
        baselines.write(baseline_path, [f.key for f in comparison.known])
    sys.stdout.write(FORMATS[args.format](comparison, Style(_colour(args.color))))
    failed = bool(failing(comparison.new, settings.check.strict))
    if args.diff:
        diff = unified_diff(batch)
        sys.stdout.write(diff)
        failed = failed or bool(diff)
    if args.output:
        for difference in stale(batch, args.output):
            print(f"stale: {difference}", file=sys.stderr)
            failed = True
    _summarise_check(comparison, baseline_path, args.prune_baseline)
    if batch.failed:
        return Exit.USAGE
    return Exit.FAILED if failed else Exit.OK


def _summarise_check(
    comparison: baselines.Comparison, baseline_path: Path | None, pruned: bool
) -> None:
    new = [f for f in comparison.new if not f.suggestion]
    suggestions = len(comparison.new) - len(new)
    line = f"{len(new)} new findings, {suggestions} new suggestions"
    if baseline_path:
        line += f", {len(comparison.known)} in the baseline"
        if comparison.unmatched:
            verb = "dropped from it" if pruned else "no longer match (--prune-baseline drops them)"
            line += f"; {len(comparison.unmatched)} baseline entries {verb}"
    print(line, file=sys.stderr)


def _fix(args: argparse.Namespace) -> Exit:
    """Rewrite each changed source in place: only ever on the user's explicit request."""
    settings = _settings(args)
    batch = run(args.sources or [DEFAULT_SOURCE], settings)
    _report_errors(batch)
    changed = [result for result in batch.files if result.changed]
    for result in changed:
        write_atomic(result.source.path, result.cleaned)
        print(f"fixed {result.source.path} ({len(result.fixes)} edits)")
    if batch.failed:
        return Exit.USAGE
    return Exit.FAILED if changed else Exit.OK


def _rules(args: argparse.Namespace) -> Exit:
    for stage in STAGES:
        for rule in stage.rules:
            print(
                f"{rule.code}  {rule.name}  ({stage.name})\n    {rule.summary}\n"
                f"    {rule.example_before!r} -> {rule.example_after!r}"
            )
    return Exit.OK


COMMANDS = {"run": _run, "check": _check, "fix": _fix, "rules": _rules}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(COMMANDS[args.command](args))
    except (ConfigError, OutputError, baselines.BaselineError) as error:
        print(f"pipeline: error: {error}", file=sys.stderr)
        return int(Exit.USAGE)


if __name__ == "__main__":
    sys.exit(main())
