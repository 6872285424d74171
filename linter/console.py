"""What every command shares: the language, the date option, running safely, writing the output.

Kept apart from `cli.py` so that the subcommands defined in their own modules
(`config`, `init`, `diff`, `import`) use it without importing the command
line itself.
"""

from __future__ import annotations

import datetime
import errno
import os
import sys
from pathlib import Path
from typing import Optional

import click

from .diagnostic import InputError
from .messages import LANGUAGES, Text, render, say


def default_lang() -> str:
    """The language the environment asks for (LC_ALL, LC_MESSAGES, LANG): French or, by default, English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def lang_in_force(lang: Optional[str] = None, config_path: Optional[str] = None) -> str:
    """The language of a command's words: --lang, else the config file's `lang`, else the environment's."""
    return lang or config_lang(config_path) or default_lang()


def config_lang(config_path: Optional[str]) -> Optional[str]:
    """The `lang` of the config file named, or found as a run would find it; None if none says, or if unreadable."""
    from .config.discovery import discover
    from .config.reading import read_config

    try:
        path = Path(config_path) if config_path else discover(Path.cwd())
        if path is None or not path.is_file():
            return None
        lang = read_config(path).values.get("lang")
    except (InputError, OSError):  # the run itself reports a bad file, in the language it can find
        return None
    return lang if lang in LANGUAGES else None


lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Language of messages (default: from the config, else LANG).")


class Misuse(click.BadParameter):
    """A usage error si-lint words itself: a `Text`, put into words in the run's language when it is shown.

    A BadParameter, so that click names the option when a callback raises it;
    its English words stand as click's message for whoever shows it bare.
    """

    def __init__(self, text: Text) -> None:
        super().__init__(render("en", text))
        self.text = text


STARTING = "si_lint.starting"  # ctx.meta: (name, command, parent context, its arguments) of the last subcommand
ARGV = "si_lint.argv"  # ctx.meta: the command line, as the user wrote it


class Group(click.Group):
    """A group that notes the subcommand it starts, and that command's arguments, in `ctx.meta`.

    Click gives some usage errors no context (an option missing its value), and
    none gives the arguments; `usage.worded` needs both to name the command and
    the value in its message.
    """

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta[STARTING] = (name, command, ctx, list(rest))
        return name, command, rest


def parse_today(ctx, param, value):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Misuse(Text("cli.bad_date", value=Text("word.quoted", value=value))) from None


def run(function, lang=None, config_path=None):
    """Run a command's body: input problems are exit 2 with a message, bugs exit 3, never a traceback.

    The error messages are in `lang_in_force(lang, config_path)`, worked out only when there is one to say.
    """
    try:
        return function()
    except InputError as error:
        lang = lang_in_force(lang, config_path)
        _error(error.render(lang), lang)
        sys.exit(2)
    except (click.exceptions.Exit, click.ClickException, SystemExit):
        raise
    except MemoryError:
        lang = lang_in_force(lang, config_path)
        _error(say(lang, "cli.out_of_memory"), lang)
        sys.exit(2)
    except Exception as error:  # noqa: BLE001 - last line of defence: no traceback for users
        lang = lang_in_force(lang, config_path)
        if isinstance(error, OSError) and error.errno in _WRITE_ERRNOS:
            # Any command's output, help included, and not only the reports that go through
            # write_output: files si-lint reads or writes turn their own errors into InputError.
            _silence_stdout()  # or the interpreter's last flush fails again
            _error(say(lang, "cli.stdout_failed", reason=error.strerror or str(error)), lang)
            sys.exit(2)
        _error(say(lang, "cli.internal_error", error=f"{type(error).__name__}: {error}"), lang, prefix=False)
        sys.exit(3)


# What writing to a full disk or a broken device gives.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor behind it (tests, embedding)
        pass


def _error(message: str, lang: str, prefix: bool = True) -> None:
    from .reporters import one_line  # the user's values quoted in an error show their control characters escaped

    message = "\n".join(one_line(line) for line in message.split("\n"))  # a list of problems keeps its lines
    try:
        click.echo(f"si-lint: {say(lang, 'cli.error', message=message)}" if prefix else f"si-lint: {message}", err=True)
    except OSError:  # standard error closed: nothing more can be said
        pass


def write_output(text: str, output) -> None:
    """Print `text`, or write it to the file `output`; output that cannot be written is exit 2."""
    if output is None:
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:  # `si-lint ... | head`: the reader has what it wanted
            _silence_stdout()
        except OSError as error:  # a full disk (> /dev/full)
            raise InputError(Text("cli.stdout_failed", reason=error.strerror or str(error))) from None
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(Text("cli.cannot_write", path=output, reason=error.strerror or str(error))) from None


# --- the options of a lint run, shared by `check`, `plan` and `history` -------------------

def codes(value):
    """The codes of a --select/--ignore flag; None when the flag is not given (an empty one selects nothing)."""
    if value is None:
        return None
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def lint_options(function):
    """What chooses the rules of a run, as `check` takes it: language, rule folders, selection, config file."""
    options = [
        lang_option,
        click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(),
                     help="Folder of custom rule files (repeatable)."),
        click.option("--products-dir", "products_dirs", multiple=True, type=click.Path(),
                     help="Folder of your own product catalogue entries (repeatable; docs/products.md)."),
        click.option("--preview", is_flag=True, default=None,
                     help="Also run the rules in preview (`si-lint rules` shows each rule's status)."),
        click.option("--select", default=None, metavar="CODES",
                     help="Comma-separated codes or prefixes to run (default: all)."),
        click.option("--ignore", default=None, metavar="CODES", help="Comma-separated codes or prefixes not to run."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Config file to read (default: .si-lint.yaml, si-lint.yaml or pyproject.toml "
                          "[tool.si-lint], looked for from here up to the repository root)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def csv_delimiter_option(function):
    """--csv-delimiter, for the commands that write csv."""
    return click.option("--csv-delimiter", type=click.Choice([",", ";", "tab"]), default=None,
                        help="With --format csv: the column separator (default ','; ';' for Excel in French).")(function)


def delimiter(value, format_name: str) -> str:
    """The csv column separator chosen; refused with another format, where it would silently do nothing."""
    if value is not None and format_name != "csv":
        raise InputError(Text("csv.delimiter_without_csv"))
    return "\t" if value == "tab" else value or ","


def resolve(lang, rules_dirs, products_dirs, preview, select, ignore, config_path, today):
    """The settings and catalogue of a run from the `lint_options`, over the config file (InputError if bad)."""
    from . import config

    flags = {"lang": lang, "rules-dir": tuple(rules_dirs) or None, "products-dir": tuple(products_dirs) or None,
             "preview": preview, "select": codes(select), "ignore": codes(ignore)}
    return config.resolve(flags, config_path, default_lang(), today or datetime.date.today())
