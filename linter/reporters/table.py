"""A table for people (tabulate), one row per finding, then the summary line."""

from __future__ import annotations

from tabulate import tabulate

from . import Report
from .text import summary_line

_HEADERS = {
    "en": ["file", "line", "col", "code", "severity", "entity", "message"],
    "fr": ["fichier", "ligne", "col", "code", "gravité", "entité", "message"],
}


def render(report: Report) -> str:
    rows = [[d.file, d.line, d.column, d.code, d.severity, d.entity or "", d.message] for d in report.diagnostics]
    if report.show_waived:
        rows.extend([d.file, d.line, d.column, d.code, f"waived {d.severity}", d.entity or "", d.message]
                    for d in report.waived)
    body = tabulate(rows, headers=_HEADERS.get(report.lang, _HEADERS["en"]), tablefmt="simple") if rows else ""
    return (body + "\n" if body else "") + summary_line(report) + "\n"
