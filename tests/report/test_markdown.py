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


def test_suggestions_are_marked_in_the_most_frequent_changes() -> None:
    """The committed sample: a split of a name is only suggested, and says so."""
    report = (Path(__file__).resolve().parents[2] / "output" / "report.md").read_text()
    frequent = report.split("## Most frequent changes")[1].split("\n\n")[1]
    rows = [row for row in frequent.splitlines() if "Kazin" in row or "Ramaz" in row]
    assert rows and all("(suggested)" in row for row in rows)


def test_a_quotes_spacing_is_shown_with_its_quote() -> None:
    result = result_for("q.txt", "They said «We go»now, and «we stay»then.\n")
    frequent = render(BatchResult((result,), ()), "report.md").split("## Most frequent")[1]
    q003 = [row for row in frequent.splitlines() if "| Q003" in row]
    assert q003 and all('"' in row.split("</code>")[0] for row in q003)


def test_control_characters_around_an_edit_are_escaped() -> None:
    result = result_for("c.txt", "Bell \x07 and escape \x1b[2J here,glued and more\n")
    text = render(BatchResult((result,), ()), "report.md")
    assert "\x07" not in text and "\x1b" not in text
    assert "<U+001B>" in text


def test_a_batch_of_one_file_and_one_edit_is_worded_in_the_singular() -> None:
    result = result_for("one.txt", "thisis it\n")
    text = render(BatchResult((result,), ()), "report.md")
    assert "1 file read" in text and "1 edit applied, 0 suggestions." in text
    assert "<details><summary>one.txt: 1 edit</summary>" in text
