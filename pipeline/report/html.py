"""HTML: one standalone page, every change in context with its whitespace made visible."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from pipeline.edits import Kind, LineIndex
from pipeline.names import shown
from pipeline.report.summary import LISTED_PER_FILE, context, reading_order, summarise, visible
from pipeline.runner import BatchResult, FileResult


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,  # every piece of input text is escaped
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("report.html.j2")


def _file_view(result: FileResult) -> dict[str, Any]:
    edits = []
    lines = LineIndex(result.original)
    for edit in reading_order(result.edits)[:LISTED_PER_FILE]:
        left, right = context(result.original, edit, lines)
        edits.append(
            {
                "line": edit.line,
                "column": edit.column,
                "code": edit.rule.code,
                "name": edit.rule.name,
                "left": left,
                "right": right,
                "before": visible(edit.before),
                "after": visible(edit.after),
                "confidence": edit.confidence,
                "message": edit.message,
                "suggestion": edit.kind is Kind.SUGGESTION,
            }
        )
    suggestions = sum(1 for e in result.edits if e.kind is Kind.SUGGESTION)
    return {
        "path": shown(result.source.relative),
        "encoding": result.encoding,
        "assumed": result.encoding_assumed,
        "edits": edits,
        "unlisted": len(result.edits) - len(edits),
        "fixes": len(result.edits) - suggestions,
        "suggestions": suggestions,
    }


def render(batch: BatchResult) -> str:
    return _template().render(summary=summarise(batch), files=[_file_view(f) for f in batch.files])
