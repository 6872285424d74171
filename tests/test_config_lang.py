"""`lang: fr` in the config file is the language of every command, not only of a lint run."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main


@pytest.fixture
def french_project(tmp_path, monkeypatch):
    (tmp_path / ".si-lint.yaml").write_text("lang: fr\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return tmp_path


@pytest.mark.parametrize(
    "args, french",
    [
        (["explain", "ACC002"], "Pourquoi"),
        (["rules"], "navigateur"),
        (["products", "google-workspace"], "Faits qu'il fournit"),
        (["schema"], "Le patrimoine d'un système"),
    ],
)
def test_commands_that_read_no_estate_speak_the_config_language(french_project, args, french):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert french in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["check", "missing.yaml"],
        ["explain", "XYZ999"],
        ["products", "no-such-product"],
        ["import", "csv", "missing.csv", "--suggest-mapping"],
        ["diff", "a.json", "b.json"],
    ],
)
def test_errors_are_in_the_config_language(french_project, args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: erreur : ")


def test_the_flag_still_wins_over_the_config(french_project):
    result = CliRunner().invoke(main, ["explain", "XYZ999", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: ")
