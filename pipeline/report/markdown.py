"""Markdown for a pull request: a summary table, then each changed file's diff."""

from __future__ import annotations

import html

import regex

from pipeline.edits import Kind, LineIndex
from pipeline.report.summary import context, reading_order, summarise, visible
from pipeline.report.unified import file_diff
from pipeline.runner import BatchResult, FileResult

FOLD_AFTER_LINES = 40


def _fence(body: str) -> str:
    """A backtick fence longer than any run of backticks in the body."""
    longest = max((len(m) for m in regex.findall(r"`+", body)), default=0)
    return "`" * max(3, longest + 1)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _edit_table(result: FileResult) -> list[str]:
    rows = ["| where | rule | change | confidence |", "|---|---|---|---:|"]
    lines = LineIndex(result.original)
    for edit in reading_order(result.edits):
        left, right = context(result.original, edit, lines, width=20)
        change = f"{left}[{visible(edit.before)}\u2192{visible(edit.after)}]{right}"
        kind = "" if edit.kind is Kind.FIX else " (suggested)"
        rows.append(
            f"| {edit.line}:{edit.column} | {edit.rule.code} {edit.rule.name}{kind} | "
            f"<code>{_html_cell(change)}</code> | {edit.confidence:.2f} |"
        )
    return ["<details><summary>Edits</summary>", "", *rows, "", "</details>", ""]


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
    for result in batch.files:
        if not result.changed:
            continue
        diff = file_diff(result)
        name = result.source.relative.as_posix()
        count = sum(1 for e in result.edits if e.kind.value == "fix")
        fence = _fence(diff)
        block = [f"{fence}diff", diff.rstrip("\n"), fence]
        out += [f"## {_cell(name)}", "", f"{count} edits.", ""]
        out += _edit_table(result)
        if result.encoding != "utf-8":
            out += [f"Read as {result.encoding}, written as UTF-8.", ""]
        if diff.count("\n") > FOLD_AFTER_LINES:
            out += ["<details><summary>Show the diff</summary>", "", *block, "", "</details>"]
        else:
            out += block
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
