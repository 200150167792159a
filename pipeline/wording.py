"""How the tool words a count: `1 file`, `2 files`, in the command line's summaries and in
the reports alike."""

from __future__ import annotations


def count(number: int, noun: str) -> str:
    """`1 finding`, `2 findings`: every noun we count takes an s."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
