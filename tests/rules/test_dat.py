"""DAT001-DAT003: data independent of applications, a space for every kind, keys the company owns."""

from __future__ import annotations

import pytest

from conftest import findings, run

# --- DAT001 data-independence ------------------------------------------------------

DAT001_CASES = {
    "owned store exported nowhere: the store's key": ("""\
        version: 1
        applications:
          orders: {usage: business}
        data_stores:
          orders-db: {kind: operational, application: orders}
        """, [("DAT001", "orders-db", 5, 3)]),
    "exported to a lake that itself belongs to an application: the exported_to key": ("""\
        version: 1
        applications:
          orders: {usage: business}
        data_stores:
          orders-db:
            kind: operational
            application: orders
            exported_to: [orders-lake]
          orders-lake: {kind: lake, application: orders}
        """, [("DAT001", "orders-db", 8, 5), ("DAT001", "orders-lake", 9, 3)]),
    "exported to an operational store: not a data space": ("""\
        version: 1
        applications:
          orders: {usage: business}
        data_stores:
          orders-db: {kind: operational, application: orders, exported_to: [copy-db]}
          copy-db: {kind: operational}
        """, [("DAT001", "orders-db", 5, 55)]),
    "exported to an independent warehouse": ("""\
        version: 1
        applications:
          orders: {usage: business}
        data_stores:
          orders-db: {kind: operational, application: orders, exported_to: [copy-db, dwh]}
          copy-db: {kind: operational}
          dwh: {kind: warehouse}
        """, []),
    "a store that belongs to no application": ("""\
        version: 1
        data_stores:
          shared-files: {kind: documents}
        """, []),
}


@pytest.mark.parametrize("text, expected", DAT001_CASES.values(), ids=DAT001_CASES.keys())
def test_data_independence(catalogue, text, expected):
    assert findings(text, catalogue, "DAT001") == expected


def test_data_independence_message_names_the_application(catalogue):
    result = run(DAT001_CASES["owned store exported nowhere: the store's key"][0], catalogue, select=("DAT001",))
    assert "'orders-db' keeps the data of application 'orders'" in result.diagnostics[0].message


# --- DAT002 data-spaces --------------------------------------------------------------

DAT002_CASES = {
    "documents with no space: anchored at the first store holding them": ("""\
        version: 1
        data_stores:
          lake: {kind: lake}
          contracts: {kind: documents}
          manuals: {kind: documents}
        """, [("DAT002", None, 4, 3)]),
    "one finding per kind, at the store's data list": ("""\
        version: 1
        data_stores:
          lake: {kind: lake}
          site-survey:
            kind: operational
            data: [media, geographic]
        """, [("DAT002", None, 6, 5), ("DAT002", None, 6, 5)]),
    "a warehouse that belongs to an application is no data space": ("""\
        version: 1
        applications:
          bi: {usage: support}
        data_stores:
          bi-dwh: {kind: warehouse, application: bi}
        """, [("DAT002", None, 5, 3)]),
    "an independent lake covers the kinds it lists": ("""\
        version: 1
        data_stores:
          contracts: {kind: documents}
          orders-db: {kind: operational}
          lake: {kind: lake, data: [structured, documents]}
        """, []),
    "a lake holds structured data by default, and covers itself": ("""\
        version: 1
        data_stores:
          lake: {kind: lake}
        """, []),
    "no store, nothing to say": ("""\
        version: 1
        applications:
          crm: {usage: business}
        """, []),
}


@pytest.mark.parametrize("text, expected", DAT002_CASES.values(), ids=DAT002_CASES.keys())
def test_data_spaces(catalogue, text, expected):
    assert findings(text, catalogue, "DAT002") == expected


def test_data_spaces_names_each_kind_and_its_stores(catalogue):
    result = run(DAT002_CASES["one finding per kind, at the store's data list"][0], catalogue, select=("DAT002",))
    assert [d.message for d in result.diagnostics] == [
        "no independent data space holds media data, which is kept in: site-survey",
        "no independent data space holds geographic data, which is kept in: site-survey",
    ]
    result = run(DAT002_CASES["documents with no space: anchored at the first store holding them"][0], catalogue,
                 select=("DAT002",))
    assert result.diagnostics[0].message.endswith("kept in: contracts, manuals")


# --- DAT003 customer-managed-keys -----------------------------------------------------

DAT003_CASES = {
    "confidential in a public cloud, no encryption at all: the store's key": ("""\
        version: 1
        providers:
          gcp: {type: public-cloud}
        data_stores:
          hr-db: {kind: operational, provider: gcp, classification: confidential}
        """, [("DAT003", "hr-db", 5, 3)]),
    "secret with customer_managed_keys false: that key": ("""\
        version: 1
        providers:
          gcp: {type: public-cloud}
        data_stores:
          hr-db:
            kind: operational
            provider: gcp
            classification: secret
            encryption: {at_rest: true, customer_managed_keys: false}
        """, [("DAT003", "hr-db", 9, 33)]),
    "customer-managed keys": ("""\
        version: 1
        providers:
          gcp: {type: public-cloud}
        data_stores:
          hr-db:
            kind: operational
            provider: gcp
            classification: secret
            encryption: {customer_managed_keys: true}
        """, []),
    "internal data needs no own key": ("""\
        version: 1
        providers:
          gcp: {type: public-cloud}
        data_stores:
          wiki-db: {kind: operational, provider: gcp, classification: internal}
        """, []),
    "not in a public cloud (CLD001's business)": ("""\
        version: 1
        providers:
          dc: {type: on-premise}
        data_stores:
          hr-db: {kind: operational, provider: dc, classification: confidential}
          payroll-db: {kind: operational, classification: secret}
        """, []),
}


@pytest.mark.parametrize("text, expected", DAT003_CASES.values(), ids=DAT003_CASES.keys())
def test_customer_managed_keys(catalogue, text, expected):
    assert findings(text, catalogue, "DAT003") == expected
