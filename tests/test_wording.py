from __future__ import annotations

import pytest

from pipeline.wording import count


@pytest.mark.parametrize(
    ("number", "noun", "worded"),
    [
        (0, "file", "0 files"),
        (1, "file", "1 file"),
        (2, "edit", "2 edits"),
        (1, "new finding", "1 new finding"),
    ],
)
def test_a_count_takes_an_s_unless_it_is_one(number: int, noun: str, worded: str) -> None:
    assert count(number, noun) == worded
