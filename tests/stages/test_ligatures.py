"""Lost ligatures: each case is text in, text out; the cases where the rule must not fire are
clean text the other readings explain."""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.config import Config
from pipeline.edits import Kind, apply_edits
from pipeline.stages import ligatures

REPAIRS = [
    ("a signi cant rise", "a significant rise"),  # inside a word
    ("the of ce was closed", "the office was closed"),
    ("the o cials said", "the officials said"),
    ("a butter y garden", "a butterfly garden"),
    ("the e ect of it", "the effect of it"),
    ("the rst time", "the first time"),  # a word that began with it
    ("The gures published today", "The figures published today"),
    ("Sta were told", "Staff were told"),  # a word that ended with it
    ("an Azerbaijani- agged ship", "an Azerbaijani- flagged ship"),
    ("SIGNI CANT", "SIGNIFICANT"),
]

LEFT_ALONE = [
    "of certain interest",  # `of` and `certain` are words
    "the AWS CLI and X",  # acronyms, not FLAWS, CLIFF and FIX
    "at time t the value",  # a lone letter is a variable
    "e x p l i c i t",  # letter-spaced text: its spaces are stray
    "the re-election",  # a prefix before a hyphen
    "see /sh i raz",  # a path
    "we've got it",  # after an apostrophe
    "These te rms are used",  # a stray space in `terms`
    "It is not the fi rst case",  # the ligature kept apart by a stray space
    "Di Maria scored",  # a name
]


def restored(text: str) -> str:
    edits = [e for e in ligatures.find(text, Config()) if e.kind is Kind.FIX]
    return apply_edits(text, edits)


@pytest.mark.parametrize(("before", "after"), REPAIRS)
def test_a_lost_ligature_is_restored(before: str, after: str) -> None:
    assert restored(before) == after


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_rule_does_not_fire_on_what_other_readings_explain(text: str) -> None:
    assert ligatures.find(text, Config()) == []


def test_each_restoration_is_one_recorded_edit_and_a_second_cleaning_changes_nothing() -> None:
    text = "The rst o cials of the of ce made a signi cant e ort.\n"
    once = clean(text)
    restorations = [e for e in once.edits if e.rule is ligatures.LOST_LIGATURE]
    assert [(e.before, e.after) for e in restorations] == [
        ("", "fi"),  # rst
        (" ", "ffi"),  # o cials
        (" ", "fi"),  # of ce
        (" ", "fi"),  # signi cant
        (" ", "ff"),  # e ort
    ]
    assert once.text == "The first officials of the office made a significant effort.\n"
    assert all(0.5 <= e.confidence <= 1.0 for e in restorations)
    assert clean(once.text).text == once.text


def test_the_stage_can_be_switched_off() -> None:
    config = Config().with_stages_disabled(("ligatures",))
    assert clean("a signi cant rise", config).text == "a signi cant rise\n"
