"""Threads or processes: what `--jobs` should run the cleaning in.

    python benchmarks/threads.py                 # the speed bench's sample, 2 workers
    python benchmarks/threads.py --jobs 2 --repeats 5

The core releases the GIL while it works, so threads could share one lexicon
instead of each process mapping its own.  This times `clean()` of every text of
`--source` (by default the sample `benchmarks/speed.py` builds; build it with that
script first) against the batch's vocabulary in one thread, in `--jobs` threads
and in `--jobs` forked processes, the three in turn in each round, and prints each
one's speed against one thread (median over the rounds, least and greatest), and
whether all three gave the same texts and edits.  A thread pays only for the time
the core holds no GIL: the Python around each call (the stage loop, the edits'
bookkeeping) runs one thread at a time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pipeline.cleaning import Cleaned, batch_vocabulary, clean  # noqa: E402
from pipeline.vocabulary import Vocabulary  # noqa: E402

_HELD: list[Vocabulary] = []  # the batch's vocabulary, inherited by forked workers


def _cleaned(text: str) -> Cleaned:
    return clean(text, vocabulary=_HELD[-1])


def one_thread(texts: list[str], jobs: int) -> list[Cleaned]:
    return [_cleaned(text) for text in texts]


def threads(texts: list[str], jobs: int) -> list[Cleaned]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_cleaned, texts))


def processes(texts: list[str], jobs: int) -> list[Cleaned]:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_cleaned, texts, chunksize=max(1, len(texts) // (jobs * 8))))


WAYS: dict[str, Callable[[list[str], int], list[Cleaned]]] = {
    "one thread": one_thread,
    "threads": threads,
    "forked processes": processes,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, default=Path("/tmp/pipeline-speed/sample"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(args.source.rglob("*.txt"))
    if not paths:
        parser.error(f"no .txt files under {args.source}: run benchmarks/speed.py first")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    _HELD.append(batch_vocabulary(texts))
    one_thread(texts[:5], 1)  # the word tables mapped before the first round
    rounds: list[dict[str, float]] = []
    outputs: dict[str, list[Cleaned]] = {}
    for _ in range(args.repeats):
        seconds = {}
        for name, way in WAYS.items():
            started = time.perf_counter()
            outputs[name] = way(texts, args.jobs)
            seconds[name] = time.perf_counter() - started
        rounds.append(seconds)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {args.jobs} workers, {args.repeats} rounds\n")
    print("| way | seconds (median) | x one thread (median, least-most) |")
    print("|---|---|---|")
    for name in WAYS:
        ratios = [r["one thread"] / r[name] for r in rounds]
        median = statistics.median(r[name] for r in rounds)
        spread = f"{min(ratios):.2f}-{max(ratios):.2f}"
        print(f"| {name} | {median:.2f} | {statistics.median(ratios):.2f} ({spread}) |")
    same = all(outputs[name] == outputs["one thread"] for name in WAYS)
    print(f"\nsame texts and edits every way: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
