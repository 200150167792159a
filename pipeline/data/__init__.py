"""Word lists and tables shipped with the package, read once.

Read beside this module rather than through `importlib.resources`: the package is
always installed as files (maturin's wheel and editable install alike), and that
import alone cost a pre-commit check about 7 ms of its start-up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


@cache
def word_list(name: str) -> frozenset[str]:
    """Entries of `data/<name>.txt`: one per line, `#` starts a comment line."""
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
