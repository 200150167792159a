"""Markdown for a pull request: a summary table, then each changed file's diff."""

from __future__ import annotations

import html

import regex

from pipeline.edits import Edit, Kind
from pipeline.names import shown
from pipeline.report.summary import FileView, Summary, visible

FOLD_AFTER_LINES = 40
# A file's diff is shown in its section up to this many characters; a longer
# one is in changes.diff only, so that a huge file does not make a huge page.
DIFF_SHOWN = 200_000


def _fence(body: str) -> str:
    """A backtick fence longer than any run of backticks in the body."""
    longest = max((len(m) for m in regex.findall(r"`+", body)), default=0)
    return "`" * max(3, longest + 1)


def _cell(text: str) -> str:
    return shown(text).replace("|", "\\|")


MARKDOWN_SPECIAL = regex.compile(r"([\\`*_{}\[\]()<>#+!|~-])")


def heading_text(name: str) -> str:
    r"""A file name for a Markdown heading: shown safely, every mark that Markdown reads escaped.

    >>> heading_text("# not *bold* <b>")
    '\\# not \\*bold\\* \\<b\\>'
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", shown(name))


def edit_row(edit: Edit, left: str, right: str) -> str:
    """One edit as a table row, its change shown in context."""
    change = f"{left}[{visible(edit.before)}\u2192{visible(edit.after)}]{right}"
    kind = "" if edit.kind is Kind.FIX else " (suggested)"
    return (
        f"| {edit.line}:{edit.column} | {edit.rule.code} {edit.rule.name}{kind} | "
        f"<code>{_html_cell(change)}</code> | {edit.confidence:.2f} |"
    )


def _edit_table(rows: list[str], unlisted: int) -> list[str]:
    more = [f"{unlisted} more edits are not listed here; report.json has every one.", ""]
    return [
        "<details><summary>Edits</summary>",
        "",
        "| where | rule | change | confidence |",
        "|---|---|---|---:|",
        *rows,
        "",
        *(more if unlisted > 0 else []),
        "</details>",
        "",
    ]


def _html_cell(text: str) -> str:
    return html.escape(text.replace("\n", " "), quote=False).replace("|", "&#124;")


def head(summary: Summary) -> str:
    out = [
        "# Cleaning report",
        "",
        f"{summary.files_read} files read, {summary.files_changed} changed, "
        f"{summary.files_failed} failed; {summary.fixes} edits applied, "
        f"{summary.suggestions} suggestions.",
        "",
    ]
    if summary.by_rule:
        out += ["| rule | name | stage | applied | suggested |", "|---|---|---|---:|---:|"]
        out += [
            f"| {c.rule.code} | {c.rule.name} | {c.rule.stage} | {c.fixes} | {c.suggestions} |"
            for c in summary.by_rule
        ]
        out.append("")
    if summary.errors:
        out += ["## Errors", ""] + [f"- {_cell(e)}" for e in summary.errors] + [""]
    if summary.skipped:
        out += ["## Skipped", ""] + [f"- {_cell(e)}" for e in summary.skipped] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def section(view: FileView, diff: str | None) -> str:
    """A changed file's section: its edits, then its diff (`None`: too long to show here)."""
    out = [f"## {heading_text(view.name)}", "", f"{view.fixes} edits.", ""]
    out += _edit_table(view.markdown_rows, view.unlisted)
    if view.encoding != "utf-8":
        assumed = " (assumed: several encodings fit)" if view.assumed else ""
        out += [f"Read as {view.encoding}{assumed}, written as UTF-8.", ""]
    if diff is None:
        where = "; changes.diff has it" if view.encoding == "utf-8" else ""
        out += [f"The diff is over {DIFF_SHOWN // 1000} kB and not shown here{where}.", ""]
    else:
        fence = _fence(diff)
        block = [f"{fence}diff", diff.rstrip("\n"), fence]
        if diff.count("\n") > FOLD_AFTER_LINES:
            out += ["<details><summary>Show the diff</summary>", "", *block, "", "</details>"]
        else:
            out += block
    return "\n" + "\n".join(out).rstrip("\n") + "\n"
