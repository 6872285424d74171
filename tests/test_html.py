"""The html report: one self-contained page with every application and finding, in both languages.

The page's static part is plain HTML; the cards travel as HTML strings in a
JSON block that the page's script draws. The last tests open the page in
headless Chromium (installed by .ci/run) and read what the script drew.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from html import escape
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main

LEGACY = REPO / "examples" / "legacy" / "estate.yaml"
TODAY = "2026-11-23"

SMALL = """\
    version: 1
    organization: Small & Co
    infrastructure:
      net: {type: network, availability: 99.99}
      idp-a: {type: identity, availability: 99.9}
      idp-b: {type: identity}
    data_stores:
      orders-db: {kind: operational, application: orders, exported_to: [lake], availability: 99.95}
      lake: {kind: lake}
    applications:
      orders:
        name: Orders <b>bold</b>
        usage: business
        owner: sales
        access: {browser: false}
        availability: {target: 99.99}
        data: [orders-db]
        depends_on: [net, {any_of: [idp-a, idp-b]}]
        waivers:
          - {rule: ACC004, reason: "labels </script><script>alert(1)</script>", expires: 2026-12-23}
          - {rule: ACC003, reason: until the refresh, expires: 2027-12-31}
          - {rule: GOV002, reason: old, expires: 2026-11-01}
      crm:
        usage: business
        owner: sales
        access: {browser: true, devices: [windows, macos, chromebook, android, ios]}
      wiki:
        usage: support
        access: {browser: true, devices: [windows, macos, chromebook, android, ios]}
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def report(tmp_path, estate, *options, name="report.html", exit_code=1) -> str:
    """The html report of `estate`; the run exits with `exit_code` (1: the estate has findings)."""
    output = tmp_path / name
    result = invoke("check", estate, "--format", "html", "--output", output, "--today", TODAY, *options)
    assert result.exit_code == exit_code, result.output
    return output.read_text(encoding="utf-8")


def json_report(estate, *options) -> dict:
    return json.loads(invoke("check", estate, "--format", "json", "--today", TODAY, *options).stdout)


def cards(page: str) -> dict:
    """id -> the card's HTML, from the page's JSON block."""
    blocks = re.findall(r'<script type="application/json" id="card-data">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return dict(json.loads(blocks[0]))


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text(textwrap.dedent(SMALL))
    return path


class _Balance(HTMLParser):
    VOID = {"meta", "br", "input", "rect", "circle", "line", "path", "img", "hr", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list = []
        self.problems: list = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def unbalanced(markup: str) -> list:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    return parser.problems + [f"<{tag}> never closed" for tag in parser.stack]


# --- the legacy example -------------------------------------------------------------


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    return report(tmp_path_factory.mktemp("legacy"), LEGACY)


def test_every_application_and_finding_of_the_legacy_example_is_in_the_page(legacy):
    document = json_report(LEGACY)
    drawn = cards(legacy)
    applications = document["summary"]["scores"]["applications"]
    assert sorted(drawn) == sorted(applications)
    for app in applications:
        assert f'data-id="{app}"' in legacy  # its heat-map line
        assert '<article class="card worst-' in drawn[app] and f'id="app-{app}"' in drawn[app]
    everything = legacy + "".join(drawn.values())
    for finding in document["diagnostics"] + document["waived"]:
        line = (
            f'<code class="code">{finding["code"]}</code> <span class="sev">{finding["severity"]}</span> '
            f'{escape(finding["message"])} <code class="where">{finding["file"]}:{finding["line"]}:'
            f"{finding['column']}</code>"
        )
        assert line in everything, finding


def test_the_page_is_well_formed_and_needs_nothing_from_the_network(legacy):
    assert unbalanced(legacy) == []
    for app, markup in cards(legacy).items():
        assert unbalanced(markup) == [], app
    assert not re.search(r'\b(src|href)\s*=\s*"(?!#)', legacy)
    assert "url(" not in legacy and "@import" not in legacy and "<link" not in legacy
    assert "<script>" in legacy  # the one inline script, no src


def test_the_overview_shows_the_estate_score_and_one_bar_per_category(legacy):
    scored = json_report(LEGACY)["summary"]["scores"]
    assert f'class="ring-label">{scored["estate"]["score"]:.1f}%</text>' in legacy
    for code in ("ACC", "CLD", "COL", "DAT", "AVL", "INT", "CST", "GOV"):
        expected = scored["categories"][code]["score"]
        assert re.search(rf'>{code} · [^<]+</text>.*?class="value">{expected:.1f}%</text>', legacy, re.S), code


def test_the_most_violated_rules_come_with_their_rationale(legacy):
    by_code = json_report(LEGACY)["summary"]["by_code"]
    top = max(by_code, key=lambda code: (by_code[code], code))
    section = legacy.split('<section id="rules">')[1].split("</section>")[0]
    first = section.split("<tbody>")[1].split("</tr>")[0]
    assert f"<code>{top}</code>" in first and f'<td class="num">{by_code[top]}</td>' in first
    rationale = json.loads(invoke("rules", "--format", "json", "--lang", "en").stdout)
    assert escape([r for r in rationale if r["code"] == top][0]["rationale"]) in first


# --- a small estate -----------------------------------------------------------------


def test_heat_map_lines_worst_score_first_with_the_worst_state_per_category(tmp_path, small):
    page = report(tmp_path, small)
    lines = re.findall(r'<div class="hrow" role="row" data-id="([a-z-]+)"[^>]*>(.*?)</div>', page)
    assert [app for app, _ in lines] == ["orders", "wiki", "crm"]
    marks = re.findall(r'<i(?: class="h-(\w+)")?>', dict(lines)["orders"])
    acc, cld, col, dat, avl, int_, cst, gov = marks
    assert (acc, col, dat, avl, cst) == ("error", "passed", "passed", "error", "")
    assert gov == "error"  # GOV003: its GOV002 waiver has expired
    assert 'data-sevs="error warning"' in page.split('data-id="orders"')[1].split(">")[0]


def test_a_card_shows_waivers_with_days_left_and_the_list_keeps_those_within_90_days(tmp_path, small):
    page = report(tmp_path, small)
    card = cards(page)["orders"]
    assert "expires 23 December 2026, in 30 days" in card
    assert "expires 31 December 2027, in 403 days" in card
    assert "expired 1 November 2026, 22 days ago" in card
    expiring = page.split('<section id="waivers">')[1].split("</section>")[0]
    # the waiver that already expired is GOV003's; the list holds those that will expire within 90 days
    assert re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", expiring) == ["2026-12-23"]


def test_the_availability_chain_is_drawn_with_the_weakest_component_marked(tmp_path, small):
    card = cards(report(tmp_path, small))["orders"]
    # 0.9995 x 0.9999 x (1 - 0.001 x 0) = 99.94%: idp-b and its own figure are not stated and count as 100
    assert '<p><b>99.94%</b> · target 99.99% · <span class="below">below target</span>' in card
    assert "no figure for its own availability, idp-b (counted as 100%)" in card
    boxes = dict(
        (label, cls)
        for cls, label in re.findall(
            r'<g class="box ([a-z ]*)"[^>]*><rect[^>]*/><text x="8" y="14">([^<]+)</text>', card
        )
    )
    assert boxes == {
        "orders": "app below",
        "own": "missing",
        "orders-db": "weakest",
        "net": "",
        "idp-a": "",
        "idp-b": "missing",
    }
    assert "any of · 100.00%" in card


def test_user_text_is_escaped_even_inside_the_card_data(tmp_path, small):
    page = report(tmp_path, small)
    assert "<b>bold</b>" not in page and "<script>alert" not in page
    card = cards(page)["orders"]
    assert "Orders &lt;b&gt;bold&lt;/b&gt;" in card
    assert "labels &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in card
    assert "Small &amp; Co" in page


def test_findings_that_belong_to_no_application_are_shown_apart(tmp_path, small):
    page = report(tmp_path, small)
    shared = page.split('<section id="shared">')[1].split("</section>")[0]
    assert "AVL001" in shared and "idp-b" in shared  # an identity with no availability figure
    assert all("AVL001" not in card for card in cards(page).values())


def test_the_french_report(tmp_path, small):
    page = report(tmp_path, small, "--lang", "fr")
    assert '<html lang="fr">' in page
    for label in (
        "Score du patrimoine",
        "Applications par catégorie",
        "Règles les plus enfreintes",
        "Dérogations expirant dans les 90 jours",
        "Indépendance des données",
    ):
        assert escape(label) in page
    for english in ("Estate score", "Most violated rules", "Waivers expiring"):
        assert english not in page
    card = cards(page)["orders"]
    assert "ne s&#x27;utilise pas depuis un navigateur web" in card
    assert "expire le 23 décembre 2026, dans 30 jours" in card
    assert "99,94 %" in card


def test_an_estate_with_no_application(tmp_path):
    path = tmp_path / "estate.yaml"
    path.write_text("version: 1\ninfrastructure:\n  net: {type: network}\n")
    page = report(tmp_path, path)
    assert cards(page) == {}
    assert "AVL001" in page and unbalanced(page) == []


# --- what to do first, and the score over time -----------------------------------------

HISTORY = {
    "version": 1,
    "commits": [
        {
            "commit": f"{n:040x}",
            "date": f"2026-0{n + 1}-01",
            "author": "Ann Example",
            "score": score,
            "findings": {"error": 40 - 3 * n, "warning": 45 - n, "info": 4},
            "waived": 0,
        }
        for n, score in enumerate([41.2, 44.0, None, 52.5, 56.6])
    ],
}


@pytest.fixture
def history(tmp_path):
    path = tmp_path / "history.json"
    path.write_text(json.dumps(HISTORY))
    return path


def test_what_to_do_first_shows_the_plans_first_actions(legacy):
    plan = json.loads(invoke("plan", LEGACY, "--format", "json", "--today", TODAY).stdout)
    section = legacy.split('<section id="plan">')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td class=\"num\">(\d+)</td><td>(.*?)</td><td class=\"num gain\">([^<]+)</td>", section)
    assert [int(rank) for rank, _, _ in rows] == list(range(1, 11))
    for (_, title, gain), action in zip(rows, plan["actions"]):
        assert title.split("<br>")[0] == escape(action["title"])
        assert gain == f"{action['gain']:+.1f} points"
    assert f"takes the estate score from {plan['score']:.1f}% to" in section
    assert f"all {len(plan['actions'])} actions take it to 100.0%" in section
    assert '<a href="#app-office-desktop">office-desktop</a>' in section
    assert "Score over time" not in legacy  # no history given


def test_the_trend_is_drawn_from_a_history_file(tmp_path, history):
    page = report(tmp_path, LEGACY, "--history", history)
    assert unbalanced(page) == []
    assert not re.search(r'\b(src|href)\s*=\s*"(?!#)', page) and "<link" not in page  # still self-contained
    section = page.split('<section id="trend">')[1].split("</section>")[0]
    runs = re.findall(r'<polyline points="([^"]+)" class="trend-score"/>', section)
    assert [len(run.split()) for run in runs] == [2, 2]  # the commit with no score breaks the line
    assert len(re.findall(r'<circle [^>]*class="trend-point"><title>', section)) == 4
    assert "0000000 · 2026-04-01 · Ann Example · 52.5% · 31 errors, 42 warnings, 4 infos" in section
    assert '<a href="#trend">Score over time</a>' in page
    french = report(tmp_path, LEGACY, "--history", history, "--lang", "fr", name="fr.html")
    assert "Évolution du score" in french and "52,5 %" in french and "Par quoi commencer" in french
    assert "0000000 · 2026-04-01 · Ann Example · 52,5 % · 31 erreurs, 42 avertissements, 4 infos" in french
    gains = re.findall(r'class="num gain">\+(\d+),(\d) (points?)<', french)
    assert len(gains) == 10 and all((word == "point") == (int(units) < 2) for units, _, word in gains)


def test_a_history_file_that_is_not_one_is_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "commits": [{"commit": "xyz"}]}))
    result = invoke("check", LEGACY, "--format", "html", "--history", bad, "--output", tmp_path / "r.html")
    assert result.exit_code == 2
    assert f"{bad}: not a si-lint history: at commits/0: missing required field 'date'" in result.output
    result = invoke(
        "check", LEGACY, "--format", "html", "--history", bad, "--output", tmp_path / "r.html", "--lang", "fr"
    )
    assert f"{bad}: pas un historique de si-lint : commits/0 : champ obligatoire « date » manquant" in result.output
    result = invoke("check", LEGACY, "--history", bad)
    assert result.exit_code == 2 and "use it with --format html" in result.output


# --- in a browser -------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


def chromium(tmp_path, page, *args) -> subprocess.CompletedProcess:
    # Flags for a closed network and no screen (/work/.library/env/machines/python.md).
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )


def console(run: subprocess.CompletedProcess) -> list:
    """What the page wrote to the console, errors included (Chromium logs them all as CONSOLE)."""
    return [line for line in run.stderr.splitlines() if ":CONSOLE" in line]


@needs_chromium
def test_the_legacy_report_loads_in_chromium_without_console_errors(legacy, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(legacy, encoding="utf-8")
    shot = tmp_path / "report.png"
    run = chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2400", "--hide-scrollbars")
    assert console(run) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    dom = chromium(tmp_path, page, "--dump-dom")
    assert console(dom) == []
    assert 'data-ready="true"' in dom.stdout  # the script ran to its end
    drawn = re.findall(r'<article class="card[^"]*" id="app-([a-z0-9_-]+)"', dom.stdout)
    assert sorted(drawn) == sorted(cards(legacy))


@needs_chromium
def test_the_script_filters_searches_and_sorts(tmp_path, small):
    html = report(tmp_path, small)
    probe = """<script>
      function pick(id, value) { var e = document.getElementById(id); e.value = value;
        e.dispatchEvent(new Event(id === 'q' ? 'input' : 'change')); }
      function drawn() { return Array.prototype.map.call(document.querySelectorAll('#cards > article'),
        function (card) { return card.id.slice(4); }).join(','); }
      var more = document.getElementById('more');
      var seen = {start: drawn(), moreShown: getComputedStyle(more).display !== 'none'};
      pick('sev', 'error'); seen.error = drawn() + '/' + document.getElementById('shown').value;
      pick('sev', ''); pick('cat', 'ACC'); seen.acc = drawn();
      pick('cat', ''); pick('sort', 'id'); seen.byId = drawn();
      document.getElementById('q').value = 'WIK';
      document.getElementById('q').dispatchEvent(new Event('input'));
      setTimeout(function () { seen.search = drawn(); document.body.setAttribute('data-seen', JSON.stringify(seen)); },
                 400);
    </script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", probe), encoding="utf-8")
    dom = chromium(tmp_path, page, "--dump-dom", "--virtual-time-budget=3000")
    assert console(dom) == []
    seen = json.loads(re.search(r"data-seen=\"([^\"]+)\"", dom.stdout).group(1).replace("&quot;", '"'))
    # Three cards fit in one batch: no "Show 0 more" button.
    assert seen == {
        "start": "orders,wiki,crm",
        "moreShown": False,
        "error": "orders/1",
        "acc": "orders",
        "byId": "crm,orders,wiki",
        "search": "wiki",
    }


@needs_chromium
def test_the_trend_and_the_plan_are_drawn_in_chromium(tmp_path, history):
    html = report(tmp_path, LEGACY, "--history", history)
    probe = """<script>
      var trend = document.querySelector('#trend svg.trend');
      var lines = trend ? trend.querySelectorAll('polyline.trend-score') : [];
      var seen = {lines: lines.length, points: trend ? trend.querySelectorAll('circle.trend-point').length : 0,
                  width: lines.length ? Math.round(lines[0].getBBox().width + lines[1].getBBox().width) : 0,
                  drawn: trend ? Math.round(trend.getBoundingClientRect().height) : 0,
                  actions: document.querySelectorAll('#plan tbody tr').length};
      document.body.setAttribute('data-seen', JSON.stringify(seen));
    </script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", probe), encoding="utf-8")
    dom = chromium(tmp_path, page, "--dump-dom", "--virtual-time-budget=3000")
    assert console(dom) == []
    seen = json.loads(re.search(r"data-seen=\"([^\"]+)\"", dom.stdout).group(1).replace("&quot;", '"'))
    assert seen["lines"] == 2 and seen["points"] == 4 and seen["actions"] == 10
    assert seen["width"] > 300 and seen["drawn"] > 100  # two runs of the line across the chart, really laid out
    shot = tmp_path / "trend.png"
    run = chromium(tmp_path, tmp_path / "report.html", f"--screenshot={shot}", "--window-size=1280,1800")
    assert console(run) == [] and shot.stat().st_size > 20_000


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            ["<b>44</b> errors", "<b>45</b> warnings", "<b>4</b> infos", "<b>0</b> waived", "<b>9</b> applications"],
        ),
        (
            "fr",
            [
                "<b>44</b> erreurs",
                "<b>45</b> avertissements",
                "<b>4</b> infos",
                "<b>0</b> couvert par une dérogation",
                "<b>9</b> applications",
            ],
        ),
    ],
)
def test_the_overview_counts_agree_with_their_number(tmp_path, lang, expected):
    page = report(tmp_path, LEGACY, "--lang", lang)
    counts = re.search(r'<ul class="counts">(.*?)</ul>', page).group(1)
    assert re.findall(r"<li[^>]*>(.*?)</li>", counts) == expected
