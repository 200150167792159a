"""Edit ids: the core hashes a text's keys in one call, to the character of Python's own."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import _core
from pipeline.edit_ids import EditIds, _key, fingerprint, fingerprints, path_key
from pipeline.edits import Edit, LineIndex, Rule
from pipeline.files.sources import Source

RULE = Rule("PL999", "test-rule", "test", "a rule for tests", "a", "b")

# Text of every kind the key reads: words, each white space `\s` matches, the separators
# str.isspace adds, letters beyond ASCII and lone surrogates.
PIECES = st.sampled_from(
    ["word", "é", "ß", "x", " ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85"]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)


def edit(before: str, after: str) -> Edit:
    return Edit(0, len(before), before, after, RULE, 1.0, "")


def by_python(path: str, original: str, located: list[tuple[int, Edit]]) -> list[str]:
    return [fingerprint(_key(path, original, at, e)) for at, e in located]


@given(
    original=TEXTS,
    edits=st.lists(
        st.tuples(st.integers(0, 200), st.text(max_size=4), st.text(max_size=2)), max_size=8
    ),
    path=st.sampled_from(["a.txt", "dir/é.txt", "-", "bad\udcff.txt"]),
)
def test_the_core_hashes_every_key_as_python_does(
    original: str, edits: list[tuple[int, str, str]], path: str
) -> None:
    located = [(min(at, len(original)), edit(b, a)) for at, b, a in edits]
    # an edit that lies where its text is, as most do
    if original:
        located.append((0, edit(original[:5], "")))
    assert fingerprints(path, original, located) == by_python(path, original, located)


def test_a_key_given_again_in_a_file_is_numbered_and_one_place_keeps_its_id() -> None:
    """The same edit in the same words at three places of a file: the first id is the
    fingerprint, the later ones count on (`-1`, `-2`), across the file's pieces; asking
    again at a place already named gives its id back, and `peek` names without giving."""
    ids = EditIds("a.txt")
    original = "the  cat and the  cat and the  cat"
    spaces = [at for at in range(len(original)) if original.startswith("  ", at)]
    located = [(at, edit("  ", " ")) for at in spaces]
    ids.begin(original)
    first, second = ids.of_all(original, located[:2])
    assert second == f"{first}-1"
    assert ids.of_all(original, located[:1]) == [first]  # the same place: the same id
    assert ids.peek(original, *located[2]) == f"{first}-2"
    ids.begin(original)  # the file's next piece
    assert ids.of_all(original, located[2:]) == [f"{first}-2"]
    assert EditIds("a.txt").of_all(original, located[2:]) == [first]  # another file


def test_the_core_refuses_to_name_what_is_no_fingerprint_with_an_exception() -> None:
    repeats = _core.Repeats()
    with pytest.raises(ValueError, match="not a fingerprint"):
        repeats.give_all(["not hex at all, and thirty-two long"], [0])
    with pytest.raises(ValueError, match="for each offset"):
        repeats.give_all(["0" * 32], [0, 1])
    assert repeats.give_all(["0" * 32, "0" * 32], [0, 0]) == ["0" * 32] * 2  # one place


def test_a_files_key_is_named_from_the_root_wherever_the_run_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative root is read from the working folder of each call, however often the
    resolved root is kept: a key names the file inside the root, else as found."""
    (tmp_path / "one" / "project" / "docs").mkdir(parents=True)
    (tmp_path / "two" / "project").mkdir(parents=True)
    text = tmp_path / "one" / "project" / "docs" / "a.txt"
    text.write_text("x", encoding="utf-8")
    source = Source(text, PurePosixPath("a.txt"))
    monkeypatch.chdir(tmp_path / "one")
    assert path_key(source, "project") == "docs/a.txt"
    monkeypatch.chdir(tmp_path / "two")
    assert path_key(source, "project") == "a.txt"  # another project: named as found
    assert path_key(source, str(tmp_path / "one" / "project")) == "docs/a.txt"


@given(
    texts=st.lists(TEXTS, min_size=1, max_size=3),
    edits=st.lists(
        st.tuples(st.integers(0, 60), st.text("ab é\n", max_size=3), st.text(max_size=2)),
        max_size=8,
    ),
    path=st.sampled_from(["a.txt", "dir/é.txt", "bad\udcff.txt"]),
)
def test_edits_are_named_in_one_call_as_one_by_one(
    texts: list[str], edits: list[tuple[int, str, str]], path: str
) -> None:
    """The core names a text's edits (their ids, lines, columns and offsets) as the ids, the
    line index and the edits would one by one, repeats across a file's pieces included."""
    fused, apart = EditIds(path), EditIds(path)
    for original in texts:
        fused.begin(original)
        apart.begin(original)
        located = [(at, edit(before, after)) for at, before, after in edits] * 2
        ids = apart.of_all(original, located)
        places = LineIndex(original).positions([at for at, _ in located])
        expected = [
            Edit(*e[:8], line, column, name, at)
            for (at, e), name, (line, column) in zip(located, ids, places, strict=True)
        ]
        named = fused.named(original, located)
        strings = original + path + "".join(before + after for _, before, after in edits)
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in strings):  # no UTF-8: Python names them
            assert named is None
            named = expected
            fused.of_all(original, located)
        assert named is not None
        assert named == expected
        assert all(type(e) is Edit for e in named)


def test_a_plain_text_is_named_by_the_core() -> None:
    original = "ab\ncd cd"
    ids = EditIds("a.txt")
    ids.begin(original)
    located = [(3, edit("cd", "x")), (6, edit("cd", "x")), (3, edit("cd", "x"))]
    named = ids.named(original, located)
    assert named is not None
    assert [(e.line, e.column, e.offset) for e in named] == [(2, 1, 3), (2, 4, 6), (2, 1, 3)]
    first, second, again = (e.id for e in named)
    assert second == f"{first}-1" and again == first  # the same place keeps its id
