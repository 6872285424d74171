"""`si-lint init [DIR]`: a commented starter estate and config that lint clean, to begin from."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import click

from ..i18n.messages import Text, say
from ..load.loader import CONFIG_FILE_NAMES
from ..rules.diagnostic import InputError
from .shared import Command, lang_in_force, lang_option, run

# starter file (package data) -> where it goes in DIR; each has a French twin, NAME.fr.yaml, whose config
# sets `lang: fr`, so that a French team's runs, hooks and CI speak French whatever each machine's LANG.
FILES = {"si-lint.yaml": CONFIG_FILE_NAMES[0], "estate.yaml": "estate/estate.yaml"}
# The estate's JSON Schema, described in the user's language, where the starter's modeline points.
SCHEMA = ".si-lint/estate.schema.json"


def write_starter(folder: Path, lang: str = "en") -> list:
    """Write the starter files, in `lang`, into `folder`, refusing, before writing anything, whatever would be
    overwritten.

    A dangling symlink counts as there, and files are created without following
    links, so init never writes outside `folder`.
    """
    targets = {name: folder / relative for name, relative in FILES.items()}
    targets[SCHEMA] = folder / SCHEMA
    blocked = [str(path) for path in targets.values() if os.path.lexists(path)]
    blocked += [
        str(parent)
        for path in targets.values()
        for parent in _parents_below(path, folder)
        if os.path.lexists(parent) and not (parent.is_dir() and not parent.is_symlink())
    ]
    if blocked:
        raise InputError(Text("init.already_there", paths=", ".join(dict.fromkeys(blocked))))
    starter = resources.files("si_lint").joinpath("starter")
    # Every content is ready before the first file is written: a failure leaves nothing half-done.
    contents = {
        name: _schema(lang) if name == SCHEMA else starter.joinpath(_in(name, lang)).read_text(encoding="utf-8")
        for name in targets
    }
    for name, path in targets.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as handle:
                handle.write(contents[name])
        except OSError as error:
            raise InputError(Text("cli.cannot_write", path=str(path), reason=error.strerror or str(error))) from None
    return list(targets.values())


def _in(name: str, lang: str) -> str:
    """The starter file written in `lang`: estate.yaml in English, estate.fr.yaml in French."""
    return name if lang == "en" else name.replace(".yaml", f".{lang}.yaml")


def _schema(lang: str) -> str:
    import json

    from ..validate.schema import described_schema

    return json.dumps(described_schema(lang), indent=2, ensure_ascii=False) + "\n"


def _parents_below(path: Path, folder: Path) -> list:
    """The folders between `folder` and `path` (estate/ for estate/estate.yaml)."""
    return [parent for parent in path.parents if parent != folder and folder in parent.parents]


@click.command("init", cls=Command, help="help.cmd.init")
@click.argument("folder", default=".", type=click.Path(file_okay=False), metavar="help.var.folder")
@lang_option
def command(folder, lang):
    language = lang_in_force(lang)

    def body():
        for path in write_starter(Path(folder), language):
            click.echo(say(language, "init.wrote", path=str(path)))
        # The config is looked for from the current folder, so the estate is linted from FOLDER.
        move = "" if Path(folder).resolve() == Path.cwd().resolve() else f"cd {folder} && "
        click.echo(say(language, "init.next", command=f"{move}si-lint"))
        return 0

    sys.exit(run(body, lang))
