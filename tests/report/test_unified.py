from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import _core
from pipeline.edits import Kind
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
    core = _core.edit_hunks(result.original, result.cleaned, 0, 0, result.edits, Kind.FIX)
    assert core == from_edits, "the core writes them"


def test_edits_that_do_not_account_for_the_lines_fall_back_to_aligning_them() -> None:
    assert unified.changed_blocks(["a\n", "b\n"], ["a\n", "c\n"], []) is None
    assert unified.hunks("a\nb\n", "a\nc\n", edits=[]) == "@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


# Damage of every kind the stages repair, line breaks among it: the hunks' lines move.
PIECES = st.sampled_from(
    [
        "thepress",
        " said",
        "«quoted»",
        " ,comma",
        "  spaces ",
        "\n",
        "\n\n",
        "Plain line.\n",
        "signi cant",
        "well- being",
        "\u00e2\u20ac\u2122",
        "\x07",
        "end",
    ]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, before=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_the_cores_hunks_are_pythons(text: str, before: tuple[int, int]) -> None:
    """`hunks` from the core (`hunks.rs`) is, byte for byte, what Python's `python_hunks` writes
    from the same edits, and a patch of it rebuilds the output."""
    result = result_for("x.txt", text)
    python = unified.python_hunks(result.original, result.cleaned, before, result.edits)
    core = _core.edit_hunks(result.original, result.cleaned, *before, result.edits, Kind.FIX)
    assert core is None or core == python
    if before == (0, 0) and core is not None:
        assert _apply(result.original, core) == result.cleaned


def test_the_core_leaves_what_it_cannot_say_to_python() -> None:
    """Edits that do not account for the lines (difflib aligns them then), and text with a
    lone surrogate (no UTF-8), are Python's."""
    assert _core.edit_hunks("a\nb\n", "a\nc\n", 0, 0, [], Kind.FIX) is None
    assert unified.hunks("a\nb\n", "a\nc\n", edits=[]) == "@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
    lone = "x\ud800 thepress\n"
    result = result_for("x.txt", lone)
    assert _core.edit_hunks(result.original, result.cleaned, 0, 0, result.edits, Kind.FIX) is None
    python = unified.python_hunks(result.original, result.cleaned, (0, 0), result.edits)
    assert unified.hunks(result.original, result.cleaned, edits=result.edits) == python
