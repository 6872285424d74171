"""Waivers: what a live one silences and lists as waived, and the words of GOV003, GOV004 and EST005.

Which findings waivers leave in force (expired, unused, unknown rules, selection) are rule cases:
tests/rules/cases/GOV003.yaml, GOV004.yaml and EST005.yaml.
"""

from __future__ import annotations

import datetime

import pytest
from conftest import run


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


def the(code: str, text: str, catalogue, **overrides):
    """The one finding of `code` in force."""
    [diagnostic] = [d for d in run(text, catalogue, **overrides).diagnostics if d.code == code]
    return diagnostic


def test_a_live_waiver_silences_its_finding_which_is_listed_as_waived(catalogue):
    result = run(waived(), catalogue)
    assert [d.code for d in result.diagnostics if d.code in ("ACC004", "GOV003", "GOV004", "EST005")] == []
    assert [(d.code, d.entity, d.line, d.column) for d in result.waived] == [("ACC004", "crm", 6, 29)]


def test_an_expired_waiver_names_both_dates(catalogue):
    gov003 = the("GOV003", waived("2026-11-22"), catalogue, today=datetime.date(2027, 1, 1))
    assert gov003.message == (
        "the waiver of ACC004 on 'crm' expired on 22 November 2026 (today is 1 January 2027): "
        "the finding it excused is back"
    )
    assert gov003.severity == "error"


def test_an_unused_waiver_says_to_remove_it(catalogue):
    gov004 = the("GOV004", waived(clients="[]"), catalogue)
    assert gov004.message == (
        "the waiver of ACC004 on 'crm' excuses nothing: ACC004 does not fire there, so remove the waiver"
    )
    assert gov004.severity == "warning"


@pytest.mark.parametrize(
    "rule, reason",
    [
        ("ACCC004", "no rule has this code (did you mean 'ACC004'?); `si-lint rules` lists them"),
        ("ZZZ001", "no rule has this code; `si-lint rules` lists them"),
        # a malformed code gets the hint too, never a regular expression
        ("acc4", "rule codes are written like ACC002 (did you mean 'ACC004'?)"),
        ("EST003", "EST findings are about reading the estate: fix them, they cannot be waived"),
        ("EST005", "EST findings are about reading the estate: fix them, they cannot be waived"),
        ("GOV003", "GOV003 is about waivers themselves: renew or remove the waiver instead"),
        ("GOV004", "GOV004 is about waivers themselves: renew or remove the waiver instead"),
    ],
)
def test_a_waiver_for_an_unknown_or_unwaivable_rule_says_why(catalogue, rule, reason):
    est005 = the("EST005", waived(rule=rule), catalogue)
    assert est005.message == f"the waiver names '{rule}': {reason}"


def test_unknown_rule_speaks_french(catalogue):
    est005 = the("EST005", waived(rule="ZZZ001"), catalogue, lang="fr")
    assert est005.message == (
        "la dérogation cite « ZZZ001 » : aucune règle n'a ce code ; `si-lint rules` donne la liste des règles"
    )


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
    waiver = "    waivers: [{rule: CLD006, reason: exit from c planned for 2027, expires: 2027-06-30}]\n"
    text = THREE_IAAS.rstrip(" ") + waiver
    result = run(text, catalogue, select=("CLD006", "GOV"))
    assert [(d.code, d.entity) for d in result.diagnostics] == []
    assert [(d.code, d.entity, d.line) for d in result.waived] == [("CLD006", None, 7)]


def test_an_unused_top_level_waiver_is_gov004_at_its_place(catalogue):
    text = (
        THREE_IAAS.replace("      c:\n        type: public-cloud\n        offers: [iaas]\n", "")
        .replace("      z: {type: security, provider: c}\n", "")
        .rstrip(" ")
    )
    text += "    waivers:\n      - {rule: CLD006, reason: exit from c planned, expires: 2027-06-30}\n"
    [gov004] = run(text, catalogue, select=("CLD006", "GOV")).diagnostics
    assert (gov004.code, gov004.entity, gov004.line, gov004.column) == ("GOV004", None, 9, 6)
    assert gov004.message == (
        "the waiver of CLD006 on the estate excuses nothing: CLD006 does not fire there, so remove the waiver"
    )


@pytest.mark.parametrize(
    "lang, message",
    [
        ("en", "providers.c.waivers[0].rule: CLD006 is an estate-wide rule: waive it in the top-level `waivers` list"),
        (
            "fr",
            "providers.c.waivers[0].rule : CLD006 porte sur tout le patrimoine : y déroger dans la liste "
            "`waivers` de premier niveau",
        ),
    ],
)
def test_an_estate_wide_rule_waived_on_an_entity_is_est003_saying_where_it_belongs(catalogue, lang, message):
    text = THREE_IAAS.replace(
        "        offers: [iaas]\n    infra",
        "        offers: [iaas]\n        waivers: [{rule: CLD006, reason: planned, expires: 2027-06-30}]\n    infra",
    )
    assert "waivers" in text
    result = run(text, catalogue, select=("CLD006", "GOV"), lang=lang)
    assert [(d.code, d.entity, d.line, d.column) for d in result.diagnostics] == [
        ("CLD006", None, 7, 5),
        ("EST003", "c", 8, 16),
    ]
    assert result.diagnostics[1].message == message
    # the misplaced waiver excuses nothing: the finding stays in force
    assert result.waived == []


def test_an_entity_rule_waived_at_the_top_level_is_est003(catalogue):
    text = "version: 1\nwaivers:\n  - {rule: ACC001, reason: planned, expires: 2027-06-30}\n"
    [est003] = run(text, catalogue).diagnostics
    assert (est003.code, est003.line, est003.column) == ("EST003", 3, 6)
    assert est003.message == (
        "waivers[0].rule: ACC001 concerns an entity: waive it in the `waivers` of the entity it fires on"
    )


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


@pytest.mark.parametrize(
    "fires, message",
    [
        (
            True,
            "the waiver of ACC004 on 'crm' expired on 1 January 2020 (today is 23 November 2026): "
            "the finding it excused is back",
        ),
        (False, "the waiver of ACC004 on 'crm' expired on 1 January 2020 (today is 23 November 2026)"),
    ],
)
def test_gov003_says_a_finding_is_back_only_when_its_rule_fires_again(catalogue, fires, message):
    gov003 = the("GOV003", waived("2020-01-01", clients="[agent]" if fires else "[]"), catalogue)
    assert gov003.message == message


def test_a_live_waiver_silences_only_its_rule_on_its_entity(catalogue):
    text = """\
    version: 1
    applications:
      cad:
        access: {browser: false, devices: [windows], installed_clients: [cad-client]}
        waivers:
          - {rule: ACC002, reason: Workstations until the 2027 refresh, expires: 2027-06-30}
      other:
        access: {browser: true, devices: [windows]}
    """
    result = run(text, catalogue, select=("ACC002", "GOV003", "GOV004"))
    assert [(d.code, d.entity) for d in result.diagnostics] == [("ACC002", "other")]
    assert [(d.code, d.entity, d.line, d.column) for d in result.waived] == [("ACC002", "cad", 4, 30)]
