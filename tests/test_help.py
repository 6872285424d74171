"""--help in the user's language: every command's help, options, metavars and titles come from the word
catalogues (help.*), in French with --lang fr, a config's `lang: fr` or LANG=fr_FR, whatever their order."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from si_lint.cli.main import main
from si_lint.i18n.words_en import WORDS as ENGLISH
from si_lint.i18n.words_fr import WORDS as FRENCH_WORDS

ENV_EN = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
ENV_FR = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "fr_FR.UTF-8"}


def commands(group=main, path=()):
    """Every command path below `si-lint`, the groups included."""
    ctx = click.Context(group, info_name="si-lint")
    yield path
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from commands(command, path + (name,))
        else:
            yield path + (name,)


COMMANDS = list(commands())


@pytest.fixture(autouse=True)
def elsewhere(tmp_path, monkeypatch):
    """No config file of the repository is found."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def shown(*args, env=ENV_EN) -> str:
    result = CliRunner().invoke(main, list(args), env=env, prog_name="si-lint")
    assert result.exit_code == 0, result.output
    return result.output


def flat(text: str) -> str:
    """The help as one line: click wraps it to the terminal's width."""
    return " ".join(text.split())


def keys(path) -> list:
    """The catalogue keys the command's help shows: its help and epilog, its options' help."""
    command = main
    for name in path:
        command = command.get_command(click.Context(command), name)
    owned = [command.help, command.epilog] + [param.help for param in command.params if isinstance(param, click.Option)]
    return [key for key in owned if isinstance(key, str) and key.startswith("help.")]


def test_every_help_sentence_is_translated():
    untranslated = [
        key
        for key, text in ENGLISH.items()
        if key.startswith("help.") and len(text.split()) > 2 and FRENCH_WORDS[key] == text
    ]
    assert untranslated == []


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "si-lint")
def test_every_help_is_french_with_lang_fr(path):
    text = shown(*path, "--help", "--lang", "fr")
    assert text.startswith("Utilisation : si-lint")
    assert "Options :" in text and "Afficher ce message et quitter." in text
    assert "help." not in text  # no key left unworded
    letters = "".join(text.split())  # click wraps lines, at hyphens too (si-\nlint)
    for key in keys(path):
        assert "".join(FRENCH_WORDS[key].replace("\b", "").split())[:60] in letters, key
    for leftover in ("Usage:", "Show this message", "Commands:", " PATH", " FILE", " TEXT", " INTEGER", "default:"):
        assert leftover not in text, leftover


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "si-lint")
def test_every_help_is_english_by_default_and_names_no_key(path):
    text = shown(*path, "--help")
    assert text.startswith("Usage: si-lint")
    assert "Options:" in text and "Show this message and exit." in text
    assert "help." not in text


def test_the_option_help_of_check_in_both_languages():
    english, french = flat(shown("check", "--help")), flat(shown("check", "--help", "--lang", "fr"))
    assert "-o, --output FILE Write the report to FILE." in english
    assert "-o, --output FICHIER Écrire le rapport dans FICHIER." in french
    assert "--today YYYY-MM-DD" in english and "--today AAAA-MM-JJ" in french
    assert "Usage: si-lint check [OPTIONS] [PATHS]..." in english
    assert "Utilisation : si-lint check [OPTIONS] [CHEMINS]..." in french
    assert "Exit codes:" in english and "Codes de sortie :" in french


@pytest.mark.parametrize("args", [["--help", "--lang", "fr"], ["--lang", "fr", "--help"], ["--lang=fr", "-h"]])
def test_the_main_help_in_french_whatever_the_order(args):
    text = shown(*args)
    assert text.startswith("Utilisation : si-lint [OPTIONS] COMMANDE [ARGUMENTS]...")
    assert re.search(r"Commandes :\n  check +Vérifier le patrimoine", text)


def test_french_from_the_environment_and_from_the_config(elsewhere):
    assert shown("plan", "--help", env=ENV_FR).startswith("Utilisation : si-lint plan")
    (elsewhere / ".si-lint.yaml").write_text("lang: fr\n", encoding="utf-8")
    assert shown("plan", "--help").startswith("Utilisation : si-lint plan")
    assert shown("plan", "--help", "--lang", "en").startswith("Usage: si-lint plan")


def test_a_group_without_lang_takes_it_for_its_help():
    text = shown("import", "--help", "--lang", "fr")
    assert "Commandes :" in text and "csv" in text and "Importer les applications listées dans" in text
