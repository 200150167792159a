"""`pipeline check`: the stages as a linter, compared with a baseline of accepted findings."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from pipeline.check import baseline as baselines
from pipeline.check.findings import checked_paths, failing, findings, statistics
from pipeline.check.formats import FORMATS, Style
from pipeline.commands import common
from pipeline.commands.common import HERE, Exit
from pipeline.config import Config
from pipeline.files.names import shown
from pipeline.report import render
from pipeline.wording import count


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


def command(args: argparse.Namespace) -> Exit:
    settings = replace(common.settings_of(args), gitignore=True)
    baseline_path = _baseline_path(args, settings)
    batch = common.batch_of(args, settings, common.sources_of(args, settings, HERE))
    common.report_problems(args, batch)
    if not batch.files and not batch.errors:
        common.nothing_matched(settings)
        return Exit.FAILED
    common.decisions_matched(args, settings, common.matched(batch, settings))
    found = findings(batch, settings.check, settings.root, settings.flag_at)
    if args.write_baseline:
        baselines.write(args.write_baseline, baselines.of_findings(found))
        common.say(args, f"wrote {count(len(found), 'finding')} to {shown(args.write_baseline)}")
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
        for code, name, hits, suggestions in statistics(comparison.new):
            kind = " [suggestion]" if suggestions else ""
            print(f"{hits:6}  {code}  {name}{kind}")
    else:
        sys.stdout.write(FORMATS[args.format](comparison, Style(_colour(args.color))))
    if args.output:
        from pipeline.batch.publish import stale

        for difference in stale(batch, args.output):
            print(f"stale: {difference}", file=sys.stderr)
            failed = True
    pruned = False
    if args.prune_baseline and baseline_path and accepted is not None:
        if batch.failed or new_failing:
            common.say(args, "baseline not pruned: the check did not pass")
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
    line = f"{count(len(new), 'new finding')}, {count(suggestions, 'new suggestion')}"
    if baseline_path:
        line += f", {len(comparison.known)} in the baseline"
        if comparison.unmatched:
            match = "no longer matches" if len(comparison.unmatched) == 1 else "no longer match"
            verb = "dropped from it" if pruned else f"{match} (--prune-baseline drops them)"
            unmatched = len(comparison.unmatched)
            entries = "baseline entry" if unmatched == 1 else "baseline entries"
            line += f"; {unmatched} {entries} {verb}"
    print(line, file=sys.stderr)
