"""`file:line:col: CODE [severity] message`, like compilers and ruff, then a summary line."""

from __future__ import annotations

from ..i18n.messages import Listing, count, say
from ..rules.diagnostic import Diagnostic
from . import Report, one_line

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def line(diagnostic: Diagnostic, lang: str, color: bool, waived: bool = False) -> str:
    place = f"{one_line(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}:"
    severity = f"[{say(lang, ('severity.waived.' if waived else 'severity.') + diagnostic.severity)}]"
    message = one_line(diagnostic.message)
    if color:
        tint = _DIM if waived else _COLORS[diagnostic.severity]
        return f"{_BOLD}{place}{_RESET} {tint}{diagnostic.code} {severity}{_RESET} {message}"
    return f"{place} {diagnostic.code} {severity} {message}"


def summary_line(report: Report) -> str:
    lang, summary = report.lang, report.summary
    files = count(lang, "report.files", summary.files)
    if summary.findings == 0:
        text = say(lang, "report.clean", files=files)
    else:
        counts = ", ".join(
            count(lang, f"report.{key}", n)
            for key, n in (("errors", summary.errors), ("warnings", summary.warnings), ("infos", summary.infos))
            if n
        )
        text = say(
            lang, "report.found", problems=count(lang, "report.problems", summary.findings), counts=counts, files=files
        )
    if summary.waived:
        text = say(lang, "report.and_waived", summary=text, waived=count(lang, "report.waived", summary.waived))
    text += "."
    if summary.unchecked:
        text += "\n" + one_line(say(lang, "report.unchecked", entities=Listing(summary.unchecked)))
    return text


def render(report: Report) -> str:
    lines = [line(d, report.lang, report.color) for d in report.diagnostics]
    if report.show_waived:
        lines.extend(line(d, report.lang, report.color, waived=True) for d in report.waived)
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
