"""benchmarks/held_out.py: the held-out sets, and their damaged copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.held_out import SHARED, damaged

TEXTBENCH = SHARED / "textbench.py"


@pytest.mark.skipif(not TEXTBENCH.exists(), reason="needs ../shared/bench/textbench.py")
def test_a_set_is_damaged_once_into_a_bench_of_its_own(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    paragraph = " ".join(["The minister said the talks would resume in the spring."] * 20)
    (gold / "a.txt").write_text(f"{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    bench = damaged(tmp_path, "wrap")
    assert bench == tmp_path / "wrap"
    made = bench / "input" / "a.txt"
    words = (bench / "gold" / "a.txt").read_text(encoding="utf-8").split()
    assert len(made.read_text(encoding="utf-8").split()) < len(words)  # lost breaks glued words
    stamp = made.stat().st_mtime_ns
    assert damaged(tmp_path, "wrap") == bench
    assert made.stat().st_mtime_ns == stamp  # made once: a second build compares with the first
