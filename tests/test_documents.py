"""The JSON the tool writes has its shipped schema, and what it reads back is read strictly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline import documents
from pipeline.batch.manifest import NAME, RECORDS
from pipeline.cli import main
from pipeline.decisions import FORMAT_VERSION as DECISIONS_VERSION

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"


@pytest.mark.parametrize("name", documents.SCHEMAS)
def test_every_schema_is_a_valid_draft_7_schema(name: str) -> None:
    jsonschema.Draft7Validator.check_schema(documents.schema(name))


def test_the_shipped_validators_are_those_the_schemas_give_now() -> None:
    """tools/validators.py writes them; run it after changing a schema or fastjsonschema."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import validators  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "tools"))
    for file_name, text in validators.modules().items():
        shipped = (ROOT / "pipeline" / "validators" / file_name).read_text(encoding="utf-8")
        assert shipped == text, f"pipeline/validators/{file_name} is stale"


def test_report_and_check_share_one_edit_record() -> None:
    assert (
        documents.schema("report")["definitions"]["edit"]
        == documents.schema("check")["definitions"]["edit"]
    )


def test_the_committed_outputs_have_their_schemas() -> None:
    report = json.loads((OUTPUT / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, documents.schema("report"))
    jsonschema.validate(json.loads((OUTPUT / NAME).read_text()), documents.schema("run"))
    for line in (OUTPUT / RECORDS).read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), documents.schema("records"))
    baseline = json.loads((ROOT / "seeds.baseline.json").read_text(encoding="utf-8"))
    jsonschema.validate(baseline, documents.schema("baseline"))


def test_check_json_has_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "check",
            str(ROOT / "seeds"),
            "--format",
            "json",
            "-q",
            "--config",
            str(ROOT / "pyproject.toml"),
        ]
    )
    jsonschema.validate(json.loads(capsys.readouterr().out), documents.schema("check"))


def test_the_review_pages_export_has_the_decisions_schema() -> None:
    """review.js writes `{"version": N, "decisions": {...}}`: N is the version we read."""
    script = (ROOT / "pipeline" / "report" / "templates" / "review.js").read_text()
    assert f"version: {DECISIONS_VERSION}" in script
    exported = {"version": DECISIONS_VERSION, "decisions": {"0" * 32: "reject"}}
    jsonschema.validate(exported, documents.schema("decisions"))


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('{"version": true, "decisions": {}}', "version is True"),
        ('{"version": 1.0, "decisions": {}}', "version must be an integer"),
        ('{"version": 1, "decisions": {"a": "maybe"}}', "decisions"),
        ('{"version": 1, "decisions": {}, "decisions": {}}', "given twice"),
        ('{"version": 1, "decisions": {}, "extra": 1}', "extra"),
        ("[]", "the document"),
        ("\xff", "not UTF-8"),
    ],
)
def test_a_malformed_decisions_file_is_refused_with_its_fault(
    tmp_path: Path, text: str, fault: str
) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(text.encode("latin-1") if text == "\xff" else text.encode())
    with pytest.raises(documents.DocumentError, match=r"d\.json") as error:
        documents.load(path, "decisions")
    assert fault in str(error.value)


@pytest.mark.parametrize("flag", ["--decisions", "--config", "--baseline"])
def test_a_fifo_or_a_device_named_as_a_settings_file_is_refused_at_once(
    tmp_path: Path, flag: str
) -> None:
    """Read as the sources are: a FIFO would block, /dev/zero would fill memory."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text("Fine text.\n")
    for named in (fifo, Path("/dev/zero")):
        command = "check" if flag == "--baseline" else "run"
        args = [command, str(tmp_path / "a.txt"), flag, str(named)]
        if command == "run":
            args += ["--out", str(tmp_path / "out")]
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2, done.stderr
        assert named.name in done.stderr
        assert "not a text file" in done.stderr


def test_decisions_say_how_many_of_them_matched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("It was thepress office.\n")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(out), "-q"]) == 0
    ids = [
        e["id"] for f in json.loads((out / "report.json").read_text())["files"] for e in f["edits"]
    ]
    decisions = {ids[0]: "reject", "f" * 32: "reject"}
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"version": 1, "decisions": decisions}))
    capsys.readouterr()
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(out), "--decisions", str(path)]) == 0
    assert "decisions: 1 of 2 name an edit of this run; 1 name none" in capsys.readouterr().err
