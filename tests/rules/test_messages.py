"""The words of each rule's findings, in both languages: what a finding says, beyond where it is (test_cases.py).

The estates are the rule cases' (tests/rules/cases/CODE.yaml) where one says it; AVL002's and AVL003's words are in
test_availability.py, the waivers' in test_waivers.py.
"""

from __future__ import annotations

import datetime
import re

import pytest
from conftest import findings, run
from rule_cases import estate

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def messages(text: str, code: str, catalogue, **overrides) -> list:
    return [d.message for d in run(text, catalogue, select=(code,), **overrides).diagnostics]


# --- ACC ---------------------------------------------------------------------------------------


def test_chromebook_message_shows_the_devices_in_both_languages(catalogue):
    text = estate("ACC002", "devices-without-chromebook-the-devices-key")
    assert messages(text, "ACC002", catalogue) == [
        "'crm' cannot be used from a Chromebook (access.devices: windows, macos)"
    ]
    assert messages(text, "ACC002", catalogue, lang="fr") == [
        "« crm » ne s'utilise pas depuis un Chromebook (access.devices : windows, macos)"
    ]


def test_an_empty_device_list_reads_as_such(catalogue):
    assert messages(estate("ACC002", "devices-empty-no-device-at-all"), "ACC002", catalogue) == [
        "'crm' cannot be used from a Chromebook (access.devices: [])"
    ]


def test_any_device_lists_the_missing_families_in_option_order(catalogue):
    text = estate("ACC003", "missing-families-the-devices-key")
    assert messages(text, "ACC003", catalogue) == ["'crm' cannot be used from: macos, android, ios"]
    text = estate("ACC003", "installed-client-without-devices-all-missing-at-the-entity-key")
    [diagnostic] = run(text, catalogue, select=("ACC003",)).diagnostics
    # no devices stated and an installed client: it is unstated, and the message says why none is counted
    assert diagnostic.unstated
    assert diagnostic.message == (
        "'crm': access.devices is not stated, and an installed client (agent) cancels the "
        "browser default, so no family is counted: list the families it is used from in "
        "access.devices"
    )


def test_no_installed_client_names_the_clients(catalogue):
    text = """\
    version: 1
    applications:
      mail: {access: {browser: true, installed_clients: [outlook, teams]}}
    """
    assert messages(text, "ACC004", catalogue) == ["'mail' needs software installed on users' devices: outlook, teams"]


# --- CLD ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case, message",
    [
        (
            "application-delivered-on-premise-the-delivery-key",
            "'erp' does not run in a public cloud (delivery: on-premise)",
        ),
        ("data-store-in-a-private-cloud", "'erp-db' does not run in a public cloud (provider: vmware, private-cloud)"),
    ],
)
def test_public_cloud_message_says_why(catalogue, case, message):
    assert messages(estate("CLD001", case), "CLD001", catalogue) == [message]


def test_iaas_providers_message_lists_them(catalogue):
    text = estate("CLD006", "three-iaas-providers-in-use-at-the-offers-of-the-third")
    assert messages(text, "CLD006", catalogue) == [
        "IaaS is bought from 3 providers: aws, gcp, azure (at most 2, all public clouds)"
    ]
    text = estate("CLD006", "an-on-premise-iaas-alone-is-enough-to-fire-at-its-type")
    assert messages(text, "CLD006", catalogue, lang="fr") == [
        "l'IaaS est acheté auprès de 1 fournisseur : basement "
        "(au plus 2, tous en cloud public ; hors cloud public : basement (sur site))"
    ]


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


# --- COL ---------------------------------------------------------------------------------------


def test_collaboration_messages_show_the_value(catalogue):
    text = """\
    version: 1
    applications:
      docs:
        category: office
        collaboration: {native: false, default_sharing: private}
    """
    found = {d.code: d.message for d in run(text, catalogue, select=("COL",)).diagnostics}
    assert found == {
        "COL001": "'docs' holds content but is not natively collaborative (collaboration.native: false)",
        "COL002": "'docs' makes new content private by default (collaboration.default_sharing: private)",
        "COL003": "'docs' holds content and collaboration.single_version is not stated (counted as several versions "
        "of one content)",
    }


def test_open_exchange_formats_names_the_proprietary_ones_as_written(catalogue):
    text = estate("COL004", "case-and-a-leading-dot-do-not-hide-a-format")
    assert messages(text, "COL004", catalogue) == ["'purchasing' exchanges documents in proprietary formats: .DOCX"]
    text = estate("COL004", "proprietary-formats-the-exchange-formats-key")
    assert messages(text, "COL004", catalogue, lang="fr") == [
        "« purchasing » échange des documents dans des formats propriétaires : xlsx, docx"
    ]


# --- CST ---------------------------------------------------------------------------------------


def test_the_office_budget_gives_the_breakdown_in_both_languages(catalogue):
    text = estate("CST001", "above-the-ceiling-at-the-organization-key")
    assert messages(text, "CST001", catalogue) == [
        "the office budget is 18 EUR per user per month, above the ceiling of 10 EUR (option office_cost_ceiling): "
        "software office-suite 8 EUR, chat 6 EUR; access devices laptops 4 EUR"
    ]
    assert messages(text, "CST001", catalogue, lang="fr") == [
        "le budget de la bureautique atteint 18 € par utilisateur et par mois, au-delà du plafond de 10 € "
        "(option office_cost_ceiling) : logiciels office-suite 8 €, chat 6 € ; objets d'accès laptops 4 €"
    ]
    assert not any(d.unstated for d in run(text, catalogue, select=("CST001",)).diagnostics)


def test_office_costs_in_another_currency_are_listed_as_not_counted(catalogue):
    text = """\
        version: 1
        infrastructure:
          laptops: {type: access-devices, cost: {per_user_month: 4}}
        applications:
          office-suite: {usage: support, category: office, cost: {per_user_month: 7.5}}
          chat: {usage: support, category: messaging, cost: {per_user_month: 12, currency: USD}}
        """
    assert messages(text, "CST001", catalogue, lang="fr") == [
        "le budget de la bureautique atteint 11,50 € par utilisateur et par mois, au-delà du plafond de 10 € "
        "(option office_cost_ceiling) : logiciels office-suite 7,50 € ; objets d'accès laptops 4 € ; non comptés, "
        "dans une autre devise : chat 12 USD"
    ]


def test_the_currency_option_makes_the_other_costs_the_ones_not_counted(catalogue):
    text = estate("CST001", "above-the-ceiling-at-the-organization-key").replace("}}\n", ", currency: USD}}\n")
    [message] = messages(text, "CST001", catalogue, options={"currency": "USD"})
    assert message.startswith("the office budget is 18 USD per user per month, above the ceiling of 10 USD")


def test_the_default_device_cost_is_said_and_makes_the_finding_unstated(catalogue):
    # 6 + 5.5: only the assumed device cost takes the budget above 10
    text = estate("CST001", "the-device-cost-defaults-to-device-cost-default")
    [diagnostic] = run(text, catalogue, select=("CST001",)).diagnostics
    assert diagnostic.unstated
    assert diagnostic.message == (
        "the office budget is 11.50 EUR per user per month, above the ceiling of 10 EUR "
        "(option office_cost_ceiling), only because cost.per_user_month is not stated for access devices: "
        "software office-suite 6 EUR; access devices 5.50 EUR by default (option device_cost_default: "
        "no access-devices component states a cost)"
    )
    # 11 of software alone is above the ceiling whatever the devices cost: stated, not unstated
    [diagnostic] = run(
        text.replace("per_user_month: 6}", "per_user_month: 11}"), catalogue, select=("CST001",)
    ).diagnostics
    assert not diagnostic.unstated


# --- DAT ---------------------------------------------------------------------------------------


def test_data_independence_message_names_the_application(catalogue):
    [message] = messages(estate("DAT001", "owned-store-exported-nowhere-the-stores-key"), "DAT001", catalogue)
    assert "'orders-db' keeps the data of application 'orders'" in message


def test_data_spaces_names_each_kind_and_its_stores(catalogue):
    assert messages(estate("DAT002", "one-finding-per-kind-at-the-stores-data-list"), "DAT002", catalogue) == [
        "no independent data space holds media data, which is kept in: site-survey",
        "no independent data space holds geographic data, which is kept in: site-survey",
    ]
    text = estate("DAT002", "documents-with-no-space-anchored-at-the-first-store-holding-them")
    assert messages(text, "DAT002", catalogue)[0].endswith("kept in: contracts, manuals")


# --- INT ---------------------------------------------------------------------------------------


def test_integration_platform_message_names_the_flow_and_its_kind(catalogue):
    assert messages(estate("INT001", "point-to-point-the-via-key"), "INT001", catalogue) == [
        "'crm->billing' goes through no integration platform (via: point-to-point): route it through one"
    ]


@pytest.mark.parametrize(
    "case, lang, message",
    [
        (
            "a-flow-via-a-shared-database-the-via-key",
            "en",
            "'crm->billing' couples applications through a shared database: give each application its own store and "
            "exchange the data through an integration platform",
        ),
        (
            "reading-another-applications-stores-the-first-foreign-item-once",
            "en",
            "'reporting' couples applications through a shared database "
            "(stores of other applications: stock-db (stock), orders-db (orders)): give each application its own store "
            "and exchange the data through an integration platform",
        ),
        (
            "reading-another-applications-stores-the-first-foreign-item-once",
            "fr",
            "« reporting » passe par une base de données partagée entre applications "
            "(stockages de données d'autres applications : stock-db (stock), orders-db (orders)) : donner à chaque "
            "application son propre stockage de données et échanger les données par une plateforme d'intégration",
        ),
    ],
)
def test_no_shared_database_message(catalogue, case, lang, message):
    assert messages(estate("INT002", case), "INT002", catalogue, lang=lang) == [message]


# --- preview rules (rules 1.1): ACC006 reachable-anywhere ------------------------------------------------------------


def test_reachable_anywhere_messages_in_both_languages(catalogue):
    text = estate("ACC006", "only-through-a-vpn-the-network-key")
    [en] = run(text, catalogue, select=("ACC006",)).diagnostics
    assert en.message.startswith("'intranet' is not reachable") and en.message.endswith("(access.network: vpn)")
    assert not en.unstated
    [fr] = run(text, catalogue, select=("ACC006",), lang="fr").diagnostics
    assert fr.message == "« intranet » n'est pas accessible depuis internet, où que l'on soit (access.network : vpn)"
    text = estate("ACC006", "not-stated-counts-as-not-reachable-the-entity-key")
    [en] = run(text, catalogue, select=("ACC006",)).diagnostics
    assert en.unstated
    assert en.message.startswith("'payroll': access.network is not stated (counted as not reachable")
    [fr] = run(text, catalogue, select=("ACC006",), lang="fr").diagnostics
    assert fr.message.startswith("« payroll » : access.network n'est pas indiqué (l'application est réputée ")


# --- ACC007 device-choice ------------------------------------------------------------------


def test_device_choice_messages_in_both_languages(catalogue):
    text = estate("ACC007", "windows-only-the-families-key-of-the-fleet")
    [en] = run(text, catalogue, select=("ACC007",)).diagnostics
    assert not en.unstated
    assert en.message.startswith("device families offered by the access devices (laptops): windows; 1 of the required")
    assert "at least 3 are needed (option min_device_families), chromebook among them" in en.message
    [fr] = run(text, catalogue, select=("ACC007",), lang="fr").diagnostics
    assert fr.message.startswith("familles offertes par les objets d'accès (laptops) : windows, soit 1 des familles")
    assert "il en faut au moins 3 (option min_device_families), dont chromebook" in fr.message
    empty = text.replace("[windows]", "[]")
    [en] = run(empty, catalogue, select=("ACC007",)).diagnostics
    assert en.message.startswith("device families offered by the access devices (laptops): none; 0 of the required")
    [fr] = run(empty, catalogue, select=("ACC007",), lang="fr").diagnostics
    assert fr.message.startswith("familles offertes par les objets d'accès (laptops) : aucune, soit 0 des familles")


def test_device_choice_unstated_families(catalogue):
    text = """\
    version: 1
    infrastructure:
      laptops: {type: access-devices}
      phones: {type: access-devices}
    """
    [en] = run(text, catalogue, select=("ACC007",)).diagnostics
    assert en.unstated and en.severity == "info"
    assert en.message == "the access devices (laptops, phones): families is not stated (counted as offering none)"
    [fr] = run(text, catalogue, select=("ACC007",), lang="fr").diagnostics
    assert fr.message.startswith(
        "les composants access-devices (laptops, phones) n'indiquent pas leurs familles "
        "(families) : ils sont réputés n'en offrir aucune"
    )
    # one fleet that states its families is a stated finding: what is offered is known
    stated = text.replace("phones: {type: access-devices}", "phones: {type: access-devices, families: [ios]}")
    [diagnostic] = run(stated, catalogue, select=("ACC007",)).diagnostics
    assert not diagnostic.unstated
    assert "(laptops, phones): ios; 1 of the required families" in diagnostic.message


# --- CLD007 supported-versions -------------------------------------------------------------


def test_supported_versions_messages_give_the_date_and_the_version(catalogue):
    text = estate("CLD007", "support-ended-the-end-of-support-key")
    [en] = run(text, catalogue, select=("CLD007",)).diagnostics
    assert (en.severity, en.unstated) == ("error", False)
    assert all(words in en.message for words in ("'mail'", "version 2013", "11 April 2023", "23 November 2026"))
    [fr] = run(text, catalogue, select=("CLD007",), lang="fr").diagnostics
    assert all(words in fr.message for words in ("« mail »", "version 2013", "11 avril 2023", "23 novembre 2026"))
    assert not ISO_DAY.search(en.message + fr.message)


def test_supported_versions_says_the_date_comes_from_the_product(catalogue):
    text = estate("CLD007", "the-products-date-for-the-stated-version-the-product-key")
    today = datetime.date(2025, 10, 15)
    [en] = run(text, catalogue, select=("CLD007",), today=today).diagnostics
    assert "14 October 2025" in en.message and en.message.endswith("; dates from product exchange-2016")
    [fr] = run(text, catalogue, select=("CLD007",), today=today, lang="fr").diagnostics
    assert "14 octobre 2025" in fr.message and fr.message.endswith(" ; dates selon le produit exchange-2016")
    # a stated date is the estate's own: the message names no product
    text = estate("CLD007", "a-stated-end-of-support-in-the-past-wins-too-its-own-key")
    [en] = run(text, catalogue, select=("CLD007",)).diagnostics
    assert "product" not in en.message


def test_supported_versions_message_reads_right_with_no_version_stated(catalogue):
    text = """\
    version: 1
    applications:
      mail:
        lifecycle: {end_of_support: 2023-04-11}
    """
    [en] = run(text, catalogue, select=("CLD007",)).diagnostics
    assert "'mail' is on an unstated version" in en.message
    [fr] = run(text, catalogue, select=("CLD007",), lang="fr").diagnostics
    assert "la version (non indiquée) de « mail »" in fr.message and "11 avril 2023" in fr.message


# --- COL006 office-tools-for-all -------------------------------------------------------------


def test_office_tools_for_all_messages_give_both_figures_and_the_share(catalogue):
    text = estate("COL006", "the-largest-users-below-the-workforce-the-workforce-key")
    [en] = run(text, catalogue, select=("COL006",)).diagnostics
    assert (en.message, en.severity, en.unstated) == (
        "office and messaging tools reach 2,500 people (suite), 16.7% of the workforce of 3,000 left out",
        "warning",
        False,
    )
    [fr] = run(text, catalogue, select=("COL006",), lang="fr").diagnostics
    assert fr.message == (
        "la bureautique et la messagerie touchent 2 500 personnes (suite) : 16,7 % des 3 000 "
        "collaborateurs restent à l'écart"
    )


def test_office_tools_for_all_unstated_users(catalogue):
    text = """\
    version: 1
    workforce: 3000
    applications:
      mail: {category: messaging}
      suite: {category: office}
    """
    [en] = run(text, catalogue, select=("COL006",)).diagnostics
    assert en.unstated
    assert en.message == (
        "the office and messaging tools (mail, suite): users is not stated (counted as reaching "
        "nobody of the workforce of 3,000)"
    )
    [fr] = run(text, catalogue, select=("COL006",), lang="fr").diagnostics
    assert fr.message.startswith(
        "la bureautique et la messagerie (mail, suite) n'indiquent pas leur nombre d'utilisateurs (users)"
    )
    assert "aucun des 3 000 collaborateurs" in fr.message


def test_office_tools_for_all_names_the_tools_it_does_not_count(catalogue):
    text = """\
    version: 1
    workforce: 3000
    applications:
      mail: {category: messaging, users: 3000}
      suite: {category: office}
    """
    assert findings(text, catalogue, "COL006", preview=True) == []  # one tool reaches everyone
    text = text.replace("users: 3000", "users: 1000")
    [en] = run(text, catalogue, select=("COL006",)).diagnostics
    assert not en.unstated
    assert en.message.endswith("; not counted, users not stated: suite")
    [fr] = run(text, catalogue, select=("COL006",), lang="fr").diagnostics
    assert fr.message.endswith(" ; non comptés, faute d'indiquer users : suite")
    [every] = run(
        text.replace("suite: {category: office}", "suite: {category: office, users: 10}"), catalogue, select=("COL006",)
    ).diagnostics
    assert "not counted" not in every.message


def test_office_tools_for_all_counts_only_content_applications(catalogue):
    text = """\
    version: 1
    workforce: 3000
    applications:
      mail: {category: messaging, users: 1000}
    """
    assert findings(text, catalogue, "COL006", preview=True) == [("COL006", None, 2, 1)]
    # messaging left out of content_categories: mail is no office tool, and none reaches anyone
    [outside] = run(text, catalogue, select=("COL006",), options={"content_categories": ["office"]}).diagnostics
    assert "1,000" not in outside.message and "mail" not in outside.message
