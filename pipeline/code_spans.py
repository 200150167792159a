"""Code inside prose: Markdown's and reStructuredText's code blocks and inline code.

A README, a wiki page or a forum post holds code beside its prose (`for k in items:`,
`print(f"{n} done")`, `$ echo thisisatest`), and what would be damage in prose is the
code's own spelling there: `for k` is no `fork`, `f"` no glued quote, `groupby` no glue.
The stages that rewrite words, quotes and the spaces beside marks leave it as written
(`pipeline.cleaning`), as the joins stage leaves URLs and dotted names.  Found here:

- fenced blocks: from a line opening with three backticks or tildes (indented three
  spaces at most; after backticks anything but a backtick, after tildes one word at most)
  to the line that closes it with as many of the same; where none does, to the first line
  that ends with them (a lost line break glued the fence to the code), or the text's end
  (not tildes alone right under a line of text: a heading's underline);
- indented blocks: lines indented by four spaces or a tab, the first after a blank line,
  with the blank lines between them (not one the text opens with: cleaned, it is not
  indented);
- inline code: a run of backticks and the same run closing it on the same line
  (`` `x` ``, ``` ``re.Pattern`` ```), but not reStructuredText's links (`` `text`_ ``);
- a line that opens with three backticks or tildes and opens no fence is code itself, a
  line of marks: a stage that closed a stray space in `~~~ma chine` would make it a fence.
- a command quoted on one line: a quotation that holds a command-line option (`"git
  checkout -b newbranch"`, `"git log -Lx,y:path"`), quotes and all.

Code is found in the text's lines as the whitespace stage leaves them (a no-break space
after a fence is trailing space, a carriage return a line break, a zero-width space no
character), so a second cleaning finds the code the first found: a line that held an
odd space would otherwise open a fence only once cleaned.  Spans are in code points of the
text asked about, sorted, and do not overlap.  A text with no backtick, no tilde, no line
but its first opening with a space and no hyphen that may open an option in a quotation
(news, most extracted text) is not searched.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

from pipeline import _core

Span = tuple[int, int]

# after backticks, an info string is anything but a backtick (`python`, `js {1,3}`, `python
# title="x.py"`), as CommonMark has it; after tildes, one word at most: a line of tildes and
# more is a rule or garbage in the documents met, not a fence
FENCE = re.compile(r"^ {0,3}(?:(`{3,})[^`\n]*|(~{3,})[ \t]*[\w+.#-]*[ \t]*)(?:\n|\Z)", re.MULTILINE)
MARKS_LINE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[^\n]*", re.MULTILINE)
INDENTED = re.compile(
    r"(?:\A|(?<=\n)[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|\Z)(?:[ \t]*\n)*)+)", re.MULTILINE
)
INLINE = re.compile(r"(?<!`)(`+)(?!`)(?:.+?)(?<!`)\1(?!`)")
# what the whitespace stage takes out of a text, so that a look at it as written sees what
# it will read once cleaned
INVISIBLE = "[" + re.escape(_core.INVISIBLES) + "]"
# a line opening with a space, but not the text's first: the whitespace stage takes out what
# comes before a text's first character (ragged news often opens with a space)
INDENT = re.compile(rf"\n(?:[^\S\n]|{INVISIBLE})")
# a quotation's marks: every double quote, since the quotes stage may restyle one as another
# (`»` as `"`), and a line's marks must pair the same before it and after
QUOTATION_MARKS = '"\u00ab\u00bb\u201c\u201d\u201e\u201f'
# a hyphen that may open an option once the text is cleaned (the regex engine looks for the
# hyphen first, then around it)
MAY_BE_OPTION = re.compile(
    rf"-(?<=[\s{QUOTATION_MARKS}{re.escape(_core.INVISIBLES)}]-)(?=[^\W\d_]|-|{INVISIBLE})"
)
# an option: one or two hyphens opening a word after a space or the opening quote (`-b`,
# `--help`, `-Lx,y`; not `--And` nor `-5`)
OPTION = re.compile(
    rf"(?<![^\s{QUOTATION_MARKS}])(?:--[a-z][a-z0-9-]*|-[A-Za-z]{{1,2}})(?=[\s=,.:{QUOTATION_MARKS}]|$)"
)
QUOTES = re.compile(f"[{QUOTATION_MARKS}]")


@functools.lru_cache(maxsize=4)
def code_spans(text: str) -> tuple[Span, ...]:
    """The spans of `text` that are code (see the module's docstring), found in its lines as
    the whitespace stage leaves them.  The last few texts' are kept: the joins stage and the
    cleaning's filter ask of the same text."""
    blocks = bool("`" in text or "~" in text or INDENT.search(text))
    commands = _may_quote_command(text)
    if not (blocks or commands):
        return ()
    cleaned, places = _as_spaced(text)
    found = _spans(cleaned) if blocks else []
    found += _quoted_commands(cleaned) if commands else []
    return tuple((places(start), places(end)) for start, end in _merged(found))


def _as_spaced(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` as the whitespace stage leaves it (every run normalised, kept out of code or
    not), and where a place in it lies in `text`."""
    runs = [(start, end, clean) for start, end, clean, *_ in _core.whitespace_edits(text)]
    if not runs:
        return text, int
    pieces: list[str] = []
    starts: list[int] = []  # where each run's clean form starts in the cleaned text
    at = length = 0
    for start, end, clean in runs:
        pieces += [text[at:start], clean]
        length += start - at
        starts.append(length)
        length += len(clean)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), functools.partial(_place, runs, starts, text)


def _place(runs: list[tuple[int, int, str]], starts: list[int], text: str, cleaned_at: int) -> int:
    """Where a place of the cleaned text lies in `text`: a rewritten run's start or end at
    the run's start or end; inside it, counted from the run's end where the run ends as its
    clean form does (two CRLF line breaks and an indent, cleaned to two line feeds and the
    same indent: the block starts at the indent), else from its start."""
    k = bisect.bisect_right(starts, cleaned_at) - 1
    if k < 0:
        return cleaned_at
    start, end, clean = runs[k]
    into = cleaned_at - starts[k]
    if into > len(clean):
        return end + into - len(clean)
    if into == 0:
        return start
    if into == len(clean) or text.endswith(clean[into:], start, end):
        return end - (len(clean) - into)
    return start + min(into, end - start)


def _spans(text: str) -> list[Span]:
    """Markdown's and reStructuredText's code, and lines of marks."""
    found = _fenced(text) + _indented(text) + _marks_lines(text)
    if "`" in text:
        found += [span.span() for span in INLINE.finditer(text) if not _link(text, span.end())]
    return found


def _merged(found: list[Span]) -> list[Span]:
    """Spans sorted, those that overlap or touch made one (an indented line inside a fence
    is the fence's)."""
    spans: list[Span] = []
    for start, end in sorted(found):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def blanked(text: str, spans: Sequence[Span]) -> str:
    """`text` with its code read as blank: each character of `spans` a space, but its line
    breaks, so that every place stands where it stood and lines stay lines."""
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


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


def _fenced(text: str) -> list[Span]:
    """Fenced blocks, each to its closing fence or the text's end.  A line of tildes alone
    right under a line of text underlines a heading (reStructuredText's `Title` over
    `~~~~~`), and opens nothing."""
    found: list[Span] = []
    at = 0
    while (opening := FENCE.search(text, at)) is not None:
        fence = opening.group(1) or opening.group(2)
        if _underline(text, opening.start(), opening.group(0)):
            at = opening.end()
            continue
        mark = re.escape(fence[0])
        closing = re.compile(rf"^ {{0,3}}{mark}{{{len(fence)},}}[ \t]*(?:\n|\Z)", re.MULTILINE)
        closed = closing.search(text, opening.end()) or _glued_closing(text, opening.end(), fence)
        end = closed.end() if closed else len(text)
        found.append((opening.start(), end))
        at = max(end, opening.end())
        if at >= len(text):
            break
    return found


def _glued_closing(text: str, at: int, fence: str) -> re.Match[str] | None:
    """Where a fence that no line closes ends: the first line after `at` that ends with its
    marks, where a lost line break glued the closing fence to the code's last line
    (`console.log(x);` and the fence's three backticks after it on one line).  CommonMark
    would run the block to the text's end and take the prose after it for code; in text
    that lost its line breaks the glued fence is the likelier reading."""
    mark = re.escape(fence[0])
    return re.compile(rf"(?<!{mark}){mark}{{{len(fence)},}}[ \t]*(?:\n|\Z)").search(text, at)


def _underline(text: str, start: int, line: str) -> bool:
    """Whether the tildes of `line` at `start` are all it holds (no info string) and follow
    a line of text at once.  (Backticks are Markdown's: a fence of them may follow text.)"""
    marks = line.strip()
    if start == 0 or marks != "~" * len(marks):
        return False
    previous = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    return bool(previous.strip())


def _indented(text: str) -> list[Span]:
    """Indented blocks, without the blank lines after them.  (Read in the text as cleaned,
    which opens with no space: a block the text opens with is none once cleaned.)"""
    found: list[Span] = []
    for block in INDENTED.finditer(text):
        start, end = block.span(1)
        body = text[start:end].rstrip(" \t\n")
        found.append((start, start + len(body)))
    return found


def _marks_lines(text: str) -> list[Span]:
    """Lines that open with three backticks or tildes: a fence, or a line that would be
    one once a stage edited it."""
    return [found.span() for found in MARKS_LINE.finditer(text)]


def _may_quote_command(text: str) -> bool:
    """Whether `text` may hold a command-line option in quotes once cleaned: a quotation
    mark, and a hyphen after a space, a quote or a character the whitespace stage takes out,
    before a letter, a hyphen or such a character (news writes `Kyiv - Ukraine`, rarely
    ` -word`).  Cheap, and no more than a hint: `OPTION` reads the text as cleaned."""
    return any(mark in text for mark in QUOTATION_MARKS) and bool(MAY_BE_OPTION.search(text))


def _quoted_commands(text: str) -> list[Span]:
    """Quotations on one line that hold a command-line option, quotes and all: a command
    (`"git checkout -b newbranch"`, `"git log -Lx,y:path"`), whose words are its own."""
    found: list[Span] = []
    at = 0
    for line in text.split("\n"):
        marks = [mark.start() for mark in QUOTES.finditer(line)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if OPTION.search(line, opening + 1, closing):
                found.append((at + opening, at + closing + 1))
        at += len(line) + 1
    return found


def _link(text: str, end: int) -> bool:
    """Whether the backticks ending at `end` close a reStructuredText link (`` `text`_ ``,
    `` `text <url>`__ ``): its text is prose."""
    return text.startswith("_", end)
