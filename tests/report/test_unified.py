from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.report import render, unified
from pipeline.runner import BatchResult
from tests.report.conftest import result_for


def test_missing_final_newline_is_marked() -> None:
    result = result_for("x.txt", "one,two")
    diff = unified.file_diff("x.txt", result.original, result.cleaned)
    assert "-one,two\n\\ No newline at end of file\n+one, two\n" in diff


def test_only_lf_splits_lines() -> None:
    result = result_for("x.txt", "a\x0cb  c\n")
    diff = unified.file_diff("x.txt", result.original, result.cleaned)
    assert diff.count("\n-") == 1


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
def test_patch_applies(batch: BatchResult, tmp_path: Path) -> None:
    for result in batch.files:
        (tmp_path / result.source.relative).write_text(result.original, encoding="utf-8")
    (tmp_path / "changes.diff").write_text(render(batch, "changes.diff"), encoding="utf-8")
    subprocess.run(["patch", "-s", "-p1", "-i", "changes.diff"], cwd=tmp_path, check=True)
    for result in batch.files:
        assert (tmp_path / result.source.relative).read_text(encoding="utf-8") == result.cleaned


def _apply(original: str, diff: str) -> str:
    """A diff's hunks applied to `original` (the lines starting - or space must match)."""
    lines = unified._lines(original)
    out: list[str] = []
    at = 0
    last = ""
    for line in diff.splitlines(keepends=True):
        if line.startswith("@@"):
            start = int(line.split()[1][1:].split(",")[0])
            length = line.split()[1].split(",")
            begin = start - 1 if len(length) == 1 or int(length[1]) else start
            out += lines[at:begin]
            at = begin
        elif line.startswith((" ", "-")):
            assert lines[at].rstrip("\n") == line[1:].rstrip("\n")
            if line.startswith(" "):
                out.append(lines[at])
            at += 1
        elif line.startswith("+"):
            out.append(line[1:])
        elif line.startswith("\\") and last in " +":
            out[-1] = out[-1].rstrip("\n")
        last = line[:1]
    return "".join(out + lines[at:])


@pytest.mark.parametrize(
    "text",
    [
        "One thepress line.\n\nTwo lines\nof the text  here.\n"
        + "Plain line.\n" * 12
        + "Last ofthe",
        "Opening line.\n\n\n\nAfter three blank lines,said he.\n",
        "one,two",
        "First ,line.\nAn unchanged last line",  # context without a final newline
    ],
)
def test_hunks_from_the_edits_rebuild_the_output(text: str) -> None:
    result = result_for("x.txt", text)
    from_edits = unified.hunks(result.original, result.cleaned, edits=result.edits)
    assert (
        unified.changed_blocks(
            unified._lines(result.original), unified._lines(result.cleaned), result.edits
        )
        is not None
    ), "the edits say which lines changed"
    assert _apply(result.original, from_edits) == result.cleaned
    assert from_edits == unified.hunks(result.original, result.cleaned)  # as difflib has it


def test_edits_that_do_not_account_for_the_lines_fall_back_to_aligning_them() -> None:
    assert unified.changed_blocks(["a\n", "b\n"], ["a\n", "c\n"], []) is None
    assert unified.hunks("a\nb\n", "a\nc\n", edits=[]) == "@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
