"""Coverage-guided fuzzing of `clean()` with atheris: any bytes, no exception, same invariants
as the property tests (decoded or refused with a reason; edits replay; cleaning is idempotent;
the diff hunks the core writes from the edits are Python's).

Each input is cleaned as `pipeline run` cleans a file, against the batch vocabulary
(`batch_vocabulary`). What it has found is kept in
tests/data/fuzz/ and replayed by tests/test_properties.py.

    python -m pip install atheris
    python fuzz/fuzz_clean.py -max_total_time=600 -max_len=4096 fuzz/corpus

With PIPELINE_FUZZ_SAME_VOCABULARY=1 the second cleaning reuses the first one's
vocabulary, which sets aside the vocabulary-shift finds (see docs/quality.md, Known
limitations) so that the fuzzer looks for other kinds.  A find that settles only so (the
same text, cleaned again with its output's own counts, shifts them too) is kept in
tests/data/fuzz-same-vocabulary/.

A find kept in tests/data/fuzz/ is stored as the UTF-8 text its bytes decoded to, so the test
does not hang on how the encoding detector ranks candidates.

Any crash is written by libFuzzer as crash-<hash> in the working folder; rerun it with
`python fuzz/fuzz_clean.py crash-<hash>`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from pipeline import _core
    from pipeline.cleaning import batch_vocabulary, clean
    from pipeline.edits import Kind, replay
    from pipeline.files import InputError, decode
    from pipeline.report import unified

NAME = Path("fuzzed.txt")
SAME_VOCABULARY = os.environ.get("PIPELINE_FUZZ_SAME_VOCABULARY") == "1"


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, NAME).text
    except InputError:
        return
    first = batch_vocabulary([text])
    result = clean(text, vocabulary=first)
    if replay(text, result.edits) != result.text:
        raise AssertionError(f"edits do not replay: {text!r}")
    core = _core.edit_hunks(text, result.text, 0, 0, result.edits, Kind.FIX)
    if core is not None and core != unified.python_hunks(text, result.text, (0, 0), result.edits):
        raise AssertionError(f"the core's hunks are not Python's: {text!r}")
    vocabulary = first if SAME_VOCABULARY else batch_vocabulary([result.text])
    again = clean(result.text, vocabulary=vocabulary)
    if again.text != result.text:
        raise AssertionError(f"not idempotent: {text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
