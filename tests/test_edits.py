from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.edits import (
    Edit,
    Kind,
    LineIndex,
    Locator,
    Rule,
    _applied_in_python,
    apply_edits,
    non_overlapping,
    propose,
    replay,
)

RULE = Rule("T001", "test", "test", "A test rule.", "a", "b")
OTHER = Rule("T002", "other", "other", "Another stage's rule.", "a", "b")


def edit(
    text: str, start: int, end: int, after: str, rule: Rule = RULE, kind: Kind = Kind.FIX
) -> Edit:
    return propose(text, start, end, after, rule, confidence=1.0, message="", kind=kind)


def test_apply_edits_in_any_order() -> None:
    text = "abcdef"
    edits = [edit(text, 4, 5, "E"), edit(text, 0, 1, "A"), edit(text, 2, 2, "-")]
    assert apply_edits(text, edits) == "Ab-cdEf"


def test_suggestions_are_not_applied() -> None:
    text = "abc"
    assert apply_edits(text, [edit(text, 0, 1, "X", kind=Kind.SUGGESTION)]) == "abc"


def test_overlapping_edits_are_refused() -> None:
    text = "abcdef"
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits(text, [edit(text, 0, 3, "x"), edit(text, 2, 4, "y")])


def test_stale_edit_is_refused() -> None:
    with pytest.raises(ValueError, match="does not match"):
        apply_edits("xyz", [edit("abc", 0, 1, "A")])


def test_locator_maps_through_stages() -> None:
    original = "ab\ncd\nef"
    locator = Locator()
    first = [edit(original, 0, 3, "")]  # removes "ab\n"
    locator.push(first)
    middle = apply_edits(original, first)  # "cd\nef"
    assert middle[3] == original[6] == "e"
    assert locator.original_offset(3) == 6


def test_offset_inside_a_replacement_maps_to_its_start() -> None:
    original = "a\u00e2\u20ac\u2122b"
    locator = Locator()
    locator.push([edit(original, 1, 4, "\u2019")])
    assert locator.original_offset(1) == 1
    assert locator.original_offset(2) == 4


# A stage's edits drawn as (start, length, replacement), placed in whatever text it reads.
STAGE = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 3), st.text("xyz", max_size=3)), max_size=5
)


@given(st.text("ab c\n", max_size=40), st.lists(STAGE, max_size=4))
def test_a_character_no_stage_replaced_maps_back_to_where_it_stood(
    original: str, stages: list[list[tuple[int, int, str]]]
) -> None:
    """Through any stages of edits, each character of the output that no stage wrote is
    found again at the offset the locator gives it, as are the original's characters at
    the edits' own starts, each stage's output read in the original."""
    text, source = original, list(range(len(original)))  # source: each character's origin
    locator = Locator()
    for drawn in stages:
        edits = non_overlapping(
            edit(text, start, start + length, after)
            for start, length, after in drawn
            if start + length <= len(text)
        )
        origin: list[int | None] = []
        cursor = 0
        for e in edits:
            origin += source[cursor : e.start] + [None] * len(e.after)
            cursor = e.end
        origin += source[cursor:]
        text, source = apply_edits(text, edits), origin
        locator.push(edits)
        at = locator.original_offsets(list(range(len(text) + 1)))
        assert at == [locator.original_offset(o) for o in range(len(text) + 1)]
        for offset, came_from in enumerate(source):
            if came_from is not None:
                assert at[offset] == came_from
        assert at[len(text)] == len(original)


# Edits drawn anywhere, overlapping or not, matching their text or not, fixes or not.
ANY_EDITS = st.lists(
    st.tuples(
        st.integers(0, 12),
        st.integers(-2, 4),
        st.text("ab\u00e9", max_size=2),
        st.text("xy\U0001f600", max_size=2),
        st.sampled_from([Kind.FIX, Kind.SUGGESTION]),
    ),
    max_size=5,
)


@given(st.text("ab \u00e9\U0001f600", max_size=10), ANY_EDITS)
def test_the_core_applies_edits_as_python_does(
    text: str, drawn: list[tuple[int, int, str, str, Kind]]
) -> None:
    """The same text, or the same refusal, from the core as from Python's slicing; and a
    locator that applies them records what `push` records."""
    edits = [
        Edit(start, max(0, start + length), before, after, RULE, 1.0, "", kind)
        for start, length, before, after, kind in drawn
    ]
    try:
        expected: str | Exception = _applied_in_python(text, edits)
    except ValueError as error:
        expected = error
    locator, pushed = Locator(), Locator()
    for apply in (lambda: apply_edits(text, edits), lambda: locator.apply(text, edits)):
        if isinstance(expected, Exception):
            with pytest.raises(ValueError) as refused:
                apply()
            assert str(refused.value) == str(expected)
        else:
            assert apply() == expected
    if not isinstance(expected, Exception):
        pushed.push(edits)
        ends = list(range(len(expected) + 1))
        assert locator.original_offsets(ends) == pushed.original_offsets(ends)


def test_a_text_the_core_cannot_hold_is_applied_in_python() -> None:
    text = "a\ud800b"  # a lone surrogate: no UTF-8
    edits = [edit(text, 2, 3, "B")]
    locator = Locator()
    assert apply_edits(text, edits) == locator.apply(text, edits) == "a\ud800B"
    assert locator.original_offset(3) == 3


def test_replay_applies_stage_by_stage() -> None:
    original = "a  b"
    first = [edit(original, 1, 3, " ")]
    middle = apply_edits(original, first)
    second = [edit(middle, 3, 3, ".", OTHER)]
    assert replay(original, first + second) == "a b."


@given(
    pieces=st.lists(st.sampled_from(["a", "b", "\n", "\r", " ", "\u00e9", "\ud800", "\U0001f600"])),
    data=st.data(),
)
def test_a_line_index_reads_lines_at_line_feeds_from_one(pieces: list[str], data: Any) -> None:
    """Lines and columns count code points from 1, a lone surrogate one as any character is;
    an offset past the end lies on the last line."""
    text = "".join(pieces)
    offsets = data.draw(st.lists(st.integers(0, len(text) + 3), max_size=12))

    def by_hand(offset: int) -> tuple[int, int]:
        line_start = text.rfind("\n", 0, offset) + 1
        return text.count("\n", 0, offset) + 1, offset - line_start + 1

    assert LineIndex(text).positions(offsets) == [by_hand(offset) for offset in offsets]
