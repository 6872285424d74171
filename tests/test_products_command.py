"""`si-lint products`: the catalogue as a table, one product with its facts and the pages behind them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main
from si_lint.model.products import builtin_products


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def own_entry(
    folder, pid: str, description: str, name: str = "Ours", facts: str = "{delivery: iaas}", backs: str = "[delivery]"
):
    """A company's catalogue file with `description:` and `facts:` written as given (YAML text)."""
    folder.mkdir(exist_ok=True)
    (folder / f"{pid}.yaml").write_text(
        f"id: {pid}\nname: {name}\nvendor: Microsoft\ndescription: {description}\nfacts: {facts}\n"
        f"sources:\n  - {{url: 'https://example.com/x', title: x, facts: {backs}, checked: 2026-11-30}}\n",
        encoding="utf-8",
    )
    return folder


def test_the_list_names_every_product_once():
    result = invoke("products", "--lang", "en")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()[2:]]
    assert ids == sorted(builtin_products())


def test_one_product_shows_its_facts_versions_and_sources_in_french():
    result = invoke("products", "exchange-2016", "--lang", "fr")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "exchange-2016 : Microsoft Exchange Server 2016 (Microsoft)"
    assert "  delivery: on-premise" in lines and "  updates: customer" in lines  # facts as the estate writes them
    assert "Versions et fin de support :" in lines and "  2016 : 2025-10-14" in lines
    assert sum(1 for line in lines if line.strip().startswith("https://")) == len(
        builtin_products()["exchange-2016"].sources
    )


@pytest.mark.parametrize(
    "lang, description",
    [
        ("en", "Chat, calls and meetings of Microsoft 365, from desktop and mobile apps or a web client."),
        (
            "fr",
            "Messagerie instantanée, appels et réunions de Microsoft 365, depuis les applications de bureau et mobiles "
            "ou un client web.",
        ),
    ],
)
def test_the_description_is_in_the_language_asked(lang, description):
    result = invoke("products", "microsoft-teams", "--lang", lang)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == f"  {description}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_facts_are_shown_as_the_estate_writes_them(lang, tmp_path):
    """true/false as in YAML (not Python's True), a list's items joined by commas, [] for an empty list."""
    lines = invoke("products", "microsoft-teams", "--lang", lang).stdout.splitlines()
    assert "  access.browser: true" in lines
    assert "  access.devices: windows, macos, linux, chromebook, android, ios" in lines
    lines = invoke("products", "microsoft-365", "--lang", lang).stdout.splitlines()
    assert "  collaboration.native: true" in lines and "  collaboration.single_version: true" in lines
    own = own_entry(
        tmp_path / "products", "kiosk", "A kiosk.", facts="{access: {installed_clients: []}}", backs="[access]"
    )
    lines = invoke("products", "kiosk", "--products-dir", str(own), "--lang", lang).stdout.splitlines()
    assert "  access.installed_clients: []" in lines


def test_a_false_fact_is_false(tmp_path):
    own = own_entry(
        tmp_path / "products",
        "desk",
        "A desktop tool.",
        facts="{access: {browser: false}, collaboration: {native: false}}",
        backs="[access, collaboration]",
    )
    lines = invoke("products", "desk", "--products-dir", str(own), "--lang", "fr").stdout.splitlines()
    assert "  access.browser: false" in lines and "  collaboration.native: false" in lines


def test_an_unknown_product_is_exit_2_with_the_closest_id():
    result = invoke("products", "exchnge-2016", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "si-lint: error: no product 'exchnge-2016' in the catalogue (did you mean "
        "'exchange-2016'?); `si-lint products` lists them\n"
    )
    french = invoke("products", "exchnge-2016", "--lang", "fr")
    assert french.exit_code == 2
    assert french.stderr.startswith(
        "si-lint: erreur : aucun produit « exchnge-2016 » dans le catalogue (vouliez-vous dire « exchange-2016 » ?)"
    )


def test_a_company_catalogue_adds_and_overrides_entries(tmp_path):
    own = own_entry(tmp_path / "products", "exchange-2016", "Ours.", name="Our Exchange")
    result = invoke("products", "exchange-2016", "--products-dir", str(own), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "exchange-2016: Our Exchange (Microsoft)"
    assert "  delivery: iaas" in result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_company_entry_with_one_description_shows_it_in_every_language(tmp_path, lang):
    own = own_entry(tmp_path / "products", "intranet", "Notre intranet, sur nos serveurs.")
    result = invoke("products", "intranet", "--products-dir", str(own), "--lang", lang)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "  Notre intranet, sur nos serveurs."


@pytest.mark.parametrize("lang, shown", [("en", "Our intranet."), ("fr", "Notre intranet.")])
def test_a_company_entry_may_describe_itself_in_both_languages(tmp_path, lang, shown):
    own = own_entry(tmp_path / "products", "intranet", "{en: Our intranet., fr: Notre intranet.}")
    result = invoke("products", "intranet", "--products-dir", str(own), "--lang", lang)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == f"  {shown}"


def test_a_description_mapping_without_french_is_exit_2_at_the_field(tmp_path):
    own = own_entry(tmp_path / "products", "intranet", "{en: Our intranet.}")
    result = invoke("products", "intranet", "--products-dir", str(own), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (f"si-lint: error: {own / 'intranet.yaml'}:4:1: description: missing required field 'fr'\n")
