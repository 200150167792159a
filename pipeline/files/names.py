"""File names as people and tools are shown them: nothing in a name can reach a terminal raw.

A name may hold any byte but `/` and NUL: escape sequences that clear a
screen, newlines that split a diff header, bytes that are not UTF-8 (Python
carries those as lone surrogates).  `shown` is for people, `git_quoted` for
`patch` and `git apply`, `uri` for SARIF.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import PurePath
from urllib.parse import quote

# Git's C-style escapes; other bytes outside printable ASCII are written in octal.
C_ESCAPES = {
    ord("\a"): "\\a",
    ord("\b"): "\\b",
    ord("\t"): "\\t",
    ord("\n"): "\\n",
    ord("\v"): "\\v",
    ord("\f"): "\\f",
    ord("\r"): "\\r",
    ord('"'): '\\"',
    ord("\\"): "\\\\",
}
# Characters a terminal or a renderer acts on instead of showing: controls, and
# format characters such as the bidirectional overrides that reorder a line.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _text(name: str | PurePath) -> str:
    return name.as_posix() if isinstance(name, PurePath) else name


def shown(name: str | PurePath) -> str:
    r"""A name safe to print: hidden characters and undecodable bytes as escapes.

    >>> shown("a\x1b[2Jb.txt")
    'a\\x1b[2Jb.txt'
    >>> shown(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    text = _text(name)
    if text.isprintable():  # no character of a hidden category is printable
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) not in HIDDEN_CATEGORIES:
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def git_quoted(name: str | PurePath) -> str:
    r"""A path for a diff header, quoted as git quotes it when it must be.

    GNU patch and `git apply` read the quoted form back to the same bytes.  A
    space is quoted too: patch would otherwise end the name there.

    >>> git_quoted("a/plain.txt")
    'a/plain.txt'
    >>> git_quoted("a/two words\n.txt")
    '"a/two words\\n.txt"'
    """
    raw = os.fsencode(_text(name))
    if all(0x20 < b < 0x7F and b not in (0x22, 0x5C) for b in raw):
        return raw.decode("ascii")
    out = []
    for b in raw:
        if b in C_ESCAPES:
            out.append(C_ESCAPES[b])
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return '"' + "".join(out) + '"'


def uri(name: str | PurePath) -> str:
    """A relative URI reference for a path: every byte outside the unreserved set encoded.

    >>> uri("notes/a b#1.txt")
    'notes/a%20b%231.txt'
    """
    return quote(os.fsencode(_text(name)), safe="/")
