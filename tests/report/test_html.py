from __future__ import annotations

import json
import re

from pipeline.edits import Kind
from pipeline.report import html, render
from pipeline.runner import BatchResult
from tests.report.conftest import result_for


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


def test_the_core_lists_a_piece_as_python_does() -> None:
    """A piece's listing comes from the core (`_core.listed_rows`: reading order, each
    edit's row of the page and of report.md, the edits counted by group): it must be what
    the Python path gives, which
    still lists what the core leaves to it (a confidence that is no float)."""
    from unittest import mock

    from pipeline import _core
    from pipeline.cleaning import clean
    from pipeline.report import stream
    from tests.report.test_json_report import _odd_edits

    text = "  Itâ€™s «here»,said </b> \x01 the pressreleased\U0001f600it.\n\n\nnext  line\n"
    edits = list(clean(text).edits)
    odd = [e._replace(line=e.line, column=e.column) for e in _odd_edits()[-5:]]
    for local in (edits, [*edits, *[o._replace(line=1, column=1, offset=0) for o in odd]]):
        for room, shift, md_room in [(500, 0, 20), (3, 7, 2)]:
            core = stream._listed(text, local, room, shift, md_room)
            with mock.patch.object(_core, "listed_rows", return_value=None):
                python = stream._listed(text, local, room, shift, md_room)
            assert core == python
            assert all("<" not in row and row.isascii() for row in core[1])
            assert len(core[2]) == min(md_room, len(core[0]))
    slow = [edits[0]._replace(confidence=float("inf")), *edits[1:]]
    wanted = stream.MarkdownListing(20, {}, 20)
    assert (
        _core.listed_rows(text, slow, 500, 30, 0, html.KINDS, Kind.FIX, wanted, stream._grouping())
        is None
    )
    assert stream._listed(text, slow, 500, 0)[1]


def test_the_totals_are_worded_in_the_singular_for_one() -> None:
    page = render(BatchResult((result_for("one.txt", "thisis it\n"),), ()), "report.html")
    assert "1 file read" in page and "1 edit applied, 0 suggestions." in page
