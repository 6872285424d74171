"""Stage 5, report: pure functions `Report -> str`, one per output format.

Reporters know nothing of rules or of the estate: they get a `Report`, plain
data, and return text. The table below also feeds the CLI's `--format`
choice; each module is imported only when its format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Optional

# format name -> module in this package that defines `render(report) -> str`
FORMATS = {
    "text": "text",
    "json": "json_format",
    "table": "table",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "markdown": "markdown",
}


@dataclass(frozen=True)
class Report:
    diagnostics: list  # Diagnostic, in force
    waived: list  # Diagnostic, silenced by a waiver
    summary: dict
    rules: dict = field(default_factory=dict)  # code -> {name, severity, title, rationale, remediation, ...}
    lang: str = "en"
    color: bool = False
    show_waived: bool = False
    tool_version: str = ""
    # What the html report shows beyond findings (applications, waivers, availability chains), as plain
    # data built by `si_lint.overview`; None for the formats that do not need it.
    estate_view: Optional[dict] = None


def render(format_name: str, report: Report) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name]}")
    return module.render(report)
