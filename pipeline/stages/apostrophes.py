"""Apostrophes an extractor dropped: `dont` -> `don't`, `countrys` -> `country's`.

The scan is the core's (`pipeline_engine::spacing::apostrophes`, which says what is put
back and why); its lists ship here: the contractions whose form without the apostrophe
is no word (`data/contractions.txt`), those that are words now and then and are read so
only where a document shows the loss (`data/contractions-where-shown.txt`), the words
after which `its` is `it's` (`data/after-its.txt`), and those after which `cant` and `wont`
are the nouns (`data/not-after-cant.txt`).
"""

from __future__ import annotations

from functools import cache

from pipeline import _core
from pipeline.data import word_list
from pipeline.lexicon import lexicon


def contractions(name: str = "contractions") -> dict[str, int]:
    """Each form of a list without its apostrophe -> where the apostrophe goes."""
    return {entry.replace("'", ""): entry.index("'") for entry in word_list(name)}


@cache
def _scan() -> _core.ApostropheScan:
    return _core.ApostropheScan(
        lexicon().core,
        listed=contractions(),
        where_shown=contractions("contractions-where-shown"),
        after_its=sorted(word_list("after-its")),
        not_after_cant=sorted(word_list("not-after-cant")),
    )


def lost(text: str) -> list[tuple[int, str, str]]:
    """Where `text` lost an apostrophe: (offset, the word as found, why: `contraction`,
    `possessive` or `where-shown`), in order."""
    return _scan().lost(text)
