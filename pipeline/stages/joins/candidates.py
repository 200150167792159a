"""Candidate split points in a text: where a space may be missing, and how sure the words are.

For each token that is not plainly a word, the points where a lost line break
may have glued two words, each with its *margin*: the log10 odds, from the
words alone and the batch's vocabulary, that a space belongs there.  The
joins stage weighs these against the rhythm of the lost breaks.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Literal

import regex

from pipeline.data import word_list
from pipeline.lexicon import Lexicon
from pipeline.patterns import protected_spans
from pipeline.stages.joins.thresholds import (
    COMMON,
    KNOWN_NAME,
    MAX_TOKEN,
    NAME_LOGP,
    NAME_PER_LETTER,
    SPLIT_COST,
    SUGGEST,
    SURE,
    UNKNOWN_LOWER,
    UNKNOWN_PER_LETTER,
)
from pipeline.vocabulary import MIXED, Vocabulary

SplitKind = Literal["words", "case", "edge"]

TOKEN = regex.compile(r"\S+")
RUN = regex.compile(r"\p{L}+")
# Case segments: "AzizDolosbayev" -> Aziz|Dolosbayev, "NATOallies" -> NATO|allies,
# "AVenezuelan" -> A|Venezuelan, "theAfrican" -> the|African.
CAPITALS = regex.compile(r"\p{Lu}+")
LETTERS_AT_END = regex.compile(r"\p{L}+\Z")
# The word-and-number stretch either side of a digit edge: 'over' | '70', 'US$' | '5.2bn'.
EDGE_LEFT = regex.compile(r"[\p{L}\d.,:$€£¥]*\Z")
EDGE_RIGHT = regex.compile(r"[\p{L}\d.,:$€£¥]*")
CASE_SEGMENT = regex.compile(r"\p{Lu}*\p{Ll}+|\p{Lu}+")
DIGITISH = regex.compile(r"[\d$€£¥]")  # what every edge in DIGIT_EDGE holds
DIGIT_EDGE = regex.compile(r"(?<=\p{L})(?=[\d$€£¥])|(?<=\d)(?=\p{L})")
# Marks that end a word before the next begins, each with its margin.
MARK_EDGES = (
    (regex.compile(r"(?<=\p{Ll}{2}[.!?])(?=[AI]\b)"), 2.5),  # activity.A judge
    (regex.compile(r"(?<=\))(?=\p{Ll}{2})"), 2.5),  # (FBI)is
    (regex.compile(r"(?<=\d[.!?])(?=\p{Lu}\p{Ll}+\b)"), 2.5),  # 2024.Seven
    (regex.compile(r"(?<=\b(?:\p{Lu}\.){2,})(?=\p{Lu}\p{Ll}+\b)"), 1.5),  # U.S.President
    (regex.compile(r"(?<=\p{L}{2},)(?=\d)"), 1.5),  # events,2025
    (regex.compile(r"(?<=\p{L}{2})(?=(?:\p{Lu}\.){2,})"), 1.5),  # DeputyU.S., theU.K.
    (regex.compile(r"(?<=\b(?:\p{Lu}\.){2,})(?=\p{Ll}{2,})"), 1.5),  # D.C.for
    (regex.compile(r"(?<=\p{Ll}{2})(?=\(\p{L})"), 1.0),  # Court(ICC)
    (regex.compile(r"(?<=\p{L}['\u2019]s)(?=\p{Lu}\p{Ll})"), 2.5),  # Mexico'sTax
    (regex.compile(r"(?<=\b\p{Lu}\.)(?=\p{Lu}\p{Ll}{2,})"), 1.0),  # HarryS.Truman
    (regex.compile(r"(?<=\p{Lu}\p{Ll}{2,})(?=\p{Lu}\.)"), 1.0),  # HarryS. (name, initial)
    (regex.compile(r"(?<=\p{L}\p{Ll}{2,})(?=Ma?c\p{Lu}\p{Ll})"), 1.0),  # MitchMcConnell
    (regex.compile(r"(?<=\p{Ll}{2})(?=\p{Lu}{1,4}-?\d)"), 1.0),  # theM23, moreF-16
    (regex.compile(r"(?<=\d%)(?=\p{L}{2,})"), 2.5),  # 20%tariff
    (regex.compile(r"(?<=\p{L}{2}s['\u2019])(?=\p{Ll}{2,})"), 1.5),  # Pharmaceuticals'new
)
# Whether any of MARK_EDGES can match a token: one search instead of one per pattern.
MARK_GATE = regex.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in MARK_EDGES))
# Code: its marks, a URL, a call (isinstance(x, print(), .format(); not Court(ICC) or
# fraud(vote, a glue before a bracket).
CODE_LIKE = regex.compile(r"[_=<>{}\\/@#]|://|\.\p{Ll}+\(|\p{Ll}\((?:\p{Ll}[\p{L}\d]*)?[,)]")
IDENTIFIER = regex.compile(r"\p{L}{2}\d\p{L}|\p{Ll}\d\p{L}")
PARTICIPLE = regex.compile(r"\p{L}{3,}(?:ed|ing)\Z")
CLITICS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})
ORDINAL_SUFFIX = {"1": "st", "2": "nd", "3": "rd"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A point where a space may go, with the evidence of the words alone."""

    at: int
    margin: float
    kind: SplitKind
    left: str
    right: str
    familiar: bool = False  # the glued form is itself a known word or recurs in the batch
    doubtful: bool = False  # the shape is common in names and compounds: apply only on rhythm


def _name_logp(name: str, vocabulary: Vocabulary) -> float:
    seen = 1.0 if vocabulary.word_count(name) > 1 else 0.0
    return NAME_LOGP + NAME_PER_LETTER * len(name) + seen


def _whole_logp(lex: Lexicon, run: str, vocabulary: Vocabulary) -> float:
    value = lex.logp(run.lower())
    if run[:1].isupper():
        name = _name_logp(run, vocabulary)
        return name if value is None else max(value, name)
    if value is not None:
        return value
    return UNKNOWN_LOWER + UNKNOWN_PER_LETTER * len(run)


def _segment(lex: Lexicon, run: str, vocabulary: Vocabulary) -> tuple[list[int], float]:
    """Best split points of a letter run into up to MAX_PARTS parts, and the split's score
    (in the compiled core: `pipeline_engine::segment`).

    Only the first part may be a name (a capitalised part the lexicon lacks);
    later parts must be known lower-case words.
    """
    return lex.segmenter.segment(run, vocabulary.word_count)


def _batch_evidence(glued: str, vocabulary: Vocabulary, *, camel: bool = True) -> float:
    """log10 odds from the batch: written spaced more than glued, or glued often and never spaced.

    A lost break falls between two given words rarely, so a glued form that
    recurs and is never spaced is a name or compound; but a damaged batch
    glues a frequent phrase a few times too, so without an inner capital it
    takes more recurrences to count.
    """
    glued_count, spaced_count = vocabulary.word_count(glued), vocabulary.pair_count(glued)
    if spaced_count > glued_count:
        return 1.0
    if spaced_count == 0 and glued_count >= (2 if camel else 4):
        return -2.0 * min(glued_count, 3)
    if spaced_count == 0 and glued_count >= 2:
        return -1.0
    return 0.0


def _chain_logp(lex: Lexicon, pieces: list[str], vocabulary: Vocabulary) -> float:
    """log10 p of pieces read as consecutive tokens, with the glue prior for each join.

    A lone piece is the whole token (a word, a name or an unknown string); in
    a chain, a known piece counts as that word, and an unknown one as a name or
    an unknown string.
    """
    if len(pieces) == 1:
        return _whole_logp(lex, pieces[0], vocabulary)
    first = lex.logp(pieces[0].lower())
    total = first if first is not None else _whole_logp(lex, pieces[0], vocabulary)
    for previous, piece in itertools.pairwise(pieces):
        if lex.logp(piece.lower()) is not None:
            total += lex.cond(previous.lower(), piece.lower())
        else:
            total += _whole_logp(lex, piece, vocabulary)
        total -= SPLIT_COST
    return total


def _derived(lex: Lexicon, low: str) -> bool:
    """Whether a token is a known word plus a suffix: photosynthesizes, melancholically."""
    suffixes = word_list("suffixes")
    for length in range(1, min(_longest(suffixes), len(low) - 4) + 1):
        if low[-length:] in suffixes and lex.zipf(low[:-length]) >= 2.5:
            return True
    return False


@functools.cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _word_candidates(
    lex: Lexicon, run: str, offset: int, vocabulary: Vocabulary
) -> list[Candidate]:
    """Lexical splits of a run without inner capitals (`thepress`, `Theconference`, `Hamroand`).

    Each cut gets its own margin: the best reading against the same reading
    with that one cut undone, so `accusingherofcontempt` is judged cut by cut;
    no cut is surer than the whole reading against the unsplit token.
    """
    low = run.lower()
    if len(run) < 3 or not run[1:].islower():
        return []
    if lex.zipf(low) >= (KNOWN_NAME if run[0].isupper() else COMMON):
        return []  # plainly a word or name: Kazakhstan, cooperation
    cuts, _ = _segment(lex, run, vocabulary)
    if not cuts:
        return []
    bounds = [0, *cuts, len(run)]
    pieces = [run[a:b] for a, b in itertools.pairwise(bounds)]
    best = _chain_logp(lex, pieces, vocabulary)
    short_name = run[0].isupper() and len(run) < 7  # mostly names: Wasit, Isa, Beit
    prefixes = word_list("prefixes")
    derived = _derived(lex, low)
    familiar = lex.zipf(low) >= 1.5 or vocabulary.word_count(run) > 1
    whole = best - _chain_logp(lex, [run], vocabulary)
    found = []
    for i, cut in enumerate(cuts):
        merged = [*pieces[:i], pieces[i] + pieces[i + 1], *pieces[i + 2 :]]
        margin = min(whole, best - _chain_logp(lex, merged, vocabulary))
        unknown_name = lex.logp(pieces[0].lower()) is None and run[0].isupper()
        doubtful = (
            short_name
            or derived
            # Kazinform, Muyayarecognize: a name before a content word reads either way
            or (unknown_name and pieces[-1].lower() not in word_list("function-words"))
            # Kolesnikova, Khmelnytskyi, Josephat: a name's ending, not a word
            or (run[0].isupper() and i == len(cuts) - 1 and len(pieces[-1]) < 3)
            # counteroffensive, neurotechnologies: a prefix makes a compound
            or pieces[i].lower() in prefixes
            # radiocontrolled, attentiongrabbing: a compound that lost its hyphen
            or (
                PARTICIPLE.search(pieces[i + 1]) is not None
                and pieces[i].lower() not in word_list("function-words")
            )
        )
        margin += _batch_evidence(pieces[i] + pieces[i + 1], vocabulary, camel=False)
        found.append(
            Candidate(offset + cut, margin, "words", pieces[i], pieces[i + 1], familiar, doubtful)
        )
    return found


def _case_segments(lex: Lexicon, run: str) -> list[tuple[int, int]]:
    """Spans of a run's case segments; capitals before lower case go where the lexicon says.

    "NATOallies" is NATO|allies, "SpaceXlaunches" Space|X|launches and
    "AVenezuelan" A|Venezuelan, but "Ahead", "MIAs" and "Dolosbayev" stay whole.
    """
    spans: list[tuple[int, int]] = []
    for match in CASE_SEGMENT.finditer(run):
        start, end = match.span()
        caps = CAPITALS.match(run[start:end])
        width = caps.end() if caps else 0
        tail = run[start + width : end]
        if not width or not tail or len(tail) <= 2:
            spans.append((start, end))
            continue
        capitalised = run[start + width - 1 : end]
        if width >= 2 and tail.lower() in word_list("function-words"):
            cut = width  # ISILand, NATOand: a function word after capitals
        elif width == 2 and start == 0 and run[0] in "AI" and len(tail) >= 3:
            cut = 1  # ABeechcraft, ATatmadaw: the article before a name
        elif lex.zipf(capitalised.lower()) >= 2.5:
            cut = width - 1  # the last capital starts a word: AVenezuelan, President
        elif (start > 0 or width >= 2 or run[start] in "AI") and _capitals_end_before(
            lex, run[start : start + width], tail
        ):
            cut = width  # the capitals end before a word: NATOallies, Aman, SpaceXlaunches
        else:
            cut = 0  # one word or name: Anod, IDFreservist
        if cut == 0:
            spans.append((start, end))
        else:
            spans += [(start, start + cut), (start + cut, end)]
    return spans


def _capitals_end_before(lex: Lexicon, capitals: str, tail: str) -> bool:
    """Whether capitals glued to lower-case letters end before them (`NATOallies`, `Aman`)."""
    zipf = lex.zipf(tail.lower())
    if len(capitals) >= 2:
        return zipf >= 2.5 and len(tail) >= 3
    if capitals in "AI":
        return zipf >= 4.0  # the article or pronoun: Aman, Apolice, Iwas (not Anod)
    return zipf >= 3.5 and len(tail) >= 4  # SpaceXlaunches


def _case_candidates(
    lex: Lexicon, run: str, segments: list[tuple[int, int]], offset: int, vocabulary: Vocabulary
) -> list[Candidate]:
    """Splits at inner capitals (`theAfrican`, `AzizDolosbayev`), unless the run is a name."""
    if len(segments) < 2:
        return []
    head = run[segments[0][0] : segments[0][1]]
    lower_function_word = head.islower() and head in word_list("function-words")
    if not lower_function_word and _batch_evidence(run, vocabulary) < 0:
        return []  # a recurring inner-capital form the batch never spaces: a name
    if lex.zipf(run.lower()) >= 2.0 and _batch_evidence(run, vocabulary) <= 0:
        return []  # TikTok, YouTube, McDonald, KwaZulu
    particles = word_list("name-particles")
    candidates = []
    for (left_start, point), (_, right_end) in itertools.pairwise(segments):
        left, right = run[left_start:point], run[point:right_end]
        if left.isupper() and right.islower() and lex.zipf(right) < 3.0:
            continue  # an acronym's plural or suffix: MIAs, PhDs
        if len(left) == 1 and left.islower() and left != "a":
            continue  # iPhone, eBay, xAI (but aTatmadaw: the article)
        functional = left.lower() in word_list("function-words") and len(left) > 1
        if right.isupper() and len(right) >= 2 and functional:
            candidates.append(Candidate(offset + point, 1.0, "case", left, right))
            continue  # theIDF, byISIL, TheCALNEV
        hyphenated = right_end == len(run) and len(right) == 2 and right[1:].islower()
        if right.isupper() and len(right) >= 2 and left[1:].islower() and _last_word(lex, left):
            candidates.append(Candidate(offset + point, 0.5, "case", left, right))
            continue  # allegedUS, wheretheUN, BangladeshiIEDCR
        if left.lower() in word_list("name-prefixes"):
            continue  # McLaren, MacArthur, FitzGerald
        if left.lower() in particles and not right.isupper() and len(right) >= 3:
            # deJaneiro, ElSalvador glue; DeSantis, LaGuardia do not: only the batch and
            # the rhythm can tell, and a lower-case particle leans to the glue.
            margin = (1.0 if left.islower() else 0.0) + _batch_evidence(left + right, vocabulary)
            candidates.append(Candidate(offset + point, margin, "case", left, right, doubtful=True))
            continue
        if left.lower() in particles or (len(right) < 3 and not hyphenated) or right.isupper():
            continue  # AfD, VfB; OpenAI
        if left.isupper() and len(left) == 1 and left not in "AI" and not right.islower():
            continue  # 4CMenB, SpaDeX: an identifier, not words
        last, first = _last_word(lex, left), _first_word(lex, right)
        margin = 1.0 if last and first else 0.5
        if functional and first:
            margin = SURE + 0.5  # theAfrican, TheConference, ofKazakhstan
        evidence = _batch_evidence((last or left) + (first or right), vocabulary)
        # Names may start "The" or "Near" (NearEarth) but not "the": a lower-case function
        # word glued to a capital is a glue however often the batch repeats it.
        margin += max(evidence, 0.0) if functional and left.islower() else evidence
        candidates.append(Candidate(offset + point, margin, "case", run[:point], run[point:]))
    return candidates


def _last_word(lex: Lexicon, text: str) -> str:
    """The longest known word that `text` ends with (three letters, or a function word), or ""."""
    for i in range(0, len(text)):
        tail = text[i:].lower()
        if (len(tail) >= 3 and lex.zipf(tail) >= 3.0) or tail in word_list("function-words"):
            return text[i:]
    return ""


def _first_word(lex: Lexicon, text: str) -> str:
    """The longest known word that `text` starts with (three letters, or a function word)."""
    for i in range(len(text), 0, -1):
        head = text[:i].lower()
        if (i >= 3 and lex.zipf(head) >= 3.0) or head in word_list("function-words"):
            return text[:i]
    return ""


def _edge_candidates(
    lex: Lexicon, token: str, offset: int, vocabulary: Vocabulary
) -> list[Candidate]:
    """Splits where letters meet digits, currency signs or brackets (`over70`, `(FBI)is`)."""
    candidates: list[Candidate] = []
    digits = DIGITISH.search(token) is not None  # most tokens: no digit, no currency sign
    if digits and IDENTIFIER.search(token):
        return candidates  # Grow2Feed, number9dream, B2B: one digit inside letters is a name
    units = word_list("unit-suffixes")
    mixed = {m.start(): m.group() for m in MIXED.finditer(token)} if digits else {}
    for match in DIGIT_EDGE.finditer(token) if digits else ():
        at = match.start()
        left = EDGE_LEFT.search(token[:at])
        right = EDGE_RIGHT.match(token[at:])
        left_text = left.group() if left else ""
        right_text = right.group() if right else ""
        if token[at - 1].isalpha():
            word = LETTERS_AT_END.search(token[:at])
            letters = word.group() if word else ""
            head = _last_word(lex, letters)
            if letters == "A" and token[at].isdigit():
                candidates.append(Candidate(offset + at, 0.5, "edge", left_text, right_text))
                continue  # A14-year-old: the article, or a model name (A380)
            if letters[:1].isupper() and letters[1:].islower() and head == letters:
                if len(head) >= 3 or head.lower() in word_list("function-words"):
                    candidates.append(Candidate(offset + at, 1.0, "edge", left_text, right_text))
                continue  # April2, Route169, An18-year-old: a name and a number, on rhythm
            unit = letters.lower() in units and letters.lower() not in word_list("function-words")
            if unit or not head.islower() or len(letters) - len(head) == 1:
                continue  # km2, mp3; F16, COVID19, Aa1; A$1 million
            if head != letters and len(head) < 4 and head not in word_list("function-words"):
                continue  # Shunxin39
            margin = SURE + 0.5 if lex.zipf(head) >= 5.0 else 0.5
        else:
            word = RUN.match(token[at:])
            letters = word.group() if word else ""
            suffix = _ordinal(token[:at])
            if letters.lower().startswith(suffix) and _first_word(lex, letters[len(suffix) :]):
                at += len(suffix)  # 80thanniversary: the break follows the ordinal
                letters = letters[len(suffix) :]
                right_text = right_text[len(suffix) :]
                left_text += suffix
            tail = _first_word(lex, letters)
            if letters.lower() in units or len(tail) < 2:
                continue  # 10km, 2nd, 1990s, 5G; Learjet 35A, Section 69A
            margin = SURE + 0.5 if lex.zipf(tail.lower()) >= 4.0 else 0.5
        margin += _repeated_identifier(token, match.start(), mixed, vocabulary)
        candidates.append(Candidate(offset + at, margin, "edge", left_text, right_text))
    for pattern, margin in MARK_EDGES if MARK_GATE.search(token) else ():
        for match in pattern.finditer(token):
            at = match.start()
            candidates.append(Candidate(offset + at, margin, "edge", token[:at], token[at:]))
    return candidates


def _repeated_identifier(
    token: str, at: int, mixed: dict[int, str], vocabulary: Vocabulary
) -> float:
    """Evidence against a split before the digits of a letters-and-digits run the batch
    repeats unspaced (boto3, win32): an identifier, not a glue.  Never evidence for one;
    never for digits before letters (M23rebels, 36people recur as glues in damaged news)."""
    if not token[at - 1].isalpha():
        return 0.0
    for start, run in mixed.items():
        if start < at < start + len(run):
            return min(0.0, _batch_evidence(run, vocabulary))
    return 0.0


def _ordinal(number: str) -> str:
    """The ordinal suffix a number takes in English: 1st, 2nd, 3rd, 11th, 80th."""
    if len(number) >= 2 and number[-2] == "1":
        return "th"
    return ORDINAL_SUFFIX.get(number[-1:], "th")


def _clitic_candidates(
    lex: Lexicon, run: str, offset: int, vocabulary: Vocabulary
) -> list[Candidate]:
    """Words glued after a clitic: Russia'sgas -> Russia's gas, Russia'sgasfirm -> ... gas firm."""
    for clitic in sorted(CLITICS, key=len, reverse=True):
        rest = run[len(clitic) :]
        if not run.startswith(clitic) or len(rest) < 2:
            continue
        inner = [
            c
            for c in _word_candidates(lex, rest, offset + len(clitic), vocabulary)
            if c.margin >= SUGGEST
        ]
        first = inner[0].left if inner else rest
        zipf = lex.zipf(first.lower())
        if zipf >= 3.0:
            margin = SURE + 0.5 if zipf >= 4.0 else 1.0
            return [Candidate(offset + len(clitic), margin, "words", clitic, rest), *inner]
    return []


def candidates(text: str, vocabulary: Vocabulary, lex: Lexicon) -> list[Candidate]:
    """Every candidate split point in `text`, each with its margin from the words alone."""
    spans = protected_spans(text)
    found: list[Candidate] = []
    span_index = 0
    cache = _cache(vocabulary).tokens
    plain = lex.common_lower(COMMON)
    for token_match in TOKEN.finditer(text):
        token, offset = token_match.group(), token_match.start()
        while span_index < len(spans) and spans[span_index][1] <= offset:
            span_index += 1
        if span_index < len(spans) and spans[span_index][0] < token_match.end():
            continue  # a URL, e-mail address, handle or dotted name
        if len(token) > MAX_TOKEN:
            continue  # not prose: a hash, a base64 blob, a line of letters
        if token in plain:
            continue  # the common case: a plain word
        held = cache.get(token)
        if held is None:
            with vocabulary.read_by(set()) as reads:
                held = cache[token] = _entry(_token_candidates(token, vocabulary, lex), reads)
        elif held[1] and vocabulary.reading is not None:
            vocabulary.reading.update(held[1])  # what computing it read, this file reads too
        found += [_shifted(c, offset) for c in held[0]]
    found.sort(key=lambda c: c.at)
    return _dedupe(found)


# A cached answer: the candidates, and the batch counts computing them read.  Tuples,
# the empty one shared: a batch caches tens of thousands of these.
_Entry = tuple[tuple[Candidate, ...], tuple[str, ...]]
_NOTHING: _Entry = ((), ())


def _entry(found: list[Candidate], reads: set[str]) -> _Entry:
    return (tuple(found), tuple(reads)) if found or reads else _NOTHING


@dataclass(slots=True)
class _Cache:
    """Candidates by token and by letter run, for one vocabulary: a batch repeats its tokens
    ("Kazakhstan", "Kazakhstan," and "(Kazakhstan" share a run), so each is read once."""

    vocabulary: Vocabulary
    changes: int  # the vocabulary's count of changes when these were computed
    tokens: dict[str, _Entry]
    runs: dict[str, _Entry]


_CACHES: dict[int, _Cache] = {}
CACHE_TOKENS = 40_000


def _cache(vocabulary: Vocabulary) -> _Cache:
    held = _CACHES.get(id(vocabulary))
    if held is None or held.vocabulary is not vocabulary or held.changes != vocabulary.changes:
        _CACHES.clear()  # one batch, as it stands, at a time
        held = _CACHES[id(vocabulary)] = _Cache(vocabulary, vocabulary.changes, {}, {})
    if len(held.tokens) > CACHE_TOKENS:
        held.tokens.clear()
    if len(held.runs) > CACHE_TOKENS:
        held.runs.clear()
    return held


def _token_candidates(token: str, vocabulary: Vocabulary, lex: Lexicon) -> list[Candidate]:
    """Candidates of one token, at offsets within it."""
    found: list[Candidate] = []
    if CODE_LIKE.search(token):
        return found
    runs = _cache(vocabulary).runs
    for run_match in RUN.finditer(token):
        run, at = run_match.group(), run_match.start()
        if at > 0 and token[at - 1] in "'\u2019":
            if at > 1 and token[at - 2].isalpha():
                found += _clitic_candidates(lex, run, at, vocabulary)
            continue  # after a clitic (Russia'sgas) or an opening quote ('scallop')
        held = runs.get(run)
        if held is None:
            with vocabulary.read_by(set()) as reads:
                held = runs[run] = _entry(_run_candidates(lex, run, vocabulary), reads)
        elif held[1] and vocabulary.reading is not None:
            vocabulary.reading.update(held[1])
        found += [_shifted(c, at) for c in held[0]] if at else list(held[0])
    found += _edge_candidates(lex, token, 0, vocabulary)
    return found


def _run_candidates(lex: Lexicon, run: str, vocabulary: Vocabulary) -> list[Candidate]:
    """Candidates of one letter run, at offsets within it: at case changes, between words."""
    segments = _case_segments(lex, run)
    found = _case_candidates(lex, run, segments, 0, vocabulary)
    for start, end in segments:
        segment = run[start:end]
        if segment[1:].islower():
            found += _word_candidates(lex, segment, start, vocabulary)
    return found


def _shifted(candidate: Candidate, offset: int) -> Candidate:
    c = candidate
    return Candidate(c.at + offset, c.margin, c.kind, c.left, c.right, c.familiar, c.doubtful)


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in found:
        if kept and kept[-1].at == candidate.at:
            if candidate.margin > kept[-1].margin:
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept
