"""The core writes report.json's edit lines and a piece's listing (`report_json.rs`): on
any text and any edit, what it writes must be what the Python path writes, or it must
leave the piece to Python."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import _core
from pipeline.edits import Edit, Kind
from pipeline.report import html, markdown, stream, summary
from pipeline.report.json_report import _dumps, _edit_line, edit_lines
from pipeline.stages import all_rules, quotes

RULES = all_rules()
TEXT = st.text(alphabet=st.characters(codec=None), max_size=40)  # surrogates included
CONFIDENCE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 1e-4, 9.9999e-5, 1e16, 0.1, 0.9992393850335581]),
    st.integers(0, 1),
)


@st.composite
def edits(draw: st.DrawFn, text: str) -> list[Edit]:
    """Edits located in `text` (line and column inside it, or just past its end)."""
    lines = text.split("\n")
    found = []
    for _ in range(draw(st.integers(0, 6))):
        line = draw(st.integers(1, len(lines)))
        column = draw(st.integers(1, len(lines[line - 1]) + 1))
        start = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
        before = text[start : start + draw(st.integers(0, 3))]
        if draw(st.booleans()):
            before = draw(TEXT)  # not the original's: an earlier stage changed it
        edit = Edit(
            start,
            start + len(before),
            before,
            draw(TEXT),
            draw(st.sampled_from(RULES)),
            draw(CONFIDENCE),
            draw(TEXT),
            draw(st.sampled_from(list(Kind))),
            line,
            column,
            draw(TEXT),
            start,  # its offset in the original, as the cleaning gives it with line and column
        )
        found.append(edit)
    return found


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_core_s_edit_lines_are_python_s(data: st.DataObject) -> None:
    text = data.draw(TEXT)
    found = data.draw(edits(text))
    path = data.draw(TEXT)
    python = ",\n".join(_edit_line(_dumps(path), path, e) for e in found)
    try:
        expected = ("\n" + python).encode("utf-8", "surrogateescape") if found else b""
    except UnicodeEncodeError:
        return  # a surrogate no byte stands for: Python cannot write it either
    assert edit_lines(path, found, True) == expected


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_core_s_listing_is_python_s(data: st.DataObject) -> None:
    text = data.draw(TEXT)
    found = data.draw(edits(text))
    room = data.draw(st.integers(1, 8))
    shift = data.draw(st.integers(0, 50))
    md_room = data.draw(st.integers(0, 8))
    core = stream._listed(text, found, room, shift, md_room)
    with mock.patch.object(_core, "listed_rows", return_value=None):
        python = stream._listed(text, found, room, shift, md_room)
    assert core == python  # report.md's rows too, each the core's or Python's


MARKS_AND_SPACES = st.text(alphabet=" \u00a0\t\u2009a1\u00e9\u00b2\u00ab\u00bb\"'(.", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_core_groups_a_quote_s_spacing_with_its_marks_as_python_does(
    data: st.DataObject,
) -> None:
    """A restyle whose before and after are white space (a quote's spacing) is grouped with
    the marks beside it, a letter or digit not (`summary.group_key`): the core's groups
    are Python's."""
    text = data.draw(MARKS_AND_SPACES)
    spacing = st.text(alphabet=" \u00a0\t\u2009\u3000", max_size=2)
    restyles = [rule for rule in RULES if rule.stage in summary.restyles()]
    found = []
    for start in sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=5))):
        before = data.draw(spacing)
        rule = data.draw(st.sampled_from(restyles))
        confidence = data.draw(st.sampled_from([1.0, 0.5, 0.95]))
        kind = data.draw(st.sampled_from(list(Kind)))
        found.append(
            Edit(
                start,
                start,
                before,
                data.draw(spacing),
                rule,
                confidence,
                "m",
                kind,
                1,
                start + 1,
                "i",
                start,
            )
        )
    core = stream._listed(text, found, 10, 0, 0)
    with mock.patch.object(_core, "listed_rows", return_value=None):
        python = stream._listed(text, found, 10, 0, 0)
    assert core == python


def test_the_quotes_stage_is_the_one_the_groups_name() -> None:
    assert summary.QUOTES == quotes.NAME


def test_the_core_writes_report_md_s_rows_of_text_it_can_read() -> None:
    """A row the core can write (its text's characters of categories no Unicode version
    since Python's changed) comes from the core, not from Python."""
    text = "Préface: the prime ministersaid «non» – and\tleft.\n"
    found = [
        Edit(25, 25, "", " ", RULES[0], 0.875, "m", Kind.SUGGESTION, 1, 26, "a", 25),
        Edit(42, 43, "\t", " ", RULES[1], 1.0, "m", Kind.FIX, 1, 43, "b", 42),
    ]
    wanted = stream.MarkdownListing(5, markdown.KIND_SHOWN, markdown.CONTEXT)
    listing = _core.listed_rows(
        text, found, 5, 30, 2, html.KINDS, Kind.FIX, wanted, stream._grouping()
    )
    assert listing is not None
    assert None not in listing[2] and len(listing[2]) == 2
    assert listing[2][0].startswith("| 3:26 |") and listing[2][0].endswith(" | 0.88 |")


def test_an_edit_not_located_or_past_the_text_is_left_to_python() -> None:
    edit = Edit(0, 0, "", " ", RULES[0], 1.0, "m", Kind.FIX, 1, 1, "id")  # offset -1
    wanted = stream.MarkdownListing(5, {}, 20)
    assert (
        _core.listed_rows("one line", [edit], 5, 30, 0, {}, Kind.FIX, wanted, stream._grouping())
        is None
    )
    past = edit._replace(line=3, offset=100)
    assert (
        _core.listed_rows("one line", [past], 5, 30, 0, {}, Kind.FIX, wanted, stream._grouping())
        is None
    )


def test_the_core_reads_an_edit_s_fields_where_the_edit_holds_them() -> None:
    """The report writers read an `Edit` by place: its fields must stay in this order."""
    assert tuple(_core.EDIT_FIELDS) == Edit._fields


def test_a_lone_surrogate_is_one_character_of_an_edit_s_context() -> None:
    """The library takes any `str`: a lone surrogate reads as one U+FFFD, in the text and in
    an edit's own text, and the places after it stay where they are (hypothesis finds: the
    edit was refused, and the text read three U+FFFD for it)."""
    seen = _core.in_context("a\ud800bc d", [], [(2, "b", "x", 0), (0, "a\ud800", "", 1)], 30)
    assert seen == [
        ("a\ufffd", "c d", "a\ufffdbc", "a\ufffdxc"),
        ("", "bc d", "a\ufffdbc", "bc"),
    ]
