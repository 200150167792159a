from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline import _core
from pipeline.lexicon import build_table, lexicon, table_entries, table_name
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary


def test_whole_words_and_glued_pairs() -> None:
    lex = lexicon()
    assert lex.zipf("cannot") > 4.5  # one word, though web counts split it
    assert lex.logp("qwzxv") is None
    of, ofthe = lex.logp("of"), lex.logp("ofthe")
    assert of is not None and ofthe is not None  # the web list knows the glue too...
    assert of + lex.cond("of", "the") > ofthe + 2  # ...but the pair is far likelier


def test_an_unknown_first_word_costs_no_backoff() -> None:
    lex = lexicon()
    assert lex.cond("hamroxyz", "and") == lex.logp("and")


def test_the_table_gives_the_packages_probabilities_to_the_bit() -> None:
    """Every word, count and pair of wordfreq's and wordsegment's data, through the core,
    against the arithmetic the Python lexicon did on the packages' own dicts."""
    words, unigrams, bigrams = (dict(entries) for entries in table_entries())
    lex = lexicon()
    assert lex.core.sizes() == (len(words), len(unigrams), len(bigrams))
    for word, frequency in words.items():
        expected = math.log10(frequency) if frequency else None
        assert lex.logp(word) == expected, word
        assert lex.known(word)
        assert lex.zipf(word) == (0.0 if expected is None else expected + 9)
    backoff = math.log10(0.4)
    for pair, count in bigrams.items():
        first, second = pair.split(" ", 1)
        first_count = unigrams.get(first)
        if count and first_count:
            expected = math.log10(count / first_count)
        else:
            second_logp = math.log10(words[second]) if words.get(second) else None
            expected = (
                -12.0 if second_logp is None else second_logp + (backoff if first_count else 0.0)
            )
        assert lex.cond(first, second) == expected, pair


def test_the_pair_table_keeps_pairs_counted_at_least_its_least() -> None:
    """`cond_bounded` reads an absent pair as rarer than the table's least pair: that least
    is the packaged table's own."""
    _, _, bigrams = table_entries()
    assert min(count for _, count in bigrams) == _core.PAIR_LEAST


def test_later_parts_are_words_not_scraps() -> None:
    lex = lexicon()
    assert lex.later_part_logp("a") == lex.logp("a")
    assert lex.later_part_logp("x") is None  # one letter other than a
    assert lex.later_part_logp("i") is None  # a lower-case i is no word in edited prose
    assert lex.later_part_logp("press") == lex.logp("press")


def test_the_table_is_built_once_and_the_same_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert build_table() == build_table()  # deterministic: the packages give the bytes
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path))
    for age, name in enumerate("abc"):  # older installs' tables, the newest last
        stale = tmp_path / f"lexicon-{name * 16}.table"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + age, 1_000_000 + age))
    lexicon.cache_clear()
    try:
        assert lexicon().logp("the") is not None
        kept = sorted(p.name for p in tmp_path.iterdir())  # the two newest others stay
        assert kept == sorted(
            [table_name(), f"lexicon-{'b' * 16}.table", f"lexicon-{'c' * 16}.table"]
        )
        for name in kept[:]:
            if name != table_name():
                (tmp_path / name).unlink()
        (table,) = tmp_path.iterdir()
        assert table.name == table_name()
        table.write_bytes(table.read_bytes()[:1000])  # cut: refused, built again
        lexicon.cache_clear()
        assert lexicon().logp("the") is not None
        assert table.read_bytes() == build_table()
    finally:
        lexicon.cache_clear()


def test_bytes_that_are_not_a_table_are_an_error_not_a_crash() -> None:
    for data in (b"", b"pipeline-lexicon 1\n", _core.TABLE_MAGIC + b"\xff" * 64, bytes(range(256))):
        with pytest.raises(ValueError, match="not a word table"):
            _core.Lexicon.from_bytes(data)


def test_a_lone_surrogate_is_an_unknown_word_not_an_error() -> None:
    """The library takes any `str`; what cannot be UTF-8 reaches the core as U+FFFD."""
    lex = lexicon()
    assert lex.logp("the\ud800") is None and not lex.known("\udce9")
    assert lex.cond("\ud800", "the") == lex.logp("the")
    assert not any("\ufffd" in key for entries in table_entries() for key, _ in entries)


def test_text_with_a_lone_surrogate_is_cleaned() -> None:
    from pipeline import clean

    assert "the press" in clean("It was thepress\ud800office, said he.").text


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(st.characters(), st.sampled_from(["\ud800", "\udce9"])), max_size=60))
def test_the_core_weighs_any_text_without_failing(text: str) -> None:
    """Hostile text at the boundary: any string, surrogates and all, gives candidates
    inside it, and a decision on each."""
    core = engine()
    found, _ = core.candidates(text, Vocabulary.of([text]).core)
    points = [row[0] for row in found.rows()]
    assert all(0 < at < len(text) for at in points)
    assert points == sorted(set(points))
    for at, _, _, _, _, _, confidence in core.decide(text, found, 0.9, 0.0):
        assert at in points and 0.0 < confidence < 1.0


PIECES = [
    *("signi", "cant", "of", "ce", "the", "rst", "inc", "luded", "a", "re", "AWS", "fi"),
    *("th", "einformation", "w", "econsidered"),  # a moved space's pieces
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*PIECES, " ", "  ", "-", "'", ".", "\n", "\ud800"]),
            st.characters(),
        ),
        max_size=40,
    ).map("".join)
)
@example("much of th einformation that")  # each kind's checks run at least once
@example("a signi cant rise, the rst time, were inc luded in")
def test_broken_words_are_read_in_any_text_without_failing(text: str) -> None:
    """Hostile text at the boundary: every reading points at the text's own gaps."""
    found, _ = lexicon().core.broken_words(text)
    for at, kind, ligature, _, _, _, sure, gaps in found:
        assert 0.5 <= sure <= 1.0
        assert 0 <= at <= len(text)
        if kind == "inside":
            assert text[at] == " "
        if kind == "stray":
            assert gaps and all(text[gap] == " " for gap in gaps)
        if kind == "moved":  # the same letters and one space, the space at the other end
            span = text[at : at + len(ligature)]
            assert sorted(span) == sorted(ligature) and span.count(" ") == 1
            assert span != ligature
