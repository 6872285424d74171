"""Custom rules (--rules-dir): the documented example works as shown, and a bad rule file is a clear error."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main

EXAMPLES = REPO / "tests" / "data" / "custom_rules"
DOC = REPO / "docs" / "custom-rules.md"
GOOD = (EXAMPLES / "ACME001-customer-facing-availability.yaml").read_text(encoding="utf-8")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def doc_blocks(kind: str) -> list:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_doc_shows_the_example_rules_as_they_are():
    shown = [block for block in doc_blocks("yaml") if block.startswith("code: ")]
    assert shown == [
        (EXAMPLES / name).read_text(encoding="utf-8")
        for name in ("ACME001-customer-facing-availability.yaml", "ACME002-content-on-linux.yaml")
    ]


def test_the_doc_commands_print_what_it_shows(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES, tmp_path / "si-rules")
    estate = next(block for block in doc_blocks("yaml") if block.startswith("# estate.yaml"))
    (tmp_path / "estate.yaml").write_text(estate, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    console = doc_blocks("console")[0]
    for command, shown in re.findall(r"^\$ si-lint (.*)\n((?:[^$].*\n)*)", console, re.M):
        result = invoke(*command.split())
        assert result.stdout == shown, command
        assert result.exit_code == (1 if "estate.yaml" in command else 0)


def test_custom_rules_run_alongside_the_built_in_ones(tmp_path):
    estate = tmp_path / "estate.yaml"
    estate.write_text(
        "version: 1\napplications:\n"
        "  shop: {usage: business, audience: [external, internal], availability: {target: 99.9}}\n",
        encoding="utf-8",
    )
    result = invoke("check", estate, "--rules-dir", EXAMPLES, "--format", "json", "--lang", "fr")
    found = [
        (d["code"], d["line"], d["column"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["code"].startswith("ACME")
    ]
    assert found == [("ACME001", 3, 74, "« shop » sert des clients mais ne promet que 99,9 %")]
    # without the folder, the code is unknown: a waiver naming it would be EST005
    assert "ACME001" not in invoke("check", estate, "--format", "json").stdout


def write_rule(folder, text, name="ACME001-x.yaml"):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


BAD_RULES = {
    "a custom rule cannot name a Python check": (
        lambda s: s.replace(
            "when:\n  required: [audience, availability]\n  properties:\n"
            "    audience: {contains: {const: external}}\n    availability:\n      required: [target]\n"
            "      properties:\n        target: {exclusiveMaximum: {$option: min_availability}}\n",
            "check: end_to_end_availability\n",
        ),
        ":7:1: check: custom rules cannot name a Python check",
    ),
    "a missing text": (
        lambda s: s.replace("  remediation: >-\n    Porter", "  remedy: >-\n    Porter"),
        ":28:1: fr: missing required field 'remediation'",
    ),
    "a misspelt key": (
        lambda s: s.replace("severity: warning", "severty: warning"),
        ":3:1: severty: unknown field 'severty' (did you mean 'severity'?)",
    ),
    "a value out of its list": (
        lambda s: s.replace("severity: warning", "severity: fatal"),
        ":3:1: severity: 'fatal' is not one of",
    ),
    "a JSON Schema keyword outside the subset": (
        lambda s: s.replace("  required: [audience, availability]", "  if: {required: [audience]}"),
        ":8:3: when.if: unsupported keyword(s): if",
    ),
    "a misspelt JSON Schema keyword": (
        lambda s: s.replace("  required: [audience, availability]", "  requried: [audience, availability]"),
        ":8:3: when.requried: unsupported keyword(s): requried (did you mean 'required'?)",
    ),
    "an unknown option": (
        lambda s: s.replace("min_availability}", "min_avail}"),
        ":14:18: when: unknown option 'min_avail'",
    ),
    "a message that cannot be filled": (
        lambda s: s.replace("'{id}' is used", "'{id' is used"),
        ":20:3: en.message: a '{' that is not closed",
    ),
    "a placeholder a condition cannot fill": (
        lambda s: s.replace("promet que {value}", "promet que {target}"),
        ":33:3: fr.message: {target} cannot be filled in",
    ),
    "a condition with no entity to test": (
        lambda s: s.replace("scope: applications", "scope: estate"),
        ":4:1: scope: a `when` condition is tested on each entity",
    ),
    "invalid YAML": (
        lambda s: s.replace("name: customer-facing", "name: customer-facing: x"),
        ":2:22: invalid YAML: mapping values are not allowed",
    ),
}


@pytest.mark.parametrize("change, expected", BAD_RULES.values(), ids=BAD_RULES.keys())
def test_a_bad_rule_file_is_a_clear_error(tmp_path, change, expected):
    text = change(GOOD)
    assert text != GOOD
    folder = write_rule(tmp_path / "rules", text)
    for args in (("rules",), ("rules", "--verify"), ("explain", "ACME001")):
        result = invoke(*args, "--rules-dir", folder)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith(f"si-lint: error: {folder / 'ACME001-x.yaml'}{expected}"), result.stderr
        assert "Traceback" not in result.stderr


def test_a_code_already_taken_names_both_files(tmp_path):
    folder = write_rule(tmp_path / "rules", GOOD, "ACME001-a.yaml")
    write_rule(folder, GOOD.replace("name: customer-facing-availability", "name: other"), "ACME001-b.yaml")
    result = invoke("rules", "--rules-dir", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {folder / 'ACME001-b.yaml'}: code: ACME001 is already the code of "
        f"{folder / 'ACME001-a.yaml'}: rule codes are unique, pick another\n"
    )


def test_a_rules_dir_must_hold_rule_files(tmp_path):
    (tmp_path / "empty").mkdir()
    assert invoke("rules", "--rules-dir", tmp_path / "empty").stderr == (
        f"si-lint: error: {tmp_path / 'empty'}: no rule file (*.yaml) in this folder\n"
    )
    assert invoke("rules", "--rules-dir", tmp_path / "nowhere").exit_code == 2


def test_a_custom_rule_whose_examples_disagree_fails_verification(tmp_path):
    # swapping the examples: the compliant one now fires the rule, the other does not
    text = GOOD.replace("non_compliant: |", "PLACEHOLDER: |").replace("  compliant: |", "  non_compliant: |")
    folder = write_rule(tmp_path / "rules", text.replace("PLACEHOLDER: |", "compliant: |"))
    result = invoke("rules", "--verify", "--rules-dir", folder)
    assert result.exit_code == 1
    origin = folder / "ACME001-x.yaml"
    assert result.stderr == (
        f"ACME001: its compliant example fires it ({origin})\n"
        f"ACME001: its non-compliant example does not fire it ({origin})\n"
    )
