"""Which candidate splits to apply, which to suggest: the words weighed against the rhythm."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.edits import Kind
from pipeline.stages.joins.candidates import Candidate
from pipeline.stages.joins.confidence import confidence_of
from pipeline.stages.joins.layout import Placed, Rhythm, best_breaks, support
from pipeline.stages.joins.thresholds import (
    CAP,
    CERTAIN,
    DOUBT,
    DUE,
    FAINT,
    GLUE_DENSITY,
    RHYTHM_PASSES,
    SUGGEST_AT,
    SUPPORT_CAP,
    SURE,
)


@dataclass(frozen=True, slots=True)
class Decided:
    """A candidate, what is done with it, and the probability that it is right."""

    candidate: Candidate
    kind: Kind
    confidence: float


def place(text: str, found: list[Candidate]) -> dict[int, Placed]:
    """Each candidate's place in the document's rhythm, by its offset.

    Candidates sure from their words alone estimate the document's line width
    and how often its line breaks were lost.  Then each paragraph's likeliest
    line layout (`layout.best_breaks`) picks the glues, weighing each
    candidate's margin against where a break is due.  Without a width (clean
    text, sparse glues, or too few sure ones) nothing is on a layout.
    """
    sure = [c for c in found if c.margin >= SURE and not c.doubtful]
    rhythm = Rhythm.estimate(text, [c.at for c in sure]) or Rhythm.estimate(
        text, [c.at for c in found if c.margin >= DUE]
    )
    if rhythm is None:
        # No line width: how glued the text is stands in for the rate of lost breaks.
        tokens = max(1, text.count(" ") + text.count("\n"))
        density = min(1.0, GLUE_DENSITY * len(sure) / tokens)
        return {c.at: Placed(False, False, 0.0, density) for c in found}
    certain = {c.at for c in found if c.margin >= CERTAIN and not c.doubtful}
    by_segment: dict[int, dict[int, float]] = {}
    for candidate in found:
        if candidate.margin >= FAINT and not (candidate.familiar and candidate.margin < DUE):
            segment = rhythm.segment_index(candidate.at)
            margin = candidate.margin - (DOUBT if candidate.doubtful else 0.0)
            by_segment.setdefault(segment, {})[candidate.at] = min(margin, CAP)
    segments = rhythm.segments()
    spaces = {
        segment: [i for i in range(*segments[segment]) if text[i] == " "] for segment in by_segment
    }
    breaks = max(1.0, rhythm.expected_breaks())
    glued = float(len(sure))
    picked: set[int] = set()
    favoured: dict[int, float] = {}
    for last in range(RHYTHM_PASSES, 0, -1):
        glue_rate = min(0.9, max(0.05, glued / breaks))
        picked = set()
        for segment, glues in by_segment.items():
            start, end = segments[segment]
            spaced = spaces[segment]
            if last > 1:
                picked |= best_breaks(start, end, spaced, glues, rhythm.width, glue_rate)
            else:  # the last pass also weighs each glue's support
                chosen, held = support(start, end, spaced, glues, rhythm.width, glue_rate)
                picked |= chosen
                favoured |= held
        glued = float(len(picked | certain))
    return {
        c.at: Placed(True, c.at in picked, favoured.get(c.at, -SUPPORT_CAP), glue_rate)
        for c in found
    }


def decide(
    text: str,
    found: list[Candidate],
    apply_at: float,
    code: float,
    suggest_at: float = SUGGEST_AT,
) -> list[Decided]:
    """Each candidate's confidence, and whether it is applied (`apply_at` or more),
    suggested (`suggest_at` or more) or dropped; `code` is the document's `code_share`."""
    places = place(text, found)
    decided = []
    for candidate in found:
        if candidate.margin < FAINT:
            continue  # the words alone say no (of 137,000 on the dev benches, 3 reached 0.1)
        placed = places[candidate.at]
        sure = confidence_of(candidate, placed, text, code)
        if sure >= apply_at:
            decided.append(Decided(candidate, Kind.FIX, sure))
        elif sure >= suggest_at:
            decided.append(Decided(candidate, Kind.SUGGESTION, sure))
    return decided
