"""Which words a batch uses, and how often two of them stand side by side.

Names recur; a glue at a random line end rarely does.  When a batch writes
"United States" a hundred times and "UnitedStates" twice, the two are damage;
when it writes "QatarEnergy" six times and "Qatar Energy" never, it is a name.
The counts live in the compiled core (`pipeline_engine::vocabulary`), which
counts them and reads them; this is their Python face.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from pipeline import _core

# Renderers often break a paragraph's first line short, so the words in its first
# characters are not counted as evidence of names (the core's `OPENING`); a hard-wrapped
# line that goes on with its paragraph's sentence is no first line, and counts.
OPENING: int = _core.OPENING
# A file's cleaning notes at most this many counts one by one; past them it is taken to
# read every count (the key EVERY), so that a long file (a 20 MB dump reads some 250,000)
# holds no such set in memory, nor in the run's manifest: a re-run cleans it again when
# any count of the batch changed, not only one it read.
READS_KEPT = 50_000
EVERY = "*"  # the core's keys start "w:", "p:", "h:" or "n:"


class Vocabulary:
    """A batch's word counts.  A decision reads them in the core, which notes what it
    read ("w:Word" a word, "p:ab" a spaced pair, "h:co-op" a compound, "n:" the batch's
    size class); while `reading` is on, those notes are kept here.  A file's output depends
    on the batch only through those counts, so a re-run may keep the output of a file whose
    text and counts are unchanged (see `pipeline.batch.manifest`)."""

    __slots__ = ("_digest", "core", "reading")

    def __init__(self, core: _core.Vocabulary | None = None) -> None:
        self.core = core if core is not None else _core.Vocabulary()
        self.reading: set[str] | None = None
        self._digest: int | None = None

    @property
    def words(self) -> Counter[str]:
        """Words as written, case kept -> count."""
        return Counter(self.core.words())

    @property
    def spaced_pairs(self) -> Counter[str]:
        """ "ab" for "a b" -> count."""
        return Counter(self.core.pairs())

    def count(self, key: str) -> int:
        """The count a key of `reading` names; for EVERY, a number that changes when
        any count does (64 bits of the counts' hash)."""
        if key == EVERY:
            if self._digest is None:
                self._digest = int(_core.sha256(self.core.to_bytes())[:16], 16)
            return self._digest
        return self.core.count(key)

    def counts(self, keys: Iterable[str]) -> dict[str, int]:
        """`count` of each key, the core's in one call."""
        keys = list(keys)
        plain = [key for key in keys if key != EVERY]
        found = dict(zip(plain, self.core.counts_of(plain), strict=True))
        if len(plain) != len(keys):
            found[EVERY] = self.count(EVERY)
        return found

    def counts_json(self, keys: Iterable[str]) -> Mapping[str, int]:
        """`counts` of `keys`, as the JSON object a run's record of a file holds where the
        core can (`CountsJson`; not EVERY, which only Python counts), else as a dict."""
        keys = list(keys)
        if EVERY not in keys:
            written = self.core.counts_json(keys)
            if written is not None:
                return CountsJson(written)
        return self.counts(keys)

    def note(self, reads: Iterable[str]) -> None:
        """Keep what the core read, while `reading` is on (EVERY past READS_KEPT)."""
        if self.reading is not None and EVERY not in self.reading:
            self.reading.update(reads)
            _bounded(self.reading)

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
                _bounded(outer)
            self.reading = outer

    def add(self, text: str) -> None:
        self.core.add(text)
        self._digest = None

    def merge(self, other: Vocabulary) -> None:
        self.core.merge(other.core)
        self._digest = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and self.core == other.core

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> bytes:
        """To another process (a worker, a Ray task): the counts alone."""
        return self.core.to_bytes()

    def __setstate__(self, state: bytes) -> None:
        self.core = _core.Vocabulary.from_bytes(state)
        self.reading = None
        self._digest = None

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        vocabulary = cls()
        for text in texts:
            vocabulary.add(text)
        return vocabulary


class CountsJson(Mapping[str, int]):
    """Counts written by the core as a JSON object, keys sorted (`Vocabulary.counts_json`):
    a file's record is written with them as they are (`manifest.Record.line`), and they
    are parsed only if read as a mapping.  Looking them up, sorting and encoding them in
    Python was a third of what the parent process of `run -j 2` did per file."""

    __slots__ = ("_counts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: dict[str, int] | None = None

    def _read(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = json.loads(self.text)
        return self._counts

    def __getitem__(self, key: str) -> int:
        return self._read()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


def _bounded(reading: set[str]) -> None:
    """`reading` made EVERY alone once it holds it or more than READS_KEPT keys."""
    if EVERY in reading or len(reading) > READS_KEPT:
        reading.clear()
        reading.add(EVERY)
