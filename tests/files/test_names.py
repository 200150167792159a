"""File names shown to people, quoted for patch, encoded for SARIF: every byte survives."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.files.names import git_quoted, shown, uri

ODD = [
    b"two words.txt",
    b"tab\there.txt",
    b"new\nline.txt",
    b"caf\xe9.txt",
    b"esc\x1b[2J.txt",
    b'quo"te.txt',
    b"back\\slash.txt",
    "\u00fcn\u00ef.txt".encode(),
    "rtl\u202eevil.txt".encode(),
]
GLUED = "It was thepress office.Evidently fine.\n"


@pytest.mark.parametrize("raw", ODD)
def test_shown_names_hold_nothing_a_terminal_acts_on(raw: bytes) -> None:
    text = shown(os.fsdecode(raw))
    assert text.isprintable()
    assert "\x1b" not in text and "\u202e" not in text


def test_quoting_and_uris_keep_every_byte() -> None:
    assert git_quoted("a/caf" + os.fsdecode(b"\xe9") + ".txt") == '"a/caf\\351.txt"'
    assert uri(os.fsdecode(b"caf\xe9 1.txt")) == "caf%E9%201.txt"


@pytest.mark.skipif(not shutil.which("patch"), reason="GNU patch not installed")
def test_changes_diff_applies_to_odd_names_with_patch(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for raw in ODD:
        (source / os.fsdecode(raw)).write_text(GLUED)
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    diff = out / "changes.diff"
    subprocess.run(["patch", "-s", "-p1", "-i", str(diff)], cwd=copy, check=True)
    for raw in ODD:
        name = os.fsdecode(raw)
        assert (copy / name).read_bytes() == (out / name).read_bytes()
    report = (out / "report.md").read_text()
    assert "\x1b" not in report and "<summary>esc\\x1b[2J.txt: " in report


def test_sarif_uris_are_percent_encoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pipeline.toml").write_text("")
    (tmp_path / "a b#1.txt").write_text(GLUED)
    main(["check", str(tmp_path), "--format", "sarif"])
    out = capsys.readouterr().out
    assert '"uri": ' in out and "a%20b%231.txt" in out
