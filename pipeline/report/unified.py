"""The unified diff: `patch -p1` (or `git apply`) in the source folder reproduces the output.

A file's diff is built piece by piece (see `pipeline.batch.chunks`): each piece's
hunks carry line numbers counted from the file's start.  The changed lines are
those the edits name (`changed_blocks`), so the texts are not diffed again;
difflib aligns a piece only where the edits cannot say (a fallback the
hunks' check takes, never seen on the benches).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from pipeline import _core
from pipeline.edits import Edit, Kind
from pipeline.files.names import git_quoted

NO_NEWLINE = "\\ No newline at end of file\n"
FIX = Kind.FIX
CONTEXT = 3


def _lines(text: str) -> list[str]:
    """Lines split at LF only, as patch splits them (str.splitlines also splits at CR, FF...)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return [*out, lines[-1]] if lines[-1] else out


def header(name: str) -> str:
    """The a/ and b/ lines that open a file's diff."""
    return f"--- {git_quoted(f'a/{name}')}\n+++ {git_quoted(f'b/{name}')}\n"


def _range(start: int, stop: int, before: int) -> str:
    """difflib's hunk range, `before` lines of the file earlier."""
    beginning, length = start + 1 + before, stop - start
    if length == 1:
        return str(beginning)
    return f"{beginning - 1 if not length else beginning},{length}"


def _block(prefix: str, lines: list[str]) -> str:
    """`lines` (each ends with a newline but perhaps the last) each after `prefix`, and
    patch's marker after a last line without one: joined in one call, not line by line."""
    if not lines:
        return ""
    text = prefix + prefix.join(lines)
    return text if text.endswith("\n") else f"{text}\n{NO_NEWLINE}"


Opcode = tuple[str, int, int, int, int]  # difflib's: tag, a[i1:i2] -> b[j1:j2]


def changed_blocks(a: list[str], b: list[str], edits: Sequence[Edit]) -> list[Opcode] | None:
    """The opcodes turning lines `a` into lines `b`, from the lines the fixes touch.

    A fix on line L (1-based, in the piece) whose original text spans k line breaks
    touches lines L to L + k, and adds as many line breaks as its replacement has
    more.  Touched lines that meet make one block; between blocks the lines are
    the same, shifted by the breaks added before them.  None where the lines do not
    bear that out (an earlier stage's deletion inside a later fix's span).
    """
    # first line, last line (0-based), breaks added: in one comprehension, once per fix
    touched = sorted(
        (first, first + breaks, e.after.count("\n") - breaks)
        for e in edits
        if e.kind is Kind.FIX
        for first, breaks in ((max(0, e.line - 1), e.before.count("\n")),)
    )
    blocks: list[list[int]] = []  # [first, last, breaks added]
    for first, last, added in touched:
        if blocks and first <= blocks[-1][1] + 1:
            blocks[-1][1] = max(blocks[-1][1], last)
            blocks[-1][2] += added
        else:
            blocks.append([first, last, added])
    codes: list[Opcode] = []
    i = shift = 0
    for first, last, added in blocks:
        first, end = min(first, len(a)), min(last + 1, len(a))
        codes.append(("equal", i, first, i + shift, first + shift))
        i2, j2 = end, end + shift + added
        if end == len(a):
            j2 = len(b)  # the last line: whatever follows it in the output is this block's
        codes.append(("replace", first, i2, first + shift, j2))
        i, shift = i2, j2 - i2
    codes.append(("equal", i, len(a), i + shift, len(b)))
    if len(b) - len(a) != shift:
        return None
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and a[i1:i2] != b[j1:j2]:
            return None
    return _merged([_trimmed(a, b, code) for code in codes])


def _trimmed(a: list[str], b: list[str], code: Opcode) -> list[Opcode]:
    """A block without the lines it leaves as they were at either end (a fix that spans
    a paragraph break touches the lines either side, and may leave one unchanged)."""
    tag, i1, i2, j1, j2 = code
    if tag == "equal":
        return [code]
    head = 0
    while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
        head += 1
    tail = 0
    while i2 - tail > i1 + head and j2 - tail > j1 + head and a[i2 - tail - 1] == b[j2 - tail - 1]:
        tail += 1
    return [
        ("equal", i1, i1 + head, j1, j1 + head),
        (tag, i1 + head, i2 - tail, j1 + head, j2 - tail),
        ("equal", i2 - tail, i2, j2 - tail, j2),
    ]


def _merged(parts: list[list[Opcode]]) -> list[Opcode]:
    """The opcodes in order, empty ones dropped and neighbouring equal ones joined."""
    codes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in (code for part in parts for code in part):
        if i1 == i2 and j1 == j2:
            continue
        if codes and tag == "equal" and codes[-1][0] == "equal":
            codes[-1] = ("equal", codes[-1][1], i2, codes[-1][3], j2)
        else:
            codes.append((tag, i1, i2, j1, j2))
    return codes


def _grouped(codes: list[Opcode], n: int = CONTEXT) -> Iterator[list[Opcode]]:
    """difflib's `get_grouped_opcodes`: the changes with `n` lines of context, a
    group ending where more than 2n lines go unchanged."""
    codes = [c for c in codes if not (c[0] == "equal" and c[1] == c[2])]
    if not codes:
        codes = [("equal", 0, 1, 0, 1)]
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def hunks(
    original: str,
    cleaned: str,
    original_before: int = 0,
    cleaned_before: int = 0,
    edits: Sequence[Edit] | None = None,
) -> str:
    """The hunks turning `original` into `cleaned`, which start after the given numbers of
    lines; with `edits` (located in `original`), the changed lines are the ones they touch."""
    if edits is not None:
        written = _core.edit_hunks(original, cleaned, original_before, cleaned_before, edits, FIX)
        if written is not None:
            return written  # the core's, where it can say (`hunks.rs`)
    return python_hunks(original, cleaned, (original_before, cleaned_before), edits)


def python_hunks(
    original: str, cleaned: str, before: tuple[int, int], edits: Sequence[Edit] | None
) -> str:
    """`hunks` in Python (`before`: the lines of each file before the piece): where the core
    leaves it (a lone surrogate, lines the edits do not bear out), and without edits."""
    original_before, cleaned_before = before
    a, b = _lines(original), _lines(cleaned)
    out: list[str] = []
    from_edits = None if edits is None else changed_blocks(a, b, edits)
    codes: list[Opcode] = (
        from_edits
        if from_edits is not None
        else list(difflib.SequenceMatcher(None, a, b).get_opcodes())
    )
    for group in _grouped(codes):
        first, last = group[0], group[-1]
        out.append(
            f"@@ -{_range(first[1], last[2], original_before)} "
            f"+{_range(first[3], last[4], cleaned_before)} @@\n"
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.append(_block(" ", a[i1:i2]))
                continue
            out.append(_block("-", a[i1:i2]))
            out.append(_block("+", b[j1:j2]))
    return "".join(out)


def file_diff(name: str, original: str, cleaned: str) -> str:
    """The diff of one whole file, with a/ and b/ prefixes on its relative path."""
    if original == cleaned:
        return ""
    return header(name) + hunks(original, cleaned)
