"""Word and word-pair probabilities, from packages that ship their data, in the compiled core.

Unigrams come from wordfreq (its large English list, tokenised properly, so
"cannot" is one word); conditional pair probabilities from wordsegment's web
bigrams.  Both count some glued pairs as words ("ofthe"), which is why a
split is judged by comparing the pair with the whole, never by membership.

The packages stay the source of the words: the first use on a machine reads
them (about two seconds) and writes a table the core reads without parsing
(`pipeline._core.build_table`, deterministic: the same packages give the same
bytes) into the cache folder, `$PIPELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/pipeline`,
else `~/.cache/pipeline`, named by the packages' files and the table's layout.
Every later process opens it in milliseconds.  Nothing is downloaded.  A table
that does not check out (cut, damaged) is built again.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pipeline import _core
from pipeline.files import write_atomic

MAX_TABLE_BYTES = 256 * 1024 * 1024
TABLES_KEPT = 3  # word tables left in the cache, the one in use among them


class Lexicon:
    """log10 probabilities of lower-case words and word pairs (see `pipeline_engine::lexicon`).

    The core's methods are bound as they are, so a lookup costs one call into the core.
    """

    def __init__(self, core: _core.Lexicon) -> None:
        self.core = core
        self.logp: Callable[[str], float | None] = core.logp
        self.known: Callable[[str], bool] = core.known
        self.zipf: Callable[[str], float] = core.zipf
        self.later_part_logp: Callable[[str], float | None] = core.later_part_logp
        self.cond: Callable[[str, str], float] = core.cond


def cache_dir() -> Path:
    explicit = os.environ.get("PIPELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pipeline"


# The files of each source package the table is made from: its code and its data.
SOURCE_FILES = {
    "wordfreq": ("__init__.py", "data/large_en.msgpack.gz"),
    "wordsegment": ("__init__.py", "unigrams.txt", "bigrams.txt"),
}


def table_name() -> str:
    """The table's file name: the table's layout, and where each file it is made from lies,
    its size and its time, so that a new install of either package builds it again.  (Found
    without importing the packages or reading their metadata, which alone took longer than
    opening the table: a pre-commit check starts sooner.)"""
    described = [_core.TABLE_MAGIC]
    for package, names in SOURCE_FILES.items():
        spec = importlib.util.find_spec(package)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        for name in names:
            try:
                status = (folder / name).stat() if folder else None
            except OSError:
                status = None
            shape = f"{status.st_size} {status.st_mtime_ns}" if status else "missing"
            described.append(f"{package} {folder} {name} {shape}\n".encode())
    return f"lexicon-{_core.sha256(b''.join(described))[:16]}.table"


def table_entries() -> tuple[
    list[tuple[str, float]], list[tuple[str, float]], list[tuple[str, float]]
]:
    """The table's three maps as the packages give them: words -> frequency (wordfreq),
    words -> count and pairs -> count (wordsegment)."""
    import wordfreq
    import wordsegment

    words = wordfreq.get_frequency_dict("en", wordlist="large")
    wordsegment.load()
    return (
        [(word, float(value)) for word, value in words.items()],
        [(word, float(value)) for word, value in wordsegment.UNIGRAMS.items()],
        [(pair, float(value)) for pair, value in wordsegment.BIGRAMS.items()],
    )


def build_table() -> bytes:
    return _core.build_table(*table_entries())


def _opened(path: Path) -> _core.Lexicon | None:
    try:
        return _core.Lexicon.open(path, MAX_TABLE_BYTES)  # read by the core: no copy in Python
    except ValueError:
        return None  # missing, unreadable or not a table: built again


@cache
def lexicon() -> Lexicon:
    """The shared lexicon, opened once per process (built once per machine)."""
    path = cache_dir() / table_name()
    core = _opened(path)
    if core is None:
        data = build_table()
        core = _core.Lexicon.from_bytes(data)
        with contextlib.suppress(OSError):  # a read-only cache: this process keeps its copy
            write_atomic(path, data)
            _remove_others(path)
    return Lexicon(core)


def _remove_others(kept: Path) -> None:
    """Tables earlier installs built (16 MB each) go once a new one is written, but for the
    newest few: two environments on one machine (a project's and its tests') each keep
    theirs rather than building it again in turn.  A process still using a removed one
    keeps its pages: a mapped file that is unlinked stays as it was until unmapped."""

    def age(table: Path) -> float:
        try:
            return table.stat().st_mtime
        except OSError:
            return 0.0

    others = [table for table in kept.parent.glob("lexicon-*.table") if table != kept]
    for other in sorted(others, key=age, reverse=True)[TABLES_KEPT - 1 :]:
        with contextlib.suppress(OSError):
            other.unlink()
