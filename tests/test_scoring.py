"""Scores on small estates computed by hand (docs/scoring.md): weights, waived apart, applicability."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import run
from si_lint.cli.main import main
from si_lint.score.scorecard import Scorecard, scores

# ACC001 is an error (weight 3), GOV002 a warning (weight 2).
THREE_APPS = """\
    version: 1
    applications:
      a:
        owner: it
        access: {browser: true}
      b:
        owner: it
        access: {browser: false}
      c:
        access: {browser: false}
        waivers:
          - {rule: ACC001, reason: vendor roadmap, expires: 2027-06-30}
"""


def score_of(text, catalogue, **overrides) -> dict:
    return scores(run(text, catalogue, **overrides))


def test_estate_category_and_application_scores_by_hand(catalogue):
    scored = score_of(THREE_APPS, catalogue, select=("ACC001", "GOV002"))
    # 6 checks, weight 15: passed a/ACC001 (3) + a,b/GOV002 (4) = 7; waived c/ACC001 (3); failed 5.
    assert scored["estate"] == {"score": 46.7, "waived_share": 20.0, "checks": 6, "passed": 3, "failed": 2, "waived": 1}
    assert scored["categories"]["ACC"] == {
        "score": 33.3,
        "waived_share": 33.3,
        "checks": 3,
        "passed": 1,
        "failed": 1,
        "waived": 1,
    }
    assert scored["categories"]["GOV"]["score"] == 66.7
    assert scored["applications"]["a"]["score"] == 100.0
    assert scored["applications"]["b"]["score"] == 40.0  # ACC001 failed (3) of 5
    assert scored["applications"]["c"] == {
        "score": 0.0,
        "waived_share": 60.0,
        "checks": 2,
        "passed": 0,
        "failed": 1,
        "waived": 1,
    }


def test_a_category_with_no_rule_run_has_no_score(catalogue):
    scored = score_of(THREE_APPS, catalogue, select=("ACC001", "GOV002"))
    assert scored["categories"]["CLD"] == {
        "score": None,
        "waived_share": None,
        "checks": 0,
        "passed": 0,
        "failed": 0,
        "waived": 0,
    }
    assert "EST" not in scored["categories"]


def test_a_severity_override_changes_the_weight(catalogue):
    scored = score_of(THREE_APPS, catalogue, select=("ACC001", "GOV002"), severity={"GOV002": "error"})
    # weight 18: passed 3 + 6 = 9
    assert scored["estate"]["score"] == 50.0


def test_collaboration_rules_on_documents_apply_to_content_applications_only(catalogue):
    text = """\
        version: 1
        applications:
          docs:
            category: office
            collaboration: {native: false}
          crm:
            category: crm
            collaboration: {native: false}
    """
    scored = score_of(text, catalogue, select=("COL001", "COL004"))
    # COL001 on docs only (failed, 2); COL004 on both (passed, 2 + 2)
    assert scored["categories"]["COL"] == {
        "score": 66.7,
        "waived_share": 0.0,
        "checks": 3,
        "passed": 2,
        "failed": 1,
        "waived": 0,
    }
    assert scored["applications"]["crm"]["checks"] == 1


def test_stores_and_flows_count_for_their_applications_and_estate_wide_rules_once(catalogue):
    text = """\
        version: 1
        data_stores:
          orders-db: {kind: operational, application: orders}
          crm-db: {kind: operational, application: crm, exported_to: [lake]}
          lake: {kind: lake}
        applications:
          orders: {usage: business}
          crm: {usage: business}
        integrations:
          - {from: orders, to: crm, via: point-to-point}
    """
    scored = score_of(text, catalogue, select=("DAT001", "DAT002", "INT001"))
    # DAT001 x3 stores (error 3; orders-db fails), DAT002 once (info 1, passes), INT001 x1 flow (warning 2, fails)
    assert scored["unweighted"] == {
        "score": 58.3,
        "waived_share": 0.0,
        "checks": 5,
        "passed": 3,
        "failed": 2,
        "waived": 0,
    }
    # Weighted by impact: the flow concerns both its ends (2), the lake no application (the average, 1).
    assert scored["estate"]["score"] == round(100 * (3 + 3 + 1) / (3 * 3 + 1 + 2 * 2), 1)
    assert scored["categories"]["DAT"]["score"] == 70.0
    assert scored["categories"]["INT"]["score"] == 0.0
    # orders owns orders-db (failed) and is an end of the flow (failed); crm owns crm-db (passed)
    assert scored["applications"]["orders"] == {
        "score": 0.0,
        "waived_share": 0.0,
        "checks": 2,
        "passed": 0,
        "failed": 2,
        "waived": 0,
    }
    assert scored["applications"]["crm"]["score"] == 60.0


def test_an_estate_wide_rule_with_several_findings_is_one_failed_check(catalogue):
    text = """\
        version: 1
        data_stores:
          files: {kind: documents}
          orders-db: {kind: operational}
    """
    result = run(text, catalogue, select=("DAT002",))
    assert len(result.diagnostics) == 2  # documents and structured
    assert scores(result)["estate"]["checks"] == 1
    assert scores(result)["estate"]["failed"] == 1


def test_waiver_rules_apply_to_each_entity_that_carries_waivers(catalogue):
    text = """\
        version: 1
        applications:
          old:
            access: {browser: false}
            waivers:
              - {rule: ACC001, reason: gone soon, expires: 2026-01-31}
          fine:
            access: {browser: true}
    """
    scored = score_of(text, catalogue, select=("GOV003",))
    assert scored["estate"] == {"score": 0.0, "waived_share": 0.0, "checks": 1, "passed": 0, "failed": 1, "waived": 0}
    assert scored["applications"]["fine"]["checks"] == 0


def test_entities_the_schema_rejects_are_not_scored(catalogue):
    text = """\
        version: 1
        applications:
          good: {access: {browser: true}}
          broken: {access: {browser: maybe}}
    """
    scored = score_of(text, catalogue, select=("ACC001",))
    assert scored["estate"]["checks"] == 1
    assert scored["applications"]["broken"]["score"] is None


def test_heat_map_cells_hold_the_worst_state_per_category(catalogue):
    cells = Scorecard(run(THREE_APPS, catalogue, select=("ACC001", "ACC004", "GOV002"))).cells()
    assert cells["a"] == {"ACC": "passed", "GOV": "passed"}
    assert cells["b"] == {"ACC": "error", "GOV": "passed"}
    assert cells["c"] == {"ACC": "waived", "GOV": "warning"}


# --- through the command line ----------------------------------------------------------------


@pytest.fixture
def estate(tmp_path):
    import textwrap

    path = tmp_path / "estate.yaml"
    path.write_text(textwrap.dedent(THREE_APPS))
    return path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_json_report_carries_the_scores_and_still_matches_its_schema(estate):
    result = invoke("check", estate, "--format", "json", "--select", "ACC001,GOV002", "--today", "2026-11-23")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["summary"]["scores"]["estate"]["score"] == 46.7
    schema = json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(document)


def test_statistics_counts_findings_per_rule_then_prints_the_scores(estate):
    result = invoke(
        "check", estate, "--statistics", "--select", "ACC001,GOV002", "--today", "2026-11-23", "--lang", "en"
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1].split() == ["1", "1", "ACC001", "error", "browser-access"]
    assert lines[2].split() == ["1", "0", "GOV002", "warning", "owner"]
    assert "  estate          46.7%  (6 checks: 3 passed, 2 failed, 1 waived; waived 20.0%)" in lines
    assert "  without impact  46.7%  (6 checks: 3 passed, 2 failed, 1 waived; waived 20.0%)" in lines
    assert any(line.split()[:2] == ["CLD", "n/a"] for line in lines)
    assert "'b' is not usable" not in result.output  # the counts replace the findings


def test_statistics_in_french(estate):
    result = invoke(
        "check", estate, "--statistics", "--select", "ACC001,GOV002", "--today", "2026-11-23", "--lang", "fr"
    )
    assert "patrimoine" in result.output and "6 contrôles : réussis 3, en échec 2, sous dérogation 1" in result.output


def test_a_baseline_hides_findings_but_not_from_the_scores(estate, tmp_path):
    baseline = tmp_path / "baseline.json"
    invoke("check", estate, "--select", "ACC001,GOV002", "--today", "2026-11-23", "--write-baseline", baseline)
    result = invoke(
        "check",
        estate,
        "--format",
        "json",
        "--select",
        "ACC001,GOV002",
        "--today",
        "2026-11-23",
        "--baseline",
        baseline,
    )
    document = json.loads(result.stdout)
    assert document["diagnostics"] == []
    assert document["summary"]["scores"]["estate"]["score"] == 46.7


def test_the_worked_example_of_the_documentation_is_right(catalogue):
    import re

    from conftest import REPO

    doc = (REPO / "docs" / "scoring.md").read_text(encoding="utf-8")
    block = re.search(r"## A worked example.*?```yaml\n(.*?)```", doc, re.S).group(1)
    scored = scores(run(block, catalogue, select=("ACC001", "GOV002")))
    assert f"Estate: 7 / 15 = **{scored['estate']['score']}%**" in doc
    assert f"waived {scored['estate']['waived_share']}%" in doc
    assert f"ACC: 3 / 9 = {scored['categories']['ACC']['score']}%" in doc


def test_statistics_say_when_part_of_the_estate_was_not_read(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text("version: 1\napplications:\n  a: [\n")
    result = invoke("check", path, "--statistics", "--lang", "en")
    assert result.output.endswith(
        "\nEST findings: 1; the estate was not read in full, and what they concern is not scored.\n"
    )
    path.write_text("version: 1\napplications:\n  a: {usage: support}\n")
    assert "not read in full" not in invoke("check", path, "--statistics", "--lang", "en").output


# --- what scoring reads from the rule files --------------------------------------------------

CONTENT_AND_OTHERS = """\
version: 1
applications:
  docs: {usage: support, owner: it, category: documents, collaboration: {native: false}}
  chat: {usage: support, owner: it, category: Messaging}
  erp: {usage: business, owner: finance}
  crm: {usage: business, owner: sales, category: sales}
"""


def test_a_custom_rule_with_col001_condition_is_scored_exactly_like_col001(catalogue, tmp_path):
    """Which entities a rule applies to is in the rule file (`applies_to`), so a copy scores as the original."""
    from si_lint.rules.catalogue import Catalogue, load_catalogue

    text = (resources.files("si_lint.rules.builtin") / "COL001-native-collaboration.yaml").read_text(encoding="utf-8")
    custom = text.replace("code: COL001", "code: ACME010").replace(
        "name: native-collaboration", "name: acme-native-collaboration"
    )
    assert "applies_to:" in custom
    (tmp_path / "ACME010-acme-native-collaboration.yaml").write_text(custom, encoding="utf-8")
    both = load_catalogue([str(tmp_path)])

    def scored(code: str) -> tuple:
        result = run(CONTENT_AND_OTHERS, both, select=(code,))
        card = Scorecard(result).scores()
        family = card["categories"]["COL"]
        return (
            family["checks"],
            family["passed"],
            family["failed"],
            {app: line["checks"] for app, line in card["applications"].items()},
        )

    original, copy = scored("COL001"), scored("ACME010")
    # docs and chat are content (any case); erp and crm are not: two checks, chat and docs both failed
    assert original == (2, 0, 2, {"docs": 1, "chat": 1, "erp": 0, "crm": 0})
    assert copy == original
    assert isinstance(both, Catalogue)
