"""GitLab Code Quality: the JSON array a job declares as `artifacts: reports: codequality:`.

Fields as GitLab documents them: `description`, `check_name`, `fingerprint`
(unique per finding; GitLab compares fingerprints between the source and
target branches to tell new findings from fixed ones, so it is built from what
the finding is about (rule, entity, field), never from its line or its words,
which change with a figure, and numbered when a key repeats),
`severity` (info, minor, major, critical, blocker), `location.path` and
`location.lines.begin`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from . import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _path(file: str) -> str:
    path = file.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def issues(report: Report) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    found = []
    for diagnostic in report.diagnostics:
        identity = diagnostic.identity()
        seen[identity] = seen.get(identity, 0) + 1
        fingerprint = hashlib.sha256(f"{identity}\0{seen[identity]}".encode()).hexdigest()[:32]
        issue: dict[str, Any] = {
            "description": f"{diagnostic.code} {diagnostic.message}",
            "check_name": f"{diagnostic.code} {diagnostic.rule}".strip(),
            "fingerprint": fingerprint,
            "severity": SEVERITIES[diagnostic.severity],
            "location": {"path": _path(diagnostic.file), "lines": {"begin": diagnostic.line}},
        }
        if diagnostic.unstated:
            issue["unstated"] = True
        found.append(issue)
    return found


def render(report: Report) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
