"""Issue 15, "Any input, any day": each input the fuzzing campaign broke si-lint with, through the real command.

Every case asserts the exit code (0, 1 or 2: never 3, never a traceback) and
the message, with its place when the input has one. The property-based tests
in `test_properties.py` guard the classes these samples belong to.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main


def invoke(*args, lang: str = "en"):
    result = CliRunner().invoke(
        main,
        [str(a) for a in args],
        catch_exceptions=False,
        env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8" if lang == "fr" else "C"},
    )
    assert "Traceback" not in result.output
    assert result.exit_code != 3, result.stderr
    return result


@pytest.fixture
def here(tmp_path, monkeypatch):
    """An empty repository root as the current folder: no config file of the machine is found."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def finding_lines(stdout: str, path) -> list:
    """The report's lines that are findings in `path` (the summary may take more than one line)."""
    return [line for line in stdout.splitlines() if line.startswith(f"{path}:")]


def estate(folder, text: str, name: str = "estate.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- tagged scalars and huge integers (the loader, for every YAML si-lint reads) -------------------

BAD_SCALARS = {
    "!!bool foo": ("'foo' is not a valid bool", "« foo » n'est pas une valeur valide pour l'étiquette `!!bool`"),
    '!!int ""': ("'' is not a valid int", "«  » n'est pas une valeur valide pour l'étiquette `!!int`"),
    '!!float ""': ("'' is not a valid float", "«  » n'est pas une valeur valide pour l'étiquette `!!float`"),
    "!!int abc": ("'abc' is not a valid int", "« abc » n'est pas une valeur valide pour l'étiquette `!!int`"),
}


@pytest.mark.parametrize("scalar", BAD_SCALARS)
def test_a_tagged_scalar_that_cannot_convert_is_est001_in_an_estate(here, scalar):
    path = estate(here, f"version: 1\norganization: {scalar}\n")
    english, french = BAD_SCALARS[scalar]
    result = invoke(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{path}:2:15: EST001 [error] invalid YAML: {english}"
    assert f"{path}:2:15: EST001 [erreur] YAML invalide : {french}" in invoke(path, "--lang", "fr").stdout


@pytest.mark.parametrize("scalar", BAD_SCALARS)
def test_a_tagged_scalar_that_cannot_convert_is_exit_2_in_a_config_file(here, scalar):
    path = estate(here, "version: 1\n")
    estate(here, f"fail-on: {scalar}\n", ".si-lint.yaml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr == f"si-lint: error: .si-lint.yaml:1:10: invalid YAML: {BAD_SCALARS[scalar][0]}\n"


def test_a_tagged_scalar_that_cannot_convert_is_exit_2_in_a_rule_file(here):
    (here / "rules").mkdir()
    estate(here / "rules", "code: ACME001\nname: x\nseverity: !!bool foo\n", "ACME001.yaml")
    result = invoke("rules", "--rules-dir", here / "rules")
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {here / 'rules' / 'ACME001.yaml'}:3:11: invalid YAML: 'foo' is not a valid bool\n"
    )


@pytest.mark.parametrize("written", ["9" * 5000, "!!int " + "9" * 5000, "-" + "9" * 4301])
def test_an_integer_past_python_s_conversion_limit_is_est001(here, written):
    path = estate(here, f"version: 1\norganization: x\napplications:\n  a: {{usage: business, users: {written}}}\n")
    result = invoke(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{path}:4:31: EST001 [error] invalid YAML: ")
    assert len(finding_lines(result.stdout, path)) == 1  # the file is not read further


def test_a_huge_integer_in_a_config_file_is_exit_2(here):
    path = estate(here, "version: 1\n")
    estate(here, f"options:\n  max_iaas_providers: {'9' * 5000}\n", ".si-lint.yaml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr == (
        "si-lint: error: .si-lint.yaml:2:23: invalid YAML: a number of 5,000 digits: "
        "too long to be a figure of the estate\n"
    )


@pytest.mark.parametrize(
    "toml",
    [
        "[tool.si-lint.options]\nmax_iaas_providers = " + "9" * 5000 + "\n",
        "[tool.si-lint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n",
    ],
)
def test_a_huge_integer_or_absurd_nesting_in_a_toml_config_is_exit_2(here, toml):
    path = estate(here, "version: 1\n")
    estate(here, toml, "pyproject.toml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: pyproject.toml: invalid TOML: ")


# --- an empty selection -------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["", ",", " , ,"])
def test_an_empty_select_flag_is_exit_2(here, flag):
    path = estate(here, "version: 1\napplications:\n  a: {usage: business}\n")
    result = invoke(path, "--select", flag)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "si-lint: error: --select: selects no rule; name codes or prefixes, like ACC or CLD001 "
        "(leave it out to run every rule)\n"
    )
    assert invoke(path, "--select", flag, lang="fr").stderr.startswith(
        "si-lint: erreur : --select : ne sélectionne aucune règle ;"
    )


@pytest.mark.parametrize(
    "name, text, where",
    [
        (".si-lint.yaml", "select: ''\n", ".si-lint.yaml:1:1"),
        (".si-lint.yaml", "select: []\n", ".si-lint.yaml:1:1"),
        (".si-lint.yaml", "fail-on: error\nselect: ','\n", ".si-lint.yaml:2:1"),
        ("pyproject.toml", '[tool.si-lint]\nselect = ""\n', "pyproject.toml:2:1"),
    ],
)
def test_an_empty_select_in_a_config_file_is_exit_2(here, name, text, where):
    path = estate(here, "version: 1\n")
    estate(here, text, name)
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {where}: select: selects no rule;"), result.stderr


# --- the TOML config is read from the parsed data ----------------------------------------------

# GOV002, a warning: exit 1 by default, 0 with fail-on: error.
WARNING_ONLY = (
    "version: 1\napplications:\n  a: {usage: business, delivery: saas, tenancy: multi, "
    "updates: vendor, access: {browser: true}, availability: {target: 99.99}}\n"
)


@pytest.mark.parametrize(
    "toml, key_line",
    [
        ('[tool.si-lint]\nfail-on = "error"\n', 2),
        ('[tool]\n"si-lint".fail-on = "error"\n', 2),
        ("[tool]\n'si-lint'.fail-on = \"error\"\n", 2),
        ('tool.si-lint.fail-on = "error"\n', 1),
        ('[tool]\nsi-lint = {fail-on = "error"}\n', 2),
        ('tool = {si-lint = {fail-on = "error"}}\n', 1),
        ('[tool."si-lint"]\nfail-on = "error"\n', 2),
    ],
)
def test_every_toml_spelling_of_the_table_is_read(here, toml, key_line):
    estate(here, toml, "pyproject.toml")
    config = invoke("config")
    assert config.exit_code == 0
    assert [line.split() for line in config.stdout.splitlines() if line.startswith("fail-on")] == [
        ["fail-on", "error", "#", f"pyproject.toml:{key_line}:1"]
    ]
    path = estate(here, WARNING_ONLY)
    assert invoke(path).exit_code == 0, "fail-on: error was not applied"
    assert invoke(path, "--fail-on", "warning").exit_code == 1
    # a bad value is reported where it is written
    estate(here, toml.replace('"error"', '"fatal"'), "pyproject.toml")
    assert invoke(path).stderr.startswith(
        f"si-lint: error: pyproject.toml:{key_line}:1: fail-on: 'fatal' is not one of"
    )


def test_without_a_si_lint_table_a_pyproject_is_not_a_config(here):
    estate(here, '[tool]\nblack = {line-length = 100}\n[project]\nname = "x"\n', "pyproject.toml")
    assert invoke("config").stdout.startswith("config file: (none found: defaults)\n")


@pytest.mark.parametrize("toml", ['tool = "si-lint"\n', "tool = 3\n", "tool = [1, 2]\n"])
def test_a_tool_key_that_is_not_a_table(here, toml):
    estate(here, toml, "pyproject.toml")
    path = estate(here, "version: 1\n")
    assert invoke("config").stdout.startswith("config file: (none found: defaults)\n")
    assert invoke(path).exit_code == 0
    # named on the command line, it is not a si-lint config: said, not guessed
    result = invoke(path, "--config", "pyproject.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: pyproject.toml:1:1: [tool.si-lint] must be a table of keys")


# --- si-lint init writes only inside its folder, and all or nothing ------------------------------


def test_init_refuses_a_dangling_symlink_and_writes_nothing(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    outside = tmp_path / "outside.yaml"
    (folder / ".si-lint.yaml").symlink_to(outside)
    result = invoke("init", folder)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {folder / '.si-lint.yaml'}: already there;")
    assert not outside.exists() and not (folder / "estate").exists()


def test_init_refuses_a_symlinked_estate_folder(tmp_path):
    folder, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "estate").symlink_to(elsewhere)
    result = invoke("init", folder)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {folder / 'estate'}: already there;")
    assert list(elsewhere.iterdir()) == [] and not (folder / ".si-lint.yaml").exists()


def test_init_refuses_a_file_where_its_folder_goes_before_writing_anything(tmp_path):
    (tmp_path / "estate").write_text("notes\n", encoding="utf-8")
    result = invoke("init", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {tmp_path / 'estate'}: already there;")
    assert not (tmp_path / ".si-lint.yaml").exists()


# --- standard output that cannot be written ---------------------------------------------------

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


@needs_dev_full
@pytest.mark.parametrize(
    "args",
    [
        ["{estate}"],
        ["{estate}", "--format", "json"],
        ["rules"],
        ["explain", "ACC001"],
        ["schema"],
        ["config"],
        ["--help"],
        ["--version"],
    ],
)
def test_standard_output_that_cannot_be_written_is_exit_2(tmp_path, args):
    path = estate(tmp_path, "version: 1\n")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "si_lint", *(a.format(estate=path) for a in args)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            timeout=60,
            env=dict(os.environ, LC_ALL="C"),
        )
    assert result.returncode == 2
    assert result.stderr == "si-lint: error: standard output cannot be written (No space left on device)\n"


# --- every file si-lint reads: regular files only, bounded, plain JSON -------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def special_files(folder) -> dict:
    """What a user may name by mistake instead of a file: name -> path."""
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    files = {"a FIFO": fifo}
    if os.path.exists("/dev/zero"):
        files["/dev/zero"] = "/dev/zero"
    return files


@needs_fifo
def test_a_baseline_or_report_that_is_not_a_regular_file_is_refused_at_once(here):
    path = estate(here, "version: 1\n")
    for name, special in special_files(here).items():
        for args in ([path, "--baseline", special], ["diff", special, special]):
            result = invoke(*args)
            assert result.exit_code == 2, name
            assert result.stderr == f"si-lint: error: {special}: not a regular file or folder\n", name


@needs_fifo
def test_a_config_or_rule_file_that_is_not_a_regular_file_is_refused_at_once(here):
    path = estate(here, "version: 1\n")
    os.mkfifo(here / ".si-lint.yaml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr == "si-lint: error: .si-lint.yaml: not a regular file or folder\n"
    os.remove(here / ".si-lint.yaml")
    (here / "rules").mkdir()
    os.mkfifo(here / "rules" / "ACME001.yaml")
    result = invoke(path, "--rules-dir", here / "rules")
    assert result.exit_code == 2
    assert result.stderr == f"si-lint: error: {here / 'rules' / 'ACME001.yaml'}: not a regular file or folder\n"


def test_a_dangling_config_file_is_reported_not_skipped(here):
    path = estate(here, "version: 1\n")
    (here / ".si-lint.yaml").symlink_to(here / "moved.yaml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr == "si-lint: error: .si-lint.yaml: a symbolic link to a file that does not exist\n"


BAD_JSON = {
    "nested 100,000 deep": (
        "[" * 100_000 + "]" * 100_000,
        "nested more than 64 levels deep",
        "imbriqué sur plus de 64 niveaux",
    ),
    "nested 70 deep": ("[" * 70 + "]" * 70, "nested more than 64 levels deep", "imbriqué sur plus de 64 niveaux"),
    "an integer of 5,000 digits": (
        '{"version": ' + "9" * 5000 + "}",
        "a number of 5,000 digits",
        "un nombre de 5 000 chiffres",
    ),
    "NaN": ('{"version": 1, "findings": [], "x": NaN}', "NaN is not a JSON number", "NaN n'est pas un nombre JSON"),
    "1e999": ('{"version": 1e999}', "1e999 is not a JSON number", "1e999 n'est pas un nombre JSON"),
}


@pytest.mark.parametrize("name", BAD_JSON)
def test_json_that_python_reads_but_is_not_plain_json_is_exit_2(here, name):
    text, english, french = BAD_JSON[name]
    path = estate(here, "version: 1\n")
    bad = estate(here, text, "bad.json")
    result = invoke(path, "--baseline", bad)
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {bad}: not a JSON baseline: {english}; write one with --write-baseline\n"
    )
    result = invoke("diff", bad, bad)
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {bad}: not JSON ({english}); give a report written by `si-lint --format json`\n"
    )
    assert f"pas du JSON ({french})" in invoke("diff", bad, bad, lang="fr").stderr


BROKEN_JSON = ["{", '{"a" 1}', '{"a": 1 "b": 2}', "[1] x", '"abc', '"a\\qb"', "{a: 1}", "[1,]", '"a\x01"', ""]


@pytest.mark.parametrize("text", BROKEN_JSON)
def test_broken_json_is_said_in_our_words_at_its_place(here, text):
    """Never Python's English ("Expecting value") inside a French message: the decoder's problems are worded
    from the catalogue, a problem it names in words we do not know as "invalid JSON syntax"."""
    from si_lint.i18n.words_en import WORDS as ENGLISH
    from si_lint.i18n.words_fr import WORDS as FRENCH

    bad = estate(here, text, "bad.json")
    for lang, words, start in (("en", ENGLISH, "not JSON ("), ("fr", FRENCH, "pas du JSON (")):
        result = invoke("diff", bad, bad, lang=lang)
        assert result.exit_code == 2
        problem = result.stderr.split(start, 1)[1].split(")", 1)[0]
        assert problem in {text for key, text in words.items() if key.startswith("input.json.")}, problem
        assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: ", result.stderr)


# --- a linted folder: what cannot be read is reported, as when named on the command line -------


def _dangling(folder):
    (folder / "moved.yaml").symlink_to(folder / "gone.yaml")
    return folder / "moved.yaml", "a symbolic link to a file that does not exist"


def _loop(folder):
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    return folder / "a.yaml", "a symbolic link that leads back to itself"


def _fifo(folder):
    os.mkfifo(folder / "pipe.yaml")
    return folder / "pipe.yaml", "not a regular file or folder"


@pytest.mark.parametrize(
    "make", [_dangling, _loop, pytest.param(_fifo, marks=needs_fifo)], ids=["dangling link", "link loop", "FIFO"]
)
def test_an_unreadable_yaml_in_a_linted_folder_is_exit_2_named(here, make):
    folder = here / "estate"
    (folder / "apps").mkdir(parents=True)
    estate(folder, "version: 1\n")
    bad, words = make(folder / "apps")
    for args in ([folder], [bad]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == f"si-lint: error: {bad}: {words}\n"


def test_hidden_entries_and_folders_named_like_yaml_stay_out_of_a_linted_folder(here):
    folder = here / "estate"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "x.yaml").symlink_to(folder / "gone.yaml")
    (folder / "apps.yaml").mkdir()
    estate(folder / "apps.yaml", "version: 1\n")
    result = invoke(folder)
    assert (result.exit_code, result.stdout) == (0, "No problems found in 1 file.\n")


# --- NaN and infinities are not numbers -----------------------------------------------------------

NOT_NUMBERS = """\
version: 1
infrastructure:
  net: {type: network, availability: .nan}
  dns: {type: network, availability: .inf}
applications:
  a: {usage: support, owner: x, users: !!float .nan, cost: {per_user_month: -.inf}, availability: {target: .NaN}}
  b: {usage: business, owner: x, availability: {target: 99}, depends_on: [net, dns]}
"""


def test_nan_and_infinities_are_est003_wherever_the_estate_expects_a_number(here):
    path = estate(here, NOT_NUMBERS)
    result = invoke(path, "--select", "EST")
    assert result.exit_code == 1
    assert finding_lines(result.stdout, path) == [
        f"{path}:3:24: EST003 [error] infrastructure.net.availability: .nan is not a number: write a figure",
        f"{path}:4:24: EST003 [error] infrastructure.dns.availability: .inf is not a number: write a figure",
        f"{path}:6:33: EST003 [error] applications.a.users: .nan is not a number: write a figure",
        f"{path}:6:61: EST003 [error] applications.a.cost.per_user_month: -.inf is not a number: write a figure",
        f"{path}:6:100: EST003 [error] applications.a.availability.target: .nan is not a number: write a figure",
    ]
    assert (
        f"{path}:3:24: EST003 [erreur] infrastructure.net.availability : .nan n'est pas un nombre : "
        "écrire une valeur chiffrée"
    ) in invoke(path, "--select", "EST", "--lang", "fr").stdout


def test_a_component_whose_figure_is_not_a_number_counts_as_stating_none(here):
    path = estate(here, NOT_NUMBERS)
    result = invoke(path, "--format", "json")
    assert result.exit_code == 1
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    html = invoke(path, "--format", "html")
    assert html.exit_code == 1
    assert "NaN" not in html.stdout and "Infinity" not in html.stdout
    avl002 = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "AVL002"]
    assert avl002 == []  # 'b' promises 99 and both components count as 100, missing


@pytest.mark.parametrize("option", ["min_availability", "office_cost_ceiling", "max_iaas_providers"])
def test_nan_is_refused_as_an_option_value(here, option):
    path = estate(here, "version: 1\n")
    estate(here, f"options:\n  {option}: .nan\n", ".si-lint.yaml")
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: .si-lint.yaml:2:3: options.{option}: nan is not valid: expected ")


# --- ids that are not text ------------------------------------------------------------------------

TAGGED_IDS = """\
version: 1
applications:
  !!int 1: {usage: business}
  !!null '': {usage: business}
  crm: {usage: business, owner: sales, depends_on: [erp, crn]}
  erp: {usage: business, owner: sales, depends_on: [crm]}
data_stores:
  !!bool true: {kind: operational}
"""


@pytest.mark.parametrize(
    "format_name", ["text", "json", "junit", "markdown", "table", "html", "sarif", "gitlab", "github"]
)
def test_a_tagged_id_is_est003_at_its_key_and_every_later_stage_goes_on(here, format_name):
    path = estate(here, TAGGED_IDS)
    result = invoke(path, "--format", format_name)
    assert result.exit_code == 1
    assert result.stderr == ""


def test_a_tagged_id_is_worded_in_both_languages(here):
    path = estate(here, TAGGED_IDS)
    assert finding_lines(invoke(path, "--select", "EST").stdout, path) == [
        f"{path}:3:3: EST003 [error] applications: the key 1 is not text: ids are text, written without a tag "
        "(`!!int`, `!!bool`, `!!null`)",
        f"{path}:4:3: EST003 [error] applications: the key null (empty) is not text: ids are text, written without "
        "a tag (`!!int`, `!!bool`, `!!null`)",
        # the cycle check and the "did you mean" lookup ran past the tagged ids
        f"{path}:5:58: EST004 [error] component 'crn' is not defined (did you mean 'crm'?): define it or fix the id",
        f"{path}:6:53: EST006 [error] dependency cycle: crm -> erp -> crm; an application cannot need itself to "
        "run, so remove one of these depends_on entries",
        f"{path}:8:3: EST003 [error] data_stores: the key true is not text: ids are text, written without a tag "
        "(`!!int`, `!!bool`, `!!null`)",
    ]
    assert (
        f"{path}:3:3: EST003 [erreur] applications : la clé 1 n'est pas du texte : les identifiants sont du "
        "texte, écrits sans étiquette (`!!int`, `!!bool`, `!!null`)"
    ) in invoke(path, "--lang", "fr").stdout


# --- custom rule conditions: the JSON Schema subset, checked at load --------------------------------

RULES = REPO / "tests" / "data" / "custom_rules"
GOOD_RULE = (RULES / "ACME001-customer-facing-availability.yaml").read_text(encoding="utf-8")


def with_condition(condition: str, key: str = "when") -> str:
    """The documented rule with its `when` replaced by a one-line condition (line 7 when it is `when`)."""
    start, end = GOOD_RULE.index("\nwhen:") + 1, GOOD_RULE.index("\nen:") + 1
    text = GOOD_RULE[:start] + f"when: {condition}\n" + GOOD_RULE[end:]
    if key == "applies_to":
        text = text.replace("when: ", "when: {}\napplies_to: ", 1)
    return text


BAD_CONDITIONS = {
    "required: 5": ("{required: 5}", "7:8: when.required: 5 is a number, expected a list"),
    "type: [[]]": (
        "{type: [[]]}",
        "7:15: when.type.0: a list is not one of string, integer, number, boolean, object, array, null",
    ),
    "type: {}": ("{type: {}}", "7:8: when.type: a mapping is not one of string, integer"),
    "format: []": ("{format: []}", "7:8: when.format: a list is not one of date"),
    "minLength: 'x'": ("{minLength: 'x'}", "7:8: when.minLength: 'x' is text, expected a whole number"),
    "minItems: null": ("{minItems: null}", "7:8: when.minItems: null (empty) is empty, expected a whole number"),
    "minProperties: 'a'": ("{minProperties: 'a'}", "7:8: when.minProperties: 'a' is text, expected a whole number"),
    "required: [[1]]": ("{required: [[1]]}", "7:19: when.required.0: a list, expected text"),
    "minimum: .nan": (
        "{properties: {x: {minimum: .nan}}}",
        "7:25: when.properties.x.minimum: .nan is not a number: write a figure",
    ),
    "a schema that is a number": (
        "{properties: {a: 5}}",
        "7:21: when.properties.a: 5 is a number, expected a mapping or true or false",
    ),
    "an option of the wrong type": (
        "{minLength: {$option: required_devices}}",
        "7:8: when.minLength: `{$option: required_devices}` cannot stand here: a list, expected a whole number",
    ),
    "an option that is a list": (
        "{enum: {$option: min_availability}}",
        "7:8: when.enum: `{$option: min_availability}` cannot stand here: 99.99 is a number, expected a list",
    ),
    "an option named by a list": ("{minLength: {$option: [a]}}", "7:8: when: unknown option a list; known: "),
    "a $ref loop through not": (
        "{not: {$ref: '#/not'}}",
        "7:14: when.not.$ref: #/not leads back to itself before reading any deeper into the value",
    ),
    "a $ref loop through anyOf": (
        "{anyOf: [{$ref: '#/anyOf/0'}]}",
        "7:17: when.anyOf.0.$ref: #/anyOf/0 leads back to itself",
    ),
    "a $ref loop through $defs": (
        "{$defs: {a: {$ref: '#/$defs/b'}, b: {not: {$ref: '#/$defs/a'}}}, $ref: '#/$defs/a'}",
        "7:50: when.$defs.b.not.$ref: #/$defs/a leads back to itself",
    ),
    "a $ref to nowhere": ("{$ref: '#/$defs/x'}", "7:8: when.$ref: #/$defs/x points nowhere"),
    "a $ref to a list": (
        "{required: [a], not: {$ref: '#/required'}}",
        "7:29: when.not.$ref: #/required points at a value that is not a schema",
    ),
    "a remote $ref": (
        "{$ref: 'https://example.com/s.json'}",
        "7:8: when.$ref: 'https://example.com/s.json' does not have the expected form (^#/)",
    ),
    "a misspelt keyword": (
        "{requried: [a]}",
        "7:8: when.requried: unsupported keyword(s): requried (did you mean 'required'?)",
    ),
    "uniqueItems: 1": ("{uniqueItems: 1}", "7:8: when.uniqueItems: 1 is a number, expected true or false"),
}


@pytest.mark.parametrize("name", BAD_CONDITIONS)
def test_a_condition_outside_the_supported_subset_is_exit_2_at_its_place(here, name):
    condition, expected = BAD_CONDITIONS[name]
    (here / "rules").mkdir()
    rule = estate(here / "rules", with_condition(condition), "ACME001.yaml")
    path = estate(here, "version: 1\napplications:\n  a: {usage: business, audience: [external]}\n")
    for args in (["rules"], ["rules", "--verify"], ["explain", "ACME001"], ["check", path]):
        result = invoke(*args, "--rules-dir", here / "rules")
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert result.stderr.startswith(f"si-lint: error: {rule}:{expected}"), result.stderr


def test_applies_to_is_checked_as_when_is(here):
    (here / "rules").mkdir()
    rule = estate(here / "rules", with_condition("{required: 5}", key="applies_to"), "ACME001.yaml")
    result = invoke("rules", "--rules-dir", here / "rules")
    assert result.exit_code == 2
    assert result.stderr == f"si-lint: error: {rule}:8:14: applies_to.required: 5 is a number, expected a list\n"
    assert invoke("rules", "--rules-dir", here / "rules", lang="fr").stderr == (
        f"si-lint: erreur : {rule}:8:14: applies_to.required : 5 est un nombre ; attendu : une liste\n"
    )


@pytest.mark.parametrize(
    "condition",
    [
        "{$defs: {node: {properties: {parent: {$ref: '#/$defs/node'}}}}, $ref: '#/$defs/node'}",  # recursion into data
        "{anyOf: [{required: [a]}, {not: {$ref: '#/anyOf/0'}}]}",  # a reference, not a loop
        "{const: {$option: required_devices}}",  # an option anywhere a value is
    ],
)
def test_references_and_options_that_end_are_accepted(here, condition):
    (here / "rules").mkdir()
    estate(here / "rules", with_condition(condition), "ACME001.yaml")
    path = estate(here, "version: 1\napplications:\n  a: {usage: business, owner: x}\n")
    assert invoke("rules", "--rules-dir", here / "rules").exit_code == 0
    assert invoke(path, "--rules-dir", here / "rules", "--select", "ACME").exit_code in (0, 1)


# --- custom rules cannot pass for built-in ones ----------------------------------------------------


@pytest.mark.parametrize("code, family", [("EST999", "EST"), ("ACC999", "ACC"), ("GOV999", "GOV"), ("CLDX001", "CLD")])
def test_a_custom_rule_cannot_take_a_built_in_prefix(here, code, family):
    (here / "rules").mkdir()
    rule = estate(here / "rules", GOOD_RULE.replace("code: ACME001", f"code: {code}"), "x.yaml")
    for args in (["rules"], ["explain", code], ["check", estate(here, "version: 1\n")]):
        result = invoke(*args, "--rules-dir", here / "rules")
        assert result.exit_code == 2
        assert result.stderr == (
            f"si-lint: error: {rule}:1:1: code: {code} starts with {family}, the prefix of the "
            f"built-in {family} rules: give your rules a prefix of your own, like ACME001\n"
        )


def test_a_custom_rule_cannot_take_a_built_in_name(here):
    (here / "rules").mkdir()
    rule = estate(
        here / "rules", GOOD_RULE.replace("name: customer-facing-availability", "name: browser-access"), "x.yaml"
    )
    result = invoke("explain", "browser-access", "--rules-dir", here / "rules")
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {rule}: name: browser-access is already the name of "
        "si_lint/rules/ACC001-browser-access.yaml: rule names are unique, pick another\n"
    )


def test_a_custom_rule_cannot_join_the_est_family(here):
    (here / "rules").mkdir()
    rule = estate(here / "rules", GOOD_RULE.replace("severity: warning", "severity: warning\nfamily: EST"), "x.yaml")
    result = invoke("rules", "--rules-dir", here / "rules")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"si-lint: error: {rule}:4:1: family: EST is the family of the findings about reading the estate"
    )


# --- patterns: bounded matching -----------------------------------------------------------------------


def test_a_catastrophic_pattern_stops_the_run_with_exit_2_naming_the_rule(here):
    import time

    (here / "rules").mkdir()
    rule = estate(
        here / "rules", with_condition("{required: [name], properties: {name: {pattern: '^(a|aa)+$'}}}"), "ACME001.yaml"
    )
    path = estate(here, "version: 1\napplications:\n  a: {usage: business, name: " + "a" * 60 + "!}\n")
    started = time.monotonic()
    result = invoke(path, "--rules-dir", here / "rules")
    assert time.monotonic() - started < 30  # unbounded, this takes minutes
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"si-lint: error: {rule}: ACME001: the pattern '^(a|aa)+$' used up the 2 s that the "
        "patterns of custom rules have in one run: simplify it (docs/custom-rules.md, "
        '"Patterns")\n'
    )


def test_patterns_that_end_quickly_still_match_under_the_limit(here):
    (here / "rules").mkdir()
    estate(
        here / "rules",
        with_condition("{required: [name], properties: {name: {pattern: '^[a-z]+(-[a-z0-9]+)*$'}}}"),
        "ACME001.yaml",
    )
    path = estate(
        here,
        "version: 1\napplications:\n  a: {usage: business, name: order-desk-2}\n"
        "  b: {usage: business, name: Order Desk}\n",
    )
    result = invoke(path, "--rules-dir", here / "rules", "--select", "ACME", "--format", "json")
    assert [d["entity"] for d in json.loads(result.stdout)["diagnostics"]] == ["a"]


# --- output integrity: every human format shows one line per finding, and junit stays XML ---------------

HOSTILE = (
    "version: 1\n"
    "applications:\n"
    '  "a\\nestate.yaml:1:1: ACC001 [error] forged finding": {usage: business, owner: x}\n'
    '  "b\\rC\\e[2K\\e[31m": {usage: business, owner: "\\a\\0\\x85\\u2028\\u2029\\u202e\\uFFFE"}\n'
    '  "c": {usage: "\\x1b]0;title\\x07", owner: "\\t"}\n'
)
HIDDEN = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x202E, 0xFFFE]]


def test_text_output_is_one_line_per_finding_with_hidden_characters_escaped(here):
    path = estate(here, HOSTILE)
    result = invoke(path, "--format", "json")
    findings = json.loads(result.stdout)["summary"]["findings"]
    for args in ([], ["--show-waived"]):
        text = invoke(path, *args).stdout
        lines = text.splitlines()  # splits on \r, \x85, \u2028 too
        assert len(finding_lines(text, path)) == findings
        assert not any(line.startswith("estate.yaml:") for line in lines)  # no forged finding
        assert not any(character in text.replace("\n", "") for character in HIDDEN)
    assert (
        f"{path}:3:3: EST003 [error] applications.a\\nestate.yaml:1:1: ACC001 [error] forged finding: "
        "'a\\nestate.yaml:1:1: ACC001 [error] forged finding' is not a valid id"
    ) in text


@pytest.mark.parametrize("format_name", ["table", "markdown"])
def test_table_and_markdown_rows_are_one_line_per_finding(here, format_name):
    path = estate(here, HOSTILE)
    findings = json.loads(invoke(path, "--format", "json").stdout)["summary"]["findings"]
    text = invoke(path, "--format", format_name).stdout
    rows = [line for line in text.splitlines() if line.startswith((str(path), "| `"))]
    assert len(rows) == findings
    assert not any(character in text.replace("\n", "") for character in HIDDEN)


def test_junit_with_control_characters_is_well_formed_xml(here):
    from xml.etree import ElementTree

    path = estate(here, HOSTILE)
    findings = json.loads(invoke(path, "--format", "json").stdout)["summary"]["findings"]
    root = ElementTree.fromstring(invoke(path, "--format", "junit").stdout.encode("utf-8"))
    failures = [line for failure in root.iter("failure") for line in failure.text.split("\n")]
    assert len(failures) == findings
    assert {case.get("name") for case in root.iter("testcase")} >= {
        "a\\nestate.yaml:1:1: ACC001 [error] forged finding",
        "b\\rC\\x1b[2K\\x1b[31m",
    }


def test_diff_and_error_messages_are_one_line_too(here):
    path = estate(here, HOSTILE)
    old = estate(here, invoke(path, "--format", "json", "--select", "EST").stdout, "old.json")
    new = estate(here, invoke(path, "--format", "json").stdout, "new.json")
    for format_name in ("text", "markdown"):
        text = invoke("diff", old, new, "--format", format_name).stdout
        assert not any(character in text.replace("\n", "") for character in HIDDEN)
        assert "\\nestate.yaml:1:1: ACC001" in text
    result = invoke("no\nsuch.yaml")
    assert result.exit_code == 2
    assert result.stderr == "si-lint: error: no\\nsuch.yaml: no such file or folder\n"
