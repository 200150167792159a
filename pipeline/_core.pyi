"""The compiled core (crates/python over crates/engine): what mypy checks calls into it against."""

from collections.abc import Callable

SOURCE_HASH: str
TABLE_MAGIC: bytes

class Lexicon:
    @staticmethod
    def from_bytes(data: bytes) -> Lexicon: ...
    def logp(self, word: str) -> float | None: ...
    def frequency(self, word: str) -> float | None: ...
    def known(self, word: str) -> bool: ...
    def zipf(self, word: str) -> float: ...
    def later_part_logp(self, part: str) -> float | None: ...
    def cond(self, first: str, second: str) -> float: ...
    def words_at_least(self, least: float) -> list[str]: ...
    def sizes(self) -> tuple[int, int, int]: ...

class Segmenter:
    def __init__(
        self,
        lexicon: Lexicon,
        *,
        split_cost: float,
        name_logp: float,
        name_per_letter: float,
        name_tail_zipf: float,
        max_parts: int,
        max_part_letters: int,
    ) -> None: ...
    def segment(self, run: str, word_count: Callable[[str], int]) -> tuple[list[int], float]: ...

class Layout:
    def __init__(
        self,
        *,
        short_first_line: int,
        short_first_share: float,
        line_flat: int,
        line_sigma: float,
        line_below: int,
        line_above: int,
        support_cap: float,
    ) -> None: ...
    def search(
        self,
        start: int,
        end: int,
        spaces: list[int],
        glues: list[tuple[int, float]],
        width: int,
        glue_rate: float,
        *,
        support: bool,
    ) -> tuple[list[int], list[tuple[int, float]]]: ...

def build_table(
    words: list[tuple[str, float]],
    unigrams: list[tuple[str, float]],
    bigrams: list[tuple[str, float]],
) -> bytes: ...
