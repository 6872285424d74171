"""Property-based tests (hypothesis): any input, any day, si-lint exits 0, 1 or 2 and its reports hold.

The three examples are mutated (types swapped, fields removed and added, ids and values with control
characters and odd unicode, tags, aliases, numbers past what Python converts, .nan and .inf), and the
mutant goes through the real command in several formats; rule conditions are generated from the JSON
Schema keywords with values of every type. How many examples run is the profile's (tests/conftest.py):
a quick one by default, a fixed larger one in CI, `HYPOTHESIS_PROFILE=fuzz` for a campaign.
"""

from __future__ import annotations

import json
import re
import tempfile
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import yaml
from click.testing import CliRunner
from conftest import REPO
from hypothesis import event, given
from hypothesis import strategies as st
from si_lint.cli.main import main

EXAMPLES = {
    "compliant": {"estate.yaml": (REPO / "examples" / "compliant" / "estate.yaml")},
    "legacy": {"estate.yaml": (REPO / "examples" / "legacy" / "estate.yaml")},
    "multi-file": {
        path.relative_to(REPO / "examples" / "multi-file").as_posix(): path
        for path in sorted((REPO / "examples" / "multi-file").rglob("*.yaml"))
    },
}
DATA = {
    name: {file: yaml.safe_load(path.read_text(encoding="utf-8")) for file, path in files.items()}
    for name, files in EXAMPLES.items()
}
REPORT_SCHEMA = json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text("utf-8"))
# A finding's line starts with its file (temporary folders have no space), so a summary line that quotes
# an id holding such text ("Not checked ...: a\nestate.yaml:1:1: ACC001 [error] x", escaped) is not one.
FINDING = re.compile(r"^\S+?:\d+:\d+: [A-Z][A-Z0-9]*\d{3} \[[a-z ]+\] ")
# What a human format must never print as it is: controls (but its own line ends), line separators,
# bidirectional overrides.
HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# --- what a mutant is made of -------------------------------------------------------------------------

ODD_TEXT = st.one_of(
    st.text(max_size=12),  # any code point YAML can hold, controls and odd unicode included
    st.sampled_from(
        [
            "",
            " ",
            "\n",
            "a\nestate.yaml:1:1: ACC001 [error] forged",
            "\r",
            "\x1b[31m",
            "\x00",
            "\x07",
            "\u2028",
            "\u202e",
            "\ufeff",
            "\ufffe",
            "é\u0301",
            "🙂",
            "ｆｕｌｌ",
            "ACC001",
            "on",
            "null",
            "2027-02-30",
            "99.99",
            "-",
            "$ref",
            "{id}",
            "<script>",
            "&amp;",
            "|",
            "`",
        ]
    ),
)
ODD_SCALAR = st.one_of(
    ODD_TEXT,
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 100, 100.0001, 99.99, 1e308]),
)
ODD_VALUE = st.recursive(
    ODD_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(ODD_TEXT, inner, max_size=3)),
    max_leaves=6,
)

# Text changes the data cannot express: tags on values and keys, numbers Python will not convert.
TEXT_EDITS = [
    (r"(: )(\S)", r"\1!!bool \2"),
    (r"(: )(\S)", r"\1!!int \2"),
    (r"(: )(\S)", r"\1!!float \2"),
    (r"(: )(\S)", r"\1!!null \2"),
    (r"(: )(\S)", r"\1!!str \2"),
    (r"(: )(\S)", r"\1!!binary \2"),
    (r"(: )(\S)", r"\1!custom \2"),
    (r"(: )\S.*$", r"\g<1>" + "9" * 5000),
    (r"(: )\S.*$", r"\1.nan"),
    (r"(: )\S.*$", r"\1-.inf"),
    (r"(: )\S.*$", r"\1!!int ''"),
    (r"(: )\S.*$", r"\1!!float ''"),
    (r"^(\s+)[\w-]+:", r"\1!!int 1:"),
    (r"^(\s+)[\w-]+:", r"\1!!bool true:"),
    (r"^(\s+)[\w-]+:", r"\1!!null '':"),
    (r"^(\s+)([\w-]+):", r"\1\2: &anchor"),
    (r"(: )\S.*$", r"\1*anchor"),
    (r"(: )\S.*$", r"\1*nowhere"),
    (r"^(\s+)[\w-]+:", r"\1<<:"),
    (r"$", r"\t"),
    (r"^", "---\n"),
]


def _nodes(node, path=()):
    """Every (path, node) of a tree, the root first."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, path + (key,))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _nodes(value, path + (position,))


def _mutate(data, tree):
    """One change somewhere in `tree` (a copy is changed, in place)."""
    paths = list(_nodes(tree))
    path, node = paths[data.draw(st.integers(0, len(paths) - 1), label="where")]
    action = data.draw(st.sampled_from(["replace", "delete", "add", "rename", "swap", "alias"]), label="what")
    if not path:
        return data.draw(ODD_VALUE) if action == "replace" else tree
    parent, ancestors = tree, {id(tree)}
    for step in path[:-1]:
        parent = parent[step]
        ancestors.add(id(parent))
    last = path[-1]
    if action == "replace":
        parent[last] = data.draw(ODD_VALUE, label="value")
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(node, dict):
        node[data.draw(ODD_TEXT, label="new key")] = data.draw(ODD_VALUE, label="new value")
    elif action == "rename" and isinstance(parent, dict):
        new = data.draw(ODD_TEXT, label="new name")
        items = [(new if key == last else key, value) for key, value in parent.items()]
        parent.clear()
        parent.update(items)
    elif action == "swap":  # the same content as another type
        parent[last] = (
            ([node] if not isinstance(node, list) else {"k": node}) if data.draw(st.booleans()) else str(node)
        )
    elif action == "alias":  # the dumper writes an anchor and an alias for a node met twice
        shared = paths[data.draw(st.integers(0, len(paths) - 1), label="aliased")][1]
        if id(shared) not in ancestors:  # an alias to an ancestor is a loop, which YAML cannot write
            parent[last] = shared
    return tree


# The same on the ids (keys two spaces in, as the dumper writes them), which every later stage meets.
ID_EDITS = [
    (r"^(  )[^\s:]+:", r"\1!!int 1:"),
    (r"^(  )[^\s:]+:", r"\1!!bool true:"),
    (r"^(  )[^\s:]+:", r"\1!!null '':"),
    (r"^(  )[^\s:]+:", r"\1!!float 1.5:"),
]


def _edit_text(data, text: str) -> str:
    lines = text.split("\n")
    ids = [position for position, line in enumerate(lines) if re.match(r"^  [^\s:]+:", line)]
    for _ in range(data.draw(st.integers(0, 3), label="text edits")):
        if ids and data.draw(st.booleans(), label="edit an id"):
            pattern, replacement = data.draw(st.sampled_from(ID_EDITS), label="id edit")
            position = data.draw(st.sampled_from(ids), label="id line")
        else:
            pattern, replacement = data.draw(st.sampled_from(TEXT_EDITS), label="text edit")
            position = data.draw(st.integers(0, len(lines) - 1), label="line")
        lines[position] = re.sub(pattern, replacement, lines[position], count=1)
    return "\n".join(lines)


SECTIONS = ("providers", "infrastructure", "data_stores", "applications")


def _rename_entity(data, tree) -> None:
    """An entity's id replaced by odd text: ids are quoted in almost every message."""
    sections = [name for name in SECTIONS if isinstance(tree, dict) and isinstance(tree.get(name), dict) and tree[name]]
    if not sections:
        return
    section = tree[data.draw(st.sampled_from(sections), label="section")]
    old = data.draw(st.sampled_from(list(section)), label="entity")
    new = data.draw(ODD_TEXT, label="new id")
    items = [(new if key == old else key, value) for key, value in section.items()]
    section.clear()
    section.update(items)


@st.composite
def mutants(draw):
    """(example name, {relative path: text}) of a mutated example."""
    name = draw(st.sampled_from(sorted(EXAMPLES)), label="example")
    files = {file: json.loads(json.dumps(tree, default=str)) for file, tree in DATA[name].items()}
    data = draw(st.data())
    for _ in range(draw(st.integers(1, 4), label="changes")):
        file = draw(st.sampled_from(sorted(files)), label="file")
        if draw(st.booleans(), label="rename an entity"):
            _rename_entity(data, files[file])
        else:
            files[file] = _mutate(data, files[file])
    texts = {
        file: yaml.safe_dump(tree, allow_unicode=draw(st.booleans()), sort_keys=False) for file, tree in files.items()
    }
    file = draw(st.sampled_from(sorted(texts)), label="file edited as text")
    texts[file] = _edit_text(data, texts[file])
    return name, texts


# --- running the real command --------------------------------------------------------------------------


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env={"LC_ALL": "C", "LANG": "C"})
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output[-3000:]
    assert result.exit_code in (0, 1, 2), output[-3000:]
    if result.exit_code == 2:
        assert result.stdout == ""
        assert result.stderr.startswith("si-lint: error: ") and result.stderr.count("\n") == 1, result.stderr
    return result


def _write(folder: Path, texts: dict) -> None:
    for file, text in texts.items():
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


@given(mutants())
def test_a_mutated_example_exits_0_1_or_2_and_every_report_holds(mutant):
    name, texts = mutant
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / name
        _write(root, texts)
        target = root if name == "multi-file" else root / "estate.yaml"
        common = [target, "--today", "2026-11-23", "--show-waived"]
        report = invoke(*common, "--format", "json")
        event(f"{name}: exit {report.exit_code}")
        if report.exit_code == 2:  # unreadable input: every format says so the same way
            assert invoke(*common, "--format", "junit").exit_code == 2
            return
        document = json.loads(report.stdout)
        jsonschema.validate(document, REPORT_SCHEMA)
        findings = document["summary"]["findings"]
        assert len(document["diagnostics"]) == findings
        shown = findings + len(document["waived"])

        text = invoke(*common)
        # One line per finding, each in a file of the estate: a line break in a value would make a line that
        # looks like a finding (FINDING) outside them. \r, \x85 and \u2028 split a line here too.
        findings_shown = [line for line in text.stdout.splitlines() if FINDING.match(line)]
        assert len(findings_shown) == shown, text.stdout[-3000:]
        assert all(line.startswith(str(root)) for line in findings_shown), text.stdout[-3000:]
        assert not HIDDEN.search(text.stdout), text.stdout[-3000:]

        junit = invoke(*common, "--format", "junit")
        suites = ElementTree.fromstring(junit.stdout.encode("utf-8"))
        assert sum(len(failure.text.split("\n")) for failure in suites.iter("failure")) == findings

        markdown = invoke(*common, "--format", "markdown")
        assert sum(1 for line in markdown.stdout.splitlines() if line.startswith("| `")) == shown
        assert not HIDDEN.search(markdown.stdout)

        assert {report.exit_code, text.exit_code, junit.exit_code, markdown.exit_code} == {report.exit_code}
        assert report.exit_code == (1 if document["summary"]["failed"] else 0)


# --- rule conditions -------------------------------------------------------------------------------------

GOOD_RULE = yaml.safe_load(
    (REPO / "tests" / "data" / "custom_rules" / "ACME001-customer-facing-availability.yaml").read_text(encoding="utf-8")
)
KEYWORDS = [
    "type",
    "enum",
    "const",
    "pattern",
    "minLength",
    "maxLength",
    "format",
    "properties",
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
    "$defs",
    "title",
    "if",
    "$option",
]
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "",
            "string",
            "integer",
            "number",
            "object",
            "array",
            "null",
            "text",
            "date",
            "email",
            "#/not",
            "#/anyOf/0",
            "#/$defs/a",
            "#/$defs/a/not",
            "#",
            "#/",
            "https://x/s.json",
            "[a-z]+",
            "(",
            "^\\S+$",
            "availability",
            "usage",
            "min_availability",
            "required_devices",
            "nope",
        ]
    ),
)


def _conditions():
    return st.recursive(
        st.dictionaries(st.sampled_from(KEYWORDS), ANY_VALUE, max_size=3),
        lambda inner: st.one_of(
            st.dictionaries(
                st.sampled_from(KEYWORDS),
                st.one_of(ANY_VALUE, inner, st.lists(st.one_of(ANY_VALUE, inner), max_size=3)),
                max_size=3,
            ),
            st.fixed_dictionaries({"$option": st.sampled_from(["min_availability", "required_devices", "x"])}),
            st.fixed_dictionaries(
                {"properties": st.dictionaries(st.sampled_from(["usage", "availability", "a"]), inner, max_size=2)}
            ),
            st.fixed_dictionaries({"$defs": st.fixed_dictionaries({"a": inner}), "$ref": st.just("#/$defs/a")}),
        ),
        max_leaves=8,
    )


@given(_conditions(), st.sampled_from(["when", "applies_to"]))
def test_any_rule_condition_is_loaded_or_refused_at_its_place(condition, key):
    rule = dict(GOOD_RULE)
    rule[key] = condition
    if key == "applies_to":
        rule["when"] = {"required": ["usage"]}
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "rules"
        rules.mkdir()
        path = rules / "ACME001.yaml"
        path.write_text(yaml.safe_dump(rule, allow_unicode=True, sort_keys=False), encoding="utf-8")
        loaded = invoke("rules", "--rules-dir", rules)
        event(f"rule loaded: exit {loaded.exit_code}")
        if loaded.exit_code == 2:
            assert re.match(rf"si-lint: error: {re.escape(str(path))}:\d+:\d+: ", loaded.stderr), loaded.stderr
        checked = invoke(REPO / "examples" / "legacy" / "estate.yaml", "--rules-dir", rules, "--today", "2026-11-23")
        assert (checked.exit_code == 2) == (loaded.exit_code == 2), checked.stderr
        invoke("rules", "--verify", "--rules-dir", rules)
