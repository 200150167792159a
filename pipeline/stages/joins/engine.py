"""The run-together engine in the compiled core (`pipeline_engine`), set up once per process.

The core holds the whole decision: the candidates and their margins, the line
layouts, the calibrated confidence and every tuned number
(`crates/engine/src/thresholds.rs`, and `fitted.rs` for the model's weights).
The Python side hands it the lexicon and the package's word lists.
"""

from __future__ import annotations

from functools import cache

from pipeline import _core
from pipeline.data import word_list
from pipeline.lexicon import lexicon

WORD_LISTS = (
    "function-words",
    "prefixes",
    "suffixes",
    "suffix-words",
    "name-particles",
    "name-prefixes",
    "unit-suffixes",
    "python-identifiers",
)


@cache
def engine() -> _core.Joins:
    """The shared engine (its lexicon opened once per process)."""
    lists = {name.replace("-", "_"): sorted(word_list(name)) for name in WORD_LISTS}
    return _core.Joins(lexicon().core, **lists)
