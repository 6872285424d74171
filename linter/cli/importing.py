"""`si-lint import csv|backstage`: build a first estate from what the company already has."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional, Union

import click

from ..i18n.messages import Listing, Plural, Text, say
from ..rules.diagnostic import InputError
from .shared import Group, lang_in_force, lang_option, run, write_output

if TYPE_CHECKING:
    from ..importers import Imported


@click.group("import", cls=Group, help="help.cmd.import", epilog="help.exit.import")
def import_group() -> None:
    pass  # its help is the catalogue's (help.cmd.import), in the user's language


@import_group.command("csv", help="help.cmd.import.csv", epilog="help.exit.import")
@click.argument("inventory", type=click.Path(dir_okay=False), metavar="help.var.inventory")
@click.option("--mapping", "-m", type=click.Path(dir_okay=False), metavar="help.var.mapping", help="help.opt.mapping")
@click.option("--suggest-mapping", is_flag=True, help="help.opt.suggest_mapping")
@click.option("--output", "-o", type=click.Path(), metavar="help.var.path", help="help.opt.output.import")
@click.option("--sheet", metavar="help.var.name", help="help.opt.sheet")
@click.option("--encoding", metavar="help.var.name", help="help.opt.encoding")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]), help="help.opt.delimiter")
@lang_option
def csv_command(inventory, mapping, suggest_mapping, output, sheet, encoding, delimiter, lang):
    from ..importers import csv_import

    if delimiter == "tab":
        delimiter = "\t"
    language = lang_in_force(lang)

    def body():
        if suggest_mapping:
            if mapping:
                raise InputError(Text("import.suggest_with_mapping"))
            text = csv_import.suggest_mapping(inventory, encoding, delimiter, sheet, language)
            write_output(text, output)
            return 0
        if not mapping:
            raise InputError(Text("import.need_mapping"))
        imported = csv_import.import_csv(inventory, mapping, encoding, delimiter, sheet)
        return _finish(imported, output, "import.rows", language)

    sys.exit(run(body, language))


@import_group.command("backstage", help="help.cmd.import.backstage", epilog="help.exit.import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="help.var.paths")
@click.option("--output", "-o", type=click.Path(), metavar="help.var.path", help="help.opt.output.import")
@lang_option
def backstage_command(paths, output, lang):
    from ..importers import backstage

    language = lang_in_force(lang)

    def body():
        imported = backstage.import_backstage(paths)
        return _finish(imported, output, "import.catalog_entities", language)

    sys.exit(run(body, language))


def _finish(imported: Imported, output: Optional[str], records: str, lang: str) -> int:
    from ..importers import writer

    for problem in imported.problems:
        click.echo(problem.render(lang), err=True)
    where: Union[Text, str]
    if output is None:
        write_output(writer.render(imported, lang), None)
        where = ""
    elif output.endswith((".yaml", ".yml")):
        writer.write_file(imported, output, lang)
        where = Text("import.into_file", path=output)
    else:
        written = writer.write_directory(imported, output, lang)
        where = Text("import.into_folder", files=Plural("import.files", len(written)), path=output)
    errors = sum(1 for problem in imported.problems if problem.lost)
    counts: dict[str, int] = {}
    for entity in imported.entities:
        counts[entity.section] = counts.get(entity.section, 0) + 1
    made = (
        Listing(Plural("import.made." + section, number) for section, number in counts.items())
        if counts
        else Text("import.made.nothing")
    )
    verdict = Plural("import.problems_above", errors) if errors else Text("import.nothing_left_out")
    click.echo(
        say(
            lang,
            "import.done",
            made=made,
            records=Plural(records, imported.read),
            skipped=Plural("import.skipped", imported.skipped) if imported.skipped else "",
            where=where,
            verdict=verdict,
        ),
        err=True,
    )
    return 1 if imported.failed else 0
