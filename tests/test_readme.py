"""The README tells the truth about set-up, tests and rules."""

from __future__ import annotations

from pathlib import Path

from pipeline.stages import all_rules

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in README


def test_every_rule_is_documented() -> None:
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} | {rule.stage} | {rule.summary} |" in README
