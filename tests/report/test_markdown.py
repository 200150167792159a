from __future__ import annotations

from pathlib import Path, PurePosixPath

from pipeline.report import render
from pipeline.runner import BatchResult, FileResult, Source
from tests.report.conftest import result_for


def test_summary_table_and_diff_blocks(batch: BatchResult) -> None:
    text = render(batch, "report.md")
    assert "| Q001 | double-quote-style | quotes |" in text
    assert "## a.txt" in text
    assert "```diff\n--- a/a.txt" in text
    assert "## clean.txt" not in text
    assert "- gone.txt: no such file or folder" in text


def test_long_diffs_are_folded() -> None:
    long_text = "".join(f"line {i}  here\n" for i in range(60))
    text = render(BatchResult((result_for("long.txt", long_text),), ()), "report.md")
    assert "<details><summary>Show the diff</summary>" in text


def test_fence_outgrows_backticks_in_the_text() -> None:
    result = result_for("ticks.txt", "code ```x```  here\n")
    text = render(BatchResult((result,), ()), "report.md")
    assert "````diff" in text


def test_unchanged_batch_has_no_file_sections() -> None:
    clean = FileResult(Source(Path("c.txt"), PurePosixPath("c.txt")), "ok\n", "ok\n")
    assert "##" not in render(BatchResult((clean,), ()), "report.md")
