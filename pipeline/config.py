"""Settings, read in order: defaults < pyproject/pipeline.toml < --config file < command-line flags.

The file form is `[tool.pipeline]` in a `pyproject.toml`, or the top level of a
`pipeline.toml`; the nearest one found from the working folder upwards is used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

from pipeline import decisions
from pipeline.decisions import Decisions
from pipeline.files import InputError, read_bytes
from pipeline.files.names import shown

MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is small; more is a mistake


class ConfigError(ValueError):
    """A setting is unknown or has the wrong type; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class StageOptions:
    """The settings every stage has; a stage with more subclasses it (`Stage.options`)."""

    enabled: bool = True


@dataclass(frozen=True, slots=True)
class CheckOptions:
    select: tuple[str, ...] = ()  # rule codes or prefixes ("J", "W00"); empty: all
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    baseline: str = ""  # a baseline file, relative to the settings file
    strict: bool = False  # suggestions fail too


Options = TypeVar("Options", bound=StageOptions)


@dataclass(frozen=True, slots=True)
class Config:
    # Each stage's settings, (name, options) in the order given; a stage not named here has
    # its defaults (the registry, `pipeline.stages.stages()`, knows every stage and the class
    # of its settings).  Pairs, not a dict, so that the settings stay immutable and hashable.
    stages: tuple[tuple[str, StageOptions], ...] = ()
    check: CheckOptions = field(default_factory=CheckOptions)
    include: tuple[str, ...] = ("*.txt",)
    exclude: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()  # what to read when no path is named; relative to the settings
    follow_links: bool = False  # follow symbolic links out of a source folder
    gitignore: bool = False  # skip what .gitignore ignores (check and fix do, run does not)
    timings: bool = False  # report.json records each stage's seconds (then two runs differ)
    # Confidence thresholds (probabilities); None: the defaults chosen on the dev benches,
    # APPLY_AT and FLAG_AT in the core's crates/engine/src/thresholds.rs.
    apply_at: float | None = None  # a fix is applied at this confidence or more
    flag_at: float | None = None  # `pipeline check` fails on a suggestion this sure
    decisions: Decisions = field(default_factory=Decisions)  # a reviewer's, by edit id
    decisions_file: str = ""  # where they were read from (a settings file's `decisions`)
    # The project root, which edit ids name files from (see pipeline.edit_ids.path_key): the
    # settings file's folder; empty without one.
    root: str = ""

    def options(self, name: str, kind: type[Options]) -> Options:
        """The settings of stage `name`, of its settings' class `kind` (`StageOptions` for
        what every stage has)."""
        found = next((options for named, options in self.stages if named == name), None)
        if found is None:
            found = _settings_class(name)()
        if not isinstance(found, kind):
            raise ConfigError(f"the settings of stage {name!r} are not {kind.__name__}")
        return found

    def with_options(self, name: str, options: StageOptions) -> Config:
        """The settings with stage `name`'s replaced."""
        _settings_class(name)  # a stage the registry knows
        others = tuple((named, kept) for named, kept in self.stages if named != name)
        return replace(self, stages=(*others, (name, options)))

    def stage_enabled(self, name: str) -> bool:
        return self.options(name, StageOptions).enabled

    def with_stages_disabled(self, names: tuple[str, ...]) -> Config:
        config = self
        for name in names:
            disabled = replace(config.options(name, StageOptions), enabled=False)
            config = config.with_options(name, disabled)
        return config


def _settings_class(name: str) -> type[StageOptions]:
    """The class of stage `name`'s settings; a name no stage has is an error naming them."""
    known = _stage_options()
    if name not in known:
        raise ConfigError(f"unknown stage {name!r}; stages are {', '.join(known)}")
    return known[name]


@cache
def _stage_options() -> dict[str, type[StageOptions]]:
    """Every stage's settings class, by the stage's name, in the order the stages run.
    Read from the registry when asked: the stages' modules import this one."""
    from pipeline.stages import stages

    return {stage.name: stage.options for stage in stages()}


def _check_type(where: str, value: Any, default: Any, annotation: Any) -> Any:
    choices = get_args(annotation) if get_origin(annotation) is Literal else ()
    if choices:
        if value not in choices:
            raise ConfigError(f"{where} must be one of {', '.join(choices)}, not {value!r}")
        return value
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, not {value!r}")
        return value
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a list of strings, not {value!r}")
        return tuple(value)
    return value


def _options(where: str, cls: Any, table: Any) -> Any:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where} must be a table")
    known = get_type_hints(cls)
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting {where}.{unknown[0]}")
    defaults = cls()
    values = {
        name: _check_type(f"{where}.{name}", value, getattr(defaults, name), known[name])
        for name, value in table.items()
    }
    return replace(defaults, **values)


def _check_options(where: str, table: Any) -> CheckOptions:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where} must be a table")
    table = {key.replace("-", "_"): value for key, value in table.items()}
    ignores = table.pop("per_file_ignores", {})
    if not isinstance(ignores, Mapping):
        raise ConfigError(f"{where}.per-file-ignores must be a table of globs to rule lists")
    pairs = tuple(
        (glob, _check_type(f"{where}.per-file-ignores.{glob}", codes, (), tuple))
        for glob, codes in ignores.items()
    )
    options: CheckOptions = _options(where, CheckOptions, table)
    return replace(options, per_file_ignores=pairs)


# Top-level settings a file may give, as spelled there.
TOP_LEVEL = {"include": "include", "exclude": "exclude", "paths": "paths"}
TOP_LEVEL_FILES = {"decisions": "decisions_file"}
TOP_LEVEL_FLAGS = {"follow-links": "follow_links"}
TOP_LEVEL_PROBABILITIES = {"apply-at": "apply_at", "flag-at": "flag_at"}


def globs(where: str, values: tuple[str, ...], *, allow_empty: bool = False) -> tuple[str, ...]:
    """Globs as given, refusing an empty pattern (which would select nothing, silently)."""
    if not values and not allow_empty:
        raise ConfigError(f"{where} must name at least one glob")
    for value in values:
        if not value.strip():
            raise ConfigError(f"{where}: an empty glob selects nothing")
    return values


def from_mapping(table: Any, where: str = "tool.pipeline") -> Config:
    """Build a Config from a parsed TOML table, rejecting unknown keys and wrong shapes."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where} must be a table, not {table!r}")
    config = Config()
    top: dict[str, Any] = {}
    for key, value in table.items():
        if key == "check":
            config = replace(config, check=_check_options(f"{where}.check", value))
        elif key in _stage_options():
            options = _options(f"{where}.{key}", _stage_options()[key], value)
            config = config.with_options(key, options)
        else:
            top[key] = value
    unknown = sorted(
        set(top)
        - set(TOP_LEVEL)
        - set(TOP_LEVEL_FLAGS)
        - set(TOP_LEVEL_PROBABILITIES)
        - set(TOP_LEVEL_FILES)
    )
    if unknown:
        raise ConfigError(f"unknown setting {where}.{unknown[0]}")
    for key, name in TOP_LEVEL.items():
        if key in top:
            values = _check_type(f"{where}.{key}", top[key], (), tuple)
            checked: Any = globs(f"{where}.{key}", values, allow_empty=key != "include")
            config = replace(config, **{name: checked})
    for key, name in TOP_LEVEL_FLAGS.items():
        if key in top:
            config = replace(config, **{name: _check_type(f"{where}.{key}", top[key], False, bool)})
    for key, name in TOP_LEVEL_PROBABILITIES.items():
        if key in top:
            threshold: Any = probability(f"{where}.{key}", top[key])
            config = replace(config, **{name: threshold})
    for key, name in TOP_LEVEL_FILES.items():
        if key in top:
            config = replace(config, **{name: _check_type(f"{where}.{key}", top[key], "", str)})
    return config


def with_decisions(config: Config, path: Path) -> Config:
    """The settings with a reviewer's decisions read from `path`."""
    try:
        return replace(config, decisions=decisions.load(path), decisions_file=str(path))
    except decisions.DecisionsError as error:
        raise ConfigError(str(error)) from error


def probability(where: str, value: Any) -> float:
    """A confidence threshold: a number above 0 and at most 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(f"{where} must be a probability above 0 and at most 1, not {value!r}")
    return float(value)


def read_file(path: Path) -> Config:
    """Read settings from a pyproject.toml ([tool.pipeline]) or any other TOML file (top level)."""
    try:
        data = tomllib.loads(read_bytes(path, MAX_SETTINGS_BYTES).decode("utf-8"))
    except InputError as error:  # a FIFO or a device is refused, not read: it could block
        raise ConfigError(f"cannot read settings: {error}") from error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{shown(path)}: cannot read settings: {error}") from error
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, Mapping):
            raise ConfigError(f"{path}: tool must be a table")
        config = from_mapping(tool.get("pipeline", {}), f"{path}: tool.pipeline")
    else:
        config = from_mapping(data, str(path))
    # A baseline named in a settings file lives beside it, and the paths in it are
    # relative to it, wherever the command runs.
    root = path.parent
    baseline = config.check.baseline
    if baseline and not Path(baseline).is_absolute():
        baseline = str(root / baseline)
    paths = tuple(p if Path(p).is_absolute() else str(root / p) for p in config.paths)
    check = replace(config.check, baseline=baseline)
    config = replace(config, check=check, paths=paths, root=str(root))
    if config.decisions_file:
        config = with_decisions(config, root / config.decisions_file)
    return config


def find_file(start: Path) -> Path | None:
    """The nearest pipeline.toml, or pyproject.toml with a [tool.pipeline] table."""
    for folder in (start, *start.parents):
        candidate = folder / "pipeline.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.pipeline" in pyproject.read_text(errors="replace"):
            return pyproject
    return None


def load(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The explicit file if given, else the nearest one found, else the defaults."""
    path = explicit or find_file((cwd or Path.cwd()).resolve())
    return read_file(path) if path else Config()
