"""Reports, one module per format, each rendering the same batch of records."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.executor import fork_map
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


def render_all(batch: BatchResult, jobs: int = 1) -> dict[str, str]:
    """Every report's text, by file name; `jobs` processes render them side by side."""
    names = list(REPORTS)
    texts = fork_map(lambda name: REPORTS[name](batch), names, jobs)
    return dict(zip(names, texts, strict=True))
