"""Whitespace: line endings, odd Unicode spaces, invisible characters, runs, blank lines, ends.

Each maximal run of whitespace and invisible characters is normalised as a
whole, so one run is one edit whose rule is the main change and whose message
lists the rest.  Indentation after a line break is kept (poems, code, quoted
blocks); only the very start of the file loses its leading whitespace.
"""

from __future__ import annotations

import regex

from pipeline import _core
from pipeline.config import Config
from pipeline.edits import Edit, Rule, propose
from pipeline.stages.base import Context, Stage

NAME = "whitespace"

LINE_ENDING = Rule(
    "W001", "line-ending", NAME, "CRLF and lone CR line endings become LF.", "a\r\nb", "a\nb"
)
ODD_SPACE = Rule(
    "W002",
    "unicode-space",
    NAME,
    "No-break, thin, ideographic and other Unicode spaces and tabs become a space.",
    "10\u00a0km",
    "10 km",
)
INVISIBLE = Rule(
    "W003",
    "invisible-character",
    NAME,
    "Zero-width spaces, word joiners, stray byte-order marks and soft hyphens are removed.",
    "co\u00adop\u200beration",
    "cooperation",
)
SPACE_RUN = Rule(
    "W004", "space-run", NAME, "A run of spaces between words becomes one space.", "a   b", "a b"
)
TRAILING = Rule(
    "W005",
    "trailing-space",
    NAME,
    "Spaces at the end of a line are removed.",
    "end.   \nNext",
    "end.\nNext",
)
LEADING = Rule(
    "W006",
    "leading-space",
    NAME,
    "Whitespace before the first character of the file is removed.",
    "  \n Text",
    "Text",
)
BLANK_LINES = Rule(
    "W007",
    "blank-lines",
    NAME,
    "Runs of blank lines become one blank line.",
    "a\n\n\n\nb",
    "a\n\nb",
)
FINAL_NEWLINE = Rule(
    "W008", "final-newline", NAME, "The file ends with exactly one newline.", "end.\n\n\n", "end.\n"
)

# Zero-width joiner and non-joiner are left alone: emoji sequences and Persian
# or Indic spelling need them.
# Zero-width space, word joiner, byte-order mark, soft hyphen, Mongolian vowel
# separator: one list, the core's, which counts a batch's words as if they were gone.
INVISIBLES: str = _core.INVISIBLES
ODD_INDENT = regex.compile(r"[\p{Zs}--\x20]", regex.V1)
# A maximal run of whitespace and invisible characters: each is normalised as a whole.
RUN = regex.compile(f"[\\s\\p{{Zs}}{INVISIBLES}]+")
# The runs worth a look: all but the lone space between two words, which is most
# of them and always clean.  Each alternative starts a run and takes all of it.
SPACE_CLASS = f"[\\s\\p{{Zs}}{INVISIBLES}]"
SUSPECT_RUN = regex.compile(
    f"{SPACE_CLASS}{{2,}}|[{SPACE_CLASS}--\\x20]|\\A\\x20|\\x20\\Z", regex.V1
)
LINE_BREAK = regex.compile(r"\r\n?|\n")


def _normalise(run: str, at_start: bool, at_end: bool) -> tuple[str, list[Rule]]:
    """The clean form of one whitespace run, and the rules that changed it (first = main)."""
    rules: list[Rule] = []
    visible = run
    for ch in INVISIBLES:
        visible = visible.replace(ch, "")
    if visible != run:
        rules.append(INVISIBLE)
    if "\r" in visible:
        rules.append(LINE_ENDING)
    lines = LINE_BREAK.split(visible)
    breaks = len(lines) - 1
    if at_start:
        return "", [LEADING, *rules]
    if at_end:  # spaces left on the last line are trailing spaces, as on any other line
        ending = [FINAL_NEWLINE] if breaks != 1 or any(lines[1:]) else []
        if lines[0]:
            ending.append(TRAILING)
        return "\n", [*ending, *rules]
    if breaks == 0:
        if visible not in ("", " "):
            rules.append(SPACE_RUN if set(visible) == {" "} else ODD_SPACE)
        return (" " if visible else ""), rules
    if any(lines[:-1]):
        rules.insert(0, TRAILING)
    if breaks > 2:
        rules.insert(0, BLANK_LINES)
    indent = ODD_INDENT.sub(" ", lines[-1])
    if indent != lines[-1]:
        rules.append(ODD_SPACE)
    return "\n" * min(breaks, 2) + indent, rules


def _message(rules: list[Rule]) -> str:
    main, *others = dict.fromkeys(rules)
    also = f" Also: {', '.join(rule.name for rule in others)}." if others else ""
    return main.summary + also


def find(text: str, config: Config, context: Context | None = None) -> list[Edit]:
    """One edit per whitespace run that is not already in its clean form."""
    edits = []
    for match in SUSPECT_RUN.finditer(text):
        run = match.group()
        clean, rules = _normalise(run, match.start() == 0, match.end() == len(text))
        if clean != run:
            edits.append(
                propose(
                    text,
                    match.start(),
                    match.end(),
                    clean,
                    rules[0],
                    confidence=1.0,
                    message=_message(rules),
                )
            )
    if text and not RUN.fullmatch(text[-1]):
        edits.append(
            propose(
                text,
                len(text),
                len(text),
                "\n",
                FINAL_NEWLINE,
                confidence=1.0,
                message=_message([FINAL_NEWLINE]),
            )
        )
    return edits


STAGE = Stage(
    NAME,
    (LINE_ENDING, ODD_SPACE, INVISIBLE, SPACE_RUN, TRAILING, LEADING, BLANK_LINES, FINAL_NEWLINE),
    find,
)
