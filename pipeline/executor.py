"""Running one pass over a batch's files: in this process, or in a pool of processes.

A pass is a function of one file (and of what earlier passes merged, bound into
it), so it runs the same in one process or many; results come back in the
files' order, so the output is the same whatever the number of processes.
Workers are forked, so they share the loaded lexicon and the pass's bound
arguments with the parent instead of receiving copies.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar, cast

from pipeline.sources import Source

Result = TypeVar("Result")

# The pass a forked worker runs: set in the parent just before the pool forks.
_PASS: list[Callable[[Source], object]] = []


def _run_pass(source: Source) -> object:
    return _PASS[-1](source)


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_files(
    task: Callable[[Source], Result],
    sources: Sequence[Source],
    jobs: int = 1,
    done: Callable[[Source], None] = lambda source: None,
) -> list[Result]:
    """`task` over every source, in order, in `jobs` processes (one: this process).

    `done` is told of each source as its result arrives (for progress).
    """
    if jobs <= 1 or len(sources) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_reported(task(source), source, done) for source in sources]
    workers = min(jobs, len(sources))
    chunk = max(1, len(sources) // (workers * 8))
    _PASS.append(task)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = pool.map(_run_pass, sources, chunksize=chunk)
            return [
                _reported(cast(Result, result), source, done)
                for result, source in zip(results, sources, strict=True)
            ]
    finally:
        _PASS.pop()


def _reported(result: Result, source: Source, done: Callable[[Source], None]) -> Result:
    done(source)
    return result
