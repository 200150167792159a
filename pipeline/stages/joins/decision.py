"""Which candidate splits to apply, which to suggest: the words weighed against the rhythm."""

from __future__ import annotations

from pipeline.edits import Kind
from pipeline.stages.joins.candidates import Candidate
from pipeline.stages.joins.layout import Rhythm, best_breaks
from pipeline.stages.joins.thresholds import (
    CAP,
    CERTAIN,
    DOUBT,
    DUE,
    FAINT,
    RHYTHM_PASSES,
    SUGGEST,
    SURE,
)


def decide(text: str, found: list[Candidate]) -> list[tuple[Candidate, Kind]]:
    """Which candidates to apply and which to suggest, by margin and rhythm.

    Candidates sure from their words alone estimate the document's line width
    and how often its line breaks were lost.  Then each paragraph's likeliest
    line layout (`rhythm.best_breaks`) picks the glues, weighing each
    candidate's margin against where a break is due; a sure candidate off
    every plausible layout is not applied unless it is certain.  Without a
    width (clean text, or too few sure glues) only sure candidates apply.
    """
    sure = [c for c in found if c.margin >= SURE and not c.doubtful]
    rhythm = Rhythm.estimate(text, [c.at for c in sure]) or Rhythm.estimate(
        text, [c.at for c in found if c.margin >= DUE]
    )
    certain = {c.at for c in found if c.margin >= CERTAIN and not c.doubtful}
    if rhythm is None:
        applied = {c.at for c in sure}
    else:
        by_segment: dict[int, dict[int, float]] = {}
        for candidate in found:
            if candidate.margin >= FAINT and not (candidate.familiar and candidate.margin < DUE):
                segment = rhythm.segment_index(candidate.at)
                margin = candidate.margin - (DOUBT if candidate.doubtful else 0.0)
                by_segment.setdefault(segment, {})[candidate.at] = min(margin, CAP)
        segments = rhythm.segments()
        spaces = {
            segment: [i for i in range(*segments[segment]) if text[i] == " "]
            for segment in by_segment
        }
        breaks = max(1.0, rhythm.expected_breaks())
        glued = float(len(sure))
        for _ in range(RHYTHM_PASSES):
            glue_rate = min(0.9, max(0.05, glued / breaks))
            applied = set(certain)
            for segment, glues in by_segment.items():
                start, end = segments[segment]
                layout = best_breaks(start, end, spaces[segment], glues, rhythm.width, glue_rate)
                applied |= layout
            glued = float(len(applied))
    decided = [(c, Kind.FIX) for c in found if c.at in applied]
    decided += [(c, Kind.SUGGESTION) for c in found if c.at not in applied and c.margin >= SUGGEST]
    return sorted(decided, key=lambda pair: pair[0].at)
