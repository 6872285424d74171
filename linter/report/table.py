"""A table for people (tabulate), one row per finding, then the summary line."""

from __future__ import annotations

from tabulate import tabulate

from ..i18n.messages import say
from . import Report, one_line
from .text import summary_line

_COLUMNS = ("file", "line", "col", "code", "severity", "entity", "message")


def render(report: Report) -> str:
    lang = report.lang
    rows = [
        [
            one_line(d.file),
            d.line,
            d.column,
            d.code,
            say(lang, "severity." + d.severity),
            one_line(d.entity or ""),
            one_line(d.message),
        ]
        for d in report.diagnostics
    ]
    if report.show_waived:
        rows.extend(
            [
                one_line(d.file),
                d.line,
                d.column,
                d.code,
                say(lang, "severity.waived." + d.severity),
                one_line(d.entity or ""),
                one_line(d.message),
            ]
            for d in report.waived
        )
    headers = [say(lang, "table." + column) for column in _COLUMNS]
    body = tabulate(rows, headers=headers, tablefmt="simple") if rows else ""
    return (body + "\n" if body else "") + summary_line(report) + "\n"
