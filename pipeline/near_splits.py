"""What the words stage reads again around the joins stage's splits, once a pass has split
words (`cleaning._unsettled`): a split can make a broken word's first or last piece
(`peopleCurre nt` -> `people Curre nt`), or part off the word such a piece is read with, so
the stretches around the splits that part a scrap (`pipeline_engine::stretches`) are read
again, and the whole text where they find something."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from pipeline import _core
from pipeline.code_spans import Span, code_spans
from pipeline.edits import Edit
from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary

# What stands between two stretches read as one text: a blank line (the core's).
STRETCHES_APART = _core.STRETCHES_APART


def words_near(text: str, split_at: Sequence[int], vocabulary: Vocabulary) -> bool:
    """Whether the words stage finds anything at all in the stretches of `text` around the
    splits at `split_at` (`proposed_near`), asked of the core in one call
    (`Joins.words_near`): most hold nothing to repair, and making edits of nothing in Python
    cost a fifth of the stage's time on damaged news.  The counts it read are noted in
    `vocabulary`, as the stage notes them."""
    code = list(code_spans(text))
    found, reads = engine().words_near(text, list(split_at), code, vocabulary.core)
    vocabulary.note(reads)
    return found


def proposed_near(
    text: str,
    split_at: Sequence[int],
    propose: Callable[[str, tuple[Span, ...]], list[Edit]],
) -> list[Edit]:
    """The words stage's edits (`propose` of a text and its code) in the stretches of `text`
    around the splits at `split_at`, read as one text of paragraphs, placed back in `text`.
    A stretch is read without the rest of its document, so it may find what the whole would
    not: the caller asks the whole then."""
    stretches = engine().scrap_stretches(text, list(split_at))
    read, code, starts = stretches_read(text, stretches)
    placed, read_starts = [], [s for s, _ in starts]
    for edit in propose(read, code):
        index = max(0, bisect.bisect_right(read_starts, edit.start) - 1)
        shift = starts[index][1] - starts[index][0]
        placed.append(edit._replace(start=edit.start + shift, end=edit.end + shift))
    return placed


def stretches_read(
    text: str, stretches: Sequence[tuple[int, int]]
) -> tuple[str, tuple[Span, ...], list[tuple[int, int]]]:
    """The `stretches` of `text` as the words stage reads them: one text, `STRETCHES_APART`
    between them; the code found in the whole text, placed in it; and where each stretch
    starts, in the text read and in `text`.  (`Joins.words_near` reads them so in the core.)"""
    read, starts = [], []
    code: list[Span] = []
    whole_code = code_spans(text)
    at = 0
    for start, end in stretches:
        starts.append((at, start))
        read.append(text[start:end])
        code += [
            (max(a, start) - start + at, min(b, end) - start + at)
            for a, b in whole_code
            if a < end and b > start
        ]
        at += end - start + len(STRETCHES_APART)
    return STRETCHES_APART.join(read), tuple(code), starts
