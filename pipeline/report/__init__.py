"""Reports, one module per format, each rendering the same batch of records."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.report import html, json_report, markdown, unified
from pipeline.runner import BatchResult

Renderer = Callable[[BatchResult], str]

# File name at the top of the output folder -> how it is rendered.
REPORTS: dict[str, Renderer] = {
    "report.md": markdown.render,
    "report.html": html.render,
    "report.json": json_report.render,
    "changes.diff": unified.render,
}
