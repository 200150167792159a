"""The punctuation stage beyond the cases of its rules (`cases/punctuation.toml`)."""

from __future__ import annotations

from pipeline.config import Config
from pipeline.edits import apply_edits
from pipeline.stages import punctuation


def cleaned(text: str) -> str:
    return apply_edits(text, punctuation.find(text, Config()))


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
