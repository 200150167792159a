"""HTML: one standalone review page (no network, no build step), written in parts.

The head holds the summary and the page's frame; each file with edits adds
one inert JSON block (`<script type="application/json">`) holding its edits
in context; the tail holds the script (`templates/review.js`) that groups the
edits, filters and searches them, renders a page of groups at a time, and
records the reviewer's accept/reject decisions for export as decisions.json.
Nothing is rendered row by row up front, so a batch of 20,000 changes loads
as fast as its JSON parses.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from pipeline.edits import Edit, Kind
from pipeline.report.edit_view import InContext
from pipeline.report.summary import FileView, Summary
from pipeline.stages import all_rules
from pipeline.wording import count

KINDS = {Kind.FIX: "f", Kind.SUGGESTION: "s", Kind.REJECTED: "r"}
SHOWN_ERRORS = 200  # errors and skipped files listed on the page; report.json has all


@cache
def _macros() -> Any:
    import jinja2  # only a run writes report.html: check and fix start without it

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,  # every piece of input text is escaped
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["count"] = count
    return environment.get_template("report.html.j2").module


@cache
def _asset(name: str) -> str:
    return (resources.files("pipeline.report") / "templates" / name).read_text(encoding="utf-8")


def inert_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no `<` (so no `</script>` or `<!--`),
    and ASCII only (a lone surrogate from an undecodable name stays a valid escape)."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")


def edit_row(edit: Edit, seen: InContext) -> list[object]:
    """One edit as the page reads it (see `review.js`, `FIELDS`)."""
    return [
        edit.id,
        edit.line,
        edit.column,
        edit.rule.code,
        KINDS[edit.kind],
        edit.confidence,
        edit.before,
        edit.after,
        seen.left,
        seen.right,
        seen.word_before,
        seen.word_after,
        edit.message,
    ]


def head(summary: Summary) -> str:
    rules = {r.code: [r.name, r.stage, r.summary] for r in all_rules()}
    data = {
        "files_read": summary.files_read,
        "files_changed": summary.files_changed,
        "files_failed": summary.files_failed,
        "fixes": summary.fixes,
        "suggestions": summary.suggestions,
        "errors": list(summary.errors[:SHOWN_ERRORS]),
        "errors_unlisted": max(0, len(summary.errors) - SHOWN_ERRORS),
        "skipped": list(summary.skipped[:SHOWN_ERRORS]),
        "rules": rules,
    }
    return str(_macros().head(summary, _asset("review.css"), inert_json(data)))


def file_part(view: FileView, anchor: str) -> str:
    """A file's edits, as an inert JSON block the page's script reads."""
    data = {
        "path": view.path,
        "anchor": anchor,
        "encoding": view.encoding,
        "assumed": view.assumed,
        "unlisted": view.unlisted,
        "edits": [],
    }
    # the rows are JSON already: put in where the empty list stands, last
    head = inert_json(data).removesuffix("[]}")
    rows = ",".join(view.html_rows)
    return f'<script type="application/json" class="file-edits">{head}[{rows}]}}</script>\n'


def tail() -> str:
    return f"<script>\n{_asset('review.js')}\n</script>\n</body>\n</html>\n"
