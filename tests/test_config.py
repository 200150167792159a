from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline import config
from pipeline.stages.quotes import QuotesOptions


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert config.load(cwd=tmp_path) == config.Config()


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pipeline]\ninclude = ["*.md"]\n[tool.pipeline.quotes]\nstyle = "curly"\n'
        "[tool.pipeline.punctuation]\nenabled = false\n"
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    loaded = config.load(cwd=sub)
    assert loaded.options("quotes", QuotesOptions).style == "curly"
    assert loaded.include == ("*.md",)
    assert not loaded.stage_enabled("punctuation")
    assert loaded.stage_enabled("quotes")


def test_pipeline_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline.quotes]\nstyle = "curly"\n')
    (tmp_path / "pipeline.toml").write_text('[quotes]\nstyle = "keep"\n')
    assert config.load(cwd=tmp_path).options("quotes", QuotesOptions).style == "keep"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config.find_file(tmp_path) is None


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[quotes]\nstyle = "fancy"\n', "must be one of"),
        ("[quotes]\nenabled = 1\n", "true or false"),
        ("[quotes]\ncolour = true\n", "unknown setting"),
        ("speed = 3\n", "unknown setting"),
        ("include = [1]\n", "list of strings"),
        ("[quotes\n", "cannot read"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "pipeline.toml"
    path.write_text(toml)
    with pytest.raises(config.ConfigError, match=message):
        config.load(path)


def test_disabling_an_unknown_stage_is_an_error() -> None:
    with pytest.raises(config.ConfigError, match="unknown stage"):
        config.Config().with_stages_disabled(("colour",))


def test_a_baseline_named_in_settings_lives_beside_them(tmp_path: Path) -> None:
    (tmp_path / "pipeline.toml").write_text('[check]\nbaseline = "base.json"\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    assert config.load(cwd=sub).check.baseline == str(tmp_path.resolve() / "base.json")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("pipeline.toml", "include = []\n", "at least one glob"),
        ("pipeline.toml", 'include = [""]\n', "empty glob"),
        ("pipeline.toml", '[check]\nroot = "/elsewhere"\n', "unknown setting"),
        ("pyproject.toml", "[tool]\npipeline = 3\n", "must be a table"),
        ("pyproject.toml", "tool = 3\n", "must be a table"),
        ("pipeline.toml", "joins = 3\n", "must be a table"),
        ("pipeline.toml", 'paths = "texts"\nfollow-links = "yes"\n', "true or false"),
    ],
)
def test_settings_of_the_wrong_shape_are_errors(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(config.ConfigError, match=message):
        config.read_file(tmp_path / name)


def test_paths_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "pipeline.toml").write_text('paths = ["texts"]\nfollow-links = true\n')
    loaded = config.read_file(tmp_path / "pipeline.toml")
    assert loaded.paths == (str(tmp_path / "texts"),)
    assert loaded.follow_links


def test_confidence_thresholds_are_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pipeline]\napply-at = 0.99\nflag-at = 0.5\n")
    loaded = config.load(cwd=tmp_path)
    assert (loaded.apply_at, loaded.flag_at) == (0.99, 0.5)
    for bad in ("0", "1.5", "true", '"high"'):
        with pytest.raises(config.ConfigError, match="apply-at must be a probability"):
            config.from_mapping({"apply-at": tomllib.loads(f"x = {bad}")["x"]})
