"""Word and word-pair probabilities, from packages that ship their data.

Unigrams come from wordfreq (its large English list, tokenised properly, so
"cannot" is one word); conditional pair probabilities from wordsegment's web
bigrams.  Both count some glued pairs as words ("ofthe"), which is why a
split is judged by comparing the pair with the whole, never by membership.
"""

from __future__ import annotations

import math
from functools import cache

import wordfreq
import wordsegment

BACKOFF = math.log10(0.4)  # stupid backoff for a pair the bigram table lacks


class Lexicon:
    """log10 probabilities of lower-case words and word pairs."""

    def __init__(self) -> None:
        self._words = wordfreq.get_frequency_dict("en", wordlist="large")
        wordsegment.load()
        self._unigram_counts = wordsegment.UNIGRAMS
        self._bigram_counts = wordsegment.BIGRAMS
        self._common: dict[float, frozenset[str]] = {}

    def logp(self, word: str) -> float | None:
        """log10 frequency of a lower-case word, or None if the list lacks it."""
        frequency = self._words.get(word)
        return math.log10(frequency) if frequency else None

    def common_lower(self, zipf: float) -> frozenset[str]:
        """The lower-case alphabetic words at or above `zipf`: what a token is, mostly."""
        held = self._common.get(zipf)
        if held is None:
            least = 10 ** (zipf - 9)
            held = frozenset(
                word
                for word, frequency in self._words.items()
                if frequency >= least and word.isalpha() and word.islower()
            )
            self._common[zipf] = held
        return held

    def known(self, word: str) -> bool:
        return word in self._words

    def later_part_logp(self, part: str) -> float | None:
        """log10 p of a lower-case word as a split's second or later part, or None where it
        cannot be one: one letter other than a and i, or a rare scrap of two letters."""
        frequency = self._words.get(part)
        if not frequency:
            return None
        value = math.log10(frequency)
        if len(part) <= 2 and (value <= -4.5 or (len(part) == 1 and part not in "ai")):
            return None
        return value

    def zipf(self, word: str) -> float:
        value = self.logp(word)
        return 0.0 if value is None else value + 9

    def cond(self, first: str, second: str) -> float:
        """log10 P(second | first), backing off to the unigram of `second`."""
        pair = self._bigram_counts.get(f"{first} {second}")
        count = self._unigram_counts.get(first)
        if pair and count:
            return math.log10(pair / count)
        second_logp = self.logp(second)
        if second_logp is None:
            return -12.0
        # A pair the table lacks is evidence against it only when it knows the first word.
        return second_logp + (BACKOFF if count else 0.0)


@cache
def lexicon() -> Lexicon:
    """The shared lexicon, loaded once per process (about half a second)."""
    return Lexicon()
