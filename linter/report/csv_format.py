"""One row per finding, for a spreadsheet: code, severity, entity, section, file, line, column, message, waived,
unstated.

Written for Excel in both locales: UTF-8 with a byte order mark (without it
Excel reads the file as the system's code page and breaks accents), and the
delimiter chosen by `--csv-delimiter` (`;` for a French Excel, which splits on
semicolons). Headers and words are in the run's language. Findings silenced by
a waiver are rows too, marked in `waived`, so the board can filter them rather
than lose them. A cell that would start with `=`, `+`, `-`, `@` or a control
character gets a leading `'`, so that no text of the estate runs as a formula.
"""

from __future__ import annotations

import csv
import io

from ..i18n.messages import say
from . import Report

COLUMNS = ("code", "severity", "entity", "section", "file", "line", "column", "message", "waived", "unstated")
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def render(report: Report) -> str:
    lang = report.lang
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=report.csv_delimiter, lineterminator="\n")
    writer.writerow([say(lang, "csv." + column) for column in COLUMNS])
    for diagnostic, waived in [*((d, False) for d in report.diagnostics), *((d, True) for d in report.waived)]:
        writer.writerow([
            diagnostic.code, say(lang, "severity." + diagnostic.severity), _cell(diagnostic.entity or ""),
            diagnostic.section or "", _cell(diagnostic.file), diagnostic.line, diagnostic.column,
            _cell(diagnostic.message), _yes_no(lang, waived), _yes_no(lang, diagnostic.unstated),
        ])
    return BOM + buffer.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _yes_no(lang: str, value: bool) -> str:
    return say(lang, "csv.yes" if value else "csv.no")
