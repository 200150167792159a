"""Reading sources and writing results safely: decoding, bad-input messages, atomic writes.

A source is read only if it is a regular file of bounded size, so a FIFO, a
device or `/dev/zero` named by mistake is skipped with a message instead of
blocking or filling memory.  Bytes that are not UTF-8 are decoded only when
charset-normalizer settles their encoding; a file whose encoding stays in
doubt is reported and never rewritten.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pipeline import _core
from pipeline.files.names import shown

if TYPE_CHECKING:
    import charset_normalizer

# Larger files are skipped: the whole file is held in memory while it is cleaned.
MAX_BYTES = 64 * 1024 * 1024
# Control bytes that never occur in text: a file holding them is binary.
BINARY_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B)])
BINARY_SHARE = 20  # more than 1 byte in 20 a control byte: binary
_NOT_BINARY = bytes(b for b in range(256) if b not in BINARY_BYTES)
# Byte-order marks, longest first (a UTF-32-LE mark begins with the UTF-16-LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Below this many bytes outside ASCII, charset-normalizer's ranking of legacy
# encodings is noise (a French sentence with eight accents comes out as the
# Baltic DOS code page): Windows-1252 is taken if it reads nearly as well.
WEAK_EVIDENCE = 32
WEAK_CHAOS_MARGIN = 5.0
# charset-normalizer's candidates this close to the best one in "chaos" (its
# measure of how garbled the decoded text looks, in percent) are as likely.
CHAOS_MARGIN = 1.0
# Among those, candidates this far below the best "coherence" (how well the
# decoded text fits a language's letter frequencies, in percent) are ruled out:
# KOI8-R read as Windows-1251 scores 32 against 68.
COHERENCE_MARGIN = 5.0
# The encoding assumed when legacy single-byte candidates stay tied: what the
# WHATWG encoding standard (and so every browser) reads unlabelled Western text as.
WESTERN_DEFAULT = "cp1252"
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
TEMPORARY_MARK = ".pipeline-tmp"  # in the names of our temporary files, so strays can be found


class OutputError(ValueError):
    """The output folder cannot take this run; nothing is written."""


class InputError(Exception):
    """A source that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A regular file as it was read: what `fix` compares just before it replaces the file,
    so that another process's write since is never lost."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, status: os.stat_result, data: bytes) -> Fingerprint:
        digest = _core.sha256(data)
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, digest)

    def same_status(self, status: os.stat_result) -> bool:
        held = (self.device, self.inode, self.size, self.mtime_ns)
        return held == (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A source's text, the encoding it was read with, and whether that encoding is certain.

    `assumed` is set when the bytes fit several encodings equally well and the
    Western default was taken: good enough for a cleaned copy, never for
    rewriting the source.
    """

    text: str
    encoding: str
    assumed: bool = False
    read_as: Fingerprint | None = None  # the file it was read from (None: standard input)


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, for a message; None for a regular file."""
    for test, kind in SPECIAL_KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most `limit`: opened without blocking, checked after opening.

    The check is on the open descriptor, so a file swapped for a FIFO between a
    look and the read still cannot block the run.
    """
    return read_file(path, limit)[0]


def read_file(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, Fingerprint]:
    """`read_bytes`, and the file's fingerprint as read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise InputError(f"{shown(path)}: cannot read: {error.strerror or error}") from error
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        kind = special_kind(status.st_mode)
        if kind:
            raise InputError(f"{shown(path)}: {kind}, not a text file; skipped")
        try:
            data = _read_up_to(handle, limit + 1, status.st_size)
        except OSError as error:
            raise InputError(f"{shown(path)}: cannot read: {error.strerror or error}") from error
    if len(data) > limit:
        raise InputError(f"{shown(path)}: larger than {limit // (1024 * 1024)} MB; skipped")
    return data, Fingerprint.of(status, data)


def _read_up_to(handle: BinaryIO, most: int, size: int) -> bytes:
    """At most `most` bytes of an open file whose size was `size` when it was opened.

    Asked for `most` bytes at once, Python allocates a buffer that large (64 MB) for every
    file and then shrinks it: five times the time of reading a file of news.  So the file
    is read as large as it was, and on past that only if it grew since."""
    want = min(size, most - 1) + 1  # one more than it held: its end, or that it grew
    data = handle.read(want)
    if len(data) < want or want >= most:
        return data
    return data + handle.read(most - want)


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than one byte in `BINARY_SHARE` a control byte.  A PDF
    extractor leaves a few in text (an acl-dev snippet of 378 bytes has 13, from a
    formula's glyphs): that text is read and the unicode stage removes them as edits;
    bytes at random hold 8% control bytes, and nearly every binary format a NUL."""
    if b"\x00" in sample:
        return True
    # what is left once the bytes that are not control bytes are deleted (in C, not per byte)
    controls = sample.translate(None, _NOT_BINARY)
    return len(controls) > len(sample) // BINARY_SHARE + 2


def _with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _detected(data: bytes, path: Path) -> Decoded:
    """The encoding charset-normalizer finds, if its best candidates agree on the text."""
    import charset_normalizer  # only for bytes that are not UTF-8: most runs never need it

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(f"{shown(path)}: not UTF-8, and no encoding fits its bytes; skipped")
    best = min(matches, key=lambda m: m.percent_chaos)
    if sum(byte >= 0x80 for byte in data) < WEAK_EVIDENCE:
        return _western(data, path, matches, best.percent_chaos + WEAK_CHAOS_MARGIN)
    tied = [m for m in matches if m.percent_chaos <= best.percent_chaos + CHAOS_MARGIN]
    coherent = max(m.percent_coherence for m in tied)
    tied = [m for m in tied if m.percent_coherence >= coherent - COHERENCE_MARGIN]
    best = tied[0]
    # Candidates decoding to the same text are merged by charset-normalizer, so
    # more than one tied candidate means the readings differ.
    if len(tied) == 1:
        return Decoded(str(best), best.encoding)
    return _western(data, path, tied, best.percent_chaos + CHAOS_MARGIN)


def _western(
    data: bytes, path: Path, matches: list[charset_normalizer.CharsetMatch], chaos: float
) -> Decoded:
    """Windows-1252, assumed, if it is among the candidates up to `chaos`; else a refusal."""
    fitting = [m for m in matches if m.percent_chaos <= chaos]
    if any(WESTERN_DEFAULT in (m.encoding, *m.could_be_from_charset) for m in fitting):
        return Decoded(data.decode(WESTERN_DEFAULT), WESTERN_DEFAULT, assumed=True)
    names = ", ".join(m.encoding for m in fitting[:4])
    raise InputError(
        f"{shown(path)}: not UTF-8, and its encoding is in doubt ({names} fit as well); skipped"
    )


def decode(data: bytes, path: Path) -> Decoded:
    """Decode a source: a byte-order mark, else UTF-8, else a detected encoding; refuse binary."""
    marked = _with_bom(data)
    if marked:
        return marked
    if _looks_binary(data[:8192]):
        raise InputError(f"{shown(path)}: binary file (control bytes), skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _detected(data, path)
    except UnicodeDecodeError as error:
        raise InputError(f"{shown(path)}: not UTF-8, and no encoding fits; skipped") from error


def read_source(path: Path, limit: int = MAX_BYTES) -> Decoded:
    data, read_as = read_file(path, limit)
    return replace(decode(data, path), read_as=read_as)


def current_umask() -> int:
    """The process's umask (read by setting it, as POSIX offers no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new temporary file in `path`'s folder (so a rename onto `path` is atomic).

    `tempfile` (with `shutil` and `random`, which it imports) is imported here: a
    `pipeline check` that writes nothing starts without it, 3 ms sooner."""
    import tempfile

    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_MARK)
    return fd, Path(name)


def write_atomic(
    path: Path,
    data: str | bytes,
    mode: int | None = None,
    still: Callable[[], None] | None = None,
) -> None:
    """Write via a temporary file and a rename, so no reader ever sees half a file.

    A new file gets the permissions the umask allows (`mode` overrides, to keep
    a rewritten source's own); text is written as UTF-8 exactly as given.
    `still` is called just before the rename, and may raise to leave `path` as it is.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temporary = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~current_umask() if mode is None else mode)
        if still is not None:
            still()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def rewrite_in_place(path: Path, data: bytes, read_as: Fingerprint | None = None) -> None:
    """Replace a source's bytes atomically, keeping its permissions and owner.

    A symbolic link is written through (its target is replaced, the link
    stays).  A file with other hard links is refused: replacing it would split
    it from its other names, and writing into it would not be atomic.  With
    `read_as`, a file that is no longer what was read (another process wrote
    to it since) is left as it is: InputError says so.
    """
    target = path.resolve(strict=True)
    status = target.stat()
    if status.st_nlink > 1:
        raise InputError(
            f"{shown(path)}: has {status.st_nlink} hard links; not rewritten (a rewrite "
            "would split it from its other names)"
        )
    changed = InputError(f"{shown(path)}: changed since it was read; not rewritten")
    if read_as is not None:
        now = Fingerprint.of(status, read_bytes(target))
        if (now.device, now.inode, now.sha256) != (read_as.device, read_as.inode, read_as.sha256):
            raise changed

    def still() -> None:  # nobody wrote to it while the new bytes were written
        if read_as is not None and not now.same_status(target.stat()):
            raise changed

    write_atomic(target, data, mode=stat.S_IMODE(status.st_mode), still=still)
    with contextlib.suppress(OSError):  # only root may give a file away; others keep theirs
        os.chown(target, status.st_uid, status.st_gid)


def remove_stray_temporaries(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Delete temporary files an interrupted run of ours left in `folder`; return them.

    Only names carrying our mark, and only those not touched for `older_than`
    seconds, so a run still writing keeps its own.
    """
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(".") and entry.name.endswith(TEMPORARY_MARK)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and (
                    now - entry.stat(follow_symlinks=False).st_mtime > older_than
                ):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed
