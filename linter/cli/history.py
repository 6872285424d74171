"""`si-lint history PATHS`: the estate score at each commit that changed it, in a format of `report/history.py`."""

from __future__ import annotations

import datetime
import sys
from typing import Optional

import click

from ..report.history import FORMATS, write
from .shared import Command, csv_delimiter_option, delimiter, lint_options, open_project, parse_today, run, write_output


@click.command("history", cls=Command, help="help.cmd.history", epilog="help.exit.history")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="help.var.paths")
@click.option("--range", "revisions", metavar="help.var.revisions", help="help.opt.range")
@click.option("--since", callback=parse_today, metavar="help.var.date", help="help.opt.since")
@click.option("--max-count", "-n", type=click.IntRange(min=1), metavar="help.var.n", help="help.opt.max_count")
@click.option(
    "--format", "format_name", type=click.Choice(list(FORMATS)), default="table", help="help.opt.format.history"
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    metavar="help.var.file",
    help="help.opt.output.history",
)
@click.option("--today", callback=parse_today, metavar="help.var.date", help="help.opt.today.history")
@csv_delimiter_option
@lint_options
def history_command(
    paths: tuple[str, ...],
    revisions: Optional[str],
    since: Optional[datetime.date],
    max_count: Optional[int],
    format_name: str,
    output: Optional[str],
    today: Optional[datetime.date],
    csv_delimiter: Optional[str],
    lang: Optional[str],
    rules_dirs: tuple[str, ...],
    products_dirs: tuple[str, ...],
    preview: Optional[bool],
    select: Optional[str],
    ignore: Optional[str],
    config_path: Optional[str],
) -> None:
    def body() -> int:
        separator = delimiter(csv_delimiter, format_name)
        from ..score.history import history

        project = open_project(lang, rules_dirs, products_dirs, preview, select, ignore, config_path, today)
        points = history(
            project.targets(paths), project.settings, project.catalogue, revisions, since, max_count, today
        )
        write_output(write(format_name, points, project.settings.lang, separator), output)
        return 0

    sys.exit(run(body, lang, config_path))
