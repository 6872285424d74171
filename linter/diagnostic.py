"""The one value every stage produces: a finding at a place in the estate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: str
    message: str
    file: str
    line: int  # 1-based
    column: int  # 1-based
    section: Optional[str] = None  # applications, data_stores, ... or None
    entity: Optional[str] = None  # the id, FROM->TO for integrations, None estate-wide
    rule: str = ""  # the rule's kebab-case name

    def sort_key(self):
        return (self.file, self.line, self.column, self.code, self.entity or "")

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "section": self.section,
            "entity": self.entity,
        }


class InputError(Exception):
    """Input that cannot be read at all (missing path, not UTF-8, bad option): exit 2."""
