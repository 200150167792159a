"""Apostrophes an extractor dropped: `dont` -> `don't`, `countrys` -> `country's`.

Text passed through a code page that lacks the typographic apostrophe loses every one
(and often its quotation marks with them): `I dont think`, `the countrys economy`.  Only
forms that are no English word without it are repaired, so a text as written is never
changed: the contractions of `data/contractions.txt` (not `cant`, `its`, `were`, words of
their own), and the possessive of a word ending in a consonant and `y` whose plural ends
in `ies` (`countrys`, `companys`; not `days`, nor `Britains`, which may be a plural).
Where a document shows the loss plainly so, the forms that are words only now and then
are read as contractions too (`data/contractions-where-shown.txt`: `Im sure`, `hes also`,
`its a`), before a lower-case word and not after a name (`Jony Ive said`, `Im Jong-il`).
"""

from __future__ import annotations

import regex

from pipeline.data import word_list
from pipeline.lexicon import lexicon

# A whole word: not inside an identifier, a path, an address or a word with an apostrophe.
WORD = regex.compile(
    r"(?<![\p{L}\p{N}_'\u2019./@\\-])\p{L}{2,}(?![\p{L}\p{N}_'\u2019/@\\-]|\.\p{L})"
)
# The possessive `...ys` of a word ending in a consonant and `y`.
CONSONANT_YS = regex.compile(r"[b-df-hj-np-tv-xz]ys", regex.IGNORECASE)
# The plural with `ies` is this much commoner (zipf) than the `ys` form: `countrys` is then
# no plural, but the possessive that lost its apostrophe.
PLURAL_LEAD = 1.5
# The word with its apostrophe is at least this common (zipf).
POSSESSOR_ZIPF = 3.0
# A word closed up with its neighbour this common (zipf) is a piece of it (`whos e`).
PIECE_OF_ZIPF = 3.0


def contractions(name: str = "contractions") -> dict[str, int]:
    """Each form of a list without its apostrophe -> where the apostrophe goes."""
    return {entry.replace("'", ""): entry.index("'") for entry in word_list(name)}


# The letters one space before and after a word: pieces of it, where an extractor also left
# stray spaces (`whos e` is `whose`, not `who's e`).
BEFORE = regex.compile(r"(?r)(?<![\p{L}])\p{L}+ \Z")
AFTER = regex.compile(r" \p{L}+(?!\p{L})")


# The word after a contraction read only where the loss is shown: lower-case, one space on.
NEXT_WORD = regex.compile(r" (\p{Ll}+)")
# The word before: a capitalised one is a name's first part (`Jony Ive`).
NAME_BEFORE = regex.compile(r"(?r)\p{Lu}\p{Ll}* \Z")


def lost(text: str) -> list[tuple[int, str, bool]]:
    """Where an apostrophe was lost in `text` (an offset), the word as found, and whether
    it is a form only a document that shows the loss reads so."""
    listed, shown = contractions(), contractions("contractions-where-shown")
    found: list[tuple[int, str, bool]] = []
    maybe: list[tuple[int, str, bool]] = []
    for match in WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        low = word.lower()
        at = listed.get(low)
        if at is None and CONSONANT_YS.fullmatch(low[-3:]) and _possessive(low):
            at = len(low) - 1
        if at is not None and not _piece(text, start, end):
            found.append((start + at, word, False))
        elif low in shown and _reads_as_contraction(text, start, end, low):
            maybe.append((start + shown[low], word, True))
    return sorted(found + maybe) if found else []


def _reads_as_contraction(text: str, start: int, end: int, low: str) -> bool:
    """Whether a form that is a word now and then (`Im`, `its`) reads as a contraction
    here: before a lower-case word (`it's` before one of `data/after-its.txt`), and not
    after a capitalised word (`Jony Ive`)."""
    after = NEXT_WORD.match(text, end)
    if after is None or NAME_BEFORE.search(text, max(0, start - 40), start):
        return False
    return low != "its" or after.group(1) in word_list("after-its")


def _piece(text: str, start: int, end: int) -> bool:
    """Whether the word at `start:end` closes up with the letters one space before or after
    it into a common word (zipf `PIECE_OF_ZIPF`): then it is a piece of that word, for the
    words stage (a rare form, `idont`, is the web's misspelling, not a word)."""
    words = lexicon()
    before = BEFORE.search(text, max(0, start - 40), start)
    after = AFTER.match(text, end)
    word = text[start:end]
    pieces = [
        (before.group()[:-1], before.group()[:-1] + word) if before else ("", ""),
        (after.group()[1:], word + after.group()[1:]) if after else ("", ""),
    ]
    return any(
        _fragment(neighbour) and words.zipf(whole.lower()) >= PIECE_OF_ZIPF
        for neighbour, whole in pieces
        if neighbour
    )


def _fragment(letters: str) -> bool:
    """Whether letters standing beside a word may be a piece of it: a lone letter other than
    `a` and `I`, or no common word (`theres a` is `there's a`, not `theresa`)."""
    if len(letters) == 1:
        return letters not in "aAI"
    return lexicon().zipf(letters.lower()) < PIECE_OF_ZIPF


def _possessive(low: str) -> bool:
    """Whether `low` (`...ys`) is a possessive that lost its apostrophe, not a plural."""
    words = lexicon()
    plural = low[:-2] + "ies"
    return (
        words.zipf(low[:-1]) >= POSSESSOR_ZIPF
        and words.zipf(plural) - words.zipf(low) >= PLURAL_LEAD
    )
