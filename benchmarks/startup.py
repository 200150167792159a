"""Start-up: `pipeline check` of one small file beside Python starting and running ftfy on it.

    python benchmarks/startup.py                  # the seed article, 15 rounds
    python benchmarks/startup.py --file F --rounds 31

A pre-commit hook runs `pipeline check` on the files of a commit, so its cost is
mostly the interpreter starting and the package importing.  The peer is
`python -c "import ftfy; ftfy.fix_text(...)"`: the least any Python cleaner
does.  The two commands run in turn, round after round, so a load that comes and
goes falls on both; the figure is the ratio of their medians, of wall time and
of CPU time (user + system, from the kernel's accounting of each child), which
the machine's other work moves less.  Bytecode is written as usual (the first
round, not timed, writes it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds"


def timed(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command`."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode not in (0, 1):  # 1: check found defects, as it may
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = min(SEED.glob("*.txt"), default=None)
    parser.add_argument("--file", type=Path, default=default)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    if args.file is None:
        parser.error("no --file and no seed article")
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    source = str(args.file)
    commands = {
        "pipeline check": [sys.executable, "-m", "pipeline", "check", "-q", source],
        "python + ftfy.fix_text": [
            sys.executable,
            "-c",
            f"import ftfy; ftfy.fix_text(open({source!r}, encoding='utf-8').read())",
        ],
    }
    for command in commands.values():
        timed(command, environment)  # writes bytecode, warms the page cache
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, command in commands.items():
            wall, cpu = timed(command, environment)
            walls[name].append(wall)
            cpus[name].append(cpu)
    print(f"{args.file.name}, median of {args.rounds} rounds, the commands in turn\n")
    print("| command | wall s | CPU s |")
    print("|---|---|---|")
    for name in commands:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"| {name} | {wall:.3f} | {cpu:.3f} |")
    check, peer = commands
    wall_ratio = statistics.median(walls[check]) / statistics.median(walls[peer])
    cpu_ratio = statistics.median(cpus[check]) / statistics.median(cpus[peer])
    print(f"\ncheck / peer: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
