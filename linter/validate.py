"""Stage 2, validate: every document against the estate JSON Schema (EST003).

Each entity is checked with a compiled predicate; only the entities that fail
go through `jsonschema` (imported then, not before) to word every problem in
plain language, one diagnostic per problem, at the offending node.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources

from .diagnostic import Diagnostic
from .loader import Document, Index
from .predicate import compile_schema

SECTIONS = ("providers", "infrastructure", "data_stores", "applications")
DEFINITION_OF = {
    "providers": "Provider",
    "infrastructure": "Infrastructure",
    "data_stores": "DataStore",
    "applications": "Application",
    "integrations": "Integration",
}
ID_HINT = "ids use lowercase letters, digits, '-' and '_', starting with a letter"


def schema_text() -> str:
    return resources.files("si_lint").joinpath("schemas/estate.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def estate_schema() -> dict:
    return json.loads(schema_text())


@lru_cache(maxsize=None)
def _shallow_schema() -> dict:
    """The top level alone: sections must be mappings of ids (or a list), contents checked apart."""
    schema = json.loads(schema_text())
    for section in SECTIONS:
        schema["properties"][section]["additionalProperties"] = True
    schema["properties"]["integrations"]["items"] = True
    return schema


@lru_cache(maxsize=None)
def _definition_schema(name: str) -> dict:
    schema = estate_schema()
    return {"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


@lru_cache(maxsize=None)
def _predicate(name: str):
    schema = _shallow_schema() if name == "" else _definition_schema(name)
    return compile_schema(schema)


def validate(documents: list[Document], index: Index) -> tuple[list[Diagnostic], set[int]]:
    """Return the EST003 diagnostics and the ids (`id()`) of the entity mappings that failed."""
    diagnostics: list[Diagnostic] = []
    invalid: set[int] = set()
    for document in documents:
        data = document.data
        if document.data is None and document.root_mark == 0:
            continue  # unreadable YAML, already reported as EST001
        if not isinstance(data, dict):
            what = "empty" if data is None else f"a {_kind(data)}"
            _, line, column = index.unpack(document.root_mark)
            diagnostics.append(Diagnostic(
                "EST003", "error",
                f"the file is {what}: an estate file is a mapping that starts with `version: 1`",
                document.path, line, column, rule="schema",
            ))
            continue
        if not _predicate("")(data):
            diagnostics.extend(_explain(_shallow_schema(), data, (), document, index))
        for section in SECTIONS:
            entities = data.get(section)
            if not isinstance(entities, dict):
                continue
            test = _predicate(DEFINITION_OF[section])
            for entity_id, entity in entities.items():
                if not test(entity):
                    invalid.add(id(entity))
                    diagnostics.extend(_explain(
                        _definition_schema(DEFINITION_OF[section]), entity, (section, entity_id), document, index,
                    ))
        flows = data.get("integrations")
        if isinstance(flows, list):
            test = _predicate("Integration")
            for position, flow in enumerate(flows):
                if not test(flow):
                    invalid.add(id(flow))
                    diagnostics.extend(_explain(
                        _definition_schema("Integration"), flow, ("integrations", position), document, index,
                    ))
    return diagnostics, invalid


def _explain(schema: dict, instance, prefix: tuple, document: Document, index: Index) -> list[Diagnostic]:
    import jsonschema  # only paid for when something is wrong

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    found: list[Diagnostic] = []
    seen: set = set()
    for error in validator.iter_errors(instance):
        for path, message in _wordings(error, schema):
            full = prefix + path
            key = (full, message)
            if key in seen:
                continue
            seen.add(key)
            mark = index.mark_of(document.data, full, document.root_mark)
            _, line, column = index.unpack(mark)
            section, entity = _owner(document.data, full)
            found.append(Diagnostic(
                "EST003", "error", f"{_dotted(full, document.data)}: {message}",
                document.path, line, column, section, entity, rule="schema",
            ))
    return found


def _wordings(error, schema):
    """Turn one jsonschema error into (path below the instance, plain-language problem) pairs."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.instance
    expected = error.validator_value
    if keyword == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        for name in missing:
            yield path, f"missing required field '{name}'"
    elif keyword == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for name in value:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(known)}"
                yield path + (name,), f"unknown field '{name}'{hint}"
    elif keyword == "enum":
        yield path, f"{_show(value)} is not one of {', '.join(str(o) for o in expected)}"
    elif keyword == "const":
        yield path, f"{_show(value)} is not allowed: the only value is {json.dumps(expected)}"
    elif keyword == "type":
        yield path, f"{_show(value)} is {_kind(value, article=True)}, expected {_type_words(expected)}"
    elif keyword == "pattern" and "propertyNames" in error.absolute_schema_path:
        yield path + (value,), f"'{value}' is not a valid id: {ID_HINT}"
    elif keyword == "pattern":
        if error.schema.get("pattern") == "^[a-z][a-z0-9_-]*$":
            yield path, f"'{value}' is not a valid id: {ID_HINT}"
        elif error.schema.get("pattern") == "\\S":
            yield path, "must not be blank"
        elif "format" in error.schema:
            yield path, f"{_show(value)} is not a date written YYYY-MM-DD"
        else:
            yield path, f"{_show(value)} does not have the expected form ({error.schema.get('pattern')})"
    elif keyword == "format":
        if "pattern" in error.schema and not _matches(error.schema["pattern"], value):
            return  # the pattern error says it already
        yield path, f"{_show(value)} is not a valid {expected} (YYYY-MM-DD)"
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {"minimum": "below the minimum", "maximum": "above the maximum",
                 "exclusiveMinimum": "not above", "exclusiveMaximum": "not below"}[keyword]
        yield path, f"{_show(value)} is {words} {expected}"
    elif keyword == "minLength":
        yield path, "must not be empty"
    elif keyword == "minItems":
        yield path, f"needs at least {expected} item{'s' if expected != 1 else ''}"
    elif keyword == "uniqueItems":
        twice = sorted({str(v) for v in value if value.count(v) > 1})
        yield path, f"lists {', '.join(twice)} more than once"
    elif keyword == "anyOf" and path and path[-2:-1] == ("depends_on",):
        yield path, f"{_show(value)} is neither an id nor a group {{any_of: [ids]}}"
    elif keyword in ("anyOf", "oneOf"):
        # Word the alternative that went furthest.
        best = max(error.context or [], key=lambda e: len(e.absolute_path), default=None)
        if best is not None:
            yield from _wordings(best, schema)
        else:
            yield path, error.message
    else:
        yield path, error.message


def _matches(pattern: str, value) -> bool:
    import re

    return isinstance(value, str) and re.search(pattern, value) is not None


def _owner(data: dict, path: tuple):
    if not path:
        return None, None
    section = path[0]
    if section in SECTIONS and len(path) > 1:
        return section, path[1]
    if section == "integrations" and len(path) > 1:
        flows = data.get("integrations")
        if isinstance(flows, list) and isinstance(path[1], int) and path[1] < len(flows):
            flow = flows[path[1]]
            if isinstance(flow, dict):
                return section, f"{flow.get('from')}->{flow.get('to')}"
        return section, None
    return (section if section in DEFINITION_OF else None), None


def _dotted(path: tuple, data: dict) -> str:
    if not path:
        return "(top level)"
    text = str(path[0])
    for step in path[1:]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def _show(value) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null (empty)"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return str(value)


_KIND = {str: "text", bool: "a boolean", int: "a number", float: "a number", dict: "a mapping",
         list: "a list", type(None): "empty"}


def _kind(value, article: bool = False) -> str:
    word = _KIND.get(type(value), type(value).__name__)
    if not article:
        return word.split(" ", 1)[-1]
    return word


def _type_words(expected) -> str:
    names = expected if isinstance(expected, list) else [expected]
    words = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
             "object": "a mapping", "array": "a list", "null": "nothing"}
    return " or ".join(words.get(n, n) for n in names)
