"""Adversarial inputs: time and peak memory of `clean()` and of a whole `pipeline run` on each.

    python benchmarks/adversarial.py            # every input, a table of seconds and MB

The same inputs run under a time limit in tests/test_adversarial.py; this script
prints the figures (peak RSS of a `pipeline run` subprocess, from getrusage).
"""

from __future__ import annotations

import argparse
import random
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.cleaning import clean

WORDS = ["the", "other", "is", "a", "prediction", "that", "we", "discuss"]
LETTER_SPACED = [" ".join(word) for word in WORDS]


def _spaced_words(count: int) -> str:
    rng = random.Random(0)
    return " ".join(rng.choice(LETTER_SPACED) for _ in range(count))


def _random(alphabet: list[str], count: int) -> str:
    rng = random.Random(0)
    return "".join(rng.choice(alphabet) for _ in range(count))


INPUTS: dict[str, Callable[[], str]] = {
    "a million letters, no space": lambda: _random(list(string.ascii_letters), 1_000_000),
    "a million punctuation marks": lambda: _random(list(".,;:!?"), 1_000_000),
    "punctuation between letters": lambda: _random(["a.", "b,", "c;", "Ab.", "x:"], 200_000),
    "100,000 nested quotes": lambda: "\u00ab" * 100_000 + "x" + "\u00bb" * 100_000,
    "64 KB line, one mojibake": lambda: "word " * 13_000 + "It\u00e2\u20ac\u2122s",
    "dense mojibake": lambda: "It\u00e2\u20ac\u2122s caf\u00c3\u00a9 " * 4_000,
    "mixed quotes": lambda: _random(['"', "'", "a", " ", "\u201c", "\u2019"], 300_000),
    "50,000 quoted literals on a line": lambda: '" a" ' * 50_000,
    "100,000 dotted settings with wildcards": lambda: "ab.*.c-. x.*.y " * 50_000,
    "case changes, no space": lambda: _random(["Ab", "CD", "e", "Fg"], 300_000),
    # a page of words spaced letter by letter: each of the words stage's rounds compared
    # every edit with every one before it, and its reading of them tried every part (minutes)
    "letter-spaced words": lambda: _spaced_words(3_000),
    # a colon spaced off its word every few characters of one line: whether the text before
    # each on its line was one word (a label's colon) was read from the line's start (6 s)
    "spaced colons on one line": lambda: "word : " * 60_000,
    # single letters spaced, reading as no words: each letter started up to 64 readings,
    # each segmented whole, with no word of three letters in any (0.3 ms a letter: 5 s)
    "letters spaced, no word among them": lambda: "a b c d e f g h " * 1_000,
    "random letters spaced": lambda: " ".join(_random(list(string.ascii_lowercase), 16_000)),
}


# Runs `pipeline run` in a child that reports its own peak RSS (kB) when done: VmHWM,
# as getrusage's figure survives exec and would carry the parent's peak.
CHILD = (
    "import sys\n"
    "from pipeline.cli import main\n"
    "main(['run', sys.argv[1], '--out', sys.argv[2], '-q'])\n"
    "status = open('/proc/self/status').read()\n"
    "print(next(l.split()[1] for l in status.splitlines() if l.startswith('VmHWM')))\n"
)


def _run_peak(text: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `pipeline run` over one file holding `text`."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        source.mkdir()
        (source / "x.txt").write_text(text + "\n", encoding="utf-8")
        start = time.perf_counter()
        finished = subprocess.run(
            [sys.executable, "-c", CHILD, str(source), str(Path(folder) / "out")],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - start
    return seconds, int(finished.stdout.split()[-1]) / 1024


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    print("| input | characters | clean() s | edits | pipeline run s | its peak RSS, MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, make in INPUTS.items():
        text = make()
        start = time.perf_counter()
        edits = len(clean(text).edits)
        seconds = time.perf_counter() - start
        run_seconds, peak = _run_peak(text)
        figures = f"{seconds:.2f} | {edits:,} | {run_seconds:.1f} | {peak:.0f}"
        print(f"| {name} | {len(text):,} | {figures} |")


if __name__ == "__main__":
    main()
