"""What every command shares: the language, the date option, running safely, writing the output.

Kept apart from `cli.py` so that the subcommands defined in their own modules
(`config`, `init`, `diff`, `import`) use it without importing the command
line itself.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar, Union

import click

from ..i18n.messages import LANGUAGES, Text, render, say
from ..rules.diagnostic import InputError

if TYPE_CHECKING:
    from ..project import Project

_Result = TypeVar("_Result")
_Function = TypeVar("_Function", bound=Callable[..., Any])


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
    from ..config.discovery import discover
    from ..config.reading import read_config

    try:
        here = Path.cwd().resolve()
        path = here / config_path if config_path else discover(here)
        if path is None or not path.is_file():
            return None
        lang = read_config(path, here).values.get("lang")
    except (InputError, OSError):  # the run itself reports a bad file, in the language it can find
        return None
    return lang if lang in LANGUAGES else None


lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="help.opt.lang")


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


HELP_LANG = "si_lint.help_lang"  # ctx.meta: the language --help is being shown in


class Localized(click.Command):
    """A command whose --help speaks the user's language (--lang, else the config's, else LANG's).

    Its help, epilog, options' help and metavars are keys of the word catalogues
    (`help.*`), put into words while the help is shown; click's own words (the
    usage line, the section titles, the help option) are replaced the same way.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "help.usage.options")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> Optional[click.Option]:
        option = super().get_help_option(ctx)  # click keeps one: its help becomes the key once
        if option is not None and not getattr(option, "keyed", False):
            option.help = "help.opt.help"
            option.keyed = True  # type: ignore[attr-defined]  # our mark on click's object: keyed already
        return option

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ctx.meta[HELP_LANG] = help_lang(ctx)
        with _in_words(self, ctx, lang):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_text(usage_line(ctx, ctx.meta.get(HELP_LANG) or help_lang(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ctx.meta.get(HELP_LANG) or help_lang(ctx)
        # Options only: the usage line names the arguments, and the help text says what they are.
        records = [
            record
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and (record := param.get_help_record(ctx)) is not None
        ]
        _section(formatter, say(lang, "help.section.options"), records)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if only_help(args):  # `si-lint import --help --lang fr`: help_lang reads the language as written
            args = [word for word in args if word in HELP_OPTIONS]
        return super().parse_args(ctx, args)


HELP_OPTIONS = ("-h", "--help")


def only_help(args: Sequence[str]) -> bool:
    """Whether the words ask for help and say nothing else but its language or config file."""
    words = iter(args)
    asked = False
    for word in words:
        if word in HELP_OPTIONS:
            asked = True
        elif word in ("--lang", "--config"):
            next(words, None)
        elif not word.startswith(("--lang=", "--config=")):
            return False
    return asked


def _section(formatter: click.HelpFormatter, heading: str, rows: list[tuple[str, str]]) -> None:
    """A titled list, its title as the catalogue writes it (« Options : » in French, where click adds ':')."""
    if rows:
        formatter.write_paragraph()
        formatter.write_text(heading)
        formatter.indent()
        try:
            formatter.write_dl(rows)
        finally:
            formatter.dedent()


def usage_line(ctx: click.Context, lang: str) -> str:
    """`Usage: si-lint check [OPTIONS] [PATHS]...`, in `lang`: for --help and for usage errors."""
    with _in_words(ctx.command, ctx, lang):
        return say(lang, "usage.usage", command=" ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)]))


def argument_name(argument: click.Argument) -> Union[Text, str]:
    """How messages name an argument: its metavar in the catalogue (CODE, « CHEMINS »), as the usage line does."""
    metavar = argument.metavar
    return Text(metavar) if isinstance(metavar, str) and metavar.startswith("help.") else argument.human_readable_name


def help_lang(ctx: click.Context) -> str:
    """The language of --help: --lang and --config are read from the command line as written, since
    --help is answered before the other options are."""
    args = ctx.find_root().meta.get(ARGV, [])

    def value(name: str) -> Optional[str]:
        for position, word in enumerate(args):
            if word == name and position + 1 < len(args):
                return args[position + 1]
            if word.startswith(name + "="):
                return word[len(name) + 1 :]
        return None

    named = value("--lang")
    return lang_in_force(named if named in LANGUAGES else None, value("--config"))


@contextlib.contextmanager
def _in_words(command: click.Command, ctx: click.Context, lang: str) -> Iterator[None]:
    """The command's help texts and metavars put into words in `lang` for a while, then its keys back."""
    saved: list[tuple[object, str, str]] = []

    def word(owner: object, attribute: str, words: Callable[[str], str]) -> None:
        key = getattr(owner, attribute, None)
        if isinstance(key, str) and key.startswith("help."):
            saved.append((owner, attribute, key))
            setattr(owner, attribute, words(key))

    for attribute in ("help", "epilog", "short_help"):
        word(command, attribute, lambda key: say(lang, key))
    word(command, "options_metavar", lambda key: say(lang, key))
    word(command, "subcommand_metavar", lambda key: say(lang, key))
    for param in command.get_params(ctx):
        word(param, "help", lambda key: say(lang, key))
        if isinstance(param, click.Argument):
            # click dresses an argument's name ([PATHS]...) but shows a metavar as it is: dressed here.
            word(param, "metavar", functools.partial(_dressed, param, ctx, lang))
        else:
            word(param, "metavar", lambda key: say(lang, key))
    try:
        yield
    finally:
        for owner, attribute, key in saved:
            setattr(owner, attribute, key)


def _dressed(argument: click.Argument, ctx: click.Context, lang: str, key: str) -> str:
    words = say(lang, key)
    argument.metavar = None
    try:
        return argument.make_metavar(ctx).replace(str(argument.name).upper(), words)
    finally:
        argument.metavar = key


class Command(Localized, click.Command):
    pass


class Group(Localized, click.Group):
    """A group that notes the subcommand it starts, and that command's arguments, in `ctx.meta`.

    Click gives some usage errors no context (an option missing its value), and
    none gives the arguments; `usage.worded` needs both to name the command and
    the value in its message.
    """

    command_class = Command
    group_class = type  # a group's groups are of its own class

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "help.usage.command")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ctx.meta.get(HELP_LANG) or help_lang(ctx)
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in found if command is not None and not command.hidden]
        limit = formatter.width - 6 - max((len(name) for name, _ in commands), default=0)  # as click does
        rows = []
        for name, command in commands:
            with _in_words(command, ctx, lang):
                rows.append((name, command.get_short_help_str(limit)))
        _section(formatter, say(lang, "help.section.commands"), rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[Optional[str], Optional[click.Command], list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta[STARTING] = (name, command, ctx, list(rest))
        return name, command, rest


def parse_today(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[datetime.date]:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Misuse(Text("cli.bad_date", value=Text("word.quoted", value=value))) from None


def run(function: Callable[[], _Result], lang: Optional[str] = None, config_path: Optional[str] = None) -> _Result:
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
    except Exception as error:  # last line of defence: no traceback for users
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
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file descriptor behind it (tests, embedding)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _error(message: str, lang: str, prefix: bool = True) -> None:
    from ..report import one_line  # the user's values quoted in an error show their control characters escaped

    message = "\n".join(one_line(line) for line in message.split("\n"))  # a list of problems keeps its lines
    with contextlib.suppress(OSError):  # standard error closed: nothing more can be said
        click.echo(f"si-lint: {say(lang, 'cli.error', message=message)}" if prefix else f"si-lint: {message}", err=True)


def write_output(text: str, output: Optional[str]) -> None:
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


def codes(value: Optional[str]) -> Optional[tuple[str, ...]]:
    """The codes of a --select/--ignore flag; None when the flag is not given (an empty one selects nothing)."""
    if value is None:
        return None
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def lint_options(function: _Function) -> _Function:
    """What chooses the rules of a run, as `check` takes it: language, rule folders, selection, config file."""
    options = [
        lang_option,
        click.option(
            "--rules-dir",
            "rules_dirs",
            multiple=True,
            type=click.Path(),
            metavar="help.var.folder",
            help="help.opt.rules_dir",
        ),
        click.option(
            "--products-dir",
            "products_dirs",
            multiple=True,
            type=click.Path(),
            metavar="help.var.folder",
            help="help.opt.products_dir",
        ),
        click.option("--preview", is_flag=True, default=None, help="help.opt.preview"),
        click.option("--select", default=None, metavar="help.var.codes", help="help.opt.select"),
        click.option("--ignore", default=None, metavar="help.var.codes", help="help.opt.ignore"),
        click.option(
            "--config", "config_path", type=click.Path(dir_okay=False), metavar="help.var.file", help="help.opt.config"
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def csv_delimiter_option(function: _Function) -> _Function:
    """--csv-delimiter, for the commands that write csv."""
    return click.option(
        "--csv-delimiter", type=click.Choice([",", ";", "tab"]), default=None, help="help.opt.csv_delimiter"
    )(function)


def delimiter(value: Optional[str], format_name: str) -> str:
    """The csv column separator chosen; refused with another format, where it would silently do nothing."""
    if value is not None and format_name != "csv":
        raise InputError(Text("csv.delimiter_without_csv"))
    return "\t" if value == "tab" else value or ","


def open_project(
    lang: Optional[str],
    rules_dirs: Sequence[str],
    products_dirs: Sequence[str],
    preview: Optional[bool],
    select: Optional[str],
    ignore: Optional[str],
    config_path: Optional[str],
    today: Optional[datetime.date],
    **more_flags: Any,
) -> Project:
    """The Project of the folder the command is run in, the `lint_options` over its config file (InputError if bad).

    `more_flags`: config keys that only some commands take as flags (`fail-on` for check).
    """
    from ..project import Project

    here = Path.cwd().resolve()  # the command line is the one place that reads the current folder
    # Folders given as flags stay as written, relative to here: messages name their files as the user wrote them.
    flags = {
        "lang": lang,
        "rules-dir": tuple(rules_dirs) or None,
        "products-dir": tuple(products_dirs) or None,
        "preview": preview,
        "select": codes(select),
        "ignore": codes(ignore),
        **more_flags,
    }
    return Project.from_root(here, flags, here / config_path if config_path else None, default_lang(), today)
