"""CLD001-CLD006: public cloud, true multitenant SaaS, no updates to manage, SaaS for S, serverless for B, two IaaS."""

from __future__ import annotations

import pytest

from conftest import findings, run

# --- CLD001 public-cloud ---------------------------------------------------------------

CLD001_CASES = {
    "application delivered on-premise: the delivery key": ("""\
        version: 1
        applications:
          erp:
            usage: business
            delivery: on-premise
        """, [("CLD001", "erp", 5, 5)]),
    "application on the desktop": ("""\
        version: 1
        applications:
          office:
            delivery: desktop
        """, [("CLD001", "office", 4, 5)]),
    "application hosted by a colocation provider: the provider key": ("""\
        version: 1
        providers:
          colo: {type: colocation}
        applications:
          erp:
            delivery: iaas
            provider: colo
        """, [("CLD001", "erp", 7, 5)]),
    "data store in a private cloud": ("""\
        version: 1
        providers:
          vmware: {type: private-cloud}
        data_stores:
          erp-db:
            kind: operational
            provider: vmware
        """, [("CLD001", "erp-db", 7, 5)]),
    "infrastructure on-premise": ("""\
        version: 1
        providers:
          basement: {type: on-premise}
        infrastructure:
          lan:
            type: network
            provider: basement
        """, [("CLD001", "lan", 7, 5)]),
    "both at once: one finding, at the delivery": ("""\
        version: 1
        providers:
          basement: {type: on-premise}
        applications:
          erp:
            provider: basement
            delivery: on-premise
        """, [("CLD001", "erp", 7, 5)]),
    "public cloud and SaaS vendors": ("""\
        version: 1
        providers:
          gcp: {type: public-cloud}
          vendor: {type: saas-vendor}
        infrastructure:
          net: {type: network, provider: gcp}
        data_stores:
          db: {kind: operational, provider: gcp}
        applications:
          crm: {delivery: saas, provider: vendor}
          api: {delivery: serverless, provider: gcp}
          vm: {delivery: iaas, provider: gcp}
        """, []),
    "no provider and no delivery: nothing to say": ("""\
        version: 1
        infrastructure:
          net: {type: network}
        applications:
          crm: {usage: business}
        """, []),
    "an undefined provider is EST004's business": ("""\
        version: 1
        applications:
          crm: {delivery: saas, provider: nowhere}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD001_CASES.values(), ids=CLD001_CASES.keys())
def test_public_cloud(catalogue, text, expected):
    assert findings(text, catalogue, "CLD001") == expected


@pytest.mark.parametrize("case, message", [
    ("application delivered on-premise: the delivery key", "'erp' does not run in a public cloud (delivery: on-premise)"),
    ("data store in a private cloud", "'erp-db' does not run in a public cloud (provider: vmware, private-cloud)"),
])
def test_public_cloud_message_says_why(catalogue, case, message):
    [diagnostic] = run(CLD001_CASES[case][0], catalogue, select=("CLD001",)).diagnostics
    assert diagnostic.message == message


# --- CLD002 multitenant-saas -------------------------------------------------------------

CLD002_CASES = {
    "single-tenant SaaS: the tenancy key": ("""\
        version: 1
        applications:
          hr:
            delivery: saas
            tenancy: single
        """, [("CLD002", "hr", 5, 5)]),
    "SaaS with tenancy not stated: the entity key": ("""\
        version: 1
        applications:
          hr:
            delivery: saas
        """, [("CLD002", "hr", 3, 3)]),
    "multitenant SaaS": ("""\
        version: 1
        applications:
          hr: {delivery: saas, tenancy: multi}
        """, []),
    "not SaaS: tenancy does not matter": ("""\
        version: 1
        applications:
          hr: {delivery: paas, tenancy: single}
        """, []),
    "delivery not stated": ("""\
        version: 1
        applications:
          hr: {tenancy: single}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD002_CASES.values(), ids=CLD002_CASES.keys())
def test_multitenant_saas(catalogue, text, expected):
    assert findings(text, catalogue, "CLD002") == expected


# --- CLD003 vendor-managed-updates -------------------------------------------------------

CLD003_CASES = {
    "customer updates: the updates key": ("""\
        version: 1
        applications:
          office:
            delivery: saas
            updates: customer
        """, [("CLD003", "office", 5, 5)]),
    "vendor updates": ("""\
        version: 1
        applications:
          office: {updates: vendor}
        """, []),
    "not stated": ("""\
        version: 1
        applications:
          office: {delivery: desktop}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD003_CASES.values(), ids=CLD003_CASES.keys())
def test_vendor_managed_updates(catalogue, text, expected):
    assert findings(text, catalogue, "CLD003") == expected


# --- CLD004 support-is-saas ---------------------------------------------------------------

CLD004_CASES = {
    "support on IaaS: the delivery key": ("""\
        version: 1
        applications:
          expenses:
            usage: support
            delivery: iaas
        """, [("CLD004", "expenses", 5, 5)]),
    "support with delivery not stated: the entity key": ("""\
        version: 1
        applications:
          expenses:
            usage: support
        """, [("CLD004", "expenses", 3, 3)]),
    "support as SaaS": ("""\
        version: 1
        applications:
          expenses: {usage: support, delivery: saas}
        """, []),
    "business on IaaS is not CLD004's business": ("""\
        version: 1
        applications:
          pricing: {usage: business, delivery: iaas}
        """, []),
    "usage not stated (GOV001 says so)": ("""\
        version: 1
        applications:
          expenses: {delivery: iaas}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD004_CASES.values(), ids=CLD004_CASES.keys())
def test_support_is_saas(catalogue, text, expected):
    assert findings(text, catalogue, "CLD004") == expected


# --- CLD005 serverless-first ---------------------------------------------------------------

CLD005_CASES = {
    "in-house on IaaS: the delivery key": ("""\
        version: 1
        applications:
          pricing:
            built: in-house
            delivery: iaas
        """, [("CLD005", "pricing", 5, 5)]),
    "in-house on-premise": ("""\
        version: 1
        applications:
          pricing: {built: in-house, delivery: on-premise}
        """, [("CLD005", "pricing", 3, 30)]),
    "in-house, delivery not stated: the entity key": ("""\
        version: 1
        applications:
          pricing:
            built: in-house
        """, [("CLD005", "pricing", 3, 3)]),
    "in-house serverless": ("""\
        version: 1
        applications:
          pricing: {built: in-house, delivery: serverless}
        """, []),
    "in-house on a PaaS": ("""\
        version: 1
        applications:
          pricing: {built: in-house, delivery: paas}
        """, []),
    "a vendor's product on IaaS": ("""\
        version: 1
        applications:
          pricing: {built: vendor, delivery: iaas}
        """, []),
    "who built it not stated": ("""\
        version: 1
        applications:
          pricing: {delivery: iaas}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD005_CASES.values(), ids=CLD005_CASES.keys())
def test_serverless_first(catalogue, text, expected):
    assert findings(text, catalogue, "CLD005") == expected


# --- CLD006 iaas-providers ------------------------------------------------------------------

THREE_LEADERS = """\
    version: 1
    providers:
      aws: {type: public-cloud, offers: [iaas]}
      gcp: {type: public-cloud, offers: [iaas, paas]}
      azure:
        type: public-cloud
        offers: [iaas]
    infrastructure:
      vpc: {type: network, provider: aws}
    data_stores:
      lake: {kind: lake, provider: gcp}
    applications:
      crm: {delivery: iaas, provider: azure}
    """

CLD006_CASES = {
    "three IaaS providers in use: at the offers of the third": (THREE_LEADERS, [("CLD006", None, 7, 5)]),
    "a third IaaS provider that no entity names does not count": ("""\
        version: 1
        providers:
          aws: {type: public-cloud, offers: [iaas]}
          gcp: {type: public-cloud, offers: [iaas]}
          azure: {type: public-cloud, offers: [iaas]}
        infrastructure:
          vpc: {type: network, provider: aws}
          vpc2: {type: network, provider: gcp}
        """, []),
    "a provider named but not offering IaaS does not count": ("""\
        version: 1
        providers:
          aws: {type: public-cloud, offers: [iaas]}
          gcp: {type: public-cloud, offers: [iaas]}
          vendor: {type: saas-vendor, offers: [saas]}
        infrastructure:
          vpc: {type: network, provider: aws}
          vpc2: {type: network, provider: gcp}
        applications:
          crm: {delivery: saas, provider: vendor}
        """, []),
    "one IaaS provider that is not a public cloud: at its type": ("""\
        version: 1
        providers:
          aws: {type: public-cloud, offers: [iaas]}
          dc:
            offers: [iaas]
            type: private-cloud
        infrastructure:
          vpc: {type: network, provider: aws}
          vms: {type: server, provider: dc}
        """, [("CLD006", None, 6, 5)]),
    "an on-premise IaaS alone is enough to fire: at its type": ("""\
        version: 1
        providers:
          basement: {type: on-premise, offers: [iaas]}
        infrastructure:
          vms: {type: server, provider: basement}
        """, [("CLD006", None, 3, 14)]),
    "no IaaS at all": ("""\
        version: 1
        providers:
          vendor: {type: saas-vendor, offers: [saas]}
        applications:
          crm: {delivery: saas, provider: vendor}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD006_CASES.values(), ids=CLD006_CASES.keys())
def test_iaas_providers(catalogue, text, expected):
    assert findings(text, catalogue, "CLD006") == expected


@pytest.mark.parametrize("limit, expected", [
    (3, []),
    (2, [("CLD006", None, 7, 5)]),
    (1, [("CLD006", None, 4, 29)]),  # the second one, gcp, is the first beyond the limit
    (0, [("CLD006", None, 3, 29)]),
])
def test_iaas_providers_follows_the_max_option(catalogue, limit, expected):
    assert findings(THREE_LEADERS, catalogue, "CLD006", options={"max_iaas_providers": limit}) == expected


def test_iaas_providers_message_lists_them(catalogue):
    [diagnostic] = run(THREE_LEADERS, catalogue, select=("CLD006",)).diagnostics
    assert diagnostic.message == ("IaaS is bought from 3 providers: aws, gcp, azure "
                                  "(at most 2, all public clouds)")
    [diagnostic] = run(CLD006_CASES["an on-premise IaaS alone is enough to fire: at its type"][0], catalogue,
                       select=("CLD006",), lang="fr").diagnostics
    assert diagnostic.message == ("l'IaaS est acheté auprès de 1 fournisseur : basement "
                                  "(au plus 2, tous en cloud public ; hors cloud public : basement (sur site))")


def test_iaas_providers_is_one_finding_for_the_estate(catalogue):
    text = """\
    version: 1
    providers:
      a: {type: on-premise, offers: [iaas]}
      b: {type: colocation, offers: [iaas]}
      c: {type: public-cloud, offers: [iaas]}
    infrastructure:
      x: {type: server, provider: a}
      y: {type: server, provider: b}
      z: {type: server, provider: c}
    """
    [diagnostic] = run(text, catalogue, select=("CLD006",)).diagnostics
    assert (diagnostic.entity, diagnostic.section, diagnostic.line, diagnostic.column) == (None, None, 3, 7)
    assert diagnostic.message.endswith("not public: a (on-premise), b (colocation))")
