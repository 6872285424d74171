"""One row per finding, for a spreadsheet: code, severity, entity, section, file, line, column, message, waived,
unstated.

Written for Excel in both locales: UTF-8 with a byte order mark (without it
Excel reads the file as the system's code page and breaks accents), and the
delimiter chosen by `--csv-delimiter` (`;` for a French Excel, which splits on
semicolons). Headers and words are in the run's language. Findings silenced by
a waiver are rows too, marked in `waived`, so the board can filter them rather
than lose them. No text of the estate runs as a formula (spreadsheet.py: a
leading `'`, or quotes when a formula would start after another delimiter).
"""

from __future__ import annotations

from ..i18n.messages import say
from . import Report
from .spreadsheet import Cell, csv_text

COLUMNS = ("code", "severity", "entity", "section", "file", "line", "column", "message", "waived", "unstated")


def render(report: Report) -> str:
    lang = report.lang
    rows: list[list[Cell]] = [
        [
            diagnostic.code,
            say(lang, "severity." + diagnostic.severity),
            diagnostic.entity or "",
            diagnostic.section or "",
            diagnostic.file,
            diagnostic.line,
            diagnostic.column,
            diagnostic.message,
            _yes_no(lang, waived),
            _yes_no(lang, diagnostic.unstated),
        ]
        for diagnostic, waived in [*((d, False) for d in report.diagnostics), *((d, True) for d in report.waived)]
    ]
    return csv_text([say(lang, "csv." + column) for column in COLUMNS], rows, report.csv_delimiter)


def _yes_no(lang: str, value: bool) -> str:
    return say(lang, "csv.yes" if value else "csv.no")
