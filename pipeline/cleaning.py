"""Text in, cleaned text and located edits out: the one path every caller takes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.config import Config
from pipeline.edits import Edit, Kind, Locator, apply_edits
from pipeline.stages import STAGES, punctuation, quotes, unicode
from pipeline.stages.base import Context, Stage
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

    `vocabulary` is the batch's (see `batch_vocabulary`); without it the
    text's own words stand in, which is weaker evidence for names.

    >>> clean("cooperation,especially «here»").text
    'cooperation, especially "here"\\n'
    """
    config = config or Config()
    if vocabulary is None:
        vocabulary = Vocabulary.of([text])
    return _clean(text, config, Context(vocabulary))


def _clean(text: str, config: Config, context: Context) -> Cleaned:
    locator = Locator(text)
    located: list[Edit] = []
    stages = [stage for stage in STAGES if config.stage_enabled(stage.name)]
    for _ in range(MAX_PASSES):
        acted: set[str] = set()
        for stage in stages:
            edits = sorted(stage.find(text, config, context), key=lambda e: (e.start, e.end))
            if not edits:
                continue
            acted.add(stage.name)
            located.extend(locator.locate(edit) for edit in edits)
            text = apply_edits(text, edits)
            locator.push(edits)
        if not _unsettled(text, stages, acted, config, context):
            break
    return Cleaned(text, tuple(located))


# Stages judge a character by its neighbours, and a later stage can change them:
# ftfy leaves "«À\x86" alone but re-decodes '"À\x86' once « is made "; the
# punctuation stage leaves "0word:The" alone (no word starts at "word") but
# spaces "0 word:The" once the joins stage has split it.  So after a pass the
# earlier stages that can be unsettled look at the output again: ftfy when a
# later stage changed its output, and, when the last stage (joins) acted, the
# stages that read word boundaries.  If any would still act, the text goes round
# again, so that cleaning the output changes nothing.  Two passes settle every
# case the property tests and the fuzzer find; the third is a margin.
MAX_PASSES = 3
# The joins stage only puts a space between two non-space characters: that can
# make a new word for the stages that read words, never a space run, a trailing
# space or a blank line for the whitespace stage.
READ_WORD_BOUNDARIES = frozenset({quotes.NAME, punctuation.NAME})


def _unsettled(
    text: str, stages: list[Stage], acted: set[str], config: Config, context: Context
) -> bool:
    """Whether an earlier stage would still act on the output of a pass (`acted`: the
    names of the stages that made edits in it)."""
    last_acted = stages[-1].name in acted
    later_acted = bool(acted - {unicode.NAME})
    for stage in stages[:-1]:
        rereads = (stage.name == unicode.NAME and later_acted) or (
            last_acted and stage.name in READ_WORD_BOUNDARIES
        )
        if rereads and stage.find(text, config, context):
            return True
    return False


def batch_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The words of a batch as written: names recur across a batch, glues do not.

    Counted over the texts as they are, in one pass.  (Counting over the batch
    once repaired, a second cleaning, fed each split back as evidence for the
    next: 0.0005-0.0008 more recall on the wrap benches, more names split, twice
    the cost; see the README's Measured section.)
    """
    return Vocabulary.of(texts)


def merged(counts: Iterable[Vocabulary]) -> Vocabulary:
    """Per-text counts added up into the batch's."""
    total = Vocabulary()
    for count in counts:
        total.merge(count)
    return total
