"""Passes run the same in one process or several."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from pipeline.cli import main
from pipeline.executor import default_jobs, fork_map
from pipeline.sources import Source

SAMPLE = Path(__file__).parent / "data" / "dev-sample"


def _pid_and_name(source: Source) -> tuple[int, str]:
    return os.getpid(), source.relative.as_posix()


def test_results_come_back_in_order_from_other_processes() -> None:
    sources = [Source(Path(f"{i}.txt"), PurePosixPath(f"{i}.txt")) for i in range(40)]
    results = list(fork_map(_pid_and_name, sources, jobs=2))
    assert [name for _, name in results] == [s.relative.as_posix() for s in sources]
    assert os.getpid() not in {pid for pid, _ in results}
    assert {pid for pid, _ in fork_map(_pid_and_name, sources, jobs=1)} == {os.getpid()}


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """The dev sample with some glues and lost paragraph breaks."""
    source = tmp_path / "src"
    source.mkdir()
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text().replace("\n\n", "\n", 3).replace(" ", "", 9)
        (source / path.name).write_text(text)
    return source


def outputs_of(source: Path, tmp_path: Path, *runs: list[str]) -> list[dict[Path, bytes]]:
    """The output folder of each run of `source` with these flags, file by file."""
    outputs = []
    for number, flags in enumerate(runs):
        out = tmp_path / f"out{number}"
        assert main(["run", str(source), "--out", str(out), "-q", *flags]) == 0
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    return outputs


def test_a_run_with_two_processes_writes_what_one_writes(damaged: Path, tmp_path: Path) -> None:
    one, two = outputs_of(damaged, tmp_path, ["--jobs", "1"], ["--jobs", "2"])
    assert one == two
    assert default_jobs() >= 1


def test_ray_writes_what_the_local_executor_writes(damaged: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    local, ray = outputs_of(damaged, tmp_path, ["--jobs", "1"], ["--executor", "ray"])
    assert local == ray


def test_ray_missing_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    (tmp_path / "a.txt").write_text("text\n")
    code = main(
        ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--executor", "ray"]
    )
    assert code == 2
    assert "pip install 'pipeline[ray]'" in capsys.readouterr().err
