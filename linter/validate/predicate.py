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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Optional

from ..i18n.messages import Text

Predicate = Callable[[object], bool]
# A compiled pattern's search: a match (of `re` or of `regex`), or None.
Search = Callable[[str], object]
SchemaPath = tuple[Any, ...]

# Keywords that only annotate: no effect on validity.
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs", "deprecated"}
)
SUPPORTED = ANNOTATIONS | frozenset(
    {
        "type",
        "enum",
        "const",
        "pattern",
        "minLength",
        "maxLength",
        "format",
        "properties",
        "patternProperties",
        "required",
        "additionalProperties",
        "propertyNames",
        "minProperties",
        "items",
        "minItems",
        "maxItems",
        "contains",
        "uniqueItems",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "not",
        "anyOf",
        "allOf",
        "oneOf",
        "$ref",
    }
)


class SchemaCompileError(ValueError):
    """Why a schema cannot be compiled (a `messages.Text`), and where in the schema (`path`)."""

    def __init__(self, text: Text, path: SchemaPath = ()) -> None:
        where = "/".join(str(p) for p in path)
        super().__init__(f"{where}: {text}" if where else str(text))
        self.text, self.path = text, path


class _Context:
    """What one compilation shares: compiled references, and the references open at each depth of the value.

    A `$ref` met again before any keyword has gone into the value (`properties`,
    `items`, ...) would test the same value forever: it is refused at compile time.
    """

    __slots__ = ("root", "refs", "open", "time_limit")

    def __init__(self, root: Any, time_limit: Optional[float]) -> None:
        self.root = root
        self.refs: dict[str, Predicate] = {}
        self.open: list[set[str]] = [set()]  # per depth of the value being tested: the refs being compiled
        self.time_limit = time_limit


def _is_integer(value: object) -> bool:
    return (type(value) is int) or (type(value) is float and value.is_integer())


def _is_number(value: object) -> bool:
    # JSON has no NaN and no infinity: YAML's .nan and .inf are not numbers here.
    return type(value) is int or (type(value) is float and math.isfinite(value))


# The JSON types and formats the compiler knows, as SUPPORTED its keywords: condition.schema.json lists the same.
TYPES: dict[str, Predicate] = {
    "string": lambda v: type(v) is str,
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: type(v) is bool,
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "null": lambda v: v is None,
}


def _json_equal(a: object, b: object) -> bool:
    # JSON has no bool/int confusion: true is not 1.
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    return a == b


def json_key(value: object) -> tuple[str, object]:
    """A hashable key equal for two values exactly when JSON says they are equal (1 and 1.0, not true and 1).

    Duplicates found through a set take one pass; comparing every pair took minutes on a list of
    4,000 mappings (issue 22).
    """
    if type(value) is bool:
        return ("bool", value)
    if type(value) is dict:
        return ("object", frozenset((json_key(k), json_key(v)) for k, v in value.items()))
    if type(value) is list or type(value) is tuple:
        return ("array", tuple(json_key(item) for item in value))
    if isinstance(value, (int, float)):
        return ("number", value)
    try:
        hash(value)
    except TypeError:  # nothing YAML builds, but a key must never fail
        return ("other", repr(value))
    return (type(value).__name__, value)


def duplicates(values: list[Any]) -> list[Any]:
    """The values met more than once in `values`, each once, in the order of their second appearance."""
    seen: set[tuple[str, object]] = set()
    repeated: dict[tuple[str, object], Any] = {}
    for value in values:
        key = json_key(value)
        if key in seen:
            repeated.setdefault(key, value)
        seen.add(key)
    return list(repeated.values())


def _date(value: object) -> bool:
    if type(value) is not str:
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")


def _uri(value: object) -> bool:
    return type(value) is not str or _URI.match(value) is not None


FORMATS: dict[str, Predicate] = {"date": _date, "uri": _uri}


def compile_schema(
    schema: Any, root: Any = None, path: SchemaPath = (), time_limit: Optional[float] = None
) -> Predicate:
    """Return a predicate equivalent to `jsonschema` validity for `schema`.

    `time_limit`: seconds the `pattern`s may take in one run, together (see `_bounded`); rule conditions set it,
    the estate schema, whose patterns are si-lint's own, does not.
    """
    return _compile(schema, path, _Context(schema if root is None else root, time_limit))


def _compile(schema: Any, path: SchemaPath, context: _Context) -> Predicate:
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise SchemaCompileError(Text("condition.not_a_schema"), path)
    unknown = set(schema) - SUPPORTED
    if unknown:
        raise SchemaCompileError(
            Text("condition.unsupported", keywords=", ".join(sorted(map(str, unknown))), hint=""), path
        )

    checks = [
        *_value_checks(schema, path),
        *_string_checks(schema, path, context),
        *_number_checks(schema, path),
        *_object_checks(schema, path, context),
        *_array_checks(schema, path, context),
        *_combined_checks(schema, path, context),
    ]
    return _every(checks)


def _value_checks(schema: dict[str, Any], path: SchemaPath) -> list[Predicate]:
    """`type`, `const` and `enum`: what the value is."""
    checks: list[Predicate] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        for name in names:
            if not isinstance(name, str) or name not in TYPES:
                raise SchemaCompileError(Text("condition.unknown_type", name=repr(name)), path + ("type",))
        tests = [TYPES[name] for name in names]
        checks.append(tests[0] if len(tests) == 1 else _any(tuple(tests)))
    if "const" in schema:
        expected = schema["const"]
        checks.append(lambda v: _json_equal(v, expected))
    if "enum" in schema:
        options = schema["enum"]
        if not isinstance(options, list):
            raise SchemaCompileError(Text("condition.enum_list"), path + ("enum",))
        if all(type(o) is str for o in options):
            allowed = frozenset(options)
            checks.append(lambda v: type(v) is str and v in allowed)
        else:
            checks.append(lambda v: any(_json_equal(v, x) for x in options))
    return checks


def _combined_checks(schema: dict[str, Any], path: SchemaPath, context: _Context) -> list[Predicate]:
    """`not`, `anyOf`, `allOf`, `oneOf` and `$ref`: schemas made of other schemas."""
    checks: list[Predicate] = []
    if "not" in schema:
        inner = _compile(schema["not"], path + ("not",), context)
        checks.append(lambda v: not inner(v))
    for keyword in ("anyOf", "allOf", "oneOf"):
        if keyword in schema:
            parts = schema[keyword]
            if not isinstance(parts, list) or not parts:
                raise SchemaCompileError(Text("condition.non_empty_list", keyword=keyword), path + (keyword,))
            compiled = tuple(_compile(p, path + (keyword, i), context) for i, p in enumerate(parts))
            checks.append(
                _any(compiled) if keyword == "anyOf" else _all(compiled) if keyword == "allOf" else _one(compiled)
            )
    if "$ref" in schema:
        checks.append(_reference(schema["$ref"], path + ("$ref",), context))
    return checks


# Each a function of its own: a closure in a loop would see the loop's last tests.
def _any(tests: tuple[Predicate, ...]) -> Predicate:
    return lambda v: any(t(v) for t in tests)


def _all(tests: tuple[Predicate, ...]) -> Predicate:
    return lambda v: all(t(v) for t in tests)


def _one(tests: tuple[Predicate, ...]) -> Predicate:
    return lambda v: sum(1 for t in tests if t(v)) == 1


def _every(checks: list[Predicate]) -> Predicate:
    """One predicate for all `checks`; the common one- and two-check cases without a loop (the hot path)."""
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    return _all(tuple(checks))


def _reference(ref: object, path: SchemaPath, context: _Context) -> Predicate:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise SchemaCompileError(Text("condition.local_ref", ref=repr(ref)), path)
    if ref in context.open[-1]:
        raise SchemaCompileError(Text("condition.ref_loop", ref=ref), path)
    if ref not in context.refs:
        target = context.root
        steps: list[str | int] = []
        for part in ref[2:].split("/"):
            step: str | int = part
            if isinstance(target, dict) and part in target:
                target = target[part]
            elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                step = int(part)
                target = target[step]
            else:
                raise SchemaCompileError(Text("condition.ref_nowhere", ref=ref), path)
            steps.append(step)
        if not isinstance(target, (dict, bool)):
            raise SchemaCompileError(Text("condition.ref_not_schema", ref=ref), path)
        # Late binding lets a definition refer to itself, below a keyword that reads deeper into the value.
        slot: list[Predicate] = []
        context.refs[ref] = lambda v: slot[0](v)
        context.open[-1].add(ref)
        try:
            slot.append(_compile(target, tuple(steps), context))
        finally:
            context.open[-1].discard(ref)
    return context.refs[ref]


def _deeper(schema: Any, path: SchemaPath, context: _Context) -> Predicate:
    """Compile a schema that tests a part of the value (a property, an item, a key)."""
    context.open.append(set())
    try:
        return _compile(schema, path, context)
    finally:
        context.open.pop()


# What Python's `re` says of a pattern it cannot read, in our words for both languages; a message it adds
# later is "not a regular expression Python reads", with the position all the same.
_PATTERN_PROBLEMS = {
    "missing ), unterminated subpattern": "pattern.unclosed_group",
    "unbalanced parenthesis": "pattern.unbalanced",
    "nothing to repeat": "pattern.nothing_to_repeat",
    "multiple repeat": "pattern.multiple_repeat",
    "unterminated character set": "pattern.unclosed_set",
    "bad escape": "pattern.bad_escape",
    "bad character range": "pattern.bad_range",
    "look-behind requires fixed-width pattern": "pattern.lookbehind",
}


def pattern_problem(error: re.error) -> Text:
    """The compiler's problem in our words, with where in the pattern it is (1 for the first character)."""
    key = next(
        (key for start, key in _PATTERN_PROBLEMS.items() if (error.msg or "").startswith(start)), "pattern.other"
    )
    problem = Text(key)
    return Text("pattern.at", problem=problem, position=error.pos + 1) if error.pos is not None else problem


def _string_checks(schema: dict[str, Any], path: SchemaPath, context: _Context) -> list[Predicate]:
    checks: list[Predicate] = []
    if "pattern" in schema:
        pattern = schema["pattern"]
        try:
            search: Search = re.compile(pattern).search
        except re.error as error:
            raise SchemaCompileError(
                Text("condition.bad_pattern", error=pattern_problem(error)), path + ("pattern",)
            ) from None
        except (TypeError, RecursionError, OverflowError):
            raise SchemaCompileError(
                Text("condition.bad_pattern", error=Text("pattern.other")), path + ("pattern",)
            ) from None
        if context.time_limit is not None:
            try:
                search = _bounded(pattern, context.time_limit)
            except SchemaCompileError as error:
                raise SchemaCompileError(error.text, path + ("pattern",)) from None
        checks.append(lambda v: type(v) is not str or search(v) is not None)
    if "minLength" in schema:
        shortest = schema["minLength"]
        checks.append(lambda v: type(v) is not str or len(v) >= shortest)
    if "maxLength" in schema:
        longest = schema["maxLength"]
        checks.append(lambda v: type(v) is not str or len(v) <= longest)
    if "format" in schema:
        test = FORMATS.get(schema["format"]) if isinstance(schema["format"], str) else None
        if test is None:
            raise SchemaCompileError(
                Text("condition.unsupported_format", format=repr(schema["format"])), path + ("format",)
            )
        checks.append(test)
    return checks


# --- patterns that could run for ever ---------------------------------------------------
#
# Python's `re` backtracks: `^(a|aa)+$` takes minutes on 60 letters and a '!', and `\s*\s*\s*$` 5 s on 300
# spaces. A rule's patterns therefore run under a budget of seconds shared by the whole run (`pattern_budget`):
# 60 values that take 0.4 s each stop the run as one value that takes a minute does. A limit rather than
# refusing nested quantifiers at load: a test of the pattern's shape misses the polynomial blow-ups like
# the second one, and refuses safe, common patterns such as kebab-case `^[a-z]+(-[a-z0-9]+)*$`; a limit
# stops whatever is slow and refuses nothing that works. `re` can only be interrupted by a signal, which
# only the main thread receives; the `regex` module (compatible with `re`) takes a timeout and stops on any
# thread, so the limit holds in the language server's workers too.


class PatternTimeout(Exception):
    """A rule's pattern used up what was left of the run's budget."""

    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(pattern)
        self.pattern, self.seconds = pattern, seconds


class _Budget:
    __slots__ = ("seconds", "left")

    def __init__(self, seconds: float) -> None:
        self.seconds, self.left = seconds, seconds


_RUN_BUDGET: ContextVar[Optional[list[Optional[_Budget]]]] = ContextVar("pattern_budget", default=None)


@contextmanager
def pattern_budget() -> Iterator[None]:
    """One run (a lint): the patterns with a time limit share one budget from here to the end of the block."""
    token = _RUN_BUDGET.set([None])  # the first bounded pattern of the run puts its budget in
    try:
        yield
    finally:
        _RUN_BUDGET.reset(token)


def _bounded(pattern: str, seconds: float) -> Search:
    import regex

    try:
        search = regex.compile(pattern, regex.VERSION0).search
    except (regex.error, TypeError, RecursionError, OverflowError):  # what `re` compiles, regex may not
        raise SchemaCompileError(Text("condition.bad_pattern", error=Text("pattern.other")), ()) from None

    def bounded(value: str) -> object:
        run = _RUN_BUDGET.get()
        if run is None:  # outside any run (a rule's own examples): this match alone
            budget = _Budget(seconds)
        else:
            shared = run[0]
            if shared is None:
                shared = run[0] = _Budget(seconds)
            budget = shared
        if budget.left <= 0:
            raise PatternTimeout(pattern, budget.seconds)
        started = time.process_time()  # the clock of regex's timeout: processor time, not the wall's
        try:
            return search(value, timeout=budget.left, concurrent=True)  # concurrent: other threads run meanwhile
        except TimeoutError:
            budget.left = 0
            raise PatternTimeout(pattern, budget.seconds) from None
        finally:
            budget.left -= time.process_time() - started

    return bounded


def _number(v: object) -> bool:
    return type(v) in (int, float)


_Compare = Callable[[Any, Any], bool]


def _number_checks(schema: dict[str, Any], path: SchemaPath) -> list[Predicate]:
    checks: list[Predicate] = []
    comparisons: tuple[tuple[str, _Compare], ...] = (
        ("minimum", lambda v, b: v >= b),
        ("maximum", lambda v, b: v <= b),
        ("exclusiveMinimum", lambda v, b: v > b),
        ("exclusiveMaximum", lambda v, b: v < b),
    )
    for keyword, compare in comparisons:
        if keyword in schema:
            bound = schema[keyword]
            if not _number(bound):
                raise SchemaCompileError(Text("condition.number", keyword=keyword), path + (keyword,))
            checks.append(_compared(compare, bound))
    return checks


def _compared(compare: _Compare, bound: float) -> Predicate:
    return lambda v: not _number(v) or compare(v, bound)


def _object_checks(schema: dict[str, Any], path: SchemaPath, context: _Context) -> list[Predicate]:
    checks: list[Predicate] = []
    properties = schema.get("properties", {})
    if not isinstance(properties, dict):
        raise SchemaCompileError(Text("condition.mapping", keyword="properties"), path + ("properties",))
    compiled = tuple((name, _deeper(sub, path + ("properties", name), context)) for name, sub in properties.items())
    if compiled:

        def check_properties(v: object) -> bool:
            if type(v) is not dict:
                return True
            return all(name not in v or test(v[name]) for name, test in compiled)

        checks.append(check_properties)
    patterns = schema.get("patternProperties", {})
    if not isinstance(patterns, dict):
        raise SchemaCompileError(Text("condition.mapping", keyword="patternProperties"), path + ("patternProperties",))
    by_pattern: list[tuple[Search, Predicate]] = []  # (search, test of the values of the keys it matches)
    for pattern, sub in patterns.items():
        try:
            key_search: Search = re.compile(pattern).search
        except re.error as error:
            raise SchemaCompileError(
                Text("condition.bad_pattern", error=pattern_problem(error)), path + ("patternProperties", pattern)
            ) from None
        if context.time_limit is not None:
            try:
                key_search = _bounded(pattern, context.time_limit)
            except SchemaCompileError as error:
                raise SchemaCompileError(error.text, path + ("patternProperties", pattern)) from None
        by_pattern.append((key_search, _deeper(sub, path + ("patternProperties", pattern), context)))
    matched = tuple(by_pattern)
    # A pattern whose values may be anything (`"^x-": {}`, the estate's extension fields) only widens what
    # `additionalProperties` allows: searching every key of every mapping for it would cost a lint 10%.
    constrained = tuple(
        (search, test) for (search, test), (_, sub) in zip(matched, patterns.items()) if sub not in ({}, True)
    )
    if constrained:

        def check_patterns(v: object) -> bool:
            if type(v) is not dict:
                return True
            return all(
                test(item)
                for key, item in v.items()
                for search, test in constrained
                if type(key) is str and search(key) is not None
            )

        checks.append(check_patterns)
    if "required" in schema:
        required = tuple(schema["required"])
        checks.append(lambda v: type(v) is not dict or all(k in v for k in required))
    if "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        known = frozenset(properties)
        searches = tuple(search for search, _ in matched)

        def additional(key: object) -> bool:
            """A key neither named in `properties` nor matched by a `patternProperties` pattern."""
            return key not in known and not (type(key) is str and any(search(key) is not None for search in searches))

        if extra is False:
            if searches:
                checks.append(lambda v: type(v) is not dict or not any(additional(key) for key in v))
            else:
                checks.append(lambda v: type(v) is not dict or known.issuperset(v))
        else:
            extra_test = _deeper(extra, path + ("additionalProperties",), context)
            checks.append(
                lambda v: type(v) is not dict or all(extra_test(item) for key, item in v.items() if additional(key))
            )
    if "propertyNames" in schema:
        name_test = _deeper(schema["propertyNames"], path + ("propertyNames",), context)
        checks.append(lambda v: type(v) is not dict or all(name_test(k) for k in v))
    if "minProperties" in schema:
        fewest = schema["minProperties"]
        checks.append(lambda v: type(v) is not dict or len(v) >= fewest)
    return checks


def _array_checks(schema: dict[str, Any], path: SchemaPath, context: _Context) -> list[Predicate]:
    checks: list[Predicate] = []
    if "items" in schema:
        item_test = _deeper(schema["items"], path + ("items",), context)
        checks.append(lambda v: type(v) is not list or all(item_test(i) for i in v))
    if "contains" in schema:
        contained = _deeper(schema["contains"], path + ("contains",), context)
        checks.append(lambda v: type(v) is not list or any(contained(i) for i in v))
    if "minItems" in schema:
        fewest = schema["minItems"]
        checks.append(lambda v: type(v) is not list or len(v) >= fewest)
    if "maxItems" in schema:
        most = schema["maxItems"]
        checks.append(lambda v: type(v) is not list or len(v) <= most)
    if schema.get("uniqueItems"):
        checks.append(lambda v: type(v) is not list or not duplicates(v))
    return checks
