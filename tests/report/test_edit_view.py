from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.config import Config
from pipeline.report.edit_view import Made, context, contexts, narrowed
from pipeline.stages.quotes import QuotesOptions


def test_an_edit_is_shown_with_its_line_and_the_words_it_touches() -> None:
    text = "First line here.\nthe pressreleased it\nlast\n"
    cleaned = clean(text)
    (split,) = [e for e in cleaned.edits if e.rule.code.startswith("J")]
    seen = context(text, split)
    assert (seen.left, seen.right) == ("the press", "released it")
    assert (seen.word_before, seen.word_after) == ("pressreleased", "press released")
    short = narrowed(seen, 4)
    assert (short.left, short.right, short.word_after) == ("ress", "rele", "press released")


def test_an_edit_is_shown_in_the_text_its_stage_met() -> None:
    """The unicode stage repairs the mojibake first; the quotes stage then restyles the ’
    it made, which the original does not hold."""
    text = "So It\u00e2\u20ac\u2122s here, they said.\n"
    config = Config().with_options("quotes", QuotesOptions(style="ascii"))
    edits = list(clean(text, config).edits)
    (restyled,) = [e for e in edits if e.rule.code == "Q002"]
    order = edits.index(restyled)
    alone = context(text, restyled, None, order)
    seen = context(text, restyled, Made(text, edits), order)
    assert not alone.right.startswith("s here")  # the original garbles it
    assert (seen.left, seen.right) == ("So It", "s here, they said.")
    assert (seen.word_before, seen.word_after) == ("It\u2019s", "It's")


def test_many_edits_are_shown_in_one_call_as_each_alone() -> None:
    text = "«We»said ,and organizations.Evidently it\u2019s well- being .\n" * 3
    edits = list(clean(text).edits)
    made = Made(text, edits)
    together = contexts(text, made, list(enumerate(edits)), 12)
    assert together == [context(text, e, made, k, 12) for k, e in enumerate(edits)]
    assert len(together) == len(edits) > 6


def test_an_edit_carries_its_offset_in_the_original() -> None:
    """Located once, where it is named: its line and column and its offset say the same."""
    text = "«We»said ,and\norganizations.Evidently It\u00e2\u20ac\u2122s well- being .\n" * 2
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for edit in clean(text).edits:
        assert edit.offset == starts[edit.line - 1] + edit.column - 1
