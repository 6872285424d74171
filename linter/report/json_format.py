"""The stable machine interface: `{"version": 1, "diagnostics": [...], "summary": {...}}`.

Its JSON Schema ships as `si_lint/schemas/report.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from . import Report


def document(report: Report) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "si-lint", "version": report.tool_version},
        "lang": report.lang,  # the language of the messages, so that `si-lint diff` knows when to re-word them
        "diagnostics": [d.as_dict() for d in report.diagnostics],
        "waived": [d.as_dict() for d in report.waived],
        "summary": report.summary.as_dict(),
    }


def render(report: Report) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
