"""The command line: wires the stages together and decides what is printed and the exit code.

`si-lint PATH...` is short for `si-lint check PATH...`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Optional, Union

import click

from .. import __version__
from ..i18n.messages import Day, Text, count, say
from ..rules.diagnostic import InputError
from .shared import (
    ARGV,
    Group,
    Misuse,
    csv_delimiter_option,
    delimiter,
    lang_in_force,
    lang_option,
    lint_options,
    only_help,
    open_project,
    parse_today,
    run,
    write_output,
)

if TYPE_CHECKING:
    from ..model.products import Product
    from ..rules.engine import Result

# Subcommands defined in their own modules, imported only when used so that
# `si-lint estate.yaml` (the pre-commit path) stays fast: name -> "module:attribute".
LAZY_COMMANDS: dict = {
    "import": "si_lint.cli.importing:import_group",
    "config": "si_lint.cli.config:command",
    "init": "si_lint.cli.starter:command",
    "diff": "si_lint.cli.diff:diff_command",
    "server": "si_lint.lsp.server:command",
    "plan": "si_lint.cli.plan:plan_command",
    "history": "si_lint.cli.history:history_command",
}


def _command_first(args: list, known: set) -> list:
    """`si-lint --lang fr rules` as `si-lint rules --lang fr`: options written before the command go after it.

    Only a word that is no option's value (`-o plan` writes a file named plan) and no file or
    folder here (a folder named `rules` is still linted).
    """
    if not args or not args[0].startswith("-") or "--" in args:
        return args
    taking_values = {
        name for param in check.params if isinstance(param, click.Option) and not param.is_flag for name in param.opts
    }
    for position, word in enumerate(args):
        if word in known and not os.path.exists(word) and (position == 0 or args[position - 1] not in taking_values):
            return [word, *args[:position], *args[position + 1 :]]
    return args


class DefaultToCheck(Group):
    """A group whose first argument, when it is not a command, is a path for `check`.

    It also words the usage errors of every command below it in the user's
    language (`usage.py`), where click would print them in English.
    """

    def make_context(self, info_name, args, parent=None, **extra):
        argv = list(args)  # parsing consumes the list
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            from .usage_errors import worded

            root = click.Context(self, info_name=info_name)
            root.meta[ARGV] = argv
            raise worded(error, root) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as error:  # a subcommand's options or arguments, or a subcommand's own refusal
            from .usage_errors import worded

            raise worded(error, ctx) from None

    def parse_args(self, ctx, args):
        ctx.meta[ARGV] = list(args)
        known = set(self.commands) | set(LAZY_COMMANDS)
        args = _command_first(list(args), known)
        # A bare `si-lint` lints the configured paths, or the current folder, as ruff does.
        if not args or (args[0] not in known and args[0] not in ("--help", "-h", "--version") and not only_help(args)):
            if args:
                _refuse_misspelt_command(args[0], known)
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx):
        return sorted(set(self.commands) | set(LAZY_COMMANDS))

    def main(self, *args, **kwargs):
        # Click's own output (--help, --version) gets the same guard as the commands: no traceback.
        return run(lambda: super(DefaultToCheck, self).main(*args, **kwargs))

    def get_command(self, ctx, name):
        if name not in self.commands and name in LAZY_COMMANDS:
            import importlib

            module, attribute = LAZY_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


def _refuse_misspelt_command(word: str, known: set) -> None:
    """`si-lint explian ACC001`: name the command it looks like, rather than say that no file is called explian."""
    if not (word[:1].isalpha() and word.replace("-", "").isalnum()) or os.path.exists(word):
        return  # an option, or a path
    from ..i18n.messages import hint

    close = hint(word, sorted(known))
    if close:
        raise Misuse(Text("usage.no_such_path_or_command", path=word, hint=close))


@click.group(
    cls=DefaultToCheck,
    help="help.cmd.main",
    epilog="help.exit.lint",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="si-lint", help="help.opt.version")
def main() -> None:
    pass  # its help is the catalogue's (help.cmd.main): `si-lint --help` speaks the user's language


def format_names() -> list:
    from ..report import FORMATS

    return list(FORMATS)


@main.command(help="help.cmd.check", epilog="help.exit.lint")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="help.var.paths")
@click.option("--format", "format_name", type=click.Choice(format_names()), default="text", help="help.opt.format")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    metavar="help.var.file",
    help="help.opt.output.report",
)
@click.option("--today", callback=parse_today, metavar="help.var.date", help="help.opt.today")
@lint_options
@click.option("--stdin-filename", metavar="help.var.path", help="help.opt.stdin_filename")
@click.option("--show-waived", is_flag=True, help="help.opt.show_waived")
@click.option("--statistics", is_flag=True, help="help.opt.statistics")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="help.opt.fail_on")
@click.option("--exit-zero", is_flag=True, help="help.opt.exit_zero")
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="help.var.file", help="help.opt.baseline"
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), metavar="help.var.file", help="help.opt.write_baseline"
)
@csv_delimiter_option
@click.option(
    "--history", "history_path", type=click.Path(dir_okay=False), metavar="help.var.file", help="help.opt.history"
)
def check(
    paths,
    format_name,
    output,
    lang,
    today,
    rules_dirs,
    products_dirs,
    preview,
    stdin_filename,
    show_waived,
    fail_on,
    exit_zero,
    select,
    ignore,
    config_path,
    baseline_path,
    write_baseline,
    statistics,
    csv_delimiter,
    history_path,
):
    if baseline_path and write_baseline:
        raise Misuse(Text("baseline.not_both"))
    if history_path and format_name != "html":
        raise Misuse(Text("history.html_only"))

    def body():
        from ..rules import engine

        separator = delimiter(csv_delimiter, format_name)
        project = open_project(
            lang,
            rules_dirs,
            products_dirs,
            preview,
            select,
            ignore,
            config_path,
            today,
            **{"fail-on": fail_on, "baseline": baseline_path},
        )
        result = engine.lint(
            project.targets(paths), project.settings, project.catalogue, stdin_filename, project.products
        )
        language = result.settings.lang
        linted = result  # scores count every finding, a baseline only hides them
        if write_baseline:
            from ..rules import baseline

            written = baseline.write(write_baseline, result.diagnostics, language)
            _note(
                language,
                Text("cli.baseline_written", findings=count(language, "cli.findings", written), path=write_baseline),
            )
            result = baseline.unrecorded(result)
            if not result.diagnostics:  # all recorded: the note above is the whole answer
                return 0
        elif project.effective.baseline:
            from ..rules import baseline

            # --baseline as written; the config's, relative to the folder the command runs in
            result, note = baseline.filter_result(result, baseline_path or project.name(project.effective.baseline))
            _note(language, note)
        if statistics:
            from ..score import scorecard as scoring

            text = scoring.statistics(result, scoring.scores(linted))
        else:
            trend = None
            if history_path:
                from ..score.history import read_trend

                trend = read_trend(history_path)
            text = render_result(
                result,
                format_name,
                show_waived,
                color=output is None and _color(),
                scored=linted,
                csv_delimiter=separator,
                trend=trend,
            )
        write_output(text, output)
        return 1 if result.failed() and not exit_zero else 0

    sys.exit(run(body, lang, config_path))


def _note(lang: str, text: Union[Text, str]) -> None:
    from ..i18n.messages import render

    click.echo(f"si-lint: {render(lang, text)}", err=True)


def _color() -> bool:
    import os

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def render_result(
    result: Result,
    format_name: str,
    show_waived: bool,
    color: bool,
    scored: Optional[Result] = None,
    csv_delimiter: str = ",",
    trend: Optional[list[Any]] = None,
) -> str:
    """`scored`: the result the scores are computed on, when `result` had findings hidden (baseline).

    `trend`: the points of a history (`history.read_trend`), for the html report.
    """
    from dataclasses import replace

    from ..report import FORMATS, render
    from ..report.views import Report

    needs = FORMATS[format_name]
    summary, view = result.summary(), None
    if needs.scores:
        from ..score.overview import overview

        scores, view = overview(result, scored or result, with_view=needs.view, trend=trend)
        summary = replace(summary, scores=scores)
    report = Report(
        diagnostics=result.diagnostics,
        waived=result.waived,
        summary=summary,
        estate_view=view,
        rules=result.catalogue.docs(result.settings.lang),
        lang=result.settings.lang,
        color=color,
        show_waived=show_waived,
        tool_version=__version__,
        csv_delimiter=csv_delimiter,
    )
    return render(format_name, report)


@main.command(help="help.cmd.schema")
@lang_option
def schema(lang):
    import json

    from ..validate.schema import described_schema

    click.echo(json.dumps(described_schema(lang_in_force(lang)), indent=2, ensure_ascii=False))


@main.command("rules", help="help.cmd.rules")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text", help="help.opt.format")
@lang_option
@click.option(
    "--rules-dir", "rules_dirs", multiple=True, type=click.Path(), metavar="help.var.folder", help="help.opt.rules_dir"
)
@click.option("--verify", is_flag=True, help="help.opt.verify")
def rules_command(format_name, lang, rules_dirs, verify):
    from ..rules.catalogue import load_catalogue

    language = lang_in_force(lang)

    def body():
        catalogue = load_catalogue(rules_dirs)
        if verify:
            from ..rules.verify import verify_catalogue

            failures = verify_catalogue(catalogue)
            for failure in failures:
                click.echo(failure, err=True)
            total = len(list(catalogue))
            click.echo(
                say(language, "cli.verified", passed=total - len({f.split(":")[0] for f in failures}), total=total)
            )
            return 1 if failures else 0
        if format_name == "json":
            import json

            click.echo(
                json.dumps([doc.as_dict() for doc in catalogue.docs(language).values()], indent=2, ensure_ascii=False)
            )
            return 0
        from tabulate import tabulate

        rows = [
            [
                r.code,
                r.name,
                say(language, "severity." + r.severity),
                say(language, "status." + r.status),
                r.text("title", language),
            ]
            for r in catalogue
        ]
        headers = [say(language, "cli.rules." + column) for column in ("code", "name", "severity", "status", "title")]
        click.echo(tabulate(rows, headers=headers, tablefmt="simple"))
        return 0

    sys.exit(run(body, lang))


@main.command("products", help="help.cmd.products")
@click.argument("product_id", required=False, metavar="help.var.id")
@lang_option
@click.option(
    "--products-dir",
    "products_dirs",
    multiple=True,
    type=click.Path(),
    metavar="help.var.folder",
    help="help.opt.products_dir",
)
def products_command(product_id, lang, products_dirs):
    language = lang_in_force(lang)

    def body():
        from ..model.products import load_products

        catalogue = load_products(products_dirs)
        if product_id is None:
            from tabulate import tabulate

            rows = [
                [
                    p.id,
                    p.name,
                    p.facts.get("category", "-"),
                    p.facts.get("delivery", "-"),
                    ", ".join(f"{version} ({end})" for version, end in p.versions.items()) or "-",
                ]
                for p in sorted(catalogue.values(), key=lambda p: p.id)
            ]
            headers = [
                say(language, "cli.products." + column) for column in ("id", "name", "category", "delivery", "versions")
            ]
            click.echo(tabulate(rows, headers=headers, tablefmt="simple"))
            return 0
        product = catalogue.get(product_id)
        if product is None:
            from ..i18n.messages import hint

            raise InputError(
                Text("cli.no_product", id=Text("word.quoted", value=product_id), hint=hint(product_id, catalogue))
            )
        click.echo(_product_sheet(product, language), nl=False)
        return 0

    sys.exit(run(body, lang))


def _product_sheet(product: Product, lang: str) -> str:
    """One product: what it is, each fact it gives, its versions, and the vendor pages behind them."""

    def flat(facts: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
        for name, value in facts.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{name}.")
            else:
                yield f"{prefix}{name}", value

    lines = [
        say(lang, "cli.products.heading", id=product.id, name=product.name, vendor=product.vendor),
        f"  {product.describe(lang)}",
        "",
        say(lang, "cli.products.facts"),
    ]
    lines += [f"  {name}: {_as_written(value)}" for name, value in flat(product.facts)]
    if product.versions:
        lines += ["", say(lang, "cli.products.support")]
        lines += [
            "  " + say(lang, "cli.products.version_end", version=version, end=end)
            for version, end in product.versions.items()
        ]
    if product.not_documented:
        lines += ["", say(lang, "cli.products.not_documented", facts=", ".join(product.not_documented))]
    lines += ["", say(lang, "cli.products.sources")]
    for source in product.sources:
        lines += [f"  {source['title']}", f"    {source['url']}"]
        if "quotes" in source:
            lines += ["    " + say(lang, "cli.products.checked", checked=Day(source["checked"]))]
            lines += [
                "      " + say(lang, "cli.products.quote", fact=fact, quote=quote)
                for fact, quote in source["quotes"].items()
            ]
        else:  # a company's own entry may name the facts a page backs without quoting it
            lines += [
                "    "
                + say(lang, "cli.products.backs", facts=", ".join(source["facts"]), checked=Day(source["checked"]))
            ]
    return "\n".join(lines) + "\n"


def _as_written(fact: object) -> str:
    """A fact's value as the estate writes it: true/false, a list's items joined by commas, [] for none."""
    if isinstance(fact, bool):
        return "true" if fact else "false"
    if isinstance(fact, list):
        return ", ".join(map(str, fact)) if fact else "[]"
    return str(fact)


@main.command(help="help.cmd.explain")
@click.argument("code", metavar="help.var.code")
@lang_option
@click.option(
    "--rules-dir", "rules_dirs", multiple=True, type=click.Path(), metavar="help.var.folder", help="help.opt.rules_dir"
)
def explain(code, lang, rules_dirs):
    from ..rules.catalogue import load_catalogue
    from .explain import explain_rule

    def body():
        catalogue = load_catalogue(rules_dirs)
        rule = catalogue.get(code)
        if rule is None:
            from ..i18n.messages import hint

            raise InputError(
                Text("cli.no_rule", code=Text("word.quoted", value=code), hint=hint(code.upper(), catalogue.rules))
            )
        click.echo(explain_rule(rule, lang_in_force(lang)), nl=False)
        return 0

    sys.exit(run(body, lang))
