"""Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none before.

The rules fire only where the evidence is plain: letters on both sides of the
mark, a lower-case letter before a full stop and a capitalised word after it.
Initials and abbreviations (U.S., e.g., Ph.D.), numbers (3.14, 1,000, 4:00pm),
URLs, e-mail addresses, dotted names (McAfee.com, One.Tel, Node.js) and
ellipses do not have that shape, or are protected spans.
"""

from __future__ import annotations

from functools import cache

from pipeline import _core
from pipeline.config import Config
from pipeline.data import word_list
from pipeline.edits import Edit, Rule, propose
from pipeline.lexicon import lexicon
from pipeline.stages.base import Context, Stage

NAME = "punctuation"

SPACE_AFTER = Rule(
    "P001",
    "space-after-punctuation",
    NAME,
    "A word glued after . , ; : ! ? is separated by a space.",
    "organizations.Evidently",
    "organizations. Evidently",
)
SPACE_BEFORE = Rule(
    "P002",
    "space-before-punctuation",
    NAME,
    "Spaces before , . ; : ! ? are removed.",
    "However , it",
    "However, it",
)

BROKEN_HYPHEN = Rule(
    "P003",
    "broken-hyphen",
    NAME,
    "A compound's hyphen cut from its second word by a stray space is closed up; a suspended "
    "hyphen (low- and middle-income) is left.",
    "their well- being",
    "their well-being",
)


@cache
def _scan() -> _core.PunctuationScan:
    """The core's scan (`pipeline_engine::spacing::punctuation`), set up once per process
    with the lexicon and the word lists it reads."""
    return _core.PunctuationScan(
        lexicon().core,
        tlds=sorted(word_list("generic-tlds")),
        function_words=sorted(word_list("function-words")),
    )


def _message(code: str, detail: list[str]) -> str:
    if code == SPACE_AFTER.code:
        mark, word = detail
        return f"space added after {mark!r} before {word!r}"
    if code == SPACE_BEFORE.code:
        return f"space removed before {detail[0]!r}"
    return f"hyphen closed up before {detail[0]!r}"


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Spacing edits around punctuation, outside URLs, addresses and dotted names: spaces
    missing after marks, spaces before them, broken hyphens."""
    return [
        propose(
            text,
            start,
            end,
            after,
            RULES[code],
            confidence=confidence,
            message=_message(code, detail),
        )
        for start, end, after, code, confidence, detail in _scan().edits(text)
    ]


STAGE = Stage(NAME, (SPACE_AFTER, SPACE_BEFORE, BROKEN_HYPHEN), find)
RULES = {rule.code: rule for rule in STAGE.rules}
