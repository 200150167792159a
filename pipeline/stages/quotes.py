"""Quotation marks and apostrophes: one style, and quotes that hug what they quote.

Styles: `ascii` (" and '), `curly` (English “ ” ‘ ’) or `keep`.  Spacing: a
space outside a quote where a word touches it (`threats,»said` -> `threats," said`),
none just inside (`« We` -> `"We`).  Primes (5′11″) and backticks are not quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from pipeline.config import Config, QuoteStyle
from pipeline.edits import Edit, Rule, non_overlapping, propose
from pipeline.stages.base import Context, Stage

NAME = "quotes"

DOUBLE_STYLE = Rule(
    "Q001",
    "double-quote-style",
    NAME,
    "Double quotes and guillemets take the configured style.",
    "\u00abWe\u00bb",
    '"We"',
)
SINGLE_STYLE = Rule(
    "Q002",
    "single-quote-style",
    NAME,
    "Single quotes and apostrophes take the configured style.",
    "don\u2019t",
    "don't",
)
SPACE_OUTSIDE = Rule(
    "Q003",
    "space-outside-quote",
    NAME,
    "A word touching the outside of a quote is separated by a space.",
    "threats,\u00bbsaid",
    'threats," said',
)
SPACE_INSIDE = Rule(
    "Q004",
    "space-inside-quote",
    NAME,
    "Spaces just inside a quote are removed.",
    "\u00ab We",
    '"We',
)

Direction = Literal["open", "close"]

OPENING_DOUBLE = "\u00ab\u201e\u201c\u201f"  # « „ “ ‟
CLOSING_DOUBLE = "\u00bb\u201d"  # » ”
OPENING_SINGLE = "\u2039\u201a\u2018\u201b"  # ‹ ‚ ‘ ‛
CLOSING_SINGLE = "\u203a\u2019"  # › ’
QUOTE_CHARS = f"\"'{OPENING_DOUBLE}{CLOSING_DOUBLE}{OPENING_SINGLE}{CLOSING_SINGLE}"
QUOTE = regex.compile(f"[{QUOTE_CHARS}]")
PARAGRAPH_BREAK = regex.compile(r"\n[^\S\n]*\n")
# Quote glyphs are not listed: styling changes them, and a second run must see the same context.
OPENERS = "([{\u2013\u2014-/"
CLOSERS = ".,;:!?)]}\u2013\u2014-/"


@dataclass(frozen=True, slots=True)
class Quote:
    at: int
    char: str
    double: bool
    direction: Direction | None


def _context_direction(text: str, at: int) -> Direction | None:
    """Open if only the right side touches text, close if only the left does."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    free_left = before.isspace() or before in OPENERS
    free_right = after.isspace() or after in CLOSERS
    if free_left and not free_right:
        return "open"
    if free_right and not free_left:
        return "close"
    return None


def _glyph_direction(char: str) -> Direction | None:
    if char in OPENING_DOUBLE or char in OPENING_SINGLE:
        return "open"
    if char in CLOSING_DOUBLE or char in CLOSING_SINGLE:
        return "close"
    return None


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes of one paragraph with their directions, None where in doubt.

    A paragraph with an even number of double quotes pairs them (the n-th opens
    if n is even) whatever their glyphs, so German »…« pairs too; where context
    disagrees with pairing the direction is in doubt.  An odd number (a quote
    running on to the next paragraph, an inch mark) leaves context, then the
    glyph (« opens, » closes).  Nothing here depends on what styling changes,
    so a second run over styled text finds the same directions.
    """
    found = [(m.start(), m.group()) for m in QUOTE.finditer(text, start, end)]
    doubles = [at for at, char in found if _is_double(char)]
    parity: dict[int, Direction] = {
        at: ("open" if i % 2 == 0 else "close") for i, at in enumerate(doubles)
    }
    paired = len(doubles) % 2 == 0
    quotes = []
    for at, char in found:
        context = _context_direction(text, at)
        direction: Direction | None
        if _is_double(char) and paired:
            direction = parity[at] if context in (None, parity[at]) else None
        else:
            direction = context or _glyph_direction(char)
        quotes.append(Quote(at, char, _is_double(char), direction))
    return quotes


def _is_double(char: str) -> bool:
    return char == '"' or char in OPENING_DOUBLE or char in CLOSING_DOUBLE


def _styled(quote: Quote, text: str, style: QuoteStyle) -> str:
    if style == "keep":
        return quote.char
    if style == "ascii":
        return '"' if quote.double else "'"
    if quote.double:
        direction = quote.direction or _glyph_direction(quote.char)
        return {"open": "\u201c", "close": "\u201d", None: quote.char}[direction]
    before = text[quote.at - 1] if quote.at else " "
    if before.isalnum() or quote.direction == "close":
        return "\u2019"
    return "\u2018" if quote.direction == "open" else quote.char


def _style_edit(text: str, quote: Quote, style: QuoteStyle) -> Edit | None:
    styled = _styled(quote, text, style)
    if styled == quote.char:
        return None
    rule = DOUBLE_STYLE if quote.double else SINGLE_STYLE
    return propose(
        text,
        quote.at,
        quote.at + 1,
        styled,
        rule,
        confidence=1.0,
        message=f"{quote.char} written as {styled} ({style} style)",
    )


def _spacing_edits(text: str, quote: Quote) -> list[Edit]:
    """Space outside, none inside; only for double quotes whose direction is known."""
    if not quote.double or quote.direction is None:
        return []
    edits = []
    at = quote.at
    if quote.direction == "close":
        if at + 1 < len(text) and text[at + 1].isalnum():
            edits.append(
                propose(
                    text,
                    at + 1,
                    at + 1,
                    " ",
                    SPACE_OUTSIDE,
                    confidence=0.9,
                    message="space added after a closing quote",
                )
            )
        # Never close a gap onto another quote: that would change how it reads.
        gap = regex.search(f"(?<=[^\\s{QUOTE_CHARS}])[^\\S\\n]+\\Z", text[max(0, at - 40) : at])
        if gap:
            start = at - len(gap.group())
            edits.append(
                propose(
                    text,
                    start,
                    at,
                    "",
                    SPACE_INSIDE,
                    confidence=0.9,
                    message="space removed before a closing quote",
                )
            )
    else:
        before = text[at - 1] if at else " "
        hugs_word = at + 1 < len(text) and text[at + 1].isalnum()
        if before.isalpha() or (before in ".!?" and hugs_word):  # said."It's
            edits.append(
                propose(
                    text,
                    at,
                    at,
                    " ",
                    SPACE_OUTSIDE,
                    confidence=0.9,
                    message="space added before an opening quote",
                )
            )
        gap = regex.match(f"[^\\S\\n]+(?=[^\\s{QUOTE_CHARS}])", text[at + 1 : at + 41])
        if gap:
            edits.append(
                propose(
                    text,
                    at + 1,
                    at + 1 + len(gap.group()),
                    "",
                    SPACE_INSIDE,
                    confidence=0.9,
                    message="space removed after an opening quote",
                )
            )
    return edits


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Style and spacing edits for every quotation mark in `text`."""
    options = config.quotes
    edits: list[Edit] = []
    for start, end in _paragraph_spans(text):
        for quote in _paragraph_quotes(text, start, end):
            styled = _style_edit(text, quote, options.style)
            if styled:
                edits.append(styled)
            if options.spacing:
                edits.extend(_spacing_edits(text, quote))
    return non_overlapping(edits)


STAGE = Stage(NAME, (DOUBLE_STYLE, SINGLE_STYLE, SPACE_OUTSIDE, SPACE_INSIDE), find)
