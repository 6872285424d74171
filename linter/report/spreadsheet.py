"""CSV for a spreadsheet, as the board opens it: Excel in either locale, and no cell that runs as a formula.

UTF-8 with a byte order mark (without it Excel reads the file in the system's
code page and breaks accents), the delimiter chosen by `--csv-delimiter`
(`;` for a French Excel), and a leading `'` on any text cell that would start
a formula (`=`, `+`, `-`, `@`): owners, commit subjects and authors are free
text. A text cell that would start one after another delimiter (`a;=1+1` in a
comma file, opened by an Excel that splits on `;`) is quoted, which every
Excel reads as one cell. The findings' `--format csv` is written here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional, Union

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A formula start after a delimiter of some Excel (comma, semicolon, tab), spaces allowed between.
_FORMULA_INSIDE = re.compile(r"[,;\t] *[=+\-@]")
Cell = Union[str, int, float, None]  # what a row holds: None is an empty cell


def csv_text(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], delimiter: str = ",") -> str:
    lines = [_line(header, delimiter)] + [_line(row, delimiter) for row in rows]
    return BOM + "".join(line + "\n" for line in lines)


def _line(row: Sequence[Cell], delimiter: str) -> str:
    return delimiter.join(_field(value, delimiter) for value in row)


def _field(value: Cell, delimiter: str) -> str:
    """A cell as the csv module writes it (quoted when it holds the delimiter, a quote or a line break), and
    guarded against formulas, at its start and after any delimiter."""
    if value is None:
        return ""
    text = _cell(value) if isinstance(value, str) else str(value)
    if any(mark in text for mark in (delimiter, '"', "\n", "\r")) or (
        isinstance(value, str) and _FORMULA_INSIDE.search(text)
    ):
        return '"' + text.replace('"', '""') + '"'
    return text


def decimal(value: Optional[float], delimiter: str) -> str:
    """A figure with one decimal, its point a comma where the delimiter is `;` (French Excel)."""
    return "" if value is None else f"{value:.1f}".replace(".", "," if delimiter == ";" else ".")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
