"""Regexes shared by stages: spans of text that are not prose and must not be re-spaced."""

from __future__ import annotations

import bisect

import regex

URL = r"\b(?:https?|ftp)://\S+|\b(?:mailto|tel):\S+|\bwww\.\S+"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
HANDLE = r"(?<!\w)[#@]\w[\w.]*"
# A dotted name in lower case: node.js, example.co.uk, ver.di, report.pdf (not 7.6km).
LOWER_DOTTED = r"\b[\p{Ll}\d_-]*\p{Ll}[\p{Ll}\d_-]*(?:\.[\p{Ll}\d_-]+)+\b"
PROTECTED = regex.compile("|".join((URL, EMAIL, HANDLE, LOWER_DOTTED)))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans of URLs, e-mail addresses, handles and hashtags, and dotted lower-case names."""
    return [match.span() for match in PROTECTED.finditer(text)]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls strictly inside one of `spans` (sorted, non-overlapping)."""
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]
