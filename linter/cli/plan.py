"""`si-lint plan PATHS`: the remediation plan (`score/plan.py`) in one of the formats of `report/plan.py`."""

from __future__ import annotations

import sys

import click

from ..report.plan import FORMATS, write
from .shared import Command, csv_delimiter_option, delimiter, lint_options, open_project, parse_today, run, write_output


@click.command("plan", cls=Command, help="help.cmd.plan", epilog="help.exit.plan")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="help.var.paths")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), default="text", help="help.opt.format")
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="help.var.n", help="help.opt.top")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    metavar="help.var.file",
    help="help.opt.output.plan",
)
@click.option("--today", callback=parse_today, metavar="help.var.date", help="help.opt.today")
@csv_delimiter_option
@lint_options
def plan_command(
    paths,
    format_name,
    top,
    output,
    today,
    csv_delimiter,
    lang,
    rules_dirs,
    products_dirs,
    preview,
    select,
    ignore,
    config_path,
):
    def body():
        from ..rules import engine
        from ..score.plan import form

        separator = delimiter(csv_delimiter, format_name)
        project = open_project(lang, rules_dirs, products_dirs, preview, select, ignore, config_path, today)
        result = engine.lint(project.targets(paths), project.settings, project.catalogue, products=project.products)
        write_output(write(format_name, form(result, top=top), result.settings.lang, top, separator), output)
        return 0

    sys.exit(run(body, lang, config_path))
