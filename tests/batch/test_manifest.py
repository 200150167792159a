"""Re-runs: nothing changed leaves the output as it is; any change gives a fresh run's output."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch.manifest import NAME, Record
from pipeline.batch.writer import Written
from pipeline.cli import main
from pipeline.files.sources import Source
from pipeline.vocabulary import OPENING, CountsJson, Vocabulary

SAMPLE = Path(__file__).parents[1] / "data" / "dev-sample"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for path in sorted(SAMPLE.glob("*.txt"))[:4]:
        (folder / path.name).write_text(path.read_text().replace(" the ", " the", 3))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def fresh(source: Path, tmp_path: Path, *flags: str) -> dict[str, bytes]:
    out = tmp_path / "fresh"
    shutil.rmtree(out, ignore_errors=True)
    assert main(["run", str(source), "--out", str(out), "-q", *flags]) == 0
    return snapshot(out)


def test_nothing_changed_leaves_the_output_alone(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    stamp = (out / NAME).stat().st_mtime_ns
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "up to date" in capsys.readouterr().err
    assert (out / NAME).stat().st_mtime_ns == stamp
    assert main(["run", str(source), "--out", str(out), "-q", "--force"]) == 0
    assert (out / NAME).stat().st_mtime_ns != stamp


def test_a_changed_removed_or_added_source_gives_a_fresh_runs_output(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    main(["run", str(source), "--out", str(out), "-q"])
    first = sorted(source.glob("*.txt"))
    first[0].write_text(first[0].read_text() + "\nOne more line,glued.\n")
    first[1].unlink()
    (source / "new.txt").write_text("A new file with thepress in it.\n")
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    assert snapshot(out) == fresh(source, tmp_path)
    assert not (out / first[1].name).exists()


def test_changed_settings_rerun(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["run", str(source), "--out", str(out), "-q"])
    assert main(["run", str(source), "--out", str(out), "-q", "--quote-style", "curly"]) == 0
    assert snapshot(out) == fresh(source, tmp_path, "--quote-style", "curly")


def test_a_run_with_a_failed_file_is_always_redone(source: Path, tmp_path: Path) -> None:
    (source / "bad.txt").write_bytes(b"\x00binary\x00")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 1
    assert "sources" not in (out / NAME).read_text()
    assert main(["run", str(source), "--out", str(out), "-q"]) == 1  # reported again


def test_a_failed_files_run_keeps_the_rest_for_a_re_run(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (source / "bad.txt").write_bytes(b"\x00binary\x00")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 1
    cleaned = spied_cleaning(monkeypatch)
    assert main(["run", str(source), "--out", str(out), "-q", "-j", "1"]) == 1
    assert cleaned == ["bad.txt"]  # it counted no words: the others read the same counts


def test_a_first_run_takes_the_hashes_from_what_it_read_and_wrote(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.batch import manifest

    def read_again(*_: object) -> None:
        raise AssertionError("a first run reads no source before it cleans it")

    out = tmp_path / "out"
    with monkeypatch.context() as patched:
        patched.setattr(manifest.Inputs, "of", read_again)
        assert main(["run", str(source), "--out", str(out), "-q", "-j", "2"]) == 0
    document = json.loads((out / NAME).read_text())
    sha = manifest.sha256_of
    assert document["sources"] == {p.name: sha(p) for p in sorted(source.glob("*.txt"))}
    assert document["files"] == {name: sha(out / name) for name in document["files"]}
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    assert json.loads((out / NAME).read_text()) == document  # up to date: left alone


def test_odd_names_are_recognised_on_a_re_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    source = tmp_path / "src"
    source.mkdir()
    (source / os.fsdecode(b"caf\xe9 \x1b[2J.txt")).write_text("It is thepress office.\n")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "up to date" in capsys.readouterr().err


def spied_cleaning(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files runs (in this process, `-j 1`) clean from now on, rather than copy from the
    earlier run: a list that fills as they do."""
    from pipeline.batch import publish

    cleaned: list[str] = []
    real = publish.write_source

    def spy(source: Source, **kwargs: Any) -> Written:
        cleaned.append(source.relative.as_posix())
        return real(source, **kwargs)

    monkeypatch.setattr(publish, "write_source", spy)
    return cleaned


def cleaned_by_a_run(
    source: Path, out: Path, monkeypatch: pytest.MonkeyPatch, *flags: str
) -> list[str]:
    """The files a run (in this process) cleans, rather than copies from the earlier run."""
    cleaned = spied_cleaning(monkeypatch)
    assert main(["run", str(source), "--out", str(out), "-q", "-j", "1", *flags]) == 0
    return cleaned


def test_a_re_run_cleans_only_what_changed_and_equals_a_fresh_run(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    names = sorted(p.name for p in source.glob("*.txt"))
    assert cleaned_by_a_run(source, out, monkeypatch) == names
    (source / names[0]).write_text((source / names[0]).read_text() + "\nOne more,glued.\n")
    assert cleaned_by_a_run(source, out, monkeypatch) == [names[0]]
    assert snapshot(out) == fresh(source, tmp_path)
    assert cleaned_by_a_run(source, out, monkeypatch, "--force") == names


def test_a_re_run_says_how_many_files_it_reused(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "reused" not in capsys.readouterr().out
    first = sorted(source.glob("*.txt"))[0]
    first.write_text(first.read_text() + "\nOne more,glued.\n")
    assert main(["run", str(source), "--out", str(out)]) == 0
    assert "4 files read (3 reused from the last run), " in capsys.readouterr().out


def test_a_new_engine_cleans_everything_again(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited checkout keeps its version number; its output must not be copied."""
    from pipeline.batch import manifest

    out = tmp_path / "out"
    names = sorted(p.name for p in source.glob("*.txt"))
    assert cleaned_by_a_run(source, out, monkeypatch) == names
    assert cleaned_by_a_run(source, out, monkeypatch) == []
    monkeypatch.setattr(manifest, "engine", lambda: "0.0.0+edited")
    assert cleaned_by_a_run(source, out, monkeypatch) == names


def test_the_engine_names_the_version_and_is_stable() -> None:
    from pipeline import __version__
    from pipeline.batch.manifest import engine

    assert engine().startswith(f"{__version__}+")
    assert engine() == engine()


def test_a_file_whose_counts_changed_is_cleaned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`QatarEnergy` twice and never spaced is a name; once another file spaces it, the
    glued form is damage, so the unchanged file's output changes too."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.txt").write_text(
        "The deal was signed by the firm QatarEnergy in Doha today.\n\n"
        "Officials said the firm QatarEnergy would build the plant.\n"
    )
    (source / "b.txt").write_text("Nothing about energy at all in this one.\n")
    out = tmp_path / "out"
    cleaned_by_a_run(source, out, monkeypatch)
    assert "QatarEnergy" in (out / "a.txt").read_text()
    spaced = "It says Qatar Energy here, and Qatar Energy there, and Qatar Energy again.\n"
    (source / "b.txt").write_text(spaced)
    assert cleaned_by_a_run(source, out, monkeypatch) == ["a.txt", "b.txt"]
    assert snapshot(out) == fresh(source, tmp_path)


def test_a_file_that_read_too_many_counts_is_cleaned_again_when_any_changes(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past READS_KEPT a file is taken to read every count: a change anywhere in the
    batch cleans it again, and nothing changed copies it."""
    from pipeline import vocabulary

    monkeypatch.setattr(vocabulary, "READS_KEPT", 0)
    out = tmp_path / "out"
    names = sorted(p.name for p in source.glob("*.txt"))
    assert cleaned_by_a_run(source, out, monkeypatch) == names
    assert cleaned_by_a_run(source, out, monkeypatch) == []
    (source / names[0]).write_text((source / names[0]).read_text() + "\nOne more,glued.\n")
    assert cleaned_by_a_run(source, out, monkeypatch) == names
    assert snapshot(out) == fresh(source, tmp_path)


def _engine_of(package_parent: Path) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.batch.manifest import engine; print(engine())"],
        env={**os.environ, "PYTHONPATH": str(package_parent)},
        capture_output=True,
        text=True,
        check=True,
        cwd=package_parent,
    )
    return done.stdout.strip()


def test_the_engine_is_the_same_for_every_checkout_of_one_commit(tmp_path: Path) -> None:
    """What defines the engine is the package's files and the locked libraries: not where
    the checkout lies, nor its files' times, nor the bytecode Python left beside them."""
    package = Path(__file__).resolve().parents[2] / "pipeline"
    copies = []
    for name in ("one", "two"):
        shutil.copytree(package, tmp_path / name / "pipeline", copy_function=shutil.copy)
        copies.append(tmp_path / name)
    (copies[1] / "pipeline" / "__pycache__").mkdir(exist_ok=True)
    (copies[1] / "pipeline" / "__pycache__" / "stray.cpython-311.pyc").write_bytes(b"x")
    assert _engine_of(copies[0]) == _engine_of(copies[1])
    edited = copies[1] / "pipeline" / "patterns.py"
    edited.write_text(edited.read_text() + "\n# edited\n")
    assert _engine_of(copies[0]) != _engine_of(copies[1])


def test_a_record_with_reads_the_core_wrote_is_the_line_python_writes() -> None:
    vocabulary = Vocabulary.of(["x" * OPENING + " Kazakhstan, café <b> United States"])
    keys = ["w:Kazakhstan", "p:UnitedStates", "w:café", "w:<b>", "h:a-b"]
    groups = (("J001", "split", "ab", "a b", 2, 0.93),)
    parts = {"json": (0, 10), "html": (3, 40)}
    fields = ("0" * 64, "utf-8", False, True, (("J001", 1, 0),), parts, groups, 1, 0)
    written = vocabulary.counts_json(keys)
    assert isinstance(written, CountsJson)
    for name in ("a/b.txt", "naïve \udcff.txt", 'q"uote.txt'):
        python = Record(fields[0], vocabulary.counts(keys), *fields[1:])
        core = Record(fields[0], written, *fields[1:])
        assert core.line(name) == python.line(name) == json.dumps([name, python.as_json()])
