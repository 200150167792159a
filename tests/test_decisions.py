"""A reviewer's decisions fed back: rejected edits are not made, accepted suggestions are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import Exit, main

TEXT = (
    "The minister met thepress on Monday and spoke of strengtheningthe ties.\n\n"
    "Officials said ElSalvador  would attend.It was agreed.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def edits_of(out: Path) -> list[dict[str, object]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    edits: list[dict[str, object]] = report["files"][0]["edits"]
    return edits


def decide(path: Path, verdicts: dict[str, str]) -> Path:
    path.write_text(json.dumps({"version": 1, "decisions": verdicts}), encoding="utf-8")
    return path


def run(source: Path, out: Path, *flags: str | Path) -> int:
    return main(["run", str(source), "--out", str(out), "-q", *map(str, flags)])


def test_every_edit_has_a_stable_distinct_id(source: Path, tmp_path: Path) -> None:
    assert run(source, tmp_path / "one") == Exit.OK
    first = [e["id"] for e in edits_of(tmp_path / "one")]
    assert len(set(first)) == len(first) and all(first)
    (source / "a.txt").write_text("A new first line.\n\n" + TEXT, encoding="utf-8")
    assert run(source, tmp_path / "two") == Exit.OK
    assert set(first) <= {e["id"] for e in edits_of(tmp_path / "two")}  # lines moved, ids held


def test_rejecting_every_edit_leaves_the_file_as_it_was(source: Path, tmp_path: Path) -> None:
    assert run(source, tmp_path / "first") == Exit.OK
    ids = [str(e["id"]) for e in edits_of(tmp_path / "first")]
    decisions = decide(tmp_path / "decisions.json", dict.fromkeys(ids, "reject"))
    assert run(source, tmp_path / "second", "--decisions", decisions) == Exit.OK
    assert (tmp_path / "second" / "a.txt").read_bytes() == (source / "a.txt").read_bytes()
    kinds = {e["kind"] for e in edits_of(tmp_path / "second")}
    assert kinds == {"rejected"}


def test_a_rejected_split_is_kept_and_an_accepted_suggestion_applied(
    source: Path, tmp_path: Path
) -> None:
    assert run(source, tmp_path / "first") == Exit.OK
    edits = edits_of(tmp_path / "first")
    split = next(e for e in edits if e["before"] == "" and "press" in str(e["message"]))
    suggestion = next(e for e in edits if e["kind"] == "suggestion")
    verdicts = {str(split["id"]): "reject", str(suggestion["id"]): "accept"}
    decisions = decide(tmp_path / "decisions.json", verdicts)
    assert run(source, tmp_path / "second", "--decisions", decisions) == Exit.OK
    cleaned = (tmp_path / "second" / "a.txt").read_text(encoding="utf-8")
    assert "thepress" in cleaned and "strengthening the" in cleaned
    assert "El Salvador" in cleaned  # the suggestion, accepted
    after = {str(e["id"]): e["kind"] for e in edits_of(tmp_path / "second")}
    assert after[str(split["id"])] == "rejected"
    assert after[str(suggestion["id"])] == "fix"


def test_check_treats_a_rejected_edit_as_accepted_text(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(source, tmp_path / "first") == Exit.OK
    ids = [str(e["id"]) for e in edits_of(tmp_path / "first") if e["kind"] == "fix"]
    decisions = decide(tmp_path / "decisions.json", dict.fromkeys(ids, "reject"))
    capsys.readouterr()
    assert main(["check", str(source), "--decisions", str(decisions)]) == Exit.OK
    assert main(["check", str(source)]) == Exit.FAILED


def test_a_bad_decisions_file_is_a_usage_error(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "decisions.json"
    bad.write_text('{"version": 1, "decisions": {"x": "maybe"}}', encoding="utf-8")
    assert run(source, tmp_path / "out", "--decisions", bad) == Exit.USAGE
    assert "decisions.json" in capsys.readouterr().err


def test_new_decisions_clean_again(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(source, out) == Exit.OK
    ids = [str(e["id"]) for e in edits_of(out)]
    decisions = decide(tmp_path / "decisions.json", dict.fromkeys(ids, "reject"))
    assert run(source, out, "--decisions", decisions) == Exit.OK
    assert (out / "a.txt").read_bytes() == (source / "a.txt").read_bytes()


def test_decisions_named_in_the_settings_are_read_beside_them(source: Path, tmp_path: Path) -> None:
    settings = tmp_path / "pipeline.toml"  # the project root: ids name files from it
    settings.write_text("", encoding="utf-8")
    assert run(source, tmp_path / "first", "--config", settings) == Exit.OK
    ids = [str(e["id"]) for e in edits_of(tmp_path / "first")]
    decide(tmp_path / "verdicts.json", dict.fromkeys(ids, "reject"))
    settings.write_text('decisions = "verdicts.json"\n', encoding="utf-8")
    assert run(source, tmp_path / "second", "--config", settings) == Exit.OK
    assert (tmp_path / "second" / "a.txt").read_bytes() == (source / "a.txt").read_bytes()


def test_the_terminal_summary_counts_suggestions_and_rejected_edits(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(source, out) == Exit.OK
    ids = [str(e["id"]) for e in edits_of(out) if e["kind"] == "fix"]
    decisions = decide(tmp_path / "decisions.json", {ids[0]: "reject"})
    capsys.readouterr()
    assert main(["run", str(source), "--out", str(out), "--decisions", str(decisions)]) == 0
    printed = capsys.readouterr().out
    assert ", 1 rejected -> " in printed
    assert " suggestion" in printed.splitlines()[0]
