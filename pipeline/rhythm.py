"""The rhythm of lost line breaks: where in a paragraph a break is due.

A renderer that hard-wraps a paragraph puts a break roughly every W columns
(the seed's fall every 72 to 88), often after a short first line.  Given the
positions of breaks we are sure of, W is the gap length that explains most
gaps as one, two or three lines; a weaker candidate is due where it sits a
whole number of lines from its sure neighbours on both sides.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

MIN_WIDTH = 20
MAX_WIDTH = 160
MIN_GAPS = 4  # fewer sure gaps than this and the width is a guess: no rhythm
MAX_LINES = 3
SHORT_FIRST_LINE = 25  # a paragraph's first line may be this short (an indent, a heading)
LINE_WEIGHTS = (1.0, 0.5, 0.25)


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
        for previous, current in zip(anchors, anchors[1:], strict=False):
            if _segment_of(starts, previous) == _segment_of(starts, current):
                gaps.append(current - previous)
        gaps = [g for g in gaps if g >= MIN_WIDTH - tolerance(1)]
        if len(gaps) < MIN_GAPS:
            return None
        width = max(range(MIN_WIDTH, MAX_WIDTH + 1), key=lambda w: _support(gaps, w))
        one_line = sum(1 for g in gaps if abs(g - width) <= tolerance(1))
        if one_line < MIN_GAPS // 2 + 1:
            return None
        return cls(width, starts, ends)

    def _fits(self, distance: int, from_paragraph_start: bool) -> bool:
        slack = SHORT_FIRST_LINE if from_paragraph_start else 0
        if from_paragraph_start and distance <= SHORT_FIRST_LINE:
            return True
        return any(
            lines * self.width - tolerance(lines)
            <= distance
            <= lines * self.width + tolerance(lines) + slack
            for lines in range(1, MAX_LINES + 1)
        )

    def due(self, at: int, anchors: list[int]) -> bool:
        """Whether a break at `at` fits the sure breaks around it (`anchors`, sorted)."""
        segment = _segment_of(self.segment_starts, at)
        start, end = self.segment_starts[segment], self.segment_ends[segment]
        i = bisect.bisect_left(anchors, at)
        before = anchors[i - 1] if i > 0 and anchors[i - 1] >= start else None
        after = anchors[i] if i < len(anchors) and anchors[i] <= end else None
        if before is not None and at - before < self.width - tolerance(1):
            return False  # one break per line
        if after is not None and after - at < self.width - tolerance(1):
            return False
        fits_before = self._fits(at - (before if before is not None else start), before is None)
        fits_after = after is None or self._fits(after - at, False)
        return fits_before and fits_after


def _support(gaps: list[int], width: int) -> float:
    total = 0.0
    for gap in gaps:
        for lines, weight in enumerate(LINE_WEIGHTS, start=1):
            if abs(gap - lines * width) <= tolerance(lines):
                total += weight
                break
    return total


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
