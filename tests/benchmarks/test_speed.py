from __future__ import annotations

from benchmarks.speed import paired


def test_a_ratio_is_read_within_each_round_so_a_slow_spell_slows_both_sides() -> None:
    # the machine is twice as slow in the second round: each side takes twice as long
    rounds = [{"ours": 2.0, "peer": 1.0}, {"ours": 4.0, "peer": 2.0}, {"ours": 2.2, "peer": 1.0}]
    ratio, least, most = paired(rounds, "ours", "peer")
    assert (ratio, least, most) == (0.5, 1.0 / 2.2, 0.5)
    assert paired(rounds, "peer", "peer") == (1.0, 1.0, 1.0)
