from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import unicode


def edits_for(text: str) -> list[tuple[str, str, str]]:
    return [(e.before, e.after, e.rule.code) for e in unicode.find(text, Config())]


@pytest.mark.parametrize(
    ("before", "after", "code"),
    [
        ("It\u00e2\u20ac\u2122s here\n", "It\u2019s here\n", "U001"),
        ("caf\u00c3\u00a9 au lait", "caf\u00e9 au lait", "U001"),
        ("\ufeffHello", "Hello", "U002"),
        ("bell\u0007 and \x1b[31mred\x1b[0m", "bell and red", "U002"),
        ("\ufb01nal \ufb02ow", "final flow", "U003"),
        ("AT&amp;T", "AT&T", "U003"),
        ("cafe\u0301", "caf\u00e9", "U003"),
    ],
)
def test_repairs(before: str, after: str, code: str) -> None:
    edits = unicode.find(before, Config())
    assert apply_edits(before, edits) == after
    assert {e.rule.code for e in edits} == {code}
    assert all(e.message.startswith("ftfy:") for e in edits)


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text.\n",
        "Caf\u00e9, na\u00efve, Babi\u0161, Ady\u0131yaman, \u041c\u043e\u0441\u043a\u0432\u0430\n",
        "\u201cCurly\u201d and \u00abguillemets\u00bb are the quote stage's\n",
        "Full-width \uff21\uff22\uff23 stays\n",
        "<p>AT&amp;T</p> has tags, so entities stay\n",
        "\u00c9l est\u00e1 aqu\u00ed\n",
    ],
)
def test_leaves_good_text_alone(text: str) -> None:
    assert edits_for(text) == []


def test_edits_are_local_to_the_damage() -> None:
    text = "first line is fine\nIt\u00e2\u20ac\u2122s broken\n"
    (edit,) = unicode.find(text, Config())
    assert text[edit.start : edit.end] == "\u00e2\u20ac\u2122"
    assert edit.start == text.index("\u00e2")
