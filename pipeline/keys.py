"""What identifies an edit across runs: its file, rule, text and the words around it.

A `pipeline check` finding and a report's edit share this content key, so a
baseline entry, a reviewer's decision and a finding name the same change
whatever lines were added or removed elsewhere in the file.
"""

from __future__ import annotations

import hashlib

import regex

from pipeline.edits import Edit, LineIndex

CONTEXT = 20  # at most this many characters of the neighbouring words go into a key

Key = tuple[str, str, str, str, str, str]  # path, rule, before, after, words before, after


def fingerprint(key: Key) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8", "surrogateescape")).hexdigest()[:32]


WORD_BEFORE = regex.compile(rf"(?r)\S{{0,{CONTEXT}}}")  # matched backwards from a point
WORD_AFTER = regex.compile(rf"\S{{0,{CONTEXT}}}")


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words touching `text[start:end]`: back to and on to the nearest whitespace, at
    most CONTEXT characters either side."""
    before = WORD_BEFORE.match(text, 0, start)
    after = WORD_AFTER.match(text, end)
    return (before.group() if before else ""), (after.group() if after else "")


def span_in(original: str, lines: LineIndex, edit: Edit) -> tuple[int, int]:
    """Where a located edit lies in the original text; empty where an earlier stage had
    already changed that stretch (its `before` is not the original's)."""
    return _span(original, lines.offset(edit.line, edit.column), edit.before)


def _span(original: str, start: int, before: str) -> tuple[int, int]:
    end = start + len(before)
    return (start, end) if original[start:end] == before else (start, start)


def key_of(path: str, original: str, lines: LineIndex, edit: Edit) -> Key:
    return _key(path, original, lines.offset(edit.line, edit.column), edit)


def _key(path: str, original: str, at: int, edit: Edit) -> Key:
    start, end = _span(original, at, edit.before)
    before, after = neighbours(original, start, end)
    return (path, edit.rule.code, edit.before, edit.after, before, after)


class EditIds:
    """Stable ids for one file's edits: the content key's fingerprint, and which repeat of
    that key in the file it is (`<fingerprint>-2` for the third), counted in the order
    the cleaning records them.  An edit proposed again at the same place of the same text
    (a later pass of one `clean` call) keeps its id."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._counts: dict[str, int] = {}
        self._given: dict[tuple[str, int], str] = {}  # (fingerprint, offset): this text's

    def begin(self, text: str) -> None:
        """A new text of the file (its next piece): offsets name new places."""
        self._given.clear()

    def of(self, original: str, at: int, edit: Edit) -> str:
        """The id of `edit`, which lies at offset `at` of the original text."""
        base = fingerprint(_key(self.path, original, at, edit))
        held = self._given.get((base, at))
        if held is None:
            repeat = self._counts.get(base, 0)
            self._counts[base] = repeat + 1
            held = self._given[(base, at)] = base if repeat == 0 else f"{base}-{repeat}"
        return held

    def peek(self, original: str, at: int, edit: Edit) -> str:
        """The id `of` would give, without giving it."""
        base = fingerprint(_key(self.path, original, at, edit))
        held = self._given.get((base, at))
        if held is not None:
            return held
        repeat = self._counts.get(base, 0)
        return base if repeat == 0 else f"{base}-{repeat}"
