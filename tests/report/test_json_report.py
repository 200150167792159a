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
