from __future__ import annotations

from benchmarks.calibrate import chance_ece, reliability


def test_a_calibrated_model_shows_an_ece_that_shrinks_with_the_splits_it_is_read_on() -> None:
    few = [0.15, 0.35, 0.55, 0.75, 0.92, 0.96, 0.98, 0.995] * 12  # about acl-dev's half
    floor_few, high_few = chance_ece(few, draws=300)
    floor_many, high_many = chance_ece(few * 50, draws=100)
    assert high_many < high_few
    assert 0.0 < floor_few <= high_few
    assert floor_many < floor_few / 3  # the floor is sampling noise: it falls as 1/sqrt(n)
    assert chance_ece(few, draws=300) == (floor_few, high_few)  # the same draws every run


def test_splits_that_are_always_right_at_certainty_are_calibrated() -> None:
    assert chance_ece([1.0] * 50, draws=20) == (0.0, 0.0)
    assert reliability([(1.0, True)] * 50)[1] == 0.0
