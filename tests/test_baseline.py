"""Baseline: record today's findings, then block only new ones, whatever moved in the file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from si_lint.rules.baseline import Baseline, apply
from si_lint.cli.main import main
from si_lint.rules.diagnostic import Diagnostic

ESTATE = """\
version: 1
applications:
  suite:
    usage: support
    owner: it
    category: office
    delivery: saas
    tenancy: multi
    access: {browser: true}
    collaboration: {native: true, default_sharing: shared, single_version: true}
    availability: {target: 99.9}
    cost: {per_user_month: 12}
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
"""
# Lines moved down by four, the office cost changed (CST001's figures, not what it is about), erp given an
# owner (GOV002 fixed), and a new application without one (a new GOV002).
EDITED = (ESTATE.replace("version: 1\n", "version: 1\n# Acme's estate\norganization: Acme\n\n\n")
          .replace("per_user_month: 12", "per_user_month: 14")
          .replace("  erp:\n    usage: business\n", "  erp:\n    usage: business\n    owner: finance\n")
          + "  hr:\n    usage: support\n    delivery: saas\n    tenancy: multi\n    access: {browser: true}\n"
            "    availability: {target: 99.9}\n")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, ["estate.yaml", "--today", "2026-11-23", "--lang", "en", *args],
                              catch_exceptions=False)


def test_round_trip_write_edit_and_report_only_what_is_new(folder):
    written = invoke("--write-baseline", "baseline.json")
    # How many it recorded, and nothing else: no report saying that nothing was found.
    assert (written.exit_code, written.stdout) == (0, "")
    assert written.stderr == "si-lint: recorded 5 findings in baseline.json\n"
    recorded = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["code"], e["entity"]) for e in recorded["findings"]] == [
        ("ACC001", "crm"), ("ACC002", "crm"), ("ACC003", "crm"), ("CST001", None), ("GOV002", "erp")]

    assert invoke("--baseline", "baseline.json").exit_code == 0  # nothing changed: nothing new
    (folder / "estate.yaml").write_text(EDITED, encoding="utf-8")
    after = invoke("--baseline", "baseline.json")
    assert after.exit_code == 1
    assert after.stdout == ("estate.yaml:31:3: GOV002 [warning] 'hr': owner is not stated, so no one is "
                            "accountable for it: name the team or person\n"
                            "Found 1 problem (1 warning) in 1 file.\n")
    assert after.stderr == ("si-lint: baseline baseline.json: 4 known findings not shown; 1 entry fixed and can be "
                            "removed (rewrite it with --write-baseline baseline.json)\n")


def test_without_the_baseline_every_finding_is_back(folder):
    invoke("--write-baseline", "baseline.json")
    assert invoke().stdout.splitlines()[-1] == "Found 5 problems (2 errors, 3 warnings) in 1 file."


def test_est_findings_are_never_recorded(folder):
    broken = ESTATE.replace("  erp:\n    usage: business\n    delivery: saas",
                            "  erp:\n    usage: business\n    delivery: cloud")
    (folder / "estate.yaml").write_text(broken, encoding="utf-8")
    written = invoke("--write-baseline", "baseline.json", "--select", "EST,ACC001")
    assert written.exit_code == 1
    assert [line.split()[1] for line in written.stdout.splitlines() if line.startswith("estate.yaml:")] == ["EST003"]
    recorded = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in recorded["findings"]] == ["ACC001"]


def test_the_json_report_counts_only_the_new_findings(folder):
    invoke("--write-baseline", "baseline.json")
    (folder / "estate.yaml").write_text(EDITED, encoding="utf-8")
    summary = json.loads(invoke("--baseline", "baseline.json", "--format", "json").stdout)["summary"]
    assert (summary["findings"], summary["warnings"], summary["by_code"]) == (1, 1, {"GOV002": 1})


def _diagnostic(code, entity, message="m"):
    return Diagnostic(code, "warning", message, "e.yaml", 1, 1, entity=entity)


def test_each_entry_matches_one_finding():
    baseline = Baseline("b.json", "en", [{"code": "EST003", "entity": "a", "message": "m"},
                                         {"code": "ACC003", "entity": "a", "message": "old wording"}])
    found = [_diagnostic("ACC003", "a"), _diagnostic("ACC003", "a"), _diagnostic("EST003", "a")]
    new, known, fixed = apply(found, baseline, "en")
    # Matched by code and entity whatever the message; the second ACC003 is new; EST is never matched.
    assert ([(d.code, d.entity) for d in new], known, fixed) == ([("ACC003", "a"), ("EST003", "a")], 1, 1)


def test_estate_wide_findings_match_by_message_with_figures_blanked():
    baseline = Baseline("b.json", "en", [
        {"code": "DAT002", "entity": None, "message": "no independent data space holds media data, in: photos"},
        {"code": "CST001", "entity": None, "message": "content applications cost 12 EUR, above 10"},
    ])
    found = [_diagnostic("DAT002", None, "no independent data space holds documents data, in: shares"),
             _diagnostic("CST001", None, "content applications cost 22.5 EUR, above 10")]
    new, known, fixed = apply(found, baseline, "en")
    assert ([d.code for d in new], known, fixed) == (["DAT002"], 1, 1)


def test_a_baseline_in_another_language_is_refused_when_it_matches_messages(folder):
    invoke("--write-baseline", "baseline.json")
    result = invoke("--baseline", "baseline.json", "--lang", "fr")
    assert result.exit_code == 2
    # The run is in French, so is its error.
    assert result.stderr == ("si-lint: erreur : baseline.json: ses constats portant sur tout le patrimoine se reconnaissent "
                             "à leur message, écrit en « en » : lancer avec --lang en (ou `lang: en` dans la "
                             "configuration), ou écrire de nouveau l'état de référence\n")
    english = invoke("--baseline", "baseline.json", "--lang", "en", "--select", "GOV")
    assert english.exit_code != 2


@pytest.mark.parametrize("text, expected", [
    # the problem in JSON's syntax is in our words (tests/test_any_input.py), whatever Python's decoder says
    ('{"version": 1,\n "findings": [}', "baseline.json:2:15: not a JSON baseline: "),
    ('{"version": 2, "findings": []}', "baseline.json: not a si-lint baseline (version 1, with a list of findings); "
                                       "write one with --write-baseline"),
    ('{"version": 1, "findings": [{"code": "ACC001"}]}', "baseline.json: not a si-lint baseline"),
])
def test_a_bad_baseline_is_a_clear_error(folder, text, expected):
    (folder / "baseline.json").write_text(text, encoding="utf-8")
    result = invoke("--baseline", "baseline.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: " + expected)


def test_a_missing_baseline_and_both_options_are_errors(folder):
    assert invoke("--baseline", "nowhere.json").stderr == (
        "si-lint: error: nowhere.json: no such baseline file: record today's findings in it with "
        "`si-lint --write-baseline nowhere.json`\n")
    both = invoke("--baseline", "a.json", "--write-baseline", "b.json")
    assert both.exit_code == 2 and "--baseline and --write-baseline cannot be used together" in both.stderr
    french = invoke("--baseline", "a.json", "--write-baseline", "b.json", "--lang", "fr")
    assert french.exit_code == 2 and "--baseline et --write-baseline ne s'emploient pas ensemble" in french.stderr


# --- the baseline of the config file: what a bare run and the pre-commit hook use -------------------

def test_a_bare_run_uses_the_config_baseline_relative_to_the_config_file(folder, monkeypatch):
    (folder / "estate").mkdir()
    (folder / "estate.yaml").rename(folder / "estate" / "estate.yaml")
    (folder / ".si-lint.yaml").write_text("paths: [estate/]\nbaseline: si-lint-baseline.json\n", encoding="utf-8")
    bare = ["--today", "2026-11-23", "--lang", "en"]
    missing = CliRunner().invoke(main, bare, catch_exceptions=False)
    assert missing.exit_code == 2 and "`si-lint --write-baseline si-lint-baseline.json`" in missing.stderr
    written = CliRunner().invoke(main, [*bare, "--write-baseline", "si-lint-baseline.json"], catch_exceptions=False)
    assert (written.exit_code, written.stdout) == (0, "")
    (folder / "estate").joinpath("sub").mkdir()
    monkeypatch.chdir(folder / "estate" / "sub")  # found from a subfolder, read relative to the config file
    clean = CliRunner().invoke(main, bare, catch_exceptions=False)
    assert (clean.exit_code, clean.stdout) == (0, "No problems found in 1 file.\n")
    assert clean.stderr == "si-lint: baseline ../../si-lint-baseline.json: 5 known findings not shown\n"
    monkeypatch.chdir(folder)
    (folder / "estate" / "estate.yaml").write_text(EDITED, encoding="utf-8")
    assert CliRunner().invoke(main, bare, catch_exceptions=False).exit_code == 1  # hr is new


def test_the_baseline_flag_wins_over_the_config_baseline(folder):
    (folder / ".si-lint.yaml").write_text("baseline: elsewhere.json\n", encoding="utf-8")
    invoke("--write-baseline", "baseline.json")
    assert invoke("--baseline", "baseline.json").exit_code == 0
    assert invoke().exit_code == 2  # elsewhere.json was never written
