"""Word lists and tables shipped with the package, read once."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_list(name: str) -> frozenset[str]:
    """Entries of `data/<name>.txt`: one per line, `#` starts a comment line."""
    text = files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
