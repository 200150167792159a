"""What identifies an edit across runs: its file, rule, text and the words around it.

One id per edit, made here only (`EditIds`): report.json's `id`, `pipeline
check`'s fingerprint, a baseline entry and a reviewer's decision are the same
string, whatever lines were added or removed elsewhere in the file.  The file
part of it is `path_key`: relative to the project root, so that `run seeds/`,
`check` from the project root and `check seeds/x.txt` from a pre-commit hook
name a file alike.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

from pipeline import _core
from pipeline.edits import Edit
from pipeline.files.sources import STDIN, Source
from pipeline.regexes import compiled

CONTEXT = 20  # at most this many characters of the neighbouring words go into a key

Key = tuple[str, str, str, str, str, str]  # path, rule, before, after, words before, after


def path_key(source: Source, root: str) -> str:
    """The path in an edit's identity: relative to the project `root` (the settings file's
    folder) where the file lies inside it, else relative to the folder it was found in
    (its name, for a file named alone); `-` for standard input."""
    if source.path == STDIN:
        return "-"
    if root:
        resolved = Path(source.path).resolve()
        base = _resolved_root(root, "" if os.path.isabs(root) else os.getcwd())
        if resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return source.relative.as_posix()


@functools.lru_cache(maxsize=8)
def _resolved_root(root: str, cwd: str) -> Path:
    """The project root resolved, once per root and working folder (`cwd`, empty for an
    absolute root: a batch names every file from the same root, and resolving it again for
    each took a run of 615 files 3% of its time)."""
    return Path(cwd, root).resolve()


def fingerprint(key: Key) -> str:
    """A key's hash.  Undecodable bytes of a file name (lone surrogates U+DC80-U+DCFF) hash
    as those bytes; any other lone surrogate (a `str` handed to the library) as itself."""
    joined = "\x1f".join(key)
    try:
        data = joined.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = joined.encode("utf-8", "surrogatepass")
    return _core.sha256(data)[:32]


def fingerprints(path: str, original: str, located: Sequence[tuple[int, Edit]]) -> list[str]:
    """`fingerprint` of each edit's key (the edit at its offset in `original`), hashed by
    the core in one call; in Python where a string holds a lone surrogate."""
    rows = [(at, edit.rule.code, edit.before, edit.after) for at, edit in located]
    found = _core.fingerprints(path, original, rows)
    if found is None:
        return [fingerprint(_key(path, original, at, edit)) for at, edit in located]
    return found


WORD_BEFORE = rf"(?r)\S{{0,{CONTEXT}}}"  # matched backwards from a point
WORD_AFTER = rf"\S{{0,{CONTEXT}}}"


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words touching `text[start:end]`: back to and on to the nearest whitespace, at
    most CONTEXT characters either side."""
    before = compiled(WORD_BEFORE).match(text, 0, start)
    after = compiled(WORD_AFTER).match(text, end)
    return (before.group() if before else ""), (after.group() if after else "")


def span_in(original: str, edit: Edit) -> tuple[int, int]:
    """Where a located edit lies in the original text; empty where an earlier stage had
    already changed that stretch (its `before` is not the original's)."""
    return _span(original, edit.offset, edit.before)


def _span(original: str, start: int, before: str) -> tuple[int, int]:
    end = start + len(before)
    return (start, end) if original[start:end] == before else (start, start)


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
        # How often each fingerprint was given, by its first 64 bits, and where in this text
        # (in the core: a file with hundreds of thousands of edits would hold as many
        # Python ints, and naming them one by one cost a call each)
        self._repeats = _core.Repeats()

    def begin(self, text: str) -> None:
        """A new text of the file (its next piece): offsets name new places."""
        self._repeats.forget_places()

    def of_all(self, original: str, located: Sequence[tuple[int, Edit]]) -> list[str]:
        """The ids of edits (each at its offset in the original text), in order."""
        bases = fingerprints(self.path, original, located)
        return self._repeats.give_all(bases, [at for at, _ in located])

    def named(self, original: str, located: Sequence[tuple[int, Edit]]) -> list[Edit] | None:
        """Each edit (at its offset in the original text) made again with its line, column,
        id (`of_all`) and offset, in order, in one call of the core; None where the core
        cannot read a string (a lone surrogate): the caller names them then."""
        return _core.named_edits(self._repeats, self.path, original, located, Edit)

    def peek(self, original: str, at: int, edit: Edit) -> str:
        """The id `of_all` would give `edit`, without giving it."""
        return self._repeats.peek(fingerprint(_key(self.path, original, at, edit)), at)
