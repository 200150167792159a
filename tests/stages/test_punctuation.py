from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import punctuation


def cleaned(text: str) -> str:
    return apply_edits(text, punctuation.find(text, Config()))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("organizations.Evidently, we", "organizations. Evidently, we"),
        ("cooperation,especially in", "cooperation, especially in"),
        ("Cayn,Somalia", "Cayn, Somalia"),
        ("first;second", "first; second"),
        ("in 2019,the", "in 2019, the"),
        ("Note:the thing", "Note: the thing"),
        ("What?No way", "What? No way"),
        ("Mr.Smith went", "Mr. Smith went"),
        ('"yes",and then', '"yes", and then'),
        ("However , it is . And", "However, it is. And"),
        ("Really ?", "Really?"),
    ],
)
def test_repairs(before: str, after: str) -> None:
    assert cleaned(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "the U.S. and the U.K. agreed",
        "e.g. this, i.e. that",
        "a Ph.D. from J. R. R. Tolkien",
        "3.14 and 1,000 at 4:00pm and 10:30",
        "see https://example.com/Path.Html?a=b,c and www.Site.org/X.Y",
        "write to a.b@example.com or mailto:someone",
        "McAfee.com, One.Tel, Booking.Com, Node.js, ver.di and report.pdf",
        "wait... what. And... Then",
        "System.Console.WriteLine(x) and a_b.Cd",
        "re:Invent and Portal:Current events",
        "std::vector and AT&amp;T",
        "happy :) and .NET apps",
        "#hashtag.Thing and @user.Name",
        "",
    ],
)
def test_leaves_traps_alone(text: str) -> None:
    assert cleaned(text) == text
