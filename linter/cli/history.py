"""`si-lint history PATHS`: the estate score at each commit that changed it, as a table, json or csv.

The json form is what `si-lint check --format html --history FILE` draws;
its schema ships as `si_lint/schemas/history.schema.json`.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from .shared import Command, csv_delimiter_option, delimiter, lint_options, open_project, parse_today, run, write_output
from ..i18n.messages import count, family_name, families, percent, say

@click.command("history", cls=Command, help="help.cmd.history", epilog="help.exit.history")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="help.var.paths")
@click.option("--range", "revisions", metavar="help.var.revisions", help="help.opt.range")
@click.option("--since", callback=parse_today, metavar="help.var.date", help="help.opt.since")
@click.option("--max-count", "-n", type=click.IntRange(min=1), metavar="help.var.n", help="help.opt.max_count")
@click.option("--format", "format_name", type=click.Choice(["table", "json", "csv"]), default="table",
              help="help.opt.format.history")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="help.var.file",
              help="help.opt.output.history")
@click.option("--today", callback=parse_today, metavar="help.var.date", help="help.opt.today.history")
@csv_delimiter_option
@lint_options
def history_command(paths, revisions, since, max_count, format_name, output, today, csv_delimiter, lang, rules_dirs,
                    products_dirs, preview, select, ignore, config_path):
    def body():
        separator = delimiter(csv_delimiter, format_name)
        from ..score.history import history

        project = open_project(lang, rules_dirs, products_dirs, preview, select, ignore, config_path, today)
        points = history(project.targets(paths), project.settings, project.catalogue, revisions, since, max_count,
                         today)
        language = project.settings.lang
        if format_name == "json":
            text = as_json(points)
        elif format_name == "csv":
            text = as_csv(points, language, separator)
        else:
            text = as_table(points, language)
        write_output(text, output)
        return 0

    sys.exit(run(body, lang, config_path))


def _families(points: list) -> list:
    """The families with findings at some commit, built-in ones in their order, then custom ones."""
    seen = {family for point in points for family in point.families}
    built_in = families()
    return [f for f in built_in if f in seen] + sorted(seen - set(built_in))


def _has_completeness(points: list) -> bool:
    return any(point.completeness is not None for point in points)


def as_table(points: list, lang: str) -> str:
    from tabulate import tabulate

    if not points:
        return say(lang, "history.none") + "\n"
    grouped = _families(points)
    completeness = _has_completeness(points)

    def share(value) -> str:
        return say(lang, "word.na") if value is None else percent(lang, value, 1)

    headers = [say(lang, "history.col." + c) for c in ("date", "commit", "author", "score")]
    headers += [say(lang, "history.col.completeness")] if completeness else []
    headers += [say(lang, "history.col." + c) for c in ("errors", "warnings", "infos", "waived")] + grouped
    rows = []
    for point in points:
        row = [point.commit.date.isoformat(), point.commit.sha[:10], point.commit.author, share(point.score)]
        row += [share(point.completeness)] if completeness else []
        row += [point.findings["error"], point.findings["warning"], point.findings["info"], point.waived]
        row += [point.families.get(family, 0) for family in grouped]
        rows.append(row)
    lines = [say(lang, "history.title"), "", count(lang, "history.summary", len(points)),
             say(lang, "history.moved", first=share(points[0].score), last=share(points[-1].score)), "",
             tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                      colalign=("left", "left", "left") + ("right",) * (len(headers) - 3))]
    if grouped:
        lines += ["", "  ".join(say(lang, "history.legend", family=family, name=family_name(lang, family))
                                for family in grouped)]
    return "\n".join(lines) + "\n"


def document(points: list) -> dict:
    """`{"commits": [{"commit", "date", "author", "score", ...}]}`, oldest first."""
    commits = []
    for point in points:
        entry = {
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


def as_json(points: list) -> str:
    import json

    return json.dumps(document(points), indent=2, ensure_ascii=False) + "\n"


def as_csv(points: list, lang: str, delimiter: str = ",") -> str:
    """One row per commit (spreadsheet.py: a BOM for Excel, `;` and decimal commas for French Excel, no formula)."""
    from ..report.spreadsheet import csv_text, decimal

    grouped = _families(points)
    completeness = _has_completeness(points)
    columns = ["date", "commit", "author", "score"] + (["completeness"] if completeness else [])
    columns += ["files", "errors", "warnings", "infos", "waived"]
    rows = []
    for point in points:
        row = [point.commit.date.isoformat(), point.commit.sha, point.commit.author, decimal(point.score, delimiter)]
        row += [decimal(point.completeness, delimiter)] if completeness else []
        row += [point.files, point.findings["error"], point.findings["warning"], point.findings["info"], point.waived]
        rows.append(row + [point.families.get(family, 0) for family in grouped] + [point.commit.subject])
    header = [say(lang, "history.col." + c) for c in columns] + grouped + [say(lang, "history.col.subject")]
    return csv_text(header, rows, delimiter)
