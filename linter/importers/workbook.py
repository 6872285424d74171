"""Read one sheet of a workbook (.xlsx, .ods) as rows of texts, the rows a CSV export of it would give.

The reader is python-calamine (benchmarks/read_workbook.py: 0.12 s for
10,000 rows of .xlsx and 0.09 s of .ods, where openpyxl takes 1.6 s and reads
no .ods, and odfpy takes 6.2 s). It gives each cell's value, not its format,
so a cell shows as its value reads best: whole numbers without `.0`, other
numbers with at most the 15 digits a spreadsheet shows, dates as YYYY-MM-DD,
booleans as true/false. A percent-formatted cell arrives as its fraction
(`99,9 %` is 0.999): the field reading turns such fractions back into
percentages (`fields.PERCENT_FIELDS`).
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Iterator
from typing import IO, Optional

from ..i18n.messages import Listing, Text, hint
from ..rules.diagnostic import InputError
from . import Problem
from .fields import column_letter

ZIP = b"PK\x03\x04"  # .xlsx and .ods are ZIP archives of XML files
# What a workbook may unpack to: far above any inventory (10,000 rows take 20 MB), far below exhausting memory.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
# Cells of a sheet's rectangle, from A1 to its last cell: 100,000 rows of 50 columns, far beyond an inventory.
MAX_CELLS = 5_000_000
_CELL_REFERENCE = re.compile(rb'([A-Z]{1,3})([0-9]{1,7})"')  # what follows ` r="` in a cell: rows have digits only
_SPACES = bytes.maketrans(b"\t\n\r", b"   ")
_ODS_TOKEN = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="([0-9]{1,9})"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="([0-9]{1,9})"')


def is_workbook(data: bytes) -> bool:
    return data.startswith(ZIP)


def read_sheet(data: bytes, path: str, sheet: Optional[str]) -> tuple[list[list[str]], Text, list[Problem]]:
    """(rows of texts from A1 on, how places name the sheet, notes) of the sheet `sheet`, or the first visible one."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

    _check_size(data, path)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
        visible = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible] or names
        notes: list[Problem] = []
        if sheet is None:
            if not visible:
                raise InputError(Text("import.workbook.no_sheets", path=path))
            sheet = visible[0]
            if len(names) > 1:
                sheets = Listing(Text("import.quoted", value=name) for name in names)
                chosen = Text("import.workbook.first_sheet", sheet=sheet, n=len(names), sheets=sheets)
                notes.append(Problem(path, chosen, lost=False))
        elif sheet not in names:
            raise InputError(
                Text(
                    "import.workbook.no_such_sheet",
                    sheet=sheet,
                    path=path,
                    hint=hint(sheet, names),
                    sheets=Listing(Text("import.quoted", value=name) for name in names),
                )
            )
        values = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except CalamineError as error:
        raise InputError(
            Text("import.workbook.unreadable", path=path, reason=str(error) or type(error).__name__)
        ) from None
    except BaseException as error:
        # A panic of the Rust reader reaches Python as pyo3's PanicException, a BaseException: still bad input.
        if type(error).__name__ != "PanicException":
            raise
        raise InputError(Text("import.workbook.unreadable", path=path, reason=str(error))) from None
    rows = [[cell_text(value) for value in row] for row in values]
    return rows, Text("import.place.sheet", file=path, sheet=sheet), notes


def _check_size(data: bytes, path: str) -> None:
    """Refuse what would exhaust memory before the reader sees it: a ZIP bomb, or an .xlsx sheet with a cell far
    away (`XFD1048576`), for which the reader allocates every cell of the rectangle up to it."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise InputError(Text("import.workbook.too_big", path=path, limit=MAX_UNPACKED_BYTES // (1024 * 1024)))
            for member in members:
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                    extent = _xlsx_extent
                elif member.filename == "content.xml":
                    extent = _ods_extent
                else:
                    continue
                try:
                    with archive.open(member) as stream:
                        rows, columns = extent(_tokens(stream, path))
                except _TooManyReferences:
                    raise InputError(Text("import.workbook.too_many_references", path=path, limit=MAX_CELLS)) from None
                if rows * columns > MAX_CELLS:
                    raise InputError(
                        Text(
                            "import.workbook.too_many_cells",
                            path=path,
                            rows=rows,
                            columns=column_letter(columns),
                            limit=MAX_CELLS,
                        )
                    )
    # zlib.error: a corrupt deflate stream; RuntimeError: an encrypted member
    except (zipfile.BadZipFile, zlib.error, RuntimeError, ValueError, OSError, EOFError, NotImplementedError):
        reason = Text("import.workbook.not_zip")
        raise InputError(Text("import.workbook.unreadable", path=path, reason=reason)) from None


class _TooManyReferences(Exception):
    pass


CHUNK_BYTES = 1024 * 1024
MAX_TAG_BYTES = 64 * 1024  # a tag of a sheet holds a name and a few attributes: far below this


def _tokens(stream: IO[bytes], path: str) -> Iterator[bytes]:
    """The tags (`<...>`) of an XML stream, read a chunk at a time: unpacking a whole sheet at once took
    gigabytes for a 640 KB workbook (issue 22); this holds one chunk and at most one tag across its end."""
    carry = b""
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            return
        buffer = carry + chunk
        end = buffer.rfind(b"<")
        if end == -1 or buffer.find(b">", end) != -1:  # the last tag is whole: nothing to carry
            end = len(buffer)
        if len(buffer) - end > MAX_TAG_BYTES:  # not a tag of a sheet: it would be carried for ever
            raise InputError(
                Text(
                    "import.workbook.unreadable",
                    path=path,
                    reason=Text("import.workbook.tag_too_long", limit=MAX_TAG_BYTES // 1024),
                )
            )
        yield buffer[:end]
        carry = buffer[end:]


def _xlsx_extent(pieces: Iterable[bytes]) -> tuple[int, int]:
    """(last row, last column) of the cells an .xlsx sheet names (`<c r="AB12">`).

    Each reference is seen through bytes methods and a set, not one regex match each: a sheet of
    millions of copies of one cell is read at the speed of `bytes.split`. A sheet naming more
    references (cells and rows) than MAX_CELLS is refused before they are looked at one by one.
    """
    rows = columns = references = 0
    for piece in pieces:
        piece = piece.translate(_SPACES)  # `\tr="` names a cell as ` r="` does
        references += piece.count(b' r="')
        if references > MAX_CELLS:
            raise _TooManyReferences  # the reader would hold more cells than the limit, whatever their places
        for tail in set(piece.split(b' r="')[1:]):
            reference = _CELL_REFERENCE.match(tail)
            if reference is not None:
                rows = max(rows, int(reference.group(2)))
                columns = max(columns, _column_number(reference.group(1).decode()))
    return rows, columns


def _ods_extent(pieces: Iterable[bytes]) -> tuple[int, int]:
    """(last row, last column) holding a value in the largest sheet of an .ods, repeats counted.

    An .ods says "the next 1,048,000 rows are empty" in one element; the
    reader expands such repeats when a value follows them, so they count here
    only up to the last value, as the reader counts them.
    """
    rows = columns = 0
    row = last_row = last_column = 0
    repeat = cells = filled_to = 0
    for piece in pieces:
        for match in _ODS_TOKEN.finditer(piece):
            closing, name, attributes, empty = match.groups()
            if name == b"table":
                if not closing:  # a new sheet
                    rows, columns = max(rows, last_row), max(columns, last_column)
                    row = last_row = last_column = 0
            elif name == b"table-row":
                if not closing:
                    repeat, cells, filled_to = _repeat(attributes, _ROWS_REPEATED), 0, 0
                if closing or empty:
                    row += repeat
                    if filled_to:
                        last_row, last_column = row, max(last_column, filled_to)
            elif not closing:  # a cell, covered or not: empty when it is `<.../>` without a value type
                cells += _repeat(attributes, _COLUMNS_REPEATED)
                if not empty or b"value-type" in attributes:
                    filled_to = cells
    return max(rows, last_row), max(columns, last_column)


def _repeat(attributes: bytes, pattern: re.Pattern[bytes]) -> int:
    found = pattern.search(attributes)
    return min(int(found.group(1)), 1 << 24) if found else 1


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV export would hold, without the language's number format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.microsecond == 0 else "auto")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
