"""Command line: argument parsing and exit codes only; the work happens elsewhere."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path

from pipeline import config as config_file
from pipeline.config import Config, ConfigError
from pipeline.publish import OutputError, check_out_dir, publish
from pipeline.report.summary import summarise
from pipeline.runner import run

DEFAULT_SOURCE = Path("seeds")
DEFAULT_OUT = Path("output")


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # some input could not be processed
    USAGE = 2  # bad arguments or settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline", description="Clean scraped or extracted text and report every change."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run", help="clean a folder of text into an output folder, with a diff report"
    )
    run_parser.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SRC",
        help=f"files or folders to clean (default: {DEFAULT_SOURCE}/)",
    )
    run_parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)"
    )
    run_parser.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file globs to clean (default: *.txt); repeatable",
    )
    run_parser.add_argument(
        "--exclude", action="append", metavar="GLOB", help="file globs to skip; repeatable"
    )
    run_parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: nearest pipeline.toml or pyproject.toml)",
    )
    run_parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="STAGE",
        help="switch a stage off (unicode, whitespace, quotes, punctuation)",
    )
    run_parser.add_argument(
        "--quote-style", choices=("ascii", "curly", "keep"), help="quote style (default: ascii)"
    )
    run_parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
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
    return settings


def _run(args: argparse.Namespace) -> Exit:
    settings = _settings(args)
    sources: list[Path] = args.sources or [DEFAULT_SOURCE]
    check_out_dir(sources, args.out)
    batch = run(sources, settings)
    problems = publish(batch, args.out)
    summary = summarise(batch)
    for error in [*summary.errors, *problems]:
        print(f"error: {error}", file=sys.stderr)
    if not args.quiet:
        print(
            f"{summary.files_read} files read, {summary.files_changed} changed, "
            f"{summary.files_failed} failed; {summary.fixes} edits -> {args.out}/"
        )
        for count in summary.by_rule:
            print(f"  {count.rule.code} {count.rule.name:28} {count.fixes:6}")
    return Exit.FAILED if batch.failed or problems else Exit.OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(_run(args))
    except (ConfigError, OutputError) as error:
        print(f"pipeline: error: {error}", file=sys.stderr)
        return int(Exit.USAGE)


if __name__ == "__main__":
    sys.exit(main())
