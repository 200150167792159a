"""The unified diff: `patch -p1` (or `git apply`) in the source folder reproduces the output.

A file's diff is built piece by piece (see `pipeline.chunks`): each piece's
hunks carry line numbers counted from the file's start.
"""

from __future__ import annotations

import difflib

from pipeline.names import git_quoted

NO_NEWLINE = "\\ No newline at end of file\n"
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


def _line(prefix: str, line: str) -> str:
    return prefix + line if line.endswith("\n") else f"{prefix}{line}\n{NO_NEWLINE}"


def hunks(original: str, cleaned: str, original_before: int = 0, cleaned_before: int = 0) -> str:
    """The hunks turning `original` into `cleaned`, which start after the given numbers of lines."""
    a, b = _lines(original), _lines(cleaned)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b)
    for group in matcher.get_grouped_opcodes(CONTEXT):
        first, last = group[0], group[-1]
        out.append(
            f"@@ -{_range(first[1], last[2], original_before)} "
            f"+{_range(first[3], last[4], cleaned_before)} @@\n"
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [_line(" ", line) for line in a[i1:i2]]
                continue
            out += [_line("-", line) for line in a[i1:i2]]
            out += [_line("+", line) for line in b[j1:j2]]
    return "".join(out)


def file_diff(name: str, original: str, cleaned: str) -> str:
    """The diff of one whole file, with a/ and b/ prefixes on its relative path."""
    if original == cleaned:
        return ""
    return header(name) + hunks(original, cleaned)
