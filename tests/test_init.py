"""`si-lint init`: a starter estate and config that a new user can lint right away, clean."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import TODAY
from si_lint.cli.main import main
from si_lint.config import resolve
from si_lint.rules.settings import DEFAULT_OPTIONS


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_init_writes_a_starter_that_lints_clean_with_its_config(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    result = invoke("init")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "wrote .si-lint.yaml",
        "wrote estate/estate.yaml",
        "wrote .si-lint/estate.schema.json",
        "Next: edit them, then run `si-lint`.",
    ]
    for lang in ("en", "fr"):
        linted = invoke("estate/", "--fail-on", "info", "--lang", lang, "--today", "2026-11-23")
        assert (linted.exit_code, linted.stdout) == (
            0,
            {"en": "No problems found in 1 file.\n", "fr": "Aucun constat dans 1 fichier.\n"}[lang],
        )
    effective = resolve({}, None, "en", TODAY, Path.cwd())
    assert effective.path == ".si-lint.yaml"
    assert effective.origins["fail-on"] == ".si-lint.yaml:24:1"
    assert effective.baseline is None  # shown, commented out, for an estate that already has findings
    # The starter spells the thresholds out at their defaults: it changes nothing until the user does.
    assert effective.settings.options == DEFAULT_OPTIONS
    assert (effective.settings.select, effective.settings.ignore) == (None, ())


def test_the_starter_files_explain_themselves(tmp_path):
    invoke("init", tmp_path)
    estate = (tmp_path / "estate" / "estate.yaml").read_text(encoding="utf-8")
    config = (tmp_path / ".si-lint.yaml").read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("#") for line in estate.splitlines()) >= 10
    assert "# waivers:" in estate  # how to accept an exception, shown but not in force
    for key in ("select", "ignore", "extend-select", "severity", "fail-on", "rules-dir", "lang", "options"):
        assert f"{key}:" in config


def test_init_into_a_new_folder_says_where_to_go(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "acme")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Next: edit them, then run `cd acme && si-lint`."
    assert (tmp_path / "acme" / "estate" / "estate.yaml").is_file()


def test_init_never_overwrites_and_writes_nothing_when_a_file_exists(tmp_path):
    (tmp_path / "estate").mkdir()
    (tmp_path / "estate" / "estate.yaml").write_text("mine\n", encoding="utf-8")
    result = invoke("init", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {tmp_path / 'estate' / 'estate.yaml'}: already there; si-lint init "
        "writes only new files (move them away or pick another folder)\n"
    )
    assert (tmp_path / "estate" / "estate.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / ".si-lint.yaml").exists()


def test_init_in_french_writes_lang_fr_in_force_and_a_french_starter(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = invoke("init", "--lang", "fr")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("Ensuite")  # the command's own words are French too
    # In force, from the config: a plain run, on an English machine, speaks French.
    effective = resolve({}, None, "en", TODAY, Path.cwd())
    assert effective.settings.lang == "fr"
    assert effective.origins["lang"].startswith(".si-lint.yaml:")
    assert effective.settings.options == DEFAULT_OPTIONS
    linted = invoke("estate/", "--fail-on", "info", "--today", "2026-11-23")
    assert (linted.exit_code, linted.stdout) == (0, "Aucun constat dans 1 fichier.\n")
    estate = (tmp_path / "estate" / "estate.yaml").read_text(encoding="utf-8")
    assert "Un patrimoine de départ" in estate and "A starter estate" not in estate
    schema = (tmp_path / ".si-lint" / "estate.schema.json").read_text(encoding="utf-8")
    assert "nombre d'utilisateurs" in schema


def test_init_in_english_leaves_the_language_to_each_machine(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "--lang", "en").exit_code == 0
    config = (tmp_path / ".si-lint.yaml").read_text(encoding="utf-8")
    assert "\nlang:" not in config and "# lang: fr" in config
    assert "A starter estate" in (tmp_path / "estate" / "estate.yaml").read_text(encoding="utf-8")


def test_the_french_starter_is_the_english_one_in_other_words():
    """Same keys and values line by line (names and free text aside), so the two cannot drift apart."""
    from importlib import resources

    starter = resources.files("si_lint").joinpath("starter")

    def facts(name):
        import yaml

        return yaml.safe_load(starter.joinpath(name).read_text(encoding="utf-8"))

    english, french = facts("estate.yaml"), facts("estate.fr.yaml")
    for data in (english, french):
        data.pop("organization")
        for app in data["applications"].values():
            app.pop("name")
        for flow in data["integrations"]:
            flow.pop("data")
    assert english == french
    config_en, config_fr = facts("si-lint.yaml"), facts("si-lint.fr.yaml")
    assert config_fr.pop("lang") == "fr"
    assert config_en == config_fr
