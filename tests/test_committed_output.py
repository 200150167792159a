"""The committed output/ is what `pipeline run` writes for seeds/ today."""

from __future__ import annotations

from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_output_is_fresh(tmp_path: Path) -> None:
    assert main(["run", str(ROOT / "seeds"), "--out", str(tmp_path), "--quiet"]) == 0
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(ROOT / "output") for p in (ROOT / "output").rglob("*") if p.is_file()
    )
    assert fresh == committed
    for name in fresh:
        assert (tmp_path / name).read_bytes() == (ROOT / "output" / name).read_bytes(), (
            f"output/{name} is stale: run `pipeline run`"
        )
