"""Two builds of pipeline timed against each other, alternated: what a change to the code saves.

    cp -r pipeline /tmp/before/            # the package as built before the change
    ... change, rebuild (python -m pip install -e .) ...
    python benchmarks/paired.py /tmp/before . --repeats 9

Each folder holds a `pipeline` package with its compiled core.  Each round times the library
path (`batch_vocabulary` and `clean()` of every file of `--sample`, after five to load the
word tables) once for each folder, each in a fresh process, the folders in turn first; with
`--run`, `pipeline run -j1` of the sample too.  On a machine other work shares, a whole
`benchmarks/speed.py` run moves by a fifth from one run to the next; two builds alternated in
one stretch of time see the same machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIBRARY = """
import sys, time
from pathlib import Path
from pipeline.cleaning import batch_vocabulary, clean
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for text in texts[:5]:
    clean(text)
started = time.perf_counter()
vocabulary = batch_vocabulary(texts)
for text in texts:
    clean(text, vocabulary=vocabulary)
print(time.perf_counter() - started)
"""


def library(build: Path, sample: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", LIBRARY, str(sample)],
        cwd=build,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.split()[-1])


def run(build: Path, sample: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "pipeline", "run", str(sample), "--out", out]
        started = time.perf_counter()
        subprocess.run([*command, "-j1", "-q", "--force"], cwd=build, check=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sample", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--run", action="store_true", help="time `pipeline run -j1` too")
    args = parser.parse_args()
    if not args.sample.is_dir():
        sys.exit(f"{args.sample}: no such folder; `python benchmarks/speed.py` builds it")
    builds = [args.before.resolve(), args.after.resolve()]
    measures = {"library": library, **({"pipeline run -j1": run} if args.run else {})}
    for name, measure in measures.items():
        seconds: dict[Path, list[float]] = {build: [] for build in builds}
        for round_ in range(args.repeats):
            for build in builds[:: 1 - 2 * (round_ % 2)]:
                seconds[build].append(measure(build, args.sample))
        before, after = (statistics.median(seconds[build]) for build in builds)
        least = [min(seconds[build]) for build in builds]
        print(
            f"{name}: {before:.3f} s -> {after:.3f} s ({100 * (after / before - 1):+.1f}%, "
            f"median of {args.repeats}; least {least[0]:.3f} -> {least[1]:.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
