"""The command line behaves like the tools users know, and a hostile folder runs to the end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.cli import Exit, main
from pipeline.commands import common

GLUED = "It was thepress office.Evidently fine.\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"pipeline {__version__}"


def test_an_unknown_flag_prints_the_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--no-such-flag"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "usage: pipeline check" in err and "--no-such-flag" in err


@pytest.mark.parametrize("argv", [["check", "--include", ""], ["check", "--select", "ZZZ"]])
def test_settings_that_would_do_nothing_are_errors(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, str(tmp_path)]) == Exit.USAGE
    assert "pipeline: error:" in capsys.readouterr().err


def test_ctrl_c_exits_130_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(common, "run", interrupted)
    assert main(["check", str(tmp_path)]) == Exit.INTERRUPTED == 130
    assert capsys.readouterr().err == "pipeline: interrupted\n"


def test_a_closed_pipe_ends_quietly() -> None:
    """As `pipeline rules | head` does once head has gone: exit 141, no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "pipeline", "rules"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert finished.returncode == Exit.BROKEN_PIPE == 141
    assert finished.stderr == ""


def test_quiet_and_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GLUED)
    main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q"])
    assert capsys.readouterr() == ("", "")
    main(["check", str(tmp_path / "a.txt"), "-v"])
    assert "read " in capsys.readouterr().err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """One file of each hostile kind, beside two good ones."""
    root = tmp_path / "hostile"
    (root / "locked").mkdir(parents=True)
    (root / "good.txt").write_text(GLUED)
    (root / "odd \x1b[2J name\n.txt").write_text(GLUED)
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(GLUED)
    (root / "gbk.txt").write_bytes(("这是中文文本，你好世界。" * 8 + "\n").encode("gbk"))
    (root / "gbk-short.txt").write_bytes("这是中文文本，你好世界。\n".encode("gbk"))
    (root / "utf16.txt").write_bytes(GLUED.encode("utf-16"))
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "nul.txt").write_bytes(b"text\x00more text\n")
    (root / "empty.txt").write_bytes(b"")
    os.mkfifo(root / "fifo.txt")
    (root / "broken.txt").symlink_to(root / "nowhere.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "huge-line.txt").write_text(
        "word " * 13_000 + "It\u00e2\u20ac\u2122s" + "x" * 200_000 + "\n"
    )
    (root / "locked" / "secret.txt").write_text(GLUED)
    return root


def test_a_hostile_folder_runs_to_the_end(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = str(hostile / "locked")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # root reads any folder: refuse like a kernel would
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    err, printed = StringIO(), StringIO()
    with redirect_stderr(err), redirect_stdout(printed):
        code = main(["run", str(hostile), "--out", str(out)])
    messages = err.getvalue()
    assert code == Exit.FAILED
    assert "Traceback" not in messages and "\x1b" not in messages + printed.getvalue()
    for reason in (
        "binary.txt: binary file",
        "nul.txt: binary file",
        "gbk-short.txt: not UTF-8, and its encoding is in doubt",
        "fifo.txt: a named pipe",
        "broken.txt: broken symbolic link",
        "loop.txt: symbolic link loop",
        "locked: cannot read folder",
    ):
        assert reason in messages
    cleaned = "It was the press office. Evidently fine.\n"
    assert (out / "good.txt").read_text() == cleaned
    assert (out / "odd \x1b[2J name\n.txt").read_text() == cleaned
    assert (out / os.fsdecode(b"caf\xe9.txt")).read_text() == cleaned
    assert (out / "utf16.txt").read_text() == cleaned
    assert (out / "empty.txt").read_text() == ""
    assert (out / "gbk.txt").read_text().startswith("这是中文文本")
    assert "It's" + "x" * 10 in (out / "huge-line.txt").read_text()  # repaired, quote straightened
    assert "\x1b" not in (out / "report.md").read_text()
    assert "\x1b" not in (out / "report.html").read_text()
