"""The docs' tables of the estate format follow the JSON Schema: fields, values, and what an import can feed."""

from __future__ import annotations

import importlib.util
import re

from conftest import REPO
from si_lint.importers.fields import REFERENCES, fields
from si_lint.validate.schema import estate_schema

FORMAT = REPO / "docs" / "estate-format.md"


def _generator():
    spec = importlib.util.spec_from_file_location("schema_tables", REPO / "docs" / "schema_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_field_tables_are_as_the_schema_gives_them():
    """If this fails, run `python docs/schema_tables.py` and commit docs/estate-format.md."""
    text = FORMAT.read_text(encoding="utf-8")
    generator = _generator()
    assert sorted(re.findall(r"<!-- fields: (\w+) -->", text)) == [
        "Application",
        "DataStore",
        "Infrastructure",
        "Provider",
    ]
    assert generator.render(text) == text


def test_a_field_the_schema_gains_gets_a_row():
    schema = estate_schema()["$defs"]["DataStore"]["properties"]
    rows = [field for field, _, _ in _generator().rows("DataStore")]
    assert "`encryption.customer_managed_keys`" in rows and "`kind` (required)" in rows
    assert len(rows) == len(schema) - 1 + len(schema["encryption"]["properties"])  # encryption shown by its fields
    lists = {field: values for field, values, _ in _generator().rows("Application")}
    assert lists["`audience`"] == "a list, `[...]` even of one, of `internal`, `external`"


def test_the_infrastructure_type_table_names_every_type_in_schema_order():
    text = FORMAT.read_text(encoding="utf-8")
    table = re.search(r"\| `type` \| what it is \| what reads it \|\n\|---\|---\|---\|\n((?:\|.*\n)+)", text).group(1)
    types = [line.split("|")[1].strip().strip("`") for line in table.splitlines()]
    assert types == estate_schema()["$defs"]["Infrastructure"]["properties"]["type"]["enum"]


def test_import_md_lists_every_field_a_column_can_feed():
    text = (REPO / "docs" / "import.md").read_text(encoding="utf-8")
    listed = re.search(r"- Fields a column can feed: (.*?): a\s+field inside", text, re.S).group(1)
    assert re.findall(r"`([\w.]+)`", listed) == [*fields("applications"), "depends_on", *REFERENCES]
