from __future__ import annotations

from pipeline.patterns import code_share, reads_as_code


def test_code_share_tells_code_from_prose() -> None:
    prose = "The minister said the talks would resume in the spring. " * 5
    code = "Call os.path.join() or set max_retries = 3 in the config_file. " * 5
    assert code_share(prose) == 0.0
    assert code_share(code) == 1.0


def test_prose_slashes_and_abbreviations_are_no_code_to_the_punctuation_stage() -> None:
    text = 'As in "Symbolic/Subsymbolic" work, i.e. his/her view and/or ours.'
    assert not reads_as_code(text)
    assert code_share(text) == 1.0  # the joins stage's feature, as its model was fitted
    assert reads_as_code("Set max_retries = 3 in src/main.rs, e.g. here.")
