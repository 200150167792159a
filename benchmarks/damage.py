"""Lost-line-break damage with gold answers, and a word-boundary scorer.

The same model of damage as `../shared/bench/textbench.py` (with which its
figures were cross-checked): each paragraph is hard-wrapped, a short
first line and then lines of about WIDTH columns, most breaks are dropped so
the words at them glue, quotes become «», whitespace goes ragged.  Scoring
aligns texts on their non-space characters, so only word boundaries count.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

QUOTE_FOLD = str.maketrans({c: '"' for c in "«»“”„‟″"} | {c: "'" for c in "‘’‚‛′`´"})
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
INVISIBLES = "\u200b\u2060\ufeff\u00ad\u180e"  # removed by the whitespace stage, by design


@dataclass(frozen=True, slots=True)
class Damage:
    width: tuple[int, int] = (70, 90)
    glue: float = 0.75
    short_first_line: float = 0.8
    guillemets: float = 0.7


def paragraphs(text: str) -> list[str]:
    for ch in INVISIBLES:
        text = text.replace(ch, "")
    found = [re.sub(r"\s+", " ", p).strip() for p in PARAGRAPH_BREAK.split(text)]
    return [p for p in found if p]


def _wrap_and_glue(paragraph: str, rng: random.Random, width: int, damage: Damage) -> str:
    spaces = [m.start() for m in re.finditer(" ", paragraph)]
    breaks: list[int] = []
    line_start, first = 0, True
    while spaces:
        if first and rng.random() < damage.short_first_line:
            target = line_start + rng.randint(3, 20)
        else:
            target = line_start + rng.randint(max(20, width - 6), width + 6)
        first = False
        fitting = [s for s in spaces if line_start < s <= target]
        if target >= len(paragraph):
            break
        if not fitting:
            later = [s for s in spaces if s > target]
            if not later:
                break
            fitting = [later[0]]
        breaks.append(fitting[-1])
        line_start = fitting[-1] + 1
    glued = {b for b in breaks if rng.random() < damage.glue}
    return "".join(ch for i, ch in enumerate(paragraph) if i not in glued)


def _guillemets(paragraph: str) -> str:
    out, opening = [], True
    for ch in paragraph:
        if ch in '"“”':
            out.append("«" if opening else "»")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def damage_text(text: str, rng: random.Random, damage: Damage = Damage()) -> tuple[str, str]:
    """A damaged copy of `text` and its gold (the clean paragraphs, one blank line apart)."""
    paras = paragraphs(text)
    gold = "\n\n".join(paras) + "\n"
    width = rng.randint(*damage.width)
    quotes = rng.random() < damage.guillemets
    damaged = []
    for paragraph in paras:
        if quotes:
            paragraph = _guillemets(paragraph)
        paragraph = _wrap_and_glue(paragraph, rng, width, damage)
        if rng.random() < 0.15:
            paragraph += " " * rng.randint(1, 3)
        damaged.append(paragraph + "\n" * rng.randint(2, 6))
    return (" " if rng.random() < 0.3 else "") + "".join(damaged), gold


@dataclass(slots=True)
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    corrupt: int = 0
    words: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def false_per_10k_words(self) -> float:
        return 10_000 * self.fp / max(1, self.words)

    def add(self, other: Score) -> None:
        for name in ("tp", "fn", "fp", "corrupt", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _boundaries(text: str) -> tuple[str, set[int]]:
    chars: list[str] = []
    bounds: set[int] = set()
    gap = False
    for ch in text.translate(QUOTE_FOLD):
        if ch.isspace():
            gap = True
            continue
        if gap and chars:
            bounds.add(len(chars))
        gap = False
        chars.append(ch)
    return "".join(chars), bounds


def score(damaged: str, gold: str, cleaned: str) -> Score:
    """Word boundaries restored (tp), missed (fn), invented or destroyed (fp)."""
    gold_chars, gold_bounds = _boundaries(gold)
    _, damaged_bounds = _boundaries(damaged)
    out_chars, out_bounds = _boundaries(cleaned)
    result = Score(words=len(gold.split()))
    if out_chars != gold_chars:
        result.corrupt = 1
        return result
    needed = gold_bounds - damaged_bounds
    result.tp = len(needed & out_bounds)
    result.fn = len(needed - out_bounds)
    result.fp = len(out_bounds - gold_bounds) + len((gold_bounds & damaged_bounds) - out_bounds)
    return result
