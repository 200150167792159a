"""Reading sources and writing results safely: decoding, bad-input messages, atomic writes."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Tried in order.  Windows-1252 is what non-UTF-8 English text almost always is
# (the WHATWG encoding standard reads "latin-1" labels as it too).
FALLBACK_ENCODINGS = ("cp1252",)
# Control bytes that never occur in text: a file holding them is binary.
BINARY_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B)])


class InputError(Exception):
    """A source that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: Path) -> Decoded:
    """Decode a source: UTF-8 (with or without BOM), else a fallback; refuse binary data."""
    sample = data[:8192]
    if b"\x00" in sample or sum(b in BINARY_BYTES for b in sample) > len(sample) // 100 + 2:
        raise InputError(f"{path}: binary file (control bytes), skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    for encoding in FALLBACK_ENCODINGS:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{path}: not UTF-8 (byte {utf8_error.object[utf8_error.start]:#04x} at offset "
        f"{utf8_error.start}) nor {', '.join(FALLBACK_ENCODINGS)}; skipped"
    )


def read_source(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error
    return decode(data, path)


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text via a temporary file and a rename, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
