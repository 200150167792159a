from __future__ import annotations

import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from pipeline.vocabulary import EVERY, OPENING, CountsJson, Vocabulary


def test_counts_words_past_a_line_opening_and_spaced_pairs() -> None:
    opening = "x" * OPENING
    vocabulary = Vocabulary.of([f"{opening} Qatar Energy and QatarEnergy\nQatarEnergy opens"])
    assert vocabulary.words["QatarEnergy"] == 1  # the second stands at a line's opening
    assert vocabulary.spaced_pairs["QatarEnergy"] == 1


def test_a_hard_wrapped_line_that_goes_on_with_its_sentence_counts_from_its_start() -> None:
    wrapped = "This is free documentation, suitable for input\nto text formatters and viewers."
    assert Vocabulary.of([wrapped]).words["formatters"] == 1
    new_paragraph = wrapped.replace("input\n", "input.\n\n")
    assert Vocabulary.of([new_paragraph]).words["formatters"] == 0  # a paragraph's opening


def test_the_size_class_is_the_binary_digits_of_the_words_counted() -> None:
    words = " ".join(["word"] * 40)  # the first 25 characters stand at the line's opening
    counted = sum(Vocabulary.of([words]).words.values())
    assert counted == 33
    assert Vocabulary.of([words]).count("n:") == counted.bit_length() == 6
    assert Vocabulary().count("n:") == 0
    merged = Vocabulary.of([words])
    merged.merge(Vocabulary.of([words]))
    assert merged.count("n:") == (2 * counted).bit_length()
    assert pickle.loads(pickle.dumps(merged)).count("n:") == merged.count("n:")  # to a worker


def test_repairs_that_add_spaces_do_not_move_the_opening() -> None:
    glued = Vocabulary.of(["Aboutfive people met the Minister there."])
    spaced = Vocabulary.of(["About five people met the Minister there."])
    assert glued.words["Minister"] == spaced.words["Minister"]


def test_cleaning_notes_the_counts_it_reads_and_depends_on_no_other() -> None:
    from pipeline.cleaning import clean

    text = (
        "The firm QatarEnergy signed. Officials at QatarEnergy said so, thepress wrote, and"
        " others did.\n"
    )
    vocabulary = Vocabulary.of([text])
    with vocabulary.read_by(set()) as reads:
        once = clean(text, vocabulary=vocabulary).text
    assert {"w:QatarEnergy", "p:thepress", "n:"} <= reads  # n: the batch's size class
    # more words, as many binary digits of them (10 -> 13): the same size class
    other = Vocabulary.of([text, "Unrelated words, many of them, here and there.\n"])
    assert all(other.count(key) == vocabulary.count(key) for key in reads)
    assert clean(text, vocabulary=other).text == once
    with other.read_by(set()) as again:  # read from the cache this time: still noted
        clean(text, vocabulary=other)
    assert again == reads


def test_a_long_reading_is_taken_to_read_every_count(monkeypatch) -> None:
    import pipeline.vocabulary as vocabularies
    from pipeline.vocabulary import EVERY

    monkeypatch.setattr(vocabularies, "READS_KEPT", 2)
    vocabulary = Vocabulary.of(["alpha beta gamma"])
    with vocabulary.read_by(set()) as outer:
        with vocabulary.read_by(set()) as inner:
            vocabulary.note(["w:alpha", "w:beta"])
            assert inner == {"w:alpha", "w:beta"}
            vocabulary.note(["w:gamma"])
            assert inner == {EVERY}
            vocabulary.note(["w:delta"])  # nothing more is noted
            assert inner == {EVERY}
        vocabulary.note(["w:alpha"])
    assert outer == {EVERY}
    same = Vocabulary.of(["alpha beta gamma"])
    assert vocabulary.count(EVERY) == same.count(EVERY)
    same.add("one more")  # any count changed: EVERY's number with it
    assert vocabulary.count(EVERY) != same.count(EVERY)


def test_counts_of_many_keys_are_each_key_s_count() -> None:
    text = "x" * OPENING + " Kazakhstan and United States, a law-abiding man"
    vocabulary = Vocabulary.of([text])
    keys = ["w:Kazakhstan", "p:UnitedStates", "h:law-abiding", "w:absent", EVERY]
    assert vocabulary.counts(keys) == {key: vocabulary.count(key) for key in keys}
    assert vocabulary.counts(keys)["h:law-abiding"] == 1


@given(st.lists(st.text(max_size=12), max_size=20, unique=True))
def test_counts_written_by_the_core_are_the_json_python_writes(words: list[str]) -> None:
    # any keys: every kind of the core's, absent ones, non-ASCII, `<`, and EVERY (which
    # only Python counts; the core's keys never hold a lone surrogate)
    vocabulary = Vocabulary.of(["x" * OPENING + " " + " ".join(words)])
    keys = (
        [f"{kind}:{word}" for word in words for kind in "wph"]
        + words[:1]
        + [EVERY] * (len(words) % 3 == 0)
    )
    counts = vocabulary.counts_json(keys)
    assert dict(counts) == vocabulary.counts(keys)
    if isinstance(counts, CountsJson):
        assert counts.text == json.dumps(dict(sorted(vocabulary.counts(keys).items())))
    else:  # only where the core cannot write them
        assert EVERY in keys


def test_counts_the_core_cannot_write_are_left_to_python() -> None:
    vocabulary = Vocabulary.of(["Kazakhstan"])
    assert isinstance(vocabulary.counts_json(["w:Kazakhstan"]), CountsJson)
    assert not isinstance(vocabulary.counts_json(["w:Kazakhstan", EVERY]), CountsJson)
