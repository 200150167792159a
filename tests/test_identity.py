"""One identity per edit: a run's report, a check and a baseline name an edit alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's sample, with its settings, as the working folder."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pipeline.toml").write_text('paths = ["seeds"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report_ids(out: Path) -> set[str]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {e["id"] for f in report["files"] for e in f["edits"] if e["kind"] != "rejected"}


def check_ids(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    capsys.readouterr()
    main(["check", "--format", "json", "-q", *args])
    return {f["id"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_a_run_a_check_and_a_baseline_name_the_same_edits_alike(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["run", "-q"]) == 0
    ran = report_ids(project / "output")
    assert ran
    assert check_ids(capsys) == ran  # the settings' paths, from the project root
    assert check_ids(capsys, "seeds/000_ce916e62e6b53b08.txt") == ran  # as pre-commit names it
    assert main(["check", "--write-baseline", "base.json", "-q"]) == 0
    baseline = json.loads((project / "base.json").read_text(encoding="utf-8"))
    assert {entry["id"] for entry in baseline["findings"]} == ran
    monkeypatch.chdir(project / "seeds")  # from a subfolder: the same root, the same ids
    assert check_ids(capsys, "000_ce916e62e6b53b08.txt") == ran


def test_without_settings_ids_name_files_from_the_folder_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("It was thepress office,said he.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pipeline.toml").unlink(missing_ok=True)
    monkeypatch.setattr("pipeline.config.find_file", lambda start: None)
    assert main(["run", "corpus", "--out", "out", "-q"]) == 0
    assert check_ids(capsys, "corpus") == report_ids(tmp_path / "out")


def test_the_committed_baseline_holds_the_committed_reports_ids() -> None:
    """On the project itself: report ids, check fingerprints and baseline entries agree."""
    baseline = json.loads((ROOT / "seeds.baseline.json").read_text(encoding="utf-8"))
    assert {entry["id"] for entry in baseline["findings"]} == report_ids(ROOT / "output")
