"""Text in, cleaned text and located edits out: the one path every caller takes."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import partial

from pipeline.code_spans import Span, code_spans, touches
from pipeline.config import Config
from pipeline.decisions import Decisions
from pipeline.edit_ids import EditIds
from pipeline.edits import (
    IN_TEXT_ORDER,
    Edit,
    Kind,
    LineIndex,
    Locator,
    non_overlapping,
)
from pipeline.near_splits import proposed_near, words_near
from pipeline.regexes import compiled
from pipeline.stages import joins, punctuation, quotes, stages, unicode, words
from pipeline.stages.base import Context, Stage
from pipeline.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text and every edit made (or suggested), located in the original."""

    text: str
    edits: tuple[Edit, ...]
    # The seconds each stage took over the text, in the order the stages ran: what
    # report.json's `by_stage` adds up for a batch (with `--timings`).  Not compared: two
    # cleanings that give the same text and edits are the same, however long they took.
    seconds: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    @property
    def fixes(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.FIX)

    @property
    def suggestions(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.kind is Kind.SUGGESTION)


def clean(
    text: str,
    config: Config | None = None,
    vocabulary: Vocabulary | None = None,
    ids: EditIds | None = None,
) -> Cleaned:
    """Run every enabled stage over `text`.

    `vocabulary` is the batch's (see `batch_vocabulary`); without it the
    text's own words stand in, which is weaker evidence for names.  `ids`
    gives each edit its id (one per file, shared by its pieces; the path is
    part of the id): the reviewer's decisions in `config.decisions` are
    read by it.

    >>> clean("cooperation,especially «here»").text
    'cooperation, especially "here"\\n'
    """
    config = config or Config()
    if vocabulary is None:
        vocabulary = Vocabulary.of([text])
    ids = ids or EditIds("")
    ids.begin(text)
    judge = _Judge(text, LineIndex(text), ids, config.decisions)
    return _clean(text, _Proposer(config, Context(vocabulary)), judge)


@dataclass(slots=True)
class _Judge:
    """Gives a file's edits their ids, and applies a reviewer's decisions to them."""

    original: str
    lines: LineIndex
    ids: EditIds
    decisions: Decisions
    recorded: set[str] = field(default_factory=set)  # rejected edits already reported
    unnamed: list[tuple[int, Edit]] = field(default_factory=list)  # judged, to be named

    def named_all(self) -> list[Edit]:
        """The edits judged without decisions, named (see `judged`)."""
        return self._named_all(self.unnamed)

    def _named_all(self, located: Sequence[tuple[int, Edit]]) -> list[Edit]:
        """`located` (each edit at its offset in the original), named and placed on their
        lines, in order."""
        named = self.ids.named(self.original, located)
        if named is not None:
            return named
        ids = self.ids.of_all(self.original, located)
        places = self.lines.positions([at for at, _ in located])
        return [
            Edit(*edit[:8], line, column, name, at)  # built whole: `_replace` costs more
            for (at, edit), name, (line, column) in zip(located, ids, places, strict=True)
        ]

    def judged(self, edits: Sequence[Edit], locator: Locator) -> list[Edit]:
        """The edits located and named; a rejected one (reported once) marked so, an
        accepted suggestion made a fix where it clashes with none.  Without decisions no
        id is read before the cleaning ends: the edits are named then, all in one call
        (`named_all`), in the order they were made, as they would have been one by one."""
        offsets = locator.original_offsets([edit.start for edit in edits])
        located = list(zip(offsets, edits, strict=True))
        if not self.decisions:
            self.unnamed += located
            return list(edits)
        named = self._named_all(located)
        out: list[Edit] = []
        accepted = False
        for edit in named:
            if edit.id in self.decisions.rejected:
                if edit.id in self.recorded:
                    continue
                self.recorded.add(edit.id)
                edit = edit._replace(kind=Kind.REJECTED)
            elif edit.kind is Kind.SUGGESTION and edit.id in self.decisions.accepted:
                edit = edit._replace(kind=Kind.FIX)
                accepted = True
            out.append(edit)
        return _without_clashes(out) if accepted else out

    def would_act(self, edits: Sequence[Edit], locator: Locator) -> bool:
        """Whether any of `edits` would change the text and is not rejected, naming none of
        them (ids are given in the order edits are made, so asking must not count).  A
        suggestion changes nothing, unless a reviewer may have accepted it: another pass
        for one would only record it twice."""
        if not self.decisions.accepted:
            edits = [edit for edit in edits if edit.kind is Kind.FIX]
        if not self.decisions.rejected:
            return bool(edits)
        return any(
            self.ids.peek(self.original, locator.original_offset(edit.start), edit)
            not in self.decisions.rejected
            for edit in edits
        )

    def rejected_words(self, text: str, edits: Sequence[Edit]) -> tuple[str, ...]:
        """The words of `text` that rejected joins split: kept whole from now on."""
        words = []
        for edit in edits:
            if edit.kind is Kind.REJECTED and edit.stage == joins.NAME:
                for run in compiled(WORD).finditer(
                    text, max(0, edit.start - 100), edit.start + 100
                ):
                    if run.start() <= edit.start <= run.end():
                        words.append(run.group())
        return tuple(dict.fromkeys(words))


WORD = r"\p{L}+"


def _without_clashes(edits: list[Edit]) -> list[Edit]:
    """Accepted suggestions that clash with a fix stay suggestions."""
    applied = {id(e) for e in non_overlapping(e for e in edits if e.kind is Kind.FIX)}
    return [
        e if e.kind is not Kind.FIX or id(e) in applied else e._replace(kind=Kind.SUGGESTION)
        for e in edits
    ]


# What is left as written inside code (`pipeline.code_spans`): the stages that rewrite words,
# quotes and the spaces beside marks, and the whitespace rules that respace a line (a tab,
# a run of spaces that aligns); line endings, trailing spaces, blank lines and the unicode
# stage's repairs of the characters themselves are made there too.
KEPT_OUT_OF_CODE = frozenset({joins.NAME, words.NAME, punctuation.NAME, quotes.NAME})
RULES_KEPT_OUT_OF_CODE = frozenset({"W002", "W004"})


@dataclass(slots=True)
class _Proposer:
    """Asks a stage for its edits of a text, in order, and keeps the time each stage took.
    The edits that would touch code are left out (`KEPT_OUT_OF_CODE`)."""

    config: Config
    context: Context
    seconds: dict[str, float] = field(default_factory=dict)

    def __call__(self, stage: Stage, text: str, code: tuple[Span, ...] | None = None) -> list[Edit]:
        """`stage`'s edits of `text`, whose code is `code` where the caller knows it better
        than `text` shows it (a stretch of a text read alone), else found in `text`."""
        started = time.perf_counter()
        context = self.context if code is None else replace(self.context, code=code)
        edits = sorted(stage.find(text, self.config, context), key=IN_TEXT_ORDER)
        if edits:
            spans = code_spans(text) if code is None else code
            edits = self._outside_code(spans, edits) if spans else edits
        took = time.perf_counter() - started
        self.seconds[stage.name] = self.seconds.get(stage.name, 0.0) + took
        return edits

    def _outside_code(self, spans: tuple[Span, ...], edits: list[Edit]) -> list[Edit]:
        return [
            edit
            for edit in edits
            if not (
                (edit.stage in KEPT_OUT_OF_CODE or edit.rule.code in RULES_KEPT_OUT_OF_CODE)
                and touches(spans, *_reach(edit))
            )
        ]


def _reach(edit: Edit) -> tuple[int, int]:
    """What an edit must keep clear of code: its span, and for the quotes stage a character
    either side too, since a quoted command's marks are its own (`"-q"uietly` is no quotation
    glued to a word)."""
    if edit.stage == quotes.NAME:
        return edit.start - 1, edit.end + 1
    return edit.start, edit.end


def _clean(text: str, proposed: _Proposer, judge: _Judge) -> Cleaned:
    locator = Locator()
    located: list[Edit] = []
    enabled = [stage for stage in stages() if proposed.config.stage_enabled(stage.name)]
    acted_before: set[str] = set()  # the stages that made edits in an earlier pass
    for _ in range(MAX_PASSES):
        acted: set[str] = set()
        split_at: list[int] = []  # where the joins stage's splits stand in the pass's output
        for stage in enabled:
            edits = judge.judged(proposed(stage, text), locator)
            words = judge.rejected_words(text, edits)
            if words:
                # A rejected split: the joins stage decides again with the word kept whole,
                # so that its later rounds do not build on the split.
                kept = proposed.config.options(joins.NAME, joins.JoinsOptions)
                protect = replace(kept, protect=(*kept.protect, *words))
                proposed.config = proposed.config.with_options(joins.NAME, protect)
                rejected = [e for e in edits if e.kind is Kind.REJECTED]
                edits = rejected + judge.judged(proposed(stage, text), locator)
                edits.sort(key=IN_TEXT_ORDER)
            if not edits:
                continue
            located.extend(edits)
            if any(e.kind is not Kind.REJECTED for e in edits):
                acted.add(stage.name)
            if stage.name == joins.NAME:
                split_at = _places_after(edits)
            text = locator.apply(text, edits)
        if not _unsettled(text, enabled, acted, proposed, judge, locator, split_at, acted_before):
            break
        acted_before |= acted
    named = tuple(located if judge.decisions else judge.named_all())
    return Cleaned(text, named, tuple(proposed.seconds.items()))


# Stages judge a character by its neighbours, and a later stage can change them:
# ftfy leaves "«À\x86" alone but re-decodes '"À\x86' once « is made "; the
# punctuation stage leaves "0word:The" alone (no word starts at "word") but
# spaces "0 word:The" once the joins stage has split it; the quotes stage leaves
# "don t" alone but puts the apostrophe back in "dont" once the words stage has
# closed it.  So after a pass the earlier stages that can be unsettled look at the
# output again: ftfy when a later stage changed its output, and, when a stage that
# moves word boundaries (words, joins) acted, the stages that read them.  If any
# would still act, the text goes round again, so that cleaning the output changes
# nothing.  Each pass but the last makes an edit, so only text that keeps settling
# goes round again: most settle in two, and a fuzz find took four (a split spaced a
# comma, which moved the joins stage to split `injoins`, whose `a s` the words stage
# then closed, which the punctuation stage read again: `as,rent`).  Six is a bound,
# not a tuned number.
MAX_PASSES = 6
# The joins stage only puts a space between two non-space characters, the words
# stage only takes spaces out and letters in: that can make a new word for the
# stages that read words, never a space run, a trailing space or a blank line for
# the whitespace stage.
READ_WORD_BOUNDARIES = frozenset({quotes.NAME, punctuation.NAME})
MOVE_WORD_BOUNDARIES = frozenset({words.NAME, joins.NAME})


def _unsettled(
    text: str,
    stages: list[Stage],
    acted: set[str],
    proposed: _Proposer,
    judge: _Judge,
    locator: Locator,
    split_at: Sequence[int] = (),
    acted_before: Set[str] = frozenset(),
) -> bool:
    """Whether an earlier stage would still act on the output of a pass (`acted`: the
    names of the stages that made edits in it, `acted_before` in the passes before; `split_at`:
    where the joins stage's splits stand in it)."""
    boundaries_moved = bool(acted & MOVE_WORD_BOUNDARIES)
    later_acted = bool(acted - {unicode.NAME})
    # the words stage reads the words the joins stage parts (`llXX` -> `ll XX`, a lost `fi`
    # where the document shows the loss) again: the whole text where it found broken words
    # itself, in this pass or an earlier one (a split changes the word before a gap, and the
    # document's plain losses, repaired before, are what makes a gap at a word's edge read
    # as one: a stretch alone does not show them), elsewhere only the stretches around the
    # splits (`staŠt` -> `sta Št`, read as `staff`): asking it of every text the joins stage
    # changed would add a sixth to the stages' time
    words_rereads = joins.NAME in acted and words.NAME in acted | acted_before
    for stage in stages[:-1]:
        rereads = (
            (stage.name == unicode.NAME and later_acted)
            or (boundaries_moved and stage.name in READ_WORD_BOUNDARIES)
            or (stage.name == words.NAME and words_rereads)
        )
        if rereads and judge.would_act(proposed(stage, text), locator):
            return True
        near = stage.name == words.NAME and not words_rereads and bool(split_at)
        # around the splits that left a scrap of a broken word beside them
        # (`pipeline_engine::stretches`), asked of the core first: the edits are made only
        # where it finds something; what a stretch finds alone the whole may not: the whole
        # decides
        if (
            near
            and _words_near(text, split_at, proposed)
            and judge.would_act(proposed_near(text, split_at, partial(proposed, stage)), locator)
            and judge.would_act(proposed(stage, text), locator)
        ):
            return True
    return False


def _words_near(text: str, split_at: Sequence[int], proposed: _Proposer) -> bool:
    """`near_splits.words_near`, its counts noted and its time the words stage's."""
    started = time.perf_counter()
    found = words_near(text, split_at, proposed.context.vocabulary)
    took = time.perf_counter() - started
    proposed.seconds[words.NAME] = proposed.seconds.get(words.NAME, 0.0) + took
    return found


def _places_after(edits: Sequence[Edit]) -> list[int]:
    """Where each applied edit's replacement ends in the text the edits produce."""
    shift, places = 0, []
    for edit in sorted((e for e in edits if e.kind is Kind.FIX), key=lambda e: e.start):
        shift += len(edit.after) - (edit.end - edit.start)
        places.append(edit.end + shift)
    return places


def batch_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The words of a batch as written: names recur across a batch, glues do not.

    Counted over the texts as they are, in one pass.  (Counting over the batch
    once repaired, a second cleaning, fed each split back as evidence for the
    next: 0.0005-0.0008 more recall on the wrap benches, more names split, twice
    the cost.)
    """
    return Vocabulary.of(texts)


def merged(counts: Iterable[Vocabulary]) -> Vocabulary:
    """Per-text counts added up into the batch's."""
    total = Vocabulary()
    for count in counts:
        total.merge(count)
    return total
