"""Write crates/engine/src/badness.rs: ftfy's mojibake detector as a pattern the core compiles.

    python tools/ftfy_badness.py           # write it from the installed ftfy
    python tools/ftfy_badness.py --check   # exit 1 if the file is not what ftfy gives

ftfy re-decodes text only where `ftfy.badness.is_bad` finds a sequence of characters that
well-encoded text rarely holds (its `BADNESS_RE`).  The core reads the same sequences, so
the unicode stage sends ftfy only the lines it may change (`pipeline_engine::plain`) and a
line of accented names costs one scan, not a call into ftfy.  The pattern is read from
ftfy's own compiled expression (`re._parser`'s tree), every character written as an escape,
so nothing is copied by hand.  The core's pattern must find every line ftfy's does, so
where Python's and the `regex` crate's meaning differ it is widened, never narrowed:

- `\\s` is Python's white space, listed (the crate's lacks U+001C-U+001F);
- `\\w` is any character but a line feed (Python's word characters are not the crate's);
- `^` (the start of the text ftfy is given) is dropped: the core reads a line, which ftfy
  may be given in pieces, and a piece may start where the line does not.

`tests/stages/test_unicode.py` checks that the file is what this tool writes from the
installed ftfy, and that the core finds every string ftfy finds bad.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]  # the parser `re` itself uses

import ftfy
import ftfy.badness

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "crates" / "engine" / "src" / "badness.rs"

# Python's `\s` in a str pattern: the characters `str.isspace` holds.
SPACES = tuple(c for c in range(0x110000) if chr(c).isspace())


def escaped(code: int) -> str:
    return f"\\x{{{code:X}}}"


def class_items(items: Iterable[tuple[object, object]]) -> tuple[bool, str]:
    """A character class's body, and whether it is negated."""
    negated, body = False, []
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            body.append(escaped(value))  # type: ignore[arg-type]
        elif name == "RANGE":
            low, high = value  # type: ignore[misc]
            body.append(f"{escaped(low)}-{escaped(high)}")
        elif name == "CATEGORY" and str(value) == "CATEGORY_SPACE":  # Unicode: see `pattern`
            body.extend(escaped(c) for c in SPACES)
        elif name == "CATEGORY" and str(value) == "CATEGORY_WORD":
            return False, "^\\n"  # widened: see the module's docstring
        else:
            raise ValueError(f"a class item this tool cannot write: {name} {value}")
    return negated, "".join(body)


def written(items: Iterable[tuple[object, object]]) -> str:
    """A sequence of `re._parser` items as `regex` crate syntax."""
    out = []
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            out.append(escaped(value))  # type: ignore[arg-type]
        elif name == "IN":
            negated, body = class_items(value)  # type: ignore[arg-type]
            out.append(f"[{'^' if negated else ''}{body}]")
        elif name == "ANY":
            out.append("[^\\n]")
        elif name == "AT" and str(value) == "AT_BEGINNING":
            continue  # widened: see the module's docstring
        elif name == "MAX_REPEAT":
            low, high, inner = value  # type: ignore[misc]
            if (low, high) != (0, 1):
                raise ValueError(f"a repeat this tool cannot write: {low}, {high}")
            out.append(f"(?:{written(inner.data)})?")
        elif name == "BRANCH":
            _, alternatives = value  # type: ignore[misc]
            out.append("(?:" + "|".join(written(a.data) for a in alternatives) + ")")
        else:
            raise ValueError(f"an item this tool cannot write: {name} {value}")
    return "".join(out)


def pattern() -> str:
    compiled = ftfy.badness.BADNESS_RE
    if not compiled.flags & re.UNICODE or compiled.flags & (re.IGNORECASE | re.MULTILINE):
        raise ValueError(f"flags this tool cannot write: {compiled.flags!r}")
    return written(_parser.parse(compiled.pattern, compiled.flags).data)


def source() -> str:
    """The Rust file: the pattern in lines of about 90 characters (cut between escapes)."""
    text, lines, line = pattern(), [], ""
    for piece in text.replace("\\x{", "\n\\x{").split("\n"):
        if len(line) + len(piece) > 86:
            lines.append(line)
            line = ""
        line += piece
    lines.append(line)
    body = "\n".join(f'    r"{line}",' for line in lines if line)
    return (
        "//! ftfy's mojibake detector (`ftfy.badness.BADNESS_RE`) in the `regex` crate's syntax,\n"
        f"//! written by `tools/ftfy_badness.py` from ftfy {ftfy.__version__}: regenerate, do not\n"
        "//! edit.  Where the two syntaxes differ it finds more, never less (the tool says\n"
        "//! how).\n\n"
        "#[rustfmt::skip]\n"
        f"pub const PATTERN_PARTS: [&str; {body.count(chr(10)) + 1}] = [\n{body}\n];\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == source()
        print(f"{TARGET.relative_to(ROOT)}: {'as ftfy gives it' if same else 'stale'}")
        return 0 if same else 1
    TARGET.write_text(source(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} from ftfy {ftfy.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
