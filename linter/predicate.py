"""Compile a JSON Schema (the subset estates and rules use) into a Python predicate.

`jsonschema` explains every error but costs about 10 us per call; a compiled
closure answers "valid or not" in well under a microsecond. The estate is
checked with these predicates first, and `jsonschema` runs only on the
entities that fail, to word the errors. Declarative rule conditions are
compiled the same way. Keywords outside the subset are refused at compile
time, so a rule never passes because a keyword was silently ignored.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Callable

Predicate = Callable[[object], bool]

# Keywords that only annotate: no effect on validity.
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs", "deprecated"}
)
SUPPORTED = ANNOTATIONS | frozenset(
    {
        "type", "enum", "const", "pattern", "minLength", "maxLength", "format",
        "properties", "required", "additionalProperties", "propertyNames", "minProperties",
        "items", "minItems", "maxItems", "contains", "uniqueItems",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "not", "anyOf", "allOf", "oneOf", "$ref",
    }
)


class SchemaCompileError(ValueError):
    def __init__(self, message: str, path: tuple = ()) -> None:
        where = "/".join(str(p) for p in path)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path


def _is_integer(value) -> bool:
    return (type(value) is int) or (type(value) is float and value.is_integer())


def _is_number(value) -> bool:
    # JSON has no NaN and no infinity: YAML's .nan and .inf are not numbers here.
    return type(value) is int or (type(value) is float and math.isfinite(value))


_TYPES: dict[str, Predicate] = {
    "string": lambda v: type(v) is str,
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: type(v) is bool,
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "null": lambda v: v is None,
}


def _json_equal(a, b) -> bool:
    # JSON has no bool/int confusion: true is not 1.
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    return a == b


def _date(value) -> bool:
    if type(value) is not str:
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


_FORMATS = {"date": _date}


def compile_schema(schema, root=None, path: tuple = ()) -> Predicate:
    """Return a predicate equivalent to `jsonschema` validity for `schema`."""
    root = schema if root is None else root
    cache: dict[str, Predicate] = {}
    return _compile(schema, root, path, cache)


def _compile(schema, root, path, cache) -> Predicate:
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise SchemaCompileError("a schema must be a mapping or true/false", path)
    unknown = set(schema) - SUPPORTED
    if unknown:
        raise SchemaCompileError(f"unsupported keyword(s): {', '.join(sorted(unknown))}", path)

    checks: list[Predicate] = []
    type_check = None
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        for name in names:
            if name not in _TYPES:
                raise SchemaCompileError(f"unknown type {name!r}", path + ("type",))
        tests = [_TYPES[name] for name in names]
        type_check = tests[0] if len(tests) == 1 else (lambda v, tests=tests: any(t(v) for t in tests))
        checks.append(type_check)
    if "const" in schema:
        expected = schema["const"]
        checks.append(lambda v, e=expected: _json_equal(v, e))
    if "enum" in schema:
        options = schema["enum"]
        if not isinstance(options, list):
            raise SchemaCompileError("enum must be a list", path + ("enum",))
        if all(type(o) is str for o in options):
            allowed = frozenset(options)
            checks.append(lambda v, a=allowed: type(v) is str and v in a)
        else:
            checks.append(lambda v, o=options: any(_json_equal(v, x) for x in o))

    checks.extend(_string_checks(schema, path))
    checks.extend(_number_checks(schema, path))
    checks.extend(_object_checks(schema, root, path, cache))
    checks.extend(_array_checks(schema, root, path, cache))

    if "not" in schema:
        inner = _compile(schema["not"], root, path + ("not",), cache)
        checks.append(lambda v, f=inner: not f(v))
    for keyword in ("anyOf", "allOf", "oneOf"):
        if keyword in schema:
            parts = schema[keyword]
            if not isinstance(parts, list) or not parts:
                raise SchemaCompileError(f"{keyword} must be a non-empty list", path + (keyword,))
            compiled = tuple(_compile(p, root, path + (keyword, i), cache) for i, p in enumerate(parts))
            if keyword == "anyOf":
                checks.append(lambda v, fs=compiled: any(f(v) for f in fs))
            elif keyword == "allOf":
                checks.append(lambda v, fs=compiled: all(f(v) for f in fs))
            else:
                checks.append(lambda v, fs=compiled: sum(1 for f in fs if f(v)) == 1)
    if "$ref" in schema:
        checks.append(_reference(schema["$ref"], root, path, cache))

    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    checks_tuple = tuple(checks)
    return lambda v: all(f(v) for f in checks_tuple)


def _reference(ref, root, path, cache) -> Predicate:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise SchemaCompileError(f"only local references (#/...) are supported, not {ref!r}", path)
    if ref not in cache:
        target = root
        for part in ref[2:].split("/"):
            if not isinstance(target, dict) or part not in target:
                raise SchemaCompileError(f"{ref} points nowhere", path)
            target = target[part]
        # Late binding lets a definition refer to itself.
        slot: list[Predicate] = []
        cache[ref] = lambda v, s=slot: s[0](v)
        slot.append(_compile(target, root, tuple(ref[2:].split("/")), cache))
    return cache[ref]


def _string_checks(schema, path):
    checks = []
    if "pattern" in schema:
        try:
            search = re.compile(schema["pattern"]).search
        except (re.error, TypeError) as error:
            raise SchemaCompileError(f"bad pattern: {error}", path + ("pattern",)) from None
        checks.append(lambda v, s=search: type(v) is not str or s(v) is not None)
    if "minLength" in schema:
        n = schema["minLength"]
        checks.append(lambda v, n=n: type(v) is not str or len(v) >= n)
    if "maxLength" in schema:
        n = schema["maxLength"]
        checks.append(lambda v, n=n: type(v) is not str or len(v) <= n)
    if "format" in schema:
        test = _FORMATS.get(schema["format"])
        if test is None:
            raise SchemaCompileError(f"unsupported format {schema['format']!r}", path + ("format",))
        checks.append(test)
    return checks


def _number(v) -> bool:
    return type(v) in (int, float)


def _number_checks(schema, path):
    checks = []
    for keyword, compare in (
        ("minimum", lambda v, b: v >= b),
        ("maximum", lambda v, b: v <= b),
        ("exclusiveMinimum", lambda v, b: v > b),
        ("exclusiveMaximum", lambda v, b: v < b),
    ):
        if keyword in schema:
            bound = schema[keyword]
            if not _number(bound):
                raise SchemaCompileError(f"{keyword} must be a number", path + (keyword,))
            checks.append(lambda v, b=bound, c=compare: not _number(v) or c(v, b))
    return checks


def _object_checks(schema, root, path, cache):
    checks = []
    properties = schema.get("properties", {})
    if not isinstance(properties, dict):
        raise SchemaCompileError("properties must be a mapping", path + ("properties",))
    compiled = tuple(
        (name, _compile(sub, root, path + ("properties", name), cache)) for name, sub in properties.items()
    )
    if compiled:
        def check_properties(v, compiled=compiled):
            if type(v) is not dict:
                return True
            for name, test in compiled:
                if name in v and not test(v[name]):
                    return False
            return True
        checks.append(check_properties)
    if "required" in schema:
        required = tuple(schema["required"])
        checks.append(lambda v, r=required: type(v) is not dict or all(k in v for k in r))
    if "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        known = frozenset(properties)
        if extra is False:
            checks.append(lambda v, k=known: type(v) is not dict or k.issuperset(v))
        else:
            test = _compile(extra, root, path + ("additionalProperties",), cache)
            checks.append(
                lambda v, k=known, t=test: type(v) is not dict
                or all(t(item) for key, item in v.items() if key not in k)
            )
    if "propertyNames" in schema:
        test = _compile(schema["propertyNames"], root, path + ("propertyNames",), cache)
        checks.append(lambda v, t=test: type(v) is not dict or all(t(k) for k in v))
    if "minProperties" in schema:
        n = schema["minProperties"]
        checks.append(lambda v, n=n: type(v) is not dict or len(v) >= n)
    return checks


def _array_checks(schema, root, path, cache):
    checks = []
    if "items" in schema:
        test = _compile(schema["items"], root, path + ("items",), cache)
        checks.append(lambda v, t=test: type(v) is not list or all(t(i) for i in v))
    if "contains" in schema:
        test = _compile(schema["contains"], root, path + ("contains",), cache)
        checks.append(lambda v, t=test: type(v) is not list or any(t(i) for i in v))
    if "minItems" in schema:
        n = schema["minItems"]
        checks.append(lambda v, n=n: type(v) is not list or len(v) >= n)
    if "maxItems" in schema:
        n = schema["maxItems"]
        checks.append(lambda v, n=n: type(v) is not list or len(v) <= n)
    if schema.get("uniqueItems"):
        def unique(v):
            if type(v) is not list:
                return True
            try:
                return len(set(v)) == len(v)
            except TypeError:
                return all(not _json_equal(a, b) for i, a in enumerate(v) for b in v[i + 1:])
        checks.append(unique)
    return checks
