"""The history's formats: a table, json and csv, from the points of `score.history.history`.

The json form is what `si-lint check --format html --history FILE` draws; its
schema ships as `si_lint/schemas/history.schema.json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from .. import __version__
from ..i18n.messages import count, families, family_name, percent, say

if TYPE_CHECKING:
    from ..score.history import Point
    from .spreadsheet import Cell


def write(format_name: str, points: list[Point], lang: str, delimiter: str = ",") -> str:
    """The history in `format_name`, one of FORMATS."""
    if format_name == "csv":
        return as_csv(points, lang, delimiter)
    if format_name == "json":
        return as_json(points)
    return as_table(points, lang)


def _families(points: list[Point]) -> list[str]:
    """The families with findings at some commit, built-in ones in their order, then custom ones."""
    seen = {family for point in points for family in point.families}
    built_in = families()
    return [f for f in built_in if f in seen] + sorted(seen - set(built_in))


def _has_completeness(points: list[Point]) -> bool:
    return any(point.completeness is not None for point in points)


def as_table(points: list[Point], lang: str) -> str:
    from tabulate import tabulate

    if not points:
        return say(lang, "history.none") + "\n"
    grouped = _families(points)
    completeness = _has_completeness(points)

    def share(value: Optional[float]) -> str:
        return say(lang, "word.na") if value is None else percent(lang, value, 1)

    headers = [say(lang, "history.col." + c) for c in ("date", "commit", "author", "score")]
    headers += [say(lang, "history.col.completeness")] if completeness else []
    headers += [say(lang, "history.col." + c) for c in ("errors", "warnings", "infos", "waived")] + grouped
    rows = []
    for point in points:
        row: list[Cell] = [
            point.commit.date.isoformat(),
            point.commit.sha[:10],
            point.commit.author,
            share(point.score),
        ]
        row += [share(point.completeness)] if completeness else []
        row += [point.findings["error"], point.findings["warning"], point.findings["info"], point.waived]
        row += [point.families.get(family, 0) for family in grouped]
        rows.append(row)
    lines = [
        say(lang, "history.title"),
        "",
        count(lang, "history.summary", len(points)),
        say(lang, "history.moved", first=share(points[0].score), last=share(points[-1].score)),
        "",
        tabulate(
            rows,
            headers=headers,
            tablefmt="simple",
            disable_numparse=True,
            colalign=("left", "left", "left") + ("right",) * (len(headers) - 3),
        ),
    ]
    if grouped:
        lines += [
            "",
            "  ".join(say(lang, "history.legend", family=family, name=family_name(lang, family)) for family in grouped),
        ]
    return "\n".join(lines) + "\n"


def document(points: list[Point]) -> dict[str, Any]:
    """`{"commits": [{"commit", "date", "author", "score", ...}]}`, oldest first."""
    commits = []
    for point in points:
        entry: dict[str, Any] = {
            "commit": point.commit.sha,
            "date": point.commit.date.isoformat(),
            "time": point.commit.time,
            "author": point.commit.author,
            "subject": point.commit.subject,
            "files": point.files,
            "score": point.score,
            "waived_share": point.waived_share,
            "findings": point.findings,
            "waived": point.waived,
            "families": point.families,
            "categories": point.categories,
        }
        if point.completeness is not None:
            entry["completeness"] = point.completeness
        commits.append(entry)
    return {"version": 1, "tool": {"name": "si-lint", "version": __version__}, "commits": commits}


def as_json(points: list[Point]) -> str:
    import json

    return json.dumps(document(points), indent=2, ensure_ascii=False) + "\n"


def as_csv(points: list[Point], lang: str, delimiter: str = ",") -> str:
    """One row per commit (spreadsheet.py: a BOM for Excel, `;` and decimal commas for French Excel, no formula)."""
    from ..report.spreadsheet import csv_text, decimal

    grouped = _families(points)
    completeness = _has_completeness(points)
    columns = ["date", "commit", "author", "score"] + (["completeness"] if completeness else [])
    columns += ["files", "errors", "warnings", "infos", "waived"]
    rows = []
    for point in points:
        row: list[Cell] = [
            point.commit.date.isoformat(),
            point.commit.sha,
            point.commit.author,
            decimal(point.score, delimiter),
        ]
        row += [decimal(point.completeness, delimiter)] if completeness else []
        row += [point.files, point.findings["error"], point.findings["warning"], point.findings["info"], point.waived]
        rows.append(row + [point.families.get(family, 0) for family in grouped] + [point.commit.subject])
    header = [say(lang, "history.col." + c) for c in columns] + grouped + [say(lang, "history.col.subject")]
    return csv_text(header, rows, delimiter)


FORMATS = ("table", "json", "csv")
