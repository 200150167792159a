from __future__ import annotations

import json
import re

from pipeline.report import render
from pipeline.runner import BatchResult


def file_blocks(page: str) -> list[dict[str, object]]:
    found = re.findall(r'<script type="application/json" class="file-edits">(.*?)</script>', page)
    return [json.loads(block) for block in found]


def test_input_text_is_inert(batch: BatchResult) -> None:
    page = render(batch, "report.html")
    assert "<b>x</b>" not in page
    assert "\\u003cb>x\\u003c/b>" in page  # inside JSON, with no "<" to end a script


def test_each_file_with_edits_is_one_json_block_with_ids_and_words(batch: BatchResult) -> None:
    blocks = file_blocks(render(batch, "report.html"))
    assert [b["path"] for b in blocks] == ["a.txt", "no-newline.txt"]  # clean.txt: no edits
    rows = blocks[0]["edits"]
    assert isinstance(rows, list) and rows
    ids = [row[0] for row in rows]
    assert len(set(ids)) == len(ids) and all(ids)
    split = next(row for row in rows if row[6] == "" and row[7] == " " and row[3] == "P001")
    assert (split[10], split[11]) == ("said.It", "said. It")  # the words it touches, as met


def test_standalone_with_counts_and_errors(batch: BatchResult) -> None:
    page = render(batch, "report.html")
    assert "http" not in page  # nothing to fetch
    assert "Q001" in page and "double-quote-style" in page
    assert "gone.txt: no such file or folder" in page
    assert "clean.txt" not in page  # files without edits are not listed


def test_a_restyle_after_a_repair_is_shown_in_the_text_it_met() -> None:
    from tests.report.conftest import result_for

    batch = BatchResult((result_for("m.txt", "It\u00e2\u20ac\u2122s fine.\n"),), ())
    rows = file_blocks(render(batch, "report.html"))[0]["edits"]
    assert isinstance(rows, list)
    quote = next(row for row in rows if row[3] == "Q002")
    assert (quote[8], quote[6], quote[9]) == ("It", "\u2019", "s fine.")


def test_the_core_writes_each_page_row_as_python_does() -> None:
    """The page's rows come from the core (`_core.page_rows`): each must be the JSON the
    Python encoder writes of `edit_row`, and where the core leaves a piece to Python
    (a confidence that is no float), Python writes it."""
    from dataclasses import replace

    from pipeline import _core
    from pipeline.report.html import KINDS, edit_row, inert_json, page_rows
    from pipeline.report.summary import InContext
    from tests.report.test_json_report import _odd_edits

    edits = _odd_edits()
    seens = [
        InContext(f"left <{k}> é", "right \U0001f600\x00", f"w{k}\u2028", "</script>")
        for k in range(len(edits))
    ]
    python = [
        inert_json(edit_row(replace(e, line=e.line + 4), seen))
        for e, seen in zip(edits, seens, strict=True)
    ]
    assert _core.page_rows(edits, seens, 4, KINDS) == python
    assert all("<" not in row and row.isascii() for row in python)
    odd = [replace(edits[0], confidence=float("inf")), edits[1]]
    assert _core.page_rows(odd, seens[:2], 0, KINDS) is None
    assert page_rows(odd, seens[:2], 0) == [
        inert_json(edit_row(e, seen)) for e, seen in zip(odd, seens[:2], strict=True)
    ]
