"""The codebase stays one a newcomer can read: no module over 400 lines.

Generated modules are exempt: the fitted confidence model (`fitted.rs`, written by
`benchmarks/calibrate.py --fit`) and the JSON Schema validators (`tools/validators.py`).
Function complexity is held by ruff (`C90`, at most 15, in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONGEST = 400
GENERATED = {"crates/engine/src/fitted.rs"}


def _modules() -> list[Path]:
    found = [*ROOT.glob("crates/*/src/**/*.rs")]
    for folder in ("pipeline", "tests", "benchmarks", "tools", "fuzz", "examples"):
        found += (ROOT / folder).rglob("*.py")
    return [p for p in found if "validators" not in p.parts and ".venv" not in str(p)]


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in _modules()
        if (lines := len(path.read_text("utf-8").splitlines())) > LONGEST
    }
    assert set(long) <= GENERATED, long
