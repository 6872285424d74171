"""Impact: the plan and the scores weigh what the business stands on (users, criticality, what depends on it).

And the rules of docs/scoring.md that keep a score honest: waivers never raise it, --exit-zero for scripts.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main

TODAY = "2026-11-23"

TWO_SPREADSHEETS = """\
version: 1
applications:
  {first}:
    usage: business
    owner: finance
    platform: spreadsheet
    users: {first_users}
    criticality: {first_criticality}
  {second}:
    usage: business
    owner: finance
    platform: spreadsheet
    users: {second_users}
    criticality: {second_criticality}
"""


def run(*args) -> tuple:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return result.exit_code, result.stdout


def plan_of(path) -> dict:
    code, out = run("plan", path, "--format", "json", "--today", TODAY, "--select", "COL005")
    assert code == 0, out
    return json.loads(out)


@pytest.mark.parametrize(("critical", "low"), [("a-critical", "z-low"), ("z-critical", "a-low")])
def test_the_critical_application_used_by_many_comes_first_whatever_the_ids(tmp_path, critical, low):
    # The same violation (COL005: a spreadsheet application), once on each: ids must not decide.
    by_id = sorted([(critical, 1500, "critical"), (low, 15, "low")])
    (first, first_users, first_criticality), (second, second_users, second_criticality) = by_id
    path = tmp_path / "estate.yaml"
    path.write_text(
        TWO_SPREADSHEETS.format(
            first=first,
            first_users=first_users,
            first_criticality=first_criticality,
            second=second,
            second_users=second_users,
            second_criticality=second_criticality,
        ),
        encoding="utf-8",
    )
    actions = plan_of(path)["actions"]
    assert [action["applications"] for action in actions] == [[critical], [low]]
    assert actions[0]["gain"] > actions[1]["gain"]


def test_a_shared_component_weighs_the_applications_that_need_it(tmp_path):
    # Two components below the 99.99% minimum (AVL001): the one three applications need is raised first.
    path = tmp_path / "estate.yaml"
    path.write_text(
        """\
version: 1
providers:
  gcp: {type: public-cloud, offers: [iaas]}
infrastructure:
  a-printer: {type: server, provider: gcp, availability: 99.5}
  z-directory: {type: identity, provider: gcp, availability: 99.9}
applications:
  mail: {usage: support, owner: it, depends_on: [z-directory]}
  erp: {usage: business, owner: it, depends_on: [z-directory]}
  crm: {usage: business, owner: it, depends_on: [z-directory]}
  labels: {usage: support, owner: it, depends_on: [a-printer]}
""",
        encoding="utf-8",
    )
    code, out = run("plan", path, "--format", "json", "--today", TODAY, "--select", "AVL001")
    actions = json.loads(out)["actions"]
    assert [action["id"] for action in actions] == ["raise:z-directory", "raise:a-printer"]


ESTATE = """\
version: 1
providers:
  dc: {type: on-premise, offers: [iaas]}
applications:
  sap:
    usage: business
    owner: finance
    delivery: on-premise
    provider: dc
    users: 400
    criticality: critical
    access: {browser: true, devices: [windows, macos, linux, chromebook, android, ios]}
    availability: {target: 99.9}
"""
# The two findings of ESTATE (CLD001 on sap, CLD006 for the estate), each waived where it belongs.
WAIVERS = """\
    waivers:
      - {rule: CLD001, reason: the 2028 migration, expires: 2027-06-30, approved_by: cio}
waivers:
  - {rule: CLD006, reason: the 2028 migration, expires: 2027-06-30, approved_by: cio}
"""


def scores_in_every_format(path) -> dict:
    """The estate score as every format that shows one gives it."""
    _, out = run("check", path, "--format", "json", "--today", TODAY)
    summary = json.loads(out)["summary"]["scores"]
    _, statistics = run("check", path, "--statistics", "--today", TODAY)
    shown = re.search(r"^  \S+ +([0-9.]+)%", statistics, re.M)  # the first score line: the estate's
    _, html = run("check", path, "--format", "html", "--today", TODAY)
    _, plan = run("plan", path, "--format", "json", "--today", TODAY)
    return {
        "json": summary["estate"]["score"],
        "json unweighted": summary["unweighted"]["score"],
        "statistics": float(shown.group(1)),
        "plan": json.loads(plan)["score"],
        "html": float(re.search(r'class="ring-label">([0-9.]+)%', html).group(1)),
    }


def test_adding_valid_waivers_never_raises_the_score(tmp_path):
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(ESTATE, encoding="utf-8")
    after.write_text(ESTATE + WAIVERS, encoding="utf-8")
    scored_before, scored_after = scores_in_every_format(before), scores_in_every_format(after)
    assert set(scored_before) == set(scored_after)
    for shown in scored_before:
        assert scored_after[shown] <= scored_before[shown], shown
    _, out = run("check", after, "--format", "json", "--today", TODAY)
    assert json.loads(out)["summary"]["waived"] == 2  # both waivers are valid and in use


def test_an_unused_waiver_lowers_the_score(tmp_path):
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(ESTATE, encoding="utf-8")
    unused = WAIVERS.replace("CLD001", "COL005")  # sap is no spreadsheet: GOV004, an unused waiver
    after.write_text(ESTATE + unused, encoding="utf-8")
    assert scores_in_every_format(after)["json"] < scores_in_every_format(before)["json"]


def test_exit_zero_keeps_the_findings_and_exits_0(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text(ESTATE, encoding="utf-8")
    assert run("check", path, "--today", TODAY)[0] == 1
    code, out = run("check", path, "--today", TODAY, "--exit-zero")
    assert code == 0 and "CLD001" in out
    assert run("check", tmp_path / "missing.yaml", "--exit-zero")[0] == 2
