from __future__ import annotations

from pipeline.report import render
from pipeline.runner import BatchResult


def test_input_text_is_escaped(batch: BatchResult) -> None:
    page = render(batch, "report.html")
    assert "<b>x</b>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_inserted_space_is_visible(batch: BatchResult) -> None:
    page = render(batch, "report.html")
    assert "<ins>\u2423</ins>" in page


def test_standalone_with_counts_and_errors(batch: BatchResult) -> None:
    page = render(batch, "report.html")
    assert "http" not in page  # nothing to fetch
    assert "Q001" in page and "double-quote-style" in page
    assert "gone.txt: no such file or folder" in page
    assert "clean.txt" not in page  # files without edits are not listed
