"""The README tells the truth about set-up and tests (`test_docs.py`: its examples)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """The README's shell blocks: the set-up command first, the test command second."""
    return [block.split("```", 1)[0].strip() for block in README.split("```sh\n")[1:]]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == f"exec {_commands()[1]}"


def test_the_readme_installs_the_locked_versions() -> None:
    assert "-c constraints.txt" in _commands()[0]
    assert "constraints.txt" in (ROOT / _commands()[1]).read_text(encoding="utf-8")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_dependency_is_locked() -> None:
    """A dependency the lock does not pin would come in at its newest on a fresh machine."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    named = [
        *project["dependencies"],
        *(r for x in project["optional-dependencies"].values() for r in x),
    ]
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    locked = {_name(line) for line in lines if line and not line.startswith("#")}
    assert all("==" in line for line in lines if line and not line.startswith("#"))
    assert {_name(r) for r in named} <= locked
