"""Figures every report shows, computed once from the batch."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.edits import Edit, Kind, Rule
from pipeline.files.names import shown
from pipeline.report.edit_view import InContext


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: Rule
    fixes: int
    suggestions: int


@dataclass(frozen=True, slots=True)
class Summary:
    files_read: int
    files_changed: int
    files_failed: int
    fixes: int
    suggestions: int
    by_rule: tuple[RuleCount, ...]
    errors: tuple[str, ...]
    skipped: tuple[str, ...] = ()  # left out on purpose, with the reason
    groups: tuple[Group, ...] = ()  # the most frequent changes, as report.md lists them
    decided: int = 0  # how many of a reviewer's decisions name an edit of the batch
    rejected: int = 0  # edits a reviewer rejected, kept as written
    by_stage: tuple[StageCount, ...] = ()  # every stage, in the order they run
    timed: bool = False  # report.json records each stage's time (two runs' times differ)


@dataclass(frozen=True, slots=True)
class StageCount:
    """A stage's part of a batch: its edits, and the seconds it took over the files cleaned
    (summed over the processes that cleaned them; none for a file kept from an earlier run)."""

    stage: str
    fixes: int
    suggestions: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Group:
    """Edits that do the same thing (`thepress` -> `the press`), wherever they are."""

    code: str
    kind: str  # Kind.FIX or Kind.SUGGESTION's value: a suggestion is never counted as made
    before: str
    after: str
    hits: int
    files: int
    least: float  # the least confidence among them


GroupKey = tuple[str, str, str, str]  # rule code, kind, before, after
GroupCount = tuple[str, str, str, str, int, float]  # ... and hits, least confidence
PieceGroup = tuple[GroupKey, int, float]  # a group of a piece's listed edits: hits, least
QUOTES = "quotes"  # the stage whose spacing is grouped with the quote beside it


def group_key(edit: Edit, seen: InContext) -> GroupKey:
    """What an edit does: the words it changes, or for a restyle (quotes, whitespace) only
    the marks, so that a thousand quote restyles are one group.  A quote's spacing shows
    the quote beside the space, so that `» ␣` says more than `␣`."""
    kind = KIND_VALUES[edit.kind]  # a dict, not the enum's descriptor: once per edit listed
    rule = edit.rule
    if rule.stage not in restyles():
        return rule.code, kind, seen.word_before, seen.word_after
    if rule.stage == QUOTES and not edit.before.strip() and not edit.after.strip():
        left = seen.left[-1:] if seen.left[-1:] and not seen.left[-1].isalnum() else ""
        right = seen.right[:1] if seen.right[:1] and not seen.right[0].isalnum() else ""
        return edit.rule.code, kind, left + edit.before + right, left + edit.after + right
    return edit.rule.code, kind, edit.before, edit.after


def count_groups(counted: Iterable[tuple[GroupKey, float]]) -> list[PieceGroup]:
    """Edits counted by group (each edit's `group_key` and confidence): hits and the least
    confidence (at most 1), in the order first met.  The core counts a piece's listed edits
    so (`_core.listed_rows`); this is the path for what it leaves to Python."""
    groups: dict[GroupKey, list[float]] = {}
    for key, confidence in counted:
        held = groups.get(key)
        if held is None:
            groups[key] = [1, min(1.0, confidence)]
        else:
            held[0] += 1
            if confidence < held[1]:
                held[1] = confidence
    return [(key, int(hits), least) for key, (hits, least) in groups.items()]


@cache
def restyles() -> frozenset[str]:
    """The stages whose edits restyle marks (`Stage.restyles`): grouped by the mark."""
    from pipeline.stages import stages

    return frozenset(stage.name for stage in stages() if stage.restyles)


KIND_VALUES = {kind: kind.value for kind in Kind}
GROUPS_LISTED = 200  # ... and lists, most frequent first
GROUPS_KEPT = 20_000  # distinct changes a batch's summary counts (report.json has all)


@dataclass(frozen=True, slots=True)
class FileTally:
    """What a batch's summary needs of one file, small enough to keep for every file."""

    error: str | None
    changed: bool
    counts: tuple[tuple[Rule, int, int], ...]  # rule, fixes, suggestions; by rule code
    groups: tuple[GroupCount, ...] = ()
    decided: int = 0  # how many of a reviewer's decisions name one of its edits
    rejected: int = 0  # its edits a reviewer rejected (kept as written)
    seconds: tuple[tuple[str, float], ...] = ()  # each stage's time over it (none if kept)


@dataclass(slots=True)
class Tally:
    """A batch's summary, added up file by file as results arrive."""

    files_read: int = 0
    files_changed: int = 0
    files_failed: int = 0
    rules: dict[str, Rule] = field(default_factory=dict)
    fixes: dict[str, int] = field(default_factory=dict)
    suggestions: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    groups: dict[GroupKey, list[float]] = field(default_factory=dict)
    decided: int = 0
    rejected: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, file: FileTally) -> None:
        if file.error is not None:
            self.files_failed += 1
            self.errors.append(file.error)
            return
        self.files_read += 1
        self.files_changed += file.changed
        self.decided += file.decided
        self.rejected += file.rejected
        for stage, took in file.seconds:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + took
        for rule, fixes, suggestions in file.counts:
            self.rules[rule.code] = rule
            self.fixes[rule.code] = self.fixes.get(rule.code, 0) + fixes
            self.suggestions[rule.code] = self.suggestions.get(rule.code, 0) + suggestions
        groups = self.groups  # a batch of news brings some 40 per file: kept lean
        for group in file.groups:
            key = group[:4]
            held = groups.get(key)
            if held is not None:
                held[0] += group[4]
                held[1] += 1
                if group[5] < held[2]:
                    held[2] = group[5]
            elif len(groups) < GROUPS_KEPT:
                groups[key] = [group[4], 1, min(1.0, group[5])]

    def summary(
        self, errors: Sequence[str] = (), skipped: Sequence[str] = (), timed: bool = False
    ) -> Summary:
        """The summary, with the batch's own `errors` (before the files') and `skipped` notes;
        `timed`: report.json records each stage's time (`pipeline run --timings`)."""
        by_rule = tuple(
            RuleCount(self.rules[code], self.fixes.get(code, 0), self.suggestions.get(code, 0))
            for code in sorted(self.rules)
        )
        return Summary(
            files_read=self.files_read,
            files_changed=self.files_changed,
            files_failed=self.files_failed + len(errors),
            fixes=sum(c.fixes for c in by_rule),
            suggestions=sum(c.suggestions for c in by_rule),
            by_rule=by_rule,
            errors=(*errors, *self.errors),
            skipped=tuple(skipped),
            decided=self.decided,
            rejected=self.rejected,
            by_stage=_by_stage(by_rule, self.seconds),
            timed=timed,
            groups=tuple(
                Group(c, k, b, a, int(n), int(f), least)
                for (c, k, b, a), (n, f, least) in heapq.nsmallest(
                    GROUPS_LISTED, self.groups.items(), key=_most_hits_first
                )
            ),
        )


# A file's edits listed one by one in report.md and report.html; the rest are
# counted, and all are in report.json.  A file of a million quote marks must not
# make a page no browser opens.
LISTED_PER_FILE = 500


@dataclass(slots=True)
class FileView:
    """What report.md and report.html show of one file: its first edits in context, and counts."""

    name: str  # the relative path, as written
    encoding: str
    assumed: bool
    fixes: int = 0
    suggestions: int = 0
    markdown_rows: list[str] = field(default_factory=list)
    html_rows: list[str] = field(default_factory=list)  # each edit's row, as JSON
    groups: dict[GroupKey, list[float]] = field(default_factory=dict)  # hits, least

    @property
    def path(self) -> str:
        return shown(self.name)

    @property
    def unlisted(self) -> int:
        return max(0, self.fixes + self.suggestions - len(self.html_rows))

    def count(self, groups: Iterable[PieceGroup]) -> None:
        """A piece's listed edits counted by group (`count_groups`, or the core's), added to
        the file's: hits, and the least confidence."""
        held_groups = self.groups
        for key, hits, least in groups:
            held = held_groups.get(key)
            if held is None:
                held_groups[key] = [hits, least]
            else:
                held[0] += hits
                if least < held[1]:
                    held[1] = least

    def group_counts(self) -> tuple[GroupCount, ...]:
        """In the order first met (the listed edits' reading order): deterministic, and
        the batch's summary sorts what it shows."""
        return tuple((*key, int(n), least) for key, (n, least) in self.groups.items())


def _most_hits_first(item: tuple[GroupKey, list[float]]) -> tuple[int, float, str, str, str, str]:
    """The order the summary lists groups in: most hits, then least sure, then by what they
    do; of the kept groups' counts (hits, files, least), so that only those listed are made
    `Group`s (a batch keeps up to `GROUPS_KEPT`)."""
    (code, kind, before, after), (hits, _, least) = item
    return (-int(hits), least, code, before, after, kind)


def _by_stage(by_rule: Sequence[RuleCount], seconds: dict[str, float]) -> tuple[StageCount, ...]:
    """Each stage's edits (from its rules') and time, in the order the stages run."""
    from pipeline.stages import stage_names

    fixes: dict[str, int] = {}
    suggestions: dict[str, int] = {}
    for count in by_rule:
        stage = count.rule.stage
        fixes[stage] = fixes.get(stage, 0) + count.fixes
        suggestions[stage] = suggestions.get(stage, 0) + count.suggestions
    return tuple(
        StageCount(name, fixes.get(name, 0), suggestions.get(name, 0), seconds.get(name, 0.0))
        for name in stage_names()
    )
