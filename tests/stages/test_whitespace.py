from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import whitespace


def cleaned(text: str) -> str:
    return apply_edits(text, whitespace.find(text, Config()))


@pytest.mark.parametrize(
    ("before", "after", "code"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n", "W001"),
        ("10\u00a0km and\u20095\n", "10 km and 5\n", "W002"),
        ("a\tb\n", "a b\n", "W002"),
        ("co\u00adop\u200beration\n", "cooperation\n", "W003"),
        ("a   b\n", "a b\n", "W004"),
        ("end.   \nnext\n", "end.\nnext\n", "W005"),
        ("  \n Text\n", "Text\n", "W006"),
        ("a\n\n\n\nb\n", "a\n\nb\n", "W007"),
        ("a\n  \n\t\n\nb\n", "a\n\nb\n", "W007"),
        ("end.\n\n\n", "end.\n", "W008"),
        ("end.", "end.\n", "W008"),
        ("end.   ", "end.\n", "W008"),
        ("end.   \n", "end.\n", "W005"),  # trailing spaces on the last line
    ],
)
def test_repairs(before: str, after: str, code: str) -> None:
    edits = whitespace.find(before, Config())
    assert apply_edits(before, edits) == after
    assert code in {e.rule.code for e in edits}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One line.\n",
        "Para one.\n\nPara two.\n",
        "A poem\n    indented line\n\tand a tab-indented one\n",
        "emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 family\n",  # ZWJ sequences stay
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\n",  # Persian ZWNJ stays
    ],
)
def test_leaves_clean_text_alone(text: str) -> None:
    assert whitespace.find(text, Config()) == []


def test_one_edit_per_run_names_every_change() -> None:
    edits = whitespace.find("a \r\n\r\n\r\n\r\nb\n", Config())
    assert len(edits) == 1
    assert edits[0].rule.code == "W007"
    assert "trailing-space" in edits[0].message and "line-ending" in edits[0].message


def test_only_whitespace_becomes_empty() -> None:
    assert cleaned(" \n\t \n") == ""
