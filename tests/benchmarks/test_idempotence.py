"""benchmarks/idempotence.py: which outputs a second cleaning changes, and how."""

from __future__ import annotations

from pathlib import Path

from benchmarks.idempotence import changes
from pipeline.cleaning import batch_vocabulary, clean

OPEN_FIND = Path(__file__).resolve().parents[1] / "data" / "fuzz-open" / "vocabulary-shift-3.txt"


def test_clean_outputs_are_not_listed() -> None:
    texts = ["It was the press office. Evidently fine.\n", 'She said "yes" and left.\n']
    assert changes(texts) == []


def test_an_output_a_second_cleaning_changes_is_listed_with_its_fixes() -> None:
    """The open kind (docs/quality.md): the output's own counts read a glue otherwise."""
    text = OPEN_FIND.read_text(encoding="utf-8")
    once = clean(text, vocabulary=batch_vocabulary([text])).text
    found = changes([once])
    assert [index for index, _ in found] == [0]
    assert found[0][1] and all(" -> " in fix for fix in found[0][1])
