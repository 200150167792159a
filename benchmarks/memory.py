"""Anonymous memory: what cleaning one large file holds, read where the code decides it.

    python benchmarks/memory.py                     # the 21 MB file speed.py builds
    python benchmarks/memory.py --file F --every 20

`speed.py`'s peak RSS counts about 30 MB of mapped file pages (the word table, the
libraries), which the kernel keeps resident or not as a shared machine's memory goes: the
same build read 146 MB and 164 MB an hour apart.  The anonymous part (`RssAnon` in
/proc/self/status, Linux) is what the code allocates, and it reads the same run after run.
This counts the file's words as the batch does, then cleans it piece by piece as `pipeline
run` does (`chunks.clean_in_pieces`), and prints the anonymous memory after the count,
every `--every` pieces, its peak and its end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pipeline.batch.chunks import clean_in_pieces  # noqa: E402
from pipeline.cleaning import batch_vocabulary  # noqa: E402
from pipeline.config import Config  # noqa: E402

SINGLE = Path("/tmp/pipeline-speed/single/all.txt")  # built by benchmarks/speed.py


def anonymous_mb(status: str) -> int:
    """The resident anonymous memory (MB) a /proc/<pid>/status text gives."""
    for line in status.splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) // 1024
    raise ValueError("no RssAnon line (not Linux?)")


def now() -> int:
    return anonymous_mb(Path("/proc/self/status").read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--file", type=Path, default=SINGLE)
    parser.add_argument("--every", type=int, default=40, help="pieces between readings")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        raise SystemExit(f"{args.file}: no such file (run benchmarks/speed.py to build it)")
    text = args.file.read_text(encoding="utf-8")
    vocabulary = batch_vocabulary([text])
    print(f"{args.file}: {len(text) / 1e6:.1f}M characters")
    print(f"after counting: {now()} MB anonymous")
    peak = 0
    for count, _ in enumerate(clean_in_pieces(text, Config(), vocabulary, args.file.name), 1):
        peak = max(peak, now())
        if count % args.every == 0:
            print(f"after {count} pieces: {now()} MB")
    print(f"cleaning: peak {peak} MB, end {now()} MB anonymous")
    return 0


if __name__ == "__main__":
    sys.exit(main())
