"""The catalogue made true (issue 20): every fact of every built-in entry is quoted from its vendor's page, no
entry gives a company's deployment choice, every browser-used SaaS entry states or lists as not documented each
fact the stable access and cloud rules read, and an estate naming the products gets no finding its vendor
contradicts. These checks run over whatever files are in products/, the ones others add too.
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, run
from si_lint.cli.main import main

PRODUCTS = REPO / "products"
FILES = sorted(PRODUCTS.glob("*.yaml"))
CONTENT = {"office", "documents", "messaging", "collaboration", "intranet"}  # rules.md's content_categories
# The facts the stable ACC and CLD rules read of a SaaS application used from a browser.
SAAS_FACTS = (
    "delivery",
    "tenancy",
    "updates",
    "built",
    "category",
    "access.browser",
    "access.devices",
    "access.network",
)
CONTENT_FACTS = ("collaboration.native", "collaboration.single_version")
# Facts that say how one company deploys a product, never what the product is (spec 1.2). installed_clients is
# a product fact only for what cannot be used without installing something.
INSTALL_DELIVERIES = {"on-premise", "desktop"}


def as_loaded(value):
    if isinstance(value, dict):
        return {key: as_loaded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_loaded(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


ENTRIES = {path.stem: as_loaded(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in FILES}


def stated(entry) -> list[str]:
    """Dotted names of the facts an entry gives, and `lifecycle.<version>` for each support date."""
    names = []
    for key, value in entry.get("facts", {}).items():
        names += [f"{key}.{sub}" for sub in value] if isinstance(value, dict) else [key]
    return names + [f"lifecycle.{version}" for version in entry.get("lifecycle", {}).get("versions", {})]


def unquoted(entry) -> list[str]:
    """The facts and dates no source quotes a sentence for (the exact dotted name, as the schema names it)."""
    quoted = {name for source in entry.get("sources", []) for name in source.get("quotes", {})}
    return [name for name in stated(entry) if name not in quoted]


def uncovered(entry) -> list[str]:
    """For a SaaS entry (SaaS stated, or its delivery not documented): the facts the stable rules read that it
    neither states nor lists in not_documented."""
    facts = entry.get("facts", {})
    listed = set(entry.get("not_documented", []))
    if facts.get("delivery") != "saas" and "delivery" not in listed:
        return []
    wanted = SAAS_FACTS + (CONTENT_FACTS if facts.get("category") in CONTENT else ())
    given = set(stated(entry))
    return [name for name in wanted if name not in given and name not in listed]


def deployment_choices(entry) -> list[str]:
    """Facts an entry gives that a company decides when it deploys the product."""
    facts = entry.get("facts", {})
    found = []
    if "installed_clients" in facts.get("access", {}) and facts.get("delivery") not in INSTALL_DELIVERIES:
        found.append("access.installed_clients")
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_built_in_entries_quote_their_sources(path):
    """`facts: [...]` lists are for a company's own entries; a built-in source gives the sentence per fact."""
    for source in ENTRIES[path.stem]["sources"]:
        assert "quotes" in source and "facts" not in source, f"{path.stem}: {source['url']} lists facts, quote them"
        assert all(isinstance(q, str) and len(q.split()) >= 3 for q in source["quotes"].values()), (
            f"{path.stem}: {source['url']} has a quote too short to be the page's sentence"
        )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_fact_and_date_is_quoted(path):
    missing = unquoted(ENTRIES[path.stem])
    assert not missing, f"{path.stem}: no source quotes the vendor for {', '.join(missing)}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_entry_gives_a_deployment_choice(path):
    found = deployment_choices(ENTRIES[path.stem])
    assert not found, f"{path.stem}: {', '.join(found)} is what a company decides, not a fact of the product"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_saas_entries_state_or_list_every_fact_the_rules_read(path):
    missing = uncovered(ENTRIES[path.stem])
    assert not missing, (
        f"{path.stem}: state {', '.join(missing)} with the vendor's sentence, or list it in not_documented"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_not_documented_never_names_a_stated_fact(path):
    entry = ENTRIES[path.stem]
    both = set(entry.get("not_documented", [])) & set(stated(entry))
    assert not both, f"{path.stem}: {', '.join(sorted(both))} is both stated and said not documented"


def test_the_checkers_can_fail():
    """Each check above reports a bad entry, and passes a good one."""
    entry = {
        "facts": {
            "delivery": "saas",
            "access": {"browser": True, "installed_clients": []},
            "collaboration": {"default_sharing": "private"},
            "category": "office",
        },
        "lifecycle": {"versions": {"1": {"end_of_support": "2030-01-01"}}},
        "sources": [{"url": "https://example.com", "quotes": {"delivery": "It runs in our cloud."}}],
    }
    assert unquoted(entry) == [
        "access.browser",
        "access.installed_clients",
        "collaboration.default_sharing",
        "category",
        "lifecycle.1",
    ]
    assert deployment_choices(entry) == ["access.installed_clients"]
    assert uncovered(entry) == [
        "tenancy",
        "updates",
        "built",
        "access.devices",
        "access.network",
        "collaboration.native",
        "collaboration.single_version",
    ]
    entry["not_documented"] = [
        "tenancy",
        "updates",
        "built",
        "access.devices",
        "access.network",
        "collaboration.native",
        "collaboration.single_version",
    ]
    assert uncovered(entry) == []
    on_premise = {"facts": {"delivery": "desktop", "access": {"installed_clients": ["Office"]}}}
    assert deployment_choices(on_premise) == [] and uncovered(on_premise) == []


# --- the corrections the issue lists -----------------------------------------------------------------


def test_facts_the_review_found_wrong_are_gone():
    for pid in ("microsoft-365", "sharepoint-online", "microsoft-teams"):
        assert "installed_clients" not in ENTRIES[pid]["facts"].get("access", {}), pid
    assert "default_sharing" not in ENTRIES["google-workspace"]["facts"].get("collaboration", {})
    assert "updates" not in ENTRIES["dynamics-365-human-resources"]["facts"]  # the stand-alone app's cadence
    assert "delivery" not in ENTRIES["jira-data-center"]["facts"]  # Data Center also runs in the customer's cloud
    assert "6.0" not in ENTRIES["sap-ecc-6"]["lifecycle"]["versions"]  # SAP dates maintenance per EHP
    for pid in ("sharepoint-server-2016", "sharepoint-server-2019"):
        assert "2026" not in ENTRIES[pid]["description"]["en"], pid  # no tense-bound date in a description


def test_github_enterprise_server_dates_every_release_from_3_14():
    versions = ENTRIES["github-enterprise-server"]["lifecycle"]["versions"]
    assert versions["3.14"] == {"end_of_support": "2026-04-23"}
    assert versions["3.15"] == {"end_of_support": "2026-04-23"}


def test_atlassian_data_center_is_dated_per_release():
    assert ENTRIES["jira-data-center"]["lifecycle"]["versions"]["9.12"] == {"end_of_support": "2025-11-28"}
    assert ENTRIES["confluence-data-center"]["lifecycle"]["versions"]["8.5"] == {"end_of_support": "2025-08-20"}


# --- an estate naming the products ---------------------------------------------------------------------

NAMED = {
    "crm": "salesforce-sales-cloud",
    "teams": "microsoft-teams",
    "mail": "exchange-online",
    "office": "microsoft-365-apps",
    "files": "onedrive",
    "jira": "jira-software-cloud",
    "wiki": "confluence-cloud",
}
ESTATE = "version: 1\napplications:\n" + "".join(
    f"  {app}:\n    product: {pid}\n    usage: support\n    owner: workplace\n    availability: {{target: 99.9}}\n"
    for app, pid in NAMED.items()
)
ACCESS_AND_CLOUD = ("ACC001", "ACC002", "ACC003", "CLD002", "CLD003", "CLD004")
# A finding that is not "not stated" comes from a fact: it must be one the vendor gives.
FROM_VENDOR_FACTS = {("CLD004", "office")}  # Microsoft 365 Apps is a desktop suite (delivery: desktop)


def test_no_access_or_cloud_finding_that_the_vendor_contradicts(catalogue):
    found = [d for d in run(ESTATE, catalogue).diagnostics if d.code in ACCESS_AND_CLOUD]
    stated_findings = {(d.code, d.entity) for d in found if not d.unstated}
    assert stated_findings == FROM_VENDOR_FACTS
    codes = {(d.code, d.entity) for d in found}
    assert not {("ACC002", "teams"), ("CLD004", "teams")} & codes  # Teams runs wherever its browsers run; SaaS
    assert not {("ACC001", "crm"), ("ACC002", "crm"), ("ACC003", "crm")} & codes  # Salesforce: browser


@pytest.mark.parametrize(
    "lang, clause",
    [
        (
            "en",
            "; product salesforce-sales-cloud: Salesforce does not document access.network, so only the estate can "
            "state it",
        ),
        (
            "fr",
            " ; produit salesforce-sales-cloud : l'éditeur Salesforce ne documente pas access.network, seul le "
            "patrimoine peut donc l'indiquer",
        ),
    ],
)
def test_a_not_stated_finding_names_the_product_that_does_not_document_the_field(catalogue, lang, clause):
    result = run(ESTATE, catalogue, lang=lang, preview=True)
    [acc006] = [d for d in result.diagnostics if d.code == "ACC006" and d.entity == "crm"]
    assert acc006.unstated and acc006.message.endswith(clause)


def test_a_not_stated_finding_says_nothing_more_when_the_product_is_silent_without_saying_so(catalogue):
    """exchange-online lists access.network as not documented; microsoft-365-apps says nothing of it."""
    result = run(ESTATE, catalogue, preview=True)
    messages = {d.entity: d.message for d in result.diagnostics if d.code == "ACC006"}
    assert "product exchange-online" in messages["mail"]
    assert "product" not in messages["office"] and messages["office"].endswith(")")


SINGLE = """\
version: 1
applications:
  app:
    product: {product}
    usage: support
    owner: workplace
    availability: {{target: 99.9}}
{extra}"""


def cld007(catalogue, product: str, today: datetime.date, extra: str = ""):
    """The CLD007 findings of one application of the product, in a default run (CLD007 is stable from 1.2)."""
    text = SINGLE.format(product=product, extra=textwrap.indent(extra, "    "))
    return [d for d in run(text, catalogue, today=today).diagnostics if d.code == "CLD007"]


def test_cld007_fires_on_sharepoint_server_2016_after_its_end_of_support(catalogue):
    [finding] = cld007(catalogue, "sharepoint-server-2016", datetime.date(2026, 12, 6))
    assert not finding.unstated and "14 July 2026" in finding.message
    assert cld007(catalogue, "sharepoint-server-2016", datetime.date(2026, 7, 1)) == []


def test_sap_ecc_is_dated_per_enhancement_package(catalogue):
    """EHP 6 to 8: SAP's mainstream maintenance to the end of 2027. No SAP page read gives EHP 0-5 a date, so the
    catalogue gives them none (the estate states it) rather than 2027, which would pass CLD007 wrongly."""
    assert cld007(catalogue, "sap-ecc-6", datetime.date(2026, 12, 6), "lifecycle: {version: EHP7}\n") == []
    [late] = cld007(catalogue, "sap-ecc-6", datetime.date(2028, 1, 1), "lifecycle: {version: EHP7}\n")
    assert "31 December 2027" in late.message and "sap-ecc-6" in late.message
    assert cld007(catalogue, "sap-ecc-6", datetime.date(2028, 1, 1), "lifecycle: {version: EHP5}\n") == []
    stated = "lifecycle: {version: EHP5, end_of_support: 2025-12-31}\n"
    [own] = cld007(catalogue, "sap-ecc-6", datetime.date(2026, 12, 6), stated)
    assert "sap-ecc-6" not in own.message  # the estate's own date, not the catalogue's


# --- a malformed quote key ----------------------------------------------------------------------------


def test_a_quote_under_an_unknown_fact_name_is_refused_at_its_key(tmp_path):
    folder = tmp_path / "products"
    folder.mkdir()
    (folder / "ours.yaml").write_text(
        textwrap.dedent("""\
        id: ours
        name: Ours
        vendor: Us
        description: Our tool.
        facts: {delivery: saas}
        sources:
          - url: https://example.com/ours
            title: Ours
            checked: 2026-12-01
            quotes:
              delivry: "Ours runs in our cloud."
        """),
        encoding="utf-8",
    )
    for lang, words in (
        ("en", "'delivry' is not a fact name (did you mean 'delivery'?)"),
        ("fr", "« delivry » n'est pas un nom de fait (vouliez-vous dire « delivery » ?)"),
    ):
        result = CliRunner().invoke(main, ["products", "ours", "--products-dir", str(folder), "--lang", lang])
        assert result.exit_code == 2
        assert "ours.yaml:11:7: sources.0.quotes.delivry" in result.output and words in result.output


def test_a_source_quotes_are_shown_with_the_day_they_were_read():
    result = CliRunner().invoke(main, ["products", "salesforce-sales-cloud", "--lang", "en"])
    lines = result.output.splitlines()
    assert (
        "Not documented by its vendor (state them on the application): updates, category, access.devices, "
        "access.network" in lines
    )
    assert "    read on 6 December 2026; each fact and the page's sentence that states it:" in lines
    quote = ENTRIES["salesforce-sales-cloud"]["sources"][0]["quotes"]["tenancy"]
    assert f"      tenancy: {json.dumps(quote, ensure_ascii=False)}" in lines


# --- docs/products.md keeps saying what the catalogue does -------------------------------------------

DOC = (REPO / "docs" / "products.md").read_text(encoding="utf-8")


def test_the_documented_not_documented_message_is_what_si_lint_says(catalogue):
    estate = next(block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if "salesforce-sales-cloud" in block)
    [shown] = re.findall(r"```text\n(.*?)\n```", DOC, re.S)
    [finding] = run(estate, catalogue, select=("ACC006",)).diagnostics
    said = f"{finding.file}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}"
    assert shown == said


def test_the_documented_entry_is_the_built_in_one():
    """ "Reading an entry" shows exchange-2016 as the catalogue has it (its description shortened)."""
    block = next(
        block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if block.startswith("id: exchange-2016")
    )
    shown = as_loaded(yaml.safe_load(block))
    entry = ENTRIES["exchange-2016"]
    assert {key: value for key, value in shown.items() if key != "description"} == {
        key: value for key, value in entry.items() if key != "description"
    }
