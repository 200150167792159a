"""Reading and writing files: encodings, special files, bounded reads, modes, links."""

from __future__ import annotations

import io
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.files import (
    TEMPORARY_MARK,
    InputError,
    _read_up_to,
    decode,
    read_bytes,
    read_source,
    remove_stray_temporaries,
    rewrite_in_place,
    write_atomic,
)

CHINESE = (
    "这是中文文本，你好世界。我们今天去北京参加会议，讨论经济发展和国际合作的问题。"
    "天气很好，大家都很高兴。政府宣布了新的政策，以支持中小企业的发展。\n"
)
RUSSIAN = (
    "Привет, мир. Это русский текст. Министр внутренних дел провёл встречу с коллегами "
    "из соседних стран, чтобы обсудить вопросы безопасности и сотрудничества.\n"
)
KOREAN = (
    "안녕하세요 세계. 한국어 텍스트입니다. 정부는 오늘 새로운 경제 정책을 발표했습니다. "
    "많은 사람들이 이 소식을 환영했습니다.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(CHINESE, "gbk"), (RUSSIAN, "cp1251"), (KOREAN, "euc-kr"), (RUSSIAN, "koi8-r")],
)
def test_legacy_encodings_are_detected_not_misread_as_windows_1252(
    text: str, encoding: str, tmp_path: Path
) -> None:
    decoded = decode(text.encode(encoding), tmp_path / "x.txt")
    assert decoded.text == text
    assert not decoded.assumed


def test_a_short_file_whose_encoding_is_in_doubt_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"x\.txt: not UTF-8, and its encoding is in doubt"):
        decode("这是中文文本，你好世界。\n".encode("gbk"), tmp_path / "x.txt")


def test_western_text_falls_back_to_windows_1252_and_says_it_assumed_it(tmp_path: Path) -> None:
    decoded = decode("It\u2019s a caf\u00e9 \u2013 fine.\n".encode("cp1252"), tmp_path / "x.txt")
    assert decoded.text == "It\u2019s a caf\u00e9 \u2013 fine.\n"
    assert (decoded.encoding, decoded.assumed) == ("cp1252", True)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(encoding: str, tmp_path: Path) -> None:
    data = "\ufeffHello w\u00f6rld\n".encode(encoding)
    if encoding in ("utf-16", "utf-32"):
        data = "Hello w\u00f6rld\n".encode(encoding)  # the codec writes the mark itself
    decoded = decode(data, tmp_path / "x.txt")
    assert decoded.text.lstrip("\ufeff") == "Hello w\u00f6rld\n"


def test_binary_and_utf8_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x00\x01\x02PNG", tmp_path / "x.bin")
    assert decode("caf\u00e9".encode(), tmp_path / "x").encoding == "utf-8"
    assert decode(b"", tmp_path / "x").text == ""


def test_text_with_a_few_control_bytes_is_text_and_they_are_removed_as_edits(
    tmp_path: Path,
) -> None:
    """As a PDF extractor leaves them in a formula: read, and cleaned by recorded edits."""
    data = b"Suppose there are Xd\x07feg\x11=T;#\x05%$ such that X\x12\x14eih holds for all."
    decoded = decode(data, tmp_path / "extracted.txt")
    result = clean(decoded.text)
    assert not any(ch in result.text for ch in "\x05\x07\x11\x12\x14")
    removed = [e for e in result.edits if e.rule.name == "control-character"]
    assert "".join(e.before for e in removed) == "\x07\x11\x05\x12\x14"
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x01\x02\x03\x04 mostly control bytes", tmp_path / "x.bin")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_bytes(fifo)
        except InputError as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert outcome and "named pipe" in outcome[0]


def test_a_device_is_refused_and_reads_are_bounded(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="character device"):
        read_bytes(Path("/dev/zero"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="larger than"):
        read_bytes(big, limit=1024)
    assert read_source(big, limit=4096).text == "a" * 2048
    assert read_bytes(big, limit=2048) == b"a" * 2048  # the limit itself is allowed


@pytest.mark.parametrize("limit", [1, 10, 100, 1000])
def test_a_file_that_grew_since_it_was_opened_is_read_on_to_the_limit(limit: int) -> None:
    """Read as large as it was when opened, and on from there, never past the limit."""
    held = b"0123456789" * 50
    handle = io.BytesIO(held)
    for size_when_opened in (0, 5, len(held)):
        handle.seek(0)
        data = _read_up_to(handle, limit + 1, size_when_opened)
        assert data == held[: limit + 1]


def test_new_files_honour_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_rewrite_keeps_the_mode_and_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    target.chmod(0o754)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    rewrite_in_place(link, b"new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o754


def test_a_file_with_other_hard_links_is_not_rewritten(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("old\n")
    os.link(first, tmp_path / "second.txt")
    with pytest.raises(InputError, match="hard links"):
        rewrite_in_place(first, b"new\n")
    assert (tmp_path / "second.txt").read_text() == "old\n"


def test_stray_temporaries_of_an_interrupted_run_are_removed(tmp_path: Path) -> None:
    stray = tmp_path / f".a.txt.x1y2{TEMPORARY_MARK}"
    fresh = tmp_path / f".b.txt.z3{TEMPORARY_MARK}"
    mine = tmp_path / ".a.txt.keep"
    for path in (stray, fresh, mine):
        path.write_text("")
    old = time.time() - 3600
    os.utime(stray, (old, old))
    assert remove_stray_temporaries(tmp_path) == [stray]
    assert fresh.exists() and mine.exists()


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old\n")

    def killed(source: object, destination: object) -> None:
        raise KeyboardInterrupt  # what SIGTERM becomes under the console script

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        rewrite_in_place(target, b"new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert target.read_text() == "old\n"
