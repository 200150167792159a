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
        ("plan B,which failed", "plan B, which failed"),  # a capital alone is a name
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
        "the point (x,y) and l;he",  # a lower-case letter alone before the mark: variables, OCR
        "#hashtag.Thing and @user.Name",
        "",
    ],
)
def test_leaves_traps_alone(text: str) -> None:
    assert cleaned(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "call jedi.Script.search or foo.bar.Bar",  # a chain of three parts
        "a typing.TypedDict and a wrapt.ObjectProxy",  # a class name after a module
        "raise idna.InvalidCodepoint, or jmespath.Options",  # a module the lexicon lacks
        "an enum.Enum subclass",
        "set :code:SchemaAccessor here",  # a reStructuredText role
    ],
)
def test_dotted_names_and_roles_are_left_alone(text: str) -> None:
    assert cleaned(text) == text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("many users.TikTok said", "many users. TikTok said"),  # a common word ends a sentence
        ("the pangolins.The zoo", "the pangolins. The zoo"),  # a sentence starts after it
        ("the pangolins.Scientists say", "the pangolins. Scientists say"),  # a rare word
    ],
)
def test_sentences_that_look_dotted_are_still_spaced(before: str, after: str) -> None:
    assert cleaned(before) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("their well- being", "their well-being"),
        ("Jean- Pierre Dupont", "Jean-Pierre Dupont"),
        ("a zero- hours contract", "a zero-hours contract"),
    ],
)
def test_a_hyphen_cut_from_its_word_is_closed_up(before: str, after: str) -> None:
    assert cleaned(before) == after


@pytest.mark.parametrize(
    "text",
    ["low- and middle-income", "single- or double-sided", "- a list item", "a - b", "x-  y"],
)
def test_suspended_hyphens_and_dashes_stay(text: str) -> None:
    assert cleaned(text) == text


def test_a_document_with_code_keeps_its_spaces_before_marks() -> None:
    """Prose converted from Markdown loses its inline code and links and keeps the spaces
    around them: `look at .` once read `look at <a link>.`."""
    code = "Call value_of(x), then read_this(y) and set max_size = 3 in the config_file. "
    prose = "The minister said , however , that talks would resume . "
    assert cleaned(code * 3 + "To see more, look at . Then go on.") == (
        code * 3 + "To see more, look at . Then go on."
    )
    assert cleaned(prose) == "The minister said, however, that talks would resume. "


def test_in_a_document_with_code_a_colon_between_lower_case_words_is_a_name() -> None:
    code = "Call value_of(x), then read_this(y) and set max_size = 3 in the config_file. "
    assert cleaned(code * 3 + "Connect to host:port over TCP.").endswith("host:port over TCP.")
    assert cleaned("Connect to host:port over TCP.") == "Connect to host: port over TCP."


def test_an_address_does_not_make_prose_read_as_code() -> None:
    """A press release ends with a link and an e-mail address: its prose is still prose."""
    text = (
        "The festival ends today .\n\n"
        "Tickets at https://example.com/tickets/buy_now or from info@example.org.\n"
    )
    assert cleaned(text).startswith("The festival ends today.\n")
