"""The quotes stage beyond the cases of its rules (`cases/quotes.toml`)."""

from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import quotes
from pipeline.stages.quotes import NAME, QuotesOptions, QuoteStyle


def cleaned(text: str, style: QuoteStyle = "ascii", spacing: bool = True) -> str:
    config = Config().with_options(NAME, QuotesOptions(style=style, spacing=spacing))
    return apply_edits(text, quotes.find(text, config))


def test_keep_style_only_fixes_spacing() -> None:
    assert cleaned("threats,\u00bbsaid", "keep") == "threats,\u00bb said"


def test_spacing_can_be_switched_off() -> None:
    assert cleaned("\u00ab We\u00bbsaid", spacing=False) == '" We"said'


def test_rules_are_reported() -> None:
    edits = quotes.find("threats,\u00bbsaid", Config())
    assert sorted(e.rule.code for e in edits) == ["Q001", "Q003"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("I dont think so", "I don't think so"),
        ("Dont go. DONT GO.", "Don't go. DON'T GO."),
        ("theyre here and youve seen it", "they're here and you've seen it"),
        ("the countrys economy, the companys plans", "the country's economy, the company's plans"),
        ("to everyones surprise", "to everyone's surprise"),
    ],
)
def test_a_lost_apostrophe_is_put_back(before: str, after: str) -> None:
    assert cleaned(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "its cant wont lets were well ill shed",  # words of their own
        "the days, the toys and Britains",  # plurals, or may be
        "pass dont_inherit=True or --dont-ask to dont.py",  # code
        "I don't think so",
        "in Caicos, whos e authorities",  # a piece of `whose`, for the words stage
    ],
)
def test_words_without_an_apostrophe_are_left(text: str) -> None:
    assert cleaned(text) == text


def test_a_lost_apostrophe_takes_the_style() -> None:
    assert cleaned("I dont know", style="curly") == "I don\u2019t know"
    assert cleaned("I dont know", style="keep") == "I don't know"


def test_forms_that_are_words_elsewhere_are_read_where_the_loss_is_shown() -> None:
    shown = "I dont know. Im sure hes here. Its a pity, its own fault. Jony Ive said Im Jong-il."
    assert cleaned(shown) == (
        "I don't know. I'm sure he's here. It's a pity, its own fault. Jony Ive said Im Jong-il."
    )
    # without a listed contraction, nothing shows the loss: `Im`, `its a` stay
    assert cleaned("Im sure its a pity.") == "Im sure its a pity."


def test_cant_and_wont_are_read_before_a_verb_where_the_loss_is_shown() -> None:
    shown = "I dont know. They cant pay and Sean wont come. The cant of it, as he was wont to."
    assert cleaned(shown) == (
        "I don't know. They can't pay and Sean won't come. The cant of it, as he was wont to."
    )
    assert cleaned("They cant pay.") == "They cant pay."  # nothing shows the loss
