"""An example of a stage a package adds to pipeline: a word written twice in a row.

`the the` is a slip of a writer or of an extractor that read a line twice; `had had` and
`that that` are English.  The stage takes out the repeats of a word (`the the the` in one
edit, so that a second cleaning has nothing left to do) unless the settings allow it:

    [tool.pipeline.doubled]
    allowed = ["had", "that", "is"]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.config import Config, StageOptions
from pipeline.edits import Edit, Rule, propose
from pipeline.stages.base import Context, Stage

NAME = "doubled"


@dataclass(frozen=True, slots=True)
class DoubledOptions(StageOptions):
    allowed: tuple[str, ...] = ("had", "that")  # words a sentence may write twice, lower-case


DOUBLED = Rule(
    "X001",
    "doubled-word",
    NAME,
    "A word written twice or more in a row is written once.",
    "in the the end",
    "in the end",
)

# A word of letters, then the same word again after spaces on one line, as often as it
# repeats.  A repeat must be lower-case: `Bora Bora` and `Walla Walla` are names.
REPEATED = regex.compile(r"\b(\p{L}+)((?:[ \t]+(?i:\1)\b)+)")


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    allowed = set(config.options(NAME, DoubledOptions).allowed)
    edits = []
    for found in REPEATED.finditer(text):
        word, repeats = found.group(1), found.group(2).split()
        if word.lower() in allowed or any(r != word.lower() for r in repeats):
            continue
        start, end = found.span(2)
        message = f"{word!r} written {len(repeats) + 1} times in a row"
        edits.append(propose(text, start, end, "", DOUBLED, confidence=0.95, message=message))
    return edits


STAGE = Stage(NAME, (DOUBLED,), find, DoubledOptions)
