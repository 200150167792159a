"""Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none before.

The rules fire only where the evidence is plain: letters on both sides of the
mark, a lower-case letter before a full stop and a capitalised word after it.
Initials and abbreviations (U.S., e.g., Ph.D.), numbers (3.14, 1,000, 4:00pm),
URLs, e-mail addresses, dotted names (McAfee.com, One.Tel, Node.js) and
ellipses do not have that shape, or are protected spans.
"""

from __future__ import annotations

import regex

from pipeline.config import Config
from pipeline.data import word_list
from pipeline.edits import Edit, Rule, propose
from pipeline.patterns import inside, protected_spans
from pipeline.stages.base import Context, Stage

NAME = "punctuation"

SPACE_AFTER = Rule(
    "P001",
    "space-after-punctuation",
    NAME,
    "A word glued after . , ; : ! ? is separated by a space.",
    "organizations.Evidently",
    "organizations. Evidently",
)
SPACE_BEFORE = Rule(
    "P002",
    "space-before-punctuation",
    NAME,
    "Spaces before , . ; : ! ? are removed.",
    "However , it",
    "However, it",
)

CLOSE = "\"'\u201d\u2019\u00bb)\\]"
MISSING_AFTER = regex.compile(
    # sentence end: two letters, the last lower-case, then a capitalised word
    r"(?<=\p{L}\p{Ll})(?P<mark>[.!?])(?=(?P<word>\p{Lu}\p{Ll}+))"
    # comma or semicolon between letters, or after a closing quote or bracket
    rf"|(?<=[\p{{L}}{CLOSE}]|\p{{L}}\.)(?<!&\w+)(?P<mark>[,;])(?=(?P<word>\p{{L}}+))"
    # comma after a number, before a lower-case word
    r"|(?<=\d)(?P<mark>,)(?=(?P<word>\p{Ll}{2,}))"
    # colon after a word of three letters or more, unless both sides are capitalised
    # (Portal:Current, Category:Sport are names)
    r"|(?<=\b\p{Ll}{3,})(?P<mark>:)(?=(?P<word>\p{L}+))"
    r"|(?<=\p{L}\p{Ll}{2})(?P<mark>:)(?=(?P<word>\p{Ll}+))",
    regex.V1,
)
SPACE_BEFORE_MARK = regex.compile(
    rf"(?<=[\p{{L}}\p{{N}}{CLOSE}])[^\S\n]+(?=[,.;:!?](?:\s|\Z|[\"'\u201d\u2019\u00bb]))"
    r"(?!\.\.)",
    regex.V1,
)
# Code and paths: a token holding these is not prose.
CODE_CHARS = regex.compile(r"[()_/\\=<>{}]")
TOKEN = regex.compile(r"\S*")
TOKEN_BACK = regex.compile(r"(?r)\S*")  # matched backwards, from a position to its token's start


def code_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the whitespace-delimited tokens that hold a code character.

    Found from the code characters, which prose seldom holds, out to the
    whitespace either side; a token is measured once, however many it holds.
    """
    spans: list[tuple[int, int]] = []
    for mark in CODE_CHARS.finditer(text):
        if spans and mark.start() < spans[-1][1]:
            continue
        start = TOKEN_BACK.match(text, 0, mark.start())
        end = TOKEN.match(text, mark.start())
        spans.append((start.start() if start else mark.start(), end.end() if end else mark.end()))
    return spans


def _missing_space(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    edits = []
    tlds = word_list("generic-tlds")
    code = code_tokens(text)
    for match in MISSING_AFTER.finditer(text):
        mark, word = match.group("mark"), match.group("word")
        end = match.end("mark")
        if inside(spans, end) or inside(code, end):
            continue
        if mark == "." and word.lower() in tlds:
            continue
        edits.append(
            propose(
                text,
                end,
                end,
                " ",
                SPACE_AFTER,
                confidence=0.9 if mark in ".!?:" else 0.95,
                message=f"space added after {mark!r} before {word!r}",
            )
        )
    return edits


def _space_before(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    return [
        propose(
            text,
            m.start(),
            m.end(),
            "",
            SPACE_BEFORE,
            confidence=0.95,
            message=f"space removed before {text[m.end()]!r}",
        )
        for m in SPACE_BEFORE_MARK.finditer(text)
        if not inside(spans, m.start())
    ]


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Spacing edits around punctuation, outside protected spans."""
    spans = protected_spans(text)
    return _missing_space(text, spans) + _space_before(text, spans)


STAGE = Stage(NAME, (SPACE_AFTER, SPACE_BEFORE), find)
