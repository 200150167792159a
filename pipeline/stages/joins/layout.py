"""The rhythm of lost line breaks: where in a paragraph a break is due.

A renderer that hard-wraps a paragraph puts a break roughly every W columns
(the seed's fall every 72 to 88), often after a short first line.  Given the
positions of breaks we are sure of, W is the gap length that explains most
gaps as one, two or three lines (`Rhythm.estimate`); `best_breaks` then finds
each paragraph's likeliest line layout and the glues on it.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from pipeline import _core
from pipeline.stages.joins.thresholds import (
    LINE_ABOVE,
    LINE_BELOW,
    LINE_FLAT,
    LINE_SIGMA,
    LINE_WEIGHTS,
    MAX_WIDTH,
    MIN_GAPS,
    MIN_WIDTH,
    SHORT_FIRST_LINE,
    SHORT_FIRST_SHARE,
    SUPPORT_CAP,
)


def tolerance(lines: int) -> int:
    """How far k lines may stray from k times the width, in characters."""
    return 8 + 4 * (lines - 1)


@dataclass(frozen=True, slots=True)
class Rhythm:
    width: int
    segment_starts: tuple[int, ...]  # offsets just after each line break (and 0)
    segment_ends: tuple[int, ...]

    @classmethod
    def estimate(cls, text: str, sure: list[int]) -> Rhythm | None:
        """The line width that best explains the gaps between sure breaks, if there are enough."""
        starts, ends = _segments(text)
        gaps = []
        anchors = sorted(sure)
        for previous, current in itertools.pairwise(anchors):
            if _segment_of(starts, previous) == _segment_of(starts, current):
                gaps.append(current - previous)
        gaps = [g for g in gaps if g >= MIN_WIDTH - tolerance(1)]
        if len(gaps) < MIN_GAPS:
            return None
        support = _support(gaps)
        width = max(range(MIN_WIDTH, MAX_WIDTH + 1), key=lambda w: support[w])
        one_line = sorted(g for g in gaps if abs(g - width) <= tolerance(1))
        if len(one_line) < 2:
            return None
        # The flat window finds the width; the middle of the gaps it holds centres it.
        return cls(one_line[len(one_line) // 2], starts, ends)

    def segment_index(self, at: int) -> int:
        return _segment_of(self.segment_starts, at)

    def segments(self) -> list[tuple[int, int]]:
        return list(zip(self.segment_starts, self.segment_ends, strict=True))

    def expected_breaks(self) -> float:
        """How many line breaks a text of these segments would have at this width."""
        return sum(
            max(0.0, (end - start - SHORT_FIRST_LINE / 2) / self.width)
            for start, end in self.segments()
        )


def _support(gaps: list[int]) -> list[float]:
    """For each width, how well it explains the gaps as one, two or three lines.

    A gap counts once, for the fewest lines it fits, weighted down for more
    lines; so the true width beats its halves and thirds.
    """
    support = [0.0] * (MAX_WIDTH + 1)
    for gap in gaps:
        counted: set[int] = set()
        for lines, weight in enumerate(LINE_WEIGHTS, start=1):
            low = max(MIN_WIDTH, -(-(gap - tolerance(lines)) // lines))
            high = min(MAX_WIDTH, (gap + tolerance(lines)) // lines)
            for width in range(low, high + 1):
                if width not in counted:
                    counted.add(width)
                    support[width] += weight
    return support


def _segments(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Stretches between line breaks: a kept break restarts the count."""
    starts = [0]
    ends = []
    position = text.find("\n")
    while position != -1:
        ends.append(position)
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    ends.append(len(text))
    return tuple(starts), tuple(ends)


def _segment_of(starts: tuple[int, ...], at: int) -> int:
    return bisect.bisect_right(starts, at) - 1


@dataclass(frozen=True, slots=True)
class Placed:
    """Where the rhythm puts a candidate: whether the document has a line width, whether
    the likeliest line layout of the candidate's paragraph breaks there, and how much
    the layout alone favours a break there (`support`, log10 odds; 0 without a width)."""

    rhythm: bool
    on_layout: bool
    support: float = 0.0
    # How damaged the document is: the share of its line breaks lost, as estimated; without
    # a line width, the share of its tokens holding a sure glue (decision.place).
    glue_rate: float = 0.0


# The search itself is in the compiled core (`pipeline_engine::layout`), with the tuned
# numbers of thresholds.py.
LAYOUT = _core.Layout(
    short_first_line=SHORT_FIRST_LINE,
    short_first_share=SHORT_FIRST_SHARE,
    line_flat=LINE_FLAT,
    line_sigma=LINE_SIGMA,
    line_below=LINE_BELOW,
    line_above=LINE_ABOVE,
    support_cap=SUPPORT_CAP,
)


def best_breaks(
    start: int,
    end: int,
    spaces: list[int],
    glues: dict[int, float],
    width: int,
    glue_rate: float,
) -> set[int]:
    """The glue points on the likeliest line layout of one paragraph.

    A layout is a sequence of breaks, each at a space (a break kept as a
    space) or at a glue point (a break lost); it scores line lengths about
    `width`, a first line that may be short, `glue_rate` for each break's kind
    and each chosen glue's margin (log10 odds from the words).  Viterbi over
    break positions; returns the glue points it chose.
    """
    chosen, _ = LAYOUT.search(
        start, end, spaces, list(glues.items()), width, glue_rate, support=False
    )
    return set(chosen)


def support(
    start: int,
    end: int,
    spaces: list[int],
    glues: dict[int, float],
    width: int,
    glue_rate: float,
) -> tuple[set[int], dict[int, float]]:
    """`best_breaks`, and how much the paragraph's line layouts favour a break at each glue
    point apart from that glue's own margin: the best layout through the point (its margin
    taken out) against the best through any point that cannot share a layout with it, in
    log10 odds.

    The scores are those of `best_breaks`, summed forward and backward (max-marginals);
    two breaks closer than the shortest line cannot both be on a layout, and a layout
    that skips a point breaks within that distance of it (for widths of 51 or more).
    """
    chosen, found = LAYOUT.search(
        start, end, spaces, list(glues.items()), width, glue_rate, support=True
    )
    return set(chosen), dict(found)
