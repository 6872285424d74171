"""Usage errors in the user's language: what is wrong with the command line, and how to write it instead.

Click words its usage errors in English only, and its wording changes between
versions; so they are worded here from what each exception carries (its type,
the option's name, the parameter and the parameter's type: `Choice.choices`,
`IntRange.min`), never from click's text. The one exception is an error this
module cannot classify (a kind of usage error a later click adds): English
then shows click's own message, more precise than any generic sentence, and
French a generic sentence naming the command.

The language has to be known although the command line was not understood:
--lang as written, else the config file's `lang`, else the environment's.

Imported only when a command line is refused, so the runs that parse do not
pay for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Optional, Union

import click

from ..i18n.messages import LANGUAGES, Listing, Text, hint, render, say
from .shared import ARGV, STARTING, Misuse, argument_name, lang_in_force, usage_line

# Shows the help rather than an error (`si-lint import` alone); recent versions of click only.
_SHOWS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())
# Typed since click 8.4; before, an unknown subcommand is a plain UsageError (handled below as well).
_NO_SUCH_COMMAND = getattr(click.exceptions, "NoSuchCommand", ())


class Worded(click.UsageError):
    """A usage error put into words: the usage line, where to find help, then the message; exit code 2."""

    def __init__(self, message: str, usage: list[str], ctx: Optional[click.Context] = None) -> None:
        super().__init__(message, ctx)
        self.usage = usage

    def show(self, file: Optional[IO[Any]] = None) -> None:
        for line in [*self.usage, self.message]:
            click.echo(line, file=file, err=True)


def worded(error: click.UsageError, root: click.Context) -> click.UsageError:
    """`error` put into words; `root` is the top command's context, with the command line in its `meta`."""
    if isinstance(error, (Worded, _SHOWS_HELP)):
        return error
    lang = language(root.meta.get(ARGV, []))
    ctx, args = _failing(error, root)
    problem = _problem(error, ctx, args, lang)
    said: Union[Text, str]
    if problem is not None:
        said = problem
    else:
        said = error.format_message() if lang == "en" else Text("usage.unclassified", command=ctx.command_path)
    message = f"si-lint: {say(lang, 'cli.error', message=render(lang, said))}"
    return Worded(message, _usage(ctx, lang), error.ctx)


def language(argv: list[str]) -> str:
    """The language of the messages: --lang as written, else the config file's, else the environment's."""
    written = _last_value(argv, "--lang")
    if written in LANGUAGES:
        return written
    return lang_in_force(None, _last_value(argv, "--config"))


def _last_value(argv: list[str], flag: str) -> Optional[str]:
    """The value of the last `flag VALUE` or `flag=VALUE` on the command line (click keeps the last one)."""
    value = None
    for position, token in enumerate(argv):
        if token == "--":
            break
        if token == flag and position + 1 < len(argv):
            value = argv[position + 1]
        elif token.startswith(flag + "="):
            value = token[len(flag) + 1 :]
    return value


def _failing(error: click.UsageError, root: click.Context) -> tuple[click.Context, list[str]]:
    """The context of the command whose line is wrong, and that command's own arguments."""
    starting = root.meta.get(STARTING)
    ctx = error.ctx
    if ctx is None:  # click gives none to an option missing its value: the subcommand being started
        ctx = click.Context(starting[1], info_name=starting[0], parent=starting[2]) if starting else root
    if starting is not None and starting[1] is ctx.command:
        return ctx, starting[3]
    return ctx, root.meta.get(ARGV, [])


def _problem(error: click.UsageError, ctx: click.Context, args: list[str], lang: str) -> Optional[Text]:
    """What is wrong, as a Text; None when the error is of a kind not known here (worded generically)."""
    command = ctx.command
    if isinstance(error, Misuse):
        return _about(command, error.param, args, error.text) if error.param is not None else error.text
    if isinstance(error, click.NoSuchOption):
        close = error.possibilities[0] if error.possibilities else None
        return Text(
            "usage.no_such_option",
            option=Text("word.quoted", value=error.option_name),
            hint=Text("word.did_you_mean", close=close) if close else "",
        )
    if isinstance(error, _NO_SUCH_COMMAND):
        return _no_such_command(error.command_name, ctx)
    if isinstance(error, click.BadOptionUsage):
        return _option_usage(command, error.option_name)
    if isinstance(error, click.MissingParameter):
        return _missing(error.param)
    if isinstance(error, click.BadParameter):
        return _bad_value(command, error.param, args, lang) if error.param is not None else None
    if type(error) is click.UsageError:  # click words these inline: told apart by the command and its arguments
        words = _positionals(command, args)
        if isinstance(command, click.Group):
            return (
                _no_such_command(words[0], ctx)
                if words
                else Text("usage.missing_command", group=ctx.command_path, commands=_commands(ctx, "or"))
            )
        return _extra_arguments(command, words, ctx.command_path)
    return None


def _about(command: click.Command, param: click.Parameter, args: list[str], problem: Text) -> Text:
    """`--option: problem`, the option spelt as the user wrote it."""
    name, _ = _given(command, param, args)
    return Text("usage.option", option=name, problem=problem)


def _bad_value(command: click.Command, param: click.Parameter, args: list[str], lang: str) -> Optional[Text]:
    """A value its parameter's type refuses: not one of the choices, out of range, not the path expected.

    A type not known here is worded generically in French, by click in English (None).
    """
    name, value = _given(command, param, args)
    shown = Text("word.quoted", value=value) if value is not None else Text("usage.the_value")
    kind = param.type
    problem: Optional[Text]
    if isinstance(kind, click.Choice):
        choices = [str(choice) for choice in kind.choices]
        problem = Text(
            "usage.not_one_of",
            value=shown,
            choices=_quoted(choices),
            hint=hint(value, choices) if value is not None else "",
        )
    elif isinstance(kind, click.IntRange):
        problem = Text("usage.not_expected", value=shown, expected=_whole(kind))
    elif isinstance(kind, click.Path) and value is not None:
        problem = _path_problem(kind, value, shown)
    else:
        problem = None
    if problem is None:
        if lang == "en":
            return None
        problem = Text("usage.bad_value", value=shown)
    return Text("usage.option", option=name, problem=problem)


def _whole(kind: click.IntRange) -> Text:
    """What an IntRange takes: a whole number, at least, at most or between its bounds."""
    low = None if kind.min is None else kind.min + 1 if kind.min_open else kind.min
    high = None if kind.max is None else kind.max - 1 if kind.max_open else kind.max
    if low is not None and high is not None:
        return Text("usage.whole_between", low=low, high=high)
    if low is not None:
        return Text("usage.whole_at_least", bound=low)
    if high is not None:
        return Text("usage.whole_at_most", bound=high)
    return Text("word.whole")


def _path_problem(kind: click.Path, value: str, shown: Text) -> Optional[Text]:
    """Why click.Path refused `value`, found again from its settings and the file itself."""
    if not os.path.exists(value):
        return Text("usage.path_missing", value=shown) if kind.exists else None
    folder = os.path.isdir(value)
    if folder and not kind.dir_okay:
        return Text("usage.path_is_folder", value=shown)
    if not folder and not kind.file_okay:
        return Text("usage.path_is_file", value=shown)
    if kind.readable and not os.access(value, os.R_OK):
        return Text("usage.path_unreadable", value=shown)
    if kind.writable and not os.access(value, os.W_OK):
        return Text("usage.path_unwritable", value=shown)
    return None


def _option_usage(command: click.Command, option: str) -> Optional[Text]:
    """An option written without the value it needs, or a flag given a value (`--preview=yes`)."""
    param = next((p for p in command.params if isinstance(p, click.Option) and option in _spellings(p)), None)
    if param is None:
        return None
    if not _takes_value(param):
        return Text("usage.takes_no_value", option=option)
    if isinstance(param.type, click.Choice):
        return Text("usage.needs_choice", option=option, choices=_quoted(str(c) for c in param.type.choices))
    return Text("usage.needs_value", option=option)


def _missing(param: Optional[click.Parameter]) -> Optional[Text]:
    if isinstance(param, click.Argument):
        return Text("usage.missing_argument", name=argument_name(param))
    if isinstance(param, click.Option):
        return Text("usage.missing_option", name=_longest(param))
    return None


def _no_such_command(name: str, ctx: click.Context) -> Text:
    commands = _group(ctx).list_commands(ctx)
    return Text(
        "usage.no_such_command",
        command=Text("word.quoted", value=name),
        hint=hint(name, commands),
        commands=_commands(ctx, "and"),
    )


def _commands(ctx: click.Context, conjunction: str) -> Listing:
    return Listing(_group(ctx).list_commands(ctx), conjunction)


def _group(ctx: click.Context) -> click.Group:
    """The group of a context whose command line names (or lacks) a subcommand."""
    assert isinstance(ctx.command, click.Group)  # only a group's line names a command
    return ctx.command


def _extra_arguments(command: click.Command, words: list[str], command_path: str) -> Optional[Text]:
    """Positional arguments beyond those the command takes (`si-lint explain ACC001 ACC002`)."""
    arguments = [param for param in command.params if isinstance(param, click.Argument)]
    if any(argument.nargs < 0 for argument in arguments):
        return None  # takes any number: never too many
    extra = words[sum(argument.nargs for argument in arguments) :]
    if not extra:
        return None
    found = Text("usage.extra." + ("one" if len(extra) == 1 else "other"), values=_quoted(extra, ""))
    takes = (
        Text(
            "usage.takes",
            command=command_path,
            arguments=Listing((argument_name(argument) for argument in arguments), "and"),
        )
        if arguments
        else Text("usage.takes_none", command=command_path)
    )
    return Text("usage.extra_arguments", found=found, takes=takes)


def _quoted(values: Iterable[str], conjunction: str = "or") -> Listing:
    return Listing((Text("word.quoted", value=value) for value in values), conjunction)


# --- reading the command line again, for what click's errors do not carry -------------------------
# Options are matched as click matches them in the common cases: `--opt VALUE`, `--opt=VALUE`, `-oVALUE`;
# what this misreads in a rare case only changes which value a message quotes.


def _spellings(param: click.Option) -> list[str]:
    return [*param.opts, *param.secondary_opts]


def _longest(param: click.Option) -> str:
    return max(param.opts, key=len)


def _takes_value(param: click.Option) -> bool:
    return not (param.is_flag or param.count)


def _tokens(
    command: click.Command, args: list[str]
) -> Iterator[tuple[Optional[click.Option], Optional[str], Optional[str]]]:
    """(option, spelling, value) for each option written, (None, None, word) for each positional word."""
    options = {
        spelling: param for param in command.params if isinstance(param, click.Option) for spelling in _spellings(param)
    }
    rest = iter(args)
    for token in rest:
        if token == "--":
            yield from ((None, None, word) for word in rest)
            return
        if not token.startswith("-") or token == "-":
            yield None, None, token
            continue
        spelling, equals, attached = token.partition("=") if token.startswith("--") else (token[:2], "", token[2:])
        param = options.get(spelling)
        if param is None or not _takes_value(param):
            yield param, spelling, None
        else:
            yield param, spelling, attached if equals or attached else next(rest, None)


def _given(command: click.Command, param: click.Parameter, args: list[str]) -> tuple[Union[Text, str], Optional[str]]:
    """The parameter as the user wrote it (`-n` or `--max-count`; an argument's name) and its last value."""
    if isinstance(param, click.Argument):
        return argument_name(param), _argument_value(command, param, _positionals(command, args))
    assert isinstance(param, click.Option)  # click's parameters are arguments or options
    given = [
        (spelling, value)
        for option, spelling, value in _tokens(command, args)
        if option is param and spelling is not None
    ]  # an option found is always spelt
    return given[-1] if given else (_longest(param), None)


def _positionals(command: click.Command, args: list[str]) -> list[str]:
    return [word for option, spelling, word in _tokens(command, args) if spelling is None and word is not None]


def _argument_value(command: click.Command, param: click.Argument, words: list[str]) -> Optional[str]:
    """The word the argument took, when the arguments before it take one word each."""
    position = 0
    for argument in (p for p in command.params if isinstance(p, click.Argument)):
        if argument is param:
            return words[position] if param.nargs == 1 and position < len(words) else None
        if argument.nargs < 0:
            return None
        position += argument.nargs
    return None


def _usage(ctx: click.Context, lang: str) -> list[str]:
    """The usage line and where to find help, as click prints them, in `lang`."""
    lines = [usage_line(ctx, lang)]
    names = ctx.command.get_help_option_names(ctx)
    if names and ctx.command.get_help_option(ctx) is not None:
        lines.append(say(lang, "usage.try_help", command=f"{ctx.command_path} {max(names, key=len)}"))
    return lines + [""]
