from __future__ import annotations

from benchmarks.speed import paired


def test_a_ratio_is_read_within_each_round_so_a_slow_spell_slows_both_sides() -> None:
    # the machine is twice as slow in the second round: each side takes twice as long
    rounds = [{"ours": 2.0, "peer": 1.0}, {"ours": 4.0, "peer": 2.0}, {"ours": 2.2, "peer": 1.0}]
    ratio, least, most = paired(rounds, "ours", "peer")
    assert (ratio, least, most) == (0.5, 1.0 / 2.2, 0.5)
    assert paired(rounds, "peer", "peer") == (1.0, 1.0, 1.0)


def test_anonymous_memory_is_read_from_the_status_text() -> None:
    from benchmarks.memory import anonymous_mb

    status = "Name:\tpython\nVmRSS:\t  204800 kB\nRssAnon:\t  153600 kB\nRssFile:\t 51200 kB\n"
    assert anonymous_mb(status) == 150
