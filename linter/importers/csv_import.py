"""Import a spreadsheet inventory (CSV, .xlsx or .ods) into estate applications, following a mapping file.

Rows are numbered as the spreadsheet shows them: the header is row 1 and a
cell holding line breaks still counts as one row. Every cell the mapping cannot
carry over, every row that cannot become an application and every column the
mapping does not mention is reported at its row and column. A workbook's sheet
(`workbook.py`) becomes the same `Table` of texts as a CSV file, so both go
through the same mapping, detection and reports.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from ..i18n.messages import Listing, Plural, Text
from ..load.inputs import read_bytes, read_text
from ..model.vocabulary import DEVICE_FAMILIES
from ..rules.diagnostic import InputError
from . import Entity, Imported, InputErrors, Problem
from .fields import (
    REFERENCES,
    Field,
    Ids,
    ValueProblem,
    arrange,
    column_letter,
    fields,
    references,
    set_path,
    slug,
    split_list,
)

if TYPE_CHECKING:
    from ..load.loader import Document

SECTION = "applications"
DEPENDS_ON = "depends_on"  # the one reference field a mapping may fill: it names other rows
DELIMITERS = (";", ",", "\t")


# --- reading the file -------------------------------------------------------------------


@dataclass
class Table:
    path: str
    header: list[str]  # column names, stripped
    header_row: int
    rows: list[tuple[int, list[str]]]  # (spreadsheet row, cells) for every row after the header, empty ones included
    encoding: str  # of a CSV file; "" for a workbook
    notes: list[Problem] = field(default_factory=list)
    label: Union[Text, str] = ""  # how places name the file: its path, or a Text naming the path and the sheet

    def __post_init__(self) -> None:
        self.label = self.label or self.path


def read_table(
    path: str, encoding: Optional[str] = None, delimiter: Optional[str] = None, sheet: Optional[str] = None
) -> Table:
    """The inventory's rows as texts, from a CSV file or a workbook's sheet (told apart by their content)."""
    from . import workbook

    data = read_bytes(path)
    if workbook.is_workbook(data):
        if encoding is not None or delimiter is not None:
            raise InputError(Text("import.workbook.csv_options", path=path))
        return rows_to_table(path, *workbook.read_sheet(data, path, sheet))
    if sheet is not None:
        raise InputError(Text("import.csv.sheet_option", path=path))
    return _read_csv(data, path, encoding, delimiter)


def _read_csv(data: bytes, path: str, encoding: Optional[str], delimiter: Optional[str]) -> Table:
    import csv
    import io

    text, used = _decode(data, path, encoding)
    delimiter = delimiter or _detect_delimiter(text)
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error as error:
        raise InputError(Text("import.csv.unreadable", reason=str(error)), where=f"{path}:{reader.line_num}") from None
    table = rows_to_table(path, records, path, [])
    table.encoding = used
    if used in ("cp1252", "latin-1") and encoding is None:  # a guess, not read from a BOM
        shown = {"cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1"}[used]
        table.notes.append(Problem(path, Text("import.csv.guessed_encoding", encoding=shown), lost=False))
    return table


def rows_to_table(path: str, records: list[list[str]], label: Union[Text, str], notes: list[Problem]) -> Table:
    """A Table from the rows of text cells as the spreadsheet numbers them (row 1 first): the header is the first
    row with text."""
    start = next((i for i, cells in enumerate(records) if _filled(cells)), None)
    if start is None:
        raise InputError(Text("import.csv.no_header", path=label))
    header = [name.strip() for name in records[start]]
    rows = [(position + 1, cells) for position, cells in enumerate(records) if position > start]
    return Table(path, header, start + 1, rows, "", list(notes), label)


def _decode(data: bytes, path: str, encoding: Optional[str]) -> tuple[str, str]:
    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(Text("import.csv.unknown_encoding", name=repr(encoding))) from None
        if not info._is_text_encoding:  # rot13, base64, zlib...: they turn bytes into bytes, not into text
            raise InputError(Text("import.csv.not_text_encoding", name=repr(encoding)))
        name = info.name
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return _decode_as(data, path, name), name
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: Excel 97-2003
        raise InputError(Text("import.csv.old_excel", path=path))
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, path, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, path, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise InputError(Text("import.csv.binary", path=path))
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # decodes any byte: the last resort


def _decode_as(data: bytes, path: str, name: str) -> str:
    shown = "utf-8" if name == "utf-8-sig" else name
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        raise InputError(Text("import.csv.bad_byte", byte=byte, encoding=shown), where=f"{path}:{line}") from None
    except UnicodeError:  # idna, punycode: text encodings of names, whose errors have no position
        raise InputError(Text("import.csv.not_in_encoding", path=path, encoding=shown)) from None


def _detect_delimiter(text: str) -> str:
    """The delimiter used most on the first line with text, quotes left aside."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {candidate: unquoted.count(candidate) for candidate in DELIMITERS}
    best = max(DELIMITERS, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _filled(cells: list[str]) -> bool:
    return any(cell.strip() for cell in cells)


# --- the mapping file -------------------------------------------------------------------


@dataclass
class Column:
    name: str  # as written in the mapping
    field: Union[Field, str]  # a Field, or DEPENDS_ON
    values: dict[str, Any]  # normalised source text -> value, list of values, or None (says nothing)
    sources: list[str]  # the source texts of `values`, as written
    split: Optional[str]
    line: int  # where the mapping names this column
    index: int = -1  # position in the CSV header, once bound
    # cell text -> (value, problem), filled as cells are read
    read: dict[str, tuple[Any, Optional[Text]]] = dataclasses.field(default_factory=dict)

    @property
    def target(self) -> Field:
        """The field of a column that is not DEPENDS_ON."""
        assert isinstance(self.field, Field), self.field
        return self.field


@dataclass
class Mapping:
    path: str
    columns: list[Column]
    ignore: list[tuple[str, int]]  # (column name, line)
    id_column: Optional[tuple[str, int]] = None  # (column name, line)
    # Positions in the CSV header, once bound to it:
    id_index: Optional[int] = None
    ignored: set[Optional[int]] = field(default_factory=set)


def _read_cell(column: Column, text: str) -> tuple[Any, Optional[Text]]:
    """(value, None), or (None, what was expected) when the text fits neither `values` nor the field."""
    key = _norm(text)
    if key in column.values:
        return column.values[key], None
    try:
        return column.target.parse(text), None
    except ValueProblem as problem:
        return None, problem.text


def _norm(text: str) -> str:
    """How values and column names are compared: case and runs of spaces do not matter."""
    return " ".join(text.split()).casefold()


def load_mapping(path: str) -> Mapping:
    from ..load.loader import load_text, refuse_problems

    document = load_text(read_text(path), path)
    if not document.readable:
        refuse_problems(document)  # invalid YAML, an alias bomb...: exit 2 at its place
    return _MappingReader(document).read()


_BAD = object()


class _MappingReader:
    """Reads the mapping's plain data (built by the estate loader, with its guards); places come from its index."""

    TOP = ("columns", "id", "ignore")
    ENTRY = ("field", "values", "split")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.path = document.path
        self.errors: list[tuple[str, Union[Text, str]]] = []
        for p in document.problems:
            assert isinstance(p.text, (Text, str)), p.text  # the loader's problems always say what they are
            self.errors.append((f"{p.file}:{p.line}:{p.column}", p.text))

    def where(self, at: tuple[Union[str, int], ...]) -> str:
        line, column = self.document.place(at)
        return f"{self.path}:{line}:{column}"

    def line(self, at: tuple[Union[str, int], ...]) -> int:
        return self.document.place(at)[0]

    def error(self, at: tuple[Union[str, int], ...], text: Text) -> None:
        self.errors.append((self.where(at), text))

    def read(self) -> Mapping:
        mapping = Mapping(self.path, [], [])
        root = self.document.data
        if not isinstance(root, dict):
            raise InputError(Text("import.mapping.not_a_mapping"), where=self.path)
        for key in root:
            if key not in self.TOP:
                self.error((key,), Text("import.mapping.unknown_key", key=key, hint=_key_hint(key, self.TOP)))
        if "columns" not in root:
            self.error((), Text("import.mapping.no_columns"))
        else:
            self.columns(root["columns"], mapping)
        if "id" in root:
            name = self.text(("id",), Text("import.mapping.what.id"))
            if name is not None:
                mapping.id_column = (name, self.line(("id",)))
        if "ignore" in root:
            self.ignore(root["ignore"], mapping)
        used: dict[str, str] = {}
        for column in mapping.columns:
            path = DEPENDS_ON if column.field == DEPENDS_ON else column.target.path
            if path in used:
                self.errors.append(
                    (f"{self.path}:{column.line}", Text("import.mapping.field_twice", field=path, column=used[path]))
                )
            used.setdefault(path, column.name)
        mapped = {_norm(column.name) for column in mapping.columns}
        for name, line in mapping.ignore:
            if _norm(name) in mapped:
                self.errors.append((f"{self.path}:{line}", Text("import.mapping.mapped_and_ignored", column=name)))
        if mapping.id_column is None and "name" not in used and mapping.columns:
            self.errors.append((f"{self.path}:{self.document.root[0]}", Text("import.mapping.no_name")))
        if self.errors:
            raise InputErrors(Text("import.mapping.bad"), self.errors)
        return mapping

    def value_at(self, at: tuple[Union[str, int], ...]) -> Any:
        value = self.document.data
        for step in at:
            value = value[step]
        return value

    def text(self, at: tuple[Union[str, int], ...], what: Text) -> Optional[str]:
        """The text at `at`; numbers and words YAML reads otherwise (`2024`, `yes`) are taken as written."""
        value = self.value_at(at)
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            self.error(at, Text("import.mapping.expected_text", what=what))
            return None
        return value if isinstance(value, str) else str(value)

    def columns(self, node: Any, mapping: Mapping) -> None:
        if not isinstance(node, dict):
            self.error(("columns",), Text("import.mapping.columns_shape"))
            return
        for name in node:
            column = self.column(name, node[name], ("columns", name))
            if column is not None:
                mapping.columns.append(column)

    def column(self, name: str, entry: Any, at: tuple[Union[str, int], ...]) -> Optional[Column]:
        line = self.line(at)
        if not isinstance(entry, (dict, list)):
            target = self.field(at)
            return None if target is None else Column(name, target, {}, [], None, line)
        if not isinstance(entry, dict):
            self.error(at, Text("import.mapping.column_shape", column=name))
            return None
        for key in entry:
            if key not in self.ENTRY:
                self.error(
                    at + (key,),
                    Text(
                        "import.mapping.column_unknown_key",
                        key=key,
                        column=name,
                        keys=Listing(f"`{k}`" for k in self.ENTRY),
                    ),
                )
        if "field" not in entry:
            self.error(at, Text("import.mapping.no_field", column=name))
            return None
        target = self.field(at + ("field",))
        if target is None:
            return None
        split = None
        if "split" in entry:
            split = self.text(at + ("split",), Text("import.mapping.what.split"))
            if split == "":
                self.error(at + ("split",), Text("import.mapping.empty_split"))
            elif split is not None and isinstance(target, Field) and not target.many:
                self.error(at + ("split",), Text("import.mapping.split_one_value", field=target.path))
        table = self.values(entry["values"], target, name, at + ("values",)) if "values" in entry else {}
        values = {key: value for key, (_, value) in table.items()}
        return Column(name, target, values, [source for source, _ in table.values()], split, line)

    def field(self, at: tuple[Union[str, int], ...]) -> Union[Field, str, None]:
        import difflib

        path = self.text(at, Text("import.mapping.what.field"))
        if path is None:
            return None
        if path == DEPENDS_ON:
            return DEPENDS_ON
        known = {**fields(SECTION), **references(SECTION)}
        if path not in known:
            if path == "waivers":
                hint = Text("import.mapping.by_hand")
            else:
                close = difflib.get_close_matches(path, [*known, DEPENDS_ON], n=1)
                hint = Text("import.did_you_mean_code", close=close[0]) if close else Text("import.mapping.see_fields")
            self.error(at, Text("import.mapping.not_a_field", field=path, hint=hint))
            return None
        return known[path]

    def values(
        self, node: Any, target: Union[Field, str], name: str, at: tuple[Union[str, int], ...]
    ) -> dict[str, tuple[str, Any]]:
        if node is None:
            return {}  # `values:` with every line commented out
        if not isinstance(node, dict):
            self.error(at, Text("import.mapping.values_shape", column=name))
            return {}
        table: dict[str, tuple[str, Any]] = {}
        for source in node:
            converted = self.value(node[source], target, at + (source,))
            if converted is not _BAD:
                table[_norm(source)] = (source, converted)
        return table

    def value(self, value: Any, target: Union[Field, str], at: tuple[Union[str, int], ...]) -> Any:
        if value is None:
            return None
        if not isinstance(target, Field):  # DEPENDS_ON
            text = self.text(at, Text("import.mapping.what.dependency"))
            return _BAD if text is None else text
        if isinstance(value, list):
            if not target.many:
                self.error(at, Text("import.mapping.one_value", field=target.path))
                return _BAD
            items = [self.value(item, target, at + (position,)) for position, item in enumerate(value)]
            return _BAD if _BAD in items else [item for item in items if item is not None]
        if isinstance(value, dict):
            self.error(at, Text("import.expected", what=target.expected()))
            return _BAD
        if not isinstance(value, str) and target.accepts(value):
            return value  # `true`, `99.9`: YAML read them as the field wants them
        text = value if isinstance(value, str) else _yaml_text(value)
        try:
            return target.parse(text)
        except ValueProblem as problem:
            self.error(at, Text("import.not_a_value", value=text, field=target.path, problem=problem.text))
            return _BAD

    def ignore(self, node: Any, mapping: Mapping) -> None:
        items = [] if node is None else node if isinstance(node, list) else None
        if items is None:
            self.error(("ignore",), Text("import.mapping.ignore_shape"))
            return
        for position in range(len(items)):
            name = self.text(("ignore", position), Text("import.mapping.what.column_name"))
            if name is not None:
                mapping.ignore.append((name, self.line(("ignore", position))))


def _yaml_text(value: Any) -> str:
    """A value YAML built, written back as the user wrote it: `true`, `99.9`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _key_hint(key: str, keys: tuple[str, ...]) -> Text:
    import difflib

    close = difflib.get_close_matches(key, keys, n=1)
    if close:
        return Text("import.did_you_mean_code", close=close[0])
    return Text("import.mapping.the_keys", keys=Listing(f"`{k}`" for k in keys))


SHOWN_HEADERS = 20  # a header of 16,384 columns listed whole made a line no one reads


def _header_has(header: list[str]) -> Text:
    names = [name for name in header if name]
    shown = Listing(Text("import.quoted", value=name) for name in names[:SHOWN_HEADERS])
    if len(names) <= SHOWN_HEADERS:
        return Text("import.bind.header_has", names=shown)
    return Text("import.bind.header_has_more", names=shown, n=len(names) - SHOWN_HEADERS)


def bind(mapping: Mapping, table: Table) -> None:
    """Find each column of the mapping in the CSV header; a missing one is a mapping error."""
    import difflib

    errors: list[tuple[str, Union[Text, str]]] = []

    def find(name: str, line: int) -> Optional[int]:
        exact = [i for i, header in enumerate(table.header) if header == name]
        matches = exact or [i for i, header in enumerate(table.header) if _norm(header) == _norm(name)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                (
                    f"{mapping.path}:{line}",
                    Text(
                        "import.bind.twice",
                        column=name,
                        n=len(matches),
                        file=table.label,
                        letters=Listing(column_letter(i + 1) for i in matches),
                    ),
                )
            )
        else:
            close = difflib.get_close_matches(name, table.header, n=1)
            hint = Text("import.did_you_mean_column", close=close[0]) if close else _header_has(table.header)
            errors.append(
                (f"{mapping.path}:{line}", Text("import.bind.missing", column=name, file=table.label, hint=hint))
            )
        return None

    for column in mapping.columns:
        index = find(column.name, column.line)
        if index is not None:  # else an error is raised below
            column.index = index
    if mapping.id_column is not None:
        mapping.id_index = find(*mapping.id_column)
    else:
        mapping.id_index = next(
            c.index for c in mapping.columns if isinstance(c.field, Field) and c.field.path == "name"
        )
    mapping.ignored = {find(name, line) for name, line in mapping.ignore}
    if errors:
        raise InputErrors(Text("import.bind.heading"), errors)


# --- rows to applications ---------------------------------------------------------------


def import_csv(
    path: str,
    mapping_path: str,
    encoding: Optional[str] = None,
    delimiter: Optional[str] = None,
    sheet: Optional[str] = None,
) -> Imported:
    mapping = load_mapping(mapping_path)
    table = read_table(path, encoding, delimiter, sheet)
    bind(mapping, table)
    return _Rows(table, mapping).run()


class _Rows:
    def __init__(self, table: Table, mapping: Mapping) -> None:
        self.table = table
        self.mapping = mapping
        self.name = Path(table.path).name
        self.imported = Imported(origin=self.name)
        self.imported.problems.extend(table.notes)
        self.ids = Ids()
        self.first_row: dict[str, int] = {}  # id -> row it was given to
        assert mapping.id_index is not None, "bind() finds the id column or raises"
        self.id_index = mapping.id_index
        # (entity, row, column, items), resolved once every id is known
        self.dependencies: list[tuple[Entity, int, Column, list[str]]] = []
        # (field, id) -> (row, column index, cell) of the first cell naming it
        self.named: dict[tuple[str, Any], tuple[int, int, str]] = {}

    def place(self, row: int, index: int) -> Text:
        header = self.table.header[index] if index < len(self.table.header) else ""
        named = Text("import.place.header", name=header) if header else ""
        return Text(
            "import.place.cell", file=self.table.label, row=str(row), column=column_letter(index + 1), header=named
        )

    def report(self, row: int, index: int, message: Text, lost: bool = True) -> None:
        self.imported.problems.append(Problem(self.place(row, index), message, lost, row, index + 1))

    def run(self) -> Imported:
        self._unmapped_columns()
        empty: list = []
        for row, cells in self.table.rows:
            if not _filled(cells):
                empty.append(row)
                continue
            self._empty_rows(empty)
            empty = []
            self._row(row, cells)
        self._empty_rows(empty)
        self._resolve_dependencies()
        self._undefined_references()
        for entity in self.imported.entities:
            entity.data = arrange(SECTION, entity.data)
        self.imported.problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
        self.imported.read = len(self.table.rows)
        return self.imported

    def _empty_rows(self, rows: list) -> None:
        if not rows:
            return
        self.imported.skipped += len(rows)
        if len(rows) == 1:
            what = Text("import.csv.empty_row", row=str(rows[0]))
        else:
            what = Text("import.csv.empty_rows", first=str(rows[0]), last=str(rows[-1]))
        place = Text("import.place.row", file=self.table.label, row=str(rows[0]))
        self.imported.problems.append(Problem(place, what, False, rows[0], None))

    def _unmapped_columns(self) -> None:
        used = {column.index for column in self.mapping.columns} | self.mapping.ignored | {self.id_index}
        width = len(self.table.header)
        for index in range(width):
            if index in used:
                continue
            filled = sum(1 for _, cells in self.table.rows if index < len(cells) and cells[index].strip())
            if filled:
                key = "import.csv.unmapped_column" if self.table.header[index] else "import.csv.no_header_column"
                self.report(self.table.header_row, index, Text(key, cells=Plural("import.csv.lost_cells", filled)))

    def _row(self, row: int, cells: list) -> None:
        def cell(index: int) -> str:
            return cells[index].strip() if 0 <= index < len(cells) else ""

        for index in range(len(self.table.header), len(cells)):
            if cells[index].strip():
                self.report(row, index, Text("import.csv.beyond", text=cells[index].strip()))
        source = cell(self.id_index)
        base = Ids.base(source, "app")
        if base is None:
            why = Text("import.csv.no_id.empty") if not source else Text("import.csv.no_id.no_letter", text=source)
            self.report(row, self.id_index, why)
            self.imported.skipped += 1
            return
        entity_id = self.ids.claim(base)
        if entity_id != base:
            self.report(
                row,
                self.id_index,
                Text("import.csv.id_taken", text=source, base=base, row=str(self.first_row[base]), id=entity_id),
                lost=False,
            )
        self.first_row.setdefault(entity_id, row)
        entity = Entity(SECTION, entity_id, {}, Text("import.source.row", file=self.name, row=str(row)))
        self.imported.entities.append(entity)
        for column in self.mapping.columns:
            text = cell(column.index)
            if not text:
                continue  # the inventory says nothing: left out, the linter will say what is missing
            if column.field == DEPENDS_ON:
                self.dependencies.append((entity, row, column, split_list(text, column.split)))
                continue
            value = self._value(row, column, text)
            if value is not None:
                set_path(entity.data, column.target.path, value)
                if column.target.reference:
                    for item in value if isinstance(value, list) else [value]:
                        self.named.setdefault((column.target.path, item), (row, column.index, text))
        self._unhosted(row, entity, cell)

    def _unhosted(self, row: int, entity: Entity, cell: Callable[[int], str]) -> None:
        """IaaS with no provider: CLD001 cannot tell a public cloud from a colocation, so the import says it."""
        if entity.data.get("delivery") != "iaas" or "provider" in entity.data:
            return
        column = next(
            column
            for column in self.mapping.columns
            if isinstance(column.field, Field) and column.field.path == "delivery"
        )
        text = cell(column.index)
        mapped = "provider" in {c.field.path for c in self.mapping.columns if isinstance(c.field, Field)}
        # A cell that said more than IaaS ("Colocation") lost what it said; one that said IaaS lost nothing.
        what = Text("import.csv.fill_provider" if mapped else "import.csv.map_provider")
        self.report(
            row, column.index, Text("import.csv.iaas_without_provider", text=text, what=what), lost=slug(text) != "iaas"
        )

    def _undefined_references(self) -> None:
        """Each provider, data store or unknown product the cells name, once: the estate must still define it."""
        products = None
        for (path, name), (row, index, text) in self.named.items():
            kind = REFERENCES[path]
            if kind is None:
                if products is None:
                    from ..model.products import builtin_products

                    products = builtin_products()
                if name in products:
                    continue
                message = Text("import.csv.unknown_product", id=name, text=text)
            else:
                message = Text("import.csv.undefined." + kind, id=name, text=text)
            self.report(row, index, message, lost=False)

    def _value(self, row: int, column: Column, text: str) -> Any:
        target = column.target
        if not target.many:
            return self._one(row, column, text)
        items: list = []
        for part in split_list(text, column.split):
            value = self._one(row, column, part)
            for item in value if isinstance(value, list) else [] if value is None else [value]:
                if item not in items:
                    items.append(item)
        return items or None

    def _one(self, row: int, column: Column, text: str) -> Any:
        # Inventories repeat the same few texts ("Oui", "SaaS"...): each is read once per column.
        outcome = column.read.get(text)
        if outcome is None:
            outcome = column.read[text] = _read_cell(column, text)
        value, problem = outcome
        if problem is not None:
            quoted = Listing(Text("import.quoted", value=source) for source in column.sources)
            known = Text("import.csv.mapping_knows", values=quoted) if column.sources else ""
            self.report(
                row,
                column.index,
                Text(
                    "import.csv.bad_cell",
                    problem=Text("import.not_a_value", value=text, field=column.target.path, problem=problem),
                    known=known,
                    column=column.name,
                    place=f"{self.mapping.path}:{column.line}",
                ),
            )
        return value

    def _resolve_dependencies(self) -> None:
        by_name: dict = {}
        for entity in self.imported.entities:
            by_name.setdefault(_norm(entity.data.get("name", "")), []).append(entity.id)
        ids = {entity.id for entity in self.imported.entities}
        for entity, row, column, items in self.dependencies:
            resolved = []
            for item in items:
                target = column.values.get(_norm(item), item)
                if target is None:
                    continue
                candidates = [target] if target in ids else by_name.get(_norm(target), [])
                if len(candidates) == 1:
                    if candidates[0] not in resolved:
                        resolved.append(candidates[0])
                    continue
                if candidates:
                    why = Text("import.csv.ambiguous_dependency", item=item, n=len(candidates), ids=Listing(candidates))
                else:
                    why = Text("import.csv.unknown_dependency", item=item)
                self.report(row, column.index, why)
            if resolved:
                entity.data[DEPENDS_ON] = resolved


# --- a starting mapping -----------------------------------------------------------------

# Header words (slugged) that usually name a field, English and French.
HEADER_WORDS = {
    "name": ("name", "nom", "application", "app", "libelle", "application-name", "nom-de-l-application"),
    "description": ("description", "desc", "purpose", "objet"),
    "owner": (
        "owner",
        "responsable",
        "proprietaire",
        "team",
        "equipe",
        "business-owner",
        "it-owner",
        "product-owner",
        "proprietaire-metier",
    ),
    "category": ("category", "categorie"),
    "usage": ("usage", "bis"),
    "lifecycle.stage": ("lifecycle", "status", "statut", "cycle-de-vie", "etat"),
    "system": ("system", "systeme"),
    "domain": ("domain", "domaine", "business-domain", "domaine-metier"),
    "delivery": ("hosting", "hebergement", "delivery", "deployment", "deploiement"),
    "built": ("built", "make-or-buy", "developpement", "developed-by"),
    "tenancy": ("tenancy", "multitenant", "multi-tenant", "mutualise"),
    "updates": ("updates", "mises-a-jour", "upgrades"),
    "platform": ("platform", "plateforme", "technology", "technologie"),
    "access.browser": ("browser", "browser-access", "navigateur", "acces-navigateur", "web-access"),
    "access.devices": ("devices", "terminaux", "appareils", "supported-devices"),
    "access.installed_clients": ("installed-clients", "client-lourd", "thick-client", "clients-installes"),
    "access.offline": ("offline", "hors-ligne"),
    "audience": ("audience", "public"),
    "users": ("users", "utilisateurs", "number-of-users", "nombre-d-utilisateurs", "nb-utilisateurs"),
    "availability.target": ("availability", "sla", "disponibilite", "availability-target", "disponibilite-cible"),
    "cost.per_user_month": ("cost", "cout", "cost-per-user", "cout-par-utilisateur"),
    "cost.currency": ("currency", "devise", "monnaie"),
    "exchange_formats": ("formats", "exchange-formats", "formats-d-echange"),
    DEPENDS_ON: (
        "depends-on",
        "dependencies",
        "dependances",
        "dependencies-on",
        "depend-de",
        "depend-du",
        "depend-des",
        "dependance",
        "dependency",
        "prerequis",
        "applications-amont",
        "s-appuie-sur",
    ),
    # They name entities the inventory does not define: the import says which the estate must still define.
    "product": ("product", "produit", "software-product", "progiciel-version"),
    "provider": (
        "provider",
        "hebergeur",
        "fournisseur",
        "hosting-provider",
        "cloud-provider",
        "supplier",
        "prestataire",
    ),
    "data": (
        "data",
        "donnees",
        "data-stores",
        "databases",
        "bases-de-donnees",
        "base-de-donnees",
        "stockage",
        "stockages",
    ),
}
# Cell words that usually mean a value the default reading does not know.
VALUE_WORDS: dict[str, dict[str, Union[str, list[str]]]] = {
    "delivery": {
        "on-prem": "on-premise",
        "on-premises": "on-premise",
        "sur-site": "on-premise",
        "interne": "on-premise",
        "datacenter": "on-premise",
        "local": "desktop",
        "poste": "desktop",
    },
    "access.devices": {
        "pc": "windows",
        "mac": "macos",
        "iphone": "ios",
        "ipad": "ios",
        "chromeos": "chromebook",
        "chrome-os": "chromebook",
        "all": list(DEVICE_FAMILIES),
        "tous": list(DEVICE_FAMILIES),
        "tout": list(DEVICE_FAMILIES),
    },
    "built": {
        "in-house": "in-house",
        "interne": "in-house",
        "editeur": "vendor",
        "buy": "vendor",
        "make": "in-house",
        "progiciel": "vendor",
    },
    "usage": {"metier": "business", "b": "business", "s": "support"},
}
MAX_LISTED_VALUES = 40  # past this many distinct values a column is free text: no values table


def guess_field(header: str) -> Optional[str]:
    """The field a column header most likely names, or None."""
    words = slug(header)
    for path, synonyms in HEADER_WORDS.items():
        if words in synonyms:
            return path
    tokens = words.split("-")
    for size in (3, 2):  # several-word synonyms inside a longer header
        for start in range(len(tokens) - size + 1):
            chunk = "-".join(tokens[start : start + size])
            for path, synonyms in HEADER_WORDS.items():
                if chunk in synonyms:
                    return path
    for token in reversed(tokens):  # the last word is usually the noun: "Application owner"
        for path, synonyms in HEADER_WORDS.items():
            if token in synonyms:
                return path
    return None


def suggest_mapping(
    path: str,
    encoding: Optional[str] = None,
    delimiter: Optional[str] = None,
    sheet: Optional[str] = None,
    lang: str = "en",
) -> str:
    from ..i18n.messages import render
    from .writer import scalar

    def comment(key: str, **params: Any) -> list[str]:
        return ["# " + line for line in render(lang, Text(key, **params)).split("\n")]

    table = read_table(path, encoding, delimiter, sheet)
    known = {**fields(SECTION), **references(SECTION)}
    lines = comment("import.suggest.head", file=Path(path).name) + ["columns:"]
    taken: set = set()
    ignored = []
    for index, header in enumerate(table.header):
        path_ = guess_field(header) if header else None
        if path_ is None or path_ in taken:
            if header:
                ignored.append(header)
            continue
        taken.add(path_)
        target = known.get(path_)
        unknown = _unknown_values(table, index, target) if target is not None else []
        if target is None or not unknown:
            lines.append(f"  {scalar(header)}: {path_}")
            continue
        lines += [f"  {scalar(header)}:", f"    field: {path_}  # {render(lang, target.expected())}", "    values:"]
        for text in unknown:
            guess = _guess_value(target, text)
            if isinstance(guess, list):
                lines.append(f"      {scalar(text)}: [{', '.join(guess)}]")
            elif guess is not None:
                lines.append(f"      {scalar(text)}: {scalar(guess)}")
            else:
                lines.append(f"      # {scalar(text)}: ")
    if ignored:
        lines += comment("import.suggest.ignored") + ["ignore:"]
        lines += [f"  - {scalar(header)}" for header in ignored]
    return "\n".join(lines) + "\n"


def _guess_value(target: Field, text: str) -> Union[str, list[str], None]:
    """A likely value for a cell text the default reading does not understand, or None."""
    words = slug(text)
    guess = VALUE_WORDS.get(target.path, {}).get(words)
    if guess is not None or "enum" not in target.item:
        return guess
    tokens = set(words.split("-"))
    inside = [option for option in target.item["enum"] if option in tokens]  # "Cloud (SaaS)" -> saas
    return inside[0] if len(inside) == 1 else None


def _unknown_values(table: Table, index: int, target: Field) -> list[str]:
    """The distinct cell values the default reading of `target` does not understand."""
    if not ("enum" in target.item or target.item.get("type") in ("boolean", "integer", "number")):
        return []
    seen: dict[str, str] = {}
    for _, cells in table.rows:
        text = cells[index].strip() if index < len(cells) else ""
        for part in split_list(text) if target.many else [text] if text else []:
            seen.setdefault(_norm(part), part)
    if len(seen) > MAX_LISTED_VALUES:
        return []
    unknown = []
    for text in seen.values():
        try:
            target.parse(text)
        except ValueProblem:
            unknown.append(text)
    return unknown
