"""`si-lint diff OLD.json NEW.json`: fixed, new, waived and reopened findings, the score change, bad files."""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main

BEFORE = """\
    version: 1
    applications:
      crm:
        owner: sales
        access: {browser: false}
      erp:
        owner: finance
        access: {browser: false}
      wiki:
        access: {browser: true}
        waivers:
          - {rule: GOV002, reason: orphan until the reorganisation, expires: 2027-06-30}
"""

# crm fixed, erp waived; a comment line moves every line below it; wiki loses its waiver; hr is new.
AFTER = """\
    version: 1
    # Reviewed in November
    applications:
      crm:
        owner: sales
        access: {browser: true}
      erp:
        owner: finance
        access: {browser: false}
        waivers:
          - {rule: ACC001, reason: replaced in 2027, expires: 2027-06-30}
      wiki:
        access: {browser: true}
      hr:
        owner: people
        access: {browser: false}
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def write_report(tmp_path, name, estate) -> str:
    source = tmp_path / f"{name}.yaml"
    source.write_text(textwrap.dedent(estate))
    output = tmp_path / f"{name}.json"
    invoke(
        "check", source, "--format", "json", "--output", output, "--select", "ACC001,GOV002", "--today", "2026-11-23"
    )
    return str(output)


@pytest.fixture
def reports(tmp_path):
    return write_report(tmp_path, "before", BEFORE), write_report(tmp_path, "after", AFTER)


def sections(output: str) -> dict:
    """heading -> its lines, from the text output."""
    found, current = {}, None
    for line in output.splitlines():
        if line.endswith("):") and not line.startswith(" "):
            current = line.rsplit(" (", 1)[0]
            found[current] = []
        elif line.startswith("  ") and current:
            found[current].append(line.strip())
        elif not line:
            current = None
    return found


def test_fixed_new_waived_and_reopened_findings_with_the_score_change(reports):
    result = invoke("diff", *reports, "--lang", "en")
    assert result.exit_code == 1  # new findings
    found = sections(result.output)
    assert [line.split(": ", 1)[1] for line in found["Fixed"]] == [
        "ACC001 [error] 'crm' is not usable from a web browser (access.browser: false)"
    ]
    assert found["Fixed"][0].startswith(reports[0].replace(".json", ".yaml") + ":5:14:")  # where it was
    assert [line.split(": ", 1)[1].split(" [")[0] for line in found["New"]] == ["ACC001"]
    assert "'hr'" in found["New"][0]
    assert ["'erp'" in line for line in found["Now waived, accepted but not fixed"]] == [True]
    assert ["'wiki'" in line for line in found["Back in force, its waiver ended"]] == [True]
    # before: 6 checks weight 15, passed wiki/ACC001 + crm,erp/GOV002 = 7, waived wiki/GOV002
    # after: 8 checks weight 20, passed crm,wiki/ACC001 + crm,erp,hr/GOV002 = 12, waived erp/ACC001
    assert "Estate score: 46.7% -> 60.0% (+13.3)" in result.output
    assert "  ACC    33.3% -> 50.0% (+16.7)" in result.output
    assert "1 findings unchanged." not in result.output and "0 findings unchanged." in result.output


def test_a_finding_whose_line_moved_is_the_same_finding(tmp_path):
    before = write_report(tmp_path, "before", BEFORE)
    moved = BEFORE.replace("version: 1\n", "version: 1\n    # a comment\n    # and another\n")
    after = write_report(tmp_path, "after", moved)
    result = invoke("diff", before, after, "--lang", "en")
    assert result.exit_code == 0
    assert sections(result.output) == {}
    assert result.output.endswith("No finding fixed, none new.\n")
    assert "Estate score: 46.7% -> 46.7% (=)" in result.output


def test_a_changed_message_on_the_same_rule_and_entity_is_not_new(tmp_path):
    estate = "version: 1\napplications:\n  crm:\n    owner: x\n    access: {browser: true, devices: [windows]}\n"
    before = write_report(tmp_path, "before", estate)
    after = write_report(tmp_path, "after", estate.replace("[windows]", "[windows, macos]"))
    for path in (before, after):  # ACC003 lists the missing devices in its message
        with open(path) as file:
            document = json.loads(file.read())
        document["diagnostics"] = [
            dict(d, code="ACC003", message=d["message"] + path) for d in document["diagnostics"]
        ][:1]
        with open(path, "w") as file:
            file.write(json.dumps(document))
    result = invoke("diff", before, after, "--lang", "en")
    assert (result.exit_code, sections(result.output)) == (0, {})


def test_markdown_for_a_merge_request(reports):
    result = invoke("diff", *reports, "--format", "markdown", "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "### si-lint: changes to the estate"
    assert "| **Estate score** | 46.7% | 60.0% | +13.3 |" in lines
    assert "| ACC | 33.3% | 50.0% | +16.7 |" in lines
    assert "**New (1)**" in lines
    new = [line for line in lines if line.startswith("- `ACC001` error") and "hr" in line]
    assert new and new[0].endswith("'hr' is not usable from a web browser (access.browser: false)")


def test_markdown_escapes_what_would_format(tmp_path, reports):
    with open(reports[1]) as file:
        document = json.loads(file.read())
    document["diagnostics"][0]["message"] = "a | b *c* <img> [x](y)"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document))
    result = invoke("diff", reports[0], path, "--format", "markdown")
    assert r"a \| b \*c\* \<img\> \[x\](y)" in result.output


def test_in_french(reports):
    result = invoke("diff", *reports, "--lang", "fr")
    assert "Score du patrimoine : 46,7 % -> 60,0 % (+13,3)" in result.output
    assert "Corrigés (1) :" in result.output and "Nouveaux (1) :" in result.output


def test_reports_without_scores_still_compare_findings(tmp_path, reports):
    with open(reports[0]) as file:
        document = json.loads(file.read())
    del document["summary"]["scores"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document))
    result = invoke("diff", path, reports[1], "--lang", "en")
    assert result.output.startswith("Scores: not in both reports")
    assert "Fixed (1):" in result.output


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ('{"version": 1,\n  "diagnostics": [}', ":2:19: not JSON ("),
        (
            '{"version": 1, "diagnostics": []}',
            "not a si-lint json report: at (top level): missing required field 'summary'",
        ),
        (
            '{"version": 2, "diagnostics": [], "summary": {}}',
            "not a si-lint json report: at version: 2 is not allowed: the only value is 1",
        ),
        (b"\xff\xfe", ":1:1: not UTF-8 (byte 0xff): save the file as UTF-8"),
    ],
)
def test_a_file_that_is_not_a_report_is_exit_2_with_the_reason(tmp_path, reports, content, message):
    bad = tmp_path / "bad.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content)
    result = CliRunner().invoke(main, ["diff", reports[0], str(bad)])
    assert result.exit_code == 2
    expected = f"si-lint: error: {bad}{'' if message.startswith(':') else ': '}{message}"
    # broken JSON syntax: the problem is in our words (tests/test_any_input.py), whatever Python's decoder says
    assert result.stderr.startswith(expected) if message.endswith("(") else result.stderr == expected + "\n"


def test_a_file_that_is_not_a_report_is_worded_in_french_too(tmp_path, reports):
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "diagnostics": []}')
    result = CliRunner().invoke(main, ["diff", reports[0], str(bad), "--lang", "fr"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: erreur : {bad}: pas un rapport JSON de si-lint : (premier niveau) : champ "
        "obligatoire « summary » manquant\n"
    )


def test_speaks_lang_even_when_the_reports_were_written_in_another(tmp_path):
    french = []
    for name, estate in (("avant", BEFORE), ("apres", AFTER)):
        source = tmp_path / f"{name}.yaml"
        source.write_text(textwrap.dedent(estate))
        output = tmp_path / f"{name}.json"
        invoke(
            "check",
            source,
            "--format",
            "json",
            "--output",
            output,
            "--select",
            "ACC001,GOV002",
            "--today",
            "2026-11-23",
            "--lang",
            "fr",
        )
        assert json.loads(output.read_text())["lang"] == "fr"
        french.append(output)
    result = invoke("diff", *french, "--lang", "en")
    assert "Fixed (1):" in result.output
    assert "ACC001 [error] Every application is usable from a standard web browser" in result.output
    assert "navigateur" not in result.output
    same = invoke("diff", *french, "--lang", "fr").output
    assert "« crm »" in same  # a report in the language asked keeps its messages, figures and names
