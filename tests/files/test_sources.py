"""Finding files: nothing skipped in silence, links kept inside the tree, .gitignore obeyed."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from pipeline.files.sources import Selection, discover


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("a\n")
    (root / "sub" / "b.txt").write_text("b\n")
    (root / "c.md").write_text("c\n")
    return root


def names(root: Path, selection: Selection | None = None) -> list[str]:
    return [s.relative.as_posix() for s in discover([root], selection or Selection()).found]


def test_files_in_path_order_by_glob(tree: Path) -> None:
    assert names(tree) == ["a.txt", "sub/b.txt"]
    assert names(tree, Selection(include=("*.md", "*.txt"), exclude=("sub/*",))) == [
        "a.txt",
        "c.md",
    ]


def test_broken_links_loops_and_fifos_are_named(tree: Path) -> None:
    (tree / "broken.txt").symlink_to(tree / "gone.txt")
    (tree / "loop.txt").symlink_to(tree / "loop.txt")
    os.mkfifo(tree / "pipe.txt")
    found = discover([tree], Selection())
    errors = "\n".join(found.errors)
    assert "broken.txt: broken symbolic link" in errors
    assert "loop.txt: symbolic link loop" in errors
    assert "pipe.txt: a named pipe" in errors
    assert [s.relative.as_posix() for s in found.found] == ["a.txt", "sub/b.txt"]


def test_an_unreadable_folder_is_named(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir
    locked = str(tree / "sub")

    def scandir(path: str) -> object:  # root reads any folder, so refuse like a kernel would
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([tree], Selection())
    assert any("sub: cannot read folder: Permission denied" in e for e in found.errors)
    assert [s.relative.as_posix() for s in found.found] == ["a.txt"]


def test_links_out_of_the_tree_are_followed_only_when_asked(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("o\n")
    (tree / "out.txt").symlink_to(outside)
    (tree / "in.txt").symlink_to(tree / "a.txt")
    found = discover([tree], Selection())
    assert [s.relative.as_posix() for s in found.found] == ["a.txt", "in.txt", "sub/b.txt"]
    assert any("out.txt: symbolic link out of" in note for note in found.skipped)
    assert not found.errors
    followed = discover([tree], Selection(follow_links=True))
    assert "out.txt" in [s.relative.as_posix() for s in followed.found]


def test_a_linked_folder_loop_ends(tree: Path) -> None:
    (tree / "sub" / "up").symlink_to(tree)
    found = discover([tree], Selection(follow_links=True))
    assert [s.relative.as_posix() for s in found.found] == ["a.txt", "sub/b.txt"]
    assert any("link loop" in e for e in found.errors)


def test_gitignore_is_obeyed_when_asked(tree: Path) -> None:
    (tree / ".gitignore").write_text("sub/\n")
    (tree / ".git").mkdir()
    (tree / ".git" / "x.txt").write_text("x\n")
    assert names(tree, Selection(gitignore=True)) == ["a.txt"]
    assert names(tree) == [".git/x.txt", "a.txt", "sub/b.txt"]


def test_same_relative_names_clash_only_when_they_must_be_unique(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("x\n")
    roots = [tmp_path / "one", tmp_path / "two"]
    clashing = discover(roots, Selection())
    assert len(clashing.found) == 1 and "same output path" in clashing.errors[0]
    both = discover(roots, Selection(), unique_names=False)
    assert [s.relative for s in both.found] == [PurePosixPath("x.txt")] * 2
    assert not both.errors


def test_a_named_special_file_is_refused(tmp_path: Path) -> None:
    found = discover([Path("/dev/zero"), tmp_path / "missing.txt"], Selection())
    assert not found.found
    assert "/dev/zero: a character device" in found.errors[0]
    assert "missing.txt: no such file or folder" in found.errors[1]


def test_skipped_links_are_listed_in_the_reports(tree: Path, tmp_path: Path) -> None:
    from pipeline.cli import main

    outside = tmp_path / "outside.txt"
    outside.write_text("o\n")
    (tree / "out.txt").symlink_to(outside)
    out = tmp_path / "out"
    assert main(["run", str(tree), "--out", str(out), "-q"]) == 0
    assert "out.txt: symbolic link out of" in (out / "report.md").read_text()
    assert "out.txt: symbolic link out of" in (out / "report.html").read_text()
