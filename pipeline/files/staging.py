"""Replacing a whole folder at once: a lock, a staging folder beside it, and an atomic swap.

A run writes its output into a fresh sibling folder, then swaps it with the
old output in one `renameat2(RENAME_EXCHANGE)` call (Linux), so a reader or a
kill at any moment sees the old run or the new one, never a mix.  Where the
exchange is not available the swap is two renames, and a run that finds the
output gone but the previous one set aside puts it back first.  A lock file
beside the output keeps two runs from interleaving.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.files import current_umask
from pipeline.files.names import shown

RENAME_EXCHANGE = 2  # from <linux/fs.h>
AT_FDCWD = -100
NEW_MARK = "pipeline-new-"
OLD_MARK = "pipeline-old-"


class StagingError(OSError):
    """The output folder cannot be locked, staged or swapped; nothing was changed."""


def _sibling(target: Path, mark: str) -> str:
    return f".{target.name}.{mark}"


@contextlib.contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on `target`'s lock file, or fail at once if another run holds it."""
    lock_path = target.parent / f".{target.name}.pipeline-lock"
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666 & ~current_umask())
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StagingError(
                errno.EBUSY, f"another pipeline run is writing to {shown(target)}"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a lock file its last holder removed while we waited to open it
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(fd)


def recover(target: Path) -> None:
    """Undo what an interrupted swap left: put a set-aside output back, drop stale stages.

    Call only while holding the lock, so no live run's folders are touched.
    """
    leftovers = _siblings(target, OLD_MARK)
    if leftovers and not target.exists():
        os.rename(leftovers.pop(), target)
    for stale in [*leftovers, *_siblings(target, NEW_MARK)]:
        shutil.rmtree(stale, ignore_errors=True)


def _siblings(target: Path, mark: str) -> list[Path]:
    """Folders beside `target` named for it and `mark`, sorted (found by prefix, not by
    a glob: the name may hold [ or *).  Recovery under the lock leaves at most one."""
    prefix = _sibling(target, mark)
    return sorted(
        Path(entry.path) for entry in os.scandir(target.parent) if entry.name.startswith(prefix)
    )


def new_stage(target: Path) -> Path:
    """An empty folder beside `target` (same file system, so it can be swapped in)."""
    stage = Path(tempfile.mkdtemp(dir=target.parent, prefix=_sibling(target, NEW_MARK)))
    os.chmod(stage, 0o777 & ~current_umask())
    return stage


@functools.cache
def _renameat2() -> Any:
    """glibc's renameat2 (2.28 and later), or None where the C library lacks it."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return None
    return getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(stage: Path, target: Path) -> None:
    """Make `stage` the folder at `target`, and remove what was there."""
    if not target.exists():
        os.rename(stage, target)
        return
    if _exchange(stage, target):
        shutil.rmtree(stage, ignore_errors=True)
        return
    aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=_sibling(target, OLD_MARK)))
    os.rmdir(aside)
    os.rename(target, aside)
    os.rename(stage, target)
    shutil.rmtree(aside, ignore_errors=True)
