"""Estate format and rules 1.2 (issue 20): CLD007 stable, `interactive`, `criticality`, `users` on access
devices weighting CST001, and `x-` extension fields that custom rules read.

Each addition fires and does not, checked by (code, entity, line, column) or exact exit codes.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import findings, run
from si_lint.cli.main import main
from si_lint.model.vocabulary import CRITICALITIES
from si_lint.rules.catalogue import parse_rule
from si_lint.score.scorecard import Scorecard
from si_lint.validate.schema import estate_schema

ACCESS_RULES = ("ACC001", "ACC002", "ACC003", "ACC004", "ACC005", "ACC006")
ACC_CHECKED = ACCESS_RULES[:5]  # scored without --preview


def est(text: str, catalogue) -> list:
    return [(d.code, d.line, d.column, d.message) for d in run(text, catalogue).diagnostics if d.code == "EST003"]


# --- CLD007 is stable ---------------------------------------------------------------------------

EXPIRED = """\
    version: 1
    applications:
      mail:
        usage: support
        lifecycle: {version: "2013", end_of_support: 2023-04-11}
    """


def test_cld007_runs_without_preview(catalogue):
    assert catalogue["CLD007"].status == "stable"
    assert findings(EXPIRED, catalogue, "CLD007") == [("CLD007", "mail", 5, 34)]
    assert findings(EXPIRED, catalogue, "CLD007", ignore=("CLD007",)) == []
    supported = EXPIRED.replace("2023-04-11", "2030-10-14")
    assert findings(supported, catalogue, "CLD007") == []


# --- interactive: false -------------------------------------------------------------------------

# Every access rule would fire on this application, were a person to use it.
UNREACHABLE = """\
    version: 1
    applications:
      edi-gateway:
        usage: support
        owner: supply-chain
        {interactive}access: {{browser: false, installed_clients: [edi-client], offline: local, network: vpn}}
    """


def unreachable(interactive: str) -> str:
    return UNREACHABLE.format(interactive=f"interactive: {interactive}\n        " if interactive else "")


@pytest.mark.parametrize("interactive", ["", "true"])
def test_access_rules_apply_to_an_application_people_use(catalogue, interactive):
    codes = {code for code, *_ in findings(unreachable(interactive), catalogue, preview=True)}
    assert set(ACCESS_RULES) <= codes


def test_access_rules_do_not_apply_to_an_application_no_person_uses(catalogue):
    result = run(unreachable("false"), catalogue, preview=True)
    codes = {d.code for d in result.diagnostics}
    assert not codes & set(ACCESS_RULES)
    # every other rule still applies: an on-premise support application is still not SaaS
    assert {"CLD004"} <= codes
    # even when selected by its exact code
    assert findings(unreachable("false"), catalogue, "ACC003", select=("ACC003",)) == []


def test_access_rules_do_not_count_as_checks_for_an_application_no_person_uses(catalogue):
    people, machines = (Scorecard(run(unreachable(flag), catalogue)) for flag in ("true", "false"))
    for code in ACC_CHECKED:
        rule = catalogue[code]
        assert people.applies(rule, "applications", "edi-gateway")
        assert not machines.applies(rule, "applications", "edi-gateway")
    assert machines.applies(catalogue["CLD004"], "applications", "edi-gateway")
    acc_people = people.scores()["categories"]["ACC"]
    assert acc_people["checks"] == len(ACC_CHECKED) and acc_people["failed"] == len(ACC_CHECKED)
    assert machines.scores()["categories"]["ACC"]["checks"] == 0
    assert machines.scores()["applications"]["edi-gateway"]["checks"] == people.scores()["applications"]["edi-gateway"][
        "checks"
    ] - len(ACC_CHECKED)


def test_interactive_is_a_boolean(catalogue):
    assert est(unreachable('"no"'), catalogue) == [
        ("EST003", 6, 5, "applications.edi-gateway.interactive: 'no' is text, expected true or false")
    ]
    assert est(unreachable("false"), catalogue) == []


# --- criticality --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", CRITICALITIES)
def test_criticality_values_are_accepted_and_read_by_no_rule(catalogue, value):
    text = f"version: 1\napplications:\n  erp: {{usage: business, criticality: {value}}}\n"
    plain = "version: 1\napplications:\n  erp: {usage: business}\n"
    assert est(text, catalogue) == []
    assert findings(text, catalogue, preview=True) == findings(plain, catalogue, preview=True)


def test_criticality_out_of_the_list_is_est003(catalogue):
    text = "version: 1\napplications:\n  erp: {usage: business, criticality: vital}\n"
    assert est(text, catalogue) == [
        (
            "EST003",
            3,
            26,
            "applications.erp.criticality: 'vital' is not one of critical, high, medium, low "
            "(did you mean 'critical'?)",
        )
    ]


def test_criticalities_are_the_schemas():
    schema = estate_schema()["$defs"]["Application"]["properties"]["criticality"]
    assert tuple(schema["enum"]) == CRITICALITIES


# --- CST001: devices weighted by who has them ---------------------------------------------------

BUDGET = """\
    version: 1
    {workforce}
    infrastructure:
      laptops: {{type: access-devices, cost: {{per_user_month: 4}}}}
      phones: {{type: access-devices, {users}cost: {{per_user_month: 20}}}}
    applications:
      office: {{usage: support, category: office, cost: {{per_user_month: 4}}}}
    """


def budget(catalogue, workforce: str = "workforce: 900", users: str = "users: 150, ", lang: str = "en") -> list:
    text = BUDGET.format(workforce=workforce, users=users)
    return [(d.line, d.column, d.message) for d in run(text, catalogue, lang=lang).diagnostics if d.code == "CST001"]


def test_a_device_few_people_have_counts_for_their_share(catalogue):
    # 4 + 4 + 20 x 150 / 900 = 11.33: above 10, and the message shows the share
    assert budget(catalogue) == [
        (
            1,
            1,
            (
                "the office budget is 11.33 EUR per user per month, above the ceiling of 10 EUR (option "
                "office_cost_ceiling): software office 4 EUR; access devices laptops 4 EUR, phones "
                "20 EUR for 150 of the "
                "900 people (3.33 EUR per person)"
            ),
        )
    ]
    [(_, _, message)] = budget(catalogue, lang="fr")
    assert message.endswith("phones 20 € pour 150 des 900 collaborateurs (3,33 € par personne)")


def test_a_device_fewer_people_have_stays_under_the_ceiling(catalogue):
    # 4 + 4 + 20 x 90 / 900 = 10: not above
    assert budget(catalogue, users="users: 90, ") == []


def test_a_device_without_users_counts_in_full(catalogue):
    assert [message for *_, message in budget(catalogue, users="")] == [
        "the office budget is 28 EUR per user per month, above the ceiling of 10 EUR (option office_cost_ceiling): "
        "software office 4 EUR; access devices laptops 4 EUR, phones 20 EUR"
    ]


def test_without_workforce_users_cannot_be_weighted_and_the_device_counts_in_full(catalogue):
    [(_, _, message)] = budget(catalogue, workforce="organization: Acme")
    assert "is 28 EUR per user" in message and "people" not in message


def test_users_is_a_whole_number(catalogue):
    text = "version: 1\ninfrastructure:\n  phones: {type: access-devices, users: many}\n"
    assert [(code, line, column) for code, line, column, _ in est(text, catalogue)] == [("EST003", 3, 34)]


# --- x- extension fields ------------------------------------------------------------------------

EXTENDED = """\
    version: 1
    x-estate-owner: cio-office
    providers:
      ovh: {type: public-cloud, offers: [iaas], x-secnumcloud: true}
    infrastructure:
      laptops: {type: access-devices, families: [windows], x-asset-tag: LAP}
    data_stores:
      hr-db:
        kind: operational
        x-personal-data: true
        encryption: {at_rest: true, x-hsm: none}
    applications:
      payroll:
        usage: support
        x-data-location: us
        access: {browser: true, x-sso: saml}
        availability: {target: 99.9, x-measured-by: datadog}
        lifecycle: {version: "2", end_of_support: 2030-01-01, x-lts: true}
        cost: {per_user_month: 3, x-contract: C-12}
        waivers:
          - {rule: ACC002, reason: pilot, expires: 2027-01-01, x-ticket: IT-42}
    integrations:
      - {from: payroll, to: payroll, via: api, x-protocol: rest}
    """


def test_extension_fields_are_never_unknown_fields(catalogue):
    assert est(EXTENDED, catalogue) == []


def test_built_in_rules_ignore_extension_fields(catalogue):
    plain = "\n".join(line for line in EXTENDED.splitlines() if "x-" not in line.split(":")[0]) + "\n"
    plain = plain.replace(", x-secnumcloud: true", "").replace(", x-asset-tag: LAP", "").replace(", x-hsm: none", "")
    for field in (
        ", x-sso: saml",
        ", x-measured-by: datadog",
        ", x-lts: true",
        ", x-contract: C-12",
        ", x-ticket: IT-42",
        ", x-protocol: rest",
    ):
        plain = plain.replace(field, "")
    assert "x-" not in plain
    codes = lambda text: [(d.code, d.entity) for d in run(text, catalogue, preview=True).diagnostics]  # noqa: E731
    assert codes(EXTENDED) == codes(plain)


@pytest.mark.parametrize(
    "key, where",
    [
        ("x_data_location", (3, 13)),  # an underscore is not the extension prefix
        ("data-location", (3, 13)),
    ],
)
def test_a_field_that_is_not_an_extension_is_still_unknown(catalogue, key, where):
    text = f"version: 1\napplications:\n  payroll: {{{key}: eu}}\n"
    assert [(line, column) for _, line, column, message in est(text, catalogue) if "unknown field" in message] == [
        where
    ]


def test_unknown_fields_next_to_extension_fields_name_only_the_unknown(catalogue):
    text = "version: 1\napplications:\n  payroll: {x-data-location: eu, colour: blue, usage: often}\n"
    messages = [message for *_, message in est(text, catalogue)]
    assert any("unknown field 'colour'" in message for message in messages)
    assert not any("x-data-location" in message for message in messages)


def test_a_product_entry_never_sets_interactive_or_extension_fields():
    from si_lint.model.products import product_schema

    written = json.dumps(product_schema())
    assert product_schema()["additionalProperties"] is False
    assert "patternProperties" not in written and "interactive" not in written and "criticality" not in written


DATA_LOCATION_RULE = """\
code: ACME010
name: data-in-europe
severity: error
scope: [applications, data_stores]
field: x-data-location
reads: [x-data-location]
when:
  not:
    required: [x-data-location]
    properties:
      x-data-location: {enum: [eu, fr]}
en:
  title: Data stays in Europe
  checks: Fires for each application or store whose `x-data-location` is not eu or fr.
  message: "'{id}' keeps its data in {value}"
  unstated: "'{id}': {field} is not stated"
  rationale: GDPR.
  remediation: Move it.
fr:
  title: Les données restent en Europe
  checks: Se déclenche pour chaque application ou base dont `x-data-location` ne vaut ni eu ni fr.
  message: "« {id} » garde ses données en {value}"
  unstated: "« {id} » : {field} n'est pas indiqué"
  rationale: RGPD.
  remediation: Les déplacer.
examples:
  non_compliant: |
    version: 1
    applications:
      payroll: {usage: support, x-data-location: us}
  compliant: |
    version: 1
    applications:
      payroll: {usage: support, x-data-location: eu}
"""


def test_a_custom_rule_reads_an_extension_field(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ACME010-data-in-europe.yaml").write_text(DATA_LOCATION_RULE, encoding="utf-8")
    (tmp_path / "estate.yaml").write_text(
        "version: 1\napplications:\n"
        "  payroll: {usage: support, x-data-location: us}\n"
        "  crm: {usage: support, x-data-location: eu}\n"
        "  wiki: {usage: support}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["estate.yaml", "--rules-dir", "rules", "--select", "ACME", "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    found = [
        (d["entity"], d["line"], d["column"], d["field"], d["unstated"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [("payroll", 3, 29, "x-data-location", False), ("wiki", 5, 3, "x-data-location", True)]
    verified = CliRunner().invoke(main, ["rules", "--verify", "--rules-dir", "rules"], catch_exceptions=False)
    assert verified.exit_code == 0, verified.output


def test_an_extension_field_name_is_a_valid_rule_field():
    rule = parse_rule(DATA_LOCATION_RULE, "ACME010.yaml", builtin=False)
    assert rule.target == ("x-data-location",) and rule.reads == ("x-data-location",)


# --- applies_to goes with a check of one entity at a time, never with an estate-wide one ---------


def _builtin_with(check: str, scope: str) -> str:
    from si_lint.rules.catalogue import builtin_rule_files

    acc003 = next(p for p in builtin_rule_files() if p.name.startswith("ACC003")).read_text(encoding="utf-8")
    assert "check: missing_devices" in acc003 and "scope: applications" in acc003
    return acc003.replace("check: missing_devices", f"check: {check}").replace("scope: applications", f"scope: {scope}")


def test_applies_to_goes_with_an_entity_check():
    rule = parse_rule(_builtin_with("missing_devices", "applications"), "ACC003.yaml", builtin=True)
    assert rule.applies_to == {"not": {"required": ["interactive"], "properties": {"interactive": {"const": False}}}}


def test_applies_to_is_refused_with_an_estate_wide_check():
    from si_lint.rules.diagnostic import InputError

    with pytest.raises(InputError) as refused:
        parse_rule(_builtin_with("data_spaces", "estate"), "ACC003.yaml", builtin=True)
    assert refused.value.message.key == "rulefile.applies_to_check"
