"""Running one pass over a batch's files: in this process, a pool of processes, or on Ray.

A pass is a function of one file (and of what earlier passes merged, bound into
it), so it runs the same anywhere; results come back in the files' order, so the
output is the same whatever runs it.  Local workers are forked, so they share
the loaded lexicon and the pass's bound arguments with the parent instead of
receiving copies; on Ray the pass is put in the object store once and the files
go out in chunks.  A pass whose results are only added up (`fold`: the word
counts) adds them up where they are made, chunk by chunk, and sends the parent
the sums.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial, reduce
from typing import Any, Protocol, TypeVar, cast

from pipeline.files.sources import Source

Item = TypeVar("Item")
Result = TypeVar("Result")
Task = Callable[[Source], Result]  # one file's work in a pass: `Task[Written]`
Done = Callable[[Source], None]  # told of each file as its result comes back

# The function a forked worker runs: set in the parent just before the pool forks.
_TASK: list[Callable[[Any], object]] = []


def _run_task(item: object) -> object:
    return _TASK[-1](item)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies (Linux)


def die_with_parent(parent: int) -> None:
    """Run in each worker as it starts: when the parent is killed (kill -9 leaves it no
    time to stop its pool) the kernel kills the worker too, so none lives on holding the
    output folder's lock.  A no-op where prctl(2) is not there.

    The death signal goes with the thread that forked: the pool forks from the thread
    that submits, the main one.  A `parent` that died before the call is caught by the
    check of the parent's id after it.
    """
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def fork_map(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    done: Callable[[Item], None] = lambda item: None,
) -> Iterator[Result]:
    """`task` over every item, in order, in `jobs` forked processes (one: this process).

    Results are yielded as they come, so a caller that folds them (merging
    word counts) holds one at a time.  The task is not pickled: the workers
    inherit it, and whatever it holds, by forking.  `done` is told of each
    item as its result arrives (for progress).
    """
    if jobs <= 1 or len(items) < 2:
        yield from (_reported(task(item), item, done) for item in items)
        return
    # Imported only for a pool: a one-process run (a pre-commit check) starts sooner.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            yield _reported(task(item), item, done)
        return
    workers = min(jobs, len(items))
    chunk = max(1, min(64, len(items) // (workers * 8)))
    _TASK.append(task)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            results = pool.map(_run_task, items, chunksize=chunk)
            for result, item in zip(results, items, strict=True):
                yield _reported(cast(Result, result), item, done)
    finally:
        _TASK.pop()


# How many chunks a folded pass gives each local worker: a few, so that one that gets the
# longer files does not keep the other waiting, and the parent adds up a few sums, not a
# result per file (the word counts of 6,589 files took the parent of `-j 2` 0.86 s to
# merge; 13 sums of 512 files, 0.23 s).
FOLDS_PER_WORKER = 4


def fork_fold(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    combine: Callable[[Result, Result], Result],
    jobs: int = 1,
    done: Callable[[Item], None] = lambda item: None,
) -> Iterator[Result]:
    """`task` over every item, each chunk of neighbouring items' results combined in the
    worker that made them (`combine(a, b)`, which may add `b` into `a` and return it),
    the chunks' sums in order.  In one process, each item's result as it comes: the
    caller adds them up as it goes."""
    if jobs <= 1 or len(items) < 2:
        yield from fork_map(task, items, jobs, done)
        return
    size = -(-len(items) // (min(jobs, len(items)) * FOLDS_PER_WORKER))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]

    def chunk_done(chunk: Sequence[Item]) -> None:
        for item in chunk:
            done(item)

    yield from fork_map(partial(_folded, task, combine), chunks, jobs, chunk_done)


def _folded(
    task: Callable[[Item], Result], combine: Callable[[Result, Result], Result], chunk: list[Item]
) -> Result:
    return reduce(combine, map(task, chunk))


def _reported(result: Result, item: Item, done: Callable[[Item], None]) -> Result:
    done(item)
    return result


class Executor(Protocol):
    """Runs a pass over a batch's files and gives the results back in order."""

    def map(self, task: Task[Result], sources: Sequence[Source], done: Done) -> Iterator[Result]:
        """`task` of each of `sources`, in order, calling `done` as each comes back."""

    def fold(
        self,
        task: Task[Result],
        sources: Sequence[Source],
        done: Done,
        combine: Callable[[Result, Result], Result],
    ) -> Iterator[Result]:
        """`task` of each of `sources`, the results of neighbouring sources combined where
        they were made (`combine`): partial sums, in order, for the caller to add up."""

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Local:
    """This machine: `jobs` forked processes (one: this process)."""

    jobs: int = 1

    def map(self, task: Task[Result], sources: Sequence[Source], done: Done) -> Iterator[Result]:
        return fork_map(task, sources, self.jobs, done)

    def fold(
        self,
        task: Task[Result],
        sources: Sequence[Source],
        done: Done,
        combine: Callable[[Result, Result], Result],
    ) -> Iterator[Result]:
        return fork_fold(task, sources, combine, self.jobs, done)

    def close(self) -> None:
        pass


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached."""


def _apply_to_chunk(task: Callable[[Source], object], chunk: list[Source]) -> list[object]:
    return [task(source) for source in chunk]


AUTH_HINT = (
    " (a cluster with token authentication, the default of `ray start` since Ray 2.59, "
    "needs RAY_AUTH_MODE=token here too, and its token: RAY_AUTH_TOKEN or ~/.ray/auth_token)"
)
CONNECT_SECONDS = 10.0  # how long a cluster's head may take to accept a connection


def _reachable(address: str) -> None:
    """Refuse at once an address nothing answers at: Ray itself retries for minutes.

    `HOST:PORT` (the head's GCS) or `ray://HOST:PORT` (the Ray Client server).
    """
    import socket

    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise RayUnavailable(f"--address {address!r}: give HOST:PORT, ray://HOST:PORT or auto")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        reason = error.strerror or str(error) or "no answer"
        raise RayUnavailable(
            f"cannot reach Ray at {address}: {reason} (within {CONNECT_SECONDS:.0f} s)"
        ) from error


@dataclass(slots=True)
class Ray:
    """A Ray cluster at `address`, or a local Ray instance started for this run.

    Needs the `ray` extra (`pip install -e '.[ray]'`) and, on a cluster, this
    package installed on every node (or shipped with a runtime environment).
    """

    address: str | None = None
    chunk_size: int = 16
    _started: bool = False

    def _ray(self) -> Any:
        import logging

        try:
            import ray
        except ImportError as error:
            raise RayUnavailable("--executor ray needs Ray: pip install 'pipeline[ray]'") from error
        if not ray.is_initialized():
            if self.address not in (None, "auto", "local"):
                _reachable(self.address)
            try:
                ray.init(
                    address=self.address,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
            except (ConnectionError, RuntimeError, ValueError) as error:
                raise RayUnavailable(f"cannot start or reach Ray: {error}{AUTH_HINT}") from error
            self._started = True
        return ray

    def map(self, task: Task[Result], sources: Sequence[Source], done: Done) -> Iterator[Result]:
        ray = self._ray()
        apply = ray.remote(_apply_to_chunk)
        shared = ray.put(task)
        chunks = self._chunks(sources)
        pending = [apply.remote(shared, chunk) for chunk in chunks]
        for reference, chunk in zip(pending, chunks, strict=True):
            for source, result in zip(chunk, ray.get(reference), strict=True):
                done(source)
                yield cast(Result, result)

    def fold(
        self,
        task: Task[Result],
        sources: Sequence[Source],
        done: Done,
        combine: Callable[[Result, Result], Result],
    ) -> Iterator[Result]:
        ray = self._ray()
        fold = ray.remote(_folded)
        shared, shared_combine = ray.put(task), ray.put(combine)
        chunks = self._chunks(sources)
        pending = [fold.remote(shared, shared_combine, chunk) for chunk in chunks]
        for reference, chunk in zip(pending, chunks, strict=True):
            result = ray.get(reference)
            for source in chunk:
                done(source)
            yield cast(Result, result)

    def _chunks(self, sources: Sequence[Source]) -> list[list[Source]]:
        return [
            list(sources[i : i + self.chunk_size]) for i in range(0, len(sources), self.chunk_size)
        ]

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False
