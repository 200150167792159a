"""The check formats: each renders the same findings in its consumer's terms."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import jsonschema

from pipeline.check.baseline import Comparison, compare
from pipeline.check.findings import findings
from pipeline.check.formats import Style, github, json_format, sarif, text
from pipeline.cleaning import clean
from pipeline.config import CheckOptions
from pipeline.documents import schema
from pipeline.runner import BatchResult, FileResult, Source

DAMAGED = "It was thepress office,said the man.\n\nThe UnitedNations met.\n"

# The properties SARIF 2.1.0 requires (OASIS spec §3.13.2 sarifLog, §3.14.2 run,
# §3.18.2 tool, §3.19.8 toolComponent.name, §3.27.11 result.message, §3.11.8 message
# text-or-id, §3.49.3 reportingDescriptor.id, §3.30.3 region.startLine >= 1).
SARIF_REQUIRED = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {"type": "object", "required": ["id"]},
                                    },
                                },
                            },
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "message": {
                                    "anyOf": [{"required": ["text"]}, {"required": ["id"]}]
                                },
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "baselineState": {
                                    "enum": ["new", "unchanged", "updated", "absent"]
                                },
                                "partialFingerprints": {
                                    "type": "object",
                                    "additionalProperties": {"type": "string"},
                                },
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "properties": {
                                            "physicalLocation": {
                                                "properties": {
                                                    "artifactLocation": {"required": ["uri"]},
                                                    "region": {
                                                        "properties": {
                                                            "startLine": {"minimum": 1},
                                                            "startColumn": {"minimum": 1},
                                                        }
                                                    },
                                                }
                                            },
                                        }
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def comparison() -> Comparison:
    cleaned = clean(DAMAGED)
    source = Source(Path("texts/a.txt"), PurePosixPath("a.txt"))
    batch = BatchResult((FileResult(source, DAMAGED, cleaned.text, "utf-8", cleaned.edits),), ())
    return compare(findings(batch, CheckOptions()))


def ids(compared: Comparison) -> set[str]:
    return {f.edit.id for f in compared.new}


def test_sarif_has_the_required_fields_and_content_fingerprints() -> None:
    compared = comparison()
    log = json.loads(sarif(compared, Style(False)))
    jsonschema.validate(log, SARIF_REQUIRED)
    results = log["runs"][0]["results"]
    assert results
    for result in results:
        rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert result["partialFingerprints"]["pipelineEdit/v2"] in ids(compared)


def test_github_prints_one_workflow_command_per_finding() -> None:
    compared = comparison()
    lines = github(compared, Style(False)).splitlines()
    assert len(lines) == len(compared.new)
    assert all(
        line.startswith(("::error file=texts/a.txt,line=", "::notice file=")) for line in lines
    )
    assert any("col=" in line and "J001" in line for line in lines)


def test_json_and_text() -> None:
    compared = comparison()
    document = json.loads(json_format(compared, Style(False)))
    assert len(document["findings"]) == len(compared.new)
    jsonschema.validate(document, schema("check"))
    assert {f["id"] for f in document["findings"]} == ids(compared)
    plain = text(compared, Style(False))
    assert "\x1b[" not in plain
    assert "texts/a.txt:1:11: J001" in plain  # where the space goes
    assert "\x1b[" in text(compared, Style(True))
