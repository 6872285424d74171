"""CSV for a spreadsheet, as the board opens it: Excel in either locale, and no cell that runs as a formula.

UTF-8 with a byte order mark (without it Excel reads the file in the system's
code page and breaks accents), the delimiter chosen by `--csv-delimiter`
(`;` for a French Excel), and a leading `'` on any text cell that would start
a formula (`=`, `+`, `-`, `@`): owners, commit subjects and authors are free
text. The same conventions as the findings' `--format csv`.
"""

from __future__ import annotations

import csv
import io

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_text(header: list, rows: list, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return BOM + buffer.getvalue()


def decimal(value, delimiter: str) -> str:
    """A figure with one decimal, its point a comma where the delimiter is `;` (French Excel)."""
    return "" if value is None else f"{value:.1f}".replace(".", "," if delimiter == ";" else ".")


def _cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value
