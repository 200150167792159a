from __future__ import annotations

from pathlib import Path, PurePosixPath

from pipeline.report import render
from pipeline.runner import BatchResult, FileResult, Source
from tests.report.conftest import result_for


def test_summary_table_and_diff_blocks(batch: BatchResult) -> None:
    text = render(batch, "report.md")
    assert "| Q001 | double-quote-style | quotes |" in text
    assert "<details><summary>a.txt: " in text
    assert "```diff\n--- a/a.txt" in text
    assert "clean.txt" not in text
    assert "- gone.txt: no such file or folder" in text


def test_a_big_batch_stays_within_a_pull_request_comment() -> None:
    results = tuple(
        result_for(f"f{i:03}.txt", "".join(f"line {j}  here,glued\n" for j in range(30)))
        for i in range(300)
    )
    text = render(BatchResult(results, ()), "report.md")
    assert len(text) <= 65_536
    assert "<details><summary>f000.txt: " in text
    assert "more are not" in text and "report.html" in text
    assert "## Most frequent changes" in text


def test_fence_outgrows_backticks_in_the_text() -> None:
    result = result_for("ticks.txt", "code ```x```  here\n")
    text = render(BatchResult((result,), ()), "report.md")
    assert "````diff" in text


def test_unchanged_batch_has_no_file_sections() -> None:
    clean = FileResult(Source(Path("c.txt"), PurePosixPath("c.txt")), "ok\n", "ok\n")
    assert "<details>" not in render(BatchResult((clean,), ()), "report.md")
