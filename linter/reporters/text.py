"""`file:line:col: CODE [severity] message`, like compilers and ruff, then a summary line."""

from __future__ import annotations

from . import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SUMMARY = {
    "en": {"clean": "No problems found", "found": "Found {n} problem{s}", "error": "error", "warning": "warning",
           "info": "info", "waived": "{n} waived", "files": "in {n} file{s}"},
    "fr": {"clean": "Aucun problème", "found": "{n} problème{s}", "error": "erreur", "warning": "avertissement",
           "info": "info", "waived": "{n} couvert{s} par une dérogation", "files": "dans {n} fichier{s}"},
}


def line(diagnostic, color: bool, waived: bool = False) -> str:
    place = f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}:"
    severity = f"[{diagnostic.severity}]"
    if waived:
        severity = f"[waived {diagnostic.severity}]"
    if color:
        tint = _DIM if waived else _COLORS[diagnostic.severity]
        return f"{_BOLD}{place}{_RESET} {tint}{diagnostic.code} {severity}{_RESET} {diagnostic.message}"
    return f"{place} {diagnostic.code} {severity} {diagnostic.message}"


def summary_line(report: Report) -> str:
    words = _SUMMARY.get(report.lang, _SUMMARY["en"])
    summary = report.summary
    total = summary["findings"]
    plural = lambda n: "s" if n != 1 else ""  # noqa: E731
    files = words["files"].format(n=summary["files"], s=plural(summary["files"]))
    if total == 0:
        text = f"{words['clean']} {files}"
    else:
        parts = [f"{summary[key]} {words[name]}{plural(summary[key]) if report.lang == 'en' or name != 'info' else ''}"
                 for key, name in (("errors", "error"), ("warnings", "warning"), ("infos", "info")) if summary[key]]
        text = f"{words['found'].format(n=total, s=plural(total))} ({', '.join(parts)}) {files}"
    if summary["waived"]:
        text += f"; {words['waived'].format(n=summary['waived'], s=plural(summary['waived']))}"
    return text + "."


def render(report: Report) -> str:
    lines = [line(d, report.color) for d in report.diagnostics]
    if report.show_waived:
        lines.extend(line(d, report.color, waived=True) for d in report.waived)
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
