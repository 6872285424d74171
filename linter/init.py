"""`si-lint init [DIR]`: a commented starter estate and config that lint clean, to begin from."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

# starter file (package data) -> where it goes in DIR
FILES = {"si-lint.yaml": ".si-lint.yaml", "estate.yaml": "estate/estate.yaml"}


def write_starter(folder: Path) -> list:
    """Write the starter files into `folder`; refuses to overwrite anything, before writing anything."""
    from .diagnostic import InputError

    targets = {name: folder / relative for name, relative in FILES.items()}
    existing = [str(path) for path in targets.values() if path.exists()]
    if existing:
        raise InputError(f"{', '.join(existing)}: already there; si-lint init writes only new files "
                         "(move them away or pick another folder)")
    starter = resources.files("si_lint").joinpath("starter")
    for name, path in targets.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(starter.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
        except OSError as error:
            raise InputError(f"{path}: cannot write ({error.strerror or error})") from None
    return list(targets.values())


@click.command("init")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def command(folder):
    """Write a starter estate (estate/estate.yaml) and config (.si-lint.yaml) in FOLDER (default: here)."""
    from .cli import _run

    def run():
        for path in write_starter(Path(folder)):
            click.echo(f"wrote {path}")
        # The config is looked for from the current folder, so the estate is linted from FOLDER.
        move = "" if Path(folder).resolve() == Path.cwd().resolve() else f"cd {folder} && "
        click.echo(f"Next: edit them, then run `{move}si-lint estate/`.")
        return 0

    sys.exit(_run(run))
