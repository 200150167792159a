"""Instructions, not seconds: the library path counted by valgrind, with and without a stage.

    python benchmarks/instructions.py                      # all of the speed sample
    python benchmarks/instructions.py --files 100 --package /tmp/copy

Wall time on a shared machine moves by a fifth from one run to the next, more than most
changes to the code; the instructions a run executes do not move at all.  This runs the
library path (`batch_vocabulary` and `clean()` of each file of the sample `benchmarks/
speed.py` builds) under `valgrind --tool=callgrind`, once with every stage and once without
`--stage` (default: words), each in a fresh process with the hash seed fixed, and prints both
counts and what the stage adds.  Instructions are not time: a stage whose lookups miss the
caches costs more seconds than its share says (docs/performance.md), so a speed bar is still
read off `benchmarks/speed.py` and `benchmarks/stage_cost.py`.

Copy a build to compare it (`--package DIR`, a folder holding `pipeline`): compile its
bytecode first (`python -m compileall DIR/pipeline`), or every process compiles the modules
again and counts it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path("/tmp/pipeline-speed/sample")

# What each counted process runs: the package first on the path, the files read, one text
# cleaned before the batch (the lexicon opened, the patterns compiled), then the batch.
PROGRAM = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from pipeline.cleaning import batch_vocabulary, clean
from pipeline.config import Config
files = sorted(Path(sys.argv[2]).glob("*.txt"))[: int(sys.argv[3])]
texts = [path.read_text(encoding="utf-8") for path in files]
config = Config().with_stages_disabled(tuple(sys.argv[4:]))
clean(texts[0], config)
vocabulary = batch_vocabulary(texts)
for text in texts:
    clean(text, config, vocabulary=vocabulary)
"""


def counted(package: Path, sample: Path, files: int, disabled: list[str]) -> int:
    """The instructions one process of `PROGRAM` executes (callgrind's `I refs`)."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        command += [sys.executable, "-c", PROGRAM, str(package), str(sample), str(files)]
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [*command, *disabled], capture_output=True, text=True, env=environment, check=True
        )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stage", default="words", help="the stage to count without")
    parser.add_argument("--files", type=int, default=10_000, help="the first N files")
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--package", type=Path, default=ROOT, help="a folder holding pipeline")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    if not args.sample.is_dir():
        raise SystemExit(f"no sample at {args.sample}: run benchmarks/speed.py once first")
    files = min(args.files, len(list(args.sample.glob("*.txt"))))
    whole = counted(args.package, args.sample, files, [])
    without = counted(args.package, args.sample, files, [args.stage])
    print(f"library path over {files} files of {args.sample}, {args.package}:")
    print(f"  every stage        {whole:>15,}")
    print(f"  without {args.stage:<10} {without:>15,}")
    print(f"  {args.stage} adds {whole - without:,} ({(whole - without) / without:+.1%})")


if __name__ == "__main__":
    main()
