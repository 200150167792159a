"""Run-together words: repair words glued where a line break was lost, never splitting a name.

Three kinds of evidence, weighed per candidate split point:

1. The words.  A lower-case token the lexicon does not know, or knows only as a
   rare form ("ofthe"), is segmented into known words; the log10 odds of the
   pair against the whole token is the split's *margin*.  Case changes
   (`theAfrican`, `AzizDolosbayev`) and digit edges (`over70`) are candidates
   of their own.
2. The batch.  A glued form the batch also writes spaced is damage; one it
   writes often and never spaced (`QatarEnergy`) is a name.
3. The rhythm.  Lost breaks recur about one line width apart.  Splits sure
   enough on their own are anchors; the document's line width is estimated
   from the gaps between them, and a weaker candidate is applied only where a
   break is due.  Where the evidence stays short, the split is a suggestion.
"""

from __future__ import annotations

import regex

from pipeline.config import Config
from pipeline.data import word_list
from pipeline.edits import Edit, Kind, Locator, Rule, apply_edits, propose
from pipeline.lexicon import lexicon
from pipeline.stages.base import Context, Stage
from pipeline.stages.joins.candidates import RUN, Candidate, SplitKind, candidates
from pipeline.stages.joins.confidence import code_share
from pipeline.stages.joins.decision import Decided, decide
from pipeline.stages.joins.thresholds import APPLY_AT, CODE_DOCUMENT, FORCED, MAX_ROUNDS
from pipeline.vocabulary import Vocabulary

NAME = "joins"

WORDS_GLUED = Rule(
    "J001",
    "run-together-words",
    NAME,
    "Words glued where a line break was lost are separated, by the lexicon's odds.",
    "strengtheningthe",
    "strengthening the",
)
CASE_GLUED = Rule(
    "J002",
    "run-together-at-case-change",
    NAME,
    "A word glued to a capitalised word or name is separated at the case change.",
    "ministers ofKazakhstan",
    "ministers of Kazakhstan",
)
EDGE_GLUED = Rule(
    "J003",
    "run-together-at-number-or-mark",
    NAME,
    "A word glued to a number, symbol or bracket is separated.",
    "over70",
    "over 70",
)

RULES: dict[SplitKind, Rule] = {"words": WORDS_GLUED, "case": CASE_GLUED, "edge": EDGE_GLUED}


def _edit(text: str, decided: Decided) -> Edit:
    candidate, kind = decided.candidate, decided.kind
    verdict = "split" if kind is Kind.FIX else "possible split"
    message = (
        f"{verdict}: {candidate.left!r} + {candidate.right!r} (log10 odds {candidate.margin:+.1f})"
    )
    return propose(
        text,
        candidate.at,
        candidate.at,
        " ",
        RULES[candidate.kind],
        confidence=round(decided.confidence, 3),
        message=message,
        kind=kind,
    )


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Join repairs for `text`, judged against the batch's vocabulary (or the text's own).

    The decision is repeated on its own result until nothing more changes
    (the layout of a repaired text differs from the damaged one), so that
    cleaning the output again changes nothing.
    """
    vocabulary = context.vocabulary if context else Vocabulary.of([text])
    lex = lexicon()
    edits: list[Edit] = []
    current = text
    locator = Locator(text)
    apply_at = APPLY_AT if config.apply_at is None else config.apply_at
    code: float | None = None  # the text's code share, once: spaces added do not change it much
    for _ in range(MAX_ROUNDS):
        found = _as_configured(current, candidates(current, vocabulary, lex), config)
        if found and code is None:
            code = code_share(current)
        if code is not None and code >= CODE_DOCUMENT:
            found = _outside_identifiers(current, found)
        decided = decide(current, found, apply_at, code or 0.0)
        fixes = [_edit(current, d) for d in decided if d.kind is Kind.FIX]
        suggestions = [_edit(current, d) for d in decided if d.kind is Kind.SUGGESTION]
        if not edits:
            edits = [*fixes, *suggestions]
        else:
            later = [_moved(text, e, locator.original_offset(e.start)) for e in fixes]
            taken = {e.start for e in later}
            edits = [e for e in edits if e.kind is Kind.FIX or e.start not in taken] + later
        if not fixes:
            break
        current = apply_edits(current, fixes)
        locator.push(fixes)
    return sorted(edits, key=lambda e: (e.start, e.kind is Kind.SUGGESTION))


IDENTIFIER_RUN = regex.compile(r"[\p{L}\d]+")


def _outside_identifiers(text: str, found: list[Candidate]) -> list[Candidate]:
    """Drop candidates inside a name Python's standard library defines (`returncode`,
    `timeit`, `base64`): in a document that reads as code, it is that name."""
    names = word_list("python-identifiers")
    blocked: set[int] = set()
    for candidate in found:
        if candidate.at in blocked:
            continue
        start = candidate.at
        while start > 0 and (text[start - 1].isalnum()):
            start -= 1
        match = IDENTIFIER_RUN.match(text, start)
        if match and match.group().lower() in names:
            blocked.update(range(match.start(), match.end() + 1))
    return [c for c in found if c.at not in blocked]


def _as_configured(text: str, found: list[Candidate], config: Config) -> list[Candidate]:
    """Drop candidates inside protected words; add the forced splits."""
    options = config.joins
    if not options.protect and not options.split:
        return found
    protected = set(options.protect)
    forced = {phrase.replace(" ", ""): phrase for phrase in options.split}
    blocked: set[int] = set()
    extra: list[Candidate] = []
    for match in RUN.finditer(text):
        word = match.group()
        if word in protected:
            blocked.update(range(match.start(), match.end() + 1))
        if word in forced:
            blocked.update(range(match.start(), match.end() + 1))
            at = match.start()
            for part in forced[word].split(" ")[:-1]:
                at += len(part)
                extra.append(Candidate(at, FORCED, "words", part, word[at - match.start() :]))
    kept = [c for c in found if c.at not in blocked]
    return sorted(kept + extra, key=lambda c: c.at)


def _moved(text: str, edit: Edit, start: int) -> Edit:
    """An insertion found in a later round, placed in the stage's input text."""
    return propose(
        text,
        start,
        start,
        edit.after,
        edit.rule,
        confidence=edit.confidence,
        message=edit.message,
        kind=edit.kind,
    )


STAGE = Stage(NAME, (WORDS_GLUED, CASE_GLUED, EDGE_GLUED), find)
