"""The built-in product catalogue as data: every entry valid, every fact backed by a vendor page, the docs in step."""

from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from conftest import REPO, run
from jsonschema import Draft202012Validator, FormatChecker

PRODUCTS = REPO / "products"
SCHEMA = json.loads((REPO / "linter" / "schemas" / "product.schema.json").read_text(encoding="utf-8"))
DOC = REPO / "docs" / "products.md"
FILES = sorted(PRODUCTS.glob("*.yaml"))
# `checked` is the day someone read a page: never after today (the real today, not the tests' fixed one).
TODAY = datetime.date.today()

# The kinds of products the catalogue must cover (see docs/products.md); each needs at least one of these ids.
GROUPS = {
    "office suites": {
        "google-workspace",
        "microsoft-365",
        "microsoft-365-apps",
        "office-2013",
        "office-2016",
        "office-2019",
        "office-2021",
        "office-ltsc-2021",
    },
    "messaging": {
        "exchange-online",
        "exchange-2010",
        "exchange-2013",
        "exchange-2016",
        "exchange-2019",
        "exchange-server-se",
        "microsoft-teams",
        "skype-for-business-server-2015",
        "skype-for-business-server-2019",
    },
    "crm": {
        "salesforce-sales-cloud",
        "dynamics-365-sales",
        "dynamics-365-customer-service",
        "zoho-crm",
        "dynamics-crm-2015",
        "dynamics-crm-2016",
        "dynamics-365-customer-engagement-on-premises-9",
    },
    "erp": {
        "odoo-online",
        "dynamics-365-business-central",
        "sap-s4hana-cloud",
        "sap-ecc-6",
        "dynamics-nav-2016",
        "dynamics-nav-2017",
        "dynamics-nav-2018",
        "dynamics-gp-2016-r2",
        "dynamics-gp-2018-r2",
        "dynamics-ax-2012-r3",
        "dynamics-365-business-central-on-premises-2019",
    },
    "hr": {"dynamics-365-human-resources"},
    "itsm": {"servicenow", "jira-service-management-cloud", "jira-service-management-data-center"},
    "collaboration": {
        "microsoft-teams",
        "sharepoint-online",
        "sharepoint-server-subscription-edition",
        "sharepoint-server-2013",
        "sharepoint-foundation-2013",
        "sharepoint-server-2016",
        "sharepoint-server-2019",
        "confluence-cloud",
        "confluence-data-center",
    },
    "storage": {"onedrive", "nextcloud"},
    "video": {"microsoft-teams"},
    "development tools": {
        "github-enterprise-cloud",
        "github-enterprise-server",
        "gitlab-com",
        "gitlab-dedicated",
        "gitlab-self-managed",
        "azure-devops-services",
        "azure-devops-server-2019",
        "azure-devops-server-2020",
        "jira-software-cloud",
        "jira-data-center",
    },
}


def as_loaded(value):
    """What the si-lint loader gives: YAML dates stay strings ("2025-10-14"), not datetime.date."""
    if isinstance(value, dict):
        return {key: as_loaded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_loaded(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load(path):
    return as_loaded(yaml.safe_load(path.read_text(encoding="utf-8")))


ENTRIES = {path.stem: load(path) for path in FILES}


def stated(entry) -> list[str]:
    """Dotted names of the facts an entry states, and `lifecycle.<version>` for each support date."""
    names = []
    for key, value in entry.get("facts", {}).items():
        if isinstance(value, dict):
            names += [f"{key}.{sub}" for sub in value]
        else:
            names.append(key)
    names += [f"lifecycle.{version}" for version in entry.get("lifecycle", {}).get("versions", {})]
    return names


def backed(name: str, claimed: set) -> bool:
    """A fact is backed when a source names it, or names the section it belongs to (`access`, `lifecycle`)."""
    return name in claimed or any(name.startswith(prefix + ".") for prefix in claimed)


def claims(source) -> list[str]:
    """The facts a source backs: the keys of its quotes (built-in entries), or its `facts` list (a company's own)."""
    return list(source.get("quotes", {})) + list(source.get("facts", []))


def unbacked(entry) -> list[str]:
    claimed = {fact for source in entry.get("sources", []) for fact in claims(source)}
    return [name for name in stated(entry) if not backed(name, claimed)]


def test_there_are_enough_entries():
    assert len(FILES) >= 60, f"only {len(FILES)} products in {PRODUCTS}"


def test_the_schema_is_valid_and_describes_every_property():
    Draft202012Validator.check_schema(SCHEMA)
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}.{key}")
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for sub in node:
                walk(sub, where)

    walk(SCHEMA, "#")
    assert not missing


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_entry_loads_and_validates(path):
    entry = load(path)
    errors = sorted(Draft202012Validator(SCHEMA, format_checker=FormatChecker()).iter_errors(entry), key=str)
    assert not errors, "\n".join(f"{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
    assert entry["id"] == path.stem, f"{path.name}: id {entry['id']!r} is not the file name"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_description_is_written_in_english_and_in_french(path):
    """`si-lint products ID --lang fr` shows the French; a company's own entry may keep one text, not ours."""
    description = ENTRIES[path.stem]["description"]
    assert isinstance(description, dict) and set(description) == {"en", "fr"}, (
        f"{path.stem}: description must be {{en: ..., fr: ...}}"
    )
    french = description["fr"]
    assert french != description["en"], f"{path.stem}: the French description is the English one"
    # French typography and glossary (docs/rules-glossary.fr.md): a space before ; : ? !, an ellipsis
    # character, « sur site » for on-premise.
    assert not re.search(r"\S[;:?!]", french), f"{path.stem}: no space before a ; : ? or ! in {french!r}"
    assert "..." not in french and "on-premise" not in french.lower(), f"{path.stem}: {french!r}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_fact_and_date_has_a_source(path):
    entry = ENTRIES[path.stem]
    missing = unbacked(entry)
    assert not missing, f"{entry.get('id', path.stem)}: no source backs {', '.join(missing)}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_sources_claim_only_what_the_entry_states(path):
    """A source that names a fact the entry does not give is a leftover, or a fact someone forgot to write."""
    entry = ENTRIES[path.stem]
    names = stated(entry)
    for source in entry["sources"]:
        for fact in claims(source):
            assert fact in names or any(name.startswith(fact + ".") for name in names), (
                f"{entry['id']}: {source['url']} is said to back {fact}, which the entry does not state"
            )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_sources_are_dated_and_addressed(path):
    entry = ENTRIES[path.stem]
    for source in entry["sources"]:
        assert source.get("url", "").startswith("https://"), f"{entry['id']}: a source has no https url"
        checked = datetime.date.fromisoformat(source["checked"])
        assert checked <= TODAY, f"{entry['id']}: {source['url']} checked in the future ({checked})"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_default_version_is_a_listed_version(path):
    lifecycle = ENTRIES[path.stem].get("lifecycle")
    if lifecycle and "version" in lifecycle:
        assert lifecycle["version"] in lifecycle["versions"], f"{path.stem}: {lifecycle['version']} has no date"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_tenancy_only_for_saas(path):
    facts = ENTRIES[path.stem]["facts"]
    if "tenancy" in facts:
        assert facts.get("delivery") == "saas", f"{path.stem}: tenancy is a SaaS fact"


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_each_group_is_represented(group):
    assert GROUPS[group] & set(ENTRIES), f"no product of the group {group!r} in the catalogue"


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_each_group_has_an_entry_that_states_its_category(group):
    """A group is covered only if one of its entries says what it is: `category` drives the COL and CST rules."""
    stating = sorted(pid for pid in GROUPS[group] & set(ENTRIES) if ENTRIES[pid]["facts"].get("category"))
    assert stating, f"no entry of the group {group!r} states a category"


def test_group_ids_are_catalogue_ids():
    """A typo in GROUPS would silently shrink a group."""
    unknown = sorted(set().union(*GROUPS.values()) - set(ENTRIES))
    assert not unknown, f"GROUPS names ids the catalogue does not have: {unknown}"


def lint_as_product(catalogue, pid: str, *rules: str):
    """Lint an application that states only usage, owner and an availability target, plus the entry's facts,
    as `product: <pid>` fills them; return the codes of the findings of the given rule families."""
    facts = ENTRIES[pid]["facts"]
    application = {"usage": "support", "owner": "workplace", "availability": {"target": 99.9}, **facts}
    estate = yaml.safe_dump({"version": 1, "applications": {"app": application}}, sort_keys=False)
    result = run(estate, catalogue)
    return sorted({d.code for d in result.diagnostics if d.code.startswith(rules)})


def test_an_on_premises_edition_fails_the_cloud_rules(catalogue):
    """exchange-2016 is run on the customer's servers and updated by it: CLD001 and CLD003, from sourced facts."""
    codes = lint_as_product(catalogue, "exchange-2016", "CLD")
    assert "CLD001" in codes and "CLD003" in codes
    assert not unbacked(ENTRIES["exchange-2016"])


def test_every_entry_is_in_the_docs():
    text = DOC.read_text(encoding="utf-8")
    rows = set(re.findall(r"^\|\s*`([a-z][a-z0-9_-]*)`\s*\|", text, re.M))
    assert sorted(set(ENTRIES) - rows) == [], "entries missing from the table in docs/products.md"
    assert sorted(rows - set(ENTRIES)) == [], "docs/products.md lists products the catalogue does not have"


def test_the_checker_catches_an_unbacked_fact():
    """The source test can fail: a fact with no source is reported with the entry and the fact."""
    entry = {
        "id": "demo",
        "facts": {"delivery": "saas", "access": {"browser": True}},
        "lifecycle": {"versions": {"1": {"end_of_support": "2030-01-01"}}},
        "sources": [{"url": "https://example.com", "quotes": {"delivery": "It is SaaS."}, "checked": "2026-01-01"}],
    }
    assert unbacked(entry) == ["access.browser", "lifecycle.1"]
    entry["sources"][0]["quotes"].update({"access.browser": "Use it in a browser.", "lifecycle.1": "Ends 2030."})
    assert unbacked(entry) == []
