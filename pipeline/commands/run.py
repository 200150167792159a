"""`pipeline run`: a folder cleaned into an output folder, with its reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from pipeline.batch.progress import for_stream
from pipeline.commands import common
from pipeline.commands.common import DEFAULT_SOURCE, Exit
from pipeline.config import ConfigError
from pipeline.files.names import shown
from pipeline.files.sources import STDIN
from pipeline.report.summary import StageCount
from pipeline.runner import find_sources
from pipeline.wording import count


def command(args: argparse.Namespace) -> Exit:
    # Imported here: writing an output folder is `run`'s alone, and `check` starts faster.
    from pipeline.batch import manifest
    from pipeline.batch.publish import check_out_dir, publish

    if args.address and args.executor != "ray":
        raise ConfigError("--address names a Ray cluster: give --executor ray too")
    settings = replace(common.settings_of(args), timings=args.timings)
    sources = common.sources_of(args, settings, DEFAULT_SOURCE)
    if STDIN in sources:
        raise ConfigError("`run` writes files; use `pipeline fix -` to filter standard input")
    check_out_dir(sources, args.out)
    found = find_sources(sources, settings)
    if not found.found:
        common.report(args, found.errors, found.skipped, [])
        common.nothing_matched(settings)
        return Exit.FAILED
    reuse = not args.force
    unread = manifest.Inputs.unread(settings)  # the run takes the hashes from what it reads
    inputs: manifest.Inputs | None = unread
    try:
        if reuse and manifest.reusable(args.out, unread):
            inputs = manifest.Inputs.of(found.found, settings)
        if reuse and not found.errors and manifest.up_to_date(args.out, inputs):
            common.say(
                args, f"{shown(args.out)}/ is up to date: no source or setting changed (--force)"
            )
            return Exit.OK
    except manifest.Unusable as error:
        common.say(args, f"note: {error.note()}")
        reuse = False
    with common.executor_of(args) as executor:
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
        common.say(args, f"note: {note}")
    common.decisions_matched(args, settings, published.summary.decided)
    summary = published.summary
    common.report(args, summary.errors, summary.skipped, published.files)
    for problem in published.problems:
        print(f"error: {problem}", file=sys.stderr)
    if not args.quiet:
        rejected = f", {summary.rejected} rejected" if summary.rejected else ""
        reused = f" ({published.reused} reused from the last run)" if published.reused else ""
        print(
            f"{count(summary.files_read, 'file')} read{reused}, {summary.files_changed} changed, "
            f"{summary.files_failed} failed; {count(summary.fixes, 'edit')} made, "
            f"{count(summary.suggestions, 'suggestion')}{rejected} -> {shown(args.out)}/"
        )
        for by_rule in summary.by_rule:
            suggested = f" (+{by_rule.suggestions} suggested)" if by_rule.suggestions else ""
            print(f"  {by_rule.rule.code} {by_rule.rule.name:30} {by_rule.fixes:6}{suggested}")
        print(_time_by_stage(summary.by_stage))
    return Exit.FAILED if published.failed else Exit.OK


def _time_by_stage(stages: Sequence[StageCount]) -> str:
    """Where the cleaning's time went, stage by stage: `joins 2.1 s (61%)`."""
    total = sum(stage.seconds for stage in stages) or 1.0
    shares = (f"{s.stage} {s.seconds:.2f} s ({s.seconds / total:.0%})" for s in stages)
    return f"time by stage: {', '.join(shares)}"
