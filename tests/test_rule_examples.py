"""Every rule's own two examples run: the compliant one must not fire it, the other must, in both languages.

The examples are what `si-lint explain` and docs/rules.md show users, so they
must also be valid estates: an example whose entity breaks the schema would
"comply" only because the rule never saw it.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main
from si_lint.rules.catalogue import load_catalogue, parse_rule
from si_lint.rules.diagnostic import InputError
from si_lint.rules.engine import lint_text
from si_lint.rules.settings import Settings
from si_lint.rules.verify import VERIFY_DAY

CATALOGUE = load_catalogue()
RULES = list(CATALOGUE)


def diagnostics(rule, kind: str, lang: str = "en") -> list:
    settings = Settings(today=VERIFY_DAY, lang=lang, preview=True)
    return lint_text(rule.examples[kind], settings, CATALOGUE, path=f"{rule.code}.{kind}.yaml").diagnostics


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_compliant_example_does_not_fire_the_rule(rule, lang):
    assert [d for d in diagnostics(rule, "compliant", lang) if d.code == rule.code] == []


# (entity, line, column) of each finding of a rule's non-compliant example, read off the examples by hand:
# the key the rule names (its `field`), or the entity's key when that field is missing.
WHERE = {
    "ACC001": [("payroll", 5, 14)],  # browser, in the flow mapping
    "ACC002": [("cad-designer", 7, 7)],  # devices
    "ACC003": [("expenses", 5, 29)],  # devices, in the flow mapping
    "ACC004": [("mail", 7, 7)],  # installed_clients
    "ACC005": [("field-reports", 5, 29)],  # offline
    "ACC006": [("intranet", 5, 29)],  # network
    "ACC007": [(None, 3, 35)],  # laptops' families (estate-wide)
    "AVL001": [("campus-network", 3, 35)],  # availability
    "AVL002": [("orders", 9, 20)],  # target
    "AVL003": [("timesheets", 4, 69)],  # target
    "AVL004": [("intranet", 3, 3)],  # intranet: no target at all
    "CLD001": [("erp-db", 5, 31), ("erp", 9, 5)],  # the store's provider; the application's delivery
    "CLD002": [("hr", 6, 5)],  # tenancy
    "CLD003": [("office", 6, 5)],  # updates
    "CLD004": [("expenses", 5, 5)],  # delivery
    "CLD005": [("pricing", 6, 5)],  # delivery
    "CLD006": [(None, 5, 31)],  # the third provider's offers (estate-wide)
    "CLD007": [("mail", 5, 34)],  # end_of_support
    "COL001": [("word-processor", 6, 21)],  # native
    "COL002": [("file-share", 6, 35)],  # default_sharing
    "COL003": [("intranet", 3, 3)],  # intranet: no single_version stated
    "COL004": [("purchasing", 5, 5)],  # exchange_formats
    "COL005": [("budget-model", 5, 5)],  # platform
    "COL006": [(None, 2, 1)],  # workforce
    "CST001": [(None, 2, 1)],  # organization
    "DAT001": [("orders-db", 5, 3)],  # orders-db: no exported_to
    "DAT002": [(None, 3, 3)],  # the first store holding structured data
    "DAT003": [("hr-db", 5, 3)],  # hr-db: no encryption stated
    "EST001": [(None, 4, 1)],  # where the parser stops
    "EST002": [(None, 5, 5)],  # the second key
    "EST003": [("crm", 4, 5)],  # usage
    "EST004": [("crm", 5, 5)],  # provider
    "EST005": [("crm", 6, 10)],  # the waiver's rule
    "EST006": [("orders", 5, 18)],  # the depends_on item that closes the loop
    "GOV001": [("timesheets", 3, 3)],  # timesheets: no usage
    "GOV002": [("timesheets", 3, 3)],  # timesheets: no owner
    "GOV003": [("orders", 10, 9)],  # the waiver's expires
    "GOV004": [("orders", 8, 9)],  # the waiver's rule
    "INT001": [("crm->billing", 6, 30)],  # via
    "INT002": [("reporting", 4, 38)],  # the first store of another application in data
}


def test_every_rule_has_its_example_positions():
    assert set(WHERE) == {rule.code for rule in RULES}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_non_compliant_example_fires_the_rule_at_its_key(rule, lang):
    fired = [d for d in diagnostics(rule, "non_compliant", lang) if d.code == rule.code]
    assert [(d.entity, d.line, d.column) for d in fired] == WHERE[rule.code]
    assert all(d.severity == rule.severity for d in fired)


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


@pytest.mark.parametrize(
    "scope, check, problem",
    [
        ("applications", "no_such_check", "no check is named 'no_such_check'"),
        ("applications", "waivers", "`waivers` findings come with `scope: waivers`"),
        ("waivers", "pipeline", "`pipeline` findings come with `scope: file`"),
        ("file", "public_cloud", "its scope cannot be `file`"),
    ],
)
def test_a_builtin_rule_naming_a_check_that_cannot_run_is_refused_at_load(scope, check, problem):
    with pytest.raises(InputError) as error:
        parse_rule(BROKEN.format(scope=scope, check=check), "XYZ001-broken.yaml", builtin=True)
    assert str(error.value).startswith("XYZ001-broken.yaml:5:1: check: ")
    assert problem in str(error.value)
