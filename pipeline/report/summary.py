"""Figures every report shows, computed once from the batch."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.edits import Edit, Kind, LineIndex, Rule
from pipeline.runner import BatchResult


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


def summarise(batch: BatchResult) -> Summary:
    rules: dict[str, Rule] = {}
    fixes: dict[str, int] = {}
    suggestions: dict[str, int] = {}
    for result in batch.files:
        for edit in result.edits:
            rules[edit.rule.code] = edit.rule
            counts = fixes if edit.kind is Kind.FIX else suggestions
            counts[edit.rule.code] = counts.get(edit.rule.code, 0) + 1
    by_rule = tuple(
        RuleCount(rules[code], fixes.get(code, 0), suggestions.get(code, 0))
        for code in sorted(rules)
    )
    return Summary(
        files_read=sum(1 for f in batch.files if f.error is None),
        files_changed=sum(1 for f in batch.files if f.changed),
        files_failed=sum(1 for f in batch.files if f.error) + len(batch.errors),
        fixes=sum(c.fixes for c in by_rule),
        suggestions=sum(c.suggestions for c in by_rule),
        by_rule=by_rule,
        errors=tuple(batch.all_errors()),
        skipped=batch.skipped,
    )


def edit_record(path: str, edit: Edit) -> dict[str, object]:
    """One edit as plain data: what JSON reports and machine formats carry."""
    return {
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


def reading_order(edits: tuple[Edit, ...]) -> list[Edit]:
    """Edits as a reader meets them in the original file."""
    return sorted(edits, key=lambda e: (e.line, e.column))
