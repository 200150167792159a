"""JSON: every edit with its place, rule, stage and confidence, for tools.

`start`/`end` index the text the edit's stage saw; `pipeline.edits.replay`
applies a file's edits in order to its input and gives its output.
"""

from __future__ import annotations

import json

from pipeline.report.summary import edit_record, summarise
from pipeline.runner import BatchResult

FORMAT_VERSION = 1


def render(batch: BatchResult) -> str:
    summary = summarise(batch)
    document = {
        "version": FORMAT_VERSION,
        "summary": {
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
        },
        "errors": list(summary.errors),
        "files": [
            {
                "path": f.source.relative.as_posix(),
                "encoding": f.encoding,
                "changed": f.changed,
                "error": f.error,
                "edits": [edit_record(f.source.relative.as_posix(), e) for e in f.edits],
            }
            for f in batch.files
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
