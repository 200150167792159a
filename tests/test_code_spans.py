"""Code inside prose: where Markdown's and reStructuredText's code lies in a text."""

from __future__ import annotations

import pytest

from pipeline.code_spans import blanked, code_spans, touches


def spanned(text: str) -> list[str]:
    return [text[start:end] for start, end in code_spans(text)]


def test_prose_holds_no_code() -> None:
    assert code_spans("The minister said,«We will act»and left.\n\nNothing else.\n") == ()


def test_a_fenced_block_runs_from_its_fence_to_the_closing_one() -> None:
    text = 'Use it:\n\n```python\nfor k in items:\n    print(f"{k}")\n```\n\nThen stop.\n'
    assert spanned(text) == ['```python\nfor k in items:\n    print(f"{k}")\n```\n']


def test_a_fence_closes_only_with_as_many_of_its_marks() -> None:
    text = "~~~~\na\n~~~\nb\n~~~~\nafter\n"
    assert spanned(text) == ["~~~~\na\n~~~\nb\n~~~~\n"]


def test_a_line_of_marks_under_a_title_underlines_it() -> None:
    text = "Latest release\n~~~~~~~~~~~~~~\n\nInstall it:\n\n~~~\ncode\n~~~\n\nOther\n~~~~~\n"
    # the underlines are lines of marks, left as written; they open no fence
    assert spanned(text) == ["~~~~~~~~~~~~~~", "~~~\ncode\n~~~\n", "~~~~~"]


def test_a_tilde_fence_names_one_language_at_most() -> None:
    # a line of tildes and more is a rule or garbage (a fuzz find: one whose control
    # character the unicode stage took out was paired otherwise a second time)
    assert spanned("~~~~~~\x7f\u0411~~~~\nprose\n~~~~~~\n") == ["~~~~~~\x7f\u0411~~~~", "~~~~~~"]
    assert spanned("~~~c++\nint x;\n~~~\nprose\n") == ["~~~c++\nint x;\n~~~\n"]


def test_a_backtick_fence_names_anything_but_a_backtick() -> None:
    text = '```python title="x.py"\nfor k in items:\n```\nprose\n'
    assert spanned(text) == ['```python title="x.py"\nfor k in items:\n```\n']
    assert spanned("```a``` and b\n") == ["```a``` and b"]


def test_a_line_of_marks_that_opens_no_fence_is_code() -> None:
    # were the stray space closed, `~~~machine` would open a fence a second cleaning reads
    assert spanned("Intro.\n\n~~~ma chine\nprose  here\n") == ["~~~ma chine"]


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\n```\u00a0\u00a0\nx  =  1\n```\n\nMore  text.\n",  # a fuzz find's kind
        "Intro.\n\n``\u200b`\nx  =  1\n```\n\nMore  text.\n",
        "Intro.\n\u00a0\n    x  =  1\n\nMore  text.\n",
        "Intro.\n\x0c\n    x  =  1\n\nMore  text.\n",
        "Intro.\r\n\r\n    x  =  1\r\n\r\nMore  text.\r\n",
    ],
)
def test_code_is_read_in_the_lines_as_the_whitespace_stage_leaves_them(text: str) -> None:
    """A no-break space after a fence is trailing space, a zero-width space no character, a
    line of odd spaces blank: the code is the code a second cleaning finds."""
    spans = spanned(text)
    assert any("x  =  1" in span for span in spans)
    assert not any("More" in span for span in spans)


def test_a_fence_never_closed_runs_to_the_end() -> None:
    assert spanned("Intro.\n```\ncode and more") == ["```\ncode and more"]


def test_a_fence_glued_to_the_code_line_before_it_closes_the_block() -> None:
    # a lost line break glued the closing fence to the last line of code: the prose after
    # it is prose, where CommonMark would run the block to the text's end
    text = "Use it:\n```js\nconst a = 1;\nconsole.log(a); ```\n\nThe worker threadshould stop.\n"
    assert spanned(text) == ["```js\nconst a = 1;\nconsole.log(a); ```\n"]
    # a closing line of its own comes first, wherever a glued one stands
    text = "```\ncode ```\n```\nprose\n"
    assert spanned(text) == ["```\ncode ```\n```\n"]


def test_an_indented_block_follows_a_blank_line() -> None:
    text = "Run:\n\n    $ echo thisisatest | python -m wordsegment\n\n\tx = 1\n\nDone.\n"
    assert spanned(text) == ["    $ echo thisisatest | python -m wordsegment\n\n\tx = 1"]


def test_an_indented_block_the_text_opens_with_is_prose() -> None:
    # the whitespace stage takes out what comes before a file's first character: once
    # cleaned, the block would be no block
    assert code_spans("    x = 1\n    y = 2\n\nText.\n") == ()
    assert code_spans("\n\n\tx = 1\n") == ()


def test_an_indented_line_inside_a_paragraph_is_prose() -> None:
    assert code_spans("A paragraph\n    whose second line is indented.\n") == ()


def test_inline_code_is_closed_by_the_same_run_of_backticks() -> None:
    text = "Use ``re.Pattern`` or `typing.Callable`, not ``a`b``; a lone ` stays prose."
    assert spanned(text) == ["``re.Pattern``", "`typing.Callable`", "``a`b``"]


def test_a_link_of_restructuredtext_is_prose() -> None:
    assert code_spans("See the `v2 branch  <https://x.y>`__ and the `guide`_ now.") == ()


def test_inline_code_ends_with_its_line() -> None:
    assert code_spans("an opening `tick\nand a closing` one") == ()
    # a lone carriage return ends a line too: the whitespace stage makes it a line feed
    assert code_spans("an opening `tick\rand a closing` one") == ()


def test_a_carriage_return_ends_a_blocks_line() -> None:
    text = "Run:\r\n\r\n    x = 1\rProse after it.\r\n"
    assert spanned(text) == ["    x = 1"]


def test_code_beside_a_run_of_spaces_ends_where_it_ends() -> None:
    # the run is one space once cleaned: code found there ends where the run begins
    assert spanned("code ```x```  here\n") == ["```x```"]
    assert spanned("a\n\n```\u00a0\u00a0\nx\n```\u00a0\n\nb") == ["```\u00a0\u00a0\nx\n```\u00a0\n"]


def test_inline_code_inside_a_block_is_the_block() -> None:
    text = "```\nx = `y`\n```\n"
    assert spanned(text) == [text]


@pytest.mark.parametrize(
    ("start", "end", "touched"),
    [
        (5, 5, False),  # an insertion where code begins
        (7, 7, True),  # ... inside it
        (10, 10, False),  # ... where it ends
        (3, 5, False),  # an edit that ends where it begins
        (4, 6, True),
        (9, 12, True),
        (12, 19, False),  # between two spans
        (29, 31, True),
    ],
)
def test_an_edit_touches_code_only_inside_it(start: int, end: int, touched: bool) -> None:
    assert touches([(5, 10), (20, 30)], start, end) is touched


def test_a_quoted_command_line_is_code() -> None:
    text = 'Use "git checkout -b newbranch" or “git log -Lx,y:path” to start.\n'
    assert spanned(text) == ['"git checkout -b newbranch"', "“git log -Lx,y:path”"]


@pytest.mark.parametrize(
    "text",
    [
        'She said "we - the people" and left.',  # a dash, spaced
        'The "well-known" case of "x-ray" film.',  # hyphens inside words
        'He won "by 3-1" and "-5 degrees".',  # numbers
        'A quote "opens -b here\nand closes" on the next line.',
    ],
)
def test_a_quotation_without_an_option_is_prose(text: str) -> None:
    assert code_spans(text) == ()


def test_a_quoted_command_pairs_every_double_quote() -> None:
    # the quotes stage may make a `»` a `"`: were straight quotes alone paired, this line's
    # marks would pair otherwise once restyled (a fuzz find)
    text = 'x "a -c b\u00bb c\u00bb d" e\n'
    assert spanned(text) == ['"a -c b\u00bb']
    assert code_spans(text) == code_spans(text.replace("\u00bb", '"'))


def test_code_blanked_keeps_every_place_and_line() -> None:
    text = "Use `x  =  1`\nand\n```\nfor k in a\n```\n"
    spans = code_spans(text)
    out = blanked(text, spans)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert out == "Use " + " " * 9 + "\nand\n   \n          \n   \n"
