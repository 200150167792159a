"""Figures every report shows, computed once from the batch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.edits import Edit, Kind, LineIndex, Rule
from pipeline.names import shown
from pipeline.runner import BatchResult, FileResult


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


@dataclass(frozen=True, slots=True)
class FileTally:
    """What a batch's summary needs of one file, small enough to keep for every file."""

    error: str | None
    changed: bool
    counts: tuple[tuple[Rule, int, int], ...]  # rule, fixes, suggestions; by rule code

    @classmethod
    def of(cls, edits: Iterable[Edit], *, changed: bool, error: str | None = None) -> FileTally:
        return cls(error, changed, _counts(edits))


def _counts(edits: Iterable[Edit]) -> tuple[tuple[Rule, int, int], ...]:
    rules: dict[str, Rule] = {}
    counts: dict[str, list[int]] = {}
    for edit in edits:
        if edit.kind is Kind.REJECTED:
            continue  # kept as written: neither applied nor suggested
        rules[edit.rule.code] = edit.rule
        pair = counts.setdefault(edit.rule.code, [0, 0])
        pair[edit.kind is not Kind.FIX] += 1
    return tuple((rules[c], counts[c][0], counts[c][1]) for c in sorted(counts))


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

    def add(self, file: FileTally) -> None:
        if file.error is not None:
            self.files_failed += 1
            self.errors.append(file.error)
            return
        self.files_read += 1
        self.files_changed += file.changed
        for rule, fixes, suggestions in file.counts:
            self.rules[rule.code] = rule
            self.fixes[rule.code] = self.fixes.get(rule.code, 0) + fixes
            self.suggestions[rule.code] = self.suggestions.get(rule.code, 0) + suggestions

    def summary(self, errors: Sequence[str] = (), skipped: Sequence[str] = ()) -> Summary:
        """The summary, with the batch's own `errors` (before the files') and `skipped` notes."""
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
        )


def tally_of(result: FileResult) -> FileTally:
    return FileTally.of(result.edits, changed=result.changed, error=result.error)


def summarise(batch: BatchResult) -> Summary:
    tally = Tally()
    for result in batch.files:
        tally.add(tally_of(result))
    return tally.summary(batch.errors, batch.skipped)


def edit_record(path: str, edit: Edit) -> dict[str, object]:
    """One edit as plain data: what JSON reports and machine formats carry."""
    return {
        "id": edit.id,
        "path": path,
        "line": edit.line,
        "column": edit.column,
        "start": edit.start,
        "end": edit.end,
        "before": edit.before,
        "after": edit.after,
        "rule": edit.rule.code,
        "name": edit.rule.name,
        "stage": edit.stage,
        "kind": edit.kind.value,
        "confidence": edit.confidence,
        "message": edit.message,
    }


def context(original: str, edit: Edit, lines: LineIndex, width: int = 30) -> tuple[str, str]:
    """Original text either side of a located edit, cut at line ends, for showing it in place."""
    start = lines.offset(edit.line, edit.column)
    offset = start - edit.column + 1
    end = start + len(edit.before)
    if original[start:end] != edit.before:  # an earlier stage changed this stretch
        end = start
    left = original[max(offset, start - width) : start]
    line_end = original.find("\n", end)
    right = original[end : min(end + width, line_end if line_end >= 0 else len(original))]
    return left, right


# A file's edits listed one by one in report.md and report.html; the rest are
# counted, and all are in report.json.  A file of a million quote marks must not
# make a page no browser opens.
LISTED_PER_FILE = 500

SHOWN = {" ": "\u2423", "\n": "\u21b5\n", "\t": "\u2192", "\r": "\u240d"}


def visible(text: str) -> str:
    """Whitespace and invisible characters drawn as symbols or code points, for a reader."""
    out = []
    for ch in text:
        if ch in SHOWN:
            out.append(SHOWN[ch])
        elif ch.isspace() or not ch.isprintable():
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(slots=True)
class FileView:
    """What report.md and report.html show of one file: its first edits in context, and counts."""

    name: str  # the relative path, as written
    encoding: str
    assumed: bool
    fixes: int = 0
    suggestions: int = 0
    markdown_rows: list[str] = field(default_factory=list)
    html_rows: list[dict[str, object]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return shown(self.name)

    @property
    def unlisted(self) -> int:
        return self.fixes + self.suggestions - len(self.html_rows)


def reading_order(edits: tuple[Edit, ...]) -> list[Edit]:
    """Edits as a reader meets them in the original file."""
    return sorted(edits, key=lambda e: (e.line, e.column))
