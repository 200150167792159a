"""Every script in benchmarks/ and tools/ answers `--help` with its usage, and does nothing
else: a script that ran (or rewrote a data file) when asked how to run it would surprise."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _scripts() -> list[Path]:
    """The files that run as scripts (`if __name__ == "__main__":`)."""
    found = []
    for path in sorted([*ROOT.glob("benchmarks/*.py"), *ROOT.glob("tools/*.py")]):
        tree = ast.parse(path.read_text("utf-8"))
        if any(
            isinstance(node, ast.If) and "__main__" in ast.unparse(node.test) for node in tree.body
        ):
            found.append(path)
    return found


@pytest.mark.parametrize("script", _scripts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_script_answers_help_with_its_usage(script: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "pipeline").rglob("*") if p.is_file()}
    shown = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage:"), shown.stdout[:200]
    after = {p: p.stat().st_mtime_ns for p in before if p.exists()}
    assert after == before  # nothing written into the package
