"""Regression over a small bench: ten real news digests, damaged as the seed is, with gold."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.damage import Damage, Score, damage_text, score
from pipeline.cleaning import clean
from pipeline.vocabulary import Vocabulary

SAMPLE = sorted((Path(__file__).parent / "data" / "dev-sample").glob("*.txt"))


@pytest.mark.parametrize(("seed", "width"), [(7, (70, 90)), (8, (60, 75)), (9, (85, 100))])
def test_glued_words_are_repaired_without_inventing_boundaries(
    seed: int, width: tuple[int, int]
) -> None:
    rng = random.Random(seed)
    pairs = [
        damage_text(path.read_text(encoding="utf-8"), rng, Damage(width=width)) for path in SAMPLE
    ]
    vocabulary = Vocabulary.of([damaged for damaged, _ in pairs])
    total = Score()
    for damaged, gold in pairs:
        total.add(score(damaged, gold, clean(damaged, vocabulary=vocabulary).text))
    assert total.corrupt == 0
    assert (
        total.precision >= 0.985
    )  # a regression guard on 300 glues; the bar is measured in benchmarks/
    assert total.recall >= 0.94


def test_clean_text_keeps_its_word_boundaries() -> None:
    texts = [path.read_text(encoding="utf-8") for path in SAMPLE]
    vocabulary = Vocabulary.of(texts)
    invented = 0
    for text in texts:
        cleaned = clean(text, vocabulary=vocabulary)
        invented += sum(1 for e in cleaned.fixes if e.stage == "joins")
    assert invented == 0
