"""How much of a text is code, computed in the compiled core (`pipeline_engine::patterns`,
which also finds the spans the stages must not re-space); the last answers are kept,
because a stage asks of the same text in its rounds.
"""

from __future__ import annotations

import functools

from pipeline import _core


@functools.lru_cache(maxsize=2)
def code_share(text: str) -> float:
    """How much of a text looks like code, 0 to 1: one token in twenty that does
    (snake_case, a call, a dotted lower-case name, markup) counts as all of it;
    URLs, e-mail addresses and handles do not count."""
    return _core.code_share(text)


@functools.lru_cache(maxsize=2)
def reads_as_code(text: str) -> bool:
    """Whether a text reads as code (its share at `thresholds::CODE_DOCUMENT` or more, what
    prose writes with code's marks aside: `and/or`, `i.e.`): the punctuation stage then
    leaves `key:value` and spaces before marks as they are."""
    return _core.reads_as_code(text)
