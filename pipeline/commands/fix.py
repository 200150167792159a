"""`pipeline fix`: files cleaned in place, or standard input filtered to standard output."""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace

from pipeline.commands import common
from pipeline.commands.common import HERE, Exit
from pipeline.files import InputError
from pipeline.files.inplace import encoded, rewrite, tidy
from pipeline.files.names import shown
from pipeline.files.sources import STDIN
from pipeline.report.unified import file_diff
from pipeline.runner import FileResult


def command(args: argparse.Namespace) -> Exit:
    """Rewrite each changed source in place: only ever on the user's explicit request."""
    settings = replace(common.settings_of(args), gitignore=True)
    batch = common.batch_of(args, settings, common.sources_of(args, settings, HERE))
    if not batch.files and not batch.errors:
        common.nothing_matched(settings)
        return Exit.FAILED
    common.report_problems(args, batch)
    common.decisions_matched(args, settings, common.matched(batch, settings))
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
        common.say(args, f"fixed {shown(result.source.path)} ({len(result.fixes)} edits)")
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
