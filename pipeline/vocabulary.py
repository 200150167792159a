"""Which words a document or batch uses, and how often two of them stand side by side.

Names recur; a glue at a random line end rarely does.  When a batch writes
"United States" a hundred times and "UnitedStates" twice, the two are damage;
when it writes "QatarEnergy" six times and "Qatar Energy" never, it is a name.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

WORD = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)?|\d+")
# Letters and digits in one token (Boto3, win32, OAS32Validator): counted whole as well,
# so that an identifier the batch repeats is known for one.
MIXED = regex.compile(r"(?<![\p{L}\d])(?:\p{L}+\d|\d+\p{L})[\p{L}\d]*")
# Renderers often break a paragraph's first line short, so the words in its first
# characters are glued far more often than chance: they are not counted as evidence
# of names.  Counted without spaces, so that repairing glues does not move the line.
OPENING = 25


def _visible(text: str) -> int:
    return len(text) - sum(1 for ch in text if ch.isspace())


@dataclass(slots=True)
class Vocabulary:
    """A batch's word counts.  Decisions read them through `word_count` and `pair_count`,
    which note what was read ("w:Word" a word, "p:ab" a spaced pair) while `reading`
    is on: a file's output depends on the
    batch only through those counts, so a re-run may keep the output of a file whose
    text and counts are unchanged (see `pipeline.manifest`)."""

    words: Counter[str] = field(default_factory=Counter)  # as written, case kept
    spaced_pairs: Counter[str] = field(default_factory=Counter)  # "ab" for "a b"
    reading: set[str] | None = field(default=None, compare=False, repr=False)
    changes: int = field(default=0, compare=False, repr=False)  # counted up by add and merge

    def word_count(self, word: str) -> int:
        if self.reading is not None:
            self.reading.add("w:" + word)
        return self.words[word]

    def pair_count(self, glued: str) -> int:
        if self.reading is not None:
            self.reading.add("p:" + glued)
        return self.spaced_pairs[glued]

    def count(self, key: str) -> int:
        """The count a key of `reading` names."""
        return (self.words if key.startswith("w:") else self.spaced_pairs)[key[2:]]

    @contextlib.contextmanager
    def read_by(self, reading: set[str]) -> Iterator[set[str]]:
        """Note in `reading` every count read until the block ends (blocks nest)."""
        outer = self.reading
        self.reading = reading
        try:
            yield reading
        finally:
            if outer is not None:
                outer.update(reading)
            self.reading = outer

    def add(self, text: str) -> None:
        self.changes += 1
        previous = ""
        previous_end = 0
        visible = 0  # non-space characters since the line began: repairs only add spaces
        chain, parts = 0, 0  # a run of words and numbers with nothing between: where, how many
        for match in WORD.finditer(text):
            word = match.group()
            if match.start() != previous_end:
                if parts > 1:
                    self._add_mixed(text, chain, previous_end)
                chain, parts = match.start(), 0
            parts += 1
            gap = text[previous_end : match.start()]
            if gap != " ":  # the lone space, most gaps, adds nothing visible
                newline = gap.rfind("\n")
                if newline >= 0:
                    visible = _visible(gap[newline + 1 :])
                else:
                    visible += _visible(gap)
            if visible >= OPENING:
                self.words[word] += 1
            if previous and gap == " ":
                self.spaced_pairs[previous + word] += 1
            visible += len(word)
            previous, previous_end = word, match.end()
        if parts > 1:
            self._add_mixed(text, chain, previous_end)

    def _add_mixed(self, text: str, start: int, end: int) -> None:
        """Count a run of letters and digits (Boto3, win32) whole, as well as its parts."""
        run = text[start:end]
        if not run.isalpha() and not run.isdigit() and MIXED.fullmatch(run):
            self.words[run] += 1

    def merge(self, other: Vocabulary) -> None:
        self.changes += 1
        self.words.update(other.words)
        self.spaced_pairs.update(other.spaced_pairs)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        vocabulary = cls()
        for text in texts:
            vocabulary.add(text)
        return vocabulary
