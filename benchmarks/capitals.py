"""Words glued in capitals: how sure and how right the joins stage's splits of them are.

    python benchmarks/capitals.py              # builds the benches under /tmp/pipeline-capitals

A disclaimer or a heading set in capitals loses its line breaks as any text does
(`ISPROVIDED`, `FITNESSFORA`).  The benches: the dev corpora with every fourth paragraph in
capitals (`in_capitals`; names and acronyms are capitals there as well), damaged by
`../shared/bench/textbench.py` (wrap damage seeds 1-3, sparse damage 0.01 seeds 1-2 and 0.03
seed 1).  For each bench, the candidates the stage weighs in capitals alone (as
`calibrate.py` reads candidates: in the text the earlier stages leave, against the gold):
how many, how many it would apply (apply-at), the share of those right, the share of the
right ones applied, and the expected calibration error of the confidence.  The whole
bench's precision and recall, capitals and all, are `benchmarks/quality.py`'s
`capitals-*` lines.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.calibrate import (  # noqa: E402
    APPLY_AT,
    TEXTBENCH,
    Bench,
    _core_confidence,
    reliability,
    rows,
)

SHARED = HERE.parents[1] / "shared" / "bench"
EVERY = 4  # every fourth paragraph in capitals
DAMAGE = {
    "wrap-1": ("--seed", "1"),
    "wrap-2": ("--seed", "2", "--width", "60", "75"),
    "wrap-3": ("--seed", "3", "--width", "85", "100"),
    "sparse-0.01-1": ("--seed", "1", "--sparse", "0.01"),
    "sparse-0.01-2": ("--seed", "2", "--sparse", "0.01"),
    "sparse-0.03-1": ("--seed", "1", "--sparse", "0.03"),
}


def in_capitals(corpus: Path, out: Path, every: int = EVERY) -> Path:
    """A copy of a clean corpus (`out`, written once) with every `every`-th paragraph, counted
    across the corpus in file order, set in capitals."""
    if out.is_dir():
        return out
    out.mkdir(parents=True)
    count = 0
    for path in sorted(corpus.rglob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        for k, paragraph in enumerate(paragraphs):
            count += 1
            if count % every == 0:
                paragraphs[k] = paragraph.upper()
        copy = out / path.relative_to(corpus)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return out


def bench(work: Path, corpus: str, damage: str) -> Path:
    """The corpus in capitals (`in_capitals`), damaged as `DAMAGE[damage]` says."""
    folder = work / f"{corpus}-{damage}"
    if not (folder / "manifest.json").exists():
        source = in_capitals(SHARED / corpus, work / f"{corpus}-source")
        make = [sys.executable, str(TEXTBENCH), "make", str(source), str(folder)]
        subprocess.run([*make, *DAMAGE[damage]], check=True, stdout=subprocess.DEVNULL)
    return folder


def scored(folder: Path) -> list[tuple[float, bool]]:
    """The confidence of each candidate in capitals the stage weighs in `folder`'s first
    round, and whether the gold has a word boundary there (`calibrate.rows`)."""
    found = rows(Bench(folder.name, folder, 0, "capitals"), sides=_both_in_capitals)
    return [(_core_confidence(row.values), row.right) for row in found]


def _both_in_capitals(left: str, right: str) -> bool:
    return left.isupper() and right.isupper()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/pipeline-capitals"))
    parser.add_argument("--table", action="store_true", help="print each reliability table")
    args = parser.parse_args(argv)
    print("| bench | candidates | applied | right of applied | applied of right | ECE |")
    print("|---|---|---|---|---|---|")
    for corpus in ("dev-corpus", "dev-technical"):
        for damage in DAMAGE:
            found = scored(bench(args.work, corpus, damage))
            applied = [right for p, right in found if p >= APPLY_AT]
            right = sum(r for _, r in found)
            table, ece = reliability(found)
            print(
                f"| {corpus} {damage} | {len(found)} | {len(applied)} | "
                f"{sum(applied) / max(1, len(applied)):.4f} | "
                f"{sum(applied) / max(1, right):.3f} | {ece:.4f} |"
            )
            if args.table:
                print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
