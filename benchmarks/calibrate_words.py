"""Check (and fit) the words stage's confidence: is a restoration said to be 90% sure right 90%
of the time?

    python benchmarks/calibrate_words.py          # reliability tables and ECE per bench family
    python benchmarks/calibrate_words.py --fit    # also the anchor and slope that fit best

The words stage reads each broken word's margin (the log10 odds of the restored reading
against the text as found) as a confidence: `1 / (1 + 10 ** -(slope * (margin - anchor)))`
(`crates/engine/src/thresholds/broken_words.rs`: LIGATURE_SLOPE, LIGATURE_ANCHOR).  Benches,
built with `../shared/bench/textbench.py` in --work: lost ligatures (`--ligatures 0.5`) and
stray spaces (`--split 0.03`) in dev-corpus, seeds 1 and 2; acl-dev (real extraction damage)
in two halves; clean dev-corpus and dev-technical (every restoration there is wrong).

Each reading the core finds (`Lexicon.broken_words`, on the text the earlier stages give
it) is judged alone.  A stray space taken out (one row per space: each is an edit) is right
where the gold has no space between its neighbours.  A ligature is applied by itself, and
it is right when more of the text's runs of letters then equal the gold's (difflib), wrong
when fewer or as many.  Two curves are fitted, one for the gaps inside a word that a ligature
fills in a document that shows lost ligatures plainly (the core reads those with their own
anchor and slope, `SHOWN_LIGATURE_ANCHOR`), one for every other reading.  The fit (a grid
over anchor and slope, least log loss) reads seed 1, the clean corpora and acl-dev's first
half, from a margin of -1 (below the least the stage
reports, `LIGATURE_LEAST_MARGIN`), without the letter-spaced runs, whose confidences are set
by hand; the tables show what the stage reports, seed 2 and acl-dev's second half being
text the fit did not see.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.calibrate import (  # noqa: E402
    _boundaries,
    _half_of_acl,
    _make,
    _nonspace_index,
    clean_bench,
    reliability,
)
from pipeline import _core  # noqa: E402
from pipeline.cleaning import batch_vocabulary, clean  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.lexicon import lexicon  # noqa: E402

FIT_SEED = 1
# Readings are fitted from this margin, below the least the stage reports (the tables show
# only those it reports): fitted over the reported ones alone, the few wrong ones below it
# would not pull the curve down.
FIT_FROM_MARGIN = -1.0
BEFORE_WORDS = ("words", "joins")


@dataclass(frozen=True, slots=True)
class Bench:
    name: str
    folder: Path
    family: str
    fitted: bool


@dataclass(frozen=True, slots=True)
class Row:
    bench: str
    kind: str
    margin: float
    confidence: float
    right: bool


def benches(work: Path) -> list[Bench]:
    """The benches, built where they are missing."""
    found = []
    for seed in (1, 2):
        for option, rate, family in (
            ("--ligatures", "0.5", "ligatures"),
            ("--split", "0.03", "split"),
        ):
            folder = work / f"{family}-{seed}"
            _make(folder, "--seed", str(seed), option, rate)
            found.append(Bench(f"{family} seed {seed}", folder, family, seed == FIT_SEED))
    for half in (0, 1):
        folder = work / f"acl-dev-{'ab'[half]}"
        _half_of_acl(folder, half)
        found.append(Bench(f"acl-dev half {'ab'[half]}", folder, "real", half == 0))
    for corpus in ("dev-corpus", "dev-technical"):
        found.append(Bench(f"clean {corpus}", clean_bench(work, corpus), "clean", True))
    return found


def applied(text: str, restoration: tuple) -> str:
    """`text` with one restoration made."""
    at, kind, ligature, _, _, _, _, gaps = restoration
    if kind == "stray":
        for gap in sorted(gaps, reverse=True):
            text = text[:gap] + text[gap + 1 :]
        return text
    # inside, the gap is replaced; a moved space's span is rewritten; elsewhere letters go in
    end = {"inside": at + 1, "moved": at + len(ligature)}.get(kind, at)
    return text[:at] + ligature + text[end:]


LETTERS = re.compile(r"[^\W\d_]+")


def letter_words(text: str) -> list[str]:
    """The text's runs of letters: brackets and marks glued to a word (`(subject`) or
    spaced from it do not decide whether the word is whole."""
    return LETTERS.findall(text)


def matched(gold: list[str], words: list[str]) -> int:
    """How many of the gold's words the text has, in order."""
    blocks = SequenceMatcher(None, gold, words, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks)


def rows(bench: Bench) -> Iterator[Row]:
    """Every restoration the core reports in the bench, judged alone: a stray space (one
    row per space, as each is an edit) is right where the gold has no space between its
    neighbours; a ligature where the text then has more of the gold's words."""
    names = sorted(p.name for p in (bench.folder / "gold").glob("*.txt"))
    inputs = [(bench.folder / "input" / n).read_bytes().decode("utf-8", "replace") for n in names]
    vocabulary = batch_vocabulary(inputs)
    config = Config().with_stages_disabled(BEFORE_WORDS)
    core = lexicon().core
    for name, damaged in zip(names, inputs, strict=True):
        gold_text = (bench.folder / "gold" / name).read_text(encoding="utf-8")
        text = clean(damaged, config, vocabulary).text
        found, _ = core.broken_words(text, vocabulary.core, least_margin=FIT_FROM_MARGIN)
        if not found:
            continue
        gold = letter_words(gold_text)
        bounds = _boundaries(gold_text)
        index = _nonspace_index(text)
        aligned = len(index) == len(gold_text) - sum(ch.isspace() for ch in gold_text)
        before = matched(gold, letter_words(text))
        for restoration in found:
            kind, margin, sure, gaps = (
                restoration[1],
                restoration[5],
                restoration[6],
                restoration[7],
            )
            if kind == "stray" and aligned:
                for gap in gaps:
                    right = index.get(gap + 1, -1) not in bounds
                    yield Row(bench.name, kind, margin, sure, right)
                continue
            after = matched(gold, letter_words(applied(text, restoration)))
            yield Row(bench.name, kind, margin, sure, after > before)


def confidence(margin: float, anchor: float, slope: float) -> float:
    return 1.0 / (1.0 + 10 ** -(slope * (margin - anchor)))


def log_loss(rows: list[Row], anchor: float, slope: float) -> float:
    total = 0.0
    for row in rows:
        p = min(max(confidence(row.margin, anchor, slope), 1e-9), 1 - 1e-9)
        total -= math.log(p if row.right else 1 - p)
    return total / max(1, len(rows))


def fit(rows: list[Row]) -> tuple[float, float]:
    """The anchor (-3 to 3) and slope (0.1 to 2), in steps of 0.05, with the least log loss."""
    grid = [(a / 20, s / 20) for a in range(-60, 61) for s in range(2, 41)]
    return min(grid, key=lambda pair: log_loss(rows, *pair))


def shown(row: Row) -> bool:
    """A lost ligature inside a word in a document that shows the loss plainly, whose
    confidence the core reads with the second curve (`thresholds::SHOWN_LIGATURE_ANCHOR`)."""
    general, _ = _core.LIGATURE_CURVES
    return row.kind == "inside" and abs(row.confidence - confidence(row.margin, *general)) > 1e-9


def reported(row: Row) -> bool:
    """Whether the stage reports the reading: a margin of the least or more, or as sure as a
    reading of that margin (where the document shows lost ligatures)."""
    least = _core.LIGATURE_LEAST_MARGIN
    general, _ = _core.LIGATURE_CURVES
    return row.margin >= least or row.confidence >= confidence(least, *general)


def letter_spaced(row: Row) -> bool:
    """A letter-spaced run's reading: its confidence is set by hand, not read from a margin."""
    set_by_hand = _core.SPACED_CONFIDENCES
    return row.kind == "stray" and any(abs(row.confidence - c) < 1e-9 for c in set_by_hand)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/pipeline-calibrate-words"))
    parser.add_argument("--fit", action="store_true", help="print the anchor and slope that fit")
    args = parser.parse_args(argv)
    every = benches(args.work)
    every_row = {bench.name: list(rows(bench)) for bench in every}
    if args.fit:
        train = [
            row
            for bench in every
            if bench.fitted
            for row in every_row[bench.name]
            if not letter_spaced(row)
        ]
        for curve, rows_of_curve in (
            ("general", [row for row in train if not shown(row)]),
            ("shown lost ligatures", [row for row in train if shown(row)]),
        ):
            anchor, slope = fit(rows_of_curve)
            print(
                f"{curve}: fitted on {len(rows_of_curve)} readings: "
                f"anchor {anchor:.2f}, slope {slope:.2f}"
            )
        print()
    by_bench = {name: [row for row in found if reported(row)] for name, found in every_row.items()}
    families: dict[str, list[Row]] = defaultdict(list)
    for bench in every:
        families[bench.family].extend(by_bench[bench.name])
        scored = [(row.confidence, row.right) for row in by_bench[bench.name]]
        _, ece = reliability(scored)
        right = sum(r for _, r in scored)
        print(f"{bench.name:22} {len(scored):5} restorations, {right:5} right, ECE {ece:.3f}")
    for family, family_rows in families.items():
        table, ece = reliability([(row.confidence, row.right) for row in family_rows])
        print(f"\n{family}: ECE {ece:.3f}\n| confidence | restorations | mean | right |")
        print("|---|---|---|---|")
        print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
