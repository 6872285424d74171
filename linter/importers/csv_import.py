"""Import a spreadsheet inventory (CSV) into estate applications, following a mapping file.

Rows are numbered as the spreadsheet shows them: the header is row 1 and a
cell holding line breaks still counts as one row. Every cell the mapping cannot
carry over, every row that cannot become an application and every column the
mapping does not mention is reported at its row and column.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..diagnostic import InputError
from ..vocabulary import DEVICE_FAMILIES
from . import Entity, Imported, Problem
from .fields import Field, Ids, ValueProblem, arrange, fields, set_path, slug, split_list

SECTION = "applications"
DEPENDS_ON = "depends_on"  # the one reference field a mapping may fill: it names other rows
DELIMITERS = (";", ",", "\t")


# --- reading the file -------------------------------------------------------------------

@dataclass
class Table:
    path: str
    header: list  # column names, stripped
    header_row: int
    rows: list  # (spreadsheet row, cells) for every row after the header, empty ones included
    encoding: str
    notes: list = field(default_factory=list)


def read_table(path: str, encoding: Optional[str] = None, delimiter: Optional[str] = None) -> Table:
    import csv
    import io

    data = _read_bytes(path)
    text, used = _decode(data, path, encoding)
    delimiter = delimiter or _detect_delimiter(text)
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error as error:
        raise InputError(
            f"{path}:{reader.line_num}: not readable as CSV ({error}); a quote is probably not closed: "
            "fix the file or export it again"
        ) from None
    start = next((i for i, cells in enumerate(records) if _filled(cells)), None)
    if start is None:
        raise InputError(f"{path}: no header row (the file has no text); export the inventory with its header")
    header = [name.strip() for name in records[start]]
    rows = [(position + 1, cells) for position, cells in enumerate(records) if position > start]
    table = Table(path, header, start + 1, rows, used)
    if used in ("cp1252", "latin-1") and encoding is None:  # a guess, not read from a BOM
        shown = {"cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1"}.get(used, used)
        table.notes.append(Problem(
            path, f"not UTF-8: read as {shown}; give --encoding if accented letters look wrong", lost=False,
        ))
    return table


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def _decode(data: bytes, path: str, encoding: Optional[str]) -> tuple:
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}: try utf-8, cp1252 or latin-1") from None
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return _decode_as(data, path, name), name
    if data.startswith(b"PK\x03\x04"):
        raise InputError(f"{path}: this is a workbook (.xlsx or .ods), not CSV: save it as CSV from the spreadsheet")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, path, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, path, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise InputError(f"{path}: a binary file, not CSV text: export the inventory as CSV")
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # decodes any byte: the last resort


ENCODING_HINT = "give the file's encoding with --encoding (cp1252 for most French Windows exports)"


def _decode_as(data: bytes, path: str, name: str, hint: str = ENCODING_HINT) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start:error.start + 1].hex()
        shown = "utf-8" if name == "utf-8-sig" else name
        raise InputError(f"{path}:{line}: byte 0x{byte} is not {shown}: {hint}") from None


def _detect_delimiter(text: str) -> str:
    """The delimiter used most on the first line with text, quotes left aside."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {candidate: unquoted.count(candidate) for candidate in DELIMITERS}
    best = max(DELIMITERS, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _filled(cells: list) -> bool:
    return any(cell.strip() for cell in cells)


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA: the spreadsheet's name of a column."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- the mapping file -------------------------------------------------------------------

@dataclass
class Column:
    name: str  # as written in the mapping
    field: object  # a Field, or DEPENDS_ON
    values: dict  # normalised source text -> value, list of values, or None (says nothing)
    sources: list  # the source texts of `values`, as written
    split: Optional[str]
    line: int  # where the mapping names this column
    index: int = -1  # position in the CSV header, once bound
    read: dict = field(default_factory=dict)  # cell text -> (value, problem), filled as cells are read


@dataclass
class Mapping:
    path: str
    columns: list
    ignore: list  # (column name, line)
    id_column: Optional[tuple] = None  # (column name, line)
    # Positions in the CSV header, once bound to it:
    id_index: Optional[int] = None
    ignored: set = field(default_factory=set)


def _read_cell(column: Column, text: str) -> tuple:
    """(value, None), or (None, what was expected) when the text fits neither `values` nor the field."""
    key = _norm(text)
    if key in column.values:
        return column.values[key], None
    try:
        return column.field.parse(text), None
    except ValueProblem as problem:
        return None, str(problem)


def _norm(text: str) -> str:
    """How values and column names are compared: case and runs of spaces do not matter."""
    return " ".join(text.split()).casefold()


def load_mapping(path: str) -> Mapping:
    import yaml

    text = _decode_as(_read_bytes(path), path, "utf-8-sig", "save the mapping as UTF-8")
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise InputError(f"{where}: invalid YAML: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise InputError(f"{path}: invalid YAML: {error}") from None
    return _MappingReader(path).read(root)


class _MappingReader:
    TOP = ("columns", "id", "ignore")
    ENTRY = ("field", "values", "split")

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list = []

    def error(self, node, message: str) -> None:
        mark = node.start_mark
        self.errors.append(f"{self.path}:{mark.line + 1}:{mark.column + 1}: {message}")

    def read(self, root) -> Mapping:
        import difflib

        mapping = Mapping(self.path, [], [])
        if root is None or root.id != "mapping":
            raise InputError(f"{self.path}: a mapping file is a YAML mapping with a `columns:` entry; "
                             "`si-lint import csv --suggest-mapping INVENTORY.csv` writes one to start from")
        top = self.pairs(root)
        for key, (key_node, value) in top.items():
            if key not in self.TOP:
                close = difflib.get_close_matches(key, self.TOP, n=1)
                hint = f"did you mean `{close[0]}`?" if close else f"the keys are {', '.join(self.TOP)}"
                self.error(key_node, f"unknown key `{key}`: {hint}")
        if "columns" not in top:
            self.error(root, "no `columns:` entry: say which column feeds which field")
        else:
            self.columns(top["columns"][1], mapping)
        if "id" in top:
            node = top["id"][1]
            if self.text(node, "`id` names the column ids are made from") is not None:
                mapping.id_column = (node.value, node.start_mark.line + 1)
        if "ignore" in top:
            self.ignore(top["ignore"][1], mapping)
        used = {}
        for column in mapping.columns:
            path = DEPENDS_ON if column.field == DEPENDS_ON else column.field.path
            if path in used:
                self.errors.append(f"{self.path}:{column.line}: field `{path}` is already fed by column "
                                   f"'{used[path]}': one column per field")
            used.setdefault(path, column.name)
        mapped = {_norm(column.name) for column in mapping.columns}
        for name, line in mapping.ignore:
            if _norm(name) in mapped:
                self.errors.append(f"{self.path}:{line}: column '{name}' is both mapped and ignored: choose one")
        if mapping.id_column is None and "name" not in used and mapping.columns:
            self.errors.append(f"{self.path}:{root.start_mark.line + 1}: no column feeds `name` and no `id:` column "
                               "is given: ids are made from one of them")
        if self.errors:
            raise InputError("bad mapping:\n" + "\n".join(self.errors))
        return mapping

    def pairs(self, node) -> dict:
        found = {}
        for key_node, value in node.value:
            key = self.text(key_node, "a key is a plain text")
            if key is None:
                continue
            if key in found:
                self.error(key_node, f"`{key}` is given twice: keep one")
                continue
            found[key] = (key_node, value)
        return found

    def text(self, node, what: str) -> Optional[str]:
        if node.id != "scalar" or _null(node):
            self.error(node, f"expected a text: {what}")
            return None
        return node.value

    def columns(self, node, mapping: Mapping) -> None:
        if node.id != "mapping":
            self.error(node, "`columns` maps each column name to a field, e.g. `Hosting: delivery`")
            return
        for name, (key_node, entry) in self.pairs(node).items():
            column = self.column(name, key_node, entry)
            if column is not None:
                mapping.columns.append(column)

    def column(self, name: str, key_node, entry) -> Optional[Column]:
        line = key_node.start_mark.line + 1
        if entry.id == "scalar":
            target = self.field(entry)
            return None if target is None else Column(name, target, {}, [], None, line)
        if entry.id != "mapping":
            self.error(entry, f"column '{name}': give a field name, or a mapping with field, values and split")
            return None
        parts = self.pairs(entry)
        for key, (key_node, _) in parts.items():
            if key not in self.ENTRY:
                self.error(key_node, f"unknown key `{key}` for column '{name}': the keys are {', '.join(self.ENTRY)}")
        if "field" not in parts:
            self.error(entry, f"column '{name}': no `field:` (which estate field it feeds)")
            return None
        target = self.field(parts["field"][1])
        if target is None:
            return None
        split = None
        if "split" in parts:
            split_node = parts["split"][1]
            split = self.text(split_node, "`split` is the text between list items, e.g. \";\"")
            if split == "":
                self.error(split_node, "`split` cannot be empty")
            elif split is not None and target != DEPENDS_ON and not target.many:
                self.error(split_node, f"`split` is for list fields; `{target.path}` holds one value")
        table = self.values(parts["values"][1], target, name) if "values" in parts else {}
        values = {key: value for key, (_, value) in table.items()}
        return Column(name, target, values, [source for source, _ in table.values()], split, line)

    def field(self, node):
        import difflib

        path = self.text(node, "a field name such as delivery or access.browser")
        if path is None:
            return None
        if path == DEPENDS_ON:
            return DEPENDS_ON
        known = fields(SECTION)
        if path not in known:
            close = difflib.get_close_matches(path, [*known, DEPENDS_ON], n=1)
            hint = f"did you mean `{close[0]}`?" if close else "see docs/import.md for the fields a column can feed"
            if path in ("provider", "data", "waivers"):
                hint = "it names entities an inventory does not define: add it by hand after the import"
            self.error(node, f"`{path}` is not a field a column can feed: {hint}")
            return None
        return known[path]

    def values(self, node, target, name: str) -> dict:
        if _null(node):
            return {}  # `values:` with every line commented out
        if node.id != "mapping":
            self.error(node, f"column '{name}': `values` maps what the cells say to field values")
            return {}
        table = {}
        for source, (key_node, value) in self.pairs(node).items():
            converted = self.value(value, target)
            if converted is not _BAD:
                table[_norm(source)] = (source, converted)
        return table

    def value(self, node, target):
        if _null(node):
            return None
        if target == DEPENDS_ON:
            text = self.text(node, "an application name or id")
            return _BAD if text is None else text
        if node.id == "sequence":
            if not target.many:
                self.error(node, f"`{target.path}` holds one value, not a list")
                return _BAD
            items = [self.value(item, target) for item in node.value]
            return _BAD if _BAD in items else [item for item in items if item is not None]
        if node.id != "scalar":
            self.error(node, f"expected {target.expected()}")
            return _BAD
        try:
            return target.parse(node.value)
        except ValueProblem as problem:
            self.error(node, f"'{node.value}' is not a value of `{target.path}`: {problem}")
            return _BAD

    def ignore(self, node, mapping: Mapping) -> None:
        items = [] if _null(node) else node.value if node.id == "sequence" else None
        if items is None:
            self.error(node, "`ignore` lists column names whose cells are deliberately not imported")
            return
        for item in items:
            name = self.text(item, "a column name")
            if name is not None:
                mapping.ignore.append((name, item.start_mark.line + 1))


_BAD = object()


def _null(node) -> bool:
    return node.id == "scalar" and node.tag == "tag:yaml.org,2002:null"


def bind(mapping: Mapping, table: Table) -> None:
    """Find each column of the mapping in the CSV header; a missing one is a mapping error."""
    import difflib

    errors = []

    def find(name: str, line: int) -> Optional[int]:
        exact = [i for i, header in enumerate(table.header) if header == name]
        matches = exact or [i for i, header in enumerate(table.header) if _norm(header) == _norm(name)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(f"{mapping.path}:{line}: column '{name}' appears {len(matches)} times in {table.path} "
                          f"(columns {', '.join(column_letter(i + 1) for i in matches)}): rename one in the header")
        else:
            close = difflib.get_close_matches(name, table.header, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "the header has: " + ", ".join(
                repr(h) for h in table.header if h)
            errors.append(f"{mapping.path}:{line}: no column '{name}' in {table.path}: {hint}")
        return None

    for column in mapping.columns:
        column.index = find(column.name, column.line)
    if mapping.id_column is not None:
        mapping.id_index = find(*mapping.id_column)
    else:
        mapping.id_index = next(c.index for c in mapping.columns if c.field != DEPENDS_ON and c.field.path == "name")
    mapping.ignored = {find(name, line) for name, line in mapping.ignore}
    if errors:
        raise InputError("mapping does not fit the inventory:\n" + "\n".join(errors))


# --- rows to applications ---------------------------------------------------------------

def import_csv(path: str, mapping_path: str, encoding: Optional[str] = None,
               delimiter: Optional[str] = None) -> Imported:
    mapping = load_mapping(mapping_path)
    table = read_table(path, encoding, delimiter)
    bind(mapping, table)
    return _Rows(table, mapping).run()


class _Rows:
    def __init__(self, table: Table, mapping: Mapping) -> None:
        self.table = table
        self.mapping = mapping
        self.imported = Imported(origin=Path(table.path).name)
        self.imported.problems.extend(table.notes)
        self.ids = Ids()
        self.first_row: dict = {}  # id -> row it was given to
        self.id_index = mapping.id_index
        self.dependencies: list = []  # (entity, row, column, items) resolved once every id is known

    def place(self, row: int, index: int) -> str:
        header = self.table.header[index] if index < len(self.table.header) else ""
        named = f" '{header}'" if header else ""
        return f"{self.table.path}: row {row}, column {column_letter(index + 1)}{named}"

    def report(self, row: int, index: int, message: str, lost: bool = True) -> None:
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
        for entity in self.imported.entities:
            entity.data = arrange(SECTION, entity.data)
        self.imported.problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
        self.imported.read = len(self.table.rows)
        return self.imported

    def _empty_rows(self, rows: list) -> None:
        if not rows:
            return
        self.imported.skipped += len(rows)
        what = f"row {rows[0]} is empty" if len(rows) == 1 else f"rows {rows[0]} to {rows[-1]} are empty"
        self.imported.problems.append(Problem(f"{self.table.path}: row {rows[0]}", f"{what}: skipped",
                                              False, rows[0], None))

    def _unmapped_columns(self) -> None:
        used = {column.index for column in self.mapping.columns} | self.mapping.ignored | {self.id_index}
        width = len(self.table.header)
        for index in range(width):
            if index in used:
                continue
            filled = sum(1 for _, cells in self.table.rows if index < len(cells) and cells[index].strip())
            if filled:
                cells = f"{filled} non-empty cell{'s are' if filled > 1 else ' is'} not imported"
                if self.table.header[index]:
                    self.report(self.table.header_row, index, f"the mapping does not mention this column: its "
                                                              f"{cells}; map it under `columns:` or list it under "
                                                              "`ignore:`")
                else:
                    self.report(self.table.header_row, index, f"this column has no header: its {cells}; give it "
                                                              "a header and map it")

    def _row(self, row: int, cells: list) -> None:
        def cell(index: int) -> str:
            return cells[index].strip() if 0 <= index < len(cells) else ""

        for index in range(len(self.table.header), len(cells)):
            if cells[index].strip():
                self.report(row, index, f"'{cells[index].strip()}' is beyond the last named column: not imported; "
                                        "give the column a header and map it")
        source = cell(self.id_index)
        base = Ids.base(source, "app")
        if base is None:
            why = "is empty" if not source else f"('{source}') holds no letter or digit to make an id from"
            self.report(row, self.id_index, f"the id column {why}: row skipped, none of its cells imported")
            self.imported.skipped += 1
            return
        entity_id = self.ids.claim(base)
        if entity_id != base:
            self.report(row, self.id_index, f"'{source}' gives the id '{base}', already taken by row "
                                            f"{self.first_row[base]}: this row gets '{entity_id}'; merge the two rows "
                                            "if they describe one application", lost=False)
        self.first_row.setdefault(entity_id, row)
        entity = Entity(SECTION, entity_id, {}, f"{Path(self.table.path).name} row {row}")
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
                set_path(entity.data, column.field.path, value)

    def _value(self, row: int, column: Column, text: str):
        target: Field = column.field
        if not target.many:
            return self._one(row, column, text)
        items: list = []
        for part in split_list(text, column.split):
            value = self._one(row, column, part)
            for item in value if isinstance(value, list) else [] if value is None else [value]:
                if item not in items:
                    items.append(item)
        return items or None

    def _one(self, row: int, column: Column, text: str):
        # Inventories repeat the same few texts ("Oui", "SaaS"...): each is read once per column.
        outcome = column.read.get(text)
        if outcome is None:
            outcome = column.read[text] = _read_cell(column, text)
        value, problem = outcome
        if problem is not None:
            known = ", ".join(f"'{source}'" for source in column.sources)
            listed = f" (the mapping knows {known})" if known else ""
            self.report(row, column.index, f"'{text}' is not a value of `{column.field.path}`: {problem}{listed}; "
                                           f"add it under `values:` of column '{column.name}' in "
                                           f"{self.mapping.path}:{column.line}, or fix the cell")
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
                why = (f"names {len(candidates)} applications ({', '.join(candidates)}): write the id instead"
                       if candidates else "is neither the name nor the id of an application of this inventory")
                self.report(row, column.index, f"'{item}' {why}; left out of depends_on")
            if resolved:
                entity.data[DEPENDS_ON] = resolved


# --- a starting mapping -----------------------------------------------------------------

# Header words (slugged) that usually name a field, English and French.
HEADER_WORDS = {
    "name": ("name", "nom", "application", "app", "libelle", "application-name", "nom-de-l-application"),
    "description": ("description", "desc", "purpose", "objet"),
    "owner": ("owner", "responsable", "proprietaire", "team", "equipe", "business-owner", "it-owner"),
    "category": ("category", "categorie"),
    "usage": ("usage", "bis"),
    "lifecycle": ("lifecycle", "status", "statut", "cycle-de-vie", "etat"),
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
    DEPENDS_ON: ("depends-on", "dependencies", "dependances", "dependencies-on"),
}
# Cell words that usually mean a value the default reading does not know.
VALUE_WORDS = {
    "delivery": {"on-prem": "on-premise", "on-premises": "on-premise", "sur-site": "on-premise",
                 "interne": "on-premise", "datacenter": "on-premise", "local": "desktop", "poste": "desktop"},
    "access.devices": {"pc": "windows", "mac": "macos", "iphone": "ios", "ipad": "ios", "chromeos": "chromebook",
                       "chrome-os": "chromebook", "all": list(DEVICE_FAMILIES), "tous": list(DEVICE_FAMILIES), "tout": list(DEVICE_FAMILIES)},
    "built": {"in-house": "in-house", "interne": "in-house", "editeur": "vendor", "buy": "vendor",
              "make": "in-house", "progiciel": "vendor"},
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
            chunk = "-".join(tokens[start:start + size])
            for path, synonyms in HEADER_WORDS.items():
                if chunk in synonyms:
                    return path
    for token in reversed(tokens):  # the last word is usually the noun: "Application owner"
        for path, synonyms in HEADER_WORDS.items():
            if token in synonyms:
                return path
    return None


def suggest_mapping(path: str, encoding: Optional[str] = None, delimiter: Optional[str] = None) -> str:
    from .writer import scalar

    table = read_table(path, encoding, delimiter)
    known = fields(SECTION)
    lines = [
        f"# Mapping for {Path(path).name}, suggested by `si-lint import csv --suggest-mapping`.",
        "# Check each guess: `field` is the estate field a column feeds, `values` translates what",
        "# the cells say (a value mapped to ~ says nothing and is left out). Lines starting with #",
        "# are values the default reading does not understand: map them, or the import reports them.",
        "columns:",
    ]
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
        if not unknown:
            lines.append(f"  {scalar(header)}: {path_}")
            continue
        lines += [f"  {scalar(header)}:", f"    field: {path_}  # {target.expected()}", "    values:"]
        for text in unknown:
            guess = _guess_value(target, text)
            if isinstance(guess, list):
                lines.append(f"      {scalar(text)}: [{', '.join(guess)}]")
            elif guess is not None:
                lines.append(f"      {scalar(text)}: {scalar(guess)}")
            else:
                lines.append(f"      # {scalar(text)}: ")
    if ignored:
        lines += ["# Columns with no obvious field: map them above, or leave them ignored.", "ignore:"]
        lines += [f"  - {scalar(header)}" for header in ignored]
    return "\n".join(lines) + "\n"


def _guess_value(target: Field, text: str):
    """A likely value for a cell text the default reading does not understand, or None."""
    words = slug(text)
    guess = VALUE_WORDS.get(target.path, {}).get(words)
    if guess is not None or "enum" not in target.item:
        return guess
    tokens = set(words.split("-"))
    inside = [option for option in target.item["enum"] if option in tokens]  # "Cloud (SaaS)" -> saas
    return inside[0] if len(inside) == 1 else None


def _unknown_values(table: Table, index: int, target: Field) -> list:
    """The distinct cell values the default reading of `target` does not understand."""
    if not ("enum" in target.item or target.item.get("type") in ("boolean", "integer", "number")):
        return []
    seen: dict = {}
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
