"""HTML: one standalone page, every change in context with its whitespace made visible.

Written in parts as the batch streams through: a head (the summary), an index
row and a section per file with edits, and the tail.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from pipeline.edits import Edit, Kind
from pipeline.report.summary import FileView, Summary, visible


@cache
def _macros() -> Any:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,  # every piece of input text is escaped
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("report.html.j2").module


def edit_view(edit: Edit, left: str, right: str) -> dict[str, object]:
    return {
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


def head(summary: Summary) -> str:
    return str(_macros().head(summary))


def index_row(view: FileView, index: str) -> str:
    return str(_macros().index_row(view, index))


def section(view: FileView, index: str) -> str:
    return str(_macros().section(view, index))


def middle() -> str:
    """Between the index and the sections."""
    return str(_macros().index_end())


def tail() -> str:
    return str(_macros().tail())
