"""The run-together word stage: what it repairs, and the traps it leaves alone."""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.config import Config
from pipeline.edits import Kind, apply_edits
from pipeline.stages import joins
from pipeline.stages.joins import JoinsOptions


def repaired(text: str, config: Config | None = None) -> str:
    edits = joins.find(text, config or Config())
    return apply_edits(text, edits)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("According to thepress service", "According to the press service"),
        (
            "as part of strengtheningthe regional cooperation",
            "as part of strengthening the regional cooperation",
        ),
        ("initiated at a meetingin Astana.", "initiated at a meeting in Astana."),
        ("the participating countries ofthe region", "the participating countries of the region"),
        (
            "Theconference ended with signing a protocol.",
            "The conference ended with signing a protocol.",
        ),
        ("They fled theAfrican coast.", "They fled the African coast."),
        ("The talks ended. TheConference closed.", "The talks ended. The Conference closed."),
        (
            "They hid in a house expectedtobesworn in.",
            "They hid in a house expected to be sworn in.",
        ),
        ("More than 40 people died over70 days.", "More than 40 people died over 70 days."),
        ("The investigation (FBI)is ongoing.", "The investigation (FBI) is ongoing."),
        ("in 2024.Seven people died", "in 2024. Seven people died"),
        ("They were not beable to vote.", "They were not be able to vote."),
        ("It measures theability to read.", "It measures the ability to read."),
    ],
)
def test_repairs_plain_glues(before: str, after: str) -> None:
    assert repaired(before) == after


def test_a_clitic_glue_is_split_after_the_clitic() -> None:
    """Alone in a sentence, with no rhythm behind it, `Russia'sgas` is about 90% sure:
    applied or suggested as the calibration says, but always after the `'s`."""
    text = "Russia'sgas exports fell."
    (edit,) = joins.find(text, Config())
    assert (edit.start, edit.after) == (text.index("gas"), " ")
    assert edit.confidence >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Yerlan Turgumbayev met Rahimzoda Ramazon in Kazinform's office.",
        "The fires reached Mittagong and Bulabarra overnight.",
        "A hilltop heatwave: you cannot stay onboard, said the stablecoin trader.",
        "TikTok, QatarEnergy, KwaZulu-Natal, McDonald, iPhone and YouTube.",
        "Heads of the MIAs met the NATO chiefs and the FBI.",
        "See https://example.com/PathName or write to someone@example.org #HashTag",
        "The 10km race, the 5G network, the 2nd round and the 1990s.",
        "Call value_of(x) with foo=bar and path/to/fileName.",
        "Its nodes are subclassable and benchmarkable, for scriptability.",
        "",
    ],
)
def test_leaves_names_compounds_and_code_alone(text: str) -> None:
    assert repaired(text) == text


def _glued_lines(lines: list[str]) -> str:
    """Lines of a hard-wrapped paragraph whose breaks were all lost."""
    return "".join(lines) + "\n"


LINES = [
    "Ministers of internal affairs met in the capital to discuss the",
    "cooperation between the border services and police of the four",
    "countries on illegal migration, drug trafficking and the fight",
    "against organised crime in the region. They agreed to meet again",
    "next year to review the progress of the joint programmes signed",
    "at the meeting of the heads of state. The minister Rahimzoda Hamro",
    "and the other delegates then visited the new training centre for",
    "border guards and customs officers that was opened last spring.",
]


def test_rhythm_splits_a_name_glued_where_a_break_is_due() -> None:
    cleaned = clean(_glued_lines(LINES)).text
    assert "Hamro and the other" in cleaned
    assert cleaned.split() == " ".join(LINES).split()


def test_rhythm_splits_two_names_glued_at_a_line_end() -> None:
    lines = [*LINES]
    lines[5] = "at the meeting of the heads of state. The Kyrgyz minister Aziz"
    lines[6] = "Dolosbayev and the other delegates then visited the new centre for"
    cleaned = clean(_glued_lines(lines)).text
    assert "minister Aziz Dolosbayev and" in cleaned
    assert cleaned.split() == " ".join(lines).split()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("\u00abWe cooperate fruitfully withthem\u00bb", '"We cooperate fruitfully with them"\n'),
        ("It cost the$150billion fund.", "It cost the $150 billion fund.\n"),
        ("Open from8:00am daily.", "Open from 8:00am daily.\n"),
    ],
)
def test_glues_at_quotes_and_numbers_through_the_pipeline(before: str, after: str) -> None:
    assert clean(before).text == after


def test_the_same_token_mid_line_is_left_alone() -> None:
    lines = [*LINES]
    lines[5] = "at the meeting of the heads of state. The minister Hamroand"
    lines[6] = "Rahimzoda and the other delegates then visited the new centre for"
    cleaned = clean(_glued_lines(lines)).text
    assert "minister Hamroand Rahimzoda" in cleaned


def test_names_with_word_endings_are_left_in_clean_text() -> None:
    text = "Tajikistan's minister Ramazon Hamroand and Kazinform reported from Mittagong.\n"
    assert clean(text).text == text


def test_uncertain_splits_are_suggested_not_applied() -> None:
    text = "The UnitedNations met."
    edits = joins.find(text, Config())
    assert edits and all(e.kind is Kind.SUGGESTION for e in edits)
    assert apply_edits(text, edits) == text


def test_protected_words_and_forced_splits() -> None:
    options = JoinsOptions(protect=("thepress",), split=("each over",))
    config = Config().with_options("joins", options)
    assert repaired("to thepress and eachover", config) == "to thepress and each over"


def test_every_edit_is_an_inserted_space_with_a_rule() -> None:
    text = "Ministers ofinternal affairs of Kazakhstan met in Almaty overtwo days."
    for edit in joins.find(text, Config()):
        assert edit.before == "" and edit.after == " "
        assert edit.rule.code in {"J001", "J002", "J003"}
        assert 0.0 < edit.confidence <= 1.0


CODE = "Call value_of(x), then read_this(y) and set max_size = 3 in the config_file.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Check the returncode of the process.",
        "Use timeit's default timer for this.",
        "Encode the bytes as base64 first.",
        "Call isinstance on the value.",
        "The classmethods such as executing will respect this.",
    ],
)
def test_in_a_document_with_code_pythons_own_names_stay_whole(sentence: str) -> None:
    assert repaired(CODE + sentence) == CODE + sentence


def test_in_prose_a_glue_that_spells_a_python_name_is_still_split() -> None:
    assert repaired("The border isclosed today after the storm.") == (
        "The border is closed today after the storm."
    )


def test_no_round_splits_code() -> None:
    """The stage reads a code block's glues in none of its rounds: a split there would be
    left out of the cleaning, and a later round would decide the prose by it."""
    code = "    $ echo thisisatest | python -m wordsegment\n"
    text = f"Splitting works onthepress releases.\n\n{code}\nAnd thatis all.\n"
    split_at = {edit.start for edit in joins.find(text, Config())}
    start = text.index(code)
    assert split_at and not any(start <= at < start + len(code) for at in split_at)
    # the same text without the block's indent is prose, and split there
    plain = text.replace("    $ echo", "$ echo")
    assert len(joins.find(plain, Config())) > len(split_at)
