"""Markdown for a pull request: the summary, the most frequent changes, then the first
changed files' edits and diffs, never more than a GitHub comment holds (`LIMIT`).

Each file's section is written as the batch streams through; `stream.Bodies`
keeps only the sections that fit and ends the page with a pointer to
report.html, which has every change.
"""

from __future__ import annotations

import html

from pipeline.edits import Edit, Kind
from pipeline.files.names import shown
from pipeline.regexes import compiled
from pipeline.report.edit_view import InContext, printable, visible
from pipeline.report.summary import FileView, Summary
from pipeline.wording import count

LIMIT = 65_536  # what a GitHub comment holds, in characters (measured here in bytes: more)
HEAD_LIMIT = 16_000  # the summary's share of it; the files' sections get the rest
# A file's diff is shown in its section up to this many characters; a longer
# one is in changes.diff only, so that one big file does not take the whole page.
DIFF_SHOWN = 6_000
LISTED = 20  # a file's edits listed in its section; report.html lists every one
CONTEXT = 20  # characters either side of a change in its row (report.html shows 30)
GROUPS_SHOWN = 30  # the most frequent changes listed at the top
NOTES_SHOWN = 20  # errors and skipped files listed; report.json has all


def _fence(body: str) -> str:
    """A backtick fence longer than any run of backticks in the body."""
    longest = max((len(m) for m in compiled(r"`+").findall(body)), default=0)
    return "`" * max(3, longest + 1)


def _cell(text: str) -> str:
    return shown(text).replace("|", "\\|")


KIND_SHOWN = {Kind.FIX: "", Kind.SUGGESTION: " (suggested)", Kind.REJECTED: " (rejected)"}


def edit_row(edit: Edit, seen: InContext) -> str:
    """One edit as a table row, its change shown in context."""
    change = (
        f"{printable(seen.left)}[{visible(edit.before)}\u2192{visible(edit.after)}]"
        f"{printable(seen.right)}"
    )
    kind = KIND_SHOWN[edit.kind]
    return (
        f"| {edit.line}:{edit.column} | {edit.rule.code} {edit.rule.name}{kind} | "
        f"<code>{_html_cell(change)}</code> | {edit.confidence:.2f} |"
    )


def _edit_table(rows: list[str], unlisted: int) -> list[str]:
    more = [f"{count(unlisted, 'more edit')} not listed here; report.html has every one.", ""]
    return [
        "| where | rule | change | confidence |",
        "|---|---|---|---:|",
        *rows,
        "",
        *(more if unlisted > 0 else []),
    ]


def _html_cell(text: str) -> str:
    return html.escape(text.replace("\n", " "), quote=False).replace("|", "&#124;")


def head(summary: Summary) -> str:
    out = [
        "# Cleaning report",
        "",
        f"{count(summary.files_read, 'file')} read, {summary.files_changed} changed, "
        f"{summary.files_failed} failed; {count(summary.fixes, 'edit')} applied, "
        f"{count(summary.suggestions, 'suggestion')}. Open report.html to review every change.",
        "",
    ]
    if summary.by_rule:
        out += ["| rule | name | stage | applied | suggested |", "|---|---|---|---:|---:|"]
        out += [
            f"| {c.rule.code} | {c.rule.name} | {c.rule.stage} | {c.fixes} | {c.suggestions} |"
            for c in summary.by_rule
        ]
        out.append("")
    if summary.groups:
        out += ["## Most frequent changes", ""]
        out += ["| change | rule | hits | files | least confidence |", "|---|---|---:|---:|---:|"]
        for group in summary.groups[:GROUPS_SHOWN]:
            change = f"{_short(group.before)} \u2192 {_short(group.after)}"
            suggested = " (suggested)" if group.kind == Kind.SUGGESTION else ""
            out.append(
                f"| <code>{_html_cell(change)}</code> | {group.code}{suggested} | {group.hits} | "
                f"{group.files} | {group.least:.2f} |"
            )
        out.append("")
    out += _notes("Errors", summary.errors)
    out += _notes("Skipped", summary.skipped)
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if len(text.encode("utf-8", "surrogateescape")) <= HEAD_LIMIT else _cut(text)


def _short(text: str, width: int = 40) -> str:
    shown_text = visible(text)
    return shown_text if len(shown_text) <= width else shown_text[: width - 1] + "\u2026"


def _notes(title: str, notes: tuple[str, ...]) -> list[str]:
    if not notes:
        return []
    listed = [
        f"- {_cell(note if len(note) <= 300 else note[:299] + chr(0x2026))}"
        for note in notes[:NOTES_SHOWN]
    ]
    more = len(notes) - NOTES_SHOWN
    tail = [f"- and {more} more: report.json lists every one"] if more > 0 else []
    return [f"## {title}", "", *listed, *tail, ""]


def _cut(text: str) -> str:
    """A head over its share, cut at a line (the tables are bounded; this is a last guard)."""
    kept = text.encode("utf-8", "surrogateescape")[: HEAD_LIMIT - 200]
    lines = kept.decode("utf-8", "surrogateescape").split("\n")[:-1]
    return "\n".join(lines) + "\n\n(cut here: report.html has the rest)\n"


def footer(shown_files: int, left_out: int) -> str:
    """The page's end: how many changed files' sections did not fit."""
    if not left_out:
        return ""
    return (
        f"\n---\n\nThe first {shown_files} changed files are shown above; {left_out} more "
        "are not, to keep this page within what a pull-request comment holds. report.html "
        "lists every change and changes.diff has every diff.\n"
    )


def section(view: FileView, diff: str | None) -> str:
    """A changed file's section: its edits, then its diff (`None`: too long to show here)."""
    edits = view.fixes + view.suggestions
    out = [
        f"<details><summary>{_html_cell(view.path)}: {count(edits, 'edit')}</summary>",
        "",
        *_edit_table(view.markdown_rows, edits - len(view.markdown_rows)),
    ]
    if view.encoding != "utf-8":
        assumed = " (assumed: several encodings fit)" if view.assumed else ""
        out += [f"Read as {view.encoding}{assumed}, written as UTF-8.", ""]
    if diff is None:
        where = "; changes.diff has it" if view.encoding == "utf-8" else ""
        out += [f"The diff is over {DIFF_SHOWN // 1000} kB and not shown here{where}.", ""]
    else:  # for reading: characters a terminal acts on as code points (changes.diff has them)
        shown_diff = "\n".join(printable(line) for line in diff.rstrip("\n").split("\n"))
        fence = _fence(shown_diff)
        out += [f"{fence}diff", shown_diff, fence, ""]
    out.append("</details>")
    return "\n" + "\n".join(out).rstrip("\n") + "\n"
