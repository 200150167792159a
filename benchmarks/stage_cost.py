"""What one stage costs a run: `pipeline run -j1` with it and with it switched off, same text.

    python benchmarks/stage_cost.py words
    python benchmarks/stage_cost.py joins --sample /tmp/pipeline-speed/sample --repeats 5

The two runs alternate (the machine is shared: a ratio in the same stretch of time, not
two absolute times), each a fresh process over the same folder, median of `--repeats`.
Each run's CPU time (user and system, of the process) is compared too: on a machine other
work shares, wall time moves by a tenth from run to run, where CPU time moves far less.
The sample is the one `benchmarks/speed.py` builds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(sample: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline", "run", str(sample), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*command, "-j1", "-q", "--force", *extra], check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage")
    parser.add_argument("--sample", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not args.sample.is_dir():
        sys.exit(f"{args.sample}: no such folder; `python benchmarks/speed.py` builds it")
    times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        for _ in range(args.repeats):
            times["with"].append(timed(args.sample, out, []))
            times["without"].append(timed(args.sample, out, ["--disable", args.stage]))
    for kind, at in (("wall", 0), ("CPU", 1)):
        with_it = statistics.median(t[at] for t in times["with"])
        without = statistics.median(t[at] for t in times["without"])
        print(
            f"pipeline run -j1 over {args.sample}, {kind} time: with {args.stage} "
            f"{with_it:.2f} s, without {without:.2f} s: {100 * (with_it / without - 1):+.1f}% "
            f"(median of {args.repeats}, interleaved)"
        )


if __name__ == "__main__":
    main()
