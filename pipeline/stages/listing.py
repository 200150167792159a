"""The rules as `pipeline rules` lists them, and as `docs/rules.md` tables them.

Both are written from the stages' registry (`pipeline.stages.STAGES`), so the docs cannot
drift from the code: `pipeline rules --format markdown > docs/rules.md` writes the page, and
a test fails while it differs.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.edits import Rule


def text(rule: Rule) -> str:
    """A rule as the terminal shows it: code, name and stage, what it fixes, its example."""
    return (
        f"{rule.code}  {rule.name}  ({rule.stage})\n    {rule.summary}\n"
        f"    {rule.example_before!r} -> {rule.example_after!r}"
    )


HEADER = """\
# Rules

Every rule the stages apply, in the order the stages run (see [stages.md](stages.md)). A rule's
code is stable: it is never reused for another rule. `--select` and `--ignore` take codes or
prefixes (`J`, `W00`). Each example is a test, and so are each rule's cases, kept as data in
`tests/stages/cases/<stage>.toml`: texts where it fires and what they become, and texts where
it must not.

This page is written by `pipeline rules --format markdown > docs/rules.md`.

| code | name | stage | what it fixes | example |
|---|---|---|---|---|
"""


def markdown(rules: Iterable[Rule]) -> str:
    """The rules page: a table row per rule, its example as Python writes the strings."""
    rows = (
        f"| {r.code} | {r.name} | {r.stage} | {r.summary} "
        f"| `{r.example_before!r}` → `{r.example_after!r}` |\n"
        for r in rules
    )
    return HEADER + "".join(rows)
