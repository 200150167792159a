"""Spans of text that are not prose and must not be re-spaced, and how much of a text is code.

Both are computed in the compiled core (`pipeline_engine::patterns`); the last
answers are kept, because the punctuation and joins stages ask of the same text.
"""

from __future__ import annotations

import bisect
import functools

from pipeline import _core

Spans = tuple[tuple[int, int], ...]  # sorted, non-overlapping (start, end) offsets


@functools.lru_cache(maxsize=2)
def protected_spans(text: str) -> Spans:
    """Sorted spans of URLs, e-mail addresses, handles and hashtags, and dotted lower-case names."""
    return tuple(_core.protected_spans(text))


def inside(spans: Spans, offset: int) -> bool:
    """Whether `offset` falls strictly inside one of `spans` (sorted, non-overlapping)."""
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]


@functools.lru_cache(maxsize=2)
def code_share(text: str) -> float:
    """How much of a text looks like code, 0 to 1: one token in twenty that does
    (snake_case, a call, a dotted lower-case name, markup) counts as all of it;
    URLs, e-mail addresses and handles do not count."""
    return _core.code_share(text)
