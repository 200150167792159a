"""Spacing around sentence punctuation: a space after . , ; : ! ? before a word, none before.

The rules fire only where the evidence is plain: letters on both sides of the
mark, a lower-case letter before a full stop and a capitalised word after it.
Initials and abbreviations (U.S., e.g., Ph.D.), numbers (3.14, 1,000, 4:00pm),
URLs, e-mail addresses, dotted names (McAfee.com, One.Tel, Node.js) and
ellipses do not have that shape, or are protected spans.
"""

from __future__ import annotations

import regex

from pipeline.config import Config
from pipeline.data import word_list
from pipeline.edits import Edit, Rule, propose
from pipeline.lexicon import lexicon
from pipeline.patterns import Spans, code_share, inside, protected_spans
from pipeline.stages.base import Context, Stage

NAME = "punctuation"

SPACE_AFTER = Rule(
    "P001",
    "space-after-punctuation",
    NAME,
    "A word glued after . , ; : ! ? is separated by a space.",
    "organizations.Evidently",
    "organizations. Evidently",
)
SPACE_BEFORE = Rule(
    "P002",
    "space-before-punctuation",
    NAME,
    "Spaces before , . ; : ! ? are removed.",
    "However , it",
    "However, it",
)

BROKEN_HYPHEN = Rule(
    "P003",
    "broken-hyphen",
    NAME,
    "A compound's hyphen cut from its second word by a stray space is closed up; a suspended "
    "hyphen (low- and middle-income) is left.",
    "their well- being",
    "their well-being",
)

CLOSE = "\"'\u201d\u2019\u00bb)\\]"
MISSING_AFTER = regex.compile(
    # sentence end: two letters, the last lower-case, then a capitalised word
    r"(?<=\p{L}\p{Ll})(?P<mark>[.!?])(?=(?P<word>\p{Lu}\p{Ll}+))"
    # comma or semicolon between letters, or after a closing quote or bracket
    rf"|(?<=[\p{{L}}{CLOSE}]|\p{{L}}\.)(?<!&\w+)(?P<mark>[,;])(?=(?P<word>\p{{L}}+))"
    # comma after a number, before a lower-case word
    r"|(?<=\d)(?P<mark>,)(?=(?P<word>\p{Ll}{2,}))"
    # colon after a word of three letters or more, unless both sides are capitalised
    # (Portal:Current, Category:Sport are names)
    r"|(?<=\b\p{Ll}{3,})(?P<mark>:)(?=(?P<word>\p{L}+))"
    r"|(?<=\p{L}\p{Ll}{2})(?P<mark>:)(?=(?P<word>\p{Ll}+))",
    regex.V1,
)
SPACE_BEFORE_MARK = regex.compile(
    rf"(?<=[\p{{L}}\p{{N}}{CLOSE}])[^\S\n]+(?=[,.;:!?](?:\s|\Z|[\"'\u201d\u2019\u00bb]))"
    r"(?!\.\.)",
    regex.V1,
)
# A dotted name's parts either side of a full stop: lower-case identifiers before it, and a
# capitalised one after it (each may be a chain: foo.bar.Bar).
DOTTED_LEFT = regex.compile(r"(?:[\p{Ll}\d_]+\.)*\p{Ll}[\p{Ll}\d_]*")
OPENERS = "(\"'`[\u00ab\u201c\u2018"  # may stand before a dotted name
DOTTED_RIGHT = regex.compile(r"\p{Lu}[\p{L}\d_]*(?:\.[\p{L}_][\p{L}\d_]*)*")
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
COMMON_WORD = 4.0  # zipf: a word this common ends sentences (users.TikTok is a glue)
# A reStructuredText role just before a colon: :code: or :class:.
ROLE_BEFORE = regex.compile(r"(?<![\p{L}\d]):\p{Ll}+\Z")
# A hyphen after a word with one space before the next word: extraction split a compound
# (well- being, Jean- Pierre).  Before a conjunction it is a suspended hyphen (zero- and
# low-income, single- or double-), which stays.
HYPHEN_SPACE = regex.compile(r"(?<=\p{L})-(?P<space> )(?=(?P<word>\p{L}+))")
SUSPENDING = frozenset({"and", "or", "nor", "to", "than", "but", "as", "versus", "vs"})
# Code and paths: a token holding these is not prose.
CODE_CHARS = regex.compile(r"[()_/\\=<>{}]")
TOKEN = regex.compile(r"\S*")
TOKEN_BACK = regex.compile(r"(?r)\S*")  # matched backwards, from a position to its token's start


# A document this much like code (patterns.code_share) keeps its spaces before marks: in
# prose converted from Markdown or HTML they mark inline code or a link that was stripped
# ("look at .", "the pattern object :", "in \\_build/html ."), not a stray space; and a
# colon between lower-case words there joins a name (host:port), not two sentences.  The
# document, not the paragraph, is judged: a README's prose paragraphs lost their links too
# ("look at ."), and judged alone (tried) they read as prose: clean technical prose went
# from 3.03 to 4.76 false edits per 10,000 words.
CODE_KEEPS_SPACES = 0.2


def code_tokens(text: str) -> Spans:
    """Spans of the whitespace-delimited tokens that hold a code character.

    Found from the code characters, which prose seldom holds, out to the
    whitespace either side; a token is measured once, however many it holds.
    """
    spans: list[tuple[int, int]] = []
    for mark in CODE_CHARS.finditer(text):
        if spans and mark.start() < spans[-1][1]:
            continue
        start = TOKEN_BACK.match(text, 0, mark.start())
        end = TOKEN.match(text, mark.start())
        spans.append((start.start() if start else mark.start(), end.end() if end else mark.end()))
    return tuple(spans)


def _dotted_name(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` joins the parts of a dotted name (`jedi.Script.search`,
    `typing.TypedDict`, `idna.InvalidCodepoint`, `enum.Enum`) rather than two sentences.

    A chain of three parts or more, a class-like name with an inner capital after a word
    that is not common, a class named as its module, or a part the lexicon lacks before a
    word that does not start sentences: prose ends sentences with words, code does not.
    """
    start = TOKEN_BACK.match(text, 0, dot)
    end = TOKEN.match(text, dot + 1)
    before = text[start.start() if start else dot : dot]
    after = text[dot + 1 : end.end() if end else dot + 1]
    left = DOTTED_LEFT.fullmatch(before.lstrip(OPENERS))
    right = DOTTED_RIGHT.match(after)
    if left is None or right is None:
        return False
    if "." in left.group() or "." in right.group():
        return True  # foo.bar.Bar, jedi.Script.search
    head, name = left.group(), right.group()
    zipf = lexicon().zipf(head)
    if INNER_CAPITAL.search(name) and zipf < COMMON_WORD:
        return True  # typing.TypedDict, wrapt.ObjectProxy
    if name.lower() == head:
        return True  # enum.Enum
    return zipf == 0.0 and name.lower() not in word_list("function-words")


def _missing_space(text: str, spans: Spans) -> list[Edit]:
    edits = []
    tlds = word_list("generic-tlds")
    code = code_tokens(text)
    for match in MISSING_AFTER.finditer(text):
        mark, word = match.group("mark"), match.group("word")
        end = match.end("mark")
        if inside(spans, end) or inside(code, end):
            continue
        if mark == "." and (word.lower() in tlds or _dotted_name(text, match.start("mark"))):
            continue
        if mark == ":" and ROLE_BEFORE.search(text, 0, match.start("mark")):
            continue  # :code:`x`, :class:Name: a reStructuredText role, not a sentence
        lower_both = word[:1].islower() and text[end - 2 : end - 1].islower()
        if mark == ":" and lower_both and code_share(text) >= CODE_KEEPS_SPACES:
            continue  # host:port, key:value: in a document that reads as code, a name
        edits.append(
            propose(
                text,
                end,
                end,
                " ",
                SPACE_AFTER,
                confidence=0.9 if mark in ".!?:" else 0.95,
                message=f"space added after {mark!r} before {word!r}",
            )
        )
    return edits


def _space_before(text: str, spans: Spans) -> list[Edit]:
    found = [m for m in SPACE_BEFORE_MARK.finditer(text) if not inside(spans, m.start())]
    if not found or code_share(text) >= CODE_KEEPS_SPACES:
        return []
    return [
        propose(
            text,
            m.start(),
            m.end(),
            "",
            SPACE_BEFORE,
            confidence=0.95,
            message=f"space removed before {text[m.end()]!r}",
        )
        for m in found
    ]


def _suspending(word: str) -> bool:
    """Whether a word after `- ` makes the hyphen a suspended one: a conjunction, or a
    conjunction glued to the next word (drone- andmissile-related, a glue joins repairs)."""
    if word in SUSPENDING:
        return True
    lex = lexicon()
    return lex.zipf(word) < 3.0 and any(
        word.startswith(c) and lex.zipf(word[len(c) :]) >= 3.0 for c in SUSPENDING
    )


def _broken_hyphens(text: str, spans: Spans) -> list[Edit]:
    edits = []
    for match in HYPHEN_SPACE.finditer(text):
        word = match.group("word")
        if _suspending(word.lower()) or inside(spans, match.start()):
            continue
        start = match.start("space")
        edits.append(
            propose(
                text,
                start,
                start + 1,
                "",
                BROKEN_HYPHEN,
                confidence=0.9,
                message=f"hyphen closed up before {word!r}",
            )
        )
    return edits


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Spacing edits around punctuation, outside protected spans."""
    spans = protected_spans(text)
    return _missing_space(text, spans) + _space_before(text, spans) + _broken_hyphens(text, spans)


STAGE = Stage(NAME, (SPACE_AFTER, SPACE_BEFORE, BROKEN_HYPHEN), find)
