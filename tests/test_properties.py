"""Invariants over generated text: idempotent, replayable, nothing lost but documented mappings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning import batch_vocabulary, clean
from pipeline.config import Config
from pipeline.edits import Kind, replay
from pipeline.files import InputError, decode
from pipeline.stages import words
from pipeline.stages.quotes import QuotesOptions, QuoteStyle

QUOTES = "\"'\u00ab\u00bb\u201e\u201c\u201d\u2039\u203a\u201a\u2018\u2019\u201f\u201b"
SPACES = " \t\n\r\u00a0\u2009\u202f\u3000\u200b\u2060\u00ad\ufeff"
WORDS = st.sampled_from(
    [
        "word",
        "The",
        "U.S.",
        "e.g.",
        "3.14",
        "1,000",
        "4:00pm",
        "McAfee.com",
        "http://x.org/a.B",
        "a@b.co",
        "Ph.D.",
        "...",
        "It\u00e2\u20ac\u2122s",
        "caf\u00e9",
        "\ufb01ne",
        "don\u2019t",
        "Turgumbayev",
        "dont",  # the repairs of lost apostrophes and hyphens, and what they meet
        "don t",
        "countrys",
        "Im sure",
        "its a",
        "lawabiding",
        "law-abiding",
        "whos e",
    ]
)
MARKS = st.sampled_from(list(QUOTES + SPACES + ".,;:!?-()"))
PIECES = st.one_of(
    WORDS,
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3),
    MARKS,
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)

FOLD = str.maketrans(
    {
        **{c: '"' for c in "\u00ab\u00bb\u201e\u201c\u201d\u201f"},
        **{c: "'" for c in "\u2039\u203a\u201a\u2018\u2019\u201b"},
    }
)
INVISIBLE = "\u200b\u2060\u00ad\ufeff\u180e"


def visible_chars(text: str) -> str:
    """Non-space characters after the documented mappings: quotes folded, invisibles gone."""
    text = text.translate(FOLD)
    return "".join(ch for ch in text if not ch.isspace() and ch not in INVISIBLE)


# ftfy judges mojibake by the characters around it, so straightening a quote can
# change its verdict on Latin-1 look-alikes ("\u00abÀ\x86" is left alone, '"À\x86' is
# re-decoded); `clean` goes round again until ftfy is settled.  Text without
# look-alikes is tested here too, as it exercises the other stages harder.
NO_LOOKALIKES = st.lists(
    st.one_of(
        WORDS,
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)).filter(
                lambda ch: not "\u0080" <= ch <= "\u024f"
            ),
            max_size=3,
        ),
        MARKS,
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["ascii", "curly", "keep"]))
def test_cleaning_twice_changes_nothing_more(text: str, style: QuoteStyle) -> None:
    config = Config().with_options("quotes", QuotesOptions(style=style))
    config = config.with_stages_disabled(("unicode",))
    once = clean(text, config).text
    assert clean(once, config).text == once


@settings(max_examples=300, deadline=None)
@given(NO_LOOKALIKES)
def test_cleaning_twice_with_unicode_repair_changes_nothing_more(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_replaying_the_edits_gives_the_output(text: str) -> None:
    result = clean(text)
    assert replay(text, result.edits) == result.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_no_character_is_lost_or_altered(text: str) -> None:
    """Nothing but spacing changes, besides the apostrophes and hyphens that Q005 and
    L003 put back where the damage took them."""
    without_unicode_repair = Config().with_stages_disabled(("unicode",))
    result = clean(text, without_unicode_repair)
    got, expected = visible_chars(result.text), visible_chars(text)
    if any(e.rule.code in PUT_BACK and e.kind is Kind.FIX for e in result.edits):
        got, expected = got.translate(PUT_BACK_MARKS), expected.translate(PUT_BACK_MARKS)
    assert got == expected


PUT_BACK = {"Q005", "L003"}
PUT_BACK_MARKS = str.maketrans("", "", "'-")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_edit_is_located_in_the_original(text: str) -> None:
    lines = text.split("\n")
    for edit in clean(text).edits:
        assert 1 <= edit.line <= len(lines)
        assert 1 <= edit.column <= len(lines[edit.line - 1]) + 1


ANY_TEXT = st.text(max_size=80)


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_any_unicode_text_is_cleaned_idempotently_and_replayably(text: str) -> None:
    result = clean(text)
    assert replay(text, result.edits) == result.text
    assert clean(result.text).text == result.text


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_only_unicode_repair_changes_visible_characters(text: str) -> None:
    """Every other stage moves whitespace, restyles quotes or drops invisibles: nothing else,
    but the characters a PDF extractor lost, which the words stage puts back (a ligature's
    letters, a compound's hyphen).  (Hypothesis draws strings found in the tests' code too,
    `SIGNI CANT` among them.)"""
    for edit in clean(text).edits:
        if edit.stage != "unicode" and edit.rule not in PUTS_CHARACTERS_BACK:
            assert visible_chars(edit.before) == visible_chars(edit.after), edit


PUTS_CHARACTERS_BACK = (words.LOST_LIGATURE, words.LOST_HYPHEN)


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_refused_with_a_reason_or_cleaned_idempotently(data: bytes) -> None:
    try:
        decoded = decode(data, Path("x.txt"))
    except InputError as error:
        assert str(error).startswith("x.txt: ")
        return
    result = clean(decoded.text)
    assert replay(decoded.text, result.edits) == result.text
    assert clean(result.text).text == result.text


FUZZ_FINDS = Path(__file__).parent / "data"


def kept(path: Path) -> str:
    """A find is kept as the UTF-8 text its bytes decoded to when it was found, so what it
    tests (the cleaning) does not hang on how an encoding detector ranks its candidates; read
    as written, its carriage returns too (a text file's reading would make them line feeds)."""
    return path.read_bytes().decode("utf-8")


def cleaned_twice_as_a_run_cleans(path: Path) -> tuple[str, str]:
    text = kept(path)
    once = clean(text, vocabulary=batch_vocabulary([text])).text
    return once, clean(once, vocabulary=batch_vocabulary([once])).text


@pytest.mark.parametrize("name", sorted(p.name for p in (FUZZ_FINDS / "fuzz").iterdir()))
def test_the_fuzzers_finds_are_cleaned_idempotently(name: str) -> None:
    """Inputs the fuzzer (fuzz/fuzz_clean.py) once failed on, cleaned as `pipeline run` does."""
    once, again = cleaned_twice_as_a_run_cleans(FUZZ_FINDS / "fuzz" / name)
    assert again == once


@pytest.mark.parametrize("name", sorted(p.name for p in (FUZZ_FINDS / "fuzz").iterdir()))
def test_the_fuzzers_finds_edits_replay(name: str) -> None:
    """A stage's edits are applied in runs, stage by stage (`edits.replay`): a stage that
    settles its own reading (the punctuation stage where its spaces tip a text out of reading
    as code) places every edit in its input, so the runs stay apart."""
    text = kept(FUZZ_FINDS / "fuzz" / name)
    result = clean(text, vocabulary=batch_vocabulary([text]))
    assert replay(text, result.edits) == result.text


SAME_VOCABULARY_FINDS = sorted(p.name for p in (FUZZ_FINDS / "fuzz-same-vocabulary").iterdir())


@pytest.mark.parametrize("name", SAME_VOCABULARY_FINDS)
def test_the_fuzzers_finds_with_one_vocabulary_are_cleaned_idempotently(name: str) -> None:
    """Finds of the fuzzer run with `PIPELINE_FUZZ_SAME_VOCABULARY=1`: cleaned again with the
    first cleaning's counts, nothing changes (with the output's own, such a find may also
    shift the counts, the open kind below: `injoins` split in one place of two)."""
    text = kept(FUZZ_FINDS / "fuzz-same-vocabulary" / name)
    vocabulary = batch_vocabulary([text])
    once = clean(text, vocabulary=vocabulary)
    assert replay(text, once.edits) == once.text
    assert clean(once.text, vocabulary=vocabulary).text == once.text


OPEN_FINDS = sorted(p.name for p in (FUZZ_FINDS / "fuzz-open").glob("*.txt"))


@pytest.mark.xfail(strict=True, reason="open: a second cleaning of the output still acts")
@pytest.mark.parametrize("name", OPEN_FINDS)
def test_the_fuzzers_open_finds(name: str) -> None:
    """Finds not fixed yet, kept in `tests/data/fuzz-open/`: strict, so that a fix shows
    here, and the find moves to `fuzz/`.  The open one is a shift of the batch's counts: a
    glue the text writes twice (`saidIt`) is familiar, left in the first cleaning, and read
    otherwise in the output, whose counts differ (the batch is counted as written, before the
    quotes stage parts `Ā»saidIt`).  The confidence trees of 2026-12-05 happened to settle
    it; those fitted with the batch's counts of a candidate's sides (2026-12-06) do not.  The
    cause, counting the batch as written, stays (docs/quality.md); over every quality bench
    7 texts change in a second cleaning, all of this kind (23 with the trees of 2026-12-05)."""
    once, again = cleaned_twice_as_a_run_cleans(FUZZ_FINDS / "fuzz-open" / name)
    assert again == once
