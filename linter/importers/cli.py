"""`si-lint import csv|backstage`: build a first estate from what the company already has."""

from __future__ import annotations

import sys

import click

from ..console import Group, lang_option, lang_in_force, run, write_output
from ..diagnostic import InputError
from ..messages import Listing, Plural, Text, say

IMPORT_EXIT_CODES = """\b
Exit codes:
  0  everything the source says was imported
  1  written, but some rows, cells, entities or references could not be
     imported: each is reported on stderr with its place
  2  usage error, unreadable input or bad mapping (nothing written)
  3  internal error (a bug in si-lint: please report it)
"""

OUTPUT_HELP = ("Where the estate goes: a FOLDER (new or empty; one file per application), a FILE ending in .yaml/.yml, "
               "or standard output when not given.")


@click.group("import", cls=Group, epilog=IMPORT_EXIT_CODES)
def import_group() -> None:
    """Turn an inventory (.csv, .xlsx, .ods) or a Backstage catalog into estate YAML to lint.

    \b
    si-lint import csv --suggest-mapping inventory.csv > mapping.yaml
    si-lint import csv inventory.csv --mapping mapping.yaml --output estate/
    si-lint import backstage catalog-info.yaml --output estate/
    si-lint estate/
    """


@import_group.command("csv", epilog=IMPORT_EXIT_CODES)
@click.argument("inventory", type=click.Path(dir_okay=False))
@click.option("--mapping", "-m", type=click.Path(dir_okay=False), metavar="MAP.yaml",
              help="Which column feeds which field, and how values translate (see docs/import.md).")
@click.option("--suggest-mapping", is_flag=True,
              help="Write a starting mapping from the header row and the values seen, instead of importing.")
@click.option("--output", "-o", type=click.Path(), help=OUTPUT_HELP)
@click.option("--sheet", metavar="NAME",
              help="The sheet of a workbook (.xlsx, .ods) to read (default: the first visible one).")
@click.option("--encoding", metavar="NAME",
              help="The CSV file's encoding, e.g. utf-8 or cp1252 (default: detected: UTF-8 with or without BOM, "
                   "else Windows-1252).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]),
              help="The CSV column delimiter (default: the one the header row uses most).")
@lang_option
def csv_command(inventory, mapping, suggest_mapping, output, sheet, encoding, delimiter, lang):
    """Import the applications listed in INVENTORY: a CSV export of a spreadsheet, or the workbook itself
    (.xlsx, .ods)."""
    from . import csv_import

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


@import_group.command("backstage", epilog=IMPORT_EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", type=click.Path(), help=OUTPUT_HELP)
@lang_option
def backstage_command(paths, output, lang):
    """Import the Backstage catalog descriptor files in PATHS (files or folders; Location targets inside their
    folders are followed)."""
    from . import backstage

    language = lang_in_force(lang)

    def body():
        imported = backstage.import_backstage(paths)
        return _finish(imported, output, "import.catalog_entities", language)

    sys.exit(run(body, language))


def _finish(imported, output, records: str, lang: str) -> int:
    from . import writer

    for problem in imported.problems:
        click.echo(problem.render(lang), err=True)
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
    counts = {}
    for entity in imported.entities:
        counts[entity.section] = counts.get(entity.section, 0) + 1
    made = Listing(Plural("import.made." + section, number) for section, number in counts.items()) if counts else \
        Text("import.made.nothing")
    verdict = Plural("import.problems_above", errors) if errors else Text("import.nothing_left_out")
    click.echo(say(lang, "import.done", made=made, records=Plural(records, imported.read),
                   skipped=Plural("import.skipped", imported.skipped) if imported.skipped else "", where=where,
                   verdict=verdict), err=True)
    return 1 if imported.failed else 0
