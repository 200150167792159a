"""Words that PDF extraction broke: lost ligatures (`signi cant`, `the rst`), stray spaces
(`inc luded`, `p resentat ions`, and letter-spaced runs: `d i s c u s s`), spaces set a
letter or two off (`th einformation`), and compounds whose hyphen went with a line break's
(`lawabiding`).

Typeset text sets fi, fl, ff, ffi and ffl as one glyph; an extractor that cannot
map the glyph leaves a gap where it stood.  An extractor that places letters one
by one leaves spaces inside words.  The core (`pipeline_engine::broken_words`)
reads both together, since they compete for the same gaps (`tra cking`): a
reading is kept where the lexicon, with the words beside it, prefers it to the
text as found by a margin (log10 odds) that gives the confidence.  A run of
single letters is read as the words its letters spell
(`pipeline_engine::letter_spaced`).  Restoring a ligature changes letters, so
each kind is a rule of its own.
"""

from __future__ import annotations

import bisect

from pipeline import _core
from pipeline.code_spans import blanked, touches
from pipeline.config import Config
from pipeline.edits import (
    IN_TEXT_ORDER,
    Edit,
    Kind,
    Locator,
    Rule,
    conflict,
    placed_in,
    propose,
)
from pipeline.lexicon import lexicon
from pipeline.stages.base import Context, Stage, code_in

NAME = "words"

# A reading as the core gives it: at, kind, ligature, gapped, restored, margin, confidence,
# gaps.
Reading = tuple[int, str, str, str, str, float, float, list[int]]

LOST_LIGATURE = Rule(
    "L001",
    "lost-ligature",
    NAME,
    "A ligature (fi, fl, ff, ffi, ffl) that PDF extraction lost, leaving a gap, is restored.",
    "a signi cant rise",
    "a significant rise",
)
STRAY_SPACE = Rule(
    "L002",
    "stray-space-in-word",
    NAME,
    "Spaces that PDF extraction put inside a word are taken out, by the lexicon's odds.",
    "were inc luded in",
    "were included in",
)
LOST_HYPHEN = Rule(
    "L003",
    "lost-hyphen",
    NAME,
    "A compound's hyphen that a line break's removal took is put back where the batch writes "
    "the compound with it.",
    "a lawabiding man, his law-abiding son and law-abiding daughter",
    "a law-abiding man, his law-abiding son and law-abiding daughter",
)

MOVED_SPACE = Rule(
    "L004",
    "moved-space",
    NAME,
    "A space the extractor set a letter or two off is put back between the words it parts.",
    "much of th einformation",
    "much of the information",
)


# Rounds of reading: closing some pieces of a word can leave the rest a word's pieces that
# read as one only now (`stat u e` once `u e` is closed), so the stage reads its own output
# again until it makes no fix, as the joins stage does, and a second cleaning changes nothing.
# Every round but the last makes a fix, so only text that keeps settling reads again: letter-
# spaced text settles a word a round (`b r i e f l e s e n t a t i o n` took four: a fuzz
# find); eight is a bound, not a tuned number.
MAX_ROUNDS = 8


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Repairs of `text`'s broken words: a ligature put back (L001), the stray spaces
    inside a word taken out, one edit per space (L002), a compound's lost hyphen put back
    (L003).  With the batch's vocabulary, a
    word it writes whole reads as a word where a gap cut it (`Witko` for `Witkoff`).

    Code is read as blank: its spellings are no damage the document shows (a stretch of the
    text read alone, which lacks them, would read the rest otherwise: a fuzz find)."""
    apply_at = _core.APPLY_AT if config.apply_at is None else config.apply_at
    vocabulary = context.vocabulary if context else None
    edits: list[Edit] = []
    code = code_in(text, context)
    text = blanked(text, code)
    current = text
    locator = Locator()
    for round_ in range(MAX_ROUNDS):
        found, reads = lexicon().core.broken_words(current, vocabulary.core if vocabulary else None)
        if vocabulary:
            vocabulary.note(reads)
        made = [edit for reading in found for edit in _edits(current, reading, apply_at)]
        if round_:
            made = _moved(text, made, locator, edits)
        if code:  # as the cleaning leaves them out: the next round reads what stays
            made = [edit for edit in made if not touches(code, edit.start, edit.end)]
        if round_:
            fixes = _Near([(e.start, e.end) for e in made if e.kind is Kind.FIX])
            edits = [e for e in edits if e.kind is Kind.FIX or not fixes.clash(e.start, e.end)]
        edits = sorted([*edits, *made], key=IN_TEXT_ORDER)
        if not any(edit.kind is Kind.FIX for edit in made):
            break
        locator = Locator()
        current = locator.apply(text, edits)
    return edits


class _Near:
    """Spans sorted by start, read only where one may touch a span asked about: a page of
    letter-spaced text makes thousands of edits, and reading every pair took a cleaning of
    27,000 characters minutes."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def around(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start between `start` less the longest span and `end`: every span
        that touches `start`-`end` does."""
        low = bisect.bisect_left(self.starts, start - self.longest)
        return self.spans[low : bisect.bisect_right(self.starts, end)]

    def clash(self, start: int, end: int) -> bool:
        """Whether `start`-`end` touches one of the spans."""
        return any(a <= end and start <= b for a, b in self.around(start, end))


def _moved(text: str, made: list[Edit], locator: Locator, earlier: list[Edit]) -> list[Edit]:
    """A later round's edits placed in the stage's input text: those of its text as it came
    in that can apply beside every earlier fix, and a suggestion clear of every earlier
    edit.  A fix may build on an earlier one's letters (`sta s` -> `staff s` -> `staffs`: the
    space taken out just after the restored `ff`), as a second cleaning would; and it may
    stand where an earlier round only suggested (`find` drops that suggestion): the document
    reads otherwise once its plain cases are repaired (`second s` is surer a stray space once
    `o cials` is `officials`)."""
    fixed = [e for e in earlier if e.kind is Kind.FIX]
    fixed_at = _Near([(e.start, e.end) for e in fixed])
    by_span: dict[tuple[int, int], list[Edit]] = {}
    for e in fixed:
        by_span.setdefault((e.start, e.end), []).append(e)
    taken = _Near([(e.start, e.end) for e in earlier])
    moved = []
    for edit in made:
        start, end = locator.original_offset(edit.start), locator.original_offset(edit.end)
        if text[start:end] != edit.before:
            continue
        placed = placed_in(text, edit, start, end)
        if edit.kind is Kind.FIX:
            near = (e for span in fixed_at.around(placed.start, placed.end) for e in by_span[span])
            if any(conflict(placed, e) for e in near):
                continue
        elif taken.clash(start, end):
            continue
        moved.append(placed)
    return moved


def _edits(text: str, reading: Reading, apply_at: float) -> list[Edit]:
    """The edits of one reading the core made of `text`: none below `SUGGEST_AT`."""
    at, kind, ligature, gapped, restored, margin, sure, gaps = reading
    if sure < _core.SUGGEST_AT:
        return []
    applied = sure >= apply_at
    edit_kind = Kind.FIX if applied else Kind.SUGGESTION
    how = f"{gapped!r} -> {restored!r} (log10 odds {margin:+.1f})"
    if kind == "stray":
        verdict = "stray space" if applied else "possible stray space"
        return [
            propose(
                text,
                gap,
                gap + 1,
                "",
                STRAY_SPACE,
                confidence=round(sure, 3),
                message=f"{verdict}: {how}",
                kind=edit_kind,
            )
            for gap in gaps
        ]
    if kind == "moved":  # the span from `at` rewritten, its letters on the space's other side
        verdict = "moved space" if applied else "possible moved space"
        return [
            propose(
                text,
                at,
                at + len(ligature),
                ligature,
                MOVED_SPACE,
                confidence=round(sure, 3),
                message=f"{verdict}: {how}",
                kind=edit_kind,
            )
        ]
    # "inside": the gap stands for the ligature; at a word's "start" or "end" it goes in,
    # as a compound's lost hyphen does
    start, end = (at, at + 1) if kind == "inside" else (at, at)
    hyphen = kind == "hyphen"
    what = "lost hyphen" if hyphen else "lost ligature"
    verdict = what if applied else f"possible {what}"
    return [
        propose(
            text,
            start,
            end,
            ligature,
            LOST_HYPHEN if hyphen else LOST_LIGATURE,
            confidence=round(sure, 3),
            message=f"{verdict}: {how}",
            kind=edit_kind,
        )
    ]


STAGE = Stage(NAME, (LOST_LIGATURE, STRAY_SPACE, LOST_HYPHEN, MOVED_SPACE), find)
