"""`pipeline fix` never mangles a byte: encodings, modes and links kept, doubtful files left."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import Exit, main
from tests.files.test_files import CHINESE, RUSSIAN

GLUED = "It was thepress office.Evidently fine.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pipeline.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("text", "encoding"), [(CHINESE, "gbk"), (RUSSIAN, "cp1251")])
def test_fix_writes_a_legacy_encoding_back_in_that_encoding(
    folder: Path, text: str, encoding: str
) -> None:
    source = folder / "x.txt"
    source.write_bytes((text + GLUED).encode(encoding))
    assert main(["fix", "x.txt", "-q"]) == Exit.FAILED  # changed something
    assert source.read_bytes() == (text + "It was the press office. Evidently fine.\n").encode(
        encoding
    )


def test_fix_leaves_a_file_whose_encoding_is_in_doubt_untouched(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = folder / "x.txt"
    data = "这是中文文本，你好世界。\n".encode("gbk")
    source.write_bytes(data)
    assert main(["fix", "x.txt"]) == Exit.FAILED
    assert "encoding is in doubt" in capsys.readouterr().err
    assert source.read_bytes() == data


def test_fix_does_not_rewrite_a_file_whose_encoding_was_assumed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = folder / "x.txt"
    data = ("Caf\u00e9 " + GLUED).encode("cp1252")
    source.write_bytes(data)
    assert main(["fix", "x.txt"]) == Exit.FAILED
    assert "not rewritten" in capsys.readouterr().err
    assert source.read_bytes() == data


def test_fix_keeps_utf16_as_utf16(folder: Path) -> None:
    source = folder / "x.txt"
    source.write_bytes(GLUED.encode("utf-16"))
    main(["fix", "x.txt", "-q"])
    assert source.read_bytes() == "It was the press office. Evidently fine.\n".encode("utf-16")


def test_fix_keeps_the_mode_the_link_and_refuses_hard_links(folder: Path) -> None:
    real = folder / "real.txt"
    real.write_text(GLUED)
    real.chmod(0o664)
    (folder / "link.txt").symlink_to(real)
    shared = folder / "shared.txt"
    shared.write_text(GLUED)
    os.link(shared, folder / "other-name.txt")
    assert main(["fix", "link.txt", "shared.txt", "-q"]) == Exit.FAILED
    assert (folder / "link.txt").is_symlink()
    assert real.read_text() == "It was the press office. Evidently fine.\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    assert shared.read_text() == GLUED  # refused: it has another name
    assert (folder / "other-name.txt").read_text() == GLUED


def test_fix_diff_shows_and_changes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "x.txt").write_text(GLUED)
    assert main(["fix", "x.txt", "--diff"]) == Exit.FAILED
    out = capsys.readouterr().out
    assert "+It was the press office. Evidently fine." in out
    assert (folder / "x.txt").read_text() == GLUED


def test_fix_with_no_paths_takes_the_current_folder_and_skips_ignored_files(
    folder: Path,
) -> None:
    (folder / "x.txt").write_text(GLUED)
    (folder / "build").mkdir()
    (folder / "build" / "y.txt").write_text(GLUED)
    (folder / ".gitignore").write_text("build/\n")
    assert main(["fix", "-q"]) == Exit.FAILED
    assert (folder / "x.txt").read_text() != GLUED
    assert (folder / "build" / "y.txt").read_text() == GLUED


def test_fix_filters_standard_input(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GLUED.encode())))
    assert main(["fix", "-", "-q"]) == Exit.FAILED
    assert capsys.readouterr().out == "It was the press office. Evidently fine.\n"


def test_fix_removes_what_an_interrupted_fix_left(folder: Path) -> None:
    from pipeline.files import TEMPORARY_MARK

    (folder / "x.txt").write_text(GLUED)
    stray = folder / f".x.txt.abc{TEMPORARY_MARK}"
    stray.write_bytes(b"")
    os.utime(stray, (0, 0))
    assert main(["fix", "x.txt", "-q"]) == Exit.FAILED
    assert not stray.exists()


def test_fix_leaves_a_file_another_process_wrote_to_since_it_was_read(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.files import inplace

    source = folder / "x.txt"
    source.write_text(GLUED * 5000)
    real = inplace.encoded

    def appending(result: object) -> bytes:  # another writer, between the read and the replace
        with open(source, "a") as handle:
            handle.write("A line appended meanwhile.\n")
        return real(result)  # type: ignore[arg-type]

    monkeypatch.setattr(inplace, "encoded", appending)
    assert main(["fix", "x.txt"]) == Exit.FAILED
    assert "x.txt: changed since it was read; not rewritten" in capsys.readouterr().err
    assert source.read_text().endswith("A line appended meanwhile.\n")


def test_a_write_while_the_new_bytes_are_written_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import files

    source = tmp_path / "x.txt"
    source.write_text(GLUED)
    read_as = files.read_file(source)[1]
    real = files.temporary_beside

    def appending(path: Path) -> tuple[int, Path]:
        with open(source, "a") as handle:
            handle.write("more\n")
        return real(path)

    monkeypatch.setattr(files, "temporary_beside", appending)
    with pytest.raises(files.InputError, match="changed since it was read"):
        files.rewrite_in_place(source, b"cleaned\n", read_as)
    assert source.read_text() == GLUED + "more\n"
    assert not [p for p in tmp_path.iterdir() if p.name != "x.txt"]  # no temporary left


def fix_stdin(data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "fix", "-", "-q"],
        input=data,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # binary: cannot be read as text
        "Caf\u00e9 ".encode("cp1252") + GLUED.encode(),  # Windows-1252 only assumed
        "这是中文文本，你好世界。\n".encode("gbk"),  # encoding in doubt
    ],
    ids=["binary", "assumed", "in-doubt"],
)
def test_fix_as_a_filter_passes_what_it_cannot_clean_through_unchanged(data: bytes) -> None:
    done = fix_stdin(data)
    assert done.stdout == data
    assert done.returncode == Exit.FAILED
    assert b"standard input" in done.stderr


def test_fix_as_a_filter_writes_the_input_encoding() -> None:
    data = (CHINESE + GLUED).encode("gbk")
    done = fix_stdin(data)
    assert done.stdout == (CHINESE + "It was the press office. Evidently fine.\n").encode("gbk")
    assert done.returncode == Exit.FAILED  # something changed
