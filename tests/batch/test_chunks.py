from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.batch import chunks
from pipeline.batch.chunks import clean_in_pieces, pieces
from pipeline.cleaning import batch_vocabulary, clean
from pipeline.cli import Exit, main
from pipeline.config import Config
from pipeline.edits import LineIndex, replay
from tests.report.test_json_report import edits_from

PARAGRAPH = (
    "Ministers ofinternal affairs met in the capital.They discussed «border  security» and "
    "thepress.\n\nIt is thefirst meeting ofthe year,said the minister.   \n\n\n"
)


def damaged(paragraphs: int) -> str:
    return "".join(PARAGRAPH.replace("year", f"year {i}") for i in range(paragraphs))


def test_pieces_cut_at_clean_paragraph_breaks_and_rebuild_the_text() -> None:
    text = "First line.\n\nSecond paragraph here.\n\nThird one.\nstill third.\n\nLast.\n" * 20
    cut = list(pieces(text, size=100))
    assert len(cut) > 5
    assert "".join(p.text + p.separator for p in cut) == text
    for piece in cut[:-1]:
        assert len(piece.text) >= 100
        assert piece.text.endswith(".\n") and piece.separator == "\n"
    lines = LineIndex(text)
    for piece in cut:
        assert lines.position(piece.start) == (piece.first_line, 1)


def test_a_text_without_a_clean_break_is_one_piece() -> None:
    text = "word " * 1000
    assert [p.text for p in pieces(text, size=100)] == [text]


def test_edits_of_pieces_replay_and_point_into_the_whole_file() -> None:
    text = damaged(30)
    vocabulary = batch_vocabulary([text])
    cleaned = list(clean_in_pieces(text, Config(), vocabulary, size=500))
    assert len(cleaned) > 3
    output = "".join(c.text + c.piece.separator for c in cleaned)
    edits = [e for c in cleaned for e in c.edits]
    assert replay(text, edits) == output
    lines = text.split("\n")
    for edit in edits:
        if edit.before and "\n" not in edit.before:
            line = lines[edit.line - 1]
            assert line[edit.column - 1 :].startswith(edit.before), edit


def test_every_edit_of_a_file_cleaned_in_pieces_has_its_own_id() -> None:
    """Pieces alike (a paragraph repeated) put alike edits at alike offsets of each piece."""
    text = damaged(30)
    vocabulary = batch_vocabulary([text])
    cleaned = clean_in_pieces(text, Config(), vocabulary, "a.txt", size=500)
    ids = [e.id for c in cleaned for e in c.edits]
    assert len(ids) > 30 and len(set(ids)) == len(ids)


def test_cleaning_in_pieces_repairs_what_cleaning_whole_repairs() -> None:
    text = damaged(30)
    vocabulary = batch_vocabulary([text])
    whole = clean(text, vocabulary=vocabulary).text
    cleaned = clean_in_pieces(text, Config(), vocabulary, size=500)
    assert "".join(c.text + c.piece.separator for c in cleaned) == whole


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
def test_a_file_cleaned_in_pieces_gets_whole_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunks, "PIECE", 400)
    source = tmp_path / "src"
    source.mkdir()
    (source / "big.txt").write_text(damaged(40))
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q", "-j", "1"]) == Exit.OK
    cleaned = (out / "big.txt").read_text()
    document = json.loads((out / "report.json").read_text())
    (record,) = document["files"]
    assert replay(damaged(40), edits_from(record["edits"])) == cleaned
    shutil.copytree(source, tmp_path / "patched")
    diff = (out / "changes.diff").read_text()
    assert diff.count("--- a/big.txt") == 1 and diff.count("@@ -") > 3
    patched = tmp_path / "patched"
    subprocess.run(["patch", "-s", "-p1"], input=diff, text=True, cwd=patched, check=True)
    assert (patched / "big.txt").read_text() == cleaned
