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
    from dataclasses import replace

    from pipeline.report.json_report import _dumps, _edit_line
    from pipeline.report.summary import edit_record

    text = 'Quote "here",said \\ it\x01\tcafé  ok\u2028«x»\U0001f600thepress.\n'
    edits = list(clean(text).edits)
    assert len(edits) > 3
    odd = [
        replace(edits[0], confidence=c, before=b, message=m)
        for c, b, m in [(1.0, "\x00", '\\"q"'), (1e-05, "\U0001f600", "é\n"), (0.001, "", "")]
    ]
    for edit in [*edits, *odd, replace(edits[0], confidence=float("nan"))]:
        path = 'dir/"a"\\b.txt'
        assert _edit_line(_dumps(path), path, edit) == _dumps(edit_record(path, edit))
