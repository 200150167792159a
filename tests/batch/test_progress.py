"""Progress: a bar on a terminal, a plain line every few seconds in a log, nothing when quiet."""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.batch.progress import Bar, Lines, Silent, for_stream
from pipeline.config import Config
from pipeline.runner import run


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_kind_follows_the_stream() -> None:
    assert isinstance(for_stream(Terminal()), Bar)
    assert isinstance(for_stream(io.StringIO()), Lines)
    assert isinstance(for_stream(Terminal(), quiet=True), Silent)


def test_lines_come_every_few_seconds_with_files_size_and_rate() -> None:
    ticks = iter([0.0, 1.0, 2.0, 6.0, 7.0, 13.0, 13.0, 13.0])
    log = io.StringIO()
    lines = Lines(log, clock=lambda: next(ticks), every=5.0)
    lines.start("cleaning", 4, 4 * 1024 * 1024)
    for _ in range(4):
        lines.advance(1024 * 1024)
    lines.finish()
    assert log.getvalue().splitlines() == [
        "cleaning: 3/4 files, 3.0/4.0 MB, 0.50 MB/s",
        "cleaning: 4/4 files, 4.0/4.0 MB, 0.31 MB/s",
    ]


def test_a_bar_shows_the_pass_in_bytes_and_clears_when_done() -> None:
    screen = Terminal()
    bar = Bar(screen)
    bar.start("counting words", 2, 10)
    bar.advance(4)
    bar.advance(6)
    bar.finish()
    drawn = screen.getvalue()
    assert drawn.startswith("\rcounting words:   0%") and "B/s" in drawn
    assert drawn.endswith("\r")  # the line is wiped, so the summary prints on a clean line


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    def start(self, name: str, files: int, size: int) -> None:
        self.events.append((name, files))

    def within(self, size: int) -> None:
        self.events.append(("within", size))

    def advance(self, size: int) -> None:
        self.events.append(("file", size))

    def finish(self) -> None:
        self.events.append(("done", 0))


def test_the_runner_reports_each_pass_and_file(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("It is thepress office.\n")
    recorder = Recorder()
    run([tmp_path], Config(), progress=recorder)
    passes = [name for name, _ in recorder.events if name not in ("file", "done", "within")]
    assert passes == ["counting words", "cleaning"]
    assert recorder.events.count(("file", 23)) == 4  # each file once per pass, with its size


def test_the_last_line_is_not_printed_twice() -> None:
    ticks = iter([0.0, 6.0, 6.0, 6.0])
    log = io.StringIO()
    lines = Lines(log, clock=lambda: next(ticks), every=5.0)
    lines.start("counting words", 1, 1024 * 1024)
    lines.advance(1024 * 1024)
    lines.finish()
    assert log.getvalue().splitlines() == ["counting words: 1/1 files, 1.0/1.0 MB, 0.17 MB/s"]


def test_one_large_file_shows_progress_piece_by_piece(tmp_path: Path) -> None:
    from pipeline.batch import chunks

    paragraph = ("It is thepress office, and a long paragraph of text follows here. " * 20).strip()
    (tmp_path / "big.txt").write_text((paragraph + "\n\n") * 400)
    recorder = Recorder()
    original = chunks.PIECE
    chunks.PIECE = 20_000
    try:
        run([tmp_path], Config(), progress=recorder)
    finally:
        chunks.PIECE = original
    cleaning = recorder.events[recorder.events.index(("cleaning", 1)) :]
    inside = [size for name, size in cleaning if name == "within"]
    assert len(inside) > 5  # before the file is done
    assert cleaning.index(("within", inside[0])) < cleaning.index(
        ("file", (tmp_path / "big.txt").stat().st_size)
    )
