"""ACC006, ACC007, CLD007, COL006: the rules of 1.1, in preview (issue 14).

Each rule fires (and does not) as rules.md 1.1 says, checked by (code, entity, line, column) with `preview`;
without it a preview rule never runs, unless it is selected by its exact code (a prefix does not), and the
config key `preview: true` and the `--preview` flag turn them on through the command line.
"""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner

from conftest import findings, run
from si_lint.cli.main import main

PREVIEW = ("ACC006", "ACC007", "COL006")  # CLD007 is stable from 1.2

# --- ACC006 reachable-anywhere ------------------------------------------------------------

ACC006_CASES = {
    "only through a VPN: the network key": ("""\
        version: 1
        applications:
          intranet:
            usage: support
            access: {browser: true, network: vpn}
        """, [("ACC006", "intranet", 5, 29)]),
    "only on the company's network": ("""\
        version: 1
        applications:
          payroll:
            access:
              browser: true
              network: corporate
        """, [("ACC006", "payroll", 6, 7)]),
    "not stated counts as not reachable: the entity key": ("""\
        version: 1
        applications:
          payroll: {usage: support, access: {browser: true}}
        """, [("ACC006", "payroll", 3, 3)]),
    "no access at all": ("""\
        version: 1
        applications:
          payroll: {usage: support}
        """, [("ACC006", "payroll", 3, 3)]),
    "reachable from the internet": ("""\
        version: 1
        applications:
          intranet:
            access: {browser: true, network: internet}
        """, []),
    "each application on its own": ("""\
        version: 1
        applications:
          web: {access: {network: internet}}
          legacy: {access: {network: vpn}}
        """, [("ACC006", "legacy", 4, 21)]),
    "a network value out of the list is EST003, not ACC006": ("""\
        version: 1
        applications:
          intranet:
            access: {network: VPN}
        """, []),
    "infrastructure is not an application": ("""\
        version: 1
        infrastructure:
          lan: {type: network, availability: 99.99}
        """, []),
}


@pytest.mark.parametrize("text, expected", ACC006_CASES.values(), ids=ACC006_CASES.keys())
def test_reachable_anywhere(catalogue, text, expected):
    assert findings(text, catalogue, "ACC006", preview=True) == expected


def test_reachable_anywhere_messages_in_both_languages(catalogue):
    text = ACC006_CASES["only through a VPN: the network key"][0]
    [en] = run(text, catalogue, select=("ACC006",)).diagnostics
    assert en.message == "'intranet' is not reachable from anywhere on the internet (access.network: vpn)"
    assert not en.unstated
    [fr] = run(text, catalogue, select=("ACC006",), lang="fr").diagnostics
    assert fr.message == "« intranet » n'est pas accessible de partout par internet (access.network : vpn)"
    text = ACC006_CASES["not stated counts as not reachable: the entity key"][0]
    [en] = run(text, catalogue, select=("ACC006",)).diagnostics
    assert en.unstated
    assert en.message == ("'payroll': access.network is not stated (counted as not reachable from anywhere on the "
                          "internet)")
    [fr] = run(text, catalogue, select=("ACC006",), lang="fr").diagnostics
    assert fr.message == ("« payroll » : access.network n'est pas indiqué (l'application ne compte pas comme accessible "
                          "de partout par internet)")


# --- ACC007 device-choice ------------------------------------------------------------------

ACC007_CASES = {
    "windows only: the families key of the fleet": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [windows]}
        """, [("ACC007", None, 3, 35)]),
    "four families but no chromebook": ("""\
        version: 1
        infrastructure:
          laptops:
            type: access-devices
            families: [windows, macos, android, ios]
        """, [("ACC007", None, 5, 5)]),
    "linux is not a required family: two of them": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [linux, windows, chromebook]}
        """, [("ACC007", None, 3, 35)]),
    "three required families with chromebook": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [windows, macos, chromebook]}
        """, []),
    "the fleets together: windows and chromebook laptops, and phones": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [windows, chromebook]}
          phones: {type: access-devices, families: [android, ios]}
        """, []),
    "the fleets together still too few: at the first fleet": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [windows]}
          phones: {type: access-devices, families: [android]}
        """, [("ACC007", None, 3, 35)]),
    "families not stated: offering none, at the first fleet's key": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices}
        """, [("ACC007", None, 3, 3)]),
    "an empty list": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: []}
        """, [("ACC007", None, 3, 35)]),
    "no access-devices infrastructure: nothing to judge": ("""\
        version: 1
        infrastructure:
          lan: {type: network, availability: 99.99}
        applications:
          crm: {access: {browser: true}}
        """, []),
    "an unknown family is EST003, not ACC007": ("""\
        version: 1
        infrastructure:
          laptops: {type: access-devices, families: [amiga]}
        """, []),
}


@pytest.mark.parametrize("text, expected", ACC007_CASES.values(), ids=ACC007_CASES.keys())
def test_device_choice(catalogue, text, expected):
    assert findings(text, catalogue, "ACC007", preview=True) == expected


@pytest.mark.parametrize("minimum, families, expected", [
    (2, "[windows, chromebook]", []),
    (3, "[windows, chromebook]", [("ACC007", None, 3, 35)]),
    (1, "[chromebook]", []),
    (0, "[windows]", [("ACC007", None, 3, 35)]),  # chromebook is required whatever the minimum
    (5, "[windows, macos, chromebook, android, ios]", []),
    (5, "[windows, macos, linux, chromebook, android]", [("ACC007", None, 3, 35)]),
])
def test_device_choice_follows_min_device_families(catalogue, minimum, families, expected):
    text = f"""\
    version: 1
    infrastructure:
      laptops: {{type: access-devices, families: {families}}}
    """
    assert findings(text, catalogue, "ACC007", preview=True, options={"min_device_families": minimum}) == expected


def test_device_choice_counts_only_the_required_devices(catalogue):
    text = ACC007_CASES["windows only: the families key of the fleet"][0]
    options = {"required_devices": ["windows", "chromebook"], "min_device_families": 1}
    # windows counts, but chromebook is still missing
    assert findings(text, catalogue, "ACC007", preview=True, options=options) == [("ACC007", None, 3, 35)]
    text = text.replace("[windows]", "[chromebook]")
    assert findings(text, catalogue, "ACC007", preview=True, options=options) == []


def test_device_choice_messages_in_both_languages(catalogue):
    text = ACC007_CASES["windows only: the families key of the fleet"][0]
    [en] = run(text, catalogue, select=("ACC007",)).diagnostics
    assert (en.message, en.unstated) == ("device families offered by the access devices (laptops): windows; 1 of the "
                                         "required families, where at least 3 are needed, chromebook among them",
                                         False)
    [fr] = run(text, catalogue, select=("ACC007",), lang="fr").diagnostics
    assert fr.message == ("familles offertes par les objets d'accès (laptops) : windows, soit 1 des familles requises ; "
                          "il en faut au moins 3, dont chromebook")
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
    assert fr.message == ("les composants access-devices (laptops, phones) n'indiquent pas leurs familles (families) : "
                          "ils comptent comme n'en offrant aucune")
    # one fleet that states its families is a stated finding: what is offered is known
    stated = text.replace("phones: {type: access-devices}", "phones: {type: access-devices, families: [ios]}")
    [diagnostic] = run(stated, catalogue, select=("ACC007",)).diagnostics
    assert not diagnostic.unstated
    assert diagnostic.message.endswith("(laptops, phones): ios; 1 of the required families, where at least 3 are needed, "
                                       "chromebook among them")


# --- CLD007 supported-versions -------------------------------------------------------------

CLD007_CASES = {
    "support ended: the end_of_support key": ("""\
        version: 1
        applications:
          mail:
            usage: support
            lifecycle: {version: "2013", end_of_support: 2023-04-11}
        """, [("CLD007", "mail", 5, 34)]),
    "support ended yesterday": ("""\
        version: 1
        applications:
          mail:
            lifecycle:
              version: "2019"
              end_of_support: 2026-11-22
        """, [("CLD007", "mail", 6, 7)]),
    "support ends today: still supported": ("""\
        version: 1
        applications:
          mail:
            lifecycle: {version: "2019", end_of_support: 2026-11-23}
        """, []),
    "support ends later": ("""\
        version: 1
        applications:
          mail:
            lifecycle: {version: "2019", end_of_support: 2030-10-14}
        """, []),
    "no end of support stated: never": ("""\
        version: 1
        applications:
          mail:
            lifecycle: {version: "2013"}
        """, []),
    "a lifecycle stage as a word: never": ("""\
        version: 1
        applications:
          mail:
            lifecycle: production
        """, []),
    "the product's date for the stated version: the product key": ("""\
        version: 1
        applications:
          mail:
            product: exchange-2016
            lifecycle: {version: "2016"}
        """, [("CLD007", "mail", 4, 5)]),
    "the product's date for its own version when none is stated": ("""\
        version: 1
        applications:
          mail:
            product: exchange-2016
        """, [("CLD007", "mail", 4, 5)]),
    "a stated end of support wins over the product's": ("""\
        version: 1
        applications:
          mail:
            product: exchange-2016
            lifecycle: {version: "2016", end_of_support: 2030-01-01}
        """, []),
    "a stated end of support in the past wins too: its own key": ("""\
        version: 1
        applications:
          mail:
            product: exchange-2019
            lifecycle: {version: "2019", end_of_support: 2024-01-01}
        """, [("CLD007", "mail", 5, 34)]),
    "a version the product publishes no date for": ("""\
        version: 1
        applications:
          mail:
            product: exchange-2016
            lifecycle: {version: "2019"}
        """, []),
    "a SaaS product has no end of support": ("""\
        version: 1
        applications:
          mail:
            product: google-workspace
        """, []),
    "a malformed date is EST003, not CLD007": ("""\
        version: 1
        applications:
          mail:
            lifecycle: {version: "2013", end_of_support: 2023-13-45}
        """, []),
}


@pytest.mark.parametrize("text, expected", CLD007_CASES.values(), ids=CLD007_CASES.keys())
def test_supported_versions(catalogue, text, expected):
    assert findings(text, catalogue, "CLD007", preview=True) == expected


@pytest.mark.parametrize("today, fires", [
    (datetime.date(2025, 10, 13), False),
    (datetime.date(2025, 10, 14), False),  # the last day of support
    (datetime.date(2025, 10, 15), True),
])
def test_supported_versions_is_decided_by_today(catalogue, today, fires):
    text = CLD007_CASES["the product's date for the stated version: the product key"][0]
    expected = [("CLD007", "mail", 4, 5)] if fires else []
    assert findings(text, catalogue, "CLD007", preview=True, today=today) == expected


def test_supported_versions_messages_give_the_date_and_the_version(catalogue):
    text = CLD007_CASES["support ended: the end_of_support key"][0]
    [en] = run(text, catalogue, select=("CLD007",)).diagnostics
    assert (en.message, en.severity, en.unstated) == (
        "'mail' runs version 2013, whose support ended on 2023-04-11 (today is 2026-11-23)", "error", False)
    [fr] = run(text, catalogue, select=("CLD007",), lang="fr").diagnostics
    assert fr.message == "« mail » tourne dans la version 2013, dont le support a pris fin le 2023-04-11 (nous sommes le 2026-11-23)"


def test_supported_versions_says_the_date_comes_from_the_product(catalogue):
    text = CLD007_CASES["the product's date for the stated version: the product key"][0]
    today = datetime.date(2025, 10, 15)
    [en] = run(text, catalogue, select=("CLD007",), today=today).diagnostics
    assert en.message == ("'mail' runs version 2016, whose support ended on 2025-10-14 (today is 2025-10-15); "
                          "dates from product exchange-2016")
    [fr] = run(text, catalogue, select=("CLD007",), today=today, lang="fr").diagnostics
    assert fr.message == ("« mail » tourne dans la version 2016, dont le support a pris fin le 2025-10-14 (nous sommes le "
                          "2025-10-15) ; dates selon le produit exchange-2016")
    # a stated date is the estate's own: the message names no product
    text = CLD007_CASES["a stated end of support in the past wins too: its own key"][0]
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
    assert en.message == "'mail' runs a version, whose support ended on 2023-04-11 (today is 2026-11-23)"
    [fr] = run(text, catalogue, select=("CLD007",), lang="fr").diagnostics
    assert fr.message == ("« mail » tourne dans une version non indiquée, dont le support a pris fin le 2023-04-11 "
                          "(nous sommes le 2026-11-23)")


# --- COL006 office-tools-for-all -------------------------------------------------------------

COL006_CASES = {
    "the largest users below the workforce: the workforce key": ("""\
        version: 1
        organization: Acme
        workforce: 3000
        applications:
          mail: {usage: support, category: messaging, users: 1000}
          suite: {usage: support, category: office, users: 2500}
        """, [("COL006", None, 3, 1)]),
    "categories in any case": ("""\
        version: 1
        workforce: 3000
        applications:
          mail: {category: MESSAGING, users: 1000}
          suite: {category: Office, users: 2000}
        """, [("COL006", None, 2, 1)]),
    "one tool reaches everyone: the largest counts, not the sum": ("""\
        version: 1
        workforce: 3000
        applications:
          mail: {category: Messaging, users: 3000}
          suite: {category: office, users: 200}
        """, []),
    "more users than the workforce": ("""\
        version: 1
        workforce: 3000
        applications:
          suite: {category: office, users: 3500}
        """, []),
    "other categories do not count, even large ones": ("""\
        version: 1
        workforce: 3000
        applications:
          crm: {category: sales, users: 5000}
          docs: {category: documents, users: 5000}
        """, [("COL006", None, 2, 1)]),
    "no workforce stated: never": ("""\
        version: 1
        applications:
          mail: {category: messaging, users: 10}
        """, []),
    "no workforce stated, no users either: never": ("""\
        version: 1
        applications:
          mail: {category: messaging}
        """, []),
    "users not stated: reaching nobody": ("""\
        version: 1
        workforce: 3000
        applications:
          mail: {category: messaging}
        """, [("COL006", None, 2, 1)]),
    "a workforce of nobody": ("""\
        version: 1
        workforce: 0
        applications:
          mail: {category: messaging}
        """, []),
    "a workforce that is not a number is EST003, not COL006": ("""\
        version: 1
        workforce: many
        applications:
          mail: {category: messaging, users: 10}
        """, []),
}


@pytest.mark.parametrize("text, expected", COL006_CASES.values(), ids=COL006_CASES.keys())
def test_office_tools_for_all(catalogue, text, expected):
    assert findings(text, catalogue, "COL006", preview=True) == expected


def test_office_tools_for_all_messages_give_both_figures_and_the_share(catalogue):
    text = COL006_CASES["the largest users below the workforce: the workforce key"][0]
    [en] = run(text, catalogue, select=("COL006",)).diagnostics
    assert (en.message, en.severity, en.unstated) == (
        "office and messaging tools reach 2,500 people (suite), 16.7% of the workforce of 3,000 left out",
        "warning", False)
    [fr] = run(text, catalogue, select=("COL006",), lang="fr").diagnostics
    assert fr.message == ("la bureautique et la messagerie touchent 2 500 personnes (suite) : 16,7 % des 3 000 "
                          "collaborateurs restent à l'écart")


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
    assert en.message == ("the office and messaging tools (mail, suite): users is not stated (counted as reaching "
                          "nobody of the workforce of 3,000)")
    [fr] = run(text, catalogue, select=("COL006",), lang="fr").diagnostics
    assert fr.message == ("la bureautique et la messagerie (mail, suite) n'indiquent pas leur nombre d'utilisateurs "
                          "(users) : elles comptent comme ne touchant aucun des 3 000 collaborateurs")


# --- preview: off by default, on when asked -------------------------------------------------

def _firing():
    """Every case above in which its rule fires: (code, text, expected)."""
    for code, cases in (("ACC006", ACC006_CASES), ("ACC007", ACC007_CASES), ("COL006", COL006_CASES)):
        for name, (text, expected) in cases.items():
            if expected:
                yield pytest.param(code, text, expected, id=f"{code}: {name}")


FIRING = list(_firing())


@pytest.mark.parametrize("code, text, expected", FIRING)
def test_without_preview_a_preview_rule_never_runs(catalogue, code, text, expected):
    assert findings(text, catalogue, code) == []
    result = run(text, catalogue)
    assert code not in result.rules_run
    assert not any(d.code in PREVIEW for d in result.diagnostics)


@pytest.mark.parametrize("code, text, expected", FIRING)
def test_selected_by_its_exact_code_it_runs_without_preview(catalogue, code, text, expected):
    assert findings(text, catalogue, code, select=(code,)) == expected
    assert findings(text, catalogue, code, extend_select=(code,)) == expected
    assert findings(text, catalogue, code, select=(code,), ignore=(code[:3],)) == expected


@pytest.mark.parametrize("code, text, expected", FIRING)
def test_a_prefix_does_not_select_a_preview_rule(catalogue, code, text, expected):
    for prefix in (code[:3], code[:5], ""):
        assert findings(text, catalogue, code, select=(prefix,)) == [], prefix
        assert findings(text, catalogue, code, extend_select=(prefix,)) == [], prefix
    # with preview on, the prefix runs it
    assert findings(text, catalogue, code, select=(code[:3],), preview=True) == expected


@pytest.mark.parametrize("code, text, expected", FIRING)
def test_ignore_wins_over_preview(catalogue, code, text, expected):
    assert findings(text, catalogue, code, preview=True, ignore=(code,)) == []
    assert findings(text, catalogue, code, preview=True, ignore=(code[:3],)) == []


def test_exact_selection_runs_only_that_preview_rule(catalogue):
    text = """\
    version: 1
    workforce: 10
    infrastructure:
      laptops: {type: access-devices, families: [windows]}
    applications:
      mail:
        category: messaging
        users: 1
        access: {network: vpn}
        lifecycle: {version: "2013", end_of_support: 2023-04-11}
    """
    everything = {code for code, *_ in findings(text, catalogue, preview=True)}
    assert set(PREVIEW) <= everything
    for code in PREVIEW:
        found = {found_code for found_code, *_ in findings(text, catalogue, select=(code,))}
        assert found == {code}
        assert {found_code for found_code, *_ in findings(text, catalogue, extend_select=(code,))} & set(PREVIEW) == \
            {code}


# --- through the command line: the config key and the flag ------------------------------------

CLI_ESTATE = """\
version: 1
workforce: 10
infrastructure:
  laptops: {type: access-devices, families: [windows]}
applications:
  mail:
    usage: support
    category: messaging
    users: 1
    access: {network: vpn}
    lifecycle: {version: "2013", end_of_support: 2023-04-11}
"""
CLI_PREVIEW = [  # (line, column, code) of CLI_ESTATE's preview findings
    (2, 1, "COL006"), (4, 35, "ACC007"), (10, 14, "ACC006")]


def _cli(tmp_path, monkeypatch, *args, config: str = ""):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "estate.yaml").write_text(CLI_ESTATE, encoding="utf-8")
    if config:
        (tmp_path / ".si-lint.yaml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["estate.yaml", "--today", "2026-11-23", "--format", "json", *args],
                                catch_exceptions=False)
    import json

    assert result.exit_code in (0, 1), result.output
    return [(d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]
            if d["code"] in PREVIEW]


def test_cli_without_preview_runs_no_preview_rule(tmp_path, monkeypatch):
    assert _cli(tmp_path, monkeypatch) == []
    assert _cli(tmp_path, monkeypatch, config="preview: false\n") == []


def test_cli_preview_flag(tmp_path, monkeypatch):
    assert _cli(tmp_path, monkeypatch, "--preview") == CLI_PREVIEW
    # the flag wins over the config file
    assert _cli(tmp_path, monkeypatch, "--preview", config="preview: false\n") == CLI_PREVIEW


def test_cli_preview_config_key(tmp_path, monkeypatch):
    assert _cli(tmp_path, monkeypatch, config="preview: true\n") == CLI_PREVIEW


def test_cli_preview_in_pyproject(tmp_path, monkeypatch):
    assert _cli(tmp_path, monkeypatch, config="") == []
    (tmp_path / "pyproject.toml").write_text("[tool.si-lint]\npreview = true\n", encoding="utf-8")
    assert _cli(tmp_path, monkeypatch) == CLI_PREVIEW


@pytest.mark.parametrize("args, config, expected", [
    (("--select", "ACC006"), "", [(10, 14, "ACC006")]),
    (("--select", "acc006,COL006"), "", [(2, 1, "COL006"), (10, 14, "ACC006")]),
    (("--select", "ACC"), "", []),
    (("--select", "ACC00"), "", []),
    ((), "select: [COL006]\n", [(2, 1, "COL006")]),
    ((), "extend-select: [ACC007]\n", [(4, 35, "ACC007")]),
    ((), "select: [COL]\n", []),
    (("--select", "ACC"), "preview: true\n", [(4, 35, "ACC007"), (10, 14, "ACC006")]),
])
def test_cli_exact_code_selection(tmp_path, monkeypatch, args, config, expected):
    assert _cli(tmp_path, monkeypatch, *args, config=config) == expected


def test_cli_preview_with_a_wrong_value_is_exit_2(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(CLI_ESTATE, encoding="utf-8")
    (tmp_path / ".si-lint.yaml").write_text("fail-on: error\npreview: yes please\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["estate.yaml"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: .si-lint.yaml:2:1: ")
