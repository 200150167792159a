"""Patterns of the `regex` module, compiled on first use.

Importing `regex` takes a tenth of `pipeline check`'s start on a small file, and every
pattern the package compiles serves a path most files never take (a long line, a large
file's pieces, a reviewer's rejection), so none is compiled at import.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex


@functools.cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """`regex.compile(pattern)`, once per pattern."""
    import regex

    return regex.compile(pattern)
