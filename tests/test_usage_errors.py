"""A command line si-lint refuses: exit 2, the usage line, and a message naming the option, in the user's language.

Click would word these errors in English only; the language comes from
--lang as written, else the config file's `lang`, else LANG. The messages
asserted here are si-lint's catalogue (usage.*), never click's wording.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main
from si_lint.cli.shared import ARGV
from si_lint.cli.usage_errors import worded

LEGACY = str(REPO / "examples" / "legacy")
FRENCH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "fr_FR.UTF-8"}
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}


@pytest.fixture(autouse=True)
def project(tmp_path, monkeypatch):
    """A folder of its own, where no config file is found but the one a test writes."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    return tmp_path


def invoke(*args, env=ENGLISH):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="si-lint")


def without_french(args) -> list:
    """The same command line without its `--lang fr`."""
    kept = []
    for arg in args:
        if arg == "fr" and kept[-1:] == ["--lang"]:
            kept.pop()
        elif arg != "--lang=fr":
            kept.append(arg)
    return kept


def refused(result) -> str:
    """The message of a refused command line, after checking what every refusal shares."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


# (arguments, environment, usage line, what French says, what English says)
CASES = {
    "unknown option": (
        [LEGACY, "--lang", "fr", "--bogus"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "option inconnue « --bogus »",
        "no such option '--bogus'",
    ),
    "unknown option, the closest suggested": (
        [LEGACY, "--lang=fr", "--formt", "json"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "option inconnue « --formt » (vouliez-vous dire « --format » ?)",
        "no such option '--formt' (did you mean '--format'?)",
    ),
    "a format out of the list": (
        [LEGACY, "--lang", "fr", "--format", "xx"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--format : « xx » n'est pas l'une des valeurs permises : « text », « json »",
        "--format: 'xx' is not one of 'text', 'json'",
    ),
    "a severity out of the list, French from LANG": (
        [LEGACY, "--fail-on", "xx"],
        FRENCH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--fail-on : « xx » n'est pas l'une des valeurs permises : « error », « warning » ou « info »",
        "--fail-on: 'xx' is not one of 'error', 'warning' or 'info'",
    ),
    "a misspelt choice": (
        [LEGACY, "--fail-on", "eror"],
        FRENCH,
        "si-lint check [OPTIONS] [PATHS]...",
        "« eror » n'est pas l'une des valeurs permises : « error », « warning » ou « info » "
        "(vouliez-vous dire « error » ?)",
        "'eror' is not one of 'error', 'warning' or 'info' (did you mean 'error'?)",
    ),
    "a csv delimiter out of the list": (
        [LEGACY, "--csv-delimiter", "|", "--lang", "fr"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--csv-delimiter : « | » n'est pas l'une des valeurs permises : « , », « ; » ou « tab »",
        "--csv-delimiter: '|' is not one of ',', ';' or 'tab'",
    ),
    "a date that does not exist (a callback's refusal)": (
        ["--today", "2026-13-01", LEGACY, "--lang", "fr"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--today : « 2026-13-01 » n'est pas une date au format AAAA-MM-JJ",
        "--today: '2026-13-01' is not a date written YYYY-MM-DD",
    ),
    "a missing argument": (
        ["explain", "--lang", "fr"],
        ENGLISH,
        "si-lint explain [OPTIONS] CODE",
        "il manque l'argument CODE",
        "missing argument CODE",
    ),
    "an argument too many": (
        ["explain", "ACC001", "ACC002", "--lang", "fr"],
        ENGLISH,
        "si-lint explain [OPTIONS] CODE",
        "argument en trop : « ACC002 » ; si-lint explain n'attend que CODE",
        "unexpected argument 'ACC002'; si-lint explain takes only CODE",
    ),
    "arguments to a command that takes none": (
        ["schema", "a", "b"],
        FRENCH,
        "si-lint schema [OPTIONS]",
        "arguments en trop : « a », « b » ; si-lint schema n'attend aucun argument",
        "unexpected arguments 'a', 'b'; si-lint schema takes no argument",
    ),
    "a number out of its range (lazy command)": (
        ["plan", LEGACY, "--top", "0", "--lang", "fr"],
        ENGLISH,
        "si-lint plan [OPTIONS] [PATHS]...",
        "--top : « 0 » n'est pas un nombre entier supérieur ou égal à 1",
        "--top: '0' is not a whole number of at least 1",
    ),
    "a short option, named as written": (
        ["history", "-n", "x"],
        FRENCH,
        "si-lint history [OPTIONS] [PATHS]...",
        "-n : « x » n'est pas un nombre entier supérieur ou égal à 1",
        "-n: 'x' is not a whole number of at least 1",
    ),
    "an option without its value": (
        [LEGACY, "--lang", "fr", "--format"],
        ENGLISH,
        "si-lint check [OPTIONS] [PATHS]...",
        "il manque la valeur de --format : l'une des valeurs « text », « json »",
        "--format needs a value: one of 'text', 'json'",
    ),
    "a flag given a value": (
        [LEGACY, "--preview=yes"],
        FRENCH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--preview ne prend pas de valeur : l'écrire seule",
        "--preview takes no value; write it alone",
    ),
    "a folder where a file is expected": (
        [LEGACY, "--config", REPO / "examples"],
        FRENCH,
        "si-lint check [OPTIONS] [PATHS]...",
        "est un dossier ; un fichier est attendu",
        "is a folder; expected a file",
    ),
    "an unknown command of import": (
        ["import", "nosuch", "--lang", "fr"],
        ENGLISH,
        "si-lint import [OPTIONS] COMMAND [ARGS]...",
        "commande inconnue « nosuch » ; commandes disponibles : backstage et csv",
        "no such command 'nosuch'; the commands are backstage and csv",
    ),
    "a misspelt command, which is no path either": (
        ["explian", "ACC001"],
        FRENCH,
        "si-lint [OPTIONS] COMMAND [ARGS]...",
        "explian : ni fichier, ni dossier, ni commande de ce nom (vouliez-vous dire « explain » ?)",
        "explian: no such file, folder or command (did you mean 'explain'?)",
    ),
    "a misspelt command of import": (
        ["import", "cvs"],
        FRENCH,
        "si-lint import [OPTIONS] COMMAND [ARGS]...",
        "commande inconnue « cvs » (vouliez-vous dire « csv » ?)",
        "no such command 'cvs' (did you mean 'csv'?)",
    ),
    "import without its command": (
        ["import", "--"],
        FRENCH,
        "si-lint import [OPTIONS] COMMAND [ARGS]...",
        "il manque une commande après si-lint import : backstage ou csv",
        "a command is missing after si-lint import: backstage or csv",
    ),
    "a subcommand of import without its value": (
        ["import", "csv", "inventory.csv", "--delimiter"],
        FRENCH,
        "si-lint import csv [OPTIONS] INVENTORY",
        "il manque la valeur de --delimiter : l'une des valeurs « , », « ; » ou « tab »",
        "--delimiter needs a value: one of ',', ';' or 'tab'",
    ),
    "two options that do not go together (si-lint's own refusal)": (
        [LEGACY, "--baseline", "a.json", "--write-baseline", "b.json"],
        FRENCH,
        "si-lint check [OPTIONS] [PATHS]...",
        "--baseline et --write-baseline ne s'emploient pas ensemble",
        "--baseline and --write-baseline",
    ),
}


# The usage line names the arguments in the user's language too.
IN_FRENCH = {
    "COMMAND [ARGS]...": "COMMANDE [ARGUMENTS]...",
    "[PATHS]": "[CHEMINS]",
    "INVENTORY": "INVENTAIRE",
    "OLD NEW": "ANCIEN NOUVEAU",
    "[ID]": "[ID]",
    "CODE": "CODE",
    "[FOLDER]": "[DOSSIER]",
}


def in_french(usage: str) -> str:
    for english, french in IN_FRENCH.items():
        usage = usage.replace(english, french)
    return usage


@pytest.mark.parametrize("args, env, usage, french, english", CASES.values(), ids=CASES.keys())
def test_in_french(args, env, usage, french, english):
    message = refused(invoke(*args, env=env))
    usage = in_french(usage)
    assert message.startswith(
        f"Utilisation : {usage}\nSaisir « {usage.split(' [')[0]} --help » pour obtenir de l'aide.\n\n"
    )
    assert message.endswith("\n") and message.count("\n") == 4
    assert message.splitlines()[-1].startswith("si-lint: erreur : ")
    assert french in message


@pytest.mark.parametrize("args, env, usage, french, english", CASES.values(), ids=CASES.keys())
def test_in_english(args, env, usage, french, english):
    message = refused(invoke(*without_french(args), env=ENGLISH))
    assert message.startswith(f"Usage: {usage}\nTry '{usage.split(' [')[0]} --help' for help.\n\n")
    assert message.splitlines()[-1].startswith("si-lint: error: ")
    assert english in message


def test_a_path_close_to_a_command_name_is_still_linted(project):
    (project / "plans").mkdir()
    (project / "plans" / "estate.yaml").write_text("version: 1\n")
    assert invoke("plans").exit_code == 0
    assert "check.yaml: no such file or folder" in invoke("check.yaml").stderr  # a file name, not a command


def test_lang_from_the_config_file(project):
    (project / ".si-lint.yaml").write_text("lang: fr\n")
    assert "« xx » n'est pas l'une des valeurs permises" in refused(invoke(LEGACY, "--fail-on", "xx"))
    # the flag wins over the file, as it does for the run
    assert "'xx' is not one of" in refused(invoke(LEGACY, "--fail-on", "xx", "--lang", "en"))


def test_lang_from_the_config_file_named_by_config(project):
    (project / "team.yaml").write_text("lang: fr\n")
    assert "option inconnue « --bogus »" in refused(invoke(LEGACY, "--config", "team.yaml", "--bogus"))


def test_an_unreadable_config_file_leaves_the_environment_choose(project):
    (project / ".si-lint.yaml").write_text("lang: [\n")
    assert "option inconnue « --bogus »" in refused(invoke(LEGACY, "--bogus", env=FRENCH))
    assert "no such option '--bogus'" in refused(invoke(LEGACY, "--bogus"))


def test_a_bad_lang_value_is_refused_in_the_environment_language():
    assert "--lang : « de » n'est pas l'une des valeurs permises : « en » ou « fr »" in refused(
        invoke(LEGACY, "--lang", "de", env=FRENCH)
    )


def test_a_real_process_in_french():
    result = subprocess.run(
        [sys.executable, "-m", "si_lint", LEGACY, "--bogus"],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("si-lint: erreur : option inconnue « --bogus »\n")


def test_a_kind_of_error_not_known_is_still_french_with_the_option_and_its_value():
    """A parameter type si-lint does not use yet: French says which option and value, English keeps click's words."""

    @click.command()
    @click.option("--ratio", type=click.FloatRange(0, 1))
    def command(ratio):
        pass

    for lang, expected in (
        ("fr", "si-lint: erreur : --ratio : « 7 » n'est pas une valeur acceptée"),
        ("en", "si-lint: error: "),
    ):
        argv = ["--ratio", "7", "--lang", lang]
        with pytest.raises(click.BadParameter) as caught:
            command.make_context("tool", argv[:2])
        root = click.Context(command, info_name="tool")
        root.meta[ARGV] = argv
        error = worded(caught.value, root)
        assert error.exit_code == 2
        assert error.message.startswith(expected)
        assert "--ratio" in error.message and "7" in error.message


def test_the_readme_sample_is_what_si_lint_prints():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command, printed = re.search(r"```text\n\$ (si-lint [^\n]*--lang fr[^\n]*)\n(.*?)```", readme, re.S).groups()
    assert refused(invoke(*shlex.split(command)[1:])) == printed
