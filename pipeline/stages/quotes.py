"""Quotation marks and apostrophes: one style, and quotes that hug what they quote.

Styles: `ascii` (" and '), `curly` (English “ ” ‘ ’) or `keep`.  Spacing: a
space outside a quote where a word touches it (`threats,»said` -> `threats," said`),
none just inside (`« We` -> `"We`).  Primes (5′11″) and backticks are not quotes.
"""

from __future__ import annotations

from pipeline import _core
from pipeline.config import Config
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


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Style and spacing edits for every quotation mark in `text` (the core's scan:
    `pipeline_engine::spacing::quotes`, which says how a mark's direction is read), the
    first kept where two clash."""
    options = config.quotes
    found = _core.quote_edits(text, options.style, options.spacing)
    return non_overlapping(
        propose(text, start, end, after, RULES[code], confidence=confidence, message=message)
        for start, end, after, code, confidence, (message,) in found
    )


STAGE = Stage(NAME, (DOUBLE_STYLE, SINGLE_STYLE, SPACE_OUTSIDE, SPACE_INSIDE), find)
RULES = {rule.code: rule for rule in STAGE.rules}
