"""benchmarks/capitals.py: a corpus with a share of its paragraphs in capitals."""

from __future__ import annotations

from pathlib import Path

from benchmarks.capitals import in_capitals


def test_every_fourth_paragraph_across_the_corpus_is_set_in_capitals(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("One.\n\nTwo.\n\nThree.", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("Four is McDonald's.\n\nFive.", encoding="utf-8")
    out = in_capitals(corpus, tmp_path / "out")
    assert (out / "a.txt").read_text(encoding="utf-8") == "One.\n\nTwo.\n\nThree."
    # counted across files, in order: the fourth paragraph is the first of b.txt
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == "FOUR IS MCDONALD'S.\n\nFive."
    (corpus / "a.txt").write_text("changed", encoding="utf-8")
    assert in_capitals(corpus, out) == out  # written once
    assert (out / "a.txt").read_text(encoding="utf-8").startswith("One.")
