"""Two checkouts' outputs on every bench, compared: what moving code into the core may not change.

    python benchmarks/quality.py --keep /tmp/before        # on the commit before the move
    python benchmarks/quality.py --keep /tmp/after         # on the commit after it
    python benchmarks/parity.py /tmp/before /tmp/after

Every cleaned text must be byte-identical, and every edit the same (rule, place, text,
kind, id) with its confidence within 1e-9.  Prints one line per bench and each
difference (at most 20 per bench); exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TOLERANCE = 1e-9
SHOWN = 20


def _edits_differ(before: list[list[object]], after: list[list[object]]) -> str | None:
    if len(before) != len(after):
        return f"{len(before)} edits before, {len(after)} after"
    for one, two in zip(before, after, strict=True):
        confidence_one, confidence_two = one[6], two[6]
        if one[:6] + one[7:] != two[:6] + two[7:]:
            return f"{one} != {two}"
        assert isinstance(confidence_one, float) and isinstance(confidence_two, float)
        if abs(confidence_one - confidence_two) > TOLERANCE:
            return f"confidence {confidence_one} != {confidence_two}: {one[:5]}"
    return None


def compare(before: Path, after: Path) -> int:
    differences = 0
    for bench in sorted(p.name for p in before.iterdir() if p.is_dir()):
        found = []
        names = sorted(p.name for p in (before / bench).glob("*.txt"))
        if names != sorted(p.name for p in (after / bench).glob("*.txt")):
            found.append("the documents differ")
        for name in names:
            if (before / bench / name).read_bytes() != (after / bench / name).read_bytes():
                found.append(f"{name}: cleaned text differs")
            edits = [
                json.loads((folder / bench / name).with_suffix(".edits.json").read_text())
                for folder in (before, after)
            ]
            differs = _edits_differ(*edits)
            if differs:
                found.append(f"{name}: {differs}")
        print(f"{bench:18} {len(names)} documents, {len(found)} differences", flush=True)
        for line in found[:SHOWN]:
            print(f"    {line}")
        differences += len(found)
    return 1 if differences else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
