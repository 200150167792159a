"""Write pipeline/data/python-identifiers.txt: names Python's standard library defines.

    python tools/python_identifiers.py

The names of the standard library's modules, builtins, and the functions,
classes and attributes its Python sources define (read with `ast`, nothing
imported), kept where they are lower-case letters and digits, four characters
or more, and not a common English word (wordfreq zipf < 2): `returncode`,
`timeit`, `base64`, `isinstance`, `namedtuple`.  In a document that reads as
code, the joins stage leaves such a token whole (see joins.IDENTIFIERS_IN_CODE).
The list depends on the Python that writes it; the header says which.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import platform
import sys
import sysconfig
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.lexicon import lexicon  # noqa: E402

TARGET = ROOT / "pipeline" / "data" / "python-identifiers.txt"
SKIPPED = {"test", "tests", "idlelib", "lib2to3", "tkinter", "turtledemo", "ensurepip"}
SHAPE = regex.compile(r"\p{Ll}[\p{Ll}\d]{3,}")


def names() -> set[str]:
    found = set(sys.stdlib_module_names) | set(dir(builtins))
    root = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if SKIPPED & set(parts) or parts[0] == "site-packages":
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                found.add(node.attr)
    return found


def main() -> int:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    lex = lexicon()
    kept = sorted(n for n in names() if SHAPE.fullmatch(n) and lex.zipf(n) < 2.0)
    header = [
        "# Names Python's standard library defines (modules, builtins, functions, classes,",
        "# attributes), lower-case letters and digits, not common English words.",
        f"# Written by tools/python_identifiers.py with Python {platform.python_version()}.",
    ]
    TARGET.write_text("\n".join([*header, *kept]) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
