"""Clean text the benches lack, gathered from this machine: how many false edits a run makes.

    python benchmarks/held_out.py                    # builds the sets under /tmp/pipeline-held-out
    python benchmarks/held_out.py --only readmes pydoc

Each set is clean text as its authors wrote it, cleaned by `pipeline run` with input = gold and
scored by `../shared/bench/textbench.py score`: every word boundary changed is a false edit.

- `readmes`: the long descriptions (README) of the installed packages that `dev-technical`
  does not hold, with their code blocks (`dev-technical` has them stripped);
- `pydoc`: `pydoc`'s text of 30 standard library modules (indented: most of it reads as
  indented blocks);
- `copyright`: Debian's `/usr/share/doc/*/copyright` files of 3-40 KB, the first 60 by name;
- `licences`: Debian's `/usr/share/common-licenses`;
- `docs`: Markdown, reStructuredText and text files of 2-60 KB under `/usr/share/doc` and the
  packages' folders, the first 150 by path (release notes, specifications, two code files);
- `docs-more`: the next 150 of them, which no rule was tuned on.

`--damage wrap` (or `sparse`, `split`, `ligatures`) damages each set first with `textbench.py
make` (line-wrap damage at widths 70-90, a space dropped with probability 0.01, stray spaces
put inside 3% of words, or half the words that hold fi/fl/ff losing it; seed 1) and prints
what was repaired too: glues, stray spaces or ligatures, on text of kinds the fit never saw.

The sets depend on what the machine has installed: figures from two machines differ, two
builds on one machine compare (`--package` names a copy of the package to run).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import os
import pydoc
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "bench"
MODULES = [
    "json",
    "argparse",
    "collections",
    "itertools",
    "functools",
    "pathlib",
    "subprocess",
    "threading",
    "asyncio",
    "logging",
    "csv",
    "datetime",
    "email",
    "http.client",
    "urllib.request",
    "unittest",
    "typing",
    "dataclasses",
    "re",
    "textwrap",
    "shutil",
    "tempfile",
    "socket",
    "sqlite3",
    "decimal",
    "fractions",
    "statistics",
    "heapq",
    "bisect",
    "contextlib",
]
NOT_TEXT = re.compile(r"licen[cs]e|copying|entry_points|top_level|requires|record|sources", re.I)


def readmes() -> Iterator[tuple[str, str]]:
    held = {path.stem.lower() for path in (SHARED / "dev-technical").glob("*.txt")}
    for dist in sorted(importlib.metadata.distributions(), key=lambda d: d.metadata["Name"]):
        name = dist.metadata["Name"] or ""
        text = dist.metadata.get_payload() or dist.metadata.get("Description") or ""  # type: ignore[attr-defined]
        if len(text) >= 2000 and name.lower() not in held | {"pipeline"}:
            yield name, text


def pydocs() -> Iterator[tuple[str, str]]:
    """Each module's text; an object's address (`<object object at 0x7f61...>`) written as
    one fixed address, so that two runs, or two builds compared, read the same text."""
    for name in MODULES:
        text = pydoc.render_doc(importlib.import_module(name), renderer=pydoc.plaintext)
        text = re.sub(r"\bat 0x[0-9a-f]+", "at 0x7f0000000000", text)
        yield name, re.sub(".\b", "", text)[:60000]


def files(
    paths: Iterator[Path], low: int, high: int, most: int, skip: int = 0
) -> Iterator[tuple[str, str]]:
    """The first `most` text files of `low` to `high` bytes, by path, after the first `skip`."""
    kept = 0
    for path in sorted(paths):
        if kept == skip + most:
            return
        try:
            if path.is_symlink() or not low <= path.stat().st_size <= high:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        kept += 1
        if kept > skip:
            yield str(path).strip("/").replace("/", "_"), text


def docs(skip: int = 0) -> Iterator[tuple[str, str]]:
    roots = [Path("/usr/share/doc"), *(Path(p) for p in sys.path if p.endswith("site-packages"))]
    found = (
        path
        for root in roots
        for pattern in ("*.md", "*.rst", "*.txt")
        for path in root.rglob(pattern)
        if not NOT_TEXT.search(path.name) and "/tests/" not in str(path)
    )
    return files(found, 2000, 60000, 150, skip)


SETS: dict[str, Callable[[], Iterator[tuple[str, str]]]] = {
    "readmes": readmes,
    "pydoc": pydocs,
    "copyright": lambda: files(Path("/usr/share/doc").glob("*/copyright"), 3000, 40000, 60),
    "licences": lambda: files(Path("/usr/share/common-licenses").glob("*"), 0, 10**6, 100),
    "docs": docs,
    # the next 150 such files: text the rules tuned on `docs` never read
    "docs-more": lambda: docs(skip=150),
}


def build(name: str, folder: Path) -> int:
    """The set's input and gold (the same texts) under `folder`; how many."""
    shutil.rmtree(folder, ignore_errors=True)
    for part in ("input", "gold"):
        (folder / part).mkdir(parents=True)
    count = 0
    for title, text in SETS[name]():
        stem = re.sub(r"[^\w.-]", "_", title)[:120]
        for part in ("input", "gold"):
            (folder / part / f"{stem}.txt").write_text(text, encoding="utf-8")
        count += 1
    return count


# `textbench.py make`'s options for each kind of damage: the dev benches' seed 1.
DAMAGE = {
    "wrap": ("--seed", "1", "--width", "70", "90"),
    "sparse": ("--seed", "1", "--sparse", "0.01"),
    "split": ("--seed", "1", "--split", "0.03"),
    "ligatures": ("--seed", "1", "--ligatures", "0.5"),
}


def damage_line(name: str, damage: str, s: dict[str, float]) -> str:
    """One set's figures under `damage`: the glues repaired, the stray spaces taken out, or
    the words that lost a ligature restored (and clean words broken)."""
    head = f"{name:10} {s['docs']:4} texts, {damage} damage: "
    if damage == "ligatures":
        return (
            f"{head}{s['words_repaired']} of {s['words_damaged']} words restored "
            f"({s['word_recall']:.4f}), {s['words_broken']} clean words broken "
            f"({s['false_edits_per_10k_words']:.2f} false edits per 10k words), lost {s['lost']}"
        )
    if damage == "split":
        taken, left = s["tp_delete"], s["fn_delete"]
        return (
            f"{head}precision {s['precision']:.4f}, {taken} of {taken + left} stray spaces "
            f"taken out ({taken / max(taken + left, 1):.4f}); false edits per 10k words "
            f"{s['false_edits_per_10k_words']:.2f}, lost {s['lost']}"
        )
    return (
        f"{head}precision {s['precision']:.4f}, recall {s['recall']:.4f}, F1 {s['f1']:.4f} "
        f"({s['tp']} of {s['tp'] + s['fn']} glues; false edits per 10k words "
        f"{s['false_edits_per_10k_words']:.2f}, lost {s['lost']})"
    )


def damaged(folder: Path, damage: str) -> Path:
    """The set's gold damaged by `textbench.py make` (`DAMAGE`): a bench of its own, in
    `folder`."""
    bench = folder / damage
    if not (bench / "input").is_dir():
        make = [sys.executable, str(SHARED / "textbench.py"), "make", str(folder / "gold")]
        subprocess.run([*make, str(bench), *DAMAGE[damage]], check=True, capture_output=True)
    return bench


def scored(folder: Path, package: Path | None) -> dict[str, float]:
    out = folder / "cleaned"
    shutil.rmtree(out, ignore_errors=True)
    environment = dict(os.environ, PYTHONPATH=str(package)) if package else None
    command = [sys.executable, "-m", "pipeline", "run", str(folder / "input"), "--out", str(out)]
    subprocess.run([*command, "-q", "-j1", "--force"], env=environment, cwd=package, check=False)
    score = [sys.executable, str(SHARED / "textbench.py"), "score", str(folder), str(out)]
    result: dict[str, float] = json.loads(subprocess.check_output(score))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/pipeline-held-out"))
    parser.add_argument("--only", nargs="*", choices=sorted(SETS), default=sorted(SETS))
    parser.add_argument("--package", type=Path, help="a folder holding the `pipeline` to run")
    parser.add_argument("--damage", choices=sorted(DAMAGE), help="damage the sets first")
    args = parser.parse_args()
    for name in args.only:
        folder = args.work / name
        if not (folder / "gold").is_dir():
            build(name, folder)
        package = args.package.resolve() if args.package else None
        if args.damage:
            print(damage_line(name, args.damage, scored(damaged(folder, args.damage), package)))
            continue
        s = scored(folder, package)
        print(
            f"{name:10} {s['docs']:4} texts, {s['words']:7} words: false edits per 10k words "
            f"{s['false_edits_per_10k_words']:.2f} (invented {s['fp']}, lost {s['lost']}, "
            f"texts whose other characters changed {s['corrupt']})"
        )


if __name__ == "__main__":
    main()
