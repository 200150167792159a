from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.report import render, unified
from pipeline.runner import BatchResult
from tests.report.conftest import result_for


def test_missing_final_newline_is_marked() -> None:
    result = result_for("x.txt", "a,b")
    diff = unified.file_diff("x.txt", result.original, result.cleaned)
    assert "-a,b\n\\ No newline at end of file\n+a, b\n" in diff


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
