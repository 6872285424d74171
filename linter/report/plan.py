"""The plan's formats: text, markdown, json and csv, from a formed `score.plan.Plan`.

The json form is a contract other tools read; its schema ships as
`si_lint/schemas/plan.schema.json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from .. import __version__
from ..i18n.messages import Listing, count, percent, plural_key, render, say

if TYPE_CHECKING:
    from ..rules.diagnostic import Diagnostic
    from ..score.plan import Action, Plan


def gain_words(lang: str, action: Action) -> str:
    """+3.4 points, « +3,4 points »; French keeps the singular below two (« +1,5 point »).

    The gain is the change of the estate score, which has one decimal: in a
    large estate one action often moves it by less, and says so.
    """
    if action.gain == 0 and action.exact > 0:
        return say(lang, "plan.gain.small")
    figure = f"{action.gain:+.1f}"
    if lang == "fr":
        figure = figure.replace(".", ",")
    one = lang == "fr" and abs(action.gain) < 2
    return say(lang, "plan.gain." + ("one" if one else "other"), gain=figure)


def write(format_name: str, plan: Plan, lang: str, top: Optional[int] = None, delimiter: str = ",") -> str:
    """The plan in `format_name`, one of FORMATS."""
    if format_name == "csv":
        return as_csv(plan, lang, top, delimiter)
    return FORMATS[format_name](plan, lang, top)


# --- words shared by the formats -----------------------------------------------------


def _score(lang: str, value: Optional[float]) -> str:
    return say(lang, "word.na") if value is None else percent(lang, value, 1)


def _shown(plan: Plan, top: Optional[int]) -> list[Action]:
    return plan.actions[:top] if top else plan.actions


def _ranks(plan: Plan) -> dict[str, int]:
    return {action.id: rank for rank, action in enumerate(plan.actions, 1)}


def _summary(plan: Plan, lang: str, top: Optional[int]) -> list[str]:
    """The lines that open a plan: how many actions, the score today and when all is done."""
    if not plan.actions:
        return [say(lang, "plan.nothing")]
    lines = [
        say(
            lang,
            "plan.heading",
            actions=count(lang, "plan.actions", len(plan.actions)),
            findings=count(lang, "plan.findings", plan.findings),
        ),
        say(lang, "plan.scores", today=_score(lang, plan.score), done=_score(lang, plan.done)),
    ]
    if top and top < len(plan.actions):
        lines.append(say(lang, plural_key(lang, "plan.shown", top), n=top, total=len(plan.actions)))
        lines.append(say(lang, plural_key(lang, "plan.first", top), n=top, score=_score(lang, plan.top_score)))
    if plan.unread:
        lines.append(say(lang, "report.unread", n=plan.unread))
    return lines


def _place(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}"


# --- text -------------------------------------------------------------------------------


def as_text(plan: Plan, lang: str, top: Optional[int] = None) -> str:
    lines = [say(lang, "plan.title"), ""] + _summary(plan, lang, top)
    ranks = _ranks(plan)
    for rank, action in enumerate(_shown(plan, top), 1):
        severity = f" · {say(lang, 'severity.' + action.severity)}" if action.severity else ""
        lines += ["", f"{rank:>3}. {gain_words(lang, action)}{severity} · {render(lang, action.title)}"]
        about = []
        if action.owner:
            about.append(say(lang, "plan.owner_is", owner=action.owner))
        if action.applications:
            about.append(say(lang, "plan.applications_are", applications=Listing(action.applications)))
        if action.needs:
            about.append(say(lang, "plan.needs", actions=Listing(f"#{ranks[need]}" for need in action.needs)))
        if about:
            lines.append("     " + " · ".join(about))
        lines += [
            f"     {_place(d)}: {d.code} [{say(lang, 'severity.' + d.severity)}] {d.message}" for d in action.findings
        ]
    return "\n".join(lines) + "\n"


# --- markdown ---------------------------------------------------------------------------


def _md(value: str) -> str:
    """Text that markdown shows as written, in a table cell too."""
    for char in "\\`*_[]<>|#":
        value = value.replace(char, "\\" + char)
    return value.replace("\n", " ")


def as_markdown(plan: Plan, lang: str, top: Optional[int] = None) -> str:
    lines = [f"### {say(lang, 'plan.title')}", ""]
    for line in _summary(plan, lang, top):  # our own words, markdown as written: one paragraph each
        lines += [line, ""]
    if plan.actions:
        columns = ("rank", "action", "gain", "severity", "owner", "applications", "findings")
        lines += [
            "| " + " | ".join(say(lang, "plan.col." + c) for c in columns) + " |",
            "|---:|---|---:|---|---|---|---|",
        ]
        for rank, action in enumerate(_shown(plan, top), 1):
            codes = ", ".join(dict.fromkeys(d.code for d in action.findings))
            cells = [
                str(rank),
                _md(render(lang, action.title)),
                _md(gain_words(lang, action)),
                say(lang, "severity." + action.severity) if action.severity else "",
                _md(action.owner or ""),
                _md(", ".join(action.applications)),
                f"{len(action.findings)} ({codes})" if codes else "0",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# --- json -------------------------------------------------------------------------------


def document(plan: Plan, lang: str, top: Optional[int] = None) -> dict[str, Any]:
    """The contract: `{"actions": [{"title", "gain", "severity", "owner", "applications", "findings"}]}`."""
    return {
        "version": 1,
        "tool": {"name": "si-lint", "version": __version__},
        "score": plan.score,
        "score_when_done": plan.done,
        "findings": plan.findings,
        "actions": [
            {
                "id": action.id,
                "kind": action.kind,
                "title": render(lang, action.title),
                "gain": action.gain,
                "gain_exact": round(action.exact, 6),
                "score": action.score,
                "severity": action.severity,
                "owner": action.owner,
                "applications": list(action.applications),
                "entities": list(action.entities),
                "needs": list(action.needs),
                "findings": [
                    {
                        "code": d.code,
                        "severity": d.severity,
                        "section": d.section,
                        "entity": d.entity,
                        "file": d.file,
                        "line": d.line,
                        "column": d.column,
                        "message": d.message,
                    }
                    for d in action.findings
                ],
            }
            for action in _shown(plan, top)
        ],
    }


def as_json(plan: Plan, lang: str, top: Optional[int] = None) -> str:
    import json

    return json.dumps(document(plan, lang, top), indent=2, ensure_ascii=False) + "\n"


# --- csv --------------------------------------------------------------------------------


def as_csv(plan: Plan, lang: str, top: Optional[int] = None, delimiter: str = ",") -> str:
    """One row per action (spreadsheet.py: a BOM for Excel, `;` for French Excel, no formula)."""
    from ..report.spreadsheet import Cell, csv_text, decimal

    columns = (
        "rank",
        "id",
        "action",
        "gain",
        "score",
        "severity",
        "owner",
        "applications",
        "findings",
        "codes",
        "needs",
    )
    rows: list[list[Cell]] = [
        [
            rank,
            action.id,
            render(lang, action.title),
            decimal(action.gain, delimiter),
            decimal(action.score, delimiter),
            say(lang, "severity." + action.severity) if action.severity else "",
            action.owner or "",
            " ".join(action.applications),
            len(action.findings),
            " ".join(dict.fromkeys(d.code for d in action.findings)),
            " ".join(action.needs),
        ]
        for rank, action in enumerate(_shown(plan, top), 1)
    ]
    return csv_text([say(lang, "plan.col." + c) for c in columns], rows, delimiter)


FORMATS: dict[str, Callable[..., str]] = {"text": as_text, "markdown": as_markdown, "json": as_json, "csv": as_csv}
