"""Report share: how much of a `pipeline run` goes into its reports rather than its cleaning.

    python benchmarks/report_share.py                      # the speed bench's sample
    python benchmarks/report_share.py --source DIR --repeats 3

Runs `pipeline run -j1 --force` in this process over `--source` (by default
the sample `benchmarks/speed.py` times; build it with that script first) and
times, with a clock around each call, what writes the reports: each file's
part of every report (`FileReport.add`, `FileReport.finish`), noting where each
part lies (`Bodies.add`) and copying the parts into the reports (`Bodies.assemble`).
The share is their time over the whole run's; the median of `--repeats` runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pipeline.cli import main as pipeline_main  # noqa: E402
from pipeline.report import assembly, stream  # noqa: E402

TIMED = (
    (stream.FileReport, "add"),
    (stream.FileReport, "finish"),
    (assembly.Bodies, "add"),
    (assembly.Bodies, "assemble"),
)


def clocked(method: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    return timed


def one_run(source: Path) -> tuple[float, float]:
    """Seconds of the whole run and of its reports."""
    spent = [0.0]
    originals = [(owner, name, getattr(owner, name)) for owner, name in TIMED]
    for owner, name, method in originals:
        setattr(owner, name, clocked(method, spent))
    try:
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            code = pipeline_main(["run", str(source), "--out", out, "-j", "1", "-q", "--force"])
            whole = time.perf_counter() - started
    finally:
        for owner, name, method in originals:
            setattr(owner, name, method)
    if code not in (0, 1):
        raise SystemExit(f"pipeline run exited {code}")
    return whole, spent[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        parser.error(f"{args.source}: no such folder (python benchmarks/speed.py builds it)")
    runs = [one_run(args.source) for _ in range(args.repeats)]
    shares = [reports / whole for whole, reports in runs]
    whole = statistics.median(w for w, _ in runs)
    reports = statistics.median(r for _, r in runs)
    print(f"{args.source}: median of {args.repeats} runs, -j1\n")
    print("| run s | reports s | report share |")
    print("|---|---|---|")
    print(f"| {whole:.2f} | {reports:.2f} | {statistics.median(shares):.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
