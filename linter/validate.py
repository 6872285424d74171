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
from .messages import say, word
from .predicate import compile_schema

SECTIONS = ("providers", "infrastructure", "data_stores", "applications")
DEFINITION_OF = {
    "providers": "Provider",
    "infrastructure": "Infrastructure",
    "data_stores": "DataStore",
    "applications": "Application",
    "integrations": "Integration",
}


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


def validate(documents: list[Document], index: Index, lang: str = "en") -> tuple[list[Diagnostic], set[int]]:
    """Return the EST003 diagnostics and the ids (`id()`) of the entity mappings that failed."""
    diagnostics: list[Diagnostic] = []
    invalid: set[int] = set()
    for document in documents:
        data = document.data
        if document.data is None and document.root_mark == 0:
            continue  # unreadable YAML, already reported as EST001
        if not isinstance(data, dict):
            what = word(lang, "empty file") if data is None else _kind(data, lang)
            _, line, column = index.unpack(document.root_mark)
            diagnostics.append(Diagnostic(
                "EST003", "error", say(lang, "file_shape", what=what),
                document.path, line, column, rule="schema",
            ))
            continue
        if not _predicate("")(data):
            diagnostics.extend(_explain(_shallow_schema(), data, (), document, index, lang))
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
                        lang,
                    ))
        flows = data.get("integrations")
        if isinstance(flows, list):
            test = _predicate("Integration")
            for position, flow in enumerate(flows):
                if not test(flow):
                    invalid.add(id(flow))
                    diagnostics.extend(_explain(
                        _definition_schema("Integration"), flow, ("integrations", position), document, index, lang,
                    ))
    return diagnostics, invalid


def _explain(schema: dict, instance, prefix: tuple, document: Document, index: Index, lang: str) -> list[Diagnostic]:
    import jsonschema  # only paid for when something is wrong

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    found: list[Diagnostic] = []
    seen: set = set()
    for error in validator.iter_errors(instance):
        for path, message in _wordings(error, lang):
            full = prefix + path
            key = (full, message)
            if key in seen:
                continue
            seen.add(key)
            mark = index.mark_of(document.data, full, document.root_mark)
            _, line, column = index.unpack(mark)
            section, entity = _owner(document.data, full)
            found.append(Diagnostic(
                "EST003", "error", f"{_dotted(full, lang)}: {message}",
                document.path, line, column, section, entity, rule="schema",
            ))
    return found


def _wordings(error, lang: str):
    """Turn one jsonschema error into (path below the instance, plain-language problem) pairs."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.instance
    expected = error.validator_value
    shown = _show(value, lang)
    if keyword == "required":
        for name in expected:
            if isinstance(value, dict) and name not in value:
                yield path, say(lang, "required", name=name)
    elif keyword == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for name in value:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = (say(lang, "did_you_mean", close=close[0]) if close
                        else say(lang, "known_fields", known=", ".join(known)))
                yield path + (name,), say(lang, "unknown_field", name=name, hint=hint)
    elif keyword == "pattern" and "propertyNames" in error.absolute_schema_path:
        yield path + (value,), say(lang, "invalid_id", value=value)
    elif keyword == "pattern":
        pattern = error.schema.get("pattern")
        if pattern == ID_PATTERN:
            yield path, say(lang, "invalid_id", value=value)
        elif pattern == "\\S":
            yield path, say(lang, "blank")
        elif "format" in error.schema:
            yield path, say(lang, "not_date", value=shown)
        else:
            yield path, say(lang, "pattern", value=shown, pattern=pattern)
    elif keyword == "format":
        if "pattern" in error.schema and not _matches(error.schema["pattern"], value):
            return  # the pattern error says it already
        yield path, say(lang, "bad_date", value=shown)
    elif keyword == "enum":
        close = difflib.get_close_matches(value, [str(o) for o in expected], n=1) if isinstance(value, str) else []
        hint = say(lang, "did_you_mean", close=close[0]) if close else ""
        yield path, say(lang, "enum", value=shown, options=", ".join(str(o) for o in expected)) + hint
    elif keyword == "const":
        yield path, say(lang, "const", value=shown, expected=json.dumps(expected))
    elif keyword == "type":
        yield path, say(lang, "type", value=shown, kind=_kind(value, lang), expected=_type_words(expected, lang))
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield path, say(lang, keyword, value=shown, bound=expected)
    elif keyword == "minLength":
        yield path, say(lang, "empty")
    elif keyword == "minItems":
        yield path, say(lang, "min_items", count=expected)
    elif keyword == "uniqueItems":
        twice = sorted({str(v) for v in value if value.count(v) > 1})
        yield path, say(lang, "unique", values=", ".join(twice))
    elif keyword == "anyOf" and path[-2:-1] == ("depends_on",):
        yield path, say(lang, "dependency_item", value=shown)
    elif keyword in ("anyOf", "oneOf") and error.context:
        # Word the alternative that went furthest.
        yield from _wordings(max(error.context, key=lambda e: len(e.absolute_path)), lang)
    else:
        yield path, error.message


ID_PATTERN = "^[a-z][a-z0-9_-]*$"


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


def _dotted(path: tuple, lang: str) -> str:
    if not path:
        return say(lang, "top_level")
    text = str(path[0])
    for step in path[1:]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def _show(value, lang: str) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return word(lang, "null (empty)")
    if isinstance(value, dict):
        return word(lang, "a mapping")
    if isinstance(value, list):
        return word(lang, "a list")
    return str(value)


_KIND = {str: "text", bool: "boolean", int: "number", float: "number", dict: "mapping", list: "list",
         type(None): "null"}


def _kind(value, lang: str) -> str:
    return word(lang, _KIND.get(type(value), "text"))


def _type_words(expected, lang: str) -> str:
    names = expected if isinstance(expected, list) else [expected]
    words = {"string": "text", "integer": "whole", "number": "number", "boolean": "true or false",
             "object": "mapping", "array": "list", "null": "nothing"}
    return say(lang, "or").join(word(lang, words.get(n, n)) for n in names)
