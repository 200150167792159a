"""Unicode repair with ftfy: mojibake, control characters, byte-order marks, ligatures.

ftfy decides what is broken; this stage runs it one line at a time, so each
repair becomes a small located edit carrying ftfy's own explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pipeline import _core
from pipeline.config import Config
from pipeline.edits import Edit, Rule, propose
from pipeline.regexes import compiled
from pipeline.stages.base import Context, Stage

if TYPE_CHECKING:
    import ftfy

NAME = "unicode"

MOJIBAKE = Rule(
    "U001",
    "mojibake",
    NAME,
    "Text decoded with the wrong encoding (UTF-8 read as Windows-1252 and the like) is re-decoded.",
    "It\u00e2\u20ac\u2122s",
    "It\u2019s",
)
CONTROL = Rule(
    "U002",
    "control-character",
    NAME,
    "Control characters, terminal escapes and byte-order marks that carry no text are removed.",
    "ab\u0007c",
    "abc",
)
CHARACTER = Rule(
    "U003",
    "character-form",
    NAME,
    "Ligatures are spelled out, HTML entities unescaped and text NFC-normalised.",
    "\ufb01nal",
    "final",
)


@cache
def fixer() -> ftfy.TextFixerConfig:
    """Which of ftfy's fixes run, and why.  (ftfy is imported on the first line that needs
    it: a text of plain lines never does, and importing it is a third of `check`'s start.)"""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html="auto",  # "&amp;" in plain text is scraping damage; not if the text has tags
        remove_terminal_escapes=True,  # ANSI colour codes are never text
        fix_encoding=True,  # the mojibake repair this stage exists for
        restore_byte_a0=True,  # mojibake whose U+00A0 byte became a space
        replace_lossy_sequences=True,  # partly lost mojibake becomes U+FFFD, not worse mojibake
        decode_inconsistent_utf8=True,  # mojibake mixed with good text on one line
        fix_c1_controls=True,  # C1 controls are Windows-1252 characters in disguise
        fix_latin_ligatures=True,  # PDF extraction leaves "ﬁ" and "ﬂ" for "fi" and "fl"
        fix_character_width=False,  # full-width forms are meaningful in CJK text: leave them
        uncurl_quotes=False,  # quote style belongs to the quotes stage, which the user configures
        fix_line_breaks=False,  # line endings belong to the whitespace stage
        fix_surrogates=True,  # lone surrogates cannot even be written as UTF-8
        remove_control_chars=True,  # also removes byte-order marks
        normalization="NFC",  # composed forms, so equal words compare equal
        explain=True,
    )


# Lines made only of these characters are left alone without calling ftfy, because none
# of its fixes can act on them: printable ASCII but an "&" that starts an HTML entity
# (`&amp;`; `S&P` is text), tab and line ends, and the typographic marks of well-encoded
# text.  A line with other characters is left alone too where none is one a fix acts on,
# NFC leaves it as it is and ftfy's mojibake detector (read by the core:
# `tools/ftfy_badness.py`) finds nothing:
# `pipeline_engine::plain` finds the other lines, and says why.
# tests/stages/test_unicode.py checks both against ftfy itself, on ftfy's own test cases,
# on every combination of these marks and on strings of the detector's characters.
SAFE_MARKS = _core.SAFE_MARKS
# ftfy sees a long line in pieces of about this many characters, so that
# locating its changes (a character diff, quadratic in the piece) stays cheap.
PIECE = 1024
# Where a long line may be cut: a space between two printable ASCII characters.
# Mojibake is made of non-ASCII characters (and "Â " for a lost no-break space),
# so no cut falls inside a sequence ftfy would repair.
SAFE_CUT = r"(?<=[\x21-\x7e]) (?=[\x21-\x7e])"
ASCII_PAIR = r"(?<=[\x00-\x7f])(?=[\x00-\x7f])"
# Changed windows up to this long are diffed character by character; longer
# ones word by word first (a word diff holds far fewer elements).
SMALL_DIFF = 64
WORDS = r"\s+|\S+"

RULE_FOR_FIX = {
    "remove_terminal_escapes": CONTROL,
    "remove_control_chars": CONTROL,
    "fix_c1_controls": MOJIBAKE,
    "unescape_html": CHARACTER,
    "fix_latin_ligatures": CHARACTER,
    "fix_surrogates": CHARACTER,
}


def _rule_for(explanation: Sequence[tuple[str, str]]) -> Rule:
    """The rule behind ftfy's plan: decoding steps mean mojibake, else the first fix named."""
    for action, _ in explanation:
        if action in {"encode", "decode", "transcode"}:
            return MOJIBAKE
    for _, fix in explanation:
        if fix in RULE_FOR_FIX:
            return RULE_FOR_FIX[fix]
        if fix in {"decode_inconsistent_utf8", "restore_byte_a0", "replace_lossy_sequences"}:
            return MOJIBAKE
    return CHARACTER


def _describe(explanation: Sequence[tuple[str, str]]) -> str:
    return "ftfy: " + ", ".join(f"{action} {what}" for action, what in explanation)


def _cut(line: str, start: int) -> int:
    """Where the piece of `line` that begins at `start` ends."""
    if len(line) - start <= PIECE:
        return len(line)
    for pattern in (SAFE_CUT, ASCII_PAIR):
        last = None
        for match in compiled(pattern).finditer(line, start + PIECE // 2, start + PIECE):
            last = match.end()
        if last is not None:
            return last
    return start + PIECE  # no ASCII at all here: nothing safer to cut at


def pieces(line: str) -> list[tuple[int, str]]:
    """A line as (offset, piece) pairs of at most about PIECE characters.

    >>> [len(p) for _, p in pieces("word " * 300)]
    [1020, 480]
    """
    out = []
    start = 0
    while start < len(line):
        end = _cut(line, start)
        out.append((start, line[start:end]))
        start = end
    return out


def _char_spans(a: str, b: str) -> list[tuple[int, int, int, int]]:
    import difflib  # only where ftfy changed a line

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _starts(tokens: list[str]) -> list[int]:
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def _word_spans(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """Word spans that differ.  ftfy repairs within words, so the counts nearly always
    match and the words pair up one to one; otherwise a word diff (junk heuristic on,
    which keeps it near linear) finds them."""
    if len(a) == len(b):
        return [(k, k + 1, k, k + 1) for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    import difflib

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=True)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def changed_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2) spans where `old[i1:i2]` became `new[j1:j2]`, found in linear time.

    The common prefix and suffix are set aside; the rest is aligned word by
    word, and only the words that differ are compared character by
    character (a character diff is quadratic, so it never sees more than a
    few words).  A changed stretch too long for that becomes one span.

    >>> changed_spans("It\u00e2\u20ac\u2122s a caf\u00c3\u00a9", "It\u2019s a caf\u00e9")
    [(2, 5, 2, 3), (12, 14, 10, 11)]
    """
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    a, b = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    if len(a) <= SMALL_DIFF and len(b) <= SMALL_DIFF:
        return [
            (prefix + i1, prefix + i2, prefix + j1, prefix + j2)
            for i1, i2, j1, j2 in _char_spans(a, b)
        ]
    words_a, words_b = compiled(WORDS).findall(a), compiled(WORDS).findall(b)
    starts_a, starts_b = _starts(words_a), _starts(words_b)
    spans = []
    for w1, w2, v1, v2 in _word_spans(words_a, words_b):
        i1, i2, j1, j2 = starts_a[w1], starts_a[w2], starts_b[v1], starts_b[v2]
        if i2 - i1 <= SMALL_DIFF and j2 - j1 <= SMALL_DIFF:
            inner = _char_spans(a[i1:i2], b[j1:j2])
            spans += [(i1 + x1, i1 + x2, j1 + y1, j1 + y2) for x1, x2, y1, y2 in inner]
        else:
            spans.append((i1, i2, j1, j2))
    return [(prefix + i1, prefix + i2, prefix + j1, prefix + j2) for i1, i2, j1, j2 in spans]


# ftfy's own repair is not always settled: it decodes mojibake before it removes control
# characters, so `Ì\x1d³` loses its control character and leaves `Ì³`, which ftfy decodes
# when asked again.  So a piece is asked again while ftfy still changes it, at most this
# many times: a second cleaning must find nothing to do.
FIX_ROUNDS = 3


@lru_cache(maxsize=1024)  # at most about 4 MB of pieces
def _fixed(piece: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """ftfy's repair of a piece, asked until it is settled (`FIX_ROUNDS`), and its
    explanation.  A pass that finds an earlier stage unsettled asks again of the same lines
    (see `cleaning._unsettled`): they are answered from here rather than by ftfy twice."""
    import ftfy

    text = piece
    explanation: tuple[tuple[str, str], ...] = ()
    for _ in range(FIX_ROUNDS):
        fixed = ftfy.fix_and_explain(text, config=fixer())
        if fixed.text == text:
            break
        text, explanation = fixed.text, explanation + tuple(fixed.explanation or ())
    return text, explanation


def _piece_edits(text: str, offset: int, piece: str) -> list[Edit]:
    fixed_text, explained = _fixed(piece)
    if fixed_text == piece:
        return []
    explanation = list(explained)
    rule = _rule_for(explanation)
    message = _describe(explanation)
    return [
        propose(
            text,
            offset + i1,
            offset + i2,
            fixed_text[j1:j2],
            rule,
            confidence=0.95,
            message=message,
        )
        for i1, i2, j1, j2 in changed_spans(piece, fixed_text)
    ]


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Edits that repair broken Unicode, one line (or piece of a long line) at a time."""
    edits: list[Edit] = []
    for offset, line in _unplain_lines(text):
        cut = pieces(line)
        for start, piece in cut:
            # a line of one piece is known not to be plain; a longer line's pieces are asked
            if len(cut) == 1 or not plain(piece):
                edits.extend(_piece_edits(text, offset + start, piece))
    return edits


def plain(text: str) -> bool:
    """Whether no fix of ftfy's can change `text`."""
    return not _core.unplain_lines(text)


def _unplain_lines(text: str) -> list[tuple[int, str]]:
    """The lines (cut as `str.splitlines` cuts them but at the control characters ftfy
    removes, ends kept) that some fix of ftfy's may change, and where each starts:
    found in the core, so that a text of plain lines costs one scan."""
    return [(start, text[start:end]) for start, end in _core.unplain_lines(text)]


STAGE = Stage(NAME, (MOJIBAKE, CONTROL, CHARACTER), find)
