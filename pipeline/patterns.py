"""Regexes shared by stages: spans of text that are not prose and must not be re-spaced."""

from __future__ import annotations

import bisect
import functools

import regex

URL = r"\b(?:https?|ftp)://\S+|\b(?:mailto|tel):\S+|\bwww\.\S+"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
HANDLE = r"(?<!\w)[#@]\w[\w.]*"
# A dotted name in lower case: node.js, example.co.uk, ver.di, report.pdf (not 7.6km).
LOWER_DOTTED = r"\b[\p{Ll}\d_-]*\p{Ll}[\p{Ll}\d_-]*(?:\.[\p{Ll}\d_-]+)+\b"
PROTECTED = regex.compile("|".join((URL, EMAIL, HANDLE, LOWER_DOTTED)))


# Every protected span lies inside one whitespace-delimited token holding one of these.
TRIGGER = regex.compile(r"@|://|www\.|#|mailto:|tel:|[\p{Ll}\d_-]\.[\p{Ll}\d_-]")
TOKEN_AROUND = regex.compile(r"\S+")

Spans = tuple[tuple[int, int], ...]  # sorted, non-overlapping (start, end) offsets


@functools.lru_cache(maxsize=2)
def protected_spans(text: str) -> Spans:
    """Sorted spans of URLs, e-mail addresses, handles and hashtags, and dotted lower-case names.

    The full pattern is slow over prose, so it runs only on the tokens that
    hold a trigger (an @, a scheme, a dot between lower-case letters...).  The
    last answers are kept: the punctuation and joins stages ask of the same text.
    """
    spans: list[tuple[int, int]] = []
    searched_to = 0
    for trigger in TRIGGER.finditer(text):
        if trigger.start() < searched_to:
            continue
        start = trigger.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        token = TOKEN_AROUND.match(text, start)
        end = token.end() if token else trigger.end()
        spans += [(start + m.start(), start + m.end()) for m in PROTECTED.finditer(text[start:end])]
        searched_to = end
    return tuple(spans)


def inside(spans: Spans, offset: int) -> bool:
    """Whether `offset` falls strictly inside one of `spans` (sorted, non-overlapping)."""
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]


# A token that reads as code: snake_case, a call, a dotted lower-case name, markup, a path.
CODE_TOKEN = regex.compile(r"\w_\w|\w\(\)|\p{Ll}\.\p{Ll}|::|[`=<>{}\\]|\w/\w")


@functools.lru_cache(maxsize=2)
def code_share(text: str) -> float:
    """How much of a text looks like code, 0 to 1: one token in twenty that does
    (snake_case, a call, a dotted lower-case name, markup) counts as all of it.

    URLs, e-mail addresses and handles are prose's own (a press release ends with one),
    so the code characters inside them do not count.
    """
    tokens = max(1, text.count(" ") + text.count("\n"))
    found = CODE_TOKEN.findall(ADDRESS.sub(" ", text) if ADDRESS_TRIGGER.search(text) else text)
    return min(1.0, 20.0 * len(found) / tokens)


ADDRESS = regex.compile("|".join((URL, EMAIL, HANDLE)))
ADDRESS_TRIGGER = regex.compile(r"@|://|www\.|#|mailto:|tel:")
