"""`pipeline fix`: writing cleaned text back over its source, only where that loses nothing.

A source is rewritten in the encoding it was read with, keeping its mode and
owner, through a symbolic link to its target.  It is refused (named, left
as it is) when its encoding was only assumed, when the cleaned text cannot be
written in that encoding, or when it has other hard links.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.files import InputError, remove_stray_temporaries, rewrite_in_place
from pipeline.files.names import shown
from pipeline.files.sources import STDIN
from pipeline.runner import STDIN_NAME, FileResult


def encoded(result: FileResult) -> bytes:
    """The cleaned text in the source's own encoding; InputError if it does not fit."""
    path = shown(STDIN_NAME if result.source.path == STDIN else result.source.path)
    if result.encoding_assumed:
        raise InputError(
            f"{path}: its encoding is not certain ({result.encoding} was assumed); not rewritten"
        )
    try:
        return result.cleaned.encode(result.encoding)
    except UnicodeEncodeError as error:
        character = result.cleaned[error.start]
        raise InputError(
            f"{path}: the cleaned text has {character!r}, which {result.encoding} cannot "
            "hold; not rewritten"
        ) from error


def rewrite(result: FileResult) -> None:
    """Replace the source with its cleaned text; InputError (nothing written) if it must not be."""
    data = encoded(result)  # utf-16 and utf-32 writers put back the byte-order mark
    try:
        rewrite_in_place(result.source.path, data, result.read_as)
    except OSError as error:
        raise InputError(
            f"{shown(result.source.path)}: cannot rewrite: {error.strerror or error}"
        ) from error


def tidy(results: Iterable[FileResult]) -> None:
    """Remove what an interrupted `fix` left beside these sources: once per folder."""
    for folder in sorted({result.source.path.resolve().parent for result in results}):
        remove_stray_temporaries(folder)
