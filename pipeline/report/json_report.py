"""JSON: every edit with its place, rule, stage and confidence, for tools.

`start`/`end` index the text the edit's stage saw; `pipeline.edits.replay`
applies a file's edits in order to its input and gives its output.
"""

from __future__ import annotations

import json

from pipeline.names import shown
from pipeline.report.summary import edit_record, summarise
from pipeline.runner import BatchResult, FileResult

FORMAT_VERSION = 1


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _file(result: FileResult) -> str:
    """One file's record: its fields on one line, then one line per edit.

    Rendered piece by piece with the C encoder (an indented dump goes through
    the pure-Python one, ten times slower on a file with 100,000 edits).
    """
    path = shown(result.source.relative)
    head = {
        "path": path,
        "encoding": result.encoding,
        "encoding_assumed": result.encoding_assumed,
        "changed": result.changed,
        "error": result.error,
    }
    edits = ",\n".join(_dumps(edit_record(path, e)) for e in result.edits)
    body = f"\n{edits}\n" if edits else ""
    return _dumps(head)[:-1] + f', "edits": [{body}]}}'


def render(batch: BatchResult) -> str:
    summary = summarise(batch)
    totals = {
        "files_read": summary.files_read,
        "files_changed": summary.files_changed,
        "files_failed": summary.files_failed,
        "fixes": summary.fixes,
        "suggestions": summary.suggestions,
        "by_rule": [
            {
                "rule": c.rule.code,
                "name": c.rule.name,
                "stage": c.rule.stage,
                "fixes": c.fixes,
                "suggestions": c.suggestions,
            }
            for c in summary.by_rule
        ],
    }
    files = ",\n".join(_file(f) for f in batch.files)
    return (
        f'{{"version": {FORMAT_VERSION},\n"summary": {_dumps(totals)},\n'
        f'"errors": {_dumps(list(summary.errors))},\n'
        f'"skipped": {_dumps(list(summary.skipped))},\n"files": [\n{files}\n]}}\n'
    )
