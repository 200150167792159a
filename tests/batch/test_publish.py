"""Publishing a run: refused before anything is written, or swapped in whole."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from pipeline.batch import writer
from pipeline.batch.publish import MANIFEST
from pipeline.cli import Exit, main
from pipeline.files import staging

TEXT = "It was thepress office.Evidently fine.\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "report.md").write_text("my own notes\n")
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_file_source_inside_the_output_folder_is_refused_before_writing(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(notes)
    assert main(["run", str(notes / "a.txt"), "--out", str(notes)]) == Exit.USAGE
    assert "inside output folder" in capsys.readouterr().err
    assert tree(notes) == before


def test_a_folder_of_the_users_own_files_is_not_replaced(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "b.txt").write_text(TEXT)
    assert main(["run", str(source), "--out", str(notes)]) == Exit.USAGE
    assert "did not write" in capsys.readouterr().err
    assert (notes / "report.md").read_text() == "my own notes\n"


@pytest.mark.parametrize("target", ["file", "/dev/null"])
def test_an_output_that_is_not_a_folder_is_refused(
    notes: Path, tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "file.txt" if target == "file" else Path(target)
    if target == "file":
        out.write_text("keep\n")
    assert main(["run", str(notes / "a.txt"), "--out", str(out)]) == Exit.USAGE
    assert "is not a folder" in capsys.readouterr().err
    if target == "file":
        assert out.read_text() == "keep\n"


def test_a_read_only_output_folder_is_refused(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main(["run", str(notes / "a.txt"), "--out", str(out)]) == Exit.USAGE
    finally:
        out.chmod(0o755)
    assert "read-only" in capsys.readouterr().err
    assert not any(out.iterdir())


def test_a_write_failure_leaves_the_previous_run_whole(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(notes / "a.txt"), "--out", str(out), "-q"]) == Exit.OK
    before = tree(out)
    (notes / "a.txt").write_text("Another text.Changed\n")

    def full(path: Path, mode: str) -> BinaryIO:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(writer, "open", full, raising=False)
    assert main(["run", str(notes / "a.txt"), "--out", str(out)]) == Exit.USAGE
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "out"]  # no stage left


def test_an_interrupted_run_leaves_the_previous_run_whole(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    main(["run", str(notes / "a.txt"), "--out", str(out), "-q"])
    before = tree(out)
    (notes / "a.txt").write_text("Another text.Changed\n")

    def interrupted(path: Path, mode: str) -> BinaryIO:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "open", interrupted, raising=False)
    assert main(["run", str(notes / "a.txt"), "--out", str(out), "-q"]) == Exit.INTERRUPTED
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "out"]


def test_a_swap_cut_short_is_recovered(notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["run", str(notes / "a.txt"), "--out", str(out), "-q"])
    aside = tmp_path / f".out.{staging.OLD_MARK}x1"
    os.rename(out, aside)  # as if killed between the two renames of the fallback swap
    (tmp_path / f".out.{staging.NEW_MARK}y2").mkdir()
    assert main(["run", str(notes / "a.txt"), "--out", str(out), "-q"]) == Exit.OK
    assert (out / MANIFEST).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "out"]


def test_two_runs_cannot_write_one_folder(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with staging.locked(out):
        assert main(["run", str(notes / "a.txt"), "--out", str(out)]) == Exit.USAGE
    assert "another pipeline run is writing to" in capsys.readouterr().err
    assert main(["run", str(notes / "a.txt"), "--out", str(out), "-q"]) == Exit.OK
    assert not (tmp_path / ".out.pipeline-lock").exists()


def test_the_fallback_swap_without_an_atomic_exchange(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    main(["run", str(notes / "a.txt"), "--out", str(out), "-q"])
    monkeypatch.setattr(staging, "_exchange", lambda first, second: False)
    (notes / "a.txt").write_text("New text.Here\n")
    assert main(["run", str(notes / "a.txt"), "--out", str(out), "-q"]) == Exit.OK
    assert (out / "a.txt").read_text() == "New text. Here\n"


def test_a_tree_deeper_than_path_max_is_named_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "ok.txt").write_text(TEXT)
    monkeypatch.chdir(source)
    for _ in range(25):  # 5,000 characters: built one relative step at a time
        os.mkdir("d" * 200)
        os.chdir("d" * 200)
    Path("x.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == Exit.FAILED
    err = capsys.readouterr().err
    assert "File name too long" in err and "Traceback" not in err
    assert (out / "ok.txt").read_text() == "It was the press office. Evidently fine.\n"


def test_a_name_the_output_cannot_hold_is_left_out_and_named(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (notes / "b.txt").write_text(TEXT)

    def refuse_b(path: Path, mode: str) -> BinaryIO:
        if path.name == "b.txt":
            raise OSError(errno.ENAMETOOLONG, "File name too long", str(path))
        return open(path, mode)

    monkeypatch.setattr(writer, "open", refuse_b, raising=False)
    out = tmp_path / "out"
    assert main(["run", str(notes), "--out", str(out), "-q"]) == Exit.FAILED
    assert "b.txt: cannot write: File name too long; left out" in capsys.readouterr().err
    assert (out / "a.txt").is_file() and not (out / "b.txt").exists()


def run_under_umask(mask: int, source: Path, out: Path) -> None:
    old = os.umask(mask)
    try:
        main(["run", str(source), "--out", str(out), "-q", "--force"])
    finally:
        os.umask(old)


def test_outputs_honour_the_umask(notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_under_umask(0o077, notes / "a.txt", out)
    assert stat.S_IMODE((out / "a.txt").stat().st_mode) == 0o600
    run_under_umask(0o022, notes / "a.txt", out)
    assert stat.S_IMODE((out / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
