"""The compiled predicates agree with jsonschema, on the estate schema and on chosen edge cases."""

from __future__ import annotations

import copy
import random
import re

import pytest
from si_lint.validate.predicate import SchemaCompileError, compile_schema
from si_lint.validate.schema import DEFINITION_OF, estate_schema, explainer

VALID = {
    "Application": {
        "name": "CRM",
        "usage": "business",
        "category": "crm",
        "owner": "sales",
        "delivery": "saas",
        "provider": "vendor",
        "built": "vendor",
        "tenancy": "multi",
        "updates": "vendor",
        "platform": "web",
        "access": {"browser": True, "devices": ["windows", "ios"], "installed_clients": [], "offline": "sync"},
        "collaboration": {"native": True, "default_sharing": "shared", "single_version": True},
        "exchange_formats": ["pdf"],
        "audience": ["internal"],
        "users": 10,
        "availability": {"target": 99.9, "own": 100},
        "cost": {"per_user_month": 6, "currency": "EUR"},
        "data": ["db"],
        "depends_on": ["net", {"any_of": ["a", "b"]}],
        "waivers": [{"rule": "ACC004", "reason": "r", "expires": "2027-01-01", "approved_by": "cto"}],
    },
    "DataStore": {
        "kind": "lake",
        "data": ["structured"],
        "provider": "p",
        "application": "a",
        "exported_to": ["l"],
        "classification": "secret",
        "encryption": {"at_rest": True, "customer_managed_keys": False},
        "availability": 99.9,
    },
    "Infrastructure": {"type": "network", "provider": "p", "availability": 99.99},
    "Provider": {"type": "public-cloud", "offers": ["iaas", "paas"]},
    "Integration": {"from": "a", "to": "b", "via": "hub", "data": "orders"},
}
ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    150,
    "",
    "x",
    "UPPER",
    "2027-02-30",
    [],
    ["x"],
    [1],
    {},
    {"k": 1},
    {"any_of": []},
    {"any_of": ["a"]},
    [True],
    ["windows", "windows"],
    float("nan"),
    float("inf"),
]


def mutations(value, rng, count):
    """Random single-point changes of a valid entity: replace, delete or add a field anywhere."""
    for _ in range(count):
        entity = copy.deepcopy(value)
        node = entity
        while isinstance(node, (dict, list)) and node and rng.random() < 0.6:
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            if not isinstance(node[key], (dict, list)):
                break
            node = node[key]
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            action = rng.random()
            if action < 0.2:
                del node[key]
            elif action < 0.3:
                node["unknown_" + key] = 1
            else:
                node[key] = rng.choice(ODD_VALUES)
        elif isinstance(node, list) and node:
            node[rng.randrange(len(node))] = rng.choice(ODD_VALUES)
        yield entity


@pytest.mark.parametrize("definition", sorted(set(DEFINITION_OF.values())))
def test_compiled_schema_agrees_with_jsonschema(definition):
    schema = {"$defs": estate_schema()["$defs"], "$ref": f"#/$defs/{definition}"}
    fast = compile_schema(schema)
    slow = explainer(schema)  # the validator that words EST003: it must find what the predicate refuses
    rng = random.Random(definition)
    assert fast(VALID[definition]) and slow.is_valid(VALID[definition])
    disagreements = [
        entity for entity in mutations(VALID[definition], rng, 400) if fast(entity) != slow.is_valid(entity)
    ]
    assert disagreements == []


@pytest.mark.parametrize(
    "schema, value, expected",
    [
        ({"type": "integer"}, True, False),  # JSON booleans are not numbers
        ({"type": "integer"}, 2.0, True),
        ({"type": "number"}, False, False),
        ({"const": 1}, True, False),
        ({"enum": [0, 1]}, False, False),
        ({"not": {"required": ["a"]}}, {}, True),
        ({"properties": {"a": {"const": 1}}}, "not an object", True),
        ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "ab", False),
        ({"contains": {"const": "chromebook"}}, ["ios"], False),
        ({"$defs": {"x": {"type": "string"}}, "items": {"$ref": "#/$defs/x"}}, ["a", 1], False),
        ({"format": "date"}, "2027-13-01", False),
        ({"uniqueItems": True}, [[1], [1]], False),
        # JSON has no NaN and no infinity: YAML's .nan and .inf are not numbers
        ({"type": "number"}, float("nan"), False),
        ({"type": "number"}, float("-inf"), False),
        ({"type": "integer"}, float("inf"), False),
        ({"type": ["number", "string"]}, float("nan"), False),
        ({"type": "number", "maximum": 100}, 1e308, False),
    ],
)
def test_edge_cases_match_json_schema_semantics(schema, value, expected):
    assert compile_schema(schema)(value) is expected
    assert explainer(schema).is_valid(value) is expected


@pytest.mark.parametrize(
    "schema, words",
    [
        ({"if": {"const": 1}}, "unsupported keyword(s): if"),
        ({"type": "text"}, "unknown type 'text'"),
        ({"$ref": "https://example.com/s.json"}, "only local references"),
        ({"pattern": "("}, "bad pattern"),
        ({"anyOf": []}, "anyOf must be a non-empty list"),
    ],
)
def test_what_the_compiler_does_not_know_is_refused(schema, words):
    with pytest.raises(SchemaCompileError, match=re.escape(words)):
        compile_schema(schema)


def test_the_condition_metaschema_describes_what_the_compiler_supports():
    """condition.schema.json is the subset this compiler knows: the same keywords, types and formats."""
    from si_lint.rules.catalogue import condition_schema
    from si_lint.validate.predicate import FORMATS, SUPPORTED, TYPES

    definitions = condition_schema()["$defs"]
    assert set(definitions["schema"]["properties"]) == SUPPORTED
    assert set(definitions["type"]["enum"]) == set(TYPES)
    assert set(definitions["schema"]["properties"]["format"]["enum"]) == set(FORMATS)


@pytest.mark.parametrize(
    "schema",
    [
        {"not": {"$ref": "#/not"}},
        {"anyOf": [{"$ref": "#/anyOf/0"}]},
        {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"},
    ],
)
def test_a_reference_that_loops_without_reading_deeper_is_refused(schema):
    with pytest.raises(SchemaCompileError, match="leads back to itself"):
        compile_schema(schema)


def test_a_reference_may_recur_below_a_keyword_that_reads_deeper():
    tree = {
        "$defs": {
            "node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}}, "additionalProperties": False}
        },
        "$ref": "#/$defs/node",
    }
    test = compile_schema(tree)
    assert test({"child": {"child": {}}}) and not test({"child": {"other": 1}})


@pytest.mark.parametrize("pattern", ["(", ")", "*a", "a**", "[a", r"\q", "[z-a]", "(?<=a+)b", "(?P<1>a)"])
def test_a_pattern_python_cannot_read_is_said_in_our_words(pattern):
    """Never the re module's English inside a French message: its problems are worded from the catalogue, one
    it names in words we do not know as "not a regular expression Python reads"."""
    from si_lint.i18n.messages import render
    from si_lint.i18n.words_en import WORDS as ENGLISH
    from si_lint.i18n.words_fr import WORDS as FRENCH

    with pytest.raises(SchemaCompileError) as raised:
        compile_schema({"pattern": pattern})
    for lang, words in (("en", ENGLISH), ("fr", FRENCH)):
        said = render(lang, raised.value.text)
        problems = [text for key, text in words.items() if key.startswith("pattern.") and key != "pattern.at"]
        assert any(problem in said for problem in problems), said


def test_a_rule_condition_may_use_pattern_properties_under_its_time_limit():
    # A rule's condition compiles its patterns with a time limit; `patternProperties` once crashed the compiler.
    schema = {"patternProperties": {"^x-": {"type": "integer"}}}
    test = compile_schema(schema, time_limit=1.0)
    assert test({"x-a": 1, "other": "text"})
    assert not test({"x-a": "text"})
