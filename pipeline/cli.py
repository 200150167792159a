"""Command line: argument parsing and exit codes only; each command's work is its module's in
`pipeline.commands`, imported when it is asked for (`check` starts faster without `run`'s)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from pipeline import __version__
from pipeline.batch.executor import default_jobs
from pipeline.check import baseline as baselines
from pipeline.check.formats import FORMATS
from pipeline.commands.common import DEFAULT_OUT, DEFAULT_SOURCE, Exit
from pipeline.config import ConfigError
from pipeline.files import OutputError
from pipeline.stages import stage_names
from pipeline.stages.quotes import QuotesOptions, QuoteStyle


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    default_paths: str,
) -> argparse.ArgumentParser:
    """A command that cleans files: its parser, with the flags every such command takes."""
    parser = commands.add_parser(name, help=summary)
    _common(parser, default_paths)
    return parser


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
    run_parser = _command(
        commands,
        "run",
        "clean a folder of text into an output folder, with a diff report",
        f"{DEFAULT_SOURCE}/",
    )
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
        "--timings",
        action="store_true",
        help="record each stage's seconds in report.json (two runs' reports then differ)",
    )
    run_parser.add_argument(
        "--force",
        action="store_true",
        help="clean again even if the output folder holds a run of these very sources",
    )

    check = _command(
        commands,
        "check",
        "report text defects like a linter; exit 1 on findings not in the baseline",
        "the current folder; - reads standard input",
    )
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

    fix = _command(
        commands,
        "fix",
        "clean files in place (for pre-commit); exit 1 if any file changed",
        "the current folder; - filters standard input",
    )
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
        command = importlib.import_module(f"pipeline.commands.{args.command}").command
        return int(command(args))
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
