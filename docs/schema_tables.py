"""The field tables of docs/estate-format.md, generated from the estate JSON Schema so that they cannot drift.

    python docs/schema_tables.py   # rewrites every table between its markers in docs/estate-format.md

A table stands between `<!-- fields: DEFINITION -->` and `<!-- end of fields -->`:
one row per field the schema allows (nested mappings as dotted paths), the values
it takes as the schema says them, and its meaning from the word catalogue (the
descriptions `si-lint schema` gives editors). tests/test_doc_tables.py checks
that the file is as this script writes it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent / "estate-format.md"
TABLE = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- end of fields -->)", re.S)
ID_PATTERN = "^[a-z][a-z0-9_-]*$"
# Where a shared definition is described in estate-format.md.
SECTIONS = {"Waiver": "[waivers](#waivers)"}


def rows(definition: str) -> list:
    """(field, values, meaning) for every field of a definition of the estate schema, in schema order."""
    from si_lint.validate.schema import described_schema

    schema = described_schema("en")
    found: list = []

    def walk(properties: dict, required: list, prefix: str) -> None:
        for name, field in properties.items():
            path = prefix + name
            field = _resolved(schema, field)
            mapping = _mapping(field)
            shown = f"`{path}`" + (" (required)" if name in required else "")
            if mapping is not None and mapping is not field:  # text or a mapping (lifecycle): both are written
                others = [values(schema, alternative) for alternative in field["anyOf"] if alternative is not mapping]
                found.append(
                    (shown, " or ".join(others) + ", or a mapping of the fields below", field.get("description", ""))
                )
            if mapping is not None:
                walk(mapping["properties"], mapping.get("required", []), path + ".")
                continue
            found.append((shown, values(schema, field), field.get("description", "")))

    definition_schema = schema["$defs"][definition]
    walk(definition_schema["properties"], definition_schema.get("required", []), "")
    return found


def _mapping(field: dict):
    """The field's mapping with named fields, itself or one of its alternatives; None if it has none."""
    if field.get("type") == "object" and "properties" in field:
        return field
    return next(
        (
            alternative
            for alternative in field.get("anyOf", ())
            if alternative.get("type") == "object" and "properties" in alternative
        ),
        None,
    )


def _resolved(schema: dict, field: dict) -> dict:
    """A `$ref` to Cost, a mapping shared by applications and devices, replaced by its fields (and kept described)."""
    reference = field.get("$ref", "").rsplit("/", 1)[-1]
    if reference == "Cost":
        return {**schema["$defs"]["Cost"], **{key: value for key, value in field.items() if key != "$ref"}}
    return field


def values(schema: dict, field: dict) -> str:
    """What a field takes, in words: `a`, `b`; a number from 0 to 100; a list of ids..."""
    reference = field.get("$ref", "").rsplit("/", 1)[-1]
    if reference:
        return SECTIONS.get(reference, reference)
    if "enum" in field:
        return ", ".join(f"`{value}`" for value in field["enum"])
    if "anyOf" in field:
        return " or ".join(values(schema, alternative) for alternative in field["anyOf"])
    kind = field.get("type")
    if kind == "array":
        return "a list, `[...]` even of one, of " + _item(schema, field["items"])
    if kind == "object":
        inner = ", ".join(f"`{name}`: {values(schema, sub)}" for name, sub in field.get("properties", {}).items())
        return "a mapping: " + inner
    if kind == "string":
        if field.get("pattern") == ID_PATTERN:
            return "an id"
        if field.get("format") == "date":
            return "a date, `YYYY-MM-DD`"
        if field.get("pattern") == "^[A-Z]{3}$":
            return "a currency code, `EUR`"
        return "text"
    if kind == "boolean":
        return "`true` or `false`"
    if kind in ("number", "integer"):
        whole = "a whole number" if kind == "integer" else "a number"
        if "minimum" in field and "maximum" in field:
            return f"{whole} from {field['minimum']} to {field['maximum']}"
        return f"{whole}, {field['minimum']} or more" if "minimum" in field else whole
    raise ValueError(f"no words for {field}")


def _item(schema: dict, item: dict) -> str:
    """What each item of a list is, in words."""
    reference = item.get("$ref", "").rsplit("/", 1)[-1]
    if reference:
        return SECTIONS.get(reference, reference)
    if "enum" in item:
        return values(schema, item)
    if item.get("pattern") == ID_PATTERN:
        return "ids"
    if "anyOf" in item:
        return " or ".join(_item(schema, alternative) for alternative in item["anyOf"])
    if item.get("type") == "object":
        return "`{" + ", ".join(f"{name}: [...]" for name in item.get("properties", {})) + "}`"
    return "texts" if item.get("type") == "string" else values(schema, item)


def table(definition: str) -> str:
    lines = ["| field | values | meaning |", "|---|---|---|"]
    lines += [f"| {field} | {shown} | {meaning.replace('|', '/')} |" for field, shown, meaning in rows(definition)]
    return "\n".join(lines) + "\n"


def render(text: str) -> str:
    """The doc with every table between its markers as the schema gives it."""
    return TABLE.sub(lambda match: match.group(1) + table(match.group(2)) + match.group(4), text)


if __name__ == "__main__":
    written = render(DOC.read_text(encoding="utf-8"))
    DOC.write_text(written, encoding="utf-8")
    sys.stdout.write(f"{DOC}: {len(TABLE.findall(written))} tables written\n")
