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

import click

from .diagnostic import InputError
from .messages import LANGUAGES, Text, say


def default_lang() -> str:
    """The language the environment asks for (LC_ALL, LC_MESSAGES, LANG): French or, by default, English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Language of messages (default: from the config, else LANG).")


def parse_today(ctx, param, value):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say(default_lang(), "cli.bad_date", value=repr(value))) from None


def run(function, lang=None):
    """Run a command's body: input problems are exit 2 with a message, bugs exit 3, never a traceback.

    `lang` is the language of the error messages: the --lang flag when given, else the environment's.
    """
    lang = lang or default_lang()
    try:
        return function()
    except InputError as error:
        _error(error.render(lang))
        sys.exit(2)
    except (click.exceptions.Exit, click.ClickException, SystemExit):
        raise
    except MemoryError:
        _error(say(lang, "cli.out_of_memory"))
        sys.exit(2)
    except Exception as error:  # noqa: BLE001 - last line of defence: no traceback for users
        if isinstance(error, OSError) and error.errno in _WRITE_ERRNOS:
            # Any command's output, help included, and not only the reports that go through
            # write_output: files si-lint reads or writes turn their own errors into InputError.
            _silence_stdout()  # or the interpreter's last flush fails again
            _error(say(lang, "cli.stdout_failed", reason=error.strerror or str(error)))
            sys.exit(2)
        _error(say(lang, "cli.internal_error", error=f"{type(error).__name__}: {error}"), prefix=False)
        sys.exit(3)


# What writing to a full disk or a broken device gives.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor behind it (tests, embedding)
        pass


def _error(message: str, prefix: bool = True) -> None:
    from .reporters import one_line  # an error quotes the user's values: one line, as findings are

    message = one_line(message)
    try:
        click.echo(f"si-lint: error: {message}" if prefix else f"si-lint: {message}", err=True)
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
