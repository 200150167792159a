"""Output formats of `pipeline check`, each rendering the same comparison.

text (path:line:col: CODE message), json, github (workflow commands) and
sarif (2.1.0, partialFingerprints from the edit's id).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from pipeline import __version__
from pipeline.check.baseline import Comparison
from pipeline.check.findings import Finding
from pipeline.files.names import uri
from pipeline.report.edit_view import edit_record
from pipeline.stages import all_rules


@dataclass(frozen=True, slots=True)
class Style:
    """ANSI colour, used only when writing to a terminal."""

    colour: bool

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


def _change(finding: Finding) -> str:
    return f"{finding.shown_before!r} -> {finding.shown_after!r}"


def _line(finding: Finding, style: Style) -> str:
    edit = finding.edit
    where = style.paint(f"{finding.path}:{edit.line}:{edit.column}:", "1")
    code = style.paint(edit.rule.code, "33" if finding.suggestion else "31")
    kind = " [suggestion]" if finding.suggestion else ""
    return f"{where} {code}{kind} {edit.rule.name}: {_change(finding)} ({edit.message})"


def text(comparison: Comparison, style: Style) -> str:
    fixes = [f for f in comparison.new if not f.suggestion]
    suggestions = [f for f in comparison.new if f.suggestion]
    lines = [_line(f, style) for f in fixes]
    if suggestions:
        lines += ["", "Suggestions (below flag-at: they fail only with --strict):"]
        lines += [_line(f, style) for f in suggestions]
    return "\n".join(lines) + ("\n" if lines else "")


FORMAT_VERSION = 2  # of the JSON format; its schema is pipeline/schemas/check.schema.json


def json_format(comparison: Comparison, style: Style) -> str:
    """The findings as report.json's edit records, with the words they touch and whether the
    baseline holds them."""

    def record(finding: Finding, state: str) -> dict[str, object]:
        return edit_record(finding.path, finding.edit) | {
            "words_before": finding.shown_before,
            "words_after": finding.shown_after,
            "baseline": state,
        }

    document = {
        "version": FORMAT_VERSION,
        "findings": [record(f, "new") for f in comparison.new]
        + [record(f, "known") for f in comparison.known],
        "baseline_unmatched": len(comparison.unmatched),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(comparison: Comparison, style: Style) -> str:
    """One workflow command per new finding: ::error (or ::notice for a suggestion)."""
    lines = []
    for finding in comparison.new:
        edit = finding.edit
        level = "notice" if finding.suggestion else "error"
        properties = (
            f"file={_escape_property(finding.path)},line={edit.line},"
            f"col={edit.column},title={_escape_property(edit.rule.code)}"
        )
        message = f"{edit.rule.code} {edit.rule.name}: {_change(finding)}"
        lines.append(f"::{level} {properties}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def sarif(comparison: Comparison, style: Style) -> str:
    rules = list(all_rules())
    index = {rule.code: i for i, rule in enumerate(rules)}

    def result(finding: Finding, state: str) -> dict[str, object]:
        edit = finding.edit
        return {
            "ruleId": edit.rule.code,
            "ruleIndex": index[edit.rule.code],
            "level": "note" if finding.suggestion else "error",
            "message": {"text": f"{edit.rule.name}: {_change(finding)} ({edit.message})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.uri or uri(finding.path)},
                        "region": {"startLine": edit.line, "startColumn": edit.column},
                    }
                }
            ],
            "partialFingerprints": {"pipelineEdit/v2": finding.id},
            "baselineState": state,
        }

    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pipeline",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "help": {
                                    "text": f"{rule.example_before!r} -> {rule.example_after!r}"
                                },
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(f, "new") for f in comparison.new]
                + [result(f, "unchanged") for f in comparison.known],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


Renderer = Callable[[Comparison, Style], str]
FORMATS: dict[str, Renderer] = {"text": text, "json": json_format, "github": github, "sarif": sarif}
