"""Idempotence over the quality benches: clean each bench's output again, as a batch, and count
the texts that change.

    python benchmarks/quality.py --keep /tmp/pipeline-kept     # every bench's cleaned texts
    python benchmarks/idempotence.py /tmp/pipeline-kept

Each bench's cleaned texts are read as the batch they are (`batch_vocabulary` of the
outputs, as `pipeline run` over an output folder reads it) and cleaned again.  A text that
changes is listed with each fix the second cleaning makes, in context.  Cleaning a text's
output with the first cleaning's own counts changes nothing (the property tests and the
fuzzer hold that); with the output's counts, a glue that recurs and was split in some places
only can read otherwise (docs/quality.md, Known limitations).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import batch_vocabulary, clean  # noqa: E402
from pipeline.edits import Kind  # noqa: E402

SHOWN = 30  # characters either side of a fix


def changes(texts: list[str]) -> list[tuple[int, list[str]]]:
    """The texts a second cleaning changes, as a batch: each one's index and its fixes."""
    vocabulary = batch_vocabulary(texts)
    changed = []
    for index, text in enumerate(texts):
        again = clean(text, vocabulary=vocabulary)
        if again.text != text:
            fixes = [
                f"{e.rule.code} {text[max(0, e.offset - SHOWN) : e.offset + SHOWN]!r}: "
                f"{e.before!r} -> {e.after!r} ({e.confidence})"
                for e in again.edits
                if e.kind is Kind.FIX
            ]
            changed.append((index, fixes))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kept", type=Path, help="a folder `benchmarks/quality.py --keep` wrote")
    args = parser.parse_args(argv)
    total = changed = 0
    for bench in sorted(path for path in args.kept.iterdir() if path.is_dir()):
        paths = sorted(bench.glob("*.txt"))
        found = changes([path.read_text(encoding="utf-8") for path in paths])
        for index, fixes in found:
            for fix in fixes:
                print(f"  {bench.name}/{paths[index].name}: {fix}")
        print(f"{bench.name:18} {len(paths)} texts, {len(found)} changed", flush=True)
        total, changed = total + len(paths), changed + len(found)
    print(f"all benches: {total} texts, {changed} changed by a second cleaning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
