"""Finding the files to clean: what a folder holds, and everything in it that cannot be read.

Nothing is skipped in silence.  An unreadable folder, a broken symbolic link,
a link loop or a FIFO that the globs select is a problem named in the summary;
a link that leads out of the source folder is not followed unless asked
(`--follow-links`), and says so.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pipeline.files import TEMPORARY_MARK, special_kind
from pipeline.files.names import shown

if TYPE_CHECKING:
    import pathspec

STDIN = Path("-")
# Version-control folders hold the repository's history, never its text.
VCS_FOLDERS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True, slots=True)
class Source:
    """A file to clean, and its path relative to the folder it was found in."""

    path: Path
    relative: PurePosixPath


@dataclass(slots=True)
class Discovery:
    """The files found, the problems that fail the run, and what was left out on purpose."""

    found: list[Source] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files a walk takes: globs, whether to obey .gitignore, whether to follow links."""

    include: tuple[str, ...] = ("*.txt",)
    exclude: tuple[str, ...] = ()
    gitignore: bool = False
    follow_links: bool = False


def _selected(relative: PurePosixPath, selection: Selection) -> bool:
    return any(relative.match(p) for p in selection.include) and not any(
        relative.match(p) for p in selection.exclude
    )


@dataclass(frozen=True, slots=True)
class _Ignores:
    """The .gitignore files met on the way down, each applying below its own folder."""

    specs: tuple[tuple[Path, pathspec.GitIgnoreSpec], ...] = ()

    def below(self, folder: Path) -> _Ignores:
        try:
            lines = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return self
        import pathspec  # only where a .gitignore is read

        return _Ignores((*self.specs, (folder, pathspec.GitIgnoreSpec.from_lines(lines))))

    def ignored(self, path: Path, is_folder: bool) -> bool:
        for base, spec in self.specs:
            relative = path.relative_to(base).as_posix() + ("/" if is_folder else "")
            if spec.match_file(relative):
                return True
        return False


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be followed, or None if it leads somewhere."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"{shown(path)}: symbolic link loop; skipped"
        if error.errno == errno.ENOENT:
            return f"{shown(path)}: broken symbolic link (its target does not exist); skipped"
        return f"{shown(path)}: cannot follow symbolic link: {error.strerror}; skipped"
    return None


def _walk(root: Path, selection: Selection, out: Discovery) -> Iterator[Source]:
    """Files under `root` in sorted order, depth first; problems go to `out`."""
    real_root = root.resolve()
    visited: set[tuple[int, int]] = set()
    ignores = _Ignores()
    stack: list[tuple[Path, _Ignores]] = [(root, ignores)]
    while stack:
        folder, ignores = stack.pop()
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in visited:
                out.errors.append(f"{shown(folder)}: folder reached twice (a link loop); skipped")
                continue
            visited.add((status.st_dev, status.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            out.errors.append(f"{shown(folder)}: cannot read folder: {error.strerror}; skipped")
            continue
        if selection.gitignore:
            ignores = ignores.below(folder)
        folders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.endswith(TEMPORARY_MARK):
                continue  # a temporary file of ours, left by an interrupted run
            yield from _entry(root, real_root, path, entry, selection, ignores, folders, out)
        stack.extend((f, ignores) for f in reversed(folders))


def _entry(
    root: Path,
    real_root: Path,
    path: Path,
    entry: os.DirEntry[str],
    selection: Selection,
    ignores: _Ignores,
    folders: list[Path],
    out: Discovery,
) -> Iterator[Source]:
    relative = PurePosixPath(path.relative_to(root).as_posix())
    try:
        is_link = entry.is_symlink()
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as error:
        out.errors.append(f"{shown(path)}: cannot read: {error.strerror}; skipped")
        return
    if stat.S_ISDIR(mode):
        if selection.gitignore and (
            entry.name in VCS_FOLDERS or ignores.ignored(path, is_folder=True)
        ):
            return
        folders.append(path)
        return
    if selection.gitignore and ignores.ignored(path, is_folder=False):
        return
    if is_link:
        yield from _link(root, real_root, path, relative, selection, folders, out)
        return
    if not _selected(relative, selection):
        return
    kind = special_kind(mode)
    if kind:
        out.errors.append(f"{shown(path)}: {kind}, not a text file; skipped")
        return
    yield Source(path, relative)


def _link(
    root: Path,
    real_root: Path,
    path: Path,
    relative: PurePosixPath,
    selection: Selection,
    folders: list[Path],
    out: Discovery,
) -> Iterator[Source]:
    problem = _link_problem(path)
    if problem:
        if _selected(relative, selection):
            out.errors.append(problem)
        return
    target = path.resolve()
    is_folder = target.is_dir()
    if not is_folder and not _selected(relative, selection):
        return
    if not selection.follow_links and not target.is_relative_to(real_root):
        out.skipped.append(
            f"{shown(path)}: symbolic link out of {shown(root)} (--follow-links reads it)"
        )
        return
    if is_folder:
        if selection.follow_links:
            folders.append(path)
        else:
            out.skipped.append(f"{shown(path)}: link to a folder, not followed (--follow-links)")
        return
    kind = special_kind(target.stat().st_mode)
    if kind:
        out.errors.append(f"{shown(path)}: links to {kind}, not a text file; skipped")
        return
    yield Source(path, relative)


def _named(path: Path, out: Discovery) -> Iterator[Source]:
    """A file named on the command line: read whatever its name leads to, if it is a file."""
    problem = _link_problem(path) if path.is_symlink() else None
    if problem:
        out.errors.append(problem)
        return
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        reason = "no such file or folder" if error.errno == errno.ENOENT else error.strerror
        out.errors.append(f"{shown(path)}: {reason}")
        return
    kind = special_kind(mode)
    if kind:
        out.errors.append(f"{shown(path)}: {kind}, not a text file; skipped")
        return
    yield Source(path, PurePosixPath(path.name))


def discover(
    sources: Sequence[Path], selection: Selection, *, unique_names: bool = True
) -> Discovery:
    """The files under `sources` that the selection takes, each named relative to its root.

    `unique_names` refuses two files that would share an output path (which
    only matters to `run`, which mirrors the tree).
    """
    out = Discovery()
    seen: dict[PurePosixPath, Path] = {}
    for root in sources:
        if root == STDIN:
            candidates = [Source(STDIN, PurePosixPath("-"))]
        elif root.is_dir():
            candidates = sorted(_walk(root, selection, out), key=lambda s: s.relative)
        else:
            candidates = list(_named(root, out))
        for candidate in candidates:
            if unique_names and candidate.relative in seen:
                first = shown(seen[candidate.relative])
                out.errors.append(
                    f"{shown(candidate.path)}: same output path as {first}"
                    f" ({shown(candidate.relative)}); skipped"
                )
                continue
            seen[candidate.relative] = candidate.path
            out.found.append(candidate)
    return out
