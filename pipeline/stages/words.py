"""Words that PDF extraction broke: lost ligatures (`signi cant`, `the rst`) and stray spaces
(`inc luded`, `p resentat ions`, and letter-spaced runs: `d i s c u s s`).

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

from pipeline import _core
from pipeline.config import Config
from pipeline.edits import Edit, Kind, Rule, propose
from pipeline.lexicon import lexicon
from pipeline.stages.base import Context, Stage

NAME = "words"

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


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Repairs of `text`'s broken words: a ligature put back (L001), or the stray spaces
    inside a word taken out, one edit per space (L002).  With the batch's vocabulary, a
    word it writes whole reads as a word where a gap cut it (`Witko` for `Witkoff`)."""
    apply_at = _core.APPLY_AT if config.apply_at is None else config.apply_at
    vocabulary = context.vocabulary if context else None
    found, reads = lexicon().core.broken_words(text, vocabulary.core if vocabulary else None)
    if vocabulary:
        vocabulary.note(reads)
    edits = []
    for at, kind, ligature, gapped, restored, margin, sure, gaps in found:
        if sure < _core.SUGGEST_AT:
            continue
        applied = sure >= apply_at
        edit_kind = Kind.FIX if applied else Kind.SUGGESTION
        how = f"{gapped!r} -> {restored!r} (log10 odds {margin:+.1f})"
        if kind == "stray":
            verdict = "stray space" if applied else "possible stray space"
            for gap in gaps:
                edits.append(
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
                )
            continue
        # "inside": the gap stands for the ligature; at a word's "start" or "end" it goes in
        start, end = (at, at + 1) if kind == "inside" else (at, at)
        verdict = "lost ligature" if applied else "possible lost ligature"
        edits.append(
            propose(
                text,
                start,
                end,
                ligature,
                LOST_LIGATURE,
                confidence=round(sure, 3),
                message=f"{verdict}: {how}",
                kind=edit_kind,
            )
        )
    return edits


STAGE = Stage(NAME, (LOST_LIGATURE, STRAY_SPACE), find)
