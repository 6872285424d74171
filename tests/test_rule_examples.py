"""Every rule's own two examples run: the compliant one must not fire it, the other must, in both languages.

The examples are what `si-lint explain` and docs/rules.md show users, so they
must also be valid estates: an example whose entity breaks the schema would
"comply" only because the rule never saw it.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from si_lint.catalogue import load_catalogue, parse_rule
from si_lint.cli import main
from si_lint.diagnostic import InputError
from si_lint.engine import lint_text
from si_lint.settings import Settings
from si_lint.verify import VERIFY_DAY

CATALOGUE = load_catalogue()
RULES = list(CATALOGUE)


def diagnostics(rule, kind: str, lang: str = "en") -> list:
    settings = Settings(today=VERIFY_DAY, lang=lang, preview=True)
    return lint_text(rule.examples[kind], settings, CATALOGUE, path=f"{rule.code}.{kind}.yaml").diagnostics


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_compliant_example_does_not_fire_the_rule(rule, lang):
    assert [d for d in diagnostics(rule, "compliant", lang) if d.code == rule.code] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_non_compliant_example_fires_the_rule_inside_the_example(rule, lang):
    fired = [d for d in diagnostics(rule, "non_compliant", lang) if d.code == rule.code]
    assert fired, f"{rule.code}: its non-compliant example does not fire it"
    lines = rule.examples["non_compliant"].count("\n") + 1
    for diagnostic in fired:
        assert 1 <= diagnostic.line <= lines and diagnostic.column >= 1
        assert diagnostic.severity == rule.severity


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_examples_are_valid_estates(rule):
    assert [d for d in diagnostics(rule, "compliant") if d.code.startswith("EST")] == []
    if rule.family != "EST":
        assert [d for d in diagnostics(rule, "non_compliant") if d.code.startswith("EST")] == []


def test_rules_verify_passes_and_counts_every_rule():
    result = CliRunner().invoke(main, ["rules", "--verify"])
    assert result.exit_code == 0, result.output
    assert f"{len(RULES)} of {len(RULES)} rules verified." in result.output


def test_rules_lists_the_est_codes():
    result = CliRunner().invoke(main, ["rules", "--lang", "en"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.splitlines()[2:] if line.strip()}
    assert {"EST001", "EST002", "EST003", "EST004", "EST005", "EST006"} <= listed
    assert {rule.code for rule in RULES} == listed


BROKEN = """\
code: XYZ001
name: broken
severity: warning
scope: {scope}
check: {check}
en: {{title: t, checks: c, message: m, rationale: r, remediation: x}}
fr: {{title: t, checks: c, message: m, rationale: r, remediation: x}}
examples: {{compliant: "version: 1", non_compliant: "version: 1"}}
"""


@pytest.mark.parametrize("scope, check, problem", [
    ("applications", "no_such_check", "no check is named 'no_such_check'"),
    ("applications", "waivers", "`waivers` findings come with `scope: waivers`"),
    ("waivers", "pipeline", "`pipeline` findings come with `scope: file`"),
    ("file", "public_cloud", "its scope cannot be `file`"),
])
def test_a_builtin_rule_naming_a_check_that_cannot_run_is_refused_at_load(scope, check, problem):
    with pytest.raises(InputError) as error:
        parse_rule(BROKEN.format(scope=scope, check=check), "XYZ001-broken.yaml", builtin=True)
    assert str(error.value).startswith("XYZ001-broken.yaml:5:1: check: ")
    assert problem in str(error.value)
