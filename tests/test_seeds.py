"""The principle index in seeds/ and the rule files agree: what a rule cites exists and says so."""

from __future__ import annotations

import re

import yaml
from conftest import REPO, SHARED, needs

SEEDS = REPO / "seeds"
RULES = REPO / "rules"
SOURCES = SHARED / "seeds"
ROW = re.compile(r"^\| (P\d{3}-[a-z0-9-]+) \|(.*)\|\s*$", re.M)
CODE = re.compile(r"^[A-Z]{3}\d{3}$")


def table(text: str) -> dict:
    """principle id -> its row's cells after the id."""
    rows = {}
    for principle, rest in ROW.findall(text):
        assert principle not in rows, f"{principle} appears twice in one table"
        rows[principle] = [cell.strip() for cell in rest.split("|")]
    return rows


def index() -> dict:
    return table((SEEDS / "README.md").read_text(encoding="utf-8"))


def digests() -> dict:
    """seed number ('002') -> {principle id: cells} of that seed's digest."""
    found = {}
    for path in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.md")):
        found[path.name[:3]] = table(path.read_text(encoding="utf-8"))
    return found


def rule_files() -> list:
    return [(path.name, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(RULES.glob("*.yaml"))]


def cited() -> list:
    return [(name, rule) for name, rule in rule_files() if "principle" in rule]


def listed_rules(cell: str) -> set:
    return set() if cell == "—" else {code.strip() for code in cell.split(",")}


def test_every_principle_cited_by_a_rule_is_indexed_and_digested():
    indexed, by_seed = index(), digests()
    assert cited(), "no rule file cites a principle"
    for name, rule in cited():
        principle = rule["principle"]
        assert principle in indexed, f"{name}: {principle} is not in seeds/README.md's index"
        assert principle in by_seed.get(principle[1:4], {}), (
            f"{name}: {principle} is in no digest seeds/{principle[1:4]}_*.md"
        )


def test_index_rules_column_matches_the_rule_files():
    by_principle: dict = {}
    for _name, rule in cited():
        by_principle.setdefault(rule["principle"], set()).add(rule["code"])
    indexed = index()
    for principle, cells in indexed.items():
        assert listed_rules(cells[-1]) == by_principle.get(principle, set()), principle


def test_index_and_digests_hold_the_same_principles():
    indexed = index()
    in_digests = {principle for rows in digests().values() for principle in rows}
    assert set(indexed) == in_digests
    for rows in digests().values():
        for principle, cells in rows.items():
            assert cells[0], f"{principle} has no statement"
            assert listed_rules(cells[-1]) == listed_rules(indexed[principle][-1]), principle
            assert all(CODE.match(code) for code in listed_rules(cells[-1])), principle


def test_each_principle_sits_in_its_own_seeds_digest():
    for number, rows in digests().items():
        assert all(principle[1:4] == number for principle in rows), number


def test_the_fixed_ids_other_files_rely_on_exist():
    fixed = [
        "P002-browser",
        "P002-chromebook",
        "P002-any-device",
        "P002-no-installed-client",
        "P002-offline-one-version",
        "P002-public-cloud",
        "P002-true-saas",
        "P002-no-updates",
        "P002-saas-for-support",
        "P002-serverless-paas",
        "P002-iaas-leaders",
        "P002-native-collaboration",
        "P002-single-version",
        "P002-open-formats",
        "P002-no-spreadsheet-apps",
        "P002-data-spaces",
        "P002-own-keys",
        "P002-availability",
        "P002-same-service",
        "P002-integration-platforms",
        "P002-office-cost",
        "P002-bis-model",
        "P001-accountability",
        "P004-audit",
    ]
    assert set(fixed) <= set(index())


@needs(SOURCES.is_dir(), "the source articles (../shared/seeds) are not here")
def test_cited_sources_exist_and_match_the_principle():
    for name, rule in rule_files():
        if "source" not in rule:
            continue
        source = rule["source"]["file"]
        assert (SOURCES / source).is_file(), f"{name}: {source} is not in {SOURCES}"
        if "principle" in rule:
            assert source[:3] == rule["principle"][1:4], f"{name}: cites {source} for {rule['principle']}"


@needs(SOURCES.is_dir(), "the source articles (../shared/seeds) are not here")
def test_every_source_article_has_a_digest_naming_it():
    for article in sorted(SOURCES.glob("*.txt")):
        matches = list(SEEDS.glob(f"{article.name[:3]}_*.md"))
        assert len(matches) == 1, article.name
        assert article.name in matches[0].read_text(encoding="utf-8"), article.name
        assert article.name in (SEEDS / "README.md").read_text(encoding="utf-8"), article.name
