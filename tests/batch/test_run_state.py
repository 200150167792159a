"""Run state is input too: a re-run after any damage to it writes what a fresh run writes.

The batch is big enough that report.md is cut to its size limit, where a re-run once
copied the wrong sections.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from pipeline.batch.manifest import NAME, PARTS_MD, RECORDS
from pipeline.cli import main

SAMPLE = Path(__file__).parents[1] / "data" / "dev-sample"
FILES = 60


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("state") / "src"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    for number in range(FILES):
        text = texts[number % len(texts)]
        paragraph = text.replace(" the ", " the", 2 + number % 5)
        (folder / f"f{number:03}.txt").write_text(paragraph + "\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def run(source: Path, out: Path, *flags: str) -> int:
    return main(["run", str(source), "--out", str(out), "-q", "-j", "1", *flags])


@pytest.fixture(scope="module")
def first(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("first") / "out"
    assert run(source, out) == 0
    assert b"to keep this page within" in (out / "report.md").read_bytes()  # cut
    return out


def _json(path: Path, change: Callable[[dict[str, object]], None]) -> None:
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))


def _records(path: Path, change: Callable[[list[object]], None]) -> None:
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    change(lines)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "nothing": lambda out: None,
    **{
        f"{name} deleted": partial(lambda name, out: (out / name).unlink(), name)
        for name in (
            NAME,
            RECORDS,
            PARTS_MD,
            "report.md",
            "report.html",
            "report.json",
            "changes.diff",
        )
    },
    **{
        f"{name} emptied": partial(lambda name, out: (out / name).write_bytes(b""), name)
        for name in (NAME, RECORDS, PARTS_MD, "report.md", "report.html", "report.json")
    },
    f"{RECORDS} cut": lambda out: _cut(out / RECORDS),
    f"{PARTS_MD} cut": lambda out: _cut(out / PARTS_MD),
    "a cleaned file edited": lambda out: (out / "f001.txt").write_text("edited by hand\n"),
    "manifest: wrong type": lambda out: _json(out / NAME, lambda d: d.update(format="4")),
    "manifest: key missing": lambda out: _json(out / NAME, lambda d: d.pop("files")),
    "manifest: unknown word": lambda out: _json(out / NAME, lambda d: d.update(extra=1)),
    "manifest: begins outside": lambda out: _json(
        out / NAME, lambda d: d.update(begins={"html": ["/etc/passwd", -5]})
    ),
    "manifest: begins moved": lambda out: _json(
        out / NAME, lambda d: d.update(begins={"html": 0, "json": 0, "diff": 0})
    ),
    "records: wrong type": lambda out: _records(
        out / RECORDS, lambda lines: lines[0][1].update(changed="yes")
    ),
    "records: unknown rule": lambda out: _records(
        out / RECORDS, lambda lines: lines[0][1].update(counts=[["Z999", 1, 0]])
    ),
    "records: key missing": lambda out: _records(
        out / RECORDS, lambda lines: lines[0][1].pop("parts")
    ),
}
CHANGES: dict[str, Callable[[Path], None]] = {
    "unchanged": lambda source: None,
    "one changed": lambda source: (source / "f002.txt").write_text("Now thepress is here.\n"),
    "one removed": lambda source: (source / "f003.txt").unlink(),
    "one added": lambda source: (source / "zz-new.txt").write_text("A new one,glued.\n"),
}


@pytest.fixture(scope="module")
def fresh_outputs(
    source: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, bytes]]:
    """A fresh run's output for every change of the sources."""
    outputs = {}
    for name, change in CHANGES.items():
        changed = tmp_path_factory.mktemp("fresh-src") / "src"
        shutil.copytree(source, changed)
        change(changed)
        out = changed.parent / "out"
        run(changed, out)
        outputs[name] = snapshot(out)
    return outputs


CASES = [(damage, change) for damage in DAMAGE for change in ("unchanged", "one changed")]
CASES += [("nothing", change) for change in ("one removed", "one added")]


@pytest.mark.parametrize(("damage", "change"), CASES)
def test_a_re_run_after_damage_writes_what_a_fresh_run_writes(
    source: Path,
    first: Path,
    fresh_outputs: dict[str, dict[str, bytes]],
    tmp_path: Path,
    damage: str,
    change: str,
) -> None:
    src = tmp_path / "src"
    shutil.copytree(source, src)
    out = tmp_path / "out"
    shutil.copytree(first, out)
    DAMAGE[damage](out)
    CHANGES[change](src)
    assert run(src, out) == 0
    assert snapshot(out) == fresh_outputs[change]
    assert run(src, out) == 0  # and the state it leaves is sound: nothing more to do
    assert snapshot(out) == fresh_outputs[change]


def test_a_re_run_after_a_kill_mid_run_writes_what_a_fresh_run_writes(
    source: Path, first: Path, fresh_outputs: dict[str, dict[str, bytes]], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(source, src)
    out = tmp_path / "out"
    shutil.copytree(first, out)
    CHANGES["one changed"](src)
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(src),
        "--out",
        str(out),
        "-q",
        "--force",
    ]
    started = subprocess.Popen(command)
    time.sleep(1.0)  # loading the word tables, or cleaning
    started.send_signal(signal.SIGKILL)
    started.wait()
    assert run(src, out) == 0
    assert snapshot(out) == fresh_outputs["one changed"]


def test_a_damaged_state_is_named_when_it_is_set_aside(
    source: Path, first: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    (out / "report.html").write_bytes(b"")
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "report.html: changed since the run wrote it" in capsys.readouterr().err


def test_an_older_pipelines_run_is_cleaned_again_without_alarm(
    source: Path, first: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    _json(out / NAME, lambda d: d.update(format=3))
    capsys.readouterr()
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "does not check out" not in capsys.readouterr().err
