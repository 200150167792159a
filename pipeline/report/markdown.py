"""Markdown for a pull request: a summary table, then each changed file's diff."""

from __future__ import annotations

import html

import regex

from pipeline.edits import Kind, LineIndex
from pipeline.names import shown
from pipeline.report.summary import LISTED_PER_FILE, context, reading_order, summarise, visible
from pipeline.report.unified import file_diff
from pipeline.runner import BatchResult, FileResult

FOLD_AFTER_LINES = 40


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


def _edit_table(result: FileResult) -> list[str]:
    rows = ["| where | rule | change | confidence |", "|---|---|---|---:|"]
    lines = LineIndex(result.original)
    for edit in reading_order(result.edits)[:LISTED_PER_FILE]:
        left, right = context(result.original, edit, lines, width=20)
        change = f"{left}[{visible(edit.before)}\u2192{visible(edit.after)}]{right}"
        kind = "" if edit.kind is Kind.FIX else " (suggested)"
        rows.append(
            f"| {edit.line}:{edit.column} | {edit.rule.code} {edit.rule.name}{kind} | "
            f"<code>{_html_cell(change)}</code> | {edit.confidence:.2f} |"
        )
    unlisted = len(result.edits) - LISTED_PER_FILE
    more = [f"{unlisted} more edits are not listed here; report.json has every one.", ""]
    return [
        "<details><summary>Edits</summary>",
        "",
        *rows,
        "",
        *(more if unlisted > 0 else []),
        "</details>",
        "",
    ]


def _html_cell(text: str) -> str:
    return html.escape(text.replace("\n", " "), quote=False).replace("|", "&#124;")


def render(batch: BatchResult) -> str:
    summary = summarise(batch)
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
    for result in batch.files:
        if not result.changed:
            continue
        diff = file_diff(result)
        name = result.source.relative.as_posix()
        count = sum(1 for e in result.edits if e.kind.value == "fix")
        fence = _fence(diff)
        block = [f"{fence}diff", diff.rstrip("\n"), fence]
        out += [f"## {heading_text(name)}", "", f"{count} edits.", ""]
        out += _edit_table(result)
        if result.encoding != "utf-8":
            assumed = " (assumed: several encodings fit)" if result.encoding_assumed else ""
            out += [f"Read as {result.encoding}{assumed}, written as UTF-8.", ""]
        if diff.count("\n") > FOLD_AFTER_LINES:
            out += ["<details><summary>Show the diff</summary>", "", *block, "", "</details>"]
        else:
            out += block
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
