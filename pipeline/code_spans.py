"""Code inside prose: Markdown's and reStructuredText's code blocks and inline code.

A README, a wiki page or a forum post holds code beside its prose (`for k in items:`,
`print(f"{n} done")`, `$ echo thisisatest`), and what would be damage in prose is the
code's own spelling there: `for k` is no `fork`, `f"` no glued quote, `groupby` no glue.
The stages that rewrite words, quotes and the spaces beside marks leave it as written
(`pipeline.cleaning`), as the joins stage leaves URLs and dotted names.  Found here:

- fenced blocks: from a line opening with three backticks or tildes (indented three
  spaces at most, then one word at most) to the line that closes it with as many of the
  same, or the text's end
  (not tildes alone right under a line of text: a heading's underline);
- indented blocks: lines indented by four spaces or a tab, the first after a blank line,
  with the blank lines between them (not one the text opens with: cleaned, it is not
  indented);
- inline code: a run of backticks and the same run closing it on the same line
  (`` `x` ``, ``` ``re.Pattern`` ```), but not reStructuredText's links (`` `text`_ ``).

Spans are in code points, sorted, and do not overlap.  A text with no backtick, no tilde
fence and no indented line (news, most extracted text) is not searched.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

Span = tuple[int, int]

# an info string is one word at most (`python`, `c++`, `sh`), as fences in documents have it:
# a line of marks and anything else is a rule or garbage, not a fence
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*[\w+.#-]*[ \t]*(?:\n|\Z)", re.MULTILINE)
INDENTED = re.compile(
    r"(?:\A|(?<=\n)[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|\Z)(?:[ \t]*\n)*)+)", re.MULTILINE
)
INLINE = re.compile(r"(?<!`)(`+)(?!`)(?:.+?)(?<!`)\1(?!`)")


@functools.lru_cache(maxsize=4)
def code_spans(text: str) -> tuple[Span, ...]:
    """The spans of `text` that are code (see the module's docstring).  Its lines are read
    as the whitespace stage leaves them, a carriage return ending one as a line feed does
    (a block read across one would be none once cleaned); the spans are `text`'s.  The last
    few texts' are kept: the joins stage and the cleaning's filter ask of the same text."""
    if "\r" in text:  # the same length: every span stands where it stands in `text`
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    has_ticks = "`" in text
    if not (has_ticks or "~~~" in text or _may_indent(text)):
        return ()
    blocks = sorted(_fenced(text) + _indented(text))
    spans: list[Span] = []
    for start, end in blocks:  # merged: an indented line inside a fence is the fence's
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    if has_ticks:
        starts = [start for start, _ in spans]
        inline = [found.span() for found in INLINE.finditer(text) if not _link(text, found.end())]
        spans += [span for span in inline if not _within(span, spans, starts)]
        spans.sort()
    return tuple(spans)


def touches(spans: Sequence[Span], start: int, end: int) -> bool:
    """Whether `start..end` (an edit's span; an insertion where they are equal) touches
    code: an edit may end where code begins or begin where it ends."""
    k = bisect.bisect_right(spans, (start, start))
    for code_start, code_end in spans[max(0, k - 1) : k + 1]:
        if start == end:
            if code_start < start < code_end:
                return True
        elif start < code_end and end > code_start:
            return True
    return False


def _may_indent(text: str) -> bool:
    return text.startswith(("    ", "\t")) or "\n    " in text or "\n\t" in text


def _fenced(text: str) -> list[Span]:
    """Fenced blocks, each to its closing fence or the text's end.  A line of tildes alone
    right under a line of text underlines a heading (reStructuredText's `Title` over
    `~~~~~`), and opens nothing."""
    found: list[Span] = []
    at = 0
    while (opening := FENCE.search(text, at)) is not None:
        fence = opening.group(1)
        if _underline(text, opening.start(), opening.group(0)):
            at = opening.end()
            continue
        mark = re.escape(fence[0])
        closing = re.compile(rf"^ {{0,3}}{mark}{{{len(fence)},}}[ \t]*(?:\n|\Z)", re.MULTILINE)
        closed = closing.search(text, opening.end())
        end = closed.end() if closed else len(text)
        found.append((opening.start(), end))
        at = max(end, opening.end())
        if at >= len(text):
            break
    return found


def _underline(text: str, start: int, line: str) -> bool:
    """Whether the tildes of `line` at `start` are all it holds (no info string) and follow
    a line of text at once.  (Backticks are Markdown's: a fence of them may follow text.)"""
    marks = line.strip()
    if start == 0 or marks != "~" * len(marks):
        return False
    previous = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    return bool(previous.strip())


def _indented(text: str) -> list[Span]:
    """Indented blocks, without the blank lines after them.  Not one the text opens with:
    the whitespace stage takes out what comes before a file's first character, so that
    block is no longer indented once cleaned, and a second cleaning would read it as prose."""
    found: list[Span] = []
    first = len(text) - len(text.lstrip())  # the text's first character that is no space
    for block in INDENTED.finditer(text):
        start, end = block.span(1)
        if first >= start:
            continue
        body = text[start:end].rstrip(" \t\n")
        found.append((start, start + len(body)))
    return found


def _link(text: str, end: int) -> bool:
    """Whether the backticks ending at `end` close a reStructuredText link (`` `text`_ ``,
    `` `text <url>`__ ``): its text is prose."""
    return text.startswith("_", end)


def _within(span: Span, spans: list[Span], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, span[0]) - 1
    return k >= 0 and span[1] <= spans[k][1]
