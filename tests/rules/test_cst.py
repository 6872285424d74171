"""CST001: office, messaging and collaboration tools together within about 10 EUR per user per month."""

from __future__ import annotations

import pytest

from conftest import findings, run
from si_lint.settings import DEFAULT_OPTIONS

CST001_CASES = {
    # 8 + 6 = 14 > 10: one finding for the estate, at the first content application's cost
    "above the ceiling: the first contributor's per_user_month": ("""\
        version: 1
        applications:
          crm: {usage: business, category: sales, cost: {per_user_month: 60}}
          office-suite:
            usage: support
            category: office
            cost: {per_user_month: 8}
          chat: {usage: support, category: messaging, cost: {per_user_month: 6}}
        """, [("CST001", None, 7, 12)]),
    # 6.1 + 3.9 = 10 (9.999... or 10.000...1 in floats): at the ceiling is not above it
    "exactly at the ceiling": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6.1}}
          intranet: {usage: support, category: intranet, cost: {per_user_month: 3.9}}
        """, []),
    "non-content applications are not counted": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
          erp: {usage: business, cost: {per_user_month: 120}}
        """, []),
    # EUR is the default currency: 6 + 5 = 11 EUR
    "the default currency is EUR": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 5, currency: EUR}}
        """, [("CST001", None, 3, 59)]),
    # 6 EUR and 6 USD are not added up
    "different currencies are not summed": ("""\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 6}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 6, currency: USD}}
        """, []),
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


def test_office_cost_message_gives_the_total_and_its_parts(catalogue):
    result = run(CST001_CASES["above the ceiling: the first contributor's per_user_month"][0], catalogue,
                 select=("CST001",))
    assert [d.message for d in result.diagnostics] == [
        "content applications cost 14 EUR per user per month together (office-suite 8, chat 6), "
        "above the ceiling of 10 (option office_cost_ceiling)"]


def test_office_cost_per_currency(catalogue):
    text = """\
        version: 1
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 7.5, currency: USD}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 4.5, currency: USD}}
        """
    result = run(text, catalogue, select=("CST001",))
    assert [d.message for d in result.diagnostics] == [
        "content applications cost 12 USD per user per month together (office-suite 7.5, chat 4.5), "
        "above the ceiling of 10 (option office_cost_ceiling)"]


def test_office_cost_follows_the_options(catalogue):
    text = CST001_CASES["above the ceiling: the first contributor's per_user_month"][0]
    assert findings(text, catalogue, "CST001", options=dict(DEFAULT_OPTIONS, office_cost_ceiling=15)) == []
    # with only messaging as content, 6 is within the ceiling; with sales too, 66 is not, and the
    # finding moves to crm, now the first contributor
    assert findings(text, catalogue, "CST001", options=dict(DEFAULT_OPTIONS, content_categories=["messaging"])) == []
    assert findings(text, catalogue, "CST001",
                    options=dict(DEFAULT_OPTIONS, content_categories=["sales", "messaging"])) == [
        ("CST001", None, 3, 50)]
