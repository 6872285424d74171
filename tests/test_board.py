"""The html report read by a board: what the top of the page says, the trend's commits, and no silent 100%.

Issue 21: a first screen that gives the errors in force and the share of
applications compliant, coloured by severity; a trend that names its commits;
"no figure" wherever the arithmetic counts a figure as 100%; names in the heat
map; the waivers with their approver; the source of a quoted rationale.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import textwrap

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main

LEGACY = REPO / "examples" / "legacy" / "estate.yaml"
COMPLIANT = REPO / "examples" / "compliant" / "estate.yaml"
TODAY = "2026-11-23"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def page(tmp_path, estate, *options) -> str:
    output = tmp_path / "report.html"
    result = invoke("check", estate, "--format", "html", "--output", output, "--today", TODAY, *options)
    assert result.exit_code in (0, 1), result.output
    return output.read_text(encoding="utf-8")


def first_screen(html: str) -> str:
    """What sits above the score ring and the category bars: the lines an executive reads first."""
    overview = html.split('<section id="overview">')[1]
    return overview.split('<svg class="ring')[0]


def cards(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="card-data">(.*?)</script>', html, re.S).group(1)
    return dict(json.loads(block))


def estate(tmp_path, text: str):
    path = tmp_path / "estate.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- the first screen ----------------------------------------------------------------


def json_report(path, *options) -> dict:
    return json.loads(invoke("check", path, "--format", "json", "--today", TODAY, *options).stdout)


@pytest.mark.parametrize(
    "lang, verdict, compliant, errors",
    [
        ("en", "Not compliant: errors are in force.", "Compliant applications: 0 of 9 (0%).", "<b>{n}</b> errors"),
        (
            "fr",
            "Non conforme : des erreurs restent ouvertes.",
            "Applications conformes : 0 sur 9 (0 %).",
            "<b>{n}</b> erreurs",
        ),
    ],
)
def test_the_top_of_the_page_gives_the_errors_and_the_share_compliant(tmp_path, lang, verdict, compliant, errors):
    html = page(tmp_path, LEGACY, "--lang", lang)
    top = first_screen(html)
    assert '<div class="headline worst-error">' in top
    n = json_report(LEGACY)["summary"]["errors"]
    assert verdict in top and compliant in top and errors.format(n=n) in top
    # red, not green, while errors are in force: the passed share of the ring is drawn in a neutral colour
    ring = html.split('<svg class="ring ring-error"')[1].split("</svg>")[0]
    assert 'class="ring-held"' in ring and "ring-passed" not in ring and "ring-failed-error" in ring


def test_a_compliant_estate_reads_green_and_counts_its_applications(tmp_path):
    html = page(tmp_path, COMPLIANT)
    top = first_screen(html)
    apps = len(yaml.safe_load(COMPLIANT.read_text(encoding="utf-8"))["applications"])
    worst = re.search(r'<div class="headline worst-(\w+)">', top).group(1)
    assert worst in ("info", "none")
    assert f"Compliant applications: {apps} of {apps} (100%)." in top
    assert 'class="ring-passed"' in html.split('<svg class="ring')[1].split("</svg>")[0]


def bars(html: str) -> dict:
    """Family -> the classes of its failed and passed parts."""
    svg = html.split('<svg class="bars"')[1].split("</svg>")[0]
    return {
        family: (failed, passed)
        for family, failed, passed in re.findall(
            r'>(\w{3}) · [^<]+</text><g><title>[^<]*</title><rect [^>]*class="(bar-failed[\w-]*)"/>'
            r'<rect [^>]*class="(bar-held|bar-passed)"',
            svg,
        )
    }


def test_a_category_bar_is_green_only_without_errors_or_warnings(tmp_path):
    severity = {rule["code"]: rule["severity"] for rule in json.loads(invoke("rules", "--format", "json").stdout)}
    ranks = ("error", "warning", "info")
    worst: dict = {}
    for code in json_report(LEGACY)["summary"]["by_code"]:
        if code[:3] not in worst or ranks.index(severity[code]) < ranks.index(worst[code[:3]]):
            worst[code[:3]] = severity[code]
    drawn = bars(page(tmp_path, LEGACY))
    assert len(drawn) == 8
    for family, (failed, passed) in drawn.items():
        assert passed == ("bar-held" if worst.get(family) in ("error", "warning") else "bar-passed"), family
        assert failed == {"warning": "bar-failed-warning", "info": "bar-failed-info"}.get(
            worst.get(family), "bar-failed"
        ), family
    assert {passed for _, passed in bars(page(tmp_path, COMPLIANT)).values()} == {"bar-passed"}


def test_the_estate_wide_box_takes_the_colour_of_its_worst_finding(tmp_path):
    html = page(tmp_path, LEGACY)
    shared = html.split('<section id="shared">')[1].split("</section>")[0]
    assert '<article class="card wide worst-error">' in shared
    severities = re.findall(r'<li class="sev-(\w+)">', shared)
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # errors first
    quiet = estate(
        tmp_path,
        """\
        version: 1
        applications:
          a: {usage: support, owner: it, delivery: saas, tenancy: multi, updates: vendor,
              access: {browser: true, devices: [windows, macos, linux, chromebook, android, ios]}}
        """,
    )
    assert '<article class="card wide worst-none">' in page(tmp_path, quiet)


# --- availability: no silent 100% ----------------------------------------------------------

AVAILABILITY = """\
    version: 1
    applications:
      vendor-app:
        usage: support
        delivery: saas
        availability: {target: 99.5}
      stated:
        usage: support
        availability: {own: 99.8001, target: 99.9}
      close:
        usage: support
        availability: {own: 99.9951, target: 99.996}
    """


def test_an_application_whose_own_availability_is_not_stated_shows_no_figure(tmp_path):
    drawn = cards(page(tmp_path, estate(tmp_path, AVAILABILITY)))
    assert (
        "<p><b>no figure</b> · target 99.50% · no figure for its own availability (counted as 100%)</p>"
        in drawn["vendor-app"]
    )
    assert re.search(r'<g class="box missing"[^>]*><rect[^>]*/><text x="8" y="14">own</text>', drawn["vendor-app"])
    assert "its own availability" not in drawn["stated"]
    french = cards(page(tmp_path, estate(tmp_path, AVAILABILITY), "--lang", "fr"))
    assert (
        "<b>sans chiffre</b> · objectif 99,50 % · aucun chiffre pour sa disponibilité propre (pris pour 100 %)"
        in french["vendor-app"]
    )


def test_a_figure_and_its_target_are_rounded_alike(tmp_path):
    drawn = cards(page(tmp_path, estate(tmp_path, AVAILABILITY)))
    assert "<p><b>99.80%</b> · target 99.90% · " in drawn["stated"]
    # 99.9951 below 99.996: three decimals are needed to show it
    assert "<p><b>99.995%</b> · target 99.996% · " in drawn["close"]


# --- the heat map, the waivers, the rules ----------------------------------------------------


def test_the_heat_map_shows_names_beside_ids(tmp_path):
    html = page(tmp_path, LEGACY)
    row = html.split('data-id="erp"')[1].split("</div>")[0]
    assert '<a href="#app-erp">erp</a> <span class="name">ERP (production, purchasing, accounting)</span>' in row
    nameless = page(tmp_path, estate(tmp_path, "version: 1\napplications:\n  tool: {usage: support}\n"))
    assert '<a href="#app-tool">tool</a></span>' in nameless.split('data-id="tool"')[1].split("</div>")[0]


WAIVERS = """\
    version: 1
    applications:
      crm:
        usage: support
        access: {browser: false}
        waivers:
          - {rule: ACC001, reason: vendor roadmap, expires: 2026-12-31, approved_by: cio}
          - {rule: ACC002, reason: same, expires: 2027-01-15}
    """


@pytest.mark.parametrize(
    "lang, headers, unstated",
    [
        ("en", ["Entity", "Rule", "Expires", "Days left", "Reason", "Approved by"], "not stated"),
        ("fr", ["Élément", "Règle", "Expiration", "Jours restants", "Motif", "Approuvée par"], "non indiqué"),
    ],
)
def test_the_waivers_table_has_its_approver_and_expiry(tmp_path, lang, headers, unstated):
    html = page(tmp_path, estate(tmp_path, WAIVERS), "--lang", lang)
    table = html.split('<section id="waivers">')[1].split("</section>")[0]
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == headers
    rows = re.findall(r"<tr class=\"\w+\">(.*?)</tr>", table)
    assert "<td>2026-12-31</td>" in rows[0] and rows[0].endswith("<td>cio</td>")
    assert rows[1].endswith(f'<td><span class="none">{unstated}</span></td>')


def test_a_quoted_rationale_names_its_school_of_thought_and_source(tmp_path):
    html = page(tmp_path, LEGACY)
    rules = html.split('<section id="rules">')[1].split("</section>")[0]
    first = rules.split("<tbody>")[1].split("</tr>")[0]
    assert "the author" in first  # the rationale quotes the author...
    assert re.search(
        r'<span class="origin">Quoted from the French school of thought on the modern information '
        r"system the rules follow: seeds: 002_e66ecd2101354cf2\.txt, [^<]+ · principle: P002-",
        first,
    )


# --- the trend -----------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_three_commits_on_one_day_are_three_points_each_with_its_subject(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Ann Example",
        GIT_AUTHOR_EMAIL="ann@example.org",
        GIT_COMMITTER_NAME="Ann Example",
        GIT_COMMITTER_EMAIL="ann@example.org",
    )

    def git(*args, hour=None):
        if hour is not None:
            env.update(
                GIT_AUTHOR_DATE=f"2026-12-06T{hour}:00:00+01:00", GIT_COMMITTER_DATE=f"2026-12-06T{hour}:00:00+01:00"
            )
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q")
    data = yaml.safe_load(LEGACY.read_text(encoding="utf-8"))
    subjects = ["The estate as inventoried", "Owners for reporting", "CRM in multitenant SaaS"]
    steps = [
        lambda: None,
        lambda: data["applications"]["reporting"].update(owner="it"),
        lambda: data["applications"]["crm"].update(tenancy="multi"),
    ]
    for hour, subject, step in zip((9, 11, 15), subjects, steps):
        step()
        (repo / "estate.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", subject, hour=hour)
    history = tmp_path / "history.json"
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        assert invoke("history", "estate.yaml", "--format", "json", "--output", history).exit_code == 0
    finally:
        os.chdir(cwd)
    html = page(tmp_path, LEGACY, "--history", history)
    trend = html.split('<section id="trend">')[1].split("</section>")[0]
    tooltips = re.findall(r'<circle [^>]*class="trend-point"><title>([^<]+)</title>', trend)
    assert len(tooltips) == 3
    commits = [point["commit"][:7] for point in json.loads(history.read_text())["commits"]]
    for tooltip, commit, subject in zip(tooltips, commits, subjects):
        assert tooltip.startswith(f"{commit} {subject} · 2026-12-06 · Ann Example · ")
    axis = trend.split("<svg")[1].split("</svg>")[0]
    assert axis.count(">2026-12-06</text>") == 1  # the day once, not three times
    assert re.findall(r'class="commit">([0-9a-f]+)</text>', axis) == commits
    table = re.findall(r"<tr><td><code>([0-9a-f]+)</code></td><td>2026-12-06</td><td>([^<]+)</td>", trend)
    assert table == list(zip(commits, subjects))[::-1]  # newest first, as git log


def test_a_long_history_names_every_date_once_and_the_newest_commit(tmp_path):
    points = [
        {
            "commit": f"{n:07x}{'0' * 33}",
            "date": f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}",
            "author": "Ann",
            "subject": f"step {n}",
            "score": 50 + n / 10,
            "findings": {"error": 1, "warning": 0, "info": 0},
        }
        for n in range(120)
    ]
    history = tmp_path / "history.json"
    history.write_text(json.dumps({"version": 1, "commits": points}))
    axis = page(tmp_path, LEGACY, "--history", history).split('<svg class="trend"')[1].split("</svg>")[0]
    dates = re.findall(r">(\d{4}-\d\d-\d\d)</text>", axis)
    assert len(dates) == len(set(dates)) and 2 < len(dates) < 120  # never repeated, thinned to fit
    labels = re.findall(r'class="commit">([0-9a-f]+)</text>', axis)
    assert 2 < len(labels) < 120 and labels[-1] == points[-1]["commit"][:7]
