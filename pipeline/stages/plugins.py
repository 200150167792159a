"""Stages that other packages add, through the `pipeline.stages` entry point.

A package declares its stage in its `pyproject.toml`:

    [project.entry-points."pipeline.stages"]
    shout = "my_package.stage:STAGE"

where `STAGE` is a `pipeline.stages.base.Stage`.  Once the package is installed, the stage
runs after the built-in ones (or after the stage its `after` names) and takes part in
everything a built-in stage does: its settings (`[tool.pipeline.shout]`, `--disable shout`),
the reports, `check`, a reviewer's decisions and `pipeline rules`.  `examples/plugin/` is
one, tested in CI.  A plugin that cannot be loaded, or whose stage name or rule codes clash
with another's, stops the run with a message naming it: a stage left out silently would
leave its defects unreported.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.config import ConfigError, StageOptions
from pipeline.stages.base import Stage

GROUP = "pipeline.stages"
CODE = re.compile(r"[A-Z]\d{3}")


@dataclass(frozen=True, slots=True)
class Plugin:
    """An installed plugin: its entry point, the distribution that ships it, and its stage."""

    entry_point: str  # name = module:attribute
    distribution: str  # name version
    stage: Stage


@cache
def installed() -> tuple[Plugin, ...]:
    """The plugins installed, in the order of their entry points' names."""
    if not _declared():
        return ()
    import importlib.metadata  # only here: see `_declared`

    found = []
    for point in sorted(importlib.metadata.entry_points(group=GROUP), key=lambda p: p.name):
        try:
            stage = point.load()
        except Exception as error:  # a plugin's own failure, of any kind: reported, named
            message = f"plugin {point.name!r} ({point.value}) cannot be loaded: {error}"
            raise ConfigError(message) from error
        shipped = f"{point.dist.name} {point.dist.version}" if point.dist else "unknown"
        found.append(Plugin(f"{point.name} = {point.value}", shipped, stage))
    return tuple(found)


def _declared() -> bool:
    """Whether a distribution on the import path declares an entry point of the group, read
    from the `entry_points.txt` files of its folders (2 ms).  Only then are the entry points
    read through importlib.metadata: importing it costs 20 ms, which `pipeline check` of one
    file, a pre-commit hook's run, would pay every time for the plugins most installs lack.
    (A plugin installed as a zipped egg is not seen: pip installs none so.)"""
    header = f"[{GROUP}]"
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    declared = Path(entry.path, "entry_points.txt").read_text("utf-8", "replace")
                except OSError:
                    continue
                if header in declared:
                    return True
    return False


def plugin_stages(built_in: Iterable[Stage]) -> tuple[Stage, ...]:
    """The installed plugins' stages, each checked against the stages before it."""
    known = list(built_in)
    for plugin in installed():
        _check(plugin, known)
        known.append(plugin.stage)
    return tuple(plugin.stage for plugin in installed())


def _check(plugin: Plugin, known: list[Stage]) -> None:
    stage = plugin.stage
    where = f"plugin {plugin.entry_point}"
    if not isinstance(stage, Stage):
        raise ConfigError(f"{where}: not a pipeline.stages.base.Stage but {type(stage).__name__}")
    if stage.name in {s.name for s in known} or not stage.name.isidentifier():
        raise ConfigError(f"{where}: the stage name {stage.name!r} is taken or not a name")
    if not (isinstance(stage.options, type) and issubclass(stage.options, StageOptions)):
        raise ConfigError(f"{where}: its options are not a StageOptions class")
    if stage.after and stage.after not in {s.name for s in known}:
        raise ConfigError(f"{where}: it runs after {stage.after!r}, which is no stage")
    codes = {rule.code for s in known for rule in s.rules}
    for rule in stage.rules:
        if not CODE.fullmatch(rule.code) or rule.code in codes or rule.stage != stage.name:
            raise ConfigError(
                f"{where}: rule {rule.code!r} is taken, not a letter and three digits, or not "
                f"of stage {stage.name!r}"
            )
        codes.add(rule.code)


def placed(built_in: tuple[Stage, ...], plugins: tuple[Stage, ...]) -> tuple[Stage, ...]:
    """The stages in the order they run: each plugin's after the stage its `after` names
    (and after the plugins placed there before it), else after every other."""
    order = list(built_in)
    for stage in plugins:
        if not stage.after:
            order.append(stage)
            continue
        at = [s.name for s in order].index(stage.after) + 1
        while at < len(order) and order[at].after == stage.after:
            at += 1
        order.insert(at, stage)
    return tuple(order)
