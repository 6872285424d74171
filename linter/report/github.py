"""GitHub Actions workflow commands: one annotation per finding, shown on the estate line in the pull request.

    ::error file=estate.yaml,line=12,col=5,title=ACC001 browser-access::'payroll' is not usable ...

Values are escaped the way the Actions toolkit does (`escapeData` and
`escapeProperty`): `%`, CR and LF everywhere, and `:` and `,` in properties,
which would otherwise end a property early.
"""

from __future__ import annotations

from ..rules.diagnostic import Diagnostic
from . import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    title = f"{diagnostic.code} {diagnostic.rule}".strip()
    properties = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (
            ("file", diagnostic.file),
            ("line", diagnostic.line),
            ("col", diagnostic.column),
            ("title", title),
        )
    )
    return f"::{COMMANDS[diagnostic.severity]} {properties}::{escape_data(diagnostic.message)}"


def render(report: Report) -> str:
    return "".join(annotation(d) + "\n" for d in report.diagnostics)
