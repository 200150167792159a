from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

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


CASES = Path(__file__).parents[1] / "data" / "ftfy-cases"
FTFY_CASES = [
    case
    for path in sorted(CASES.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


# Lines as the stage cuts them (`pipeline_engine::plain::BREAKS`), ends kept.
LINE = regex.compile("[^\n\r\x0c\x85\u2028\u2029]*(?:\r\n|[\n\r\x0c\x85\u2028\u2029])?")


def _every_line_to_ftfy(text: str) -> str:
    """The stage's output with the plain-line gates off: every line goes to ftfy."""
    lines = [(m.start(), m.group()) for m in LINE.finditer(text) if m.group()]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unicode, "_unplain_lines", lambda _: lines)
        patch.setattr(unicode, "plain", lambda _: False)
        return apply_edits(text, unicode.find(text, Config()))


@pytest.mark.parametrize("case", FTFY_CASES, ids=[c["label"] for c in FTFY_CASES])
def test_ftfy_is_asked_only_where_it_can_act(case: dict[str, str]) -> None:
    """Skipping ftfy on plain lines changes nothing, on ftfy's own test cases."""
    text = case["original"]
    assert apply_edits(text, unicode.find(text, Config())) == _every_line_to_ftfy(text)


def test_ftfy_leaves_every_line_of_plain_characters_alone() -> None:
    """Every string of up to three of the plain marks and ASCII neighbours, as ftfy reads it."""
    import ftfy

    alphabet = [*unicode.SAFE_MARKS, "a", "A", " ", "'", '"', ".", "\t"]
    for size in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert unicode.plain(text)
            assert ftfy.fix_text(text, config=unicode.fixer()._replace(explain=False)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from([*unicode.SAFE_MARKS, *map(chr, range(0x20, 0x7F))]), max_size=80))
def test_ftfy_leaves_plain_lines_alone(text: str) -> None:
    import ftfy

    if unicode.plain(text):
        assert ftfy.fix_text(text, config=unicode.fixer()._replace(explain=False)) == text


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from([*"&#;&#;", *"amplt", *"AMP", *"x27", " ", "\u00e9"]), max_size=16))
def test_ftfy_leaves_an_ampersand_alone_unless_it_starts_an_entity(text: str) -> None:
    """`S&P`, `R&D`, `&amp` (no `;`): ftfy decodes only what its entity pattern finds, and
    every line it changes is sent to it."""
    if _changed_by_ftfy(text):
        assert unicode._unplain_lines(text) == [(0, text)]


def test_the_cores_entity_pattern_is_ftfys_as_installed() -> None:
    """`pipeline_engine::plain::holds_entity` reads ftfy's `HTML_ENTITY_RE` as it stands: a
    new ftfy that reads entities otherwise fails here."""
    import ftfy.chardata

    assert ftfy.chardata.HTML_ENTITY_RE.pattern == "&#?[0-9A-Za-z]{1,24};"
    assert unicode._unplain_lines("S&P 500 and R&D") == []


PLAIN = regex.compile(rf"[\x20-\x25\x27-\x7e\t\n\r{unicode.SAFE_MARKS}]*")
BREAKS_AND_MORE = "ab &\t\r\n\x0c\x85\u2028\u2029\x0b\x1b\u00e9\u00c3\u00a9\u0301\ufb01"


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in LINE.finditer(text) if m.group()]


def _changed_by_ftfy(text: str) -> bool:
    import ftfy

    return ftfy.fix_text(text, config=unicode.fixer()._replace(explain=False)) != text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from([*BREAKS_AND_MORE, *unicode.SAFE_MARKS]), max_size=40))
def test_the_lines_sent_to_ftfy_are_those_it_may_change(text: str) -> None:
    """Each line sent is one of the text's lines with a character that is not plain; each
    line ftfy changes is sent."""
    lines = _lines(text)
    sent = unicode._unplain_lines(text)
    assert set(sent) <= {(at, x) for at, x in lines if not PLAIN.fullmatch(x)}
    assert {(at, x) for at, x in lines if _changed_by_ftfy(x)} <= set(sent)


def _detector_characters() -> list[str]:
    """The characters ftfy's mojibake detector names, and a few plain neighbours."""
    import ftfy.badness

    named = {ch for ch in ftfy.badness.BADNESS_RE.pattern if not ch.isascii()}
    return sorted(named) + list("aZ .,?!-")


@settings(max_examples=2000, deadline=None)
@given(st.data())
def test_the_core_finds_every_sequence_ftfys_detector_finds(data: st.DataObject) -> None:
    """A line the detector finds bad (mojibake to re-decode) is sent to ftfy."""
    import ftfy.badness

    text = data.draw(st.text(st.sampled_from(_detector_characters()), min_size=1, max_size=12))
    if ftfy.badness.is_bad(text):
        assert unicode._unplain_lines(text) == [(0, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Z\u00fcrich, \u0130stanbul and Gda\u0144sk\n",
        "\u0391\u03b8\u03ae\u03bd\u03b1, \u041a\u0438\u0457\u0432, \u6771\u4eac\n",
        "42 \u00b0C, \u20ac5 and \u00bd cup\n",
    ],
)
def test_lines_no_fix_acts_on_are_not_sent_to_ftfy(text: str) -> None:
    """Accented names and other scripts, well encoded, cost a scan and no call into ftfy."""
    assert not _changed_by_ftfy(text)
    assert unicode._unplain_lines(text) == []


def test_the_cores_detector_is_ftfys_as_installed() -> None:
    """crates/engine/src/badness.rs is what tools/ftfy_badness.py writes from this ftfy."""
    tools = Path(__file__).parents[2] / "tools"
    spec = importlib.util.spec_from_file_location("ftfy_badness", tools / "ftfy_badness.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TARGET.read_text(encoding="utf-8") == module.source()


def test_every_character_ftfy_removes_or_spells_out_is_sent_to_it() -> None:
    """The core's own list of what ftfy's fixes act on wherever it stands (controls,
    ligatures) holds all that ftfy's tables do: a new ftfy that adds one fails here."""
    import ftfy.chardata

    acted_on = {*ftfy.chardata.CONTROL_CHARS, *ftfy.chardata.LIGATURES}
    for code in sorted(acted_on):
        text = f"a{chr(code)}b"
        assert unicode._unplain_lines(text) == [(0, text)], hex(code)
