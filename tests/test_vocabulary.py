from __future__ import annotations

from pipeline.vocabulary import OPENING, Vocabulary


def test_counts_words_past_a_line_opening_and_spaced_pairs() -> None:
    opening = "x" * OPENING
    vocabulary = Vocabulary.of([f"{opening} Qatar Energy and QatarEnergy\nQatarEnergy opens"])
    assert vocabulary.words["QatarEnergy"] == 1  # the second stands at a line's opening
    assert vocabulary.spaced_pairs["QatarEnergy"] == 1


def test_repairs_that_add_spaces_do_not_move_the_opening() -> None:
    glued = Vocabulary.of(["Aboutfive people met the Minister there."])
    spaced = Vocabulary.of(["About five people met the Minister there."])
    assert glued.words["Minister"] == spaced.words["Minister"]
