"""Unicode repair with ftfy: mojibake, control characters, byte-order marks, ligatures.

ftfy decides what is broken; this stage runs it one line at a time, so each
repair becomes a small located edit carrying ftfy's own explanation.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import ftfy
import regex

from pipeline.config import Config
from pipeline.edits import Edit, Rule, propose
from pipeline.stages.base import Context, Stage

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

# Which of ftfy's fixes run, and why.
FIXER = ftfy.TextFixerConfig(
    unescape_html="auto",  # "&amp;" in plain text is scraping damage; skipped if the text has tags
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

# Lines made only of these characters are left alone without calling ftfy.
PLAIN_LINE = regex.compile(r"[\x20-\x25\x27-\x7e\t\n\r]*")

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


def _line_edits(text: str, offset: int, line: str) -> list[Edit]:
    fixed = ftfy.fix_and_explain(line, config=FIXER)
    if fixed.text == line:
        return []
    explanation = list(fixed.explanation or [])
    rule = _rule_for(explanation)
    message = _describe(explanation)
    edits = []
    matcher = difflib.SequenceMatcher(None, line, fixed.text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(
                propose(
                    text,
                    offset + i1,
                    offset + i2,
                    fixed.text[j1:j2],
                    rule,
                    confidence=0.95,
                    message=message,
                )
            )
    return edits


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """Edits that repair broken Unicode, one line at a time."""
    edits: list[Edit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if not PLAIN_LINE.fullmatch(line):
            edits.extend(_line_edits(text, offset, line))
        offset += len(line)
    return edits


STAGE = Stage(NAME, (MOJIBAKE, CONTROL, CHARACTER), find)
