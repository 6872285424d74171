"""A Markdown report for a merge-request comment: the summary, a table of findings, and the rules behind them."""

from __future__ import annotations

from . import Report
from .text import summary_line

_WORDS = {
    "en": {"title": "si-lint report", "location": "Location", "rule": "Rule", "severity": "Severity",
           "entity": "Entity", "message": "Message", "rules": "Why these rules", "fix": "What to do",
           "waived": "Waived findings (accepted exceptions)"},
    "fr": {"title": "Rapport si-lint", "location": "Emplacement", "rule": "Règle", "severity": "Gravité",
           "entity": "Entité", "message": "Message", "rules": "Pourquoi ces règles", "fix": "Que faire",
           "waived": "Constats couverts par une dérogation (exceptions acceptées)"},
}
_SEVERITY = {"en": {"error": "error", "warning": "warning", "info": "info"},
             "fr": {"error": "erreur", "warning": "avertissement", "info": "info"}}


def cell(text: str) -> str:
    """Text safe inside a table cell: no pipe ends the cell, no tag or line break breaks the table."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\r", " ").replace("\n", " "))


def _table(diagnostics, words: dict, severities: dict) -> list:
    headers = (words[key] for key in ("location", "rule", "severity", "entity", "message"))
    lines = ["| " + " | ".join(headers) + " |",
             "|---|---|---|---|---|"]
    for d in diagnostics:
        lines.append(f"| `{cell(d.file)}:{d.line}:{d.column}` | {d.code} {cell(d.rule)} | {severities[d.severity]} | "
                     f"{cell(d.entity or '')} | {cell(d.message)} |")
    return lines


def render(report: Report) -> str:
    words = _WORDS.get(report.lang, _WORDS["en"])
    severities = _SEVERITY.get(report.lang, _SEVERITY["en"])
    lines = [f"## {words['title']}", "", summary_line(report), ""]
    if report.diagnostics:
        lines.extend(_table(report.diagnostics, words, severities))
        lines.append("")
    if report.show_waived and report.waived:
        lines.extend([f"### {words['waived']}", ""])
        lines.extend(_table(report.waived, words, severities))
        lines.append("")
    codes = sorted({d.code for d in report.diagnostics} & set(report.rules))
    if codes:
        lines.extend(["<details>", f"<summary>{words['rules']}</summary>", ""])
        for code in codes:
            rule = report.rules[code]
            lines.extend([f"#### {code} {rule['name']}: {cell(rule['title'])}", "", cell(rule["rationale"]), "",
                          f"**{words['fix']}:** {cell(rule['remediation'])}", ""])
        lines.append("</details>")
        lines.append("")
    return "\n".join(lines)
