from __future__ import annotations

import pytest

from pipeline.edits import Edit, Kind, Locator, Rule, apply_edits, propose, replay

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


def test_replay_applies_stage_by_stage() -> None:
    original = "a  b"
    first = [edit(original, 1, 3, " ")]
    middle = apply_edits(original, first)
    second = [edit(middle, 3, 3, ".", OTHER)]
    assert replay(original, first + second) == "a b."
