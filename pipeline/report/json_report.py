"""JSON: every edit with its place, rule, stage and confidence, for tools.

`start`/`end` index the text the edit's stage saw; `pipeline.edits.replay`
applies a file's edits in order to its input and gives its output.  Written
file by file and edit by edit (one line each, with the C encoder), so a
batch or a file of any size streams through.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from json.encoder import encode_basestring

from pipeline import _core
from pipeline.edits import Edit
from pipeline.report.edit_view import edit_record
from pipeline.report.summary import Summary

FORMAT_VERSION = 2  # its schema is pipeline/schemas/report.schema.json
FILE_SEPARATOR = ",\n"


# One encoder for every record: `json.dumps` with an option builds a new one per call,
# which cost a third of the time of writing the edits.
_dumps = json.JSONEncoder(ensure_ascii=False).encode
_string = encode_basestring  # a str as JSON, as `_dumps` writes one (ensure_ascii off)


def head(summary: Summary) -> str:
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
        "by_stage": [
            {"stage": s.stage, "fixes": s.fixes, "suggestions": s.suggestions}
            | ({"seconds": round(s.seconds, 6)} if summary.timed else {})
            for s in summary.by_stage
        ],
    }
    return (
        f'{{"version": {FORMAT_VERSION},\n"summary": {_dumps(totals)},\n'
        f'"errors": {_dumps(list(summary.errors))},\n'
        f'"skipped": {_dumps(list(summary.skipped))},\n"files": [\n'
    )


TAIL = "\n]}\n"


def file_open(path: str, encoding: str, assumed: bool) -> str:
    """A file's record up to its edits: `{"path": ..., "edits": [`."""
    fields = {"path": path, "encoding": encoding, "encoding_assumed": assumed}
    return _dumps(fields)[:-1] + ', "edits": ['


def edit_lines(path: str, edits: Sequence[Edit], first: bool) -> bytes:
    """Edits one per line, as UTF-8 (surrogates escaped); `first` when none of the file's
    came before.  The core writes them (`_core.edit_json_lines`, straight to bytes: the
    edits are most of report.json), or, for a piece it leaves to Python, `_edit_line`."""
    if not edits:
        return b""
    shown = _string(path)
    lines = _core.edit_json_lines(shown, edits)
    if lines is None:
        text = ",\n".join(_edit_line(shown, path, e) for e in edits)
        lines = text.encode("utf-8", errors="surrogateescape")
    return (b"\n" if first else b",\n") + lines


def _edit_line(shown_path: str, path: str, e: Edit) -> str:
    """`_dumps(edit_record(path, e))`, written field by field: a third of the time, and the
    edits are most of report.json (tests check the two agree)."""
    confidence = e.confidence
    if not (type(confidence) is float and math.isfinite(confidence)) or e.id is None:
        return _dumps(edit_record(path, e))
    s = _string
    return (
        f'{{"id": {s(e.id)}, "path": {shown_path}, "line": {e.line:d}, "column": {e.column:d}, '
        f'"start": {e.start:d}, "end": {e.end:d}, "before": {s(e.before)}, '
        f'"after": {s(e.after)}, "rule": {s(e.rule.code)}, "name": {s(e.rule.name)}, '
        f'"stage": {s(e.stage)}, "kind": {s(e.kind)}, "confidence": {confidence!r}, '
        f'"message": {s(e.message)}}}'
    )


def file_close(any_edits: bool, changed: bool, error: str | None) -> str:
    fields = _dumps({"changed": changed, "error": error})
    return ("\n" if any_edits else "") + "], " + fields[1:]
