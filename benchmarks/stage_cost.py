"""What one stage costs a run: `pipeline run -j1` with it and with it switched off, same text.

    python benchmarks/stage_cost.py words
    python benchmarks/stage_cost.py joins --sample /tmp/pipeline-speed/sample --repeats 5

The two runs alternate (the machine is shared: a ratio in the same stretch of time, not
two absolute times), each a fresh process over the same folder, median of `--repeats`.
The sample is the one `benchmarks/speed.py` builds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(sample: Path, out: Path, extra: list[str]) -> float:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline", "run", str(sample), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run([*command, "-j1", "-q", "--force", *extra], check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage")
    parser.add_argument("--sample", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not args.sample.is_dir():
        sys.exit(f"{args.sample}: no such folder; `python benchmarks/speed.py` builds it")
    times: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        for _ in range(args.repeats):
            times["with"].append(timed(args.sample, out, []))
            times["without"].append(timed(args.sample, out, ["--disable", args.stage]))
    with_it, without = statistics.median(times["with"]), statistics.median(times["without"])
    print(
        f"pipeline run -j1 over {args.sample}: with {args.stage} {with_it:.2f} s, without "
        f"{without:.2f} s: {100 * (with_it / without - 1):+.1f}% (median of {args.repeats}, "
        "interleaved)"
    )


if __name__ == "__main__":
    main()
