"""Lost ligatures: `signi cant` -> `significant`, `o cials` -> `officials`, `rst` -> `first`.

Typeset text sets fi, fl, ff, ffi and ffl as one glyph; a PDF extractor that
cannot map the glyph leaves a gap where it stood.  The core
(`pipeline_engine::ligatures`) restores a gap where the restored word is a
well-known word and the gapped text does not read as words; the log10 odds of
the two readings give the confidence.  The edit changes letters, not only
spaces, so it is a rule of its own.
"""

from __future__ import annotations

from pipeline import _core
from pipeline.config import Config
from pipeline.edits import Edit, Kind, Rule, propose
from pipeline.lexicon import lexicon
from pipeline.stages.base import Context, Stage

NAME = "ligatures"

LOST_LIGATURE = Rule(
    "L001",
    "lost-ligature",
    NAME,
    "A ligature (fi, fl, ff, ffi, ffl) that PDF extraction lost, leaving a gap, is restored.",
    "a signi cant rise",
    "a significant rise",
)


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Restorations of the gaps in `text` that lost a ligature."""
    apply_at = _core.APPLY_AT if config.apply_at is None else config.apply_at
    edits = []
    for at, kind, ligature, gapped, restored, margin, sure in lexicon().core.ligatures(text):
        if sure < _core.SUGGEST_AT:
            continue
        # "inside": the gap stands for the ligature; at a word's "start" or "end" it goes in
        start, end = (at, at + 1) if kind == "inside" else (at, at)
        applied = sure >= apply_at
        verdict = "lost ligature" if applied else "possible lost ligature"
        edits.append(
            propose(
                text,
                start,
                end,
                ligature,
                LOST_LIGATURE,
                confidence=round(sure, 3),
                message=f"{verdict}: {gapped!r} -> {restored!r} (log10 odds {margin:+.1f})",
                kind=Kind.FIX if applied else Kind.SUGGESTION,
            )
        )
    return edits


STAGE = Stage(NAME, (LOST_LIGATURE,), find)
