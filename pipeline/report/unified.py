"""The unified diff: `patch -p1` (or `git apply`) in the source folder reproduces the output."""

from __future__ import annotations

import difflib

from pipeline.names import git_quoted
from pipeline.runner import BatchResult, FileResult

NO_NEWLINE = "\\ No newline at end of file\n"


def _terminated(lines: list[str]) -> list[str]:
    """Mark a last line without a newline the way diff and patch expect."""
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.extend((line + "\n", NO_NEWLINE))
    return out


def _lines(text: str) -> list[str]:
    """Lines split at LF only, as patch splits them (str.splitlines also splits at CR, FF...)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return [*out, lines[-1]] if lines[-1] else out


def file_diff(result: FileResult, context: int = 3) -> str:
    """The diff of one file, with a/ and b/ prefixes on its relative path."""
    if not result.changed:
        return ""
    name = result.source.relative.as_posix()
    lines = difflib.unified_diff(
        _lines(result.original),
        _lines(result.cleaned),
        git_quoted(f"a/{name}"),
        git_quoted(f"b/{name}"),
        n=context,
        lineterm="\n",
    )
    return "".join(_terminated(list(lines)))


def patchable(result: FileResult) -> bool:
    """Only UTF-8 sources: a patch of re-encoded text would not apply to the source bytes."""
    return result.changed and result.encoding == "utf-8"


def render(batch: BatchResult) -> str:
    return "".join(file_diff(f) for f in batch.files if patchable(f))
