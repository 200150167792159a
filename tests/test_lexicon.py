from __future__ import annotations

from pipeline.lexicon import lexicon


def test_whole_words_and_glued_pairs() -> None:
    lex = lexicon()
    assert lex.zipf("cannot") > 4.5  # one word, though web counts split it
    assert lex.logp("qwzxv") is None
    of, ofthe = lex.logp("of"), lex.logp("ofthe")
    assert of is not None and ofthe is not None  # the web list knows the glue too...
    assert of + lex.cond("of", "the") > ofthe + 2  # ...but the pair is far likelier


def test_an_unknown_first_word_costs_no_backoff() -> None:
    lex = lexicon()
    assert lex.cond("hamroxyz", "and") == lex.logp("and")
