"""`si-lint import csv|backstage`: build a first estate from what the company already has."""

from __future__ import annotations

import sys

import click

from ..console import run, write_output
from ..diagnostic import InputError

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


@click.group("import", epilog=IMPORT_EXIT_CODES)
def import_group() -> None:
    """Turn an inventory (CSV) or a Backstage catalog into estate YAML to lint.

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
@click.option("--encoding", metavar="NAME",
              help="The file's encoding, e.g. utf-8 or cp1252 (default: detected: UTF-8 with or without BOM, "
                   "else Windows-1252).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]),
              help="The column delimiter (default: the one the header row uses most).")
def csv_command(inventory, mapping, suggest_mapping, output, encoding, delimiter):
    """Import the applications listed in INVENTORY, a CSV export of a spreadsheet."""
    from . import csv_import

    if delimiter == "tab":
        delimiter = "\t"

    def body():
        if suggest_mapping:
            if mapping:
                raise InputError("--suggest-mapping writes a mapping: do not give --mapping with it")
            text = csv_import.suggest_mapping(inventory, encoding, delimiter)
            write_output(text, output)
            return 0
        if not mapping:
            raise InputError("give the mapping with --mapping MAP.yaml, or write one to start from with "
                             "`si-lint import csv --suggest-mapping INVENTORY.csv`")
        imported = csv_import.import_csv(inventory, mapping, encoding, delimiter)
        return _finish(imported, output, "rows")

    sys.exit(run(body))


@import_group.command("backstage", epilog=IMPORT_EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", type=click.Path(), help=OUTPUT_HELP)
def backstage_command(paths, output):
    """Import the Backstage catalog descriptor files in PATHS (files or folders; Location targets are followed)."""
    from . import backstage

    def body():
        imported = backstage.import_backstage(paths)
        return _finish(imported, output, "catalog entities")

    sys.exit(run(body))


def _finish(imported, output, records: str) -> int:
    from . import writer

    for problem in imported.problems:
        click.echo(str(problem), err=True)
    if output is None:
        click.echo(writer.render(imported), nl=False)
        where = ""
    elif output.endswith((".yaml", ".yml")):
        writer.write_file(imported, output)
        where = f" into {output}"
    else:
        written = writer.write_directory(imported, output)
        where = f" into {len(written)} file{'s' * (len(written) != 1)} under {output}"
    errors = sum(1 for problem in imported.problems if problem.lost)
    counts = {}
    for entity in imported.entities:
        counts[entity.section] = counts.get(entity.section, 0) + 1
    made = ", ".join(f"{number} {_WORDS[section][number != 1]}" for section, number in counts.items()) or "nothing"
    skipped = f", {imported.skipped} skipped" if imported.skipped else ""
    verdict = f"{errors} problem{'s' * (errors != 1)} reported above" if errors else "nothing left out"
    click.echo(f"si-lint: imported {made} from {imported.read} {records}{skipped}{where}; {verdict}", err=True)
    return 1 if imported.failed else 0


_WORDS = {
    "applications": ("application", "applications"), "data_stores": ("data store", "data stores"),
    "infrastructure": ("infrastructure component", "infrastructure components"),
}


