"""Speed and memory: the whole pipeline beside ftfy, wordninja and wordsegment, same text, same run.

    python benchmarks/speed.py                 # builds the text under /tmp/pipeline-speed
    python benchmarks/speed.py --megabytes 20 --repeats 3 --sample 2

Text: ../shared/bench/dev-corpus damaged by textbench.py (line-wrap damage,
one seed per copy, so the copies differ), copied until the batch holds at
least `--megabytes` MB.  Throughput (MB/s, median of `--repeats`) is measured
on the first `--sample` MB of files, the same files for every system, in rounds: each round
times every system once, one after the other, and a system's speed against ftfy is the median
over the rounds of its ratio within a round (with the least and greatest):

- `pipeline run -j1`: the command line, end to end (start-up, both passes,
  every report), in a fresh process;
- `pipeline library`: the batch vocabulary and `clean()` of each text, in
  this process (what a Ray or Spark job calls);
- `ftfy.fix_text` alone on each text;
- wordninja and wordsegment splitting each token their lexicon lacks;
- the command line and the library again without the words stage (`--disable words`): what
  the words stage costs, as the median over the rounds of the ratio within a round.

Peak RSS (max resident set of the process) of `pipeline run -j1` over the
whole batch and over the same text as one file, and wall time with -j1 and
-j2 over the whole batch, outputs compared.  With `--batch-rounds N` the two
batch runs alternate N times, and -j2's speed-up is the median over the rounds
of the ratio within a round (one run of each moved it from 1.5x to 2.0x on this
shared machine: a 30 s run that meets a busy minute).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.joins_bench import peers  # noqa: E402
from pipeline.cleaning import batch_vocabulary, clean  # noqa: E402
from pipeline.config import Config  # noqa: E402

SHARED = HERE.parents[1] / "shared" / "bench"
Cleaner = Callable[[list[str]], object]
CLI = "pipeline run -j1 (command line, end to end)"
CLI_NO_WORDS = "pipeline run -j1, without the words stage"
LIBRARY = "pipeline library (vocabulary + clean)"
LIBRARY_NO_WORDS = "pipeline library, without the words stage"
FTFY = "ftfy.fix_text alone"
WITHOUT_WORDS = Config().with_stages_disabled(("words",))


def build(folder: Path, megabytes: float) -> tuple[Path, Path]:
    """Damaged copies of the dev corpus in `folder/batch` (one seed each) and all as one file."""
    batch = folder / "batch"
    if not batch.is_dir():
        seed, size = 1, 0
        while size < megabytes * 1e6:
            bench = folder / f"seed{seed}"
            make = [sys.executable, str(SHARED / "textbench.py"), "make"]
            make += [str(SHARED / "dev-corpus")]
            subprocess.run(
                [*make, str(bench), "--seed", str(seed), "--width", "70", "90"],
                check=True,
                capture_output=True,
            )
            shutil.copytree(bench / "input", batch / f"seed{seed}")
            shutil.rmtree(bench)
            size += sum(p.stat().st_size for p in (batch / f"seed{seed}").iterdir())
            seed += 1
    single = folder / "single"
    if not single.is_dir():
        single.mkdir()
        with open(single / "all.txt", "w", encoding="utf-8") as out:
            for path in sorted(batch.rglob("*.txt")):
                out.write(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n")
    return batch, single


def megabytes_of(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def run_cli(source: Path, out: Path, jobs: int, extra: tuple[str, ...] = ()) -> tuple[float, float]:
    """Seconds and peak RSS (MB; with -j2, of the largest process) of `pipeline run`."""
    started = time.perf_counter()
    command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "pipeline", "run", str(source)]
    done = subprocess.run(
        [*command, "--out", str(out), "-j", str(jobs), "-q", "--force", *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def library(texts: list[str]) -> object:
    vocabulary = batch_vocabulary(texts)
    return [clean(text, vocabulary=vocabulary).text for text in texts]


def library_without_words(texts: list[str]) -> object:
    vocabulary = batch_vocabulary(texts)
    return [clean(text, WITHOUT_WORDS, vocabulary=vocabulary).text for text in texts]


def ftfy_alone(texts: list[str]) -> object:
    import ftfy

    return [ftfy.fix_text(text) for text in texts]


def seconds_of(cleaner: Cleaner, texts: list[str]) -> float:
    started = time.perf_counter()
    cleaner(texts)
    return time.perf_counter() - started


def paired(rounds: list[dict[str, float]], name: str, peer: str) -> tuple[float, float, float]:
    """The median, least and greatest over the rounds of how fast `name` ran against `peer`
    in the same round: a round times every system one after the other, so a machine that
    slows down for a while slows both sides of a ratio (the ratios of medians taken one
    system after another moved by a third between runs on this shared machine)."""
    ratios = [round_[peer] / round_[name] for round_ in rounds]
    return statistics.median(ratios), min(ratios), max(ratios)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folder", type=Path, default=Path("/tmp/pipeline-speed"))
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--sample", type=float, default=2.0, help="MB timed against the peers")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--batch-rounds", type=int, default=1, help="alternated -j1/-j2 runs over the batch"
    )
    args = parser.parse_args(argv)
    batch, single = build(args.folder, args.megabytes)
    files = sorted(batch.rglob("*.txt"))
    sample_files: list[Path] = []
    for path in files:
        if megabytes_of(sample_files) >= args.sample:
            break
        sample_files.append(path)
    sample = args.folder / "sample"
    if sample.exists():
        shutil.rmtree(sample)
    sample.mkdir()
    for path in sample_files:
        shutil.copy(path, sample / f"{path.parent.name}-{path.name}")
    texts = [p.read_text(encoding="utf-8") for p in sample_files]
    sample_mb = megabytes_of(sample_files)
    print(
        f"batch: {len(files)} files, {megabytes_of(files):.1f} MB; timed sample: "
        f"{len(sample_files)} files, {sample_mb:.2f} MB; median of {args.repeats}\n"
    )

    systems: dict[str, Cleaner] = {
        LIBRARY: library,
        LIBRARY_NO_WORDS: library_without_words,
        FTFY: ftfy_alone,
    }
    if not args.no_peers:
        found = peers()
        for name in ("wordninja, unknown tokens only", "wordsegment, unknown tokens only"):
            if name in found:
                systems[name] = found[name]
    for cleaner in systems.values():
        cleaner(texts[:5])  # imports and word tables loaded before the first round
    rounds: list[dict[str, float]] = []
    for _ in range(args.repeats):
        round_ = {CLI: run_cli(sample, args.folder / "out-sample", 1)[0]}
        no_words = ("--disable", "words")
        round_[CLI_NO_WORDS] = run_cli(sample, args.folder / "out-sample", 1, no_words)[0]
        round_ |= {name: seconds_of(cleaner, texts) for name, cleaner in systems.items()}
        rounds.append(round_)
    print("| system | MB/s (median) | x ftfy.fix_text (median of rounds) | least-most |")
    print("|---|---|---|---|")
    for name in rounds[0]:
        speed = sample_mb / statistics.median(round_[name] for round_ in rounds)
        ratio, least, most = paired(rounds, name, FTFY)
        print(f"| {name} | {speed:.3f} | {ratio:.3f} | {least:.3f}-{most:.3f} |")
    for whole, without in ((CLI, CLI_NO_WORDS), (LIBRARY, LIBRARY_NO_WORDS)):
        ratio, least, most = paired(rounds, without, whole)
        print(
            f"\nthe words stage's cost, {whole}: {ratio - 1:+.1%} "
            f"(median of rounds; {least - 1:+.1%} to {most - 1:+.1%})",
            end="",
        )
    print()

    print("\nwhole batch and one file, `pipeline run`:\n")
    print("| run | MB | seconds | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|")
    batch_mb, single_mb = megabytes_of(files), megabytes_of([single / "all.txt"])
    jobs: list[dict[str, tuple[float, float]]] = []
    for _ in range(args.batch_rounds):  # -j1 then -j2, round after round
        one = run_cli(batch, args.folder / "out-j1", 1)
        jobs.append({"-j1": one, "-j2": run_cli(batch, args.folder / "out-j2", 2)})
    same = _same_tree(args.folder / "out-j1", args.folder / "out-j2")
    for jobs_flag in ("-j1", "-j2"):
        median = statistics.median(round_[jobs_flag][0] for round_ in jobs)
        rss = max(round_[jobs_flag][1] for round_ in jobs)
        row = f"{batch_mb:.1f} | {median:.1f} | {batch_mb / median:.3f} | {rss:.0f}"
        print(f"| batch, {jobs_flag} | {row} |")
    alone = run_cli(single, args.folder / "out-single", 1)
    print(
        f"| one file, -j1 | {single_mb:.1f} | {alone[0]:.1f} | {single_mb / alone[0]:.3f} "
        f"| {alone[1]:.0f} |"
    )
    taken = [{name: run[0] for name, run in round_.items()} for round_ in jobs]
    ratio, least, most = paired(taken, "-j2", "-j1")
    print(
        f"\n-j2 / -j1 throughput: {ratio:.2f}x (median of {len(jobs)} alternated rounds; "
        f"{least:.2f}x-{most:.2f}x); outputs identical: {same}"
    )
    return 0


def _same_tree(first: Path, second: Path) -> bool:
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    other = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    return names == other and all(filecmp.cmp(first / n, second / n, shallow=False) for n in names)


if __name__ == "__main__":
    sys.exit(main())
