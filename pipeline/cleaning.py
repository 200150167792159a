"""Text in, cleaned text and located edits out: the one path every caller takes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.config import Config
from pipeline.edits import Edit, Kind, Locator, apply_edits
from pipeline.stages import STAGES, unicode
from pipeline.stages.base import Context
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text and every edit made (or suggested), located in the original."""

    text: str
    edits: tuple[Edit, ...]

    @property
    def fixes(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.FIX)

    @property
    def suggestions(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.SUGGESTION)


def clean(text: str, config: Config | None = None, vocabulary: Vocabulary | None = None) -> Cleaned:
    """Run every enabled stage over `text`.

    `vocabulary` is the batch's (see `pipeline.vocabulary`); without it the
    text's own words stand in, which is weaker evidence for names.

    >>> clean("cooperation,especially «here»").text
    'cooperation, especially "here"\\n'
    """
    config = config or Config()
    context = Context(vocabulary if vocabulary is not None else Vocabulary.of([text]))
    locator = Locator(text)
    located: list[Edit] = []
    for _ in range(MAX_PASSES):
        for stage in STAGES:
            if not config.stage_enabled(stage.name):
                continue
            edits = sorted(stage.find(text, config, context), key=lambda e: (e.start, e.end))
            if not edits:
                continue
            located.extend(locator.locate(edit) for edit in edits)
            text = apply_edits(text, edits)
            locator.push(edits)
        if not _unicode_unsettled(text, config, context):
            break
    return Cleaned(text, tuple(located))


# ftfy judges a character by its neighbours, so a later stage's edit (« made ")
# can change its verdict on the same line: "«À\x86" is left as it is, '"À\x86'
# is re-decoded.  A text whose output ftfy would still change goes round again,
# so that cleaning the output changes nothing.  Two passes settle every case the
# property tests find; the third is a margin.
MAX_PASSES = 3


def _unicode_unsettled(text: str, config: Config, context: Context) -> bool:
    return config.stage_enabled(unicode.NAME) and bool(unicode.find(text, config, context))


def batch_vocabulary(
    texts: Callable[[], Iterable[str]], config: Config | None = None
) -> Vocabulary:
    """The words of a batch as it reads once repaired: names recur across a batch, glues do not.

    Counted over the texts as they are, then over the texts cleaned with those
    counts, so that the counts describe repaired text and a run over the
    output sees the batch that the run which wrote it saw.  `texts` is called
    once per pass, so a caller can stream files instead of holding them.
    """
    config = config or Config()
    raw = Vocabulary.of(texts())
    if not config.stage_enabled("joins"):
        return raw
    return Vocabulary.of(clean(text, config, raw).text for text in texts())
