"""The rhythm of lost line breaks: where in a paragraph a break is due.

A renderer that hard-wraps a paragraph puts a break roughly every W columns
(the seed's fall every 72 to 88), often after a short first line.  Given the
positions of breaks we are sure of, W is the gap length that explains most
gaps as one, two or three lines (`Rhythm.estimate`); `best_breaks` then finds
each paragraph's likeliest line layout and the glues on it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from dataclasses import dataclass

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


LOG10_E = 0.4342944819
NOTHING = -math.inf  # the score of no layout


def _line_score(length: int, width: int) -> float | None:
    """log10 likelihood of a line's length: flat near the width, falling off beyond.

    Wrapped lines vary with the words that happen to end them (the seed's run
    from 72 to 88 characters), so lengths near the width are equally likely.
    """
    if not width - LINE_BELOW <= length <= width + LINE_ABOVE:
        return None
    excess = max(0, abs(length - width) - LINE_FLAT)
    return -0.5 * (excess / LINE_SIGMA) ** 2 * LOG10_E


@functools.cache
def _line_scores(width: int) -> tuple[float, ...]:
    """`_line_score` of every length a line may have, from the shortest."""
    lengths = range(width - LINE_BELOW, width + LINE_ABOVE + 1)
    return tuple(_line_score(length, width) or 0.0 for length in lengths)


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
    points = sorted(set(spaces) | set(glues))
    breaks = _break_scores(points, glues, glue_rate)
    forward, back = _forward(start, points, breaks, width)
    return _chosen(end, points, glues, forward, back, width)


def _break_scores(points: list[int], glues: dict[int, float], glue_rate: float) -> list[float]:
    """log10 score of breaking at each point: a kept break, or a lost one and its margin."""
    kept = math.log10(max(1e-6, 1.0 - glue_rate))
    lost = math.log10(max(1e-6, glue_rate))
    return [lost + glues[p] if p in glues else kept for p in points]


def _forward(
    start: int, points: list[int], breaks: list[float], width: int
) -> tuple[list[float], list[int]]:
    """The best score of a layout from the paragraph's start to a break at each point
    (-inf where none reaches it), and the break before it on that layout (-1: none)."""
    line_scores = _line_scores(width)  # by length, from the shortest a line may be
    shortest, longest = width - LINE_BELOW, width + LINE_ABOVE
    short_first = math.log10(SHORT_FIRST_SHARE)
    long_first = math.log10(1.0 - SHORT_FIRST_SHARE)
    forward = [NOTHING] * len(points)
    back = [-1] * len(points)
    for index, point in enumerate(points):
        best = NOTHING
        came = -1
        first_length = point - start
        if first_length <= SHORT_FIRST_LINE:
            best = short_first
        elif shortest <= first_length <= longest:
            best = long_first + line_scores[first_length - shortest]
        low = bisect.bisect_left(points, point - longest, 0, index)
        high = bisect.bisect_right(points, point - shortest, 0, index)
        for previous in range(low, high):
            total = forward[previous] + line_scores[point - points[previous] - shortest]
            if total > best:
                best, came = total, previous
        forward[index] = best + breaks[index]
        back[index] = came
    return forward, back


def _chosen(
    end: int,
    points: list[int],
    glues: dict[int, float],
    forward: list[float],
    back: list[int],
    width: int,
) -> set[int]:
    """The glue points on the best layout that ends the paragraph (a last line of any length
    up to the longest)."""
    cursor, best = -1, NOTHING
    for index, point in enumerate(points):
        if end - point <= width + LINE_ABOVE and forward[index] > best:
            cursor, best = index, forward[index]
    chosen: set[int] = set()
    while cursor != -1:
        if points[cursor] in glues:
            chosen.add(points[cursor])
        cursor = back[cursor]
    return chosen


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
    points = sorted(set(spaces) | set(glues))
    breaks = _break_scores(points, glues, glue_rate)
    forward, back = _forward(start, points, breaks, width)
    line_scores = _line_scores(width)
    shortest, longest = width - LINE_BELOW, width + LINE_ABOVE
    count = len(points)
    backward = [NOTHING] * count
    for index in range(count - 1, -1, -1):
        point = points[index]
        best = 0.0 if end - point <= longest else NOTHING
        low = bisect.bisect_left(points, point + shortest, index + 1)
        high = bisect.bisect_right(points, point + longest, index + 1)
        for following in range(low, high):
            total = line_scores[points[following] - point - shortest] + breaks[following]
            total += backward[following]
            if total > best:
                best = total
        backward[index] = best
    through = [f + b for f, b in zip(forward, backward, strict=True)]
    found: dict[int, float] = {}
    for index, point in enumerate(points):
        if point not in glues:
            continue
        low = bisect.bisect_right(points, point - shortest, 0, index)
        high = bisect.bisect_left(points, point + shortest, index + 1)
        rival = max((through[i] for i in range(low, high) if i != index), default=NOTHING)
        own = through[index] - glues[point]
        if own == NOTHING:
            found[point] = -SUPPORT_CAP
        elif rival == NOTHING:
            found[point] = SUPPORT_CAP
        else:
            found[point] = max(-SUPPORT_CAP, min(SUPPORT_CAP, own - rival))
    return _chosen(end, points, glues, forward, back, width), found
