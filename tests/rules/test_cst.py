"""CST001 (rules 1.1): the office budget per user per month, software and access devices together, within 10 EUR."""

from __future__ import annotations

import pytest

from conftest import findings, run
from si_lint.rules.settings import DEFAULT_OPTIONS

DEVICES_4 = "infrastructure:\n  laptops: {type: access-devices, cost: {per_user_month: 4}}\n"

CST001_CASES = {
    # 8 + 6 + 4 = 18 > 10: one finding for the estate, at the `organization` key
    "above the ceiling: at the organization key": ("""\
        version: 1
        organization: Acme
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 4}}
        applications:
          crm: {usage: business, category: sales, cost: {per_user_month: 60}}
          office-suite: {usage: support, category: office, cost: {per_user_month: 8}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 6}}
        """, [("CST001", None, 2, 1)]),
    # no organization: the first file's `version` key
    "no organization: at the version key": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 8}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 6}}
        """, [("CST001", None, 1, 1)]),
    # 4.6 + 1.5 + 3.9 = 10 (9.999... or 10.000...1 in floats): at the ceiling is not above it
    "exactly at the ceiling": ("""\
        version: 1
        infrastructure:
          phones: {type: access-devices, cost: {per_user_month: 3.9}}
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 4.6}}
          intranet: {usage: support, category: intranet, cost: {per_user_month: 1.5}}
        """, []),
    "non-content applications are not counted": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 3}}
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
          erp: {usage: business, cost: {per_user_month: 120}}
        """, []),
    # no device states a cost: the default 5.5 is added, 6 + 5.5 = 11.5 > 10
    "the device cost defaults to device_cost_default": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
        """, [("CST001", None, 1, 1)]),
    # 6 EUR + 4 EUR devices = 10, and the 9 USD chat is listed, never added
    "another currency is not counted": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 4}}
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 9, currency: USD}}
        """, []),
    # a category in any case is a content category
    "categories in any case": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 4}}
        applications:
          office-suite: {usage: support, category: Office, cost: {per_user_month: 8}}
        """, [("CST001", None, 1, 1)]),
    "content applications with no cost": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office}
          chat: {usage: support, category: messaging}
        """, []),
}


@pytest.mark.parametrize("text, expected", CST001_CASES.values(), ids=CST001_CASES.keys())
def test_office_cost(catalogue, text, expected):
    assert findings(text, catalogue, "CST001") == expected


def messages(text, catalogue, lang="en", **overrides):
    result = run(text, catalogue, select=("CST001",), lang=lang, **overrides)
    return [(d.message, d.unstated) for d in result.diagnostics]


def test_the_message_gives_the_breakdown_in_both_languages(catalogue):
    text = CST001_CASES["above the ceiling: at the organization key"][0]
    assert messages(text, catalogue) == [(
        "the office budget is 18 EUR per user per month, above the ceiling of 10 EUR (option office_cost_ceiling): "
        "software office-suite 8 EUR, chat 6 EUR; access devices laptops 4 EUR", False)]
    assert messages(text, catalogue, lang="fr") == [(
        "le budget de la bureautique atteint 18 € par utilisateur et par mois, au-delà du plafond de 10 € "
        "(option office_cost_ceiling) : logiciels office-suite 8 €, chat 6 € ; objets d'accès laptops 4 €", False)]


def test_costs_in_another_currency_are_listed_as_not_counted(catalogue):
    text = """\
        version: 1
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 4}}
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 7.5}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 12, currency: USD}}
        """
    assert messages(text, catalogue, lang="fr") == [(
        "le budget de la bureautique atteint 11,50 € par utilisateur et par mois, au-delà du plafond de 10 € "
        "(option office_cost_ceiling) : logiciels office-suite 7,50 € ; objets d'accès laptops 4 € ; non comptés, "
        "dans une autre devise : chat 12 USD", False)]


def test_one_finding_at_most_whatever_the_currencies(catalogue):
    text = """\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 11}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 12, currency: USD}}
        """
    assert [code for code, *_ in findings(text, catalogue, "CST001")] == ["CST001"]


def test_the_default_device_cost_is_said_and_makes_the_finding_unstated(catalogue):
    # 6 + 5.5: only the assumed device cost takes the budget above 10
    text = CST001_CASES["the device cost defaults to device_cost_default"][0]
    [(message, unstated)] = messages(text, catalogue)
    assert unstated
    assert message == (
        "the office budget is 11.50 EUR per user per month, above the ceiling of 10 EUR (option office_cost_ceiling), "
        "only because cost.per_user_month is not stated for access devices: software office-suite 6 EUR; access "
        "devices 5.50 EUR by default (option device_cost_default: no access-devices component states a cost)")
    # 11 of software alone is above the ceiling whatever the devices cost: stated, not unstated
    [(_, unstated)] = messages(text.replace("per_user_month: 6}", "per_user_month: 11}"), catalogue)
    assert not unstated


def test_office_cost_follows_the_options(catalogue):
    text = CST001_CASES["above the ceiling: at the organization key"][0]
    assert findings(text, catalogue, "CST001", options=dict(DEFAULT_OPTIONS, office_cost_ceiling=20)) == []
    # with only messaging as content: 6 + 4 = 10, at the ceiling
    assert findings(text, catalogue, "CST001", options=dict(DEFAULT_OPTIONS, content_categories=["messaging"])) == []
    # the currency option: the EUR costs are then the ones not counted
    assert messages(text.replace("}}\n", ", currency: USD}}\n"), catalogue,
                    options=dict(DEFAULT_OPTIONS, currency="USD"))[0][0].startswith(
        "the office budget is 18 USD per user per month, above the ceiling of 10 USD")
    text = CST001_CASES["the device cost defaults to device_cost_default"][0]
    assert findings(text, catalogue, "CST001", options=dict(DEFAULT_OPTIONS, device_cost_default=4)) == []
