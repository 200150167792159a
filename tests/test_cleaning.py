"""The cleaning loop: which splits send the words stage back to read the text again."""

from __future__ import annotations

import pytest

from pipeline.cleaning import _places_after, clean
from pipeline.code_spans import blanked, code_spans
from pipeline.config import Config
from pipeline.decisions import Decisions
from pipeline.edit_ids import EditIds
from pipeline.edits import Edit, Kind
from pipeline.lexicon import lexicon
from pipeline.near_splits import stretches_read
from pipeline.stages.joins import WORDS_GLUED
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary


def _split(at: int) -> Edit:
    return Edit(at, at, "", " ", WORDS_GLUED, 1.0, "split", Kind.FIX)


def test_places_after_are_where_the_splits_stand_in_the_output() -> None:
    edits = [_split(13), _split(20)]  # in "strengtheningthe staŠt"
    places = _places_after(edits)
    output = "strengthening the sta Št"
    assert places == [14, 22]
    assert [output[at - 1] for at in places] == [" ", " "]


@pytest.mark.parametrize(
    ("output", "at", "scrap"),
    [
        ("strengthening the press", 14, False),  # `the` is a function word
        ("the sta Št", 8, True),  # `sta`, `Št`: pieces of a word
        ("a) ll of it", 3, True),  # a mark, then `ll`
        ("ministers of Kazakhstan", 13, False),
        ("in joins a s, out", 3, True),  # `s`, two words on: `a s` reads as `as`
        ("people walked two miles", 7, False),  # `two` is a word, and common
        ("people walked US miles", 7, False),  # an abbreviation
        ("people walked zx miles", 7, True),
    ],
)
def test_a_split_beside_a_scrap_sends_the_words_stage_back(
    output: str, at: int, scrap: bool
) -> None:
    assert (engine().scrap_places(output, [at]) == [at]) is scrap


@pytest.mark.parametrize(
    ("output", "places", "finds"),
    [
        ("the people Curre nt said", [11], True),  # `Curre nt` is `Current`
        ("strengthening the press said", [14], False),  # no scrap: nothing read
        ("we walked zx miles to the sea", [10], False),  # a scrap, no word to repair
        ("see `sta Št` and then people Curre nt said", [26], True),
        ("see `sta Št` there", [9], False),  # the scrap is code: blank to the stage
    ],
)
def test_the_core_reads_near_the_splits_what_the_words_stage_would(
    output: str, places: list[int], finds: bool
) -> None:
    """`Joins.words_near` reads the stretches as `_proposed_near` hands them to the words
    stage (joined, their code blank) and finds something exactly where the stage does."""
    vocabulary = Vocabulary.of([output])
    code = code_spans(output)
    found, reads = engine().words_near(output, places, list(code), vocabulary.core)
    stretches = engine().scrap_stretches(output, places)
    read, spans, _ = stretches_read(output, stretches)
    text = blanked(read, spans)
    readings, stage_reads = lexicon().core.broken_words(text, vocabulary.core) if read else ([], [])
    assert found is bool(readings) is finds
    assert sorted(reads) == sorted(stage_reads)


def test_a_word_parted_by_the_joins_stage_is_read_by_the_words_stage_at_once() -> None:
    once = clean("-« ÐŠŠstartAAA»staŠt»þ").text
    assert clean(once).text == once


def test_edits_named_at_the_end_are_named_as_one_by_one() -> None:
    """Without decisions the edits are named once the cleaning ends (`_Judge.named_all`);
    with decisions, stage by stage: a decision on no edit of the text changes nothing."""
    text = "«We»  said thepress,in Kazakhstan  ,and thepress\nsaid  it  again  ,thepress\n"
    unnamed = clean(text, ids=EditIds("a.txt"))
    decided = Config(decisions=Decisions(rejected=frozenset({"no such edit"})))
    one_by_one = clean(text, decided, ids=EditIds("a.txt"))
    assert len(unnamed.edits) > 5
    assert unnamed == one_by_one
    assert len({e.id for e in unnamed.edits}) == len(unnamed.edits)
    assert all(e.line and e.column for e in unnamed.edits)


def test_cleaning_from_threads_gives_what_one_thread_gives() -> None:
    """The core releases the GIL while it works, so a library user may clean from threads:
    one batch's texts cleaned by eight threads at once are cleaned as one after another."""
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.cleaning import batch_vocabulary

    texts = [
        f"Report {k}: the pressreleased «a statement»said the ministry.The signi cant o ce "
        f"ofAbst rac t {k} , hewrote .\n"
        for k in range(64)
    ]
    vocabulary = batch_vocabulary(texts)
    one_by_one = [clean(text, vocabulary=vocabulary) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        at_once = list(pool.map(lambda text: clean(text, vocabulary=vocabulary), texts))
    assert at_once == one_by_one
    assert "press released" in one_by_one[0].text


README = (
    "The library splits text.Evidently it works on thepress releases too.\n\n"
    '```python\nfor k in trange(5):\n    print(f"{k} done")  # thepress\n```\n\n'
    "Run it from a shell:\n\n    $ echo thisisatest | python -m wordsegment\n\n"
    "Pass ``re.Pattern`` objects,or strings: `x  =  1` aligns.\n"
)


def test_code_in_prose_is_left_as_written_and_the_prose_repaired() -> None:
    cleaned = clean(README).text
    assert "text. Evidently" in cleaned and "the press releases" in cleaned
    assert "objects, or strings" in cleaned
    for code in (
        'for k in trange(5):\n    print(f"{k} done")  # thepress\n',
        "    $ echo thisisatest | python -m wordsegment\n",
        "``re.Pattern``",
        "`x  =  1`",
    ):
        assert code in cleaned, code
    assert clean(cleaned).text == cleaned


def test_a_quoted_command_is_left_as_written() -> None:
    # its words are no glue, its commas no missing space, its marks no quotation glued to a
    # word (`-q`uietly)
    text = 'Use "git checkout -b newbranch" or "git log -La,b" to run "-q"uietly, he said.\n'
    assert clean(text).text == text
