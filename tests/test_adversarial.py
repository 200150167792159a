"""Adversarial text through the whole pipeline, each under a time limit (a guard against
quadratic blow-ups; the figures themselves are in benchmarks/adversarial.py)."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from benchmarks.adversarial import INPUTS
from pipeline.cleaning import clean
from pipeline.edits import replay

LIMIT_SECONDS = 30  # each input takes under 4 s here; quadratic code took minutes


@pytest.fixture
def time_limit() -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"over {LIMIT_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(LIMIT_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_adversarial_input_is_cleaned_in_time(name: str, time_limit: None) -> None:
    text = INPUTS[name]()
    result = clean(text)
    assert replay(text, result.edits) == result.text
