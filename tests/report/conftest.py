from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from pipeline.cleaning import clean
from pipeline.runner import BatchResult, FileResult, Source


def result_for(name: str, text: str) -> FileResult:
    cleaned = clean(text)
    return FileResult(
        Source(Path(name), PurePosixPath(name)), text, cleaned.text, "utf-8", cleaned.edits
    )


@pytest.fixture
def batch() -> BatchResult:
    return BatchResult(
        (
            result_for("a.txt", "<b>x</b> & \u00abWe\u00bbsaid.It  is\n"),
            result_for("clean.txt", "Nothing to do.\n"),
            result_for("no-newline.txt", "last line,without newline"),
        ),
        ("gone.txt: no such file or folder",),
    )
