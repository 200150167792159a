"""End to end: `pipeline run` on temporary folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import Exit, main

DAMAGED = (
    " \u00abWe cooperate\u00bb,said the minister.It was a good day,especially here.  \n\n\n\n"
    "Second   paragraph.\r\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (source / "sub" / "b.txt").write_text("Already clean.\n", encoding="utf-8")
    (source / "notes.md").write_text("not selected  by default\n", encoding="utf-8")
    return source


def run(*args: str | Path) -> int:
    return main(["run", *map(str, args)])


def test_run_writes_cleaned_mirror_and_reports(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(corpus, "--out", out) == Exit.OK
    assert (out / "a.txt").read_text() == (
        '"We cooperate", said the minister. It was a good day, especially here.\n\n'
        "Second paragraph.\n"
    )
    assert (out / "sub" / "b.txt").read_text() == "Already clean.\n"
    assert not (out / "notes.md").exists()
    for name in ("report.md", "report.html", "report.json", "changes.diff"):
        assert (out / name).is_file()
    assert (corpus / "a.txt").read_bytes() == DAMAGED.encode()  # the source is untouched


def test_json_report_lists_every_edit(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(corpus, "--out", out)
    report = json.loads((out / "report.json").read_text())
    files = {f["path"]: f for f in report["files"]}
    assert files["sub/b.txt"]["edits"] == []
    rules = {e["rule"] for e in files["a.txt"]["edits"]}
    assert {"W006", "W007", "Q001", "P001"} <= rules
    first = files["a.txt"]["edits"][0]
    assert set(first) >= {
        "path",
        "line",
        "column",
        "before",
        "after",
        "rule",
        "stage",
        "confidence",
        "message",
    }


def _apply_patch(diff: Path, folder: Path) -> None:
    if shutil.which("patch"):
        subprocess.run(["patch", "-s", "-p1", "-i", str(diff)], cwd=folder, check=True)
    else:
        subprocess.run(["git", "apply", "-p1", str(diff)], cwd=folder, check=True)


def test_unified_diff_reproduces_the_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(corpus, "--out", out)
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    _apply_patch(out / "changes.diff", copy)
    for cleaned in ("a.txt", "sub/b.txt"):
        assert (copy / cleaned).read_bytes() == (out / cleaned).read_bytes()


def test_run_on_its_own_output_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    run(corpus, "--out", tmp_path / "out")
    assert run(tmp_path / "out", "--out", tmp_path / "again") == Exit.OK
    report = json.loads((tmp_path / "again" / "report.json").read_text())
    assert report["summary"]["files_changed"] == 0
    assert (tmp_path / "again" / "changes.diff").read_text() == ""


@pytest.mark.parametrize("out", ["src", "src/out"])
def test_refuses_an_output_folder_in_a_source(
    corpus: Path, tmp_path: Path, out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(corpus, "--out", tmp_path / out) == Exit.USAGE
    assert "inside source folder" in capsys.readouterr().err
    assert not (corpus / "report.md").exists()


def test_bad_inputs_are_named_and_the_rest_goes_on(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00\x00")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin.txt").write_bytes("It\u2019s caf\u00e9\n".encode("cp1252"))
    unreadable = corpus / "locked.txt"
    unreadable.write_text("secret\n")
    unreadable.chmod(0)
    out = tmp_path / "out"
    code = run(corpus, tmp_path / "missing", "--out", out)
    err = capsys.readouterr().err
    assert code == Exit.FAILED
    assert "binary.txt: binary file" in err
    assert "missing: no such file or folder" in err
    if os.geteuid() != 0:  # root reads anything
        assert "locked.txt: cannot read" in err
    assert (out / "a.txt").is_file()
    assert (out / "empty.txt").read_text() == ""
    assert (out / "latin.txt").read_text(encoding="utf-8") == "It's caf\u00e9\n"
    assert "latin.txt" not in (out / "changes.diff").read_text()


def test_config_file_and_flags(corpus: Path, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('include = ["*.md", "*.txt"]\n[quotes]\nstyle = "curly"\n')
    out = tmp_path / "out"
    assert run(corpus, "--out", out, "--config", settings, "--disable", "punctuation") == 0
    assert (out / "notes.md").read_text() == "not selected by default\n"
    assert (out / "a.txt").read_text().startswith("\u201cWe cooperate\u201d,said the minister.It")
    out2 = tmp_path / "out2"
    assert run(corpus, "--out", out2, "--config", settings, "--quote-style", "keep") == 0
    kept = (out2 / "a.txt").read_text()
    assert kept.startswith("\u00abWe cooperate\u00bb, said the minister. It")


def test_bad_config_is_a_usage_error(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "bad.toml"
    settings.write_text("[quotes]\nstyle = 3\n")
    assert run(corpus, "--out", tmp_path / "out", "--config", settings) == Exit.USAGE
    assert "quotes.style" in capsys.readouterr().err


def test_default_paths_and_module_entry(corpus: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(corpus, work / "seeds")
    result = subprocess.run(
        ["python", "-m", "pipeline", "run"], cwd=work, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (work / "output" / "a.txt").is_file()
    assert "files read" in result.stdout


def test_each_stage_s_edits_and_time_are_in_the_run_s_summary(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report.json adds up each stage's edits; its seconds only with --timings, so that two
    runs' reports are otherwise the same byte for byte.  The terminal shows the times."""
    import jsonschema

    from pipeline.documents import schema
    from pipeline.stages import stage_names

    assert run(corpus, "--out", tmp_path / "plain", "-j1") == Exit.OK
    assert "time by stage: unicode " in capsys.readouterr().out
    summary = json.loads((tmp_path / "plain" / "report.json").read_text())["summary"]
    stages = summary["by_stage"]
    assert [s["stage"] for s in stages] == list(stage_names())
    assert sum(s["fixes"] for s in stages) == summary["fixes"]
    assert all("seconds" not in s for s in stages)
    by_rule = {s: 0 for s in stage_names()}
    for count in summary["by_rule"]:
        by_rule[count["stage"]] += count["fixes"]
    assert by_rule == {s["stage"]: s["fixes"] for s in stages}

    assert run(corpus, "--out", tmp_path / "timed", "-j1", "--timings") == Exit.OK
    report = json.loads((tmp_path / "timed" / "report.json").read_text())
    jsonschema.validate(report, schema("report"))
    timed = report["summary"]["by_stage"]
    assert all(s["seconds"] >= 0 for s in timed) and sum(s["seconds"] for s in timed) > 0
    assert [{k: v for k, v in s.items() if k != "seconds"} for s in timed] == stages
