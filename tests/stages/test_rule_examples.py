"""Every rule's own example, as `pipeline rules` shows it, does what it says."""

from __future__ import annotations

import pytest

from pipeline.config import Config
from pipeline.edits import Kind, Rule, apply_edits
from pipeline.stages import STAGES, all_rules
from pipeline.stages.base import Context
from pipeline.vocabulary import Vocabulary

STAGE_OF = {stage.name: stage for stage in STAGES}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_the_example_fires_its_rule_and_gives_its_after(rule: Rule) -> None:
    """The rule's stage, alone, on the example: the rule applies and the text becomes the
    example's after (the whitespace stage also ends a file with a newline)."""
    text = rule.example_before
    edits = STAGE_OF[rule.stage].find(text, Config(), Context(Vocabulary.of([text])))
    assert rule.code in {e.rule.code for e in edits if e.kind is Kind.FIX}
    assert apply_edits(text, edits).rstrip("\n") == rule.example_after.rstrip("\n")
