"""Config files: discovery, every key, flags over the file, and every bad-config error (exit 2, file:line:col)."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY
from si_lint.cli.main import main
from si_lint.config import discover, resolve
from si_lint.rules.engine import lint_text

ESTATE = """\
version: 1
applications:
  notes:
    usage: support
    owner: it
    category: office
    delivery: saas
    tenancy: multi
    updates: vendor
    access: {browser: true, devices: [windows, macos, chromebook, android, ios]}
    collaboration: {native: true, default_sharing: shared, single_version: true}
    availability: {target: 99.9}
  crm:
    usage: business
    delivery: saas
    tenancy: multi
    access: {browser: false}
    availability: {target: 99.9}
"""
# What ESTATE gives with no configuration.
ALL = ["ACC002 [error]", "ACC003 [warning]", "GOV002 [warning]", "ACC001 [error]"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository root holding the estate, as the current folder, in an English environment."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check(*args):
    """Lint estate.yaml; (exit code, ["CODE [severity]", ...] in report order, stderr)."""
    result = invoke("check", "estate.yaml", "--today", "2026-11-23", *args)
    found = [" ".join(line.split(" ")[1:3]) for line in result.stdout.splitlines() if line.startswith("estate.yaml:")]
    return result.exit_code, found, result.stderr


def effective(**flags):
    return resolve({key.replace("_", "-"): value for key, value in flags.items()}, None, "en", TODAY, Path.cwd())


# --- discovery ---------------------------------------------------------------------


def test_no_config_file_means_the_defaults(project):
    assert check() == (1, ALL, "")
    assert effective().path is None


@pytest.mark.parametrize("name", [".si-lint.yaml", "si-lint.yaml"])
def test_a_yaml_config_in_the_current_folder_is_read(project, name):
    write(project / name, "select: [ACC001]\n")
    assert check() == (1, ["ACC001 [error]"], "")


def test_the_dotted_name_wins_over_the_plain_one(project):
    write(project / ".si-lint.yaml", "select: [ACC001]\n")
    write(project / "si-lint.yaml", "select: [GOV]\n")
    assert effective().path == ".si-lint.yaml"


def test_pyproject_is_read_only_when_it_has_a_tool_si_lint_table(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    assert discover(project) is None
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.si-lint]\nselect = ["GOV"]\n')
    assert check() == (1, ["GOV002 [warning]"], "")


def test_a_config_in_a_parent_folder_is_found_from_a_subfolder(project, monkeypatch):
    write(project / ".si-lint.yaml", "select: [ACC001]\n")
    (project / "estate").mkdir()
    shutil.move(str(project / "estate.yaml"), str(project / "estate" / "estate.yaml"))
    monkeypatch.chdir(project / "estate")
    assert effective().path == "../.si-lint.yaml"
    assert (
        invoke("estate.yaml")
        .stdout.splitlines()[0]
        .endswith("ACC001 [error] 'crm' is not usable from a web browser (access.browser: false)")
    )


def test_discovery_stops_at_the_repository_root(tmp_path, monkeypatch):
    write(tmp_path / ".si-lint.yaml", "select: [ACC001]\n")  # outside the repository: not ours
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / "sub").mkdir()
    monkeypatch.chdir(repository / "sub")
    assert discover(repository / "sub") is None
    assert discover(tmp_path) == tmp_path / ".si-lint.yaml"


def test_config_names_a_file_and_skips_discovery(project):
    write(project / ".si-lint.yaml", "select: [GOV]\n")
    write(project / "ci" / "strict.yaml", "select: [ACC001]\n")
    assert check("--config", "ci/strict.yaml") == (1, ["ACC001 [error]"], "")


def test_config_naming_a_missing_file_is_an_error(project):
    assert check("--config", "nowhere.yaml") == (2, [], "si-lint: error: --config nowhere.yaml: no such file\n")


# --- every key ----------------------------------------------------------------------


def test_select_runs_only_the_codes_and_prefixes_named(project):
    write(project / ".si-lint.yaml", "select: [ACC001, gov]\n")
    assert check() == (1, ["GOV002 [warning]", "ACC001 [error]"], "")


def test_select_also_takes_a_comma_separated_string_like_the_flag(project):
    write(project / ".si-lint.yaml", "select: ACC001, GOV\n")
    assert check() == (1, ["GOV002 [warning]", "ACC001 [error]"], "")


def test_ignore_leaves_out_the_codes_and_prefixes_named(project):
    write(project / ".si-lint.yaml", "ignore: [ACC00, GOV002]\n")
    assert check() == (0, [], "")
    write(project / ".si-lint.yaml", "ignore: [ACC003]\n")
    assert check() == (1, ["ACC002 [error]", "GOV002 [warning]", "ACC001 [error]"], "")


def test_extend_select_adds_to_select(project):
    write(project / ".si-lint.yaml", "select: [ACC001]\nextend-select: [GOV]\n")
    assert check() == (1, ["GOV002 [warning]", "ACC001 [error]"], "")


def test_severity_overrides_a_rule_severity(project):
    write(project / ".si-lint.yaml", "select: [ACC001, GOV]\nseverity: {ACC001: info, GOV002: error}\n")
    assert check() == (1, ["GOV002 [error]", "ACC001 [info]"], "")


def test_fail_on_sets_the_lowest_failing_severity(project):
    write(project / ".si-lint.yaml", "select: [GOV]\nfail-on: error\n")
    assert check() == (0, ["GOV002 [warning]"], "")
    write(project / ".si-lint.yaml", "select: [GOV]\nseverity: {GOV002: info}\nfail-on: info\n")
    assert check() == (1, ["GOV002 [info]"], "")
    write(project / ".si-lint.yaml", "select: [GOV]\nseverity: {GOV002: info}\n")  # default: warning
    assert check() == (0, ["GOV002 [info]"], "")


def test_rules_dir_is_read_relative_to_the_config_file(project, monkeypatch):
    rules = project / "policy" / "rules"
    rules.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "data" / "custom_rules" / "ACME002-content-on-linux.yaml", rules)
    write(project / "policy" / "si-lint.yaml", "select: [ACME]\nrules-dir: rules\n")
    code, found, _ = check("--config", "policy/si-lint.yaml")
    assert (code, found) == (0, ["ACME002 [info]"])
    assert effective(select=None).settings.rules_dirs == ()  # the file above is not discovered from here
    write(project / ".si-lint.yaml", "select: [ACME]\nrules-dir: [policy/rules]\n")
    assert check()[1] == ["ACME002 [info]"]


def test_lang_sets_the_language_of_messages(project):
    write(project / ".si-lint.yaml", "select: [ACC001]\nlang: fr\n")
    result = invoke("estate.yaml")
    assert "« crm » ne s'utilise pas depuis un navigateur web" in result.stdout


# option -> (value in the config, estate, code, fires by default, fires with the value)
OPTION_CASES = {
    "min_availability": (
        99.9,
        """\
        infrastructure:
          lan: {type: network, availability: 99.95}
        """,
        "AVL001",
        True,
        False,
    ),
    "office_cost_ceiling": (
        20,
        """\
        applications:
          mail: {usage: support, category: messaging, cost: {per_user_month: 12}}
        """,
        "CST001",
        True,
        False,
    ),
    "currency": (
        "USD",
        """\
        applications:
          mail: {usage: support, category: messaging, cost: {per_user_month: 12}}
        """,
        "CST001",
        True,
        False,
    ),
    "device_cost_default": (
        3,
        """\
        applications:
          mail: {usage: support, category: messaging, cost: {per_user_month: 6}}
        """,
        "CST001",
        True,
        False,
    ),
    "max_iaas_providers": (
        3,
        """\
        providers:
          a: {type: public-cloud, offers: [iaas]}
          b: {type: public-cloud, offers: [iaas]}
          c: {type: public-cloud, offers: [iaas]}
        infrastructure:
          x: {type: storage, provider: a}
          y: {type: storage, provider: b}
          z: {type: storage, provider: c}
        """,
        "CLD006",
        True,
        False,
    ),
    "required_devices": (
        ["windows", "macos", "chromebook"],
        """\
        applications:
          app: {usage: business, access: {browser: true, devices: [windows, macos, chromebook]}}
        """,
        "ACC003",
        True,
        False,
    ),
    "proprietary_formats": (
        ["odt"],
        """\
        applications:
          app: {usage: business, exchange_formats: [pdf, odt]}
        """,
        "COL004",
        False,
        True,
    ),
    "content_categories": (
        ["wiki"],
        """\
        applications:
          app: {usage: support, category: wiki, collaboration: {native: false}}
        """,
        "COL001",
        False,
        True,
    ),
}


@pytest.mark.parametrize("name", OPTION_CASES)
def test_every_option_reaches_the_rules(project, catalogue, name):
    value, body, code, by_default, with_value = OPTION_CASES[name]
    estate = "version: 1\n" + textwrap.dedent(body)

    def fires() -> bool:
        settings = effective().settings
        return any(d.code == code for d in lint_text(estate, settings, catalogue, "estate.yaml").diagnostics)

    assert fires() is by_default
    write(project / ".si-lint.yaml", f"options:\n  {name}: {value!r}\n".replace("'", ""))
    assert effective().settings.options[name] == value
    assert fires() is with_value


def test_options_not_given_keep_their_defaults(project):
    write(project / ".si-lint.yaml", "options:\n  office_cost_ceiling: 12\n")
    options = effective().settings.options
    assert options["office_cost_ceiling"] == 12 and options["min_availability"] == 99.99


def test_pyproject_table_and_subtables_give_every_kind_of_value(project):
    write(
        project / "pyproject.toml",
        """\
        [tool.si-lint]
        select = ["ACC", "GOV"]
        ignore = ["ACC003"]
        fail-on = "error"
        lang = "fr"
        severity = {GOV002 = "error"}

        [tool.si-lint.options]
        min_availability = 99.9
        required_devices = ["windows"]
        """,
    )
    result = effective()
    settings = result.settings
    assert (settings.select, settings.ignore, settings.fail_on, settings.lang) == (
        ("ACC", "GOV"),
        ("ACC003",),
        "error",
        "fr",
    )
    assert settings.severity == {"GOV002": "error"}
    assert settings.options["min_availability"] == 99.9 and settings.options["required_devices"] == ["windows"]
    assert result.origins["ignore"] == "pyproject.toml:3:1"
    assert result.origins["options.required_devices"] == "pyproject.toml:10:1"


# --- flags over the file ---------------------------------------------------------------


def test_flags_override_the_file(project):
    write(project / ".si-lint.yaml", "select: [ACC001]\nfail-on: error\nlang: fr\n")
    assert check("--select", "GOV") == (0, ["GOV002 [avertissement]"], "")
    assert check("--select", "GOV", "--fail-on", "warning")[0] == 1
    assert "'crm' is not usable from a web browser" in invoke("estate.yaml", "--lang", "en").stdout


def test_the_ignore_flag_replaces_the_file_ignore(project):
    write(project / ".si-lint.yaml", "select: [ACC001, GOV]\nignore: [GOV]\n")
    assert check()[1] == ["ACC001 [error]"]
    assert check("--ignore", "ACC001")[1] == ["GOV002 [warning]"]


def test_the_rules_dir_flag_replaces_the_file_rules_dir(project):
    (project / "empty").mkdir()
    write(project / ".si-lint.yaml", "rules-dir: empty\n")  # a folder with no rule file: an error if read
    custom = REPO / "tests" / "data" / "custom_rules"
    assert check("--rules-dir", custom, "--select", "ACME")[1] == ["ACME002 [info]"]


def test_an_unknown_code_in_a_flag_is_an_error(project):
    assert check("--select", "ACC001,XYZ")[0::2] == (
        2,
        "si-lint: error: --select: select: unknown rule code or prefix 'XYZ'; `si-lint rules` lists them\n",
    )


# --- si-lint config --------------------------------------------------------------------


def test_config_command_shows_each_value_and_where_it_came_from(project):
    write(project / ".si-lint.yaml", "select: [ACC]\n\noptions:\n  min_availability: 99.9\n")
    lines = {line.split()[0]: line for line in invoke("config").stdout.splitlines()}
    assert lines["config"] == "config file: .si-lint.yaml"
    assert lines["select"].split() == ["select", "ACC", "#", ".si-lint.yaml:1:1"]
    assert lines["ignore"].split() == ["ignore", "(none)", "#", "default"]
    assert lines["options.min_availability"].split() == ["options.min_availability", "99.9", "#", ".si-lint.yaml:4:3"]
    assert lines["options.max_iaas_providers"].split() == ["options.max_iaas_providers", "2", "#", "default"]
    assert lines["lang"].split()[:4] == ["lang", "en", "#", "environment"]


def test_config_command_shows_paths_baseline_preview_and_products_dir(project):
    (project / "estate").mkdir()
    (project / "products").mkdir()
    write(
        project / ".si-lint.yaml",
        "paths: [estate/]\nbaseline: si-lint-baseline.json\npreview: true\nproducts-dir: products\n",
    )
    lines = {line.split()[0]: line.split() for line in invoke("config").stdout.splitlines()}
    assert lines["paths"] == ["paths", "estate", "#", ".si-lint.yaml:1:1"]
    assert lines["baseline"] == ["baseline", "si-lint-baseline.json", "#", ".si-lint.yaml:2:1"]
    assert lines["preview"] == ["preview", "true", "#", ".si-lint.yaml:3:1"]
    assert lines["products-dir"] == ["products-dir", "products", "#", ".si-lint.yaml:4:1"]


def test_config_command_shows_the_four_keys_unset_too(project):
    lines = {line.split()[0]: line.split() for line in invoke("config", "--lang", "fr").stdout.splitlines()}
    assert lines["paths"] == ["paths", "(le", "dossier", "courant)", "#", "par", "défaut"]
    assert lines["baseline"] == ["baseline", "(aucun)", "#", "par", "défaut"]
    assert lines["preview"] == ["preview", "false", "#", "par", "défaut"]
    assert lines["products-dir"] == ["products-dir", "(aucun)", "#", "par", "défaut"]


def test_config_command_with_no_file_shows_the_defaults(project):
    result = invoke("config")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "config file: (none found: defaults)"
    assert "select                       (every rule)" in result.stdout


# --- every bad-config error ----------------------------------------------------------------

BAD = [
    (
        "unknown key",
        "select: [ACC]\nfail_on: error\n",
        ".si-lint.yaml:2:1: unknown key 'fail_on' (did you mean 'fail-on'?); known keys: paths, baseline, "
        "select, ignore, extend-select, preview, severity, fail-on, rules-dir, products-dir, options, lang",
    ),
    (
        "unknown code in select",
        "select:\n  - ACC001\n  - ACX\n",
        ".si-lint.yaml:3:5: select: unknown rule code or prefix 'ACX' (did you mean 'ACC'?); "
        "`si-lint rules` lists them",
    ),
    (
        "unknown code in ignore",
        "ignore: [ZZZ999]\n",
        ".si-lint.yaml:1:10: ignore: unknown rule code or prefix 'ZZZ999'; `si-lint rules` lists them",
    ),
    (
        "unknown code in extend-select",
        "extend-select: [GOV009]\n",
        ".si-lint.yaml:1:17: extend-select: unknown rule code or prefix 'GOV009' (did you mean 'GOV004'?); "
        "`si-lint rules` lists them",
    ),
    (
        "select not a list",
        "select: 3\n",
        ".si-lint.yaml:1:1: select: expected a list of rule codes or prefixes, like [ACC, CLD001]",
    ),
    (
        "unknown code in severity",
        "severity:\n  ACC009: info\n",
        ".si-lint.yaml:2:3: severity: unknown rule code 'ACC009' (did you mean 'ACC007'?)",
    ),
    ("prefix in severity", "severity: {ACC: info}\n", ".si-lint.yaml:1:12: severity: unknown rule code 'ACC'"),
    (
        "EST severity",
        "severity: {EST003: warning}\n",
        ".si-lint.yaml:1:12: severity: the severity of EST003 cannot change: EST rules report what stops the estate "
        "from being read correctly, and their findings are always errors",
    ),
    (
        "bad severity",
        "severity: {ACC001: fatal}\n",
        ".si-lint.yaml:1:12: severity.ACC001: 'fatal' is not one of error, warning, info",
    ),
    (
        "severity not a mapping",
        "severity: [ACC001]\n",
        ".si-lint.yaml:1:1: severity: expected a mapping of rule codes to error, warning or info, like {ACC004: error}",
    ),
    ("bad fail-on", "fail-on: warnings\n", ".si-lint.yaml:1:1: fail-on: 'warnings' is not one of error, warning, info"),
    ("bad lang", "lang: de\n", ".si-lint.yaml:1:1: lang: 'de' is not one of en, fr"),
    (
        "rules-dir not a folder",
        "rules-dir: [rules, nowhere]\n",
        ".si-lint.yaml:1:20: rules-dir: 'nowhere' is not a folder (paths are relative to the config file)",
    ),
    (
        "rules-dir not text",
        "rules-dir: {a: 1}\n",
        ".si-lint.yaml:1:1: rules-dir: expected a folder, or a list of folders",
    ),
    (
        "options not a mapping",
        "options: [min_availability]\n",
        ".si-lint.yaml:1:1: options: expected a mapping of option names to values",
    ),
    (
        "unknown option",
        "options:\n  min_availibility: 99\n",
        ".si-lint.yaml:2:3: options: unknown option 'min_availibility' (did you mean 'min_availability'?); known: "
        "min_availability, office_cost_ceiling, max_iaas_providers, required_devices, proprietary_formats, "
        "content_categories",
    ),
    (
        "min_availability as text",
        "options: {min_availability: high}\n",
        ".si-lint.yaml:1:11: options.min_availability: 'high' is not valid: expected a percentage above 0 and at most "
        "100, like 99.99",
    ),
    (
        "min_availability above 100",
        "options: {min_availability: 100.5}\n",
        ".si-lint.yaml:1:11: options.min_availability: 100.5 is not valid: expected a percentage above 0 and at most "
        "100, like 99.99",
    ),
    (
        "negative cost ceiling",
        "options: {office_cost_ceiling: -1}\n",
        ".si-lint.yaml:1:11: options.office_cost_ceiling: -1 is not valid: expected a number of EUR "
        "per user per month, "
        "0 or more",
    ),
    (
        "fractional provider count",
        "options: {max_iaas_providers: 2.5}\n",
        ".si-lint.yaml:1:11: options.max_iaas_providers: 2.5 is not valid: expected a whole number, 0 or more",
    ),
    (
        "boolean provider count",
        "options: {max_iaas_providers: yes}\n",
        ".si-lint.yaml:1:11: options.max_iaas_providers: true is not valid: expected a whole number, 0 or more",
    ),
    (
        "unknown device",
        "options:\n  required_devices:\n    - windows\n    - amiga\n",
        ".si-lint.yaml:4:7: options.required_devices: 'amiga' is not valid: expected a device family among windows, "
        "macos, linux, chromebook, android, ios",
    ),
    (
        "devices not a list",
        "options: {required_devices: windows}\n",
        ".si-lint.yaml:1:11: options.required_devices: expected a list, each item a device family "
        "among windows, macos, "
        "linux, chromebook, android, ios",
    ),
    (
        "format not text",
        "options: {proprietary_formats: [doc, 3]}\n",
        ".si-lint.yaml:1:38: options.proprietary_formats: 3 is not valid: expected a file format, like doc or xls",
    ),
    (
        "blank category",
        "options: {content_categories: [office, '']}\n",
        ".si-lint.yaml:1:40: options.content_categories: '' is not valid: expected an application category, like "
        "office or messaging",
    ),
    (
        "not a mapping",
        "- select\n",
        ".si-lint.yaml:1:1: a config file is a mapping of keys (paths, baseline, select, ignore, extend-select, "
        "preview, severity, fail-on, rules-dir, products-dir, options, lang)",
    ),
    (
        "baseline not text",
        "baseline: [a.json]\n",
        ".si-lint.yaml:1:1: baseline: expected the path of a baseline file, like si-lint-baseline.json",
    ),
    ("YAML syntax", "select: [ACC\nfail-on: error\n", ".si-lint.yaml:2:8: invalid YAML: "),
    (
        "duplicate key",
        "select: [ACC]\nselect: [GOV]\n",
        ".si-lint.yaml:2:1: duplicate key 'select': already defined "
        "at .si-lint.yaml:1:1; the file keeps only one, so merge the two or rename one",
    ),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_a_bad_config_is_an_error_naming_file_line_and_column(project, text, expected):
    (project / "rules").mkdir()
    write(project / ".si-lint.yaml", text)
    for command in (("check", "estate.yaml"), ("config",)):
        result = invoke(*command)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith("si-lint: error: " + expected), result.stderr
        assert "Traceback" not in result.stderr


BAD_TOML = [
    ("syntax", '[tool.si-lint]\nselect = ["ACC"\nfail-on = "error"\n', "pyproject.toml:3:1: invalid TOML: "),
    (
        "unknown key",
        '[tool.si-lint]\nselect = ["ACC"]\nfail_on = "error"\n',
        "pyproject.toml:3:1: unknown key 'fail_on' (did you mean 'fail-on'?)",
    ),
    (
        "unknown option in a subtable",
        '[tool.si-lint]\nselect = ["ACC"]\n\n[tool.si-lint.options]\nmax_iaas = 3\n',
        "pyproject.toml:5:1: options: unknown option 'max_iaas' (did you mean 'max_iaas_providers'?)",
    ),
    (
        "bad code in an inline table",
        '[tool.si-lint]\nseverity = {ACC999 = "info"}\n',
        "pyproject.toml:2:1: severity: unknown rule code 'ACC999'",
    ),
    ("not a table", '[tool]\n"si-lint" = 3\n', "pyproject.toml:2:1: [tool.si-lint] must be a table of keys"),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in BAD_TOML], ids=[case[0] for case in BAD_TOML])
def test_a_bad_pyproject_table_is_an_error_naming_file_and_line(project, text, expected):
    write(project / "pyproject.toml", text)
    result = invoke("check", "estate.yaml", "--config", "pyproject.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: " + expected), result.stderr


@pytest.mark.parametrize(
    "text, place",
    [
        ('[tool.si-lint]\nselect = ["ACC"\nfail-on = "error"\n', (3, 1)),  # the parser says where
        ('[tool.si-lint]\nlang = "fr', (2, 1)),  # "at end of document": its last line
    ],
)
def test_invalid_toml_gives_its_line_and_column_as_numbers(tmp_path, text, place):
    """An editor places the error from the Place's line and column, not from text to parse back."""
    from si_lint.config.reading import read_config
    from si_lint.rules.diagnostic import InputError

    write(tmp_path / "pyproject.toml", text)
    with pytest.raises(InputError) as raised:
        read_config(tmp_path / "pyproject.toml", tmp_path)
    assert (raised.value.place.file, raised.value.place.line, raised.value.place.column) == ("pyproject.toml", *place)


@pytest.mark.parametrize("name", [".si-lint.yml", "si-lint.yml"])
def test_a_config_file_with_the_yml_spelling_is_read_and_not_linted(project, name):
    write(project / name, "ignore: [GOV002]\n")
    result = CliRunner().invoke(main, ["--format", "json"])
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1  # estate.yaml only: the config is not an estate file
    assert "GOV002" not in {d["code"] for d in report["diagnostics"]}
