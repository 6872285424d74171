"""Which rules run: select and ignore, and the rules in preview (issue 14).

A preview rule (ACC006, ACC007, COL006, of rules 1.1; CLD007 is stable from 1.2) never runs without `preview`,
unless it is selected by its exact code (a prefix does not); the config key `preview: true` and the `--preview` flag
turn them on through the command line. Where each rule fires is in its cases (tests/rules/cases/), run with
`preview: true`.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import findings, run
from rule_cases import load
from si_lint.cli.main import main

PREVIEW = ("ACC006", "ACC007", "COL006")

# --- select and ignore, on the ACC rules ---------------------------------------------------

THICK_CLIENT = """\
    version: 1
    applications:
      cad:
        access: {browser: false, installed_clients: [cad-client]}
    """


def test_all_acc_rules_on_a_thick_client(catalogue):
    assert findings(THICK_CLIENT, catalogue, select=("ACC",)) == [
        ("ACC002", "cad", 3, 3),
        ("ACC003", "cad", 3, 3),
        ("ACC001", "cad", 4, 14),
        ("ACC004", "cad", 4, 30),
    ]


@pytest.mark.parametrize(
    "select, ignore, codes",
    [
        (("ACC002",), (), ["ACC002"]),
        (("ACC",), ("ACC00",), []),
        (("ACC",), ("ACC001", "ACC003"), ["ACC002", "ACC004"]),
        (None, ("ACC",), []),
    ],
)
def test_select_and_ignore(catalogue, select, ignore, codes):
    found = findings(THICK_CLIENT, catalogue, select=select, ignore=ignore)
    assert sorted(code for code, *_ in found if code.startswith("ACC")) == codes


# --- preview: off by default, on when asked -------------------------------------------------


def _firing():
    """Every case of a preview rule that fires with `preview` alone: (code, text, expected)."""
    for code in PREVIEW:
        for case in load(code).values():
            if case.fires and case.settings == {"preview": True}:
                yield pytest.param(code, case.estate, list(case.findings), id=case.id)


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
        assert {found_code for found_code, *_ in findings(text, catalogue, extend_select=(code,))} & set(PREVIEW) == {
            code
        }


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
    (2, 1, "COL006"),
    (4, 35, "ACC007"),
    (10, 14, "ACC006"),
]


def _cli(tmp_path, monkeypatch, *args, config: str = ""):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "estate.yaml").write_text(CLI_ESTATE, encoding="utf-8")
    if config:
        (tmp_path / ".si-lint.yaml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["estate.yaml", "--today", "2026-11-23", "--format", "json", *args], catch_exceptions=False
    )
    import json

    assert result.exit_code in (0, 1), result.output
    return [
        (d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)["diagnostics"] if d["code"] in PREVIEW
    ]


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


@pytest.mark.parametrize(
    "args, config, expected",
    [
        (("--select", "ACC006"), "", [(10, 14, "ACC006")]),
        (("--select", "acc006,COL006"), "", [(2, 1, "COL006"), (10, 14, "ACC006")]),
        (("--select", "ACC"), "", []),
        (("--select", "ACC00"), "", []),
        ((), "select: [COL006]\n", [(2, 1, "COL006")]),
        ((), "extend-select: [ACC007]\n", [(4, 35, "ACC007")]),
        ((), "select: [COL]\n", []),
        (("--select", "ACC"), "preview: true\n", [(4, 35, "ACC007"), (10, 14, "ACC006")]),
    ],
)
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
