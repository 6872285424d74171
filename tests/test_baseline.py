"""Baseline: record today's findings, then block only new ones, whatever moved in the file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main
from si_lint.rules.baseline import Baseline, apply
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
EDITED = (
    ESTATE.replace("version: 1\n", "version: 1\n# Acme's estate\norganization: Acme\n\n\n")
    .replace("per_user_month: 12", "per_user_month: 14")
    .replace("  erp:\n    usage: business\n", "  erp:\n    usage: business\n    owner: finance\n")
    + "  hr:\n    usage: support\n    delivery: saas\n    tenancy: multi\n    access: {browser: true}\n"
    "    availability: {target: 99.9}\n"
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(
        main, ["estate.yaml", "--today", "2026-11-23", "--lang", "en", *args], catch_exceptions=False
    )


def test_round_trip_write_edit_and_report_only_what_is_new(folder):
    written = invoke("--write-baseline", "baseline.json")
    # How many it recorded, and nothing else: no report saying that nothing was found.
    assert (written.exit_code, written.stdout) == (0, "")
    assert written.stderr == "si-lint: recorded 5 findings in baseline.json\n"
    recorded = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["code"], e["entity"]) for e in recorded["findings"]] == [
        ("ACC001", "crm"),
        ("ACC002", "crm"),
        ("ACC003", "crm"),
        ("CST001", None),
        ("GOV002", "erp"),
    ]

    assert invoke("--baseline", "baseline.json").exit_code == 0  # nothing changed: nothing new
    (folder / "estate.yaml").write_text(EDITED, encoding="utf-8")
    after = invoke("--baseline", "baseline.json")
    assert after.exit_code == 1
    assert after.stdout == (
        "estate.yaml:31:3: GOV002 [warning] 'hr': owner is not stated, so no one is "
        "accountable for it: name the team or person\n"
        "Found 1 problem (1 warning) in 1 file.\n"
    )
    assert after.stderr == (
        "si-lint: baseline baseline.json: 4 known findings not shown; 1 entry fixed and can be "
        "removed (rewrite it with --write-baseline baseline.json)\n"
    )


def test_without_the_baseline_every_finding_is_back(folder):
    invoke("--write-baseline", "baseline.json")
    assert invoke().stdout.splitlines()[-1] == "Found 5 problems (2 errors, 3 warnings) in 1 file."


def test_est_findings_are_never_recorded(folder):
    broken = ESTATE.replace(
        "  erp:\n    usage: business\n    delivery: saas", "  erp:\n    usage: business\n    delivery: cloud"
    )
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


def _diagnostic(code, entity, message="m", field="", subject=(), section="applications"):
    return Diagnostic(
        code,
        "warning",
        message,
        "e.yaml",
        1,
        1,
        entity=entity,
        field=field,
        about=(("subject", tuple(subject)),) if subject else (),
        section=section if entity is not None else None,
    )


def _entry(code, entity, field="", subject=(), message="m"):
    return {
        "code": code,
        "section": "applications" if entity is not None else None,
        "entity": entity,
        "field": field,
        "subject": list(subject),
        "message": message,
    }


def test_each_entry_matches_one_finding():
    baseline = Baseline("b.json", [_entry("EST003", "a"), _entry("ACC003", "a", message="old wording")])
    found = [_diagnostic("ACC003", "a"), _diagnostic("ACC003", "a"), _diagnostic("EST003", "a")]
    new, known, fixed = apply(found, baseline)
    # Matched by code and entity whatever the message; the second ACC003 is new; EST is never matched.
    assert ([(d.code, d.entity) for d in new], known, fixed) == ([("ACC003", "a"), ("EST003", "a")], 1, 1)


def test_entity_findings_match_by_field_too():
    baseline = Baseline("b.json", [_entry("CLD001", "a", field="delivery")])
    new, known, _ = apply([_diagnostic("CLD001", "a", field="provider")], baseline)
    assert (len(new), known) == (1, 0)
    new, known, _ = apply([_diagnostic("CLD001", "a", field="delivery", message="other words")], baseline)
    assert (new, known) == ([], 1)


def test_estate_wide_findings_match_by_subject_never_by_message():
    baseline = Baseline(
        "b.json",
        [
            _entry("DAT002", None, field="data", subject=("media",), message="no independent data space holds media"),
            _entry("CST001", None, message="content applications cost 12 EUR, above 10"),
        ],
    )
    found = [
        _diagnostic("DAT002", None, "no independent data space holds media", field="data", subject=("documents",)),
        _diagnostic("CST001", None, "le budget de la bureautique est de 22,5 €"),
    ]
    new, known, fixed = apply(found, baseline)
    assert ([d.subject for d in new], known, fixed) == ([("documents",)], 1, 1)


def test_a_baseline_written_in_one_language_is_read_in_the_other(folder):
    for written_in, read_in in (("en", "fr"), ("fr", "en")):
        (folder / "estate.yaml").write_text(ESTATE, encoding="utf-8")
        assert invoke("--write-baseline", "baseline.json", "--lang", written_in).exit_code == 0
        assert json.loads((folder / "baseline.json").read_text(encoding="utf-8"))["lang"] == written_in
        same = invoke("--baseline", "baseline.json", "--lang", read_in)
        assert (same.exit_code, same.stdout) == (
            0,
            "No problems found in 1 file.\n" if read_in == "en" else "Aucun constat dans 1 fichier.\n",
        ), same.output
        (folder / "estate.yaml").write_text(EDITED, encoding="utf-8")
        after = invoke("--baseline", "baseline.json", "--lang", read_in, "--format", "json")
        assert after.exit_code == 1
        assert [(d["code"], d["entity"]) for d in json.loads(after.stdout)["diagnostics"]] == [("GOV002", "hr")]


def test_a_baseline_written_with_lang_en_is_read_under_a_french_locale(folder, monkeypatch):
    """The issue's case: a colleague's LANG=fr_FR.UTF-8 commit, with no --lang, against an English baseline."""
    assert invoke("--write-baseline", "baseline.json").exit_code == 0
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = CliRunner().invoke(
        main, ["estate.yaml", "--today", "2026-11-23", "--baseline", "baseline.json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output


def test_estate_wide_findings_about_something_else_are_new(folder):
    two_kinds = "version: 1\ndata_stores:\n  shares: {kind: documents}\n  photos: {kind: media}\n"
    (folder / "estate.yaml").write_text(two_kinds, encoding="utf-8")
    assert invoke("--write-baseline", "baseline.json", "--select", "DAT002").exit_code == 0
    recorded = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["code"], e["subject"]) for e in recorded] == [("DAT002", ["documents"]), ("DAT002", ["media"])]
    (folder / "estate.yaml").write_text(two_kinds.replace("kind: media", "kind: geographic"), encoding="utf-8")
    after = invoke("--baseline", "baseline.json", "--select", "DAT002", "--lang", "fr", "--format", "json")
    assert [d["message"].split(" ")[-1] for d in json.loads(after.stdout)["diagnostics"]] == ["photos"]


def test_a_baseline_of_the_previous_version_is_refused_with_how_to_write_it_again(folder):
    old = {
        "version": 1,
        "tool": "si-lint",
        "lang": "en",
        "findings": [{"code": "GOV002", "entity": "erp", "message": "'erp': owner is not stated"}],
    }
    (folder / "baseline.json").write_text(json.dumps(old), encoding="utf-8")
    result = invoke("--baseline", "baseline.json")
    assert result.exit_code == 2
    assert result.stderr == (
        "si-lint: error: baseline.json: written by an earlier si-lint, which recognised "
        "findings by their words: write it again with --write-baseline baseline.json "
        "(findings are now recognised by code, entity and field, in any language)\n"
    )
    french = invoke("--baseline", "baseline.json", "--lang", "fr")
    assert french.exit_code == 2 and "l'écrire de nouveau avec --write-baseline baseline.json" in french.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        # the problem in JSON's syntax is in our words (tests/test_any_input.py), whatever Python's decoder says
        ('{"version": 1,\n "findings": [}', "baseline.json:2:15: not a JSON baseline: "),
        (
            '{"version": 3, "findings": []}',
            "baseline.json: not a si-lint baseline (version 2, with a list of findings); "
            "write one with --write-baseline",
        ),
        ('{"version": 2, "findings": [{"entity": "a"}]}', "baseline.json: not a si-lint baseline"),
        ('{"version": 2, "findings": [{"code": "ACC001", "subject": "x"}]}', "baseline.json: not a si-lint baseline"),
    ],
)
def test_a_bad_baseline_is_a_clear_error(folder, text, expected):
    (folder / "baseline.json").write_text(text, encoding="utf-8")
    result = invoke("--baseline", "baseline.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("si-lint: error: " + expected)


def test_a_missing_baseline_and_both_options_are_errors(folder):
    assert invoke("--baseline", "nowhere.json").stderr == (
        "si-lint: error: nowhere.json: no such baseline file: record today's findings in it with "
        "`si-lint --write-baseline nowhere.json`\n"
    )
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
