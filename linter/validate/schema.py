"""Stage 2, validate: every document against the estate JSON Schema (EST003).

Each entity is checked with a compiled predicate; only the entities that fail
go through `jsonschema` (imported then, not before) to word every problem in
plain language, one diagnostic per problem, at the offending node.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Optional, Union

from ..i18n.messages import Listing, Plural, Text, show_value
from ..load.loader import Document
from ..model.vocabulary import ID_PATTERN, ID_SECTIONS
from ..rules.diagnostic import Problem
from .predicate import Predicate, compile_schema, duplicates

if TYPE_CHECKING:  # jsonschema is imported only when something is wrong
    import jsonschema
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

# A place below an entity, as jsonschema gives it: keys and list positions.
Path = tuple[Union[str, int], ...]
# What one error says: where below the instance, and the problem (a Text, or jsonschema's own words at worst).
Wording = tuple[Path, Union[Text, str]]

DEFINITION_OF = {
    "providers": "Provider",
    "infrastructure": "Infrastructure",
    "data_stores": "DataStore",
    "applications": "Application",
    "integrations": "Integration",
}


def schema_text() -> str:
    return resources.files("si_lint").joinpath("schemas/estate.schema.json").read_text(encoding="utf-8")


def described_schema(lang: str = "en") -> dict[str, Any]:
    """The estate JSON Schema with every field described in `lang`, from the word catalogue (`field.*`).

    Editors (yaml-language-server, the si-lint server) show these descriptions on hover.
    """
    from ..i18n.messages import say, template

    schema = json.loads(schema_text())

    def describe(node: dict[str, Any], path: str) -> None:
        for name, sub in (node.get("properties") or {}).items():
            key = f"{path}.{name}" if path else name
            try:
                template(lang, "field." + key)
            except KeyError:
                pass
            else:
                sub["description"] = say(lang, "field." + key)
            describe(sub, key)
            for alternative in sub.get("anyOf", ()):
                describe(alternative, key)

    schema["title"], schema["description"] = say(lang, "schema.title"), say(lang, "schema.description")
    describe(schema, "")
    for name, definition in schema["$defs"].items():
        describe(definition, name)
    return schema


@cache
def estate_schema() -> dict[str, Any]:
    return json.loads(schema_text())


@cache
def _shallow_schema() -> dict[str, Any]:
    """The top level alone: sections must be mappings of ids (or a list), contents checked apart."""
    schema = json.loads(schema_text())
    for section in ID_SECTIONS:
        schema["properties"][section]["additionalProperties"] = True
    schema["properties"]["integrations"]["items"] = True
    return schema


@cache
def _definition_schema(name: str) -> dict[str, Any]:
    schema = estate_schema()
    return {"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


@cache
def _predicate(name: str) -> Predicate:
    schema = _shallow_schema() if name == "" else _definition_schema(name)
    return compile_schema(schema)


def validate(documents: list[Document]) -> tuple[list[Problem], set[int]]:
    """Return the EST003 problems and the ids (`id()`) of the entity mappings that failed."""
    problems: list[Problem] = []
    invalid: set[int] = set()
    for document in documents:
        # They depend on the document alone: an editor linting again after an edit checks one file.
        if document.checked is None:
            document.checked = validate_document(document)
        found, failed = document.checked
        problems.extend(found)
        invalid.update(failed)
    return problems, invalid


def validate_document(document: Document) -> tuple[list[Problem], set[int]]:
    """One document's EST003 problems and failed entities: they depend on this document alone."""
    problems: list[Problem] = []
    invalid: set[int] = set()
    data = document.data
    if not document.readable:
        return problems, invalid  # not YAML: EST001 already says why
    if not isinstance(data, dict):
        what = Text("word.empty_file") if data is None else _kind(data)
        line, column = document.root
        problems.append(Problem("EST003", Text("schema.file_shape", what=what), document.path, line, column))
        return problems, invalid
    if not _predicate("")(data):
        problems.extend(_explain(_shallow_schema(), data, (), document))
    waivers = data.get("waivers")
    if isinstance(waivers, list):  # checked with the top level; the engine needs to know which to skip
        test = _predicate("Waiver")
        invalid.update(id(waiver) for waiver in waivers if not test(waiver))
    for section in ID_SECTIONS:
        entities = data.get(section)
        if not isinstance(entities, dict):
            continue
        test = _predicate(DEFINITION_OF[section])
        for entity_id, entity in entities.items():
            if not isinstance(entity_id, str):
                # A tagged key (`!!int 1:`, `!!bool true:`, `!!null '':`): no stage after this one meets it.
                invalid.add(id(entity))
                line, column = document.place((section, entity_id))
                problems.append(
                    Problem(
                        "EST003",
                        Text(
                            "schema.at", path=section, problem=Text("schema.id_not_text", value=show_value(entity_id))
                        ),
                        document.path,
                        line,
                        column,
                        section,
                    )
                )
                continue
            if not test(entity):
                invalid.add(id(entity))
                problems.extend(
                    _explain(_definition_schema(DEFINITION_OF[section]), entity, (section, entity_id), document)
                )
    flows = data.get("integrations")
    if isinstance(flows, list):
        test = _predicate("Integration")
        for position, flow in enumerate(flows):
            if not test(flow):
                invalid.add(id(flow))
                problems.extend(_explain(_definition_schema("Integration"), flow, ("integrations", position), document))
    return problems, invalid


def _explain(schema: dict[str, Any], instance: object, prefix: Path, document: Document) -> list[Problem]:
    validator = explainer(schema)
    found: list[Problem] = []
    seen: set[tuple[Path, Text | str]] = set()
    for error in validator.iter_errors(instance):
        for path, problem in wordings(error):
            full = prefix + path
            if (full, problem) in seen:  # the same problem reached by two schema paths
                continue
            seen.add((full, problem))
            line, column = document.place(full)
            section, entity = _owner(document.data, full)
            found.append(
                Problem(
                    "EST003",
                    Text("schema.at", path=_dotted(full), problem=problem),
                    document.path,
                    line,
                    column,
                    section,
                    entity,
                )
            )
    return found


def explainer(schema: dict[str, Any]) -> Validator:
    """A `jsonschema` validator that agrees with `predicate`: NaN and infinities are not numbers."""
    return _explainer_class()(schema, format_checker=_format_checker())


@cache
def _explainer_class() -> type[Validator]:
    import jsonschema  # only paid for when something is wrong

    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "number", lambda checker, value: base.TYPE_CHECKER.is_type(value, "number") and _finite(value)
    )

    # YAML keys may be numbers or dates: a pattern matches text keys only, as in `predicate`.
    def pattern_properties(
        validator: Validator, patterns: dict[str, Any], instance: Any, schema: dict[str, Any]
    ) -> Iterator[ValidationError]:
        if validator.is_type(instance, "object"):
            for pattern, subschema in patterns.items():
                for key, value in instance.items():
                    if _matches(pattern, key):
                        yield from validator.descend(value, subschema, path=key, schema_path=pattern)

    def additional_properties(
        validator: Validator, extra: object, instance: Any, schema: dict[str, Any]
    ) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            return
        extras = [key for key in instance if _additional(key, schema)]
        if validator.is_type(extra, "object"):
            for key in extras:
                yield from validator.descend(instance[key], extra, path=key)
        elif extra is False and extras:
            # Worded from the instance and the schema (`_unknown_fields`), never from this text.
            yield jsonschema.ValidationError(f"unknown fields: {extras!r}")

    return jsonschema.validators.extend(
        base,
        {
            "patternProperties": pattern_properties,
            "additionalProperties": additional_properties,
            "uniqueItems": _unique_items,
        },
        type_checker=checker,
    )


def _additional(key: object, schema: dict[str, Any]) -> bool:
    """A key neither named in the schema's `properties` nor matched by its `patternProperties` (`x-...`)."""
    return key not in schema.get("properties", {}) and not any(
        _matches(pattern, key) for pattern in schema.get("patternProperties", {})
    )


def _unique_items(
    validator: Validator, unique: object, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """jsonschema's `uniqueItems` compares every pair: in one pass here, as the predicate does."""
    import jsonschema

    if unique and validator.is_type(instance, "array") and duplicates(instance):
        yield jsonschema.ValidationError("has non-unique elements")


@cache
def _format_checker() -> jsonschema.FormatChecker:
    import jsonschema

    return jsonschema.FormatChecker()


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _yaml_number(value: float) -> str:
    """.nan, .inf, -.inf: as YAML writes what is not a number."""
    return ".nan" if value != value else (".inf" if value > 0 else "-.inf")


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def wordings(error: ValidationError) -> Iterator[Wording]:
    """Turn one jsonschema error into (path below the instance, problem as a Text) pairs."""
    path = tuple(error.absolute_path)
    keyword, value, expected = error.validator, error.instance, error.validator_value
    if not _finite(value) and keyword in ("type", *_BOUNDS):
        if keyword == "type":  # a bound says nothing more about what is not a number
            yield path, _not_finite_problem(value, expected)
    elif "propertyNames" in error.absolute_schema_path and not isinstance(value, str):
        return  # a key that is not text: validate_document says it once, at the key
    elif keyword == "required":
        yield from (
            (path, Text("schema.required", name=name))
            for name in expected
            if isinstance(value, dict) and name not in value
        )
    elif keyword == "additionalProperties":
        yield from _unknown_fields(path, value, error.schema)
    elif names := _fact_names(error):  # a product source's `quotes` key or `facts` item
        close = difflib.get_close_matches(str(value), names, n=1)
        hint = Text("word.did_you_mean", close=close[0]) if close else ""
        at = path + (value,) if "propertyNames" in error.absolute_schema_path else path
        yield at, Text("schema.not_fact_name", value=value, hint=hint, options=", ".join(names))
    elif keyword == "pattern" and "propertyNames" in error.absolute_schema_path:
        yield path + (value,), Text("schema.invalid_id", value=value)
    elif keyword in ("pattern", "format"):
        problem = _text_problem(error)
        if problem is not None:
            yield path, problem
    elif keyword in ("anyOf", "oneOf") and error.context and path[-2:-1] != ("depends_on",):
        yield from _alternative_wordings(error)
    else:
        yield path, _value_problem(error)


def _fact_names(error: ValidationError) -> list[str]:
    """The fact names when the error is about one (product.schema.json: a fact or `lifecycle.<version>`), else [].

    The error is the anyOf itself, or one of its alternatives (the one jsonschema found most relevant).
    """
    for node in (error, error.parent):
        alternatives = node.validator_value if node is not None and node.validator == "anyOf" else None
        if isinstance(alternatives, list) and len(alternatives) == 2:
            names, other = alternatives
            if "enum" in names and str(other.get("pattern", "")).startswith("^lifecycle"):
                return list(names["enum"])
    return []


def _not_finite_problem(value: float, expected: object) -> Text:
    if "number" in _listed(expected) or "integer" in _listed(expected):
        return Text("schema.not_finite", value=_yaml_number(value))
    return Text("schema.type", value=_yaml_number(value), kind=_kind(value), expected=_type_words(expected))


def _unknown_fields(path: Path, value: dict[str, Any], schema: dict[str, Any]) -> Iterator[Wording]:
    known = list(schema.get("properties", {}))
    names = list(value)
    for position, name in enumerate(names):
        split = _split_number(value, names[position - 1], name) if position else None
        if _additional(name, schema) and split is not None:
            yield path + (name,), split
        elif _additional(name, schema):
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = (
                Text("word.did_you_mean", close=close[0])
                if close
                else Text("schema.known_fields", known=", ".join(known))
            )
            yield path + (name,), Text("schema.unknown_field", name=name, hint=hint)


def _split_number(value: dict[str, Any], before: str, name: str) -> Optional[Text]:
    """`{target: 99,9}`: the comma of a decimal number split it into a field `target: 99` and a field `9`."""
    whole = value[before]
    # The loader gives keys as text: `9`, or `09` after a `99,09`.
    if (
        isinstance(name, str)
        and name.isdigit()
        and name.isascii()
        and value[name] is None
        and isinstance(whole, int)
        and not isinstance(whole, bool)
    ):
        return Text(
            "schema.decimal_comma_split", name=name, key=before, written=f"{whole},{name}", number=f"{whole}.{name}"
        )
    return None


_DECIMAL_COMMA = re.compile(r"\s*[-+]?\d+,\d+\s*")


def _text_problem(error: ValidationError) -> Optional[Text]:
    """A `pattern` or `format` error: an id, a blank text, a date or another shape; None when another says it."""
    value, schema = error.instance, error.schema
    if error.validator == "format":
        if "pattern" in schema and not _matches(schema["pattern"], value):
            return None  # the pattern error says it already
        name = "schema.bad_date" if error.validator_value == "date" else "schema.bad_format"
        return Text(name, value=show_value(value), format=error.validator_value)
    pattern = schema.get("pattern")
    if pattern == ID_PATTERN:
        return Text("schema.invalid_id", value=value)
    if pattern == "\\S":
        return Text("schema.blank") if value != "" else None  # an empty value breaks minLength too: once is enough
    if schema.get("format") == "date":
        return Text("schema.not_date", value=show_value(value))
    return Text("schema.pattern", value=show_value(value), pattern=pattern)


def _value_problem(error: ValidationError) -> Text | str:
    """Any other keyword's error, worded from the value and what the keyword expects."""
    keyword, value, expected = error.validator, error.instance, error.validator_value
    shown = show_value(value)
    if keyword == "enum":
        close = difflib.get_close_matches(value, [str(o) for o in expected], n=1) if isinstance(value, str) else []
        hint = Text("word.did_you_mean", close=close[0]) if close else ""
        return Text("schema.enum", value=shown, options=", ".join(str(o) for o in expected), hint=hint)
    if keyword == "const":
        return Text("schema.const", value=shown, expected=json.dumps(expected))
    if keyword == "type":
        return _type_problem(value, expected, error.schema.get("examples"))
    if keyword in _BOUNDS:
        return Text("schema." + keyword, value=shown, bound=expected)
    if keyword == "minLength":
        return Text("schema.empty")
    if keyword == "minItems":
        return Text("schema.min_items", count=Plural("schema.items", expected))
    if keyword == "uniqueItems":
        return Text("schema.unique", values=", ".join(sorted({str(v) for v in duplicates(value)})))
    if keyword == "anyOf" and error.absolute_path and tuple(error.absolute_path)[-2:-1] == ("depends_on",):
        return Text("schema.dependency_item", value=shown)
    return error.message


def _alternative_wordings(error: ValidationError) -> Iterator[Wording]:
    """Word every problem of the alternative that went furthest (`lifecycle`: text, or a mapping).

    All of its problems, not one: a date's `format` error defers to its `pattern` error, so wording the
    first alone would say nothing. An alternative of another type than the value's loses a tie; when every
    alternative is of another type, one problem names them all.
    """
    branches: dict[str | int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def wrong_type(errors: list[ValidationError]) -> bool:
        return any(e.validator == "type" and e.absolute_path == error.absolute_path for e in errors)

    if all(wrong_type(errors) for errors in branches.values()):
        types: list[str] = []
        for sub in error.context:
            if sub.validator == "type":
                names = sub.validator_value if isinstance(sub.validator_value, list) else [sub.validator_value]
                types.extend(name for name in names if name not in types)
        yield tuple(error.absolute_path), _type_problem(error.instance, types)
        return
    furthest = max(
        branches.values(), key=lambda errors: (max(len(e.absolute_path) for e in errors), not wrong_type(errors))
    )
    for sub in furthest:
        yield from wordings(sub)


def _type_problem(value: object, expected: object, examples: Optional[list[Any]] = None) -> Text:
    wanted = _listed(expected)
    if isinstance(value, str) and ("number" in wanted or "integer" in wanted) and _DECIMAL_COMMA.fullmatch(value):
        return Text("schema.decimal_comma", value=show_value(value), number=value.strip().replace(",", "."))
    if wanted == ["array"] and isinstance(value, str) and value.strip():  # `audience: external`, `formats: pdf, csv`
        return Text("schema.one_item_list", value=show_value(value), kind=_kind(value), item=_flow(value))
    if examples:  # a shape is easier to copy than to describe: "expected a mapping such as {target: 99.9}"
        expected = Text("schema.such_as", expected=_type_words(expected), example=_flow(examples[0]))
    else:
        expected = _type_words(expected)
    if isinstance(value, (dict, list)):  # shown by its kind: "a list is a list" would say nothing
        return Text("schema.type_collection", kind=_kind(value), expected=expected)
    return Text("schema.type", value=show_value(value), kind=_kind(value), expected=expected)


def _matches(pattern: str, value: object) -> bool:
    import re

    return isinstance(value, str) and re.search(pattern, value) is not None


def _owner(data: dict[str, Any], path: Path) -> tuple[Optional[str], Optional[str]]:
    if not path:
        return None, None
    section = path[0]
    if not isinstance(section, str):  # a tagged top-level key (`!!int 1:`): no section of the estate
        return None, None
    if section in ID_SECTIONS and len(path) > 1:
        return section, str(path[1])  # an entity's id: text (validate_document set the others aside)
    if section == "integrations" and len(path) > 1:
        flows = data.get("integrations")
        if isinstance(flows, list) and isinstance(path[1], int) and path[1] < len(flows):
            flow = flows[path[1]]
            if isinstance(flow, dict):
                return section, f"{flow.get('from')}->{flow.get('to')}"
        return section, None
    return (section if section in DEFINITION_OF else None), None


def _dotted(path: Path) -> Text | str:
    if not path:
        return Text("schema.top_level")
    text = str(path[0])
    for step in path[1:]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def _flow(value: object) -> str:
    """A value as YAML flow style, as a user would type it in the estate: {target: 99.9}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_KIND = {
    str: "text",
    bool: "boolean",
    int: "number",
    float: "number",
    dict: "mapping",
    list: "list",
    type(None): "null",
}
_TYPE_WORDS = {
    "string": "text",
    "integer": "whole",
    "number": "number",
    "boolean": "true_or_false",
    "object": "mapping",
    "array": "list",
    "null": "nothing",
}


def _kind(value: object) -> Text:
    return Text("word." + _KIND.get(type(value), "text"))


def _listed(expected: object) -> list[Any]:
    return expected if isinstance(expected, list) else [expected]


def _type_words(expected: object) -> Listing:
    names = _listed(expected)
    return Listing((Text("word." + _TYPE_WORDS[n]) if n in _TYPE_WORDS else n for n in names), "or")
