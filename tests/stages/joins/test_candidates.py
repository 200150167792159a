"""Candidate split points: the evidence of the words and the batch, before any rhythm."""

from __future__ import annotations

import pytest

from pipeline.stages.joins.engine import engine
from pipeline.vocabulary import Vocabulary

SURE = 2.0  # the core's thresholds: a margin that anchors the line width...
SUGGEST = -0.5  # ... and one worth a look
OPENING = "In a statement issued on Monday morning, "  # past a first line's length


def margins(token: str, vocabulary: Vocabulary | None = None) -> dict[str, float]:
    found, _ = engine().candidates(token, (vocabulary or Vocabulary()).core)
    return {f"{left}|{right}": margin for _, margin, _, left, right, _, _ in found.rows()}


@pytest.mark.parametrize(
    ("token", "split"),
    [
        ("thepress", "the|press"),
        ("theAfrican", "the|African"),
        ("betweenIndia", "between|India"),  # a preposition is a function word too
        # a name whose letters after its capital make a word: the|Dassault, not the|D|assault
        ("itsDassault", "its|Dassault"),
        ("theDrents", "the|Drents"),
        ("over70", "over|70"),
        ("20%tariff", "20%|tariff"),
        ("(FBI)is", "(FBI)|is"),
        ("of45.2", "of|45.2"),  # a function word before a decimal: no dotted name
        ("to2.5%,", "to|2.5"),
        ("won49.8%", "won|49.8"),  # a percentage: no version
        ("country's80", "s|80"),  # a possessive, then a number
        ("IDF\u2019s401st", "s|401st"),
        ("80thanniversary", "80th|anniversary"),  # the break follows an ordinal...
        ("1980sof", "1980s|of"),  # ... or a decade's plural before a function word
        ("20sin", "20s|in"),  # (no unit after a plural: not `50in`)
        ("30said", "30|said"),  # but `said` is commoner than `aid`
    ],
)
def test_plain_glues_are_sure(token: str, split: str) -> None:
    assert margins(token)[split] >= SURE


@pytest.mark.parametrize(
    ("token", "split"),
    [
        ("NATOallies", "NATO|allies"),
        ("SpaceXlaunches", "SpaceX|launches"),  # one capital ends a capitalised run
        ("FIFAsuspends", "FIFA|suspends"),  # a rarer word after capitals, but a long one
        ("CEOof", "CEO|of"),  # a function word after capitals, however short
        ("MPspresent", "MPs|present"),  # an acronym's plural, then a word
        ("BAFTAsare", "BAFTAs|are"),
        ("USis", "US|is"),
        ("AzizDolosbayev", "Aziz|Dolosbayev"),
        ("Hamroand", "Hamro|and"),
        ("Ahmedal-Sharaa", "Ahmed|al"),  # the article of a hyphenated name
        ("Hurrasal-Din", "Hurras|al"),
        ("Islamwal-Muslimin", "Islam|wal"),  # the article after wa, and
        ("injures15", "injures|15"),  # a rarer word before a number
        ("50in", "50|in"),  # a unit and a preposition
        ("Jama'atNasr", "Jama'at|Nasr"),  # a name after a word with an apostrophe inside
    ],
)
def test_glues_that_read_either_way_wait_for_the_rhythm(token: str, split: str) -> None:
    assert SUGGEST <= margins(token)[split] < SURE


@pytest.mark.parametrize("token", ["O'Neill", "D'Angelo", "d'Artagnan", "l'Automobile"])
def test_a_name_with_an_apostrophe_stays_whole(token: str) -> None:
    assert margins(token) == {}


@pytest.mark.parametrize("token", ["Nepal-India", "Bilal-Ahmad", "Portugal-Spain", "Xal-Y"])
def test_a_word_ending_in_al_before_a_hyphen_keeps_it(token: str) -> None:
    """A word or name the lexicon knows (`Nepal`, `Bilal`), or too short to be one, has no
    article glued to it."""
    assert all(m < SUGGEST for pair, m in margins(token).items() if pair.endswith("|al"))


def test_a_name_the_batch_writes_before_its_article_is_surer_split() -> None:
    batch = Vocabulary.of([OPENING + "President Ahmed al-Sharaa spoke. " * 3])
    assert margins("Ahmedal-Sharaa", batch)["Ahmed|al"] >= SURE


@pytest.mark.parametrize(
    "token",
    [
        "Turgumbayev",
        "Ramazon",
        "Kazinform",
        "McLaren",
        "iPhone",
        "MIAs",
        "10km",
        "Grow2Feed",
        "hilltop",
        "cannot",
        "TikTok",
        "exl)eriment",  # an extractor's ) for a p: no word after it
        "1)rol)osed",
        "python3.11",  # a dotted name: a version
        "reaching1.6",  # ... as a word before a decimal may be, but for a percentage
        "utf8",  # a short stem before a number is an identifier's as often
        "md5",
        "a1.5",
        "Mrs1",  # an `s` that is no clitic
        "Kaua\u02bbi",  # the okina, a modifier letter, is inside the name
        "Mata\u02bbafa",
        "a487916",  # an abbreviated hash, not `a 487916`
        "a831908599",
        "O" * 32,  # one letter repeated: no words glued, however long
    ],
)
def test_names_and_words_have_no_sure_split(token: str) -> None:
    assert all(margin < SURE for margin in margins(token).values())


@pytest.mark.parametrize("token", ["MIAs", "PhDs", "CEOs", "DJing", "IPsec", "GIFs", "NASAs"])
def test_an_acronyms_plural_or_suffix_is_no_glue(token: str) -> None:
    assert margins(token) == {}


@pytest.mark.parametrize(
    "token", ["In-ternational", "ex-isting", "Pro-ceedings", "de-scriptions", "informa-tion"]
)
def test_a_word_hyphenated_where_a_line_broke_is_no_glue(token: str) -> None:
    assert margins(token) == {}


def test_a_brackets_optional_start_is_read_as_the_word_the_batch_writes() -> None:
    """`(fake)root` is one word where the batch writes `fakeroot`, which the word list
    lacks; a glued parenthesis is not (`(falsely)announced`)."""
    batch = Vocabulary.of([OPENING + "build it under fakeroot, or (falsely)announced it."])
    assert "(fake)|root" in margins("(fake)root")
    assert margins("(fake)root", batch) == {}
    assert "(falsely)|announced" in margins("(falsely)announced", batch)


def test_a_glue_the_batch_writes_spaced_is_likelier_split() -> None:
    spaced = Vocabulary.of(["Said the Kazakh Minister.", "The Kazakh Minister spoke."])

    def margin(vocabulary: Vocabulary) -> float:
        return max(
            m
            for pair, m in margins("KazakhMinister", vocabulary).items()
            if pair.startswith("Kazakh|")
        )

    assert margin(spaced) > margin(Vocabulary()) + 0.5


def test_a_name_the_batch_writes_apart_again_and_again_is_surer_split() -> None:
    """Counted per time it is written apart more than glued (up to three), and for the
    segments themselves where the words read in them are shorter (`Naw` of `Nawrocki`)."""

    def margin(times: int) -> float:
        batch = Vocabulary.of([OPENING + "Karol Nawrocki spoke. " * times + "KarolNawrocki left."])
        return margins("KarolNawrocki", batch)["Karol|Nawrocki"]

    assert margin(1) == margin(0)  # written apart as often as glued
    assert margin(2) - margin(1) == pytest.approx(1.0)
    assert margin(4) - margin(2) == pytest.approx(2.0)
    assert margin(6) == margin(4)


def test_lower_case_words_written_apart_count_once_where_their_glue_is_a_word() -> None:
    """`a rise` and `on board` are written apart as often where `arise` and `onboard` are
    meant: their count is no name's.  Where the glued form is no word (`buscrashes`,
    `socialmedia`), the pair written apart counts as a name's does, up to three times."""

    def margin(token: str, spaced: str, times: int) -> float:
        batch = Vocabulary.of([OPENING + f"the {spaced}. " * times + f"A {token}."])
        left, right = spaced.split()
        return margins(token, batch)[f"{left}|{right}"]

    assert margin("onboard", "on board", 4) == margin("onboard", "on board", 2)
    assert margin("onboard", "on board", 2) > margin("onboard", "on board", 1)
    crashes = [margin("buscrashes", "bus crashes", times) for times in (1, 2, 3, 4, 6)]
    assert crashes[1] - crashes[0] == pytest.approx(1.0)
    assert crashes[3] - crashes[1] == pytest.approx(2.0)
    assert crashes[4] == crashes[3]


def test_an_inner_capital_form_the_batch_repeats_is_a_name() -> None:
    vocabulary = Vocabulary.of([OPENING + "ZorbaTrax said ZorbaTrax and ZorbaTrax agree."])
    assert all(margin < SUGGEST for margin in margins("ZorbaTrax", vocabulary).values())


def test_an_identifier_the_batch_repeats_unspaced_is_not_split() -> None:
    batch = Vocabulary.of(["Install boto3 first. Then boto3 reads win32 and win32 again.\n"])
    assert all(m < SURE for m in margins("boto3", batch).values())
    assert all(m < SURE for m in margins("win32", batch).values())
    once = Vocabulary.of(["More than over70 people came, and over 70 more.\n"])
    assert margins("over70", once)["over|70"] >= SURE  # a glue the batch also spaces


def test_a_call_is_code_not_a_glue() -> None:
    assert margins("isinstance(line,") == {}
    assert "Court|(ICC)" in margins("Court(ICC)")


def test_candidates_follow_a_vocabulary_that_learns() -> None:
    """A cached answer is not reused once the vocabulary has changed."""
    vocabulary = Vocabulary.of(["Nothing here yet.\n"])
    before = margins("ZorbaTrax", vocabulary)
    text = "".join(f"In report {n} the trading company ZorbaTrax said so.\n" for n in range(3))
    vocabulary.add(text)
    after = margins("ZorbaTrax", vocabulary)
    assert "Zorba|Trax" in before
    assert "Zorba|Trax" not in after  # a name the batch repeats unspaced is not split


@pytest.mark.parametrize(
    ("token", "split", "not_split"),
    [
        ("ishit", "is|hit", "i|shit"),  # a lower-case i is no word in edited prose
        ("astatement", "a|statement", None),
    ],
)
def test_a_word_of_one_letter_is_a_or_the_pronoun_as_written(
    token: str, split: str, not_split: str | None
) -> None:
    found = margins(token)
    assert split in found
    assert not_split not in found


def test_a_term_the_batch_writes_alone_is_read_as_a_word() -> None:
    """The word list lacks `cyclosporiasis`; a batch that writes it alone reads it as a word
    glued to a function word before it or a known word after it."""
    batch = Vocabulary.of([OPENING + "Cases of cyclosporiasis rose. " * 2])
    assert margins("thecyclosporiasis", batch)["the|cyclosporiasis"] >= SUGGEST
    assert margins("cyclosporiasisoutbreak", batch)["cyclosporiasis|outbreak"] >= SUGGEST
    # without the batch's word, no reading holds it
    assert "the|cyclosporiasis" not in margins("thecyclosporiasis")


def test_a_glued_form_the_batch_repeats_is_its_own_word() -> None:
    batch = Vocabulary.of([OPENING + "cyclosporiasis and thecyclosporiasis. " * 2])
    assert "the|cyclosporiasis" not in margins("thecyclosporiasis", batch)


def test_a_glue_the_batch_repeats_is_no_term_of_its_own() -> None:
    """A damaged batch writes `includinga` (including a) more than once: it is no word to
    read `includingaround` by."""
    batch = Vocabulary.of([OPENING + "includinga few. " * 3])
    assert "includinga|round" not in margins("includingaround", batch)


def test_a_name_the_batch_writes_alone_again_and_again_is_no_doubt() -> None:
    """An unknown name glued to a content word reads either way (applied only on the
    rhythm), unless the batch writes the name alone again and again."""

    def doubtful(batch: Vocabulary) -> bool:
        found, _ = engine().candidates("Wazalendofighters", batch.core)
        return {f"{r[3]}|{r[4]}": r[6] for r in found.rows()}["Wazalendo|fighters"]

    assert doubtful(Vocabulary.of([OPENING + "Wazalendo said."]))
    assert not doubtful(Vocabulary.of([OPENING + "Wazalendo said. " * 3]))


@pytest.mark.parametrize(
    ("token", "wrong"), [("1980sof", "1980|sof"), ("40soldiers", "40s|oldiers")]
)
def test_a_decade_plural_stays_with_its_number_only_before_a_function_word(
    token: str, wrong: str
) -> None:
    assert wrong not in margins(token)


@pytest.mark.parametrize("token", ["23andMe", "360buyJD"])
def test_a_name_glued_after_its_number_stays_whole(token: str) -> None:
    """Lower case after a number, then a capital, is a name's shape (the batch cannot say so
    of a name written once); a glue puts the capital first or after an ordinal's or a
    decade's ending."""
    assert margins(token) == {}
    assert "company|" + token in margins("company" + token)


@pytest.mark.parametrize(
    ("token", "split"),
    [("2024The", "2024|The"), ("80thAnniversary", "80th|Anniversary"), ("1990sThe", "1990s|The")],
)
def test_a_capital_first_after_a_number_is_a_glue(token: str, split: str) -> None:
    assert margins(token)[split] >= SURE


@pytest.mark.parametrize(
    ("token", "doubtful"),
    [
        ("radiocontrolled", True),  # a compound that lost its hyphen: radio-controlled
        ("attentiongrabbing", True),
        ("policiesfavoring", False),  # no such compound starts with a plural
        ("busestravelling", False),
        ("refugeesfleeing", False),
        ("badlydamaging", False),  # nor with an adverb
        ("familyowned", True),  # (a noun that ends in -ly)
        ("leavepending", False),  # nor ends in a participle that serves as a preposition
        ("Josephat", True),  # a name's short ending...
        ("Kolesnikova", True),
        ("Departmentof", False),  # ... but a known word before `of` is that word
    ],
)
def test_doubtful_shapes_of_names_and_compounds(token: str, doubtful: bool) -> None:
    found, _ = engine().candidates(token, Vocabulary().core)
    assert [row[6] for row in found.rows()] == [doubtful]
