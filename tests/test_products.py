"""`product: <id>` on an application (issue 11 acceptance): the catalogue fills what the estate leaves out,
findings say which facts came from it, a stated field wins, an unknown id is EST004 with the closest id, and a
company's own catalogue (--products-dir, products-dir / products_dir in the config) adds and overrides entries.
"""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner
from conftest import run
from si_lint.cli.main import main

# An application that states only its product, usage, owner and an availability target.
ALONE = """\
version: 1
applications:
  workspace:
    product: {product}
    usage: support
    owner: workplace
    availability: {{target: 99.9}}
"""


def alone(product: str, extra: str = "") -> str:
    return ALONE.format(product=product) + textwrap.indent(textwrap.dedent(extra), "    ")


def found(text: str, catalogue, **overrides) -> list:
    return [(d.code, d.entity, d.line, d.column) for d in run(text, catalogue, **overrides).diagnostics]


def messages(text: str, catalogue, lang: str = "en", **overrides) -> dict:
    return {d.code: d.message for d in run(text, catalogue, lang=lang, **overrides).diagnostics}


# --- the built-in catalogue -----------------------------------------------------------------


def test_microsoft_365_alone_gives_only_the_unstated_sharing_default(catalogue):
    """No ACC or CLD finding: Microsoft documents SaaS, multitenant, vendor updates, browser use from the internet,
    native co-editing of one version. COL002 alone, and only as "not stated": which sharing a new document gets is
    an administrator's setting, not a product fact, so the catalogue leaves it to the estate."""
    assert found(alone("microsoft-365"), catalogue) == [("COL002", "workspace", 3, 3)]
    [col002] = run(alone("microsoft-365"), catalogue).diagnostics
    assert col002.unstated
    assert col002.message == (
        "'workspace' holds content and collaboration.default_sharing is not stated (counted as private by default)"
    )


def test_an_on_premises_edition_fires_cld001_and_cld003_naming_the_product(catalogue):
    text = alone("exchange-2016")
    codes = {code for code, *_ in found(text, catalogue)}
    assert {"CLD001", "CLD003"} <= codes
    assert ("CLD001", "workspace", 4, 5) in found(text, catalogue)
    assert ("CLD003", "workspace", 4, 5) in found(text, catalogue)
    en = messages(text, catalogue)
    assert en["CLD001"] == (
        "'workspace' does not run in a public cloud (delivery: on-premise, from product exchange-2016)"
    )
    assert en["CLD003"] == (
        "'workspace' leaves its updates to the company (updates: customer, from product exchange-2016)"
    )
    fr = messages(text, catalogue, lang="fr")
    assert fr["CLD001"].endswith("(delivery : on-premise, selon le produit exchange-2016)")
    assert fr["CLD003"].endswith("(updates : customer, selon le produit exchange-2016)")


@pytest.mark.parametrize(
    "extra, gone, kept",
    [
        # a stated delivery wins: no CLD001 (nor CLD004) from the product's on-premise
        ("delivery: saas\ntenancy: multi\n", {"CLD001", "CLD004"}, {"CLD003"}),
        # a stated updates wins: no CLD003
        ("updates: vendor\n", {"CLD003"}, {"CLD001"}),
    ],
)
def test_a_stated_field_overrides_the_product(catalogue, extra, gone, kept):
    text = alone("exchange-2016", extra)
    codes = {code for code, *_ in found(text, catalogue)}
    assert not gone & codes
    assert kept <= codes
    for code in kept:  # what still comes from the product still says so
        assert "from product exchange-2016" in messages(text, catalogue)[code]


def test_a_stated_value_is_the_estates_own_and_points_at_its_key(catalogue):
    text = alone("google-workspace", "access: {browser: false}\n")
    assert ("ACC001", "workspace", 8, 14) in found(text, catalogue)
    message = messages(text, catalogue)["ACC001"]
    assert message == "'workspace' is not usable from a web browser (access.browser: false)"


def test_a_stated_nested_field_keeps_the_products_other_facts_of_that_mapping(catalogue):
    """collaboration.default_sharing stated shared: COL002 goes, and native/single_version still come from
    the product (no COL001 or COL003)."""
    text = alone("microsoft-365", "collaboration: {default_sharing: shared}\n")
    assert found(text, catalogue) == []


def test_a_stated_field_that_breaks_the_schema_is_est003_not_the_products_value(catalogue):
    text = alone("exchange-2016", "delivery: cloud\n")
    assert [f for f in found(text, catalogue) if f[1] == "workspace"] == [("EST003", "workspace", 8, 5)]


# --- an unknown product id -----------------------------------------------------------------------


def test_an_unknown_product_is_est004_at_the_product_key_with_the_closest_id(catalogue):
    text = alone("google-worksapce")
    assert ("EST004", "workspace", 4, 5) in found(text, catalogue)
    en = messages(text, catalogue)["EST004"]
    # the closest id comes first; other near ids (google-drive) may follow it
    assert "'google-worksapce'" in en and "did you mean 'google-workspace'" in en
    fr = messages(text, catalogue, lang="fr")["EST004"]
    assert "« google-worksapce »" in fr and "vouliez-vous dire « google-workspace »" in fr


def test_an_unknown_product_far_from_every_id_gets_no_guess(catalogue):
    message = messages(alone("zzzzzz"), catalogue)["EST004"]
    assert "did you mean" not in message and "'zzzzzz'" in message


def test_an_unknown_product_fails_the_run_with_exit_1_not_a_crash(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(alone("exchange-2061"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["estate.yaml", "--select", "EST"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.startswith("estate.yaml:4:5: EST004 [error] product 'exchange-2061' is not in the catalogue")


# --- a company's own catalogue ---------------------------------------------------------------

ESTATE = """\
version: 1
applications:
  intranet:
    product: acme-intranet
    usage: support
    owner: it
  mail:
    product: exchange-2016
    usage: support
    owner: it
"""
NEW_ENTRY = """\
id: acme-intranet
name: Acme intranet
vendor: Acme
description: The intranet our IT team runs on its own servers.
facts:
  category: intranet
  delivery: on-premise
  updates: customer
sources:
  - url: https://intranet.acme.example/about
    title: About the intranet
    facts: [category, delivery, updates]
    checked: 2026-11-01
"""
OVERRIDE = """\
id: exchange-2016
name: Exchange 2016, run for us by our provider
vendor: Acme hosting
description: Our provider runs one Exchange for all its customers and updates it.
facts:
  category: messaging
  delivery: saas
  tenancy: multi
  updates: vendor
sources:
  - url: https://hosting.acme.example/exchange
    title: Hosted Exchange
    facts: [category, delivery, tenancy, updates]
    checked: 2026-11-01
"""


@pytest.fixture
def company(tmp_path, monkeypatch):
    """A repository with the estate and a company catalogue in company/ (not yet named anywhere)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "acme-intranet.yaml").write_text(NEW_ENTRY, encoding="utf-8")
    (tmp_path / "company" / "exchange-2016.yaml").write_text(OVERRIDE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cld(*args) -> tuple:
    """(exit code, [(line, column, code, message)] of the CLD and EST findings, stderr)."""
    result = CliRunner().invoke(
        main, ["estate.yaml", "--select", "CLD,EST", "--today", "2026-11-23", *args], catch_exceptions=False
    )
    lines = []
    for line in result.stdout.splitlines():
        if ": " in line and " [" in line:
            place, rest = line.split(" ", 1)
            _, number, column, _ = place.split(":")
            code, _, message = rest.partition(" ")
            lines.append((int(number), int(column), code, message.split("] ", 1)[1]))
    return result.exit_code, lines, result.stderr


WITHOUT_COMPANY = [
    (3, 3, "CLD004", "'intranet' is a support (S) usage and delivery is not stated (counted as not bought as SaaS)"),
    (4, 5, "EST004", "product 'acme-intranet' is not in the catalogue: `si-lint products` lists them"),
    (8, 5, "CLD001", "'mail' does not run in a public cloud (delivery: on-premise, from product exchange-2016)"),
    (8, 5, "CLD003", "'mail' leaves its updates to the company (updates: customer, from product exchange-2016)"),
    (
        8,
        5,
        "CLD004",
        "'mail' is a support (S) usage not bought as SaaS (delivery: on-premise, from product exchange-2016)",
    ),
    (
        8,
        5,
        "CLD007",
        "'mail' is on version 2016, whose support ended on 14 October 2025 (today is 23 November 2026); "
        "dates from product exchange-2016",
    ),
]
# The company's entries: acme-intranet is known and on-premise; its exchange-2016 is a multitenant SaaS.
WITH_COMPANY = [
    (4, 5, "CLD001", "'intranet' does not run in a public cloud (delivery: on-premise, from product acme-intranet)"),
    (4, 5, "CLD003", "'intranet' leaves its updates to the company (updates: customer, from product acme-intranet)"),
    (
        4,
        5,
        "CLD004",
        "'intranet' is a support (S) usage not bought as SaaS (delivery: on-premise, from product acme-intranet)",
    ),
]


def test_without_the_company_catalogue_the_built_in_one_applies(company):
    assert cld() == (1, WITHOUT_COMPANY, "")


def test_products_dir_flag_adds_and_overrides_entries(company):
    assert cld("--products-dir", "company") == (1, WITH_COMPANY, "")


@pytest.mark.parametrize(
    "config",
    [
        "products-dir: company\n",
        "products-dir: [company]\n",
        "products_dir: company\n",
        '[tool.si-lint]\nproducts-dir = ["company"]\n',
    ],
)
def test_products_dir_in_the_config(company, config):
    name = "pyproject.toml" if config.startswith("[") else ".si-lint.yaml"
    (company / name).write_text(config, encoding="utf-8")
    assert cld() == (1, WITH_COMPANY, "")


def test_products_dir_in_the_config_is_relative_to_the_config_file(company, monkeypatch):
    (company / ".si-lint.yaml").write_text("products-dir: company\npaths: [estate.yaml]\n", encoding="utf-8")
    (company / "sub").mkdir()
    monkeypatch.chdir(company / "sub")
    result = CliRunner().invoke(main, ["--select", "CLD", "--today", "2026-11-23"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "from product acme-intranet" in result.stdout


@pytest.mark.parametrize(
    "entry, broken, where",
    [
        ("acme-intranet.yaml", ("delivery: on-premise", "delivery: cloud"), "company/acme-intranet.yaml:7:3: "),
        ("acme-intranet.yaml", ("id: acme-intranet", "id: acme-portal"), "company/acme-intranet.yaml:1:1: "),
        (
            "acme-intranet.yaml",
            ("    checked: 2026-11-01", "    checked: yesterday"),
            "company/acme-intranet.yaml:13:5: ",
        ),
        ("exchange-2016.yaml", ("sources:", "sauces:"), "company/exchange-2016.yaml:10:1: "),
        ("exchange-2016.yaml", ("  tenancy: multi", "  tenancy: [multi"), "company/exchange-2016.yaml:9:10: "),
    ],
)
def test_a_broken_company_entry_is_exit_2_with_file_line_column(company, entry, broken, where):
    path = company / "company" / entry
    text = path.read_text(encoding="utf-8")
    assert broken[0] in text
    path.write_text(text.replace(broken[0], broken[1], 1), encoding="utf-8")
    code, lines, stderr = cld("--products-dir", "company")
    assert (code, lines) == (2, [])
    assert stderr.startswith(f"si-lint: error: {where}"), stderr
    assert "Traceback" not in stderr


def test_a_products_dir_that_is_not_a_folder_is_exit_2(company):
    code, _, stderr = cld("--products-dir", "nowhere")
    assert code == 2 and stderr.startswith("si-lint: error: nowhere: ")
    (company / ".si-lint.yaml").write_text("fail-on: error\nproducts-dir: nowhere\n", encoding="utf-8")
    code, _, stderr = cld()
    assert code == 2 and stderr.startswith("si-lint: error: .si-lint.yaml:2:1: ")
