"""The reports are put together one way, whether the batch streamed to disk or is in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.publish import publish
from pipeline.config import Config
from pipeline.report import REPORTS, render_all
from pipeline.runner import find_sources, run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("\u00abWe\u00bbsaid.It  is thepress and the\u00a0world.\n")
    (src / "clean.txt").write_text("Nothing to do.\n")
    (src / "b.txt").write_bytes(b"caf\xe9 au lait,without a newline")
    return src


def test_a_batch_in_memory_renders_the_reports_run_writes(folder: Path, tmp_path: Path) -> None:
    settings = Config()
    out = tmp_path / "out"
    publish(find_sources([folder], settings), settings, out)
    rendered = render_all(run([folder], settings))
    for name in REPORTS:
        assert rendered[name] == (out / name).read_text(encoding="utf-8"), name


def test_rendering_in_memory_opens_no_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = run([folder], Config())

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"opened {args[0]}")

    monkeypatch.setattr("builtins.open", refused)
    assert "thepress" in render_all(batch)["changes.diff"]
