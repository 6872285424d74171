"""`si-lint config`: the effective configuration, and where each value came from."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ..config import DEFAULT, ENVIRONMENT, Effective, resolve
from ..config.reading import shown
from ..i18n.messages import say
from ..report import one_line
from .shared import Command, default_lang, lang_option, run


def describe(effective: Effective, root: Path) -> str:
    """One line per key: the effective value and where it came from; folders relative to `root`."""
    settings = effective.settings
    lang = settings.lang

    def listing(values: Sequence[str]) -> str:
        return ", ".join(values) if values else say(lang, "config.show.none")

    rows = [
        (
            "paths",
            ", ".join(shown(Path(path), root) for path in effective.paths) or say(lang, "config.show.current_folder"),
        ),
        ("baseline", shown(Path(effective.baseline), root) if effective.baseline else say(lang, "config.show.none")),
        ("select", say(lang, "config.show.every_rule") if settings.select is None else listing(settings.select)),
        ("ignore", listing(settings.ignore)),
        ("extend-select", listing(settings.extend_select)),
        ("severity", listing([f"{code}={level}" for code, level in sorted(settings.severity.items())])),
        ("fail-on", settings.fail_on),
        ("preview", "true" if settings.preview else "false"),
        ("rules-dir", listing([shown(Path(folder), root) for folder in settings.rules_dirs])),
        ("products-dir", listing([shown(Path(folder), root) for folder in settings.products_dirs])),
        ("lang", settings.lang),
    ]
    for name, value in settings.options.items():
        rows.append((f"options.{name}", listing([str(v) for v in value]) if isinstance(value, list) else str(value)))
    rows = [(key, one_line(value)) for key, value in rows]  # values are the user's: one line each
    origin = {DEFAULT: say(lang, "config.show.default"), ENVIRONMENT: say(lang, "config.show.environment")}
    width = max(len(key) for key, _ in rows)
    value_width = min(max(len(value) for _, value in rows), 60)
    lines = [say(lang, "config.show.file", path=effective.path or say(lang, "config.show.no_file"))]
    lines.extend(
        f"{key.ljust(width)}  {value.ljust(value_width)}  "
        f"# {origin.get(effective.origins[key], effective.origins[key])}"
        for key, value in rows
    )
    return "\n".join(lines) + "\n"


@click.command("config", cls=Command, help="help.cmd.config")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), metavar="help.var.file", help="help.opt.config.show"
)
@lang_option
def command(config_path, lang):

    def body():
        here = Path.cwd().resolve()
        effective = resolve(
            {"lang": lang}, here / config_path if config_path else None, default_lang(), datetime.date.today(), here
        )
        click.echo(describe(effective, here), nl=False)
        return 0

    sys.exit(run(body, lang, config_path))
