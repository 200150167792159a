from __future__ import annotations

from pipeline.stages.joins.layout import Rhythm, best_breaks


def test_width_is_the_gap_most_breaks_share() -> None:
    text = "x" * 1000
    sure = [10, 90, 172, 250, 330, 490, 570]  # one gap of two lines (330 -> 490)
    rhythm = Rhythm.estimate(text, sure)
    assert rhythm is not None
    assert 78 <= rhythm.width <= 82


def test_too_few_sure_breaks_give_no_width() -> None:
    assert Rhythm.estimate("x" * 500, [10, 90]) is None


def test_a_layout_takes_the_glue_where_a_break_is_due_and_not_elsewhere() -> None:
    spaces = list(range(5, 400, 6))
    due, off_rhythm = 161, 120  # a break is due every 80 characters from 1
    glues = {1: 3.0, 81: 3.0, due: -0.3, 241: 3.0, off_rhythm: -0.3}
    chosen = best_breaks(0, 300, spaces, glues, width=80, glue_rate=0.8)
    assert due in chosen
    assert off_rhythm not in chosen


def test_a_rare_glue_rate_keeps_weak_glues_out() -> None:
    spaces = list(range(5, 400, 6))
    glues = {81: -0.3}
    assert best_breaks(0, 300, spaces, glues, width=80, glue_rate=0.05) == set()
