"""What one stage costs: `pipeline run -j1` with it and with it switched off, same text.

    python benchmarks/stage_cost.py words
    python benchmarks/stage_cost.py joins --sample /tmp/pipeline-speed/sample --repeats 5
    python benchmarks/stage_cost.py words --library --repeats 9

The two runs alternate (the machine is shared: a ratio in the same stretch of time, not
two absolute times), each a fresh process over the same folder, median of `--repeats`.
With `--library`, the library path instead (`batch_vocabulary` and `clean()` of each file,
in this process, as `benchmarks/speed.py` times it): each round times both, in turn first,
and the cost is the median of the rounds' ratios.  A run's start-up and reports move a
whole run's time by a tenth from one run to the next on a shared machine, more than a
stage costs; the library's rounds move far less.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import batch_vocabulary, clean  # noqa: E402
from pipeline.config import Config  # noqa: E402


def timed(sample: Path, out: Path, extra: list[str]) -> float:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline", "run", str(sample), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run([*command, "-j1", "-q", "--force", *extra], check=False)
    return time.perf_counter() - started


def library_seconds(texts: list[str], config: Config) -> float:
    started = time.perf_counter()
    vocabulary = batch_vocabulary(texts)
    for text in texts:
        clean(text, config, vocabulary=vocabulary)
    return time.perf_counter() - started


def library_cost(sample: Path, stage: str, repeats: int) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(sample.glob("*.txt"))]
    with_it, without = Config(), Config().with_stages_disabled((stage,))
    library_seconds(texts[:5], with_it)  # imports and word tables loaded first
    ratios = []
    for round_ in range(repeats):
        order = [("with", with_it), ("without", without)]
        seconds = {
            name: library_seconds(texts, config) for name, config in order[:: 1 - 2 * (round_ % 2)]
        }
        ratios.append(seconds["with"] / seconds["without"])
    print(
        f"batch_vocabulary + clean() over {sample}: with {stage} "
        f"{100 * (statistics.median(ratios) - 1):+.1f}% (median of {repeats} rounds, "
        f"{100 * (min(ratios) - 1):+.1f}% to {100 * (max(ratios) - 1):+.1f}%)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage")
    parser.add_argument("--sample", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--library", action="store_true", help="the library path, in process")
    args = parser.parse_args()
    if not args.sample.is_dir():
        sys.exit(f"{args.sample}: no such folder; `python benchmarks/speed.py` builds it")
    if args.library:
        library_cost(args.sample, args.stage, args.repeats)
        return
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
