"""GOV001-GOV004 (B-I-S classification, owner, expired and unused waivers) and waivers for unknown rules (EST005)."""

from __future__ import annotations

import datetime

import pytest

from conftest import findings, run

# --- GOV001 bis-classification -----------------------------------------------------------

GOV001_CASES = {
    "no usage: the entity key": ("""\
        version: 1
        applications:
          crm:
            owner: sales
        """, [("GOV001", "crm", 3, 3)]),
    "an empty application": ("""\
        version: 1
        applications:
          crm: {}
        """, [("GOV001", "crm", 3, 3)]),
    "business": ("""\
        version: 1
        applications:
          crm: {usage: business}
        """, []),
    "support": ("""\
        version: 1
        applications:
          crm: {usage: support}
        """, []),
    "a usage outside B and S is EST003's business": ("""\
        version: 1
        applications:
          crm: {usage: infrastructure}
        """, []),
    "only applications are classified": ("""\
        version: 1
        infrastructure:
          net: {type: network}
        """, []),
}


@pytest.mark.parametrize("text, expected", GOV001_CASES.values(), ids=GOV001_CASES.keys())
def test_bis_classification(catalogue, text, expected):
    assert findings(text, catalogue, "GOV001") == expected


# --- GOV002 owner -------------------------------------------------------------------------------

GOV002_CASES = {
    "no owner: the entity key": ("""\
        version: 1
        applications:
          crm:
            usage: business
        """, [("GOV002", "crm", 3, 3)]),
    "a blank owner names nobody: the owner key": ("""\
        version: 1
        applications:
          crm:
            usage: business
            owner: "  "
        """, [("GOV002", "crm", 5, 5)]),
    "an owner": ("""\
        version: 1
        applications:
          crm: {usage: business, owner: sales-it}
        """, []),
}


@pytest.mark.parametrize("text, expected", GOV002_CASES.values(), ids=GOV002_CASES.keys())
def test_owner(catalogue, text, expected):
    assert findings(text, catalogue, "GOV002") == expected


# --- waivers: GOV003 expired-waiver, GOV004 unused-waiver, EST005 unknown-rule -------------

# The ACC004 finding is at 6:29; the waiver's rule key at 8:9 and its expires key at 10:9.
def waived(expires: str = "2027-06-30", rule: str = "ACC004", clients: str = "[agent]") -> str:
    return f"""\
    version: 1
    applications:
      crm:
        usage: business
        owner: sales
        access: {{browser: true, installed_clients: {clients}}}
        waivers:
          - rule: {rule}
            reason: Local agent until the refresh
            expires: {expires}
    """


def codes(text, catalogue, **overrides) -> list:
    return [f for f in findings(text, catalogue, **overrides) if f[0] in ("ACC004", "GOV003", "GOV004", "EST005")]


def test_a_live_waiver_silences_its_finding_which_is_listed_as_waived(catalogue):
    result = run(waived(), catalogue)
    assert codes(waived(), catalogue) == []
    assert [(d.code, d.entity, d.line, d.column) for d in result.waived] == [("ACC004", "crm", 6, 29)]


@pytest.mark.parametrize("expires, expected", [
    ("2026-11-22", [("ACC004", "crm", 6, 29), ("GOV003", "crm", 10, 9)]),  # yesterday: expired, finding back
    ("2026-11-23", []),  # today is still covered: "before today" expires it
    ("2026-11-24", []),
    ("2019-01-01", [("ACC004", "crm", 6, 29), ("GOV003", "crm", 10, 9)]),
])
def test_an_expired_waiver_is_reported_and_its_finding_comes_back(catalogue, expires, expected):
    assert codes(waived(expires), catalogue) == expected


def test_today_can_be_fixed(catalogue):
    text = waived("2026-11-22")
    assert codes(text, catalogue, today=datetime.date(2026, 11, 1)) == []
    result = run(text, catalogue, today=datetime.date(2027, 1, 1))
    [gov003] = [d for d in result.diagnostics if d.code == "GOV003"]
    assert gov003.message == ("the waiver of ACC004 on 'crm' expired on 22 November 2026 (today is 1 January 2027): "
                              "the finding it excused is back")
    assert gov003.severity == "error"


def test_an_expired_waiver_is_not_also_unused(catalogue):
    assert codes(waived("2020-01-01", clients="[]"), catalogue) == [("GOV003", "crm", 10, 9)]


def test_ignoring_gov003_keeps_the_finding_back(catalogue):
    assert codes(waived("2020-01-01"), catalogue, ignore=("GOV003",)) == [("ACC004", "crm", 6, 29)]


def test_a_waiver_whose_rule_does_not_fire_is_unused(catalogue):
    text = waived(clients="[]")
    assert codes(text, catalogue) == [("GOV004", "crm", 8, 9)]
    [gov004] = [d for d in run(text, catalogue).diagnostics if d.code == "GOV004"]
    assert gov004.message == ("the waiver of ACC004 on 'crm' excuses nothing: ACC004 does not fire there, "
                              "so remove the waiver")
    assert gov004.severity == "warning"


def test_a_waiver_is_unused_when_its_rule_fires_only_for_another_entity(catalogue):
    text = """\
    version: 1
    applications:
      crm:
        access: {browser: true}
        waivers:
          - {rule: ACC004, reason: Agent, expires: 2027-06-30}
      erp:
        access: {browser: true, installed_clients: [agent]}
    """
    assert codes(text, catalogue) == [("GOV004", "crm", 6, 10), ("ACC004", "erp", 8, 29)]


def test_a_waiver_for_a_rule_that_did_not_run_proves_nothing(catalogue):
    text = waived(clients="[]")
    assert codes(text, catalogue, ignore=("ACC004",)) == []
    assert codes(text, catalogue, select=("GOV",)) == []
    assert codes(text, catalogue, ignore=("GOV004",)) == []


def test_two_waivers_for_one_finding_are_both_used(catalogue):
    text = """\
    version: 1
    applications:
      crm:
        access: {browser: true, installed_clients: [agent]}
        waivers:
          - {rule: ACC004, reason: Agent, expires: 2027-06-30, approved_by: cto}
          - {rule: ACC004, reason: Agent again, expires: 2028-06-30}
    """
    assert codes(text, catalogue) == []


def test_waivers_on_other_sections(catalogue):
    text = """\
    version: 1
    providers:
      basement:
        type: on-premise
        waivers:
          - {rule: CLD001, reason: Nothing to excuse on a provider, expires: 2027-06-30}
    data_stores:
      erp-db:
        kind: operational
        provider: basement
        waivers:
          - {rule: CLD001, reason: Leaves the basement in 2027, expires: 2027-06-30}
    infrastructure:
      lan:
        type: network
        provider: basement
        waivers:
          - {rule: CLD001, reason: Expired, expires: 2026-01-01}
    """
    assert findings(text, catalogue, select=("CLD001", "GOV")) == [
        ("GOV004", "basement", 6, 10),
        ("CLD001", "lan", 16, 5),
        ("GOV003", "lan", 18, 41),
    ]


@pytest.mark.parametrize("rule, reason", [
    ("ACCC004", "no rule has this code (did you mean 'ACC004'?); `si-lint rules` lists them"),
    ("ZZZ001", "no rule has this code; `si-lint rules` lists them"),
    # a malformed code gets the hint too, never a regular expression
    ("acc4", "rule codes are written like ACC002 (did you mean 'ACC004'?)"),
    ("EST003", "EST findings are about reading the estate: fix them, they cannot be waived"),
    ("EST005", "EST findings are about reading the estate: fix them, they cannot be waived"),
    ("GOV003", "GOV003 is about waivers themselves: renew or remove the waiver instead"),
    ("GOV004", "GOV004 is about waivers themselves: renew or remove the waiver instead"),
])
def test_a_waiver_for_an_unknown_or_unwaivable_rule(catalogue, rule, reason):
    text = waived(rule=rule)
    assert codes(text, catalogue) == [("ACC004", "crm", 6, 29), ("EST005", "crm", 8, 9)]
    [est005] = [d for d in run(text, catalogue).diagnostics if d.code == "EST005"]
    assert est005.message == f"the waiver names '{rule}': {reason}"


def test_unknown_rule_is_always_on_and_speaks_french(catalogue):
    text = waived(rule="ZZZ001")
    assert codes(text, catalogue, select=("GOV",), ignore=("ACC",)) == [("EST005", "crm", 8, 9)]
    [est005] = [d for d in run(text, catalogue, lang="fr").diagnostics if d.code == "EST005"]
    assert est005.message == ("la dérogation cite « ZZZ001 » : aucune règle n'a ce code ; "
                              "`si-lint rules` donne la liste des règles")


def test_waiver_rules_can_be_selected_and_ignored(catalogue):
    expired_unused = """\
    version: 1
    applications:
      crm:
        access: {browser: true}
        waivers:
          - {rule: ACC004, reason: Old, expires: 2020-01-01}
          - {rule: ACC004, reason: New, expires: 2027-01-01}
    """
    assert codes(expired_unused, catalogue) == [("GOV003", "crm", 6, 37), ("GOV004", "crm", 7, 10)]
    assert codes(expired_unused, catalogue, ignore=("GOV",)) == []
    assert codes(expired_unused, catalogue, select=("GOV003",)) == [("GOV003", "crm", 6, 37)]


THREE_IAAS = """\
    version: 1
    providers:
      a: {type: public-cloud, offers: [iaas]}
      b: {type: public-cloud, offers: [iaas]}
      c:
        type: public-cloud
        offers: [iaas]
    infrastructure:
      x: {type: security, provider: a}
      y: {type: security, provider: b}
      z: {type: security, provider: c}
    """


def test_an_estate_wide_finding_is_waived_at_the_top_level(catalogue):
    text = THREE_IAAS.rstrip(" ") + "    waivers: [{rule: CLD006, reason: exit from c planned for 2027, expires: 2027-06-30}]\n"
    result = run(text, catalogue, select=("CLD006", "GOV"))
    assert [(d.code, d.entity) for d in result.diagnostics] == []
    assert [(d.code, d.entity, d.line) for d in result.waived] == [("CLD006", None, 7)]


def test_an_unused_top_level_waiver_is_gov004_at_its_place(catalogue):
    text = THREE_IAAS.replace("      c:\n        type: public-cloud\n        offers: [iaas]\n", "") \
        .replace("      z: {type: security, provider: c}\n", "").rstrip(" ")
    text += "    waivers:\n      - {rule: CLD006, reason: exit from c planned, expires: 2027-06-30}\n"
    [gov004] = run(text, catalogue, select=("CLD006", "GOV")).diagnostics
    assert (gov004.code, gov004.entity, gov004.line, gov004.column) == ("GOV004", None, 9, 6)
    assert gov004.message == ("the waiver of CLD006 on the estate excuses nothing: CLD006 does not fire there, "
                              "so remove the waiver")


@pytest.mark.parametrize("lang, message", [
    ("en", "providers.c.waivers[0].rule: CLD006 is an estate-wide rule: waive it in the top-level `waivers` list"),
    ("fr", "providers.c.waivers[0].rule : CLD006 porte sur tout le patrimoine : y déroger dans la liste "
           "`waivers` de premier niveau"),
])
def test_an_estate_wide_rule_waived_on_an_entity_is_est003_saying_where_it_belongs(catalogue, lang, message):
    text = THREE_IAAS.replace("        offers: [iaas]\n    infra", "        offers: [iaas]\n        waivers: [{rule: "
                              "CLD006, reason: planned, expires: 2027-06-30}]\n    infra")
    assert "waivers" in text
    result = run(text, catalogue, select=("CLD006", "GOV"), lang=lang)
    assert [(d.code, d.entity, d.line, d.column) for d in result.diagnostics] == [
        ("CLD006", None, 7, 5), ("EST003", "c", 8, 16)]
    assert result.diagnostics[1].message == message
    # the misplaced waiver excuses nothing: the finding stays in force
    assert result.waived == []


def test_an_entity_rule_waived_at_the_top_level_is_est003(catalogue):
    text = "version: 1\nwaivers:\n  - {rule: ACC001, reason: planned, expires: 2027-06-30}\n"
    [est003] = run(text, catalogue).diagnostics
    assert (est003.code, est003.line, est003.column) == ("EST003", 3, 6)
    assert est003.message == ("waivers[0].rule: ACC001 concerns an entity: waive it in the `waivers` of the entity "
                              "it fires on")


def test_an_integration_carries_its_waivers(catalogue):
    text = """\
    version: 1
    applications:
      a: {usage: business, owner: it}
      b: {usage: business, owner: it}
    integrations:
      - from: a
        to: b
        via: file-transfer
        waivers: [{rule: INT001, reason: bank format until 2027, expires: 2027-06-30}]
    """
    result = run(text, catalogue, select=("INT001", "GOV"))
    assert result.diagnostics == []
    assert [(d.code, d.entity) for d in result.waived] == [("INT001", "a->b")]


@pytest.mark.parametrize("fires, message", [
    (True, "the waiver of ACC004 on 'crm' expired on 1 January 2020 (today is 23 November 2026): the finding it excused is back"),
    (False, "the waiver of ACC004 on 'crm' expired on 1 January 2020 (today is 23 November 2026)"),
])
def test_gov003_says_a_finding_is_back_only_when_its_rule_fires_again(catalogue, fires, message):
    text = waived("2020-01-01", clients="[agent]" if fires else "[]")
    [gov003] = [d for d in run(text, catalogue).diagnostics if d.code == "GOV003"]
    assert gov003.message == message
