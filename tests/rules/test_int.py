"""INT001-INT002: exchanges go through an integration platform, never through a shared database."""

from __future__ import annotations

import pytest

from conftest import findings, run

APPS = """\
version: 1
infrastructure:
  api-hub: {type: integration-platform}
applications:
  crm: {usage: business}
  billing: {usage: business}
integrations:
"""

# --- INT001 integration-platform --------------------------------------------------------

INT001_CASES = {
    "point-to-point: the via key": (APPS + "  - {from: crm, to: billing, via: point-to-point}\n",
                                    [("INT001", "crm->billing", 8, 30)]),
    "file transfer, block style": (APPS + "  - from: billing\n    to: crm\n    via: file-transfer\n",
                                   [("INT001", "billing->crm", 10, 5)]),
    "through the platform": (APPS + "  - {from: crm, to: billing, via: api-hub}\n", []),
    "a shared database is INT002's business": (APPS + "  - {from: crm, to: billing, via: shared-database}\n", []),
}


@pytest.mark.parametrize("text, expected", INT001_CASES.values(), ids=INT001_CASES.keys())
def test_integration_platform(catalogue, text, expected):
    assert findings(text, catalogue, "INT001") == expected


def test_integration_platform_message_names_the_flow_and_its_kind(catalogue):
    result = run(INT001_CASES["point-to-point: the via key"][0], catalogue, select=("INT001",))
    assert result.diagnostics[0].message == (
        "'crm->billing' goes through no integration platform (via: point-to-point): route it through one")


# --- INT002 no-shared-database --------------------------------------------------------------

STORES = """\
version: 1
data_stores:
  orders-db: {kind: operational, application: orders}
  stock-db: {kind: operational, application: stock}
  lake: {kind: lake}
applications:
  orders: {usage: business, data: [orders-db]}
  stock: {usage: business, data: [stock-db]}
"""

INT002_CASES = {
    "a flow via a shared database: the via key": (
        APPS + "  - {from: crm, to: billing, via: shared-database}\n", [("INT002", "crm->billing", 8, 30)]),
    "reading another application's stores: the first foreign item, once": (STORES + """\
  reporting:
    usage: support
    data: [lake, stock-db, orders-db, stock-db]
""", [("INT002", "reporting", 11, 18)]),
    "each application on its own store, others through the lake": (
        STORES + "  reporting: {usage: support, data: [lake]}\n", []),
}


@pytest.mark.parametrize("text, expected", INT002_CASES.values(), ids=INT002_CASES.keys())
def test_no_shared_database(catalogue, text, expected):
    assert findings(text, catalogue, "INT002") == expected


@pytest.mark.parametrize("case, lang, message", [
    ("a flow via a shared database: the via key", "en",
     "'crm->billing' couples applications through a shared database: give each application its own store and "
     "exchange the data through an integration platform"),
    ("reading another application's stores: the first foreign item, once", "en",
     "'reporting' couples applications through a shared database "
     "(stores of other applications: stock-db (stock), orders-db (orders)): give each application its own store "
     "and exchange the data through an integration platform"),
    ("reading another application's stores: the first foreign item, once", "fr",
     "« reporting » passe par une base de données partagée entre applications "
     "(stockages de données d'autres applications : stock-db (stock), orders-db (orders)) : donner à chaque "
     "application son propre stockage de données et échanger les données par une plateforme d'intégration"),
])
def test_no_shared_database_message(catalogue, case, lang, message):
    result = run(INT002_CASES[case][0], catalogue, select=("INT002",), lang=lang)
    assert [d.message for d in result.diagnostics] == [message]
