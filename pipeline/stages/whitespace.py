"""Whitespace: line endings, odd Unicode spaces, invisible characters, runs, blank lines, ends.

Each maximal run of whitespace and invisible characters is normalised as a
whole, so one run is one edit whose rule is the main change and whose message
lists the rest.  Indentation after a line break is kept (poems, code, quoted
blocks); only the very start of the file loses its leading whitespace.
"""

from __future__ import annotations

import functools

from pipeline import _core
from pipeline.config import Config
from pipeline.edits import Edit, Rule, propose
from pipeline.stages.base import Context, Stage

NAME = "whitespace"

LINE_ENDING = Rule(
    "W001", "line-ending", NAME, "CRLF and lone CR line endings become LF.", "a\r\nb", "a\nb"
)
ODD_SPACE = Rule(
    "W002",
    "unicode-space",
    NAME,
    "No-break, thin, ideographic and other Unicode spaces and tabs become a space.",
    "10\u00a0km",
    "10 km",
)
INVISIBLE = Rule(
    "W003",
    "invisible-character",
    NAME,
    "Zero-width spaces, word joiners, stray byte-order marks and soft hyphens are removed.",
    "co\u00adop\u200beration",
    "cooperation",
)
SPACE_RUN = Rule(
    "W004", "space-run", NAME, "A run of spaces between words becomes one space.", "a   b", "a b"
)
TRAILING = Rule(
    "W005",
    "trailing-space",
    NAME,
    "Spaces at the end of a line are removed.",
    "end.   \nNext",
    "end.\nNext",
)
LEADING = Rule(
    "W006",
    "leading-space",
    NAME,
    "Whitespace before the first character of the file is removed.",
    "  \n Text",
    "Text",
)
BLANK_LINES = Rule(
    "W007",
    "blank-lines",
    NAME,
    "Runs of blank lines become one blank line.",
    "a\n\n\n\nb",
    "a\n\nb",
)
FINAL_NEWLINE = Rule(
    "W008", "final-newline", NAME, "The file ends with exactly one newline.", "end.\n\n\n", "end.\n"
)

# Zero-width joiner and non-joiner are left alone: emoji sequences and Persian
# or Indic spelling need them.
# Zero-width space, word joiner, byte-order mark, soft hyphen, Mongolian vowel
# separator: one list, the core's, which counts a batch's words as if they were gone.
INVISIBLES: str = _core.INVISIBLES


@functools.cache
def _message(code: str, others: tuple[str, ...]) -> str:
    """A run's message: its rule's summary, and the other rules it applies (a few
    combinations, each written once: a run of news has a dozen runs a text)."""
    main, *rest = dict.fromkeys([RULES[code], *(RULES[other] for other in others)])
    also = f" Also: {', '.join(rule.name for rule in rest)}." if rest else ""
    return main.summary + also


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """One edit per whitespace run that is not already in its clean form (the core's
    scan: `pipeline_engine::spacing::whitespace`), and a final newline where it lacks one.

    The run's rule is the main change it makes; the message lists the others.
    """
    return [
        propose(
            text,
            start,
            end,
            clean,
            RULES[code],
            confidence=confidence,
            message=_message(code, tuple(others)),
        )
        for start, end, clean, code, confidence, others in _core.whitespace_edits(text)
    ]


STAGE = Stage(
    NAME,
    (LINE_ENDING, ODD_SPACE, INVISIBLE, SPACE_RUN, TRAILING, LEADING, BLANK_LINES, FINAL_NEWLINE),
    find,
    restyles=True,
)
RULES = {rule.code: rule for rule in STAGE.rules}
