"""Stages that packages add: the example plugin (`examples/plugin/`) installed into a scratch
folder, run through the command line; and the checks a plugin's stage must pass."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pipeline.config import Config, ConfigError
from pipeline.edits import Rule
from pipeline.stages import BUILT_IN, plugins
from pipeline.stages.base import Stage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "plugin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example installed as pip would lay it out: its metadata and entry points in a
    dist-info folder on the path, beside its source.  The entry points are the ones its
    pyproject.toml declares."""
    site = tmp_path_factory.mktemp("site")
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))["project"]
    info = site / f"pipeline_doubled-{project['version']}.dist-info"
    info.mkdir()
    metadata = f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    (info / "METADATA").write_text(metadata)
    points = project["entry-points"]["pipeline.stages"]
    lines = "".join(f"{name} = {value}\n" for name, value in points.items())
    (info / "entry_points.txt").write_text(f"[pipeline.stages]\n{lines}")
    path = os.pathsep.join([str(site), str(EXAMPLE / "src"), str(ROOT)])
    return {**os.environ, "PYTHONPATH": path}


def _pipeline(
    env: dict[str, str], *args: str, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pipeline", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_plugins_rule_is_listed(installed: dict[str, str]) -> None:
    listed = _pipeline(installed, "rules", "X")
    assert listed.returncode == 0, listed.stderr
    assert "X001  doubled-word  (doubled)" in listed.stdout


def test_check_reports_what_the_plugins_stage_finds(
    installed: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("It had had its day.\nIn the the end.\n")
    found = _pipeline(installed, "check", "a.txt", "--format", "json", cwd=tmp_path)
    assert found.returncode == 1, found.stderr
    codes = [(f["rule"], f["line"], f["column"]) for f in json.loads(found.stdout)["findings"]]
    assert codes == [("X001", 2, 7)]


def test_the_plugins_settings_and_disabling_are_read(
    installed: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("In the the end.\n")
    (tmp_path / "pipeline.toml").write_text('[doubled]\nallowed = ["the"]\n')
    assert _pipeline(installed, "check", "a.txt", cwd=tmp_path).returncode == 0
    (tmp_path / "pipeline.toml").write_text('[doubled]\nallowd = ["the"]\n')
    misspelt = _pipeline(installed, "check", "a.txt", cwd=tmp_path)
    assert misspelt.returncode == 2
    assert "unknown setting" in misspelt.stderr and "doubled.allowd" in misspelt.stderr
    (tmp_path / "pipeline.toml").unlink()
    assert (
        _pipeline(installed, "check", "a.txt", "--disable", "doubled", cwd=tmp_path).returncode == 0
    )


def test_a_run_applies_and_reports_the_plugins_edits(
    installed: dict[str, str], tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("In the the end.\n")
    ran = _pipeline(installed, "run", "in", "--out", "out", "-q", "-j1", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "In the end.\n"
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [e["rule"] for f in report["files"] for e in f["edits"]] == ["X001"]


def test_without_the_plugin_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("In the the end.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert _pipeline(env, "check", "a.txt", cwd=tmp_path).returncode == 0


def _stage(name: str, code: str, after: str = "") -> Stage:
    rule = Rule(code, f"{name}-rule", name, "A test rule.", "a", "b")
    return Stage(name, (rule,), lambda text, config, context: [], after=after)


def test_a_plugin_runs_after_the_stage_it_names_else_last() -> None:
    first, second, last = (
        _stage("one", "X001", "quotes"),
        _stage("two", "X002", "quotes"),
        _stage("end", "X003"),
    )
    order = [s.name for s in plugins.placed(BUILT_IN, (first, second, last))]
    assert order == [
        "unicode",
        "whitespace",
        "quotes",
        "one",
        "two",
        "punctuation",
        "words",
        "joins",
        "end",
    ]


@pytest.mark.parametrize(
    ("stage", "message"),
    [
        (_stage("quotes", "X001"), "the stage name 'quotes' is taken"),
        (_stage("mine", "J001"), "rule 'J001' is taken"),
        (_stage("mine", "x1"), "rule 'x1' is taken, not a letter and three digits"),
        (_stage("mine", "X001", after="nowhere"), "runs after 'nowhere', which is no stage"),
        ("not a stage", "not a pipeline.stages.base.Stage but str"),
    ],
)
def test_a_plugin_that_clashes_is_named(
    monkeypatch: pytest.MonkeyPatch, stage: object, message: str
) -> None:
    plugin = plugins.Plugin("mine = my_package:STAGE", "my-package 1.0", stage)  # type: ignore[arg-type]
    monkeypatch.setattr(plugins, "installed", lambda: (plugin,))
    with pytest.raises(ConfigError, match="plugin mine = my_package:STAGE") as raised:
        plugins.plugin_stages(BUILT_IN)
    assert message in str(raised.value)


def test_a_plugin_that_cannot_be_loaded_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = importlib.metadata.EntryPoint("broken", "no_such_module:STAGE", plugins.GROUP)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [broken])
    monkeypatch.setattr(plugins, "_declared", lambda: True)
    with pytest.raises(ConfigError, match=r"plugin 'broken' .* cannot be loaded"):
        plugins.installed.__wrapped__()


def test_an_unknown_stage_has_no_settings() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'colour'"):
        Config().with_stages_disabled(("colour",))


def test_without_a_declared_entry_point_importlib_metadata_is_not_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The pre-check reads the entry points files on the path: none declares the group here,
    one does once it is written."""
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert not plugins._declared()
    (tmp_path / "other-1.0.dist-info").mkdir()
    (tmp_path / "other-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\n")
    assert not plugins._declared()
    (tmp_path / "mine-1.0.dist-info").mkdir()
    (tmp_path / "mine-1.0.dist-info" / "entry_points.txt").write_text("[pipeline.stages]\n")
    assert plugins._declared()


def test_the_examples_rule_does_what_its_example_says(installed: dict[str, str]) -> None:
    """The example's own rule example, through its stage, in a process that has it."""
    script = (
        "from pipeline.config import Config\n"
        "from pipeline.edits import apply_edits\n"
        "from pipeline_doubled import STAGE\n"
        "rule = STAGE.rules[0]\n"
        "edits = STAGE.find(rule.example_before, Config(), None)\n"
        "assert apply_edits(rule.example_before, edits) == rule.example_after, edits\n"
        "english = 'he had had enough'\n"
        "assert not STAGE.find(english, Config(), None)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], env=installed, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
