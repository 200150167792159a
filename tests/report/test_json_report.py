from __future__ import annotations

import json

from pipeline.cleaning import clean
from pipeline.edits import Edit, Kind, replay
from pipeline.report import render
from pipeline.runner import BatchResult
from pipeline.stages import all_rules


def edits_from(records: list[dict[str, object]]) -> list[Edit]:
    rules = {rule.code: rule for rule in all_rules()}
    return [
        Edit(
            int(str(r["start"])),
            int(str(r["end"])),
            str(r["before"]),
            str(r["after"]),
            rules[str(r["rule"])],
            float(str(r["confidence"])),
            str(r["message"]),
            Kind(r["kind"]),
        )
        for r in records
    ]


def test_replaying_the_json_edits_gives_the_output(batch: BatchResult) -> None:
    document = json.loads(render(batch, "report.json"))
    for record, result in zip(document["files"], batch.files, strict=True):
        assert replay(result.original, edits_from(record["edits"])) == result.cleaned


def test_summary_counts(batch: BatchResult) -> None:
    summary = json.loads(render(batch, "report.json"))["summary"]
    assert summary["files_read"] == 3
    assert summary["files_changed"] == 2
    assert summary["files_failed"] == 1
    assert summary["fixes"] == sum(c["fixes"] for c in summary["by_rule"])


def test_positions_are_in_the_original() -> None:
    text = "  first\nsecond,third\n"
    (record,) = [e for e in clean(text).edits if e.rule.code == "P001"]
    assert (record.line, record.column) == (2, 8)


def test_an_edit_line_is_the_encoder_s_record_of_it() -> None:
    """report.json writes an edit field by field; it must read as the JSON encoder's."""

    from pipeline.report.edit_view import edit_record
    from pipeline.report.json_report import _dumps, _edit_line

    text = 'Quote "here",said \\ it\x01\tcafé  ok\u2028«x»\U0001f600thepress.\n'
    edits = list(clean(text).edits)
    assert len(edits) > 3
    odd = [
        edits[0]._replace(confidence=c, before=b, message=m)
        for c, b, m in [(1.0, "\x00", '\\"q"'), (1e-05, "\U0001f600", "é\n"), (0.001, "", "")]
    ]
    for edit in [*edits, *odd, edits[0]._replace(confidence=float("nan"))]:
        path = 'dir/"a"\\b.txt'
        assert _edit_line(_dumps(path), path, edit) == _dumps(edit_record(path, edit))


def _odd_edits() -> list[Edit]:
    """Edits holding what JSON escapes: quotes, controls, astral characters, `<`, line
    separators; confidences at the edges of Python's float notation."""

    text = 'Quote "here",said \\ it\x01\tcafé  ok\u2028«x»\U0001f600thepress </b>.\n'
    edits = list(clean(text).edits)
    assert len(edits) > 3
    odd = [
        edits[0]._replace(confidence=c, before=b, message=m, id=i)
        for c, b, m, i in [
            (1.0, "\x00", '\\"q"', "x"),
            (0.0001, "\U0001f600", "é\n\x7f", "<y>"),
            (0.00009999, "", "", ""),
            (0.0, "\u2028", "<!--", "z"),
            (1234.5, "\x1f", "\x08\x0c", "w"),
        ]
    ]
    return [*edits, *odd]


def test_the_core_writes_each_edit_line_as_python_does() -> None:
    from pipeline import _core
    from pipeline.report.json_report import _dumps, _edit_line, edit_lines

    path = 'dir/"a"\\b.txt'
    edits = _odd_edits()
    python = ",\n".join(_edit_line(_dumps(path), path, e) for e in edits)
    assert _core.edit_json_lines(_dumps(path), edits) == python.encode()
    assert edit_lines(path, edits, True) == b"\n" + python.encode()


def test_what_only_python_writes_is_left_to_it() -> None:
    """A confidence that is no finite float, or a lone surrogate (a file name or text that
    was not UTF-8), sends the piece to Python, which writes it as it always has."""

    from pipeline import _core
    from pipeline.report.json_report import _dumps, _edit_line, edit_lines

    (edit, *_) = _odd_edits()
    path = "a.txt"
    for odd in [
        edit._replace(confidence=float("nan")),
        edit._replace(before="\udcff"),
        edit._replace(confidence=1),  # an int: Python writes `1`
    ]:
        assert _core.edit_json_lines(_dumps(path), [edit, odd]) is None
        line = _edit_line(_dumps(path), path, odd)
        assert edit_lines(path, [odd], False) == b",\n" + line.encode("utf-8", "surrogateescape")
    assert _core.edit_json_lines(_dumps("\udcff.txt"), [edit]) is None
