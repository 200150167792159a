"""Passes run the same in one process or several."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest

from pipeline.batch.executor import default_jobs, fork_fold, fork_map
from pipeline.cli import main
from pipeline.files.sources import Source

SAMPLE = Path(__file__).parents[1] / "data" / "dev-sample"


def _pid_and_name(source: Source) -> tuple[int, str]:
    return os.getpid(), source.relative.as_posix()


def test_results_come_back_in_order_from_other_processes() -> None:
    sources = [Source(Path(f"{i}.txt"), PurePosixPath(f"{i}.txt")) for i in range(40)]
    results = list(fork_map(_pid_and_name, sources, jobs=2))
    assert [name for _, name in results] == [s.relative.as_posix() for s in sources]
    assert os.getpid() not in {pid for pid, _ in results}
    assert {pid for pid, _ in fork_map(_pid_and_name, sources, jobs=1)} == {os.getpid()}


def _names(source: Source) -> list[str]:
    return [source.relative.as_posix()]


def _joined(names: list[str], more: list[str]) -> list[str]:
    names.extend(more)
    return names


def test_a_fold_adds_up_in_the_workers_and_gives_the_sums_in_order() -> None:
    sources = [Source(Path(f"{i}.txt"), PurePosixPath(f"{i}.txt")) for i in range(40)]
    seen: list[Source] = []
    sums = list(fork_fold(_names, sources, _joined, jobs=2, done=seen.append))
    assert 1 < len(sums) < len(sources)  # chunks, each added up where it ran
    assert [name for chunk in sums for name in chunk] == [s.relative.as_posix() for s in sources]
    assert seen == sources  # each file's progress told, in order
    alone = list(fork_fold(_names, sources, _joined, jobs=1))
    assert alone == [[s.relative.as_posix()] for s in sources]  # the caller adds them up


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


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_a_killed_run_and_its_lock_does_not_block_the_next(
    tmp_path: Path,
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    text = SAMPLE.joinpath("wcep-2026-06-12.txt").read_text().replace(" the ", " the")
    for number in range(400):
        (source / f"{number:03}.txt").write_text(text)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out), "-j", "2"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the run never started its workers"
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
    assert main(["run", str(source), "--out", str(out), "-q", "-j", "1"]) == 0


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("127.0.0.1:1", "cannot reach Ray at 127.0.0.1:1"),
        ("ray://127.0.0.1:1", "cannot reach Ray at ray://127.0.0.1:1"),
        ("nonsense", "give HOST:PORT, ray://HOST:PORT or auto"),
    ],
)
def test_a_cluster_that_cannot_be_reached_is_a_clear_error_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str, said: str
) -> None:
    pytest.importorskip("ray")
    (tmp_path / "a.txt").write_text("It is thepress office.\n")
    started = time.monotonic()
    args = ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]
    assert main([*args, "--executor", "ray", "--address", address]) == 2
    assert time.monotonic() - started < 30
    assert said in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_address_without_the_ray_executor_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("It is thepress office.\n")
    assert main(["run", str(tmp_path / "a.txt"), "--address", "auto"]) == 2
    assert "--executor ray" in capsys.readouterr().err


def test_the_ray_extra_holds_the_ray_client() -> None:
    """`--address ray://HEAD:10001` needs Ray Client, which plain `ray` lacks."""
    pytest.importorskip("ray")
    import importlib.metadata

    assert importlib.metadata.version("grpcio")  # what ray[client] adds
