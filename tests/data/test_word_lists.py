"""Lint the shipped word lists: each is sorted, unique, lower case, one entry a line."""

from __future__ import annotations

from importlib.resources import files

import pytest

LISTS = sorted(p.name for p in files("pipeline.data").iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", LISTS)
def test_word_list_is_tidy(name: str) -> None:
    lines = files("pipeline.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries, "empty list"
    assert entries == sorted(entries), "not sorted"
    assert len(entries) == len(set(entries)), "duplicates"
    assert all(e == e.strip().lower() and " " not in e for e in entries), "not one lower-case word"
    assert lines[0].startswith("#"), "no header saying what the list is for"
