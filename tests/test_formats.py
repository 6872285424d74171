"""The CI formats, each checked against what its consumer expects.

SARIF: the official 2.1.0 JSON Schema and sarif-tools reading the file back.
github: every line against the workflow-command syntax, escapes undone.
gitlab: the Code Quality fields GitLab documents. junit: parsed as XML.
markdown: a table a reviewer reads.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import textwrap
from dataclasses import replace
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from conftest import SHARED, needs, run
from si_lint import __version__
from si_lint.cli.main import main
from si_lint.report import Report, render
from si_lint.report.views import Summary
from si_lint.rules.catalogue import load_catalogue
from si_lint.rules.diagnostic import Diagnostic

ESTATE = """\
version: 1
applications:
  crm:
    usage: business
    owner: sales
    delivery: saas
    tenancy: multi
    access: {browser: false}
    availability: {target: 99.9}
  erp:
    usage: business
    delivery: saas
    tenancy: multi
    access: {browser: true}
    availability: {target: 99.9}
    waivers:
      - {rule: GOV002, reason: Owner being appointed, expires: 2027-01-31}
"""
# (code, severity, entity, line, column) of ESTATE's findings in force, in report order.
EXPECTED = [
    ("ACC002", "error", "crm", 3, 3),
    ("ACC003", "warning", "crm", 3, 3),
    ("ACC001", "error", "crm", 8, 14),
]


def report(text: str = ESTATE, lang: str = "en", path: str = "estate/estate.yaml", **overrides) -> Report:
    result = run(text, _catalogue(), lang=lang, **overrides)
    diagnostics = [_moved(d, path) for d in result.diagnostics]
    return Report(
        diagnostics=diagnostics,
        waived=[_moved(d, path) for d in result.waived],
        summary=result.summary(),
        rules=result.catalogue.docs(lang),
        lang=lang,
        tool_version=__version__,
    )


def _moved(diagnostic: Diagnostic, path: str) -> Diagnostic:
    return replace(diagnostic, file=path)


@functools.cache
def _catalogue():
    return load_catalogue()


def test_the_estate_gives_the_expected_findings():
    found = report()
    assert [(d.code, d.severity, d.entity, d.line, d.column) for d in found.diagnostics] == EXPECTED
    assert [(d.code, d.entity) for d in found.waived] == [("GOV002", "erp")]


# --- SARIF ------------------------------------------------------------------------

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def sarif(found: Report) -> dict:
    return json.loads(render("sarif", found))


@needs(SARIF_SCHEMA.is_file(), "the OASIS SARIF schema is not beside the repository")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sarif_follows_the_official_2_1_0_schema(lang):
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = sarif(report(lang=lang))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    clean = sarif(report("version: 1\n"))
    jsonschema.validators.validator_for(schema)(schema).validate(clean)
    assert clean["runs"][0]["results"] == []


def test_sarif_results_point_at_the_estate_lines_with_relative_uris():
    document = sarif(report())
    assert document["version"] == "2.1.0"
    run_ = document["runs"][0]
    results = [r for r in run_["results"] if "suppressions" not in r]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["properties"]["entity"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ] == [("ACC002", "error", "crm", 3, 3), ("ACC003", "warning", "crm", 3, 3), ("ACC001", "error", "crm", 8, 14)]
    artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "estate/estate.yaml", "uriBaseId": "%SRCROOT%"}
    assert results[2]["message"]["text"] == "'crm' is not usable from a web browser (access.browser: false)"


def test_sarif_rules_carry_their_help_text_and_results_their_index():
    run_ = sarif(report())["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["tool"]["driver"]["name"] == "si-lint"
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    acc001 = next(rule for rule in rules if rule["id"] == "ACC001")
    assert acc001["name"] == "browser-access"
    assert acc001["shortDescription"]["text"] == "Every application is usable from a standard web browser"
    assert acc001["help"]["text"].startswith("Replace the application with one that has a full web interface")
    assert acc001["fullDescription"]["text"].startswith(
        "Among the minimum conditions of a successful digital transformation"
    )
    assert acc001["defaultConfiguration"]["level"] == "error"
    assert next(rule for rule in rules if rule["id"] == "DAT002")["defaultConfiguration"]["level"] == "note"


def test_sarif_keeps_waived_findings_as_suppressed_results():
    suppressed = [r for r in sarif(report())["runs"][0]["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["properties"]["entity"], r["suppressions"][0]["kind"]) for r in suppressed] == [
        ("GOV002", "erp", "inSource")
    ]


@pytest.mark.parametrize(
    "path, expected",
    [
        ("./estate/a b.yaml", ("estate/a%20b.yaml", "%SRCROOT%")),
        ("estate\\apps.yaml", ("estate/apps.yaml", "%SRCROOT%")),
        ("/srv/estate.yaml", ("file:///srv/estate.yaml", None)),
    ],
)
def test_sarif_uris_are_relative_to_the_repository_when_the_path_is(path, expected):
    from si_lint.report.sarif import uri

    assert uri(path) == expected


def test_sarif_is_read_back_by_sarif_tools(tmp_path):
    loader = pytest.importorskip("sarif.loader")
    path = tmp_path / "si-lint.sarif"
    path.write_text(render("sarif", report()), encoding="utf-8")
    records = loader.load_sarif_file(str(path)).get_records()
    assert [(r["Tool"], r["Location"], r["Line"], r["Severity"], r["Code"]) for r in records] == [
        ("si-lint", "estate/estate.yaml", 3, "error", "ACC002"),
        ("si-lint", "estate/estate.yaml", 3, "warning", "ACC003"),
        ("si-lint", "estate/estate.yaml", 8, "error", "ACC001"),
        ("si-lint", "estate/estate.yaml", 10, "warning", "GOV002"),
    ]
    # And its command line, as a CI step would run it.
    summary = subprocess.run(
        [sys.executable, "-m", "sarif", "summary", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "error: 2" in summary and "warning: 2" in summary


# --- GitHub workflow commands ------------------------------------------------------------

# https://docs.github.com/actions/reference/workflow-commands-for-github-actions
# ::LEVEL file=F,line=L,col=C,title=T::MESSAGE, with %, CR, LF escaped everywhere and : , in properties.
_ESCAPED = r"(?:[^%\r\n]|%25|%0D|%0A)*"
_PROPERTY = r"(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*"
COMMAND = re.compile(
    rf"^::(error|warning|notice) file=({_PROPERTY}),line=(\d+),col=(\d+),title=({_PROPERTY})"
    rf"::({_ESCAPED})$"
)


def unescape(text: str) -> str:
    for escaped, raw in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def test_github_lines_are_workflow_commands_that_read_back_as_the_findings():
    found = report()
    lines = render("github", found).splitlines()
    assert len(lines) == len(found.diagnostics)
    for line, diagnostic in zip(lines, found.diagnostics):
        match = COMMAND.match(line)
        assert match, line
        level, file, number, column, title, message = match.groups()
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity]
        assert (unescape(file), int(number), int(column)) == (diagnostic.file, diagnostic.line, diagnostic.column)
        assert unescape(title) == f"{diagnostic.code} {diagnostic.rule}"
        assert unescape(message) == diagnostic.message
    assert lines[2] == (
        "::error file=estate/estate.yaml,line=8,col=14,title=ACC001 browser-access::"
        "'crm' is not usable from a web browser (access.browser: false)"
    )


def test_github_escapes_what_would_break_a_command():
    hostile = Diagnostic("EST003", "error", "50% done,\r\nnext: ::warning::x", "a,b:c%.yaml", 2, 4, rule="schema")
    line = render("github", Report(diagnostics=[hostile], waived=[], summary=_summary(0)))
    assert line == (
        "::error file=a%2Cb%3Ac%25.yaml,line=2,col=4,title=EST003 schema::50%25 done,%0D%0Anext: ::warning::x\n"
    )
    match = COMMAND.match(line.rstrip("\n"))
    assert match and unescape(match.group(6)) == hostile.message


def test_github_notices_for_info_and_nothing_for_a_clean_estate():
    info = Diagnostic("DAT002", "info", "no independent data space", "e.yaml", 1, 1, rule="data-spaces")
    notices = render("github", Report(diagnostics=[info], waived=[], summary=_summary(0)))
    assert notices.startswith("::notice file=e.yaml,")
    assert render("github", report("version: 1\n")) == ""


# --- GitLab Code Quality ------------------------------------------------------------------

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_issues_have_the_documented_fields():
    issues = json.loads(render("gitlab", report()))
    assert isinstance(issues, list) and len(issues) == 3
    for issue in issues:
        # GitLab's documented fields, and si-lint's `unstated` when the finding rests on a missing field
        assert set(issue) - {"unstated"} == {"description", "check_name", "fingerprint", "severity", "location"}
        assert all(isinstance(issue[key], str) and issue[key] for key in ("description", "check_name", "fingerprint"))
        assert issue["severity"] in GITLAB_SEVERITIES
        assert set(issue["location"]) == {"path", "lines"} and set(issue["location"]["lines"]) == {"begin"}
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues
    ] == [
        ("ACC002 chromebook-test", "major", "estate/estate.yaml", 3),
        ("ACC003 any-device", "minor", "estate/estate.yaml", 3),
        ("ACC001 browser-access", "major", "estate/estate.yaml", 8),
    ]
    assert issues[2]["description"] == "ACC001 'crm' is not usable from a web browser (access.browser: false)"
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_lines_moving_and_differ_for_repeats():
    before = json.loads(render("gitlab", report()))
    shifted = ESTATE.replace("version: 1\n", "version: 1\norganization: Acme\n")
    after = json.loads(render("gitlab", report(shifted)))
    assert [i["location"]["lines"]["begin"] for i in after] == [4, 4, 9]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    twice = Diagnostic("EST003", "error", "same", "e.yaml", 1, 1)
    issues = json.loads(render("gitlab", Report(diagnostics=[twice, twice], waived=[], summary=_summary(0))))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


COSTLY = """\
version: 1
organization: Acme
applications:
  office: {usage: support, owner: it, category: office, access: {browser: true}, cost: {per_user_month: 18.5}}
"""


@pytest.mark.parametrize("format_name", ["gitlab", "sarif"])
def test_fingerprints_do_not_change_with_a_figure_in_the_message(format_name):
    """A cost going from 18.5 to 19 changes CST001's words, not what it is about: the same fingerprint."""

    def prints(text: str) -> dict:
        document = json.loads(render(format_name, report(text)))
        if format_name == "gitlab":
            return {issue["check_name"]: issue["fingerprint"] for issue in document}
        return {r["ruleId"]: r["partialFingerprints"] for r in document["runs"][0]["results"]}

    before, after = prints(COSTLY), prints(COSTLY.replace("18.5", "19"))
    assert any(code.startswith("CST001") for code in before)
    assert before == after


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_has_one_case_per_rule_and_entity():
    text = render("junit", report())
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "3", "1")
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["ACC001 browser-access", "ACC002 chromebook-test", "ACC003 any-device", "GOV002 owner"]
    case = suites["ACC001 browser-access"].find("testcase")
    assert (case.get("classname"), case.get("name"), case.get("file"), case.get("line")) == (
        "si-lint.ACC001",
        "crm",
        "estate/estate.yaml",
        "8",
    )
    failure = case.find("failure")
    assert failure.get("type") == "error"
    assert failure.text == (
        "estate/estate.yaml:8:14: ACC001 [error] 'crm' is not usable from a web browser (access.browser: false)"
    )
    waived = suites["GOV002 owner"].find("testcase")
    assert waived.get("name") == "erp" and waived.find("skipped") is not None and waived.find("failure") is None
    for suite in root:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))


def test_junit_groups_the_findings_of_one_rule_on_one_entity():
    first = Diagnostic("EST003", "error", "a <b> & c", "e.yaml", 2, 3, entity="crm")
    second = Diagnostic("EST003", "error", "d", "e.yaml", 5, 3, entity="crm")
    root = ET.fromstring(render("junit", Report(diagnostics=[first, second], waived=[], summary=_summary(0))))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1
    assert cases[0].find("failure").get("message") == "a <b> & c"
    assert cases[0].find("failure").text.splitlines() == [
        "e.yaml:2:3: EST003 [error] a <b> & c",
        "e.yaml:5:3: EST003 [error] d",
    ]


def test_junit_for_a_clean_estate_is_one_passing_case():
    root = ET.fromstring(render("junit", report("version: 1\n")))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    case = root.find("testsuite/testcase")
    assert case.get("name") == "estate" and len(case) == 0


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_is_a_summary_a_table_and_the_rules_behind_it():
    text = render("markdown", report())
    lines = text.splitlines()
    assert lines[0] == "## si-lint report"
    assert lines[2] == "Found 3 problems (2 errors, 1 warning) in 1 file; 1 waived."
    rows = [line for line in lines if line.startswith("| `")]
    assert rows[2] == (
        "| `estate/estate.yaml:8:14` | ACC001 browser-access | error | crm | "
        "'crm' is not usable from a web browser (access.browser: false) |"
    )
    assert all(row.count(" | ") == 4 for row in rows)
    assert "#### ACC001 browser-access: Every application is usable from a standard web browser" in lines


def test_markdown_cells_cannot_break_the_table():
    hostile = Diagnostic("EST003", "error", "a | b\n<script>", "e.yaml", 1, 1, rule="schema")
    rows = [
        line
        for line in render("markdown", Report(diagnostics=[hostile], waived=[], summary=_summary(1))).splitlines()
        if line.startswith("| `")
    ]
    assert rows == ["| `e.yaml:1:1` | EST003 schema | error |  | a \\| b\\n&lt;script&gt; |"]


def test_markdown_in_french():
    text = render("markdown", report(lang="fr"))
    assert text.startswith("## Rapport si-lint\n")
    assert "| Emplacement | Règle | Gravité | Élément | Message |" in text
    assert "| erreur | crm | « crm » ne s'utilise pas depuis un navigateur web" in text


def _summary(errors: int) -> Summary:
    return Summary(
        files=1,
        entities={},
        findings=errors,
        errors=errors,
        warnings=0,
        infos=0,
        waived=0,
        by_code={},
        fail_on="warning",
        failed=bool(errors),
    )


# --- through the command line --------------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["sarif", "junit", "github", "gitlab", "markdown"])
def test_each_format_is_offered_by_the_command_line(tmp_path, monkeypatch, format_name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "estate.yaml").write_text(textwrap.dedent(ESTATE), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["estate.yaml", "--format", format_name, "--output", "out", "--today", "2026-11-23", "--lang", "en"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    expected = report(path="estate.yaml")
    assert (tmp_path / "out").read_text(encoding="utf-8") == render(format_name, expected)
