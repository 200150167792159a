"""The whitespace stage beyond the cases of its rules (`cases/whitespace.toml`)."""

from __future__ import annotations

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import whitespace


def cleaned(text: str) -> str:
    return apply_edits(text, whitespace.find(text, Config()))


def test_one_edit_per_run_names_every_change() -> None:
    edits = whitespace.find("a \r\n\r\n\r\n\r\nb\n", Config())
    assert len(edits) == 1
    assert edits[0].rule.code == "W007"
    assert "trailing-space" in edits[0].message and "line-ending" in edits[0].message


def test_only_whitespace_becomes_empty() -> None:
    assert cleaned(" \n\t \n") == ""
