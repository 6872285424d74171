"""The command line as users drive it: formats, output file, exit codes, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from si_lint.cli.main import main

ESTATE = """\
version: 1
applications:
  crm:
    usage: business
    owner: sales
    access: {browser: false}
  erp:
    usage: business
    owner: finance
    delivery: cloud
"""


@pytest.fixture
def estate(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text(ESTATE)
    return path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def report_schema() -> dict:
    return json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text())


def test_text_output_is_file_line_col_code_severity_message(estate):
    result = invoke(estate, "--select", "ACC001,EST", "--today", "2026-11-23")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{estate}:6:14: ACC001 [error] 'crm' is not usable from a web browser (access.browser: false)"
    assert lines[1].startswith(f"{estate}:10:5: EST003 [error] applications.erp.delivery: 'cloud' is not one of")
    assert lines[-2:] == [
        "Found 2 problems (2 errors) in 1 file.",
        "Not checked against the principles, as the format rejects them (fix their EST003 findings first): erp.",
    ]
    assert "\033[" not in result.output  # no colour when not on a terminal


def test_check_is_the_default_command(estate):
    assert invoke("check", estate, "--select", "EST").output == invoke(estate, "--select", "EST").output


def test_json_report_follows_its_published_schema(estate):
    result = invoke(estate, "--format", "json", "--select", "ACC001,EST")
    document = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(report_schema())
    jsonschema.validate(document, report_schema())
    assert [(d["code"], d["section"], d["entity"], d["line"], d["column"]) for d in document["diagnostics"]] == [
        ("ACC001", "applications", "crm", 6, 14),
        ("EST003", "applications", "erp", 10, 5),
    ]
    assert document["summary"]["errors"] == 2 and document["summary"]["failed"] is True


def test_clean_json_report_follows_its_schema_too(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("version: 1\n")
    result = invoke(path, "--format", "json")
    assert result.exit_code == 0
    jsonschema.validate(json.loads(result.output), report_schema())


def test_table_output(estate):
    result = invoke(estate, "--format", "table", "--select", "ACC001")
    assert result.exit_code == 1
    header, rule, row = result.output.splitlines()[:3]
    assert header.split() == ["file", "line", "col", "code", "severity", "entity", "message"]
    assert row.split()[:6] == [str(estate), "6", "14", "ACC001", "error", "crm"]


def test_output_file(estate, tmp_path):
    target = tmp_path / "report.json"
    result = invoke(estate, "--format", "json", "--output", target, "--select", "ACC001")
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(target.read_text())["summary"]["findings"] == 2  # EST findings are always on


def test_exit_code_follows_fail_on(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text("version: 1\napplications:\n  crm: {usage: business}\n")  # GOV002 is a warning
    assert invoke(path, "--select", "GOV002").exit_code == 1
    assert invoke(path, "--select", "GOV002", "--fail-on", "error").exit_code == 0


def test_schema_command_prints_a_valid_json_schema():
    result = invoke("schema")
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["version"] == {
        "const": 1,
        "description": "format version, required in every file; only 1 exists",
    }
    # every field is described, in the language asked for
    french = json.loads(invoke("schema", "--lang", "fr").output)
    browser = french["$defs"]["Application"]["properties"]["access"]["properties"]["browser"]
    assert browser["description"] == "utilisable depuis un navigateur web standard"
    assert french["title"] == "Patrimoine si-lint, version 1 du format"
    # the English words are the published schema's own
    published = json.loads(
        resources.files("si_lint").joinpath("schemas/estate.schema.json").read_text(encoding="utf-8")
    )
    assert (schema["title"], schema["description"]) == (published["title"], published["description"])


def test_help_documents_exit_codes():
    assert "Exit codes:" in invoke("--help").output
    assert "2  usage error" in invoke("check", "--help").output


def test_a_real_process_and_the_console_script(estate):
    completed = subprocess.run(
        [sys.executable, "-m", "si_lint", str(estate), "--select", "ACC001"], capture_output=True, text=True
    )
    assert completed.returncode == 1
    assert completed.stdout.startswith(f"{estate}:6:14: ACC001 [error]")
    assert completed.stderr == ""


def test_options_before_the_command_go_with_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "fr", "explain", "ACC001")
    assert result.exit_code == 0
    assert "gravité : erreur" in result.output


def test_a_word_after_an_option_taking_a_value_stays_its_value(tmp_path, monkeypatch):
    # `-o plan` writes the report to a file named plan; it does not run `si-lint plan`.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "estate.yaml").write_text("version: 1\n", encoding="utf-8")
    result = invoke("-o", "plan", "estate.yaml")
    assert result.exit_code == 0
    assert (tmp_path / "plan").read_text(encoding="utf-8").startswith("No problems found")


def test_a_folder_named_like_a_command_is_still_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "estate.yaml").write_text("version: 1\norganization: [\n", encoding="utf-8")
    result = invoke("--lang", "en", "rules")
    assert result.exit_code == 1
    assert "EST001" in result.output
