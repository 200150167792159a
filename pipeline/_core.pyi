"""The compiled core (crates/python over crates/engine): what mypy checks calls into it against."""

import os
from collections.abc import Sequence
from typing import Literal, Protocol

from pipeline.edits import Edit, Kind, Rule

SOURCE_HASH: str
EDIT_FIELDS: list[str]  # pipeline.edits.Edit's fields, as the report writers read them

class _MarkdownListing(Protocol):
    """What report.md still lists of a file (`report.stream.MarkdownListing`)."""

    @property
    def room(self) -> int: ...
    @property
    def kinds(self) -> dict[Kind, str]: ...
    @property
    def width(self) -> int: ...

class _Grouping(Protocol):
    """How listed edits are grouped (`report.stream.Grouping`)."""

    @property
    def restyles(self) -> tuple[str, ...]: ...
    @property
    def quotes(self) -> str: ...
    @property
    def rejected(self) -> Kind: ...

TABLE_MAGIC: bytes
SAFE_MARKS: str

class Lexicon:
    @staticmethod
    def from_bytes(data: bytes) -> Lexicon: ...
    @staticmethod
    def open(path: str | os.PathLike[str], limit: int) -> Lexicon: ...
    def logp(self, word: str) -> float | None: ...
    def frequency(self, word: str) -> float | None: ...
    def known(self, word: str) -> bool: ...
    def zipf(self, word: str) -> float: ...
    def later_part_logp(self, part: str) -> float | None: ...
    def cond(self, first: str, second: str) -> float: ...
    def sizes(self) -> tuple[int, int, int]: ...
    def broken_words(
        self,
        text: str,
        vocabulary: Vocabulary | None = None,
        *,
        least_margin: float | None = None,
    ) -> tuple[list[tuple[int, str, str, str, str, float, float, list[int]]], list[str]]: ...

class Vocabulary:
    def __init__(self) -> None: ...
    def add(self, text: str) -> None: ...
    def merge(self, other: Vocabulary) -> None: ...
    def word_count(self, word: str) -> int: ...
    def pair_count(self, glued: str) -> int: ...
    def count(self, key: str) -> int: ...
    def counts_of(self, keys: list[str]) -> list[int]: ...
    def counts_json(self, keys: list[str]) -> str | None: ...
    def words(self) -> dict[str, int]: ...
    def pairs(self) -> dict[str, int]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> Vocabulary: ...

class Found:
    def __len__(self) -> int: ...
    def rows(
        self,
    ) -> list[tuple[int, float, Literal["words", "case", "edge"], str, str, bool, bool]]: ...

# at, margin, kind, left, right, applied, confidence
Decision = tuple[int, float, Literal["words", "case", "edge"], str, str, bool, float]

class Joins:
    def __init__(
        self,
        lexicon: Lexicon,
        *,
        function_words: list[str],
        prefixes: list[str],
        suffixes: list[str],
        suffix_words: list[str],
        name_particles: list[str],
        name_prefixes: list[str],
        unit_suffixes: list[str],
        python_identifiers: list[str],
    ) -> None: ...
    def candidates(
        self,
        text: str,
        vocabulary: Vocabulary,
        *,
        protect: list[str] = ...,
        split: list[str] = ...,
        track: bool = ...,
    ) -> tuple[Found, list[str]]: ...
    def find(
        self,
        text: str,
        vocabulary: Vocabulary,
        apply_at: float,
        made: tuple[type[Edit], tuple[Rule, Rule, Rule], Kind, Kind],
        *,
        protect: list[str] = ...,
        split: list[str] = ...,
        track: bool = ...,
        suggest_at: float = ...,
        code: list[tuple[int, int]] = ...,
    ) -> tuple[list[Edit], list[str]]: ...
    def decide(
        self, text: str, found: Found, apply_at: float, code: float, suggest_at: float = ...
    ) -> list[Decision]: ...
    def features(self, text: str, found: Found, code: float) -> list[list[float]]: ...
    def scrap_places(self, text: str, places: list[int]) -> list[int]: ...
    def scrap_stretches(self, text: str, places: list[int]) -> list[tuple[int, int]]: ...
    def words_near(
        self,
        text: str,
        places: list[int],
        code: list[tuple[int, int]],
        vocabulary: Vocabulary | None,
    ) -> tuple[bool, list[str]]: ...

def joins_features() -> list[str]: ...
def joins_confidence(features: list[float]) -> float: ...
def code_share(text: str) -> float: ...
def reads_as_code(text: str) -> bool: ...
def unplain_lines(text: str) -> list[tuple[int, int]]: ...
def fingerprints(
    path: str, original: str, edits: list[tuple[int, str, str, str]]
) -> list[str] | None: ...

PAIR_LEAST: float
STRETCHES_APART: str
APPLY_AT: float
FLAG_AT: float
SUGGEST_AT: float
SPACED_CONFIDENCES: list[float]
LIGATURE_LEAST_MARGIN: float
LIGATURE_CURVES: tuple[tuple[float, float], tuple[float, float]]
MAX_ROUNDS: int
OPENING: int
INVISIBLES: str

def build_table(
    words: list[tuple[str, float]],
    unigrams: list[tuple[str, float]],
    bigrams: list[tuple[str, float]],
) -> bytes: ...
def sha256(data: bytes) -> str: ...

_Proposal = tuple[int, int, str, str, float, list[str]]

def whitespace_edits(text: str) -> list[_Proposal]: ...
def quote_edits(text: str, style: str, spacing: bool) -> list[_Proposal]: ...

class PunctuationScan:
    def __init__(self, lexicon: Lexicon, *, tlds: list[str], function_words: list[str]) -> None: ...
    def edits(self, text: str) -> list[_Proposal]: ...

class ApostropheScan:
    def __init__(
        self,
        lexicon: Lexicon,
        *,
        listed: dict[str, int],
        where_shown: dict[str, int],
        after_its: list[str],
        not_after_cant: list[str],
    ) -> None: ...
    def lost(self, text: str) -> list[tuple[int, str, str]]: ...

def in_context(
    original: str,
    fixes: list[tuple[int, int, str, int]],
    edits: list[tuple[int, str, str, int]],
    width: int,
) -> list[tuple[str, str, str, str]]: ...
def edit_json_lines(shown_path: str, edits: Sequence[Edit]) -> bytes | None: ...
def listed_rows(
    original: str,
    edits: Sequence[Edit],
    room: int,
    width: int,
    line_shift: int,
    kinds: dict[Kind, str],
    fix: Kind,
    markdown: _MarkdownListing,
    grouping: _Grouping,
) -> (
    tuple[
        list[int],
        list[str],
        list[str | tuple[str, str, str, str]],
        list[tuple[tuple[str, str, str, str], int, float]],
    ]
    | None
): ...
def edit_hunks(
    original: str,
    cleaned: str,
    original_before: int,
    cleaned_before: int,
    edits: Sequence[Edit],
    fix: Kind,
) -> str | None: ...
def line_columns(text: str, offsets: list[int]) -> list[tuple[int, int]]: ...
def apply_edits(text: str, edits: Sequence[Edit], fix: Kind) -> str | None: ...

class Locator:
    def push(self, fixes: list[tuple[int, int, int]]) -> None: ...
    def apply(self, text: str, edits: Sequence[Edit], fix: Kind) -> str | None: ...
    def original(self, offset: int) -> int: ...
    def originals(self, offsets: list[int]) -> list[int]: ...

def named_edits(
    repeats: Repeats,
    path: str,
    original: str,
    located: Sequence[tuple[int, Edit]],
    edit_type: type[Edit],
) -> list[Edit] | None: ...

class Repeats:
    def give_all(self, bases: list[str], ats: list[int]) -> list[str]: ...
    def peek(self, base: str, at: int) -> str: ...
    def forget_places(self) -> None: ...
