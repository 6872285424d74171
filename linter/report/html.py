"""One self-contained HTML page for the people who decide: scores, heat map, one card per application.

Everything is inline (CSS, SVG, a small script), so the file reads offline,
prints, and can be attached to a mail. The overview, heat map, shared
findings, rules and waivers are plain HTML. The cards travel as HTML strings
in a JSON block that the script turns into elements a batch at a time, as
they are scrolled to, sorted or filtered: parsing 10,000 cards up front is
what would make a large estate slow to open. Reads `report.estate_view`
(plain data, built by `si_lint.score.overview`) and nothing of rules or the model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any, Literal, Optional

from ..i18n.messages import Day, Plural, count, family_name, number, percent, plural_key, say, template
from . import Report

if TYPE_CHECKING:
    from .views import ApplicationCard, AvailabilityView, Factor, RuleDoc, TrendPoint, WaiverView

SEVERITIES = ("error", "warning", "info")
TOP_RULES = 10

# Keys of the word catalogue shared with other outputs; the others are `html.KEY`.
_SHARED = {
    "na": "word.na",
    "unread": "report.unread",
    "checks": "report.checks",
    "error": "severity.error",
    "warning": "severity.warning",
    "info": "severity.info",
}

# Heat-map cell: a symbol as well as a colour, so that it prints in black and white.
SYMBOLS = {"error": "✖", "warning": "▲", "info": "●", "waived": "◌", "passed": "✓"}


def render(report: Report) -> str:
    # Without an estate view (the report was built without it), the page shows an estate with no application.
    view: Mapping[str, Any] = report.estate_view or {"applications": [], "categories": [], "other": {}, "expiring": []}
    page = _Page(report, view)
    return page.render()


class _Page:
    def __init__(self, report: Report, view: Mapping[str, Any]) -> None:
        self.report, self.view = report, view
        self.lang = report.lang
        self.scores: Mapping[str, Any] = report.summary.scores or {}

    def word(self, key: str, **values: Any) -> str:
        return say(self.lang, _SHARED.get(key, "html." + key), **values)

    def t(self, key: str, **values: Any) -> str:
        return escape(self.word(key, **values))

    def tally(self, key: str, n: int) -> str:
        """`n` things in words, singular or plural as `n` asks, the figure in bold."""
        words = escape(say(self.lang, plural_key(self.lang, key, n), n="\0"))
        return words.replace("\0", f"<b>{number(self.lang, n)}</b>")

    def family(self, code: str) -> str:
        return family_name(self.lang, code)

    def percent(self, value: Optional[float]) -> str:
        """A score, one decimal."""
        return self.word("na") if value is None else percent(self.lang, value, 1)

    def figure(self, value: Optional[float], digits: Optional[int] = None) -> str:
        """An availability, rounded down (99.99999 must not read 100): two decimals, three for a figure stated so."""
        if value is None:
            return self.word("no_figure")
        digits = _digits(value) if digits is None else digits
        return percent(self.lang, math.floor(value * 10**digits + 1e-6) / 10**digits, digits)

    def render(self) -> str:
        organization = self.view.get("organization")
        title = f"{self.word('title')} · {organization}" if organization else self.word("title")
        parts = [
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
            self.header(title),
            "<main>\n",
            self.overview(),
            self.trend(),
            self.plan(),
            self.heatmap(),
            self.cards(),
            self.shared(),
            self.top_rules(),
            self.expiring(),
            "</main>\n",
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
        ]
        return "".join(parts)

    # --- header and overview --------------------------------------------------------

    def header(self, title: str) -> str:
        generated = self.t("generated", version=self.report.tool_version or "", today=self.view.get("today", ""))
        sections = [("overview", "estate_score")] + ([("trend", "trend")] if self.view.get("trend") else [])
        sections += [
            ("plan", "plan"),
            ("heatmap", "heatmap"),
            ("applications", "applications"),
            ("shared", "shared"),
            ("rules", "top_rules"),
            ("waivers", "expiring"),
        ]
        links = "".join(
            f'<a href="#{anchor}">{self.t(key, n=self.view.get("expiring_days", 90))}</a>' for anchor, key in sections
        )
        return f'<header><h1>{escape(title)}</h1><p class="meta">{generated}</p><nav>{links}</nav></header>\n'

    def overview(self) -> str:
        """The first screen: the findings in force, the share of applications compliant, then the scores.

        An executive may read nothing else: the verdict and its colour follow the worst severity in force,
        never the score alone (a 78% estate with errors is not "green").
        """
        estate = self.scores.get("estate") or {}
        summary = self.report.summary
        worst = self.worst_in_force()
        counts = "".join(
            f'<li class="sev-{s}">{self.tally(key, n)}</li>'
            for s, key, n in (
                ("error", "report.errors", summary.errors),
                ("warning", "report.warnings", summary.warnings),
                ("info", "report.infos", summary.infos),
            )
        )
        counts += f'<li class="sev-waived">{self.tally("report.waived", summary.waived)}</li>'
        est = sum(n for code, n in summary.by_code.items() if code.startswith("EST"))
        unread = f'<p class="note">{self.t("unread", n=est)}</p>' if est else ""
        apps = len(self.view["applications"])
        counts += f"<li>{self.tally('html.apps', apps)}</li>"
        compliant = ""
        if apps:
            n = self.view.get("compliant", 0)
            share = percent(self.lang, 100 * n / apps, 0)
            compliant = (
                f'<p class="compliant">{self.t("compliant", n=n, total=apps, share=share)} '
                f'<span class="help">{self.t("compliant_help")}</span></p>'
            )
        complete = (self.scores.get("completeness") or {}).get("estate") or {}
        completeness = f'<p class="completeness">{self.completeness(complete)}</p>' if complete.get("read") else ""
        return (
            '<section id="overview"><h2>' + self.t("estate_score") + '</h2>\n<div class="overview">'
            f'<div class="headline worst-{worst or "none"}"><p class="verdict">{self.t("verdict." + (worst or "none"))}'
            f'</p><ul class="counts">{counts}</ul>{compliant}<div class="score-line">'
            + _ring(estate, self.percent(estate.get("score")), worst)
            + f'<div><p class="checks">{self.t("score_is")}<br>{self._checks_line(estate)}</p>{completeness}{unread}'
            "</div></div></div>"
            + '<div class="by-category"><h3>'
            + self.t("by_category")
            + "</h3>\n"
            + self.category_bars()
            + self.legend_bars()
            + "</div></div></section>\n"
        )

    def worst_in_force(self, findings: Optional[list[dict[str, Any]]] = None) -> Optional[str]:
        """The worst severity among `findings` (the run's, in force, by default); None when there is none."""
        severities = (
            {d.severity for d in self.report.diagnostics} if findings is None else {d["severity"] for d in findings}
        )
        return next((s for s in SEVERITIES if s in severities), None)

    def family_worst(self) -> dict[str, str]:
        """Family -> the worst severity in force among its findings: the colour of its bar."""
        worst: dict[str, str] = {}
        for d in self.report.diagnostics:
            rule = self.report.rules.get(d.code)
            family = rule.family if rule is not None else d.code[:3]
            if family not in worst or SEVERITIES.index(d.severity) < SEVERITIES.index(worst[family]):
                worst[family] = d.severity
        return worst

    def completeness(self, complete: Mapping[str, Any]) -> str:
        """Shown apart from compliance: how much of what the rules read the estate states."""
        return self.t(
            "completeness", share=self.percent(complete["share"]), stated=complete["stated"], read=complete["read"]
        )

    def _checks_line(self, tally: Mapping[str, Any]) -> str:
        if not tally or not tally.get("checks"):
            return escape(self.word("na"))
        return self.t(
            "checks",
            checks=Plural("report.checks_count", tally["checks"]),
            passed=tally["passed"],
            failed=tally["failed"],
            waived=tally["waived"],
        )

    def category_bars(self) -> str:
        categories = self.view["categories"]
        tallies = self.scores.get("categories") or {}
        worst = self.family_worst()
        width, bar_x, bar_w, row = 660, 270, 320, 30  # room for the longest family name, in French
        rows = []
        for i, code in enumerate(categories):
            tally = tallies.get(code) or {}
            y = i * row
            label = f"{code} · {self.family(code)}"
            rows.append(f'<text x="0" y="{y + 19}" class="label">{escape(label)}</text>')
            if tally.get("score") is None:
                rows.append(
                    f'<rect x="{bar_x}" y="{y + 6}" width="{bar_w}" height="18" class="bar-na"/>'
                    f'<text x="{bar_x + bar_w + 10}" y="{y + 19}">{escape(self.word("na"))}</text>'
                )
                continue
            passed = bar_w * tally["score"] / 100
            waived = bar_w * tally["waived_share"] / 100
            title = escape(
                self.word(
                    "tooltip",
                    label=label,
                    checks=self.word(
                        "checks",
                        checks=Plural("report.checks_count", tally["checks"]),
                        passed=tally["passed"],
                        failed=tally["failed"],
                        waived=tally["waived"],
                    ),
                ),
                quote=False,
            )
            # Green only for a family with no error or warning in force; what fails takes its worst severity's colour.
            held = worst.get(code) in ("error", "warning")
            failed = {"warning": "bar-failed-warning", "info": "bar-failed-info"}.get(worst.get(code, ""), "bar-failed")
            rows.append(
                f"<g><title>{title}</title>"
                f'<rect x="{bar_x}" y="{y + 6}" width="{bar_w}" height="18" class="{failed}"/>'
                f'<rect x="{bar_x}" y="{y + 6}" width="{passed:.1f}" height="18" '
                f'class="{"bar-held" if held else "bar-passed"}"/>'
                f'<rect x="{bar_x + passed:.1f}" y="{y + 6}" width="{waived:.1f}" height="18" class="bar-waived"/>'
                f'</g><text x="{bar_x + bar_w + 10}" y="{y + 19}" class="value">'
                f"{escape(self.percent(tally['score']))}</text>"
            )
        height = max(1, len(categories)) * row
        return (
            f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-label="{self.t("by_category")}">{"".join(rows)}</svg>\n'
        )

    def legend_bars(self) -> str:
        return (
            '<p class="legend">'
            + "".join(
                f'<span class="item"><span class="swatch bar-{key}"></span> {self.t(label)}</span> '
                for key, label in (
                    ("passed", "passed"),
                    ("held", "passed_held"),
                    ("waived", "waived"),
                    ("failed", "failed_error"),
                    ("failed-warning", "failed_warning"),
                    ("failed-info", "failed_info"),
                )
            )
            + "</p>\n"
        )

    # --- what to do first, and the score over time --------------------------------------

    def plan(self) -> str:
        plan = self.view.get("plan")
        heading = f'<section id="plan"><h2>{self.t("plan")}</h2>'
        if not plan or not plan["actions"]:
            return heading + f'<p class="none">{self.t("none")}</p></section>\n'
        columns = "".join(
            f'<th scope="col">{escape(say(self.lang, "plan.col." + c))}</th>'
            for c in ("rank", "action", "gain", "severity", "owner", "applications", "findings")
        )
        rows = []
        for action in plan["actions"]:
            severity = (
                f'<span class="sev sev-{action["severity"]}">{escape(self.word(action["severity"]))}</span>'
                if action["severity"]
                else ""
            )
            needs = (
                f'<br><span class="rule-name">{self.t("plan_needs", ranks=", #".join(map(str, action["needs"])))}'
                "</span>"
                if action["needs"]
                else ""
            )
            apps = ", ".join(f'<a href="#app-{escape(app)}">{escape(app)}</a>' for app in action["applications"][:8])
            if len(action["applications"]) > 8:
                apps += f" … (+{len(action['applications']) - 8})"
            rows.append(
                f'<tr><td class="num">{action["rank"]}</td><td>{escape(action["title"])}{needs}</td>'
                f'<td class="num gain">{escape(action["gain"])}</td><td>{severity}</td>'
                f"<td>{escape(action['owner'] or '')}</td><td>{apps}</td>"
                f"<td><b>{action['findings']}</b> <code>{escape(' '.join(action['codes']))}</code></td></tr>"
            )
        first = self.t(
            "plan_first",
            n=len(plan["actions"]),
            today=self.percent(plan["score"]),
            score=self.percent(plan["top_score"]),
            total=plan["total"],
            done=self.percent(plan["done"]),
        )
        return (
            heading + f'<p class="help">{self.t("plan_help")}</p><p>{first}</p>'
            f'<table class="list plan"><thead><tr>{columns}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            "</section>\n"
        )

    def trend(self) -> str:
        points = self.view.get("trend")
        if not points:
            return ""
        return (
            f'<section id="trend"><h2>{self.t("trend")}</h2><p class="help">{self.t("trend_help")}</p>'
            f"{_trend(points, self)}</section>\n"
        )

    # --- heat map ---------------------------------------------------------------------

    def heatmap(self) -> str:
        categories = self.view["categories"]
        apps = self.view["applications"]
        head = "".join(
            f'<span role="columnheader" title="{escape(self.family(c))}">{escape(c)}</span>' for c in categories
        )
        legend = "".join(
            f'<i class="h-{state}">{SYMBOLS[state]}</i> {self.t(label)} '
            for state, label in (
                ("error", "error"),
                ("warning", "warning"),
                ("info", "info"),
                ("waived", "waived_cell"),
                ("passed", "passed_cell"),
            )
        )
        # Rows are grid lines, not a <table>: a table lays out all its rows before showing one,
        # a line with `content-visibility: auto` only when it is scrolled to.
        return (
            f'<section id="heatmap"><h2>{self.t("heatmap")}</h2><p class="help">{self.t("heatmap_help")}</p>\n'
            f'{self.controls()}<p class="legend">{legend}</p>\n'
            f'<div class="heat" role="table" style="--n:{len(categories)}"><div class="hrow head" role="row">'
            f'<span role="columnheader">{self.t("application")}</span><span role="columnheader">{self.t("score")}'
            f'</span>{head}</div>\n<div id="heat-rows" role="rowgroup">\n'
            + "".join(self.heat_row(app, categories) for app in apps)
            + "</div></div></section>\n"
        )

    def heat_row(self, app: ApplicationCard, categories: list[str]) -> str:
        cells = app["cells"]
        sevs = sorted({d["severity"] for d in app["findings"]})
        failing = sorted(c for c, state in cells.items() if state in SEVERITIES)
        line = app["score"]
        score = line["score"] if line is not None else None
        key = " ".join(filter(None, (app["id"], app["name"]))).lower()
        name = f' <span class="name">{escape(app["name"])}</span>' if app["name"] else ""
        marks = "".join(
            f'<i class="h-{cells[c]}">{SYMBOLS[cells[c]]}</i>' if c in cells else "<i></i>" for c in categories
        )
        return (
            f'<div class="hrow" role="row" data-id="{escape(app["id"])}" data-key="{escape(key)}" '
            f'data-score="{score if score is not None else 101}" data-n="{len(app["findings"])}" '
            f'data-sevs="{" ".join(sevs)}" data-cats="{" ".join(failing)}">'
            f'<span class="who"><a href="#app-{escape(app["id"])}">{escape(app["id"])}</a>{name}</span>'
            f'<span class="num">{escape(self.percent(score))}</span>{marks}</div>\n'
        )

    def controls(self) -> str:
        categories = "".join(
            f'<option value="{escape(c)}">{self.t("with_findings_in", c=c)} · {escape(self.family(c))}</option>'
            for c in self.view["categories"]
        )
        severities = "".join(
            f'<option value="{s}">{self.t("with_severity", s=self.word(s))}</option>' for s in SEVERITIES
        )
        return (
            '<form id="controls" class="controls" role="search" hidden onsubmit="return false">'
            f'<input id="q" type="search" placeholder="{self.t("search")}" aria-label="{self.t("search")}">'
            f'<select id="cat" aria-label="{self.t("category")}"><option value="">{self.t("all_categories")}</option>'
            f"{categories}</select>"
            f'<select id="sev" aria-label="{self.t("with_severity", s="")}"><option value="">'
            f"{self.t('all_severities')}</option>{severities}</select>"
            f'<select id="sort" aria-label="{self.t("sort")}"><option value="score">{self.t("sort_score")}</option>'
            f'<option value="id">{self.t("sort_id")}</option><option value="n">{self.t("sort_findings")}</option>'
            f'</select><output id="shown">{len(self.view["applications"])}</output> {self.t("shown")}</form>\n'
        )

    # --- application cards --------------------------------------------------------

    def cards(self) -> str:
        """The cards as HTML strings in a JSON block: the script parses only those scrolled to.

        Parsing 10,000 cards' markup up front is what makes a large page slow to open.
        """
        import json

        cards = [[app["id"], self.card(app)] for app in self.view["applications"]]
        # Inside <script> only "</" (and "<!--") end or change the block; user text is already escaped.
        data = json.dumps(cards, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        data = data.replace("<!--", "<\\u0021--")
        return (
            f'<section id="applications"><h2>{self.t("applications")}</h2>\n'
            f'<noscript><p class="note">{self.t("noscript")}</p></noscript>'
            f'<div id="cards"></div><button id="more" type="button" hidden '
            f'data-one="{escape(template(self.lang, "html.more.one"))}" '
            f'data-other="{escape(template(self.lang, "html.more.other"))}">'
            f'</button>\n<script type="application/json" id="card-data">{data}</script></section>\n'
        )

    def card(self, app: ApplicationCard) -> str:
        stated = {"owner": app["owner"], "usage": app["usage"], "category": app["category"]}
        meta = [
            self.t("meta", label=self.word(key)).replace("{value}", f"<b>{escape(value)}</b>")
            for key, value in stated.items()
            if value
        ]
        meta.append(f"{self.t('defined_at')} <code>{escape(app['file'])}:{app['line']}</code>")
        if app["completeness"] and app["completeness"]["read"]:
            meta.append(self.completeness(app["completeness"]))
        name = f' <span class="name">{escape(app["name"])}</span>' if app["name"] else ""
        score: Mapping[str, Any] = app["score"] or {}
        parts = [
            f'<article class="card worst-{app["worst"] or "none"}" id="app-{escape(app["id"])}">'
            f"<header><h3><code>{escape(app['id'])}</code>{name}</h3>"
            f'<span class="score" title="{self._checks_line(score)}">{escape(self.percent(score.get("score")))}'
            f'</span></header><p class="meta">{" · ".join(meta)}</p>',
        ]
        if not app["valid"]:
            parts.append(f'<p class="note">{self.t("invalid")}</p>')
        parts.append(self.findings(app["findings"]))
        if app["waived"]:
            parts.append(f"<h4>{self.t('waived_findings')}</h4>" + self.findings(app["waived"], waived=True))
        if app["waivers"]:
            parts.append(f"<h4>{self.t('waivers')}</h4>" + self.waivers(app["waivers"]))
        if app["availability"]:
            parts.append(self.availability(app["id"], app["availability"]))
        parts.append("</article>\n")
        return "".join(parts)

    def findings(self, findings: list[dict[str, Any]], waived: bool = False) -> str:
        if not findings:
            return f'<p class="none">{self.t("no_findings")}</p>'
        items = "".join(
            f'<li class="sev-{"waived" if waived else d["severity"]}"><code class="code">{escape(d["code"])}</code> '
            f'<span class="sev">{escape(self.word(d["severity"]))}</span> {escape(d["message"])} '
            f'<code class="where">{escape(d["file"])}:{d["line"]}:{d["column"]}</code></li>'
            for d in findings
        )
        return f'<ul class="findings">{items}</ul>'

    def waivers(self, waivers: list[WaiverView]) -> str:
        items = []
        for w in waivers:
            approved = f" · {self.t('approved_by')} {escape(str(w['approved_by']))}" if w.get("approved_by") else ""
            entity = f"<code>{escape(w['entity'])}</code> " if w.get("section") != "applications" else ""
            items.append(
                f'<li class="{self._urgency(w["days_left"])}">{entity}<code class="code">'
                f"{escape(str(w['rule']))}</code> {self.expiry(w)} · "
                f"{self.t('meta', label=self.word('reason')).replace('{value}', '')}"
                f"{escape(str(w['reason']))}{approved}</li>"
            )
        return f'<ul class="waivers">{"".join(items)}</ul>'

    def expiry(self, waiver: WaiverView) -> str:
        days, date = waiver["days_left"], Day(waiver["expires"])
        if days is None:
            return self.t("bad_date", date=date)
        if days < 0:
            return self.t("expired", date=date, n=-days)
        if days == 0:
            return self.t("expires_today", date=date)
        return self.t("expires_in", date=date, n=days)

    @staticmethod
    def _urgency(days: Optional[int]) -> str:
        if days is None or days < 0:
            return "expired"
        return "soon" if days <= 30 else "later"

    def availability(self, app_id: str, figures: AvailabilityView) -> str:
        value, target = figures["value"], figures["target"]
        below = value is not None and target is not None and value < target - 1e-9
        unstated = [self.word("own_figure")] if not figures.get("own_stated", True) else []
        if unstated and value is not None and value >= 100 - 1e-9:
            value = None  # nothing stated lowers it: the 100% would be the arithmetic's, not a figure
        # The figure and its target with the same decimals, enough to show they differ: 99.80% beside 99.90%.
        digits = _compared_digits(value, target)
        line = f"<b>{escape(self.figure(value, digits))}</b>"
        if target is not None:
            line += f" · {self.t('target')} {escape(self.figure(target, digits))}"
            if below:
                line += f' · <span class="below">{self.t("below_target")}</span>'
        if unstated or figures["missing"]:
            line += f" · {self.t('counted_100', ids=', '.join(unstated + figures['missing']))}"
        return f"<h4>{self.t('availability')}</h4><p>{line}</p>" + _chain(app_id, value, below, figures, self)

    # --- what belongs to no application; rules; waivers --------------------------------

    def shared(self) -> str:
        other = self.view.get("other") or {}
        parts = [
            f'<section id="shared"><h2>{self.t("shared")}</h2><p class="help">{self.t("shared_help")}</p>',
            f'<article class="card wide worst-{self.worst_in_force(other.get("findings") or []) or "none"}">',
            self.findings(other.get("findings") or []),
        ]
        if other.get("waived"):
            parts.append(f"<h4>{self.t('waived_findings')}</h4>" + self.findings(other["waived"], waived=True))
        if other.get("waivers"):
            parts.append(f"<h4>{self.t('waivers')}</h4>" + self.waivers(other["waivers"]))
        parts.append("</article></section>\n")
        return "".join(parts)

    def top_rules(self) -> str:
        ranked = sorted(self.report.summary.by_code.items(), key=lambda item: (-item[1], item[0]))[:TOP_RULES]
        rows = []
        for code, found in ranked:
            rule = self.report.rules[code]
            rows.append(
                f'<tr><th scope="row"><code>{escape(code)}</code><br><span class="rule-name">'
                f'{escape(rule.name)}</span></th><td class="num">{found}</td>'
                f'<td><span class="sev sev-{rule.severity}">{escape(self.word(rule.severity))}</span> '
                f"<b>{escape(rule.title)}</b><br>{escape(rule.rationale)}{self.origin(rule)}</td></tr>"
            )
        if not rows:
            return f'<section id="rules"><h2>{self.t("top_rules")}</h2><p class="none">{self.t("none")}</p></section>\n'
        return (
            f'<section id="rules"><h2>{self.t("top_rules")}</h2><table class="list"><thead><tr>'
            f'<th scope="col">{self.t("rule")}</th><th scope="col">{self.t("count")}</th>'
            f'<th scope="col">{self.t("why")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            "</section>\n"
        )

    def origin(self, rule: RuleDoc) -> str:
        """Who "the author" of a rationale is: the school of thought, the source text and the principle."""
        if not rule.source:
            return ""
        section = rule.source["section"]
        if isinstance(section, dict):
            section = section.get(self.lang, section["en"])
        words = self.word("origin", source=say(self.lang, "explain.seeds", file=rule.source["file"], section=section))
        if rule.principle:
            words += " · " + say(self.lang, "explain.principle", principle=rule.principle)
        return f'<br><span class="origin">{escape(words)}</span>'

    def expiring(self) -> str:
        heading = self.t("expiring", n=self.view.get("expiring_days", 90))
        waivers = self.view.get("expiring") or []
        if not waivers:
            return f'<section id="waivers"><h2>{heading}</h2><p class="none">{self.t("none")}</p></section>\n'
        rows = "".join(
            f'<tr class="{self._urgency(w["days_left"])}"><td><code>{escape(w["entity"])}</code></td>'
            f"<td><code>{escape(str(w['rule']))}</code></td><td>{escape(w['expires'])}</td>"
            f'<td class="num">{w["days_left"]}</td><td>{escape(str(w["reason"]))}</td>'
            f"<td>{escape(str(w['approved_by'])) if w.get('approved_by') else self.unstated()}</td></tr>"
            for w in waivers
        )
        columns = "".join(
            f'<th scope="col">{self.t(key)}</th>'
            for key in ("entity", "rule", "expires", "days_left", "col_reason", "col_approved_by")
        )
        return (
            f'<section id="waivers"><h2>{heading}</h2><table class="list"><thead><tr>{columns}</tr></thead>'
            f"<tbody>{rows}</tbody></table></section>\n"
        )

    def unstated(self) -> str:
        return f'<span class="none">{self.t("not_stated")}</span>'


# --- SVG drawings -------------------------------------------------------------------


def _digits(value: float) -> int:
    """Two decimals, or three for a figure stated with three (99.995): what a reader compares."""
    return 3 if abs(value * 1000 - round(value * 1000)) < 1e-6 and abs(value * 100 - round(value * 100)) > 1e-6 else 2


def _compared_digits(value: Optional[float], target: Optional[float]) -> int:
    """The decimals that show a figure below its target as different from it, four at most."""
    figures = [v for v in (value, target) if v is not None]
    digits = max([_digits(v) for v in figures], default=2)
    while (
        digits < 4
        and value is not None
        and target is not None
        and value < target - 1e-9
        and math.floor(value * 10**digits + 1e-6) >= round(target * 10**digits)
    ):
        digits += 1
    return digits


def _ring(tally: Mapping[str, Any], label: str, worst: Optional[str]) -> str:
    """The estate score as a ring: passed, waived in grey, the rest failed.

    Passed is green only when no error or warning is in force; the failed part and the figure take the colour
    of the worst severity in force.
    """
    radius, stroke = 52, 14
    length = 2 * 3.141592653589793 * radius
    score = tally.get("score") or 0
    waived = tally.get("waived_share") or 0
    passed_len, waived_len = length * score / 100, length * waived / 100
    return (
        f'<svg class="ring ring-{worst or "none"}" viewBox="0 0 140 140" width="140" height="140" role="img" '
        f'aria-label="{escape(label)}">'
        f'<circle cx="70" cy="70" r="{radius}" class="ring-failed-{worst or "none"}" stroke-width="{stroke}"/>'
        f'<circle cx="70" cy="70" r="{radius}" stroke-width="{stroke}" '
        f'class="{"ring-held" if worst in ("error", "warning") else "ring-passed"}" '
        f'stroke-dasharray="{passed_len:.2f} {length:.2f}" transform="rotate(-90 70 70)"/>'
        f'<circle cx="70" cy="70" r="{radius}" class="ring-waived" stroke-width="{stroke}" '
        f'stroke-dasharray="0 {passed_len:.2f} {waived_len:.2f} {length:.2f}" transform="rotate(-90 70 70)"/>'
        f'<text x="70" y="77" text-anchor="middle" class="ring-label">{escape(label)}</text></svg>'
    )


def _trend(points: list[TrendPoint], page: _Page) -> str:
    """The estate score at each commit, a point per commit at equal steps; completeness dashed when given.

    Under each point its short commit (every k-th when they would overlap), and each date once, under the
    first commit of that day: three commits on one day are three points, not one date three times.
    """
    width, height, left, right, top, bottom = 1200, 250, 56, 48, 12, 50
    scores = [score for score in (p["score"] for p in points) if score is not None]
    scores += [share for share in (p.get("completeness") for p in points) if share is not None]
    if not scores:
        return f'<p class="none">{escape(page.word("na"))}</p>'
    low = max(0, math.floor((min(scores) - 2) / 10) * 10)
    high = min(100, math.ceil((max(scores) + 2) / 10) * 10)
    step = 5 if high - low <= 30 else 10
    inner_w, inner_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (inner_w * i / (len(points) - 1) if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return top + inner_h * (high - value) / (high - low)

    parts = []
    for value in range(low, high + 1, step):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{escape(percent(page.lang, value))}</text>"
        )
    spacing = inner_w / (len(points) - 1) if len(points) > 1 else inner_w
    every = max(1, math.ceil(_COMMIT_LABEL / spacing))
    labelled = list(range(0, len(points), every))
    if len(labelled) > 1:
        labelled[-1] = len(points) - 1  # the newest commit is always named
    for i in labelled:
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" class="commit">'
            f"{escape(_short(points[i]['commit']))}</text>"
        )
    dated: set[str] = set()
    last: float = -_DATE_LABEL
    for i, point in enumerate(points):
        if point["date"] not in dated and x(i) - last >= _DATE_LABEL:
            dated.add(point["date"])
            last = x(i)
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 34}" text-anchor="middle">{escape(point["date"])}</text>'
            )
    series: tuple[tuple[Literal["completeness", "score"], str], ...] = (
        ("completeness", "trend-completeness"),
        ("score", "trend-score"),
    )
    for key, css in series:
        runs: list[list[str]] = []
        run: list[str] = []
        for i, point in enumerate(points):
            share = point.get(key)
            if share is None:
                runs, run = runs + ([run] if run else []), []
            else:
                run.append(f"{x(i):.1f},{y(share):.1f}")
        runs += [run] if run else []
        parts += [f'<polyline points="{" ".join(r)}" class="{css}"/>' for r in runs]
    for i, point in enumerate(points):
        if point["score"] is None:
            continue
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(point["score"]):.1f}" r="4" class="trend-point">'
            f"<title>{escape(_point_words(point, page))}</title></circle>"
        )
    legend = f'<span class="swatch trend-score-swatch"></span> {page.t("trend_score")}'
    if any(p.get("completeness") is not None for p in points):
        legend += f' <span class="swatch trend-completeness-swatch"></span> {page.t("trend_completeness")}'
    return (
        f'<svg class="trend" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{page.t("trend")}">{"".join(parts)}</svg><p class="legend">{legend}</p>' + _commits(points, page)
    )


_COMMIT_LABEL, _DATE_LABEL = 64, 84  # room a short commit and a date need on the axis, in the chart's units


def _short(commit: str) -> str:
    return commit[:7]


def _point_words(point: TrendPoint, page: _Page) -> str:
    """A point's tooltip: its commit and subject, then its date, author, score and findings."""
    counts = ", ".join(count(page.lang, f"report.{s}s", point["findings"][s]) for s in SEVERITIES)
    named = " ".join(filter(None, (_short(point["commit"]), point.get("subject"))))
    return (
        page.word(
            "trend_point", commit=named, date=point["date"], author=point["author"], score=page.percent(point["score"])
        )
        + f" · {counts}"
    )


def _commits(points: list[TrendPoint], page: _Page) -> str:
    """The commits of the trend, each with its subject: what the board reads the chart by."""
    rows = "".join(  # newest first, as git log lists them: the board asks about the latest
        f"<tr><td><code>{escape(_short(p['commit']))}</code></td><td>{escape(p['date'])}</td>"
        f"<td>{escape(p.get('subject') or '')}</td><td>{escape(p['author'])}</td>"
        f'<td class="num">{escape(page.percent(p["score"]))}</td>'
        f'<td class="num">{number(page.lang, p["findings"]["error"])}</td></tr>'
        for p in reversed(points)
    )
    columns = "".join(
        f'<th scope="col">{page.t(key)}</th>'
        for key in ("col_commit", "col_date", "col_subject", "col_author", "score", "col_errors")
    )
    return (
        f'<div class="commits"><table class="list"><thead><tr>{columns}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


_BOX_H, _ROW, _GAP, _CHAR = 34, 42, 26, 6.7  # box height, row step, space between columns, monospace width


def _chain(app_id: str, value: Optional[float], below: bool, figures: AvailabilityView, page: _Page) -> str:
    """The application, then each factor of its availability in series; any_of members stacked in parallel.

    The weakest factor is outlined (in red when the target is missed), a component with no figure dashed.

    Kept terse (relative coordinates, one path for all links): a large estate draws thousands.
    """
    columns = [[(app_id, value, "app below" if below else "app")]]
    if not figures.get("own_stated", True):  # counted as 100 by the arithmetic: drawn as a link with no figure
        columns.append([(page.word("own"), None, "missing")])
    groups: dict[int, tuple[str, str]] = {}  # column -> (label, weakest) of an any_of group
    for factor in figures["chain"]:
        weakest = "weakest" if factor.get("weakest") else ""
        if "any_of" in factor:
            groups[len(columns)] = (f"{page.word('any_of')} · {page.figure(factor['value'])}", weakest)
            columns.append(
                [(_box_label(m, page), m["value"], "missing" if m["value"] is None else "") for m in factor["any_of"]]
                or [("-", None, "missing")]
            )
        else:
            columns.append(
                [(_box_label(factor, page), factor["value"], "missing" if factor["value"] is None else weakest)]
            )
    shapes, links, x = [], [], 0
    height = max(len(column) for column in columns) * _ROW + 12
    for i, column in enumerate(columns):
        width = int(max(92, max(len(label) for label, _, _ in column) * _CHAR + 16))
        if i:
            links.append(f"M{x - _GAP} {14 + _BOX_H // 2}h{_GAP}")
        if i in groups:
            span = len(column) * _ROW - 8
            label, weakest = groups[i]
            shapes.append(
                f'<rect x="{x - 4}" y="10" width="{width + 8}" height="{span + 8}" rx="6" '
                f'class="group {weakest}"/><text x="{x}" y="{span + 30}" class="group-label">'
                f"{escape(label)}</text>"
            )
            height = max(height, span + 36)
        for j, (label, figure, cls) in enumerate(column):
            shapes.append(
                f'<g class="box {cls}" transform="translate({x} {14 + j * _ROW})">'
                f'<rect width="{width}" height="{_BOX_H}" rx="4"/><text x="8" y="14">{escape(label)}</text>'
                f'<text x="8" y="28" class="fig">{escape(page.figure(figure))}</text></g>'
            )
        x += width + _GAP
    total = x - _GAP + 4
    return (
        f'<div class="chain"><svg class="{"below" if below else ""}" viewBox="0 0 {total} {height}" '
        f'width="{total}" height="{height}" role="img" '
        f'aria-label="{page.t("availability")}"><path d="{"".join(links)}" class="link"/>{"".join(shapes)}'
        "</svg></div>"
    )


def _box_label(factor: Factor, page: _Page) -> str:
    """The application's own figure in words; a component by its id."""
    if factor.get("kind") == "own":
        return page.word("own")
    assert factor["id"] is not None, "only the application's own figure has no id"
    return factor["id"]


_CSS = """
:root{--err:#c62828;--warn:#ef8f00;--info:#1e6fb8;--ok:#2e7d32;--waived:#8d8d8d;--ink:#1d2430;--muted:#5b6574;
--line:#d9dee5;--bg:#f6f7f9;--held:#a9b6c6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
body>header{background:#1d2430;color:#fff;padding:18px 28px 10px}
body>header h1{margin:0;font-size:1.6em}
body>header .meta{margin:2px 0 8px;color:#c8d0db}
nav a{color:#fff;margin-right:18px;font-size:.92em}
main{padding:8px 28px 40px;max-width:1600px}
h2{margin:28px 0 8px;font-size:1.3em;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{margin:16px 0 6px}
h4{margin:12px 0 4px;font-size:.95em;color:var(--muted)}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em}
.help,.legend,.meta{color:var(--muted);font-size:.9em}
.overview{display:grid;grid-template-columns:minmax(340px,5fr) minmax(420px,6fr);gap:20px 36px;align-items:start}
@media (max-width:900px){.overview{grid-template-columns:1fr}}
.headline{background:#fff;border:1px solid var(--line);border-left:8px solid var(--ok);border-radius:6px;
padding:12px 18px}
.headline.worst-error{border-left-color:var(--err)}.headline.worst-warning{border-left-color:var(--warn)}
.headline.worst-info{border-left-color:var(--info)}
.verdict{margin:0 0 8px;font-size:1.35em;font-weight:700}
.worst-error .verdict{color:var(--err)}.worst-warning .verdict{color:#9a5b00}
.compliant{font-size:1.1em;margin:10px 0}
.score-line{display:flex;gap:18px;align-items:center}.score-line .checks{margin:0}
.by-category h3{margin-top:0}
.ring circle{fill:none}.ring-failed-error,.ring-failed-none{stroke:var(--err)}.ring-failed-warning{stroke:var(--warn)}
.ring-failed-info{stroke:var(--info)}.ring-passed{stroke:var(--ok)}.ring-held{stroke:var(--held)}
.ring-waived{stroke:var(--waived)}
.ring-label{font-size:22px;font-weight:700;fill:var(--ink)}
.ring-error .ring-label{fill:var(--err)}.ring-warning .ring-label{fill:#9a5b00}
.counts{list-style:none;padding:0;margin:0;display:flex;gap:18px;flex-wrap:wrap}
.counts b{font-size:1.6em}
.bars{width:100%;height:auto;font-size:13px}.bars .value{font-weight:700}
.bar-passed{fill:var(--ok);background:var(--ok)}.bar-waived{fill:var(--waived);background:var(--waived)}
.bar-held{fill:var(--held);background:var(--held)}
.bar-failed{fill:var(--err);background:var(--err)}.bar-failed-warning{fill:var(--warn);background:var(--warn)}
.bar-failed-info{fill:var(--info);background:var(--info)}.bar-na{fill:#e6e9ee}
.swatch{display:inline-block;width:12px;height:12px;vertical-align:-1px}
.controls{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}
.controls input,.controls select{font:inherit;padding:4px 6px}
.controls input{min-width:240px}
.heat{max-height:70vh;overflow:auto;border:1px solid var(--line);background:#fff;font-size:.86em}
.hrow{display:grid;grid-template-columns:minmax(220px,440px) 76px repeat(var(--n),minmax(40px,90px));align-items:center;
border-bottom:1px solid #eef0f3;content-visibility:auto;contain-intrinsic-size:auto 22px}
.hrow>*{padding:1px 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hrow.head{position:sticky;top:0;z-index:1;background:#fff;font-weight:700;content-visibility:visible}
.hrow>i,.legend i,.hrow.head>span[title]{font-style:normal;text-align:center;padding:1px 0}
.legend i{display:inline-block;width:22px}
.h-error{background:#f6c9c9;color:var(--err)}.h-warning{background:#fde3b8;color:#9a5b00}
.h-info{background:#cfe2f5;color:var(--info)}.h-waived{background:#e4e4e4;color:#555}
.h-passed{background:#d5ecd6;color:var(--ok)}
table{border-collapse:collapse}
.num{text-align:right;font-variant-numeric:tabular-nums}
#more{display:block;margin:14px auto;font:inherit;padding:6px 18px}#more[hidden]{display:none}
#cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:14px}
.card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--ok);border-radius:6px;
padding:10px 14px;overflow:hidden}
.card.worst-error{border-left-color:var(--err)}.card.worst-warning{border-left-color:var(--warn)}
.card.worst-info{border-left-color:var(--info)}
.card>header{display:flex;justify-content:space-between;align-items:baseline;gap:10px}
.card h3{margin:0;font-size:1.05em}.card .name,.hrow .name{font-weight:400;color:var(--muted)}
.card .score{font-weight:700;font-size:1.15em}
.findings,.waivers{margin:4px 0;padding-left:18px}
.findings li{margin:2px 0}
.findings .code{font-weight:700}
.sev{font-size:.78em;text-transform:uppercase;letter-spacing:.03em;padding:0 4px;border-radius:3px;color:#fff;
background:var(--muted)}
.sev-error>.sev,.sev.sev-error{background:var(--err)}.sev-warning>.sev,.sev.sev-warning{background:var(--warn)}
.sev-info>.sev,.sev.sev-info{background:var(--info)}.sev-waived>.sev{background:var(--waived)}
.counts .sev-error b{color:var(--err)}.counts .sev-warning b{color:#9a5b00}.counts .sev-info b{color:var(--info)}
.where{color:var(--muted)}
.none{color:var(--muted);font-style:italic;margin:4px 0}
.note{color:var(--err)}
.waivers .expired,tr.expired td{color:var(--err)}.waivers .soon,tr.soon td{color:#9a5b00}
.below{color:var(--err);font-weight:700}
.chain{overflow-x:auto}
.chain svg{font:11px "DejaVu Sans Mono",Menlo,Consolas,monospace}
.chain .box rect{fill:#eef5ee;stroke:#7aa67c}
.chain .box.app rect{fill:#e8eef7;stroke:#5a7fb0}.chain .box.below rect{stroke:var(--err);stroke-width:2}
.chain .box.weakest rect{fill:#fff4e0;stroke:var(--warn);stroke-width:2}
.chain .below .box.weakest rect{fill:#fbe9e9;stroke:var(--err)}
.chain .box.missing rect{fill:#f4f4f4;stroke:#aaa;stroke-dasharray:4 3}
.chain .fig{fill:var(--muted)}.chain .link{fill:none;stroke:#888;stroke-width:1.5}
.chain .group{fill:none;stroke:#999;stroke-dasharray:3 3}.chain .group-label{fill:var(--muted)}
.chain .group.weakest{stroke:var(--warn);stroke-width:2}.chain .below .group.weakest{stroke:var(--err)}
.list{background:#fff;border:1px solid var(--line);width:100%}
.list th,.list td{padding:6px 10px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
.rule-name,.origin{color:var(--muted);font-size:.85em}
.plan .gain{font-weight:700;white-space:nowrap}.plan td:first-child{width:2.5em}
.trend{width:100%;height:auto;font-size:12px;background:#fff;border:1px solid var(--line)}
.trend text.commit{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;fill:var(--ink)}
.legend .item{white-space:nowrap}
.commits{max-height:27em;overflow:auto;margin-top:8px}
.trend .grid{stroke:#e6e9ee}.trend text{fill:var(--muted)}
.trend-score{fill:none;stroke:var(--info);stroke-width:2.5}.trend-point{fill:var(--info)}
.trend-completeness{fill:none;stroke:var(--muted);stroke-width:1.5;stroke-dasharray:5 4}
.trend-score-swatch{background:var(--info)}.trend-completeness-swatch{background:var(--muted)}
@media print{
body{background:#fff;font-size:11px}body>header{background:#fff;color:#000;padding:0}
body>header .meta{color:#000}nav,.controls{display:none}
.heat,.commits{max-height:none;overflow:visible;border:0}.hrow{content-visibility:visible}
.card{break-inside:avoid}#cards{display:block}#cards .card{margin-bottom:8px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

# Sort and filter the heat-map rows, and draw the cards of the rows shown, a batch at a time.
# Plain DOM, no library.
_SCRIPT = """
(function () {
  var body = document.getElementById('heat-rows');
  var deck = document.getElementById('cards');
  var more = document.getElementById('more');
  var form = document.getElementById('controls');
  var data = document.getElementById('card-data');
  if (!body || !deck || !more || !form || !data) { return; }
  var BATCH = 60;
  var html = Object.create(null), made = Object.create(null);  // no inherited keys: an id may be 'constructor'
  JSON.parse(data.textContent).forEach(function (pair) { html[pair[0]] = pair[1]; });
  var rows = Array.prototype.slice.call(body.children);
  var shown = rows, limit = BATCH;
  var q = document.getElementById('q'), cat = document.getElementById('cat');
  var sev = document.getElementById('sev'), sort = document.getElementById('sort');
  var count = document.getElementById('shown');
  function card(id) {
    if (!made[id]) {
      var holder = document.createElement('div');
      holder.innerHTML = html[id];
      made[id] = holder.firstElementChild;
    }
    return made[id];
  }
  // Append the cards of the shown rows up to `limit`; the ones already there stay.
  function fill() {
    var end = Math.min(limit, shown.length), part = document.createDocumentFragment();
    for (var i = deck.childElementCount; i < end; i += 1) { part.appendChild(card(shown[i].dataset.id)); }
    deck.appendChild(part);
    more.hidden = end >= shown.length;
    var left = Math.min(BATCH, shown.length - end);
    more.textContent = (left === 1 ? more.dataset.one : more.dataset.other).replace('{n}', left);
  }
  function restart() {
    shown = rows.filter(function (row) { return !row.hidden; });
    limit = BATCH;
    deck.textContent = '';
    count.value = shown.length;
    fill();
  }
  function has(list, word) { return (' ' + list + ' ').indexOf(' ' + word + ' ') >= 0; }
  function filter() {
    var text = q.value.trim().toLowerCase(), c = cat.value, s = sev.value;
    rows.forEach(function (row) {
      row.hidden = !((!text || row.dataset.key.indexOf(text) >= 0) && (!c || has(row.dataset.cats, c)) &&
                     (!s || has(row.dataset.sevs, s)));
    });
    restart();
  }
  function byId(a, b) { return a.dataset.id < b.dataset.id ? -1 : (a.dataset.id > b.dataset.id ? 1 : 0); }
  var orders = {
    score: function (a, b) { return a.dataset.score - b.dataset.score || byId(a, b); },
    id: byId,
    n: function (a, b) { return b.dataset.n - a.dataset.n || byId(a, b); }
  };
  function reorder() {
    rows.sort(orders[sort.value]);
    var part = document.createDocumentFragment();
    rows.forEach(function (row) { part.appendChild(row); });
    body.appendChild(part);
    restart();
  }
  // A link from the heat map to a card not drawn yet: draw the cards down to it first.
  function reveal(id) {
    var at = shown.findIndex(function (row) { return row.dataset.id === id; });
    if (at < 0) { return false; }
    limit = Math.max(limit, at + 1);
    fill();
    card(id).scrollIntoView();
    return true;
  }
  // Links to a card from the heat map and from the plan of what to do first.
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#app-"]');
    if (link && reveal(link.getAttribute('href').slice(5))) { event.preventDefault(); }
  });
  more.addEventListener('click', function () { limit += BATCH; fill(); });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting && !more.hidden) { limit += BATCH; fill(); }
    }, {rootMargin: '600px'}).observe(more);
  }
  window.addEventListener('beforeprint', function () { limit = shown.length; fill(); });
  var pending = null;
  q.addEventListener('input', function () { clearTimeout(pending); pending = setTimeout(filter, 150); });
  cat.addEventListener('change', filter);
  sev.addEventListener('change', filter);
  sort.addEventListener('change', reorder);
  form.hidden = false;
  fill();
  if (location.hash.indexOf('#app-') === 0) { reveal(location.hash.slice(5)); }
  document.documentElement.setAttribute('data-ready', 'true');
})();
"""
