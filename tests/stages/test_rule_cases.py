"""Every rule's cases, kept as data in `cases/<stage>.toml` as sqlfluff keeps its rule
fixtures: where it fires (text in, the stage's output, the rule asserted) and where it must
not.  A rule the registry holds with no case of each kind fails here."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Config
from pipeline.edits import Kind, apply_edits
from pipeline.stages import BUILT_IN
from pipeline.stages.base import Context, Stage
from pipeline.vocabulary import Vocabulary

CASES = Path(__file__).parent / "cases"
STAGE_OF = {stage.name: stage for stage in BUILT_IN}


def _cases(kind: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text("utf-8")).get(kind, []):
            found.append((path.stem, case))
    return found


def _name(pair: tuple[str, dict[str, Any]]) -> str:
    stage, case = pair
    return f"{case.get('rule', stage)}: {case['text'][:40]!r}"


def _found(stage: Stage, case: dict[str, Any]) -> tuple[str, list[Any]]:
    """The stage alone on the case's text, with the case's settings, the text its own batch."""
    config = Config()
    if "options" in case:
        options = stage.options(**case["options"])
        config = config.with_options(stage.name, options)
    text = case["text"]
    edits = stage.find(text, config, Context(Vocabulary.of([text])))
    return text, edits


@pytest.mark.parametrize("pair", _cases("fires"), ids=_name)
def test_a_rule_fires_where_its_cases_say(pair: tuple[str, dict[str, Any]]) -> None:
    stage, case = pair
    text, edits = _found(STAGE_OF[stage], case)
    assert case["rule"] in {e.rule.code for e in edits if e.kind is Kind.FIX}, edits
    assert apply_edits(text, edits) == case["after"]


@pytest.mark.parametrize("pair", _cases("quiet"), ids=_name)
def test_a_rule_is_quiet_where_its_cases_say(pair: tuple[str, dict[str, Any]]) -> None:
    stage, case = pair
    _, edits = _found(STAGE_OF[stage], case)
    if "rule" in case:
        assert case["rule"] not in {e.rule.code for e in edits}, edits
    else:
        assert not [e for e in edits if e.kind is Kind.FIX], edits


def test_every_rule_has_cases_of_both_kinds() -> None:
    """A rule fires in a case of its own; a stage has a case where none of its rules fire."""
    fired = {case["rule"] for _, case in _cases("fires")}
    quiet_stages = {stage for stage, _ in _cases("quiet")}
    for stage in BUILT_IN:
        assert stage.name in quiet_stages, stage.name
        for rule in stage.rules:
            assert rule.code in fired, rule.code
