"""SARIF 2.1.0, the static-analysis exchange format GitHub code scanning reads.

Each rule of the catalogue becomes a `reportingDescriptor` carrying its title,
rationale and remediation, so the alert page explains itself; each finding a
`result` at its estate line and column. Relative paths stay relative to the
repository root (`%SRCROOT%`), which is how code scanning places them on the
file. Waived findings are kept as suppressed results: consumers hide them but
can still show that they were accepted.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any, Optional
from urllib.parse import quote

from ..i18n.messages import say
from ..rules.diagnostic import Diagnostic
from . import Report
from .views import RuleDoc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> tuple[str, Optional[str]]:
    """(uri, uriBaseId or None) for a path as the estate was named on the command line."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix), None
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(str(PurePosixPath(posix))), "%SRCROOT%"


def _rule(rule: RuleDoc, lang: str) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {
            "text": rule.remediation,
            "markdown": f"**{rule.title}**\n\n{rule.rationale}\n\n**{say(lang, 'md.fix')}** {rule.remediation}",
        },
        "properties": {"category": rule.family},
    }


def _result(diagnostic: Diagnostic, rule_index: dict[str, int], waived: bool) -> dict[str, Any]:
    location, base = uri(diagnostic.file)
    artifact = {"uri": location}
    if base:
        artifact["uriBaseId"] = base
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {"startLine": diagnostic.line, "startColumn": diagnostic.column},
                },
            }
        ],
        # Lets code scanning follow an alert across edits that move its line or change a figure in its words.
        "partialFingerprints": {"siLintFinding/v2": diagnostic.identity()},
    }
    if diagnostic.code in rule_index:
        result["ruleIndex"] = rule_index[diagnostic.code]
    properties: dict[str, object] = {}
    if diagnostic.entity:
        properties.update(entity=diagnostic.entity, section=diagnostic.section)
    if diagnostic.unstated:
        properties["unstated"] = True
    if properties:
        result["properties"] = properties
    if waived:
        result["suppressions"] = [{"kind": "inSource", "justification": "waiver in the estate"}]
    return result


def document(report: Report) -> dict[str, Any]:
    codes = sorted(report.rules)
    rule_index = {code: position for position, code in enumerate(codes)}
    results = [_result(d, rule_index, waived=False) for d in report.diagnostics]
    results.extend(_result(d, rule_index, waived=True) for d in report.waived)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "si-lint",
                        "version": report.tool_version or "0",
                        "rules": [_rule(report.rules[code], report.lang) for code in codes],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root"}}},
                # PyYAML counts columns in characters (code points), SARIF's default is UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "language": report.lang,
                "results": results,
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
