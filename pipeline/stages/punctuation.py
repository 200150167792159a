"""Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none before
it nor just inside parentheses.

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
from pipeline.edits import (
    IN_TEXT_ORDER,
    Edit,
    Kind,
    Locator,
    Rule,
    apply_edits,
    non_overlapping,
    propose,
)
from pipeline.lexicon import lexicon
from pipeline.patterns import reads_as_code
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

PADDED_BRACKET = Rule(
    "P004",
    "space-inside-parentheses",
    NAME,
    "Spaces just inside parentheses are removed (not after a word: `f( x )` is code's style).",
    "the grammatical role ( subject or object )",
    "the grammatical role (subject or object)",
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
    if code == PADDED_BRACKET.code:
        side = "after" if detail[0] == "(" else "before"
        return f"space removed {side} {detail[0]!r}"
    return f"hyphen closed up before {detail[0]!r}"


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Spacing edits around punctuation, outside URLs, addresses and dotted names: spaces
    missing after marks, spaces before them, broken hyphens.

    In a text that reads as code the scan leaves spaces before marks and `key:value` alone,
    and the spaces it puts in can tip a text out of reading so (each is one more token).
    A space it takes out joins two tokens, whose mark it may then read otherwise
    (`e- ry4disct.Lsz` -> `e-ry4disct.Lsz`, whose full stop it spaces: a fuzz find).  A
    cleaning of the output would then act again; so where the first round's output reads
    otherwise than its input, or joins tokens, a second round reads the output and its edits
    are placed in the input, as one stage's (a later pass would put them beside the first
    round's, which `edits.replay` reads as one run of the stage's edits)."""
    edits = _edits(text)
    if not edits:
        return edits
    out = apply_edits(text, edits)
    joins_tokens = any(edit.kind is Kind.FIX and not edit.after for edit in edits)
    if not joins_tokens and reads_as_code(out) == reads_as_code(text):
        return edits
    locator = Locator()
    locator.push(edits)
    taken = {(e.start, e.end) for e in edits}
    placed = []
    for edit in _edits(out):
        start = locator.original_offset(edit.start)
        end = start + (edit.end - edit.start)
        if text[start:end] != edit.before or (start, end) in taken:
            continue  # a change of the first round's own: not the input's to make
        placed.append(edit._replace(start=start, end=end))
    merged = sorted([*edits, *placed], key=IN_TEXT_ORDER)
    return non_overlapping(merged)


def _edits(text: str) -> list[Edit]:
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


STAGE = Stage(NAME, (SPACE_AFTER, SPACE_BEFORE, BROKEN_HYPHEN, PADDED_BRACKET), find)
RULES = {rule.code: rule for rule in STAGE.rules}
