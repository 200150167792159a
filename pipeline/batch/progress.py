"""Progress of a batch's passes: a bar on a terminal, a plain line every few seconds elsewhere.

The runner says when a pass starts (its files and bytes) and when each file is
done; how that is shown is chosen here, from where standard error goes.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NoReturn, Protocol, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm

PLAIN_EVERY_SECONDS = 5.0  # how often a log (CI, a file) gets a line
MB = 1024 * 1024


class Progress(Protocol):
    def start(self, name: str, files: int, size: int) -> None: ...

    def within(self, size: int) -> None:
        """`size` more bytes of the file under way are done (a large file, piece by piece)."""

    def advance(self, size: int) -> None:
        """A file of `size` bytes is done (what `within` told of it included)."""

    def finish(self) -> None: ...


# The pass under way in this process, and the process that started it: a worker forked
# from it inherits the entry, but its progress is the parent's to show.
_UNDER_WAY: list[tuple[int, Progress]] = []


@contextlib.contextmanager
def under_way(progress: Progress) -> Iterator[None]:
    """While a pass runs: what cleaning a large file in this process reports to."""
    _UNDER_WAY.append((os.getpid(), progress))
    try:
        yield
    finally:
        _UNDER_WAY.pop()


def within_file(size: int) -> None:
    """Tell the pass under way (if it is this process's) that `size` bytes more of the file
    being cleaned are done: one 60 MB file shows progress before it ends."""
    if _UNDER_WAY and _UNDER_WAY[-1][0] == os.getpid():
        _UNDER_WAY[-1][1].within(size)


class Silent:
    """No progress shown (-q, or a batch of one file)."""

    def start(self, name: str, files: int, size: int) -> None:
        pass

    def within(self, size: int) -> None:
        pass

    def advance(self, size: int) -> None:
        pass

    def finish(self) -> None:
        pass


class Bar:
    """A tqdm bar per pass: bytes done, rate, files in the postfix."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._bar: tqdm[NoReturn] | None = None
        self._files = 0
        self._total_files = 0
        self._within = 0  # bytes of the file under way already shown

    def start(self, name: str, files: int, size: int) -> None:
        self._files, self._total_files, self._within = 0, files, 0
        from tqdm import tqdm  # a terminal's bar only

        self._bar = tqdm(
            total=size, desc=name, unit="B", unit_scale=True, file=self._stream, leave=False
        )

    def within(self, size: int) -> None:
        if self._bar is not None:
            self._within += size
            self._bar.update(size)

    def advance(self, size: int) -> None:
        if self._bar is not None:
            self._files += 1
            self._bar.set_postfix_str(f"{self._files}/{self._total_files} files", refresh=False)
            self._bar.update(max(0, size - self._within))
            self._within = 0

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class Lines:
    """A plain line every few seconds, for logs where a bar would be noise."""

    def __init__(
        self,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        every: float = PLAIN_EVERY_SECONDS,
    ) -> None:
        self._stream, self._clock, self._every = stream, clock, every
        self._name, self._files, self._total_files = "", 0, 0
        self._size, self._total_size, self._within = 0, 0, 0
        self._began = self._last = 0.0
        self._shown: tuple[int, int] | None = None  # files and bytes the last line said

    def start(self, name: str, files: int, size: int) -> None:
        self._name, self._files, self._total_files = name, 0, files
        self._size, self._total_size, self._within = 0, size, 0
        self._began = self._last = self._clock()
        self._shown = None

    def within(self, size: int) -> None:
        self._within += size
        self._size += size
        self._maybe_line()

    def advance(self, size: int) -> None:
        self._files += 1
        self._size += max(0, size - self._within)
        self._within = 0
        self._maybe_line()

    def _maybe_line(self) -> None:
        now = self._clock()
        if now - self._last >= self._every:
            self._last = now
            self._line(now)

    def finish(self) -> None:
        """The pass's last line, unless the last one printed already said it all."""
        if self._clock() - self._began >= self._every and self._shown != (
            self._files,
            self._size,
        ):
            self._line(self._clock())

    def _line(self, now: float) -> None:
        self._shown = (self._files, self._size)
        rate = self._size / MB / max(now - self._began, 1e-9)
        print(
            f"{self._name}: {self._files}/{self._total_files} files, "
            f"{self._size / MB:.1f}/{self._total_size / MB:.1f} MB, {rate:.2f} MB/s",
            file=self._stream,
            flush=True,
        )


def for_stream(stream: TextIO = sys.stderr, quiet: bool = False) -> Progress:
    """A bar on a terminal, lines elsewhere, nothing when quiet."""
    if quiet:
        return Silent()
    return Bar(stream) if stream.isatty() else Lines(stream)
