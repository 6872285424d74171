"""A Markdown report for a merge-request comment: the summary, a table of findings, and the rules behind them."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n.messages import say
from ..rules.diagnostic import Diagnostic
from . import Report, one_line
from .text import summary_line


def cell(text: str) -> str:
    """Text safe inside a table cell: no pipe ends the cell, no tag or line break breaks the table."""
    return one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _prose(text: str) -> str:
    """A rule's text in a cell: its line breaks (a YAML block) are where words wrap, read as spaces."""
    return cell(" ".join(text.splitlines()))


def _table(diagnostics: Iterable[Diagnostic], lang: str) -> list[str]:
    headers = (say(lang, "md." + key) for key in ("location", "rule", "severity", "entity", "message"))
    lines = ["| " + " | ".join(headers) + " |", "|---|---|---|---|---|"]
    for d in diagnostics:
        lines.append(
            f"| `{cell(d.file)}:{d.line}:{d.column}` | {d.code} {cell(d.rule)} | "
            f"{say(lang, 'severity.' + d.severity)} | {cell(d.entity or '')} | {cell(d.message)} |"
        )
    return lines


def render(report: Report) -> str:
    lang = report.lang
    lines = [f"## {say(lang, 'md.title')}", "", summary_line(report), ""]
    if report.diagnostics:
        lines.extend(_table(report.diagnostics, lang))
        lines.append("")
    if report.show_waived and report.waived:
        lines.extend([f"### {say(lang, 'md.waived')}", ""])
        lines.extend(_table(report.waived, lang))
        lines.append("")
    codes = sorted({d.code for d in report.diagnostics} & set(report.rules))
    if codes:
        lines.extend(["<details>", f"<summary>{say(lang, 'md.rules')}</summary>", ""])
        for code in codes:
            rule = report.rules[code]
            lines.extend(
                [
                    f"#### {say(lang, 'md.rule_heading', code=code, name=rule.name, title=_prose(rule.title))}",
                    "",
                    _prose(rule.rationale),
                    "",
                    f"**{say(lang, 'md.fix')}** {_prose(rule.remediation)}",
                    "",
                ]
            )
        lines.append("</details>")
        lines.append("")
    return "\n".join(lines)
