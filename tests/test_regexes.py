"""Patterns compiled on first use, and what `pipeline check` of a plain file never imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import regex

from pipeline.regexes import compiled

# What a pre-commit check of plain text has no use for: each took a share of its start.
NOT_AT_START = ("regex", "ftfy", "difflib")

CHECK = """
import sys
from pipeline.cli import main
try:
    main(["check", sys.argv[1]])
except SystemExit:
    pass
print(" ".join(name for name in sys.argv[2:] if name in sys.modules))
"""


def test_a_pattern_is_compiled_once_and_reads_as_regex_reads_it() -> None:
    pattern = r"(?r)\S{0,5}"
    assert compiled(pattern) is compiled(pattern)
    text = "an edit in a text"
    assert compiled(pattern).findall(text) == regex.compile(pattern).findall(text)
    assert compiled(pattern).match(text, 0, 7).group() == "edit"


def test_a_check_of_plain_text_imports_no_pattern_engine_nor_ftfy(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("S&P 500 and R&D rose, said the minister.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(source), *NOT_AT_START],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == []
