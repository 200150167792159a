"""What identifies an edit across runs: its file, rule, text and the words around it.

A `pipeline check` finding and a report's edit share this content key, so a
baseline entry, a reviewer's decision and a finding name the same change
whatever lines were added or removed elsewhere in the file.
"""

from __future__ import annotations

import hashlib

from pipeline.edits import Edit, LineIndex

CONTEXT = 20  # at most this many characters of the neighbouring words go into a key

Key = tuple[str, str, str, str, str, str]  # path, rule, before, after, words before, after


def fingerprint(key: Key) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words touching `text[start:end]`: back to and on to the nearest whitespace."""
    left = start
    while left > 0 and start - left < CONTEXT and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < CONTEXT and not text[right].isspace():
        right += 1
    return text[left:start], text[end:right]


def span_in(original: str, lines: LineIndex, edit: Edit) -> tuple[int, int]:
    """Where a located edit lies in the original text; empty where an earlier stage had
    already changed that stretch (its `before` is not the original's)."""
    start = lines.offset(edit.line, edit.column)
    end = start + len(edit.before)
    return (start, end) if original[start:end] == edit.before else (start, start)


def key_of(path: str, original: str, lines: LineIndex, edit: Edit) -> Key:
    start, end = span_in(original, lines, edit)
    before, after = neighbours(original, start, end)
    return (path, edit.rule.code, edit.before, edit.after, before, after)


class EditIds:
    """Stable ids for one file's edits: the content key's fingerprint, and which repeat of
    that key in the file it is (`<fingerprint>-2` for the third), counted in the order
    the cleaning records them.  An edit proposed again at the same place keeps its id."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._counts: dict[str, int] = {}
        self._given: dict[tuple[str, int], str] = {}

    def of(self, original: str, lines: LineIndex, edit: Edit) -> str:
        key = key_of(self.path, original, lines, edit)
        base = fingerprint(key)
        place = (base, lines.offset(edit.line, edit.column))
        held = self._given.get(place)
        if held is None:
            repeat = self._counts.get(base, 0)
            self._counts[base] = repeat + 1
            held = self._given[place] = base if repeat == 0 else f"{base}-{repeat}"
        return held
