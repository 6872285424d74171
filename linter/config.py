"""Configuration: find the project's config file, check it, and merge it under the command-line flags.

A config file is `.si-lint.yaml`, `si-lint.yaml` or the `[tool.si-lint]` table
of `pyproject.toml`, looked for in the current folder and then upward, stopping
at the repository root (the folder holding `.git`). A flag given on the
command line replaces the file's value for its key. Every problem in the file
is an `InputError` naming the file, line and column, so the CLI exits 2.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import click

from .diagnostic import SEVERITIES, InputError
from .settings import ALL_DEVICES, DEFAULT_OPTIONS, Settings

FILE_NAMES = (".si-lint.yaml", "si-lint.yaml", "pyproject.toml")
KEYS = ("select", "ignore", "extend-select", "severity", "fail-on", "rules-dir", "options", "lang")
LANGUAGES = ("en", "fr")
DEFAULT = "default"
ENVIRONMENT = "environment (LC_ALL, LC_MESSAGES or LANG; en when unset)"


@dataclass(frozen=True)
class ConfigFile:
    path: str  # as shown in messages
    folder: Path  # relative paths in the file (rules-dir) are read from here
    values: dict
    positions: object  # callable: key path tuple -> (line, column)

    def where(self, *path) -> str:
        line, column = self.positions(path)
        return f"{self.path}:{line}:{column}"


@dataclass(frozen=True)
class Effective:
    """The settings a run uses, the catalogue they were checked against, and where each value came from."""

    settings: Settings
    catalogue: object
    origins: dict  # key (options as `options.NAME`) -> "default" | "FILE:LINE:COL" | "--flag" | environment
    path: Optional[str]  # the config file read, if any


# --- finding and reading the file ----------------------------------------------

_TOOL_TABLE = re.compile(r"""^\s*\[\s*tool\s*\.\s*["']?si-lint["']?\s*[\].]""", re.MULTILINE)


def discover(start: Path) -> Optional[Path]:
    folder = start.resolve()
    while True:
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_tool_table(path: Path) -> bool:
    try:
        return bool(_TOOL_TABLE.search(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def _shown(path: Path) -> str:
    """The path relative to the current folder, as the user would type it."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


def read_config(path: Path) -> ConfigFile:
    from .inputs import read_text

    text = read_text(str(path))
    if path.name == "pyproject.toml":
        return _read_toml(text, path)
    return _read_yaml(text, path)


def _read_yaml(text: str, path: Path) -> ConfigFile:
    from .loader import load_text, refuse_problems

    shown = _shown(path)
    document = load_text(text, shown)
    refuse_problems(document)
    data = document.data if document.data is not None else {}

    def positions(key_path: tuple) -> tuple:
        return document.place(key_path) if isinstance(data, dict) else document.root

    config = ConfigFile(shown, path.parent, data, positions)
    if not isinstance(data, dict):
        raise InputError(f"{config.where()}: a config file is a mapping of keys ({', '.join(KEYS)})")
    return config


_TOML_ERROR_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]")
_TOML_KEY = re.compile(r"""\s*(["']?)([A-Za-z0-9_.-]+)\1\s*=""")


def _read_toml(text: str, path: Path) -> ConfigFile:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.9 and 3.10 only
        import tomli as tomllib

    shown = _shown(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _TOML_ERROR_PLACE.search(message)
        if place:
            where = f"{shown}:{place.group(1)}:{place.group(2)}"
        else:  # "(at end of document)"
            where = f"{shown}:{text.count(chr(10)) + 1}:1"
        message = re.sub(r"\s*\(at end of document\)", "", _TOML_ERROR_PLACE.sub("", message))
        raise InputError(f"{where}: invalid TOML: {message}") from None
    table = data.get("tool", {}).get("si-lint", {})
    found = _toml_positions(text)

    def positions(key_path: tuple) -> tuple:
        for length in range(len(key_path), -1, -1):
            if key_path[:length] in found:
                return found[key_path[:length]]
        return (1, 1)

    config = ConfigFile(shown, path.parent, table, positions)
    if not isinstance(table, dict):
        raise InputError(f"{config.where()}: [tool.si-lint] must be a table of keys ({', '.join(KEYS)})")
    return config


def _toml_positions(text: str) -> dict:
    """Where each key of the [tool.si-lint] tables is written: tomllib keeps no positions."""
    found: dict = {}
    table = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _TOML_HEADER.match(line)
        if header:
            parts = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            table = parts[2:] if parts[:2] == ("tool", "si-lint") else None
            if table is not None:
                found.setdefault(table, (number, header.start(1) + 1))
            continue
        key = _TOML_KEY.match(line)
        if key and table is not None:
            found.setdefault(table + tuple(key.group(2).split(".")), (number, key.start(2) + 1))
    return found


# --- checking values -------------------------------------------------------------


def _hint(word: str, candidates) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(candidates), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _code_list(config: ConfigFile, key: str) -> list:
    """A list of codes or prefixes, or one comma-separated string as on the command line."""
    value = config.values[key]
    if isinstance(value, str):
        return [(code.strip().upper(), config.where(key)) for code in value.split(",") if code.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{config.where(key)}: {key}: expected a list of rule codes or prefixes, like [ACC, CLD001]")
    return [(item.strip().upper(), config.where(key, position)) for position, item in enumerate(value)]


def _choice(config: ConfigFile, key: str, allowed) -> str:
    value = config.values[key]
    if value not in allowed:
        raise InputError(f"{config.where(key)}: {key}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _rules_dirs(config: ConfigFile) -> tuple:
    value = config.values["rules-dir"]
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise InputError(f"{config.where('rules-dir')}: rules-dir: expected a folder, or a list of folders")
    folders = []
    for position, item in enumerate(items):
        folder = config.folder / item
        if not folder.is_dir():
            where = config.where("rules-dir", position) if isinstance(value, list) else config.where("rules-dir")
            raise InputError(f"{where}: rules-dir: {item!r} is not a folder (paths are relative to the config file)")
        folders.append(_shown(folder))
    return tuple(folders)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _word(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


# option -> (a list?, test of the value or of each item, what it must be)
_OPTION_TYPES = {
    "min_availability": (False, lambda v: _number(v) and 0 < v <= 100,
                         "a percentage above 0 and at most 100, like 99.99"),
    "office_cost_ceiling": (False, lambda v: _number(v) and v >= 0, "a number of EUR per user per month, 0 or more"),
    "max_iaas_providers": (False, lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
                           "a whole number, 0 or more"),
    "required_devices": (True, lambda v: v in ALL_DEVICES, f"a device family among {', '.join(ALL_DEVICES)}"),
    "proprietary_formats": (True, _word, "a file format, like doc or xls"),
    "content_categories": (True, _word, "an application category, like office or messaging"),
}


def _options(config: ConfigFile) -> dict:
    value = config.values["options"]
    if not isinstance(value, dict):
        raise InputError(f"{config.where('options')}: options: expected a mapping of option names to values")
    for name, option in value.items():
        where = config.where("options", name)
        if name not in _OPTION_TYPES:
            raise InputError(f"{where}: options: unknown option {name!r}{_hint(str(name), _OPTION_TYPES)}; "
                             f"known: {', '.join(_OPTION_TYPES)}")
        is_list, test, expected = _OPTION_TYPES[name]
        if not is_list:
            if not test(option):
                raise InputError(f"{where}: options.{name}: {option!r} is not valid: expected {expected}")
            continue
        if not isinstance(option, list):
            raise InputError(f"{where}: options.{name}: expected a list, each item {expected}")
        for position, item in enumerate(option):
            if not test(item):
                raise InputError(f"{config.where('options', name, position)}: options.{name}: {item!r} is not "
                                 f"valid: expected {expected}")
    return value


def _check_code(code: str, catalogue, where: str, key: str) -> None:
    if code and any(known.startswith(code) for known in catalogue.rules):
        return
    prefixes = {known.rstrip("0123456789") for known in catalogue.rules}
    raise InputError(f"{where}: {key}: unknown rule code or prefix {code!r}{_hint(code, [*catalogue.rules, *prefixes])}"
                     "; `si-lint rules` lists them")


def _severity(config: ConfigFile, catalogue) -> dict:
    value = config.values["severity"]
    if not isinstance(value, dict):
        raise InputError(f"{config.where('severity')}: severity: expected a mapping of rule codes to "
                         "error, warning or info, like {ACC004: error}")
    overrides = {}
    for code, level in value.items():
        where = config.where("severity", code)
        if not isinstance(code, str) or code.upper() not in catalogue.rules:
            hint = _hint(str(code).upper(), catalogue.rules)
            raise InputError(f"{where}: severity: unknown rule code {code!r}{hint}")
        if code.upper().startswith("EST"):
            raise InputError(f"{where}: severity: {code} cannot change: EST findings stop the estate from being "
                             "read right and are always errors")
        if level not in SEVERITIES:
            raise InputError(f"{where}: severity.{code}: {level!r} is not one of {', '.join(SEVERITIES)}")
        overrides[code.upper()] = level
    return overrides


# --- merging -------------------------------------------------------------------


def resolve(flags: dict, config_path: Optional[str], env_lang: str, today) -> Effective:
    """Settings from flags over the config file over defaults.

    `flags` maps a config key to the flag's value, None when the flag was not
    given; `env_lang` is the language the environment asks for, used when no
    flag or file sets one.
    """
    from .catalogue import load_catalogue

    if config_path is not None:
        path = Path(config_path)
        if not path.is_file():
            raise InputError(f"--config {config_path}: no such file")
    else:
        path = discover(Path.cwd())
    config = read_config(path) if path is not None else None
    values = config.values if config is not None else {}
    for key in values:
        if key not in KEYS:
            raise InputError(f"{config.where(key)}: unknown key {key!r}{_hint(str(key), KEYS)}; "
                             f"known keys: {', '.join(KEYS)}")

    origins: dict = {}

    def pick(key: str, read, default):
        """The flag if given, else the file's value (checked by `read`), else the default."""
        if flags.get(key) is not None:
            origins[key] = f"--{key}"
            return flags[key]
        if key in values:
            origins[key] = config.where(key)
            return read(config)
        origins[key] = DEFAULT
        return default

    fail_on = pick("fail-on", lambda c: _choice(c, "fail-on", SEVERITIES), "warning")
    lang = pick("lang", lambda c: _choice(c, "lang", LANGUAGES), None)
    if lang is None:
        lang, origins["lang"] = env_lang, ENVIRONMENT
    rules_dirs = pick("rules-dir", _rules_dirs, ())
    catalogue = load_catalogue(rules_dirs)

    def codes(key: str, default):
        if flags.get(key) is not None:
            for code in flags[key]:
                _check_code(code, catalogue, f"--{key}", key)
        result = pick(key, lambda c: _code_list(c, key), default)
        if origins[key] not in (DEFAULT, f"--{key}"):
            for code, where in result:
                _check_code(code, catalogue, where, key)
            result = [code for code, _ in result]
        return tuple(result) if result is not None else None

    select = codes("select", None)
    ignore = codes("ignore", ())
    extend_select = codes("extend-select", ())
    severity = pick("severity", lambda c: _severity(c, catalogue), {})

    options = dict(DEFAULT_OPTIONS)
    given = _options(config) if "options" in values else {}
    options.update(given)
    for name in DEFAULT_OPTIONS:
        origins[f"options.{name}"] = config.where("options", name) if name in given else DEFAULT
    origins.pop("options", None)

    settings = Settings(options=options, select=select, ignore=ignore, extend_select=extend_select,
                        severity=severity, fail_on=fail_on, rules_dirs=tuple(rules_dirs), lang=lang, today=today)
    return Effective(settings, catalogue, origins, config.path if config is not None else None)


# --- `si-lint config` ------------------------------------------------------------------


def describe(effective: Effective) -> str:
    """One line per key: the effective value and where it came from."""
    settings = effective.settings

    def listing(values) -> str:
        return ", ".join(values) if values else "(none)"

    rows = [
        ("select", "(every rule)" if settings.select is None else listing(settings.select)),
        ("ignore", listing(settings.ignore)),
        ("extend-select", listing(settings.extend_select)),
        ("severity", listing([f"{code}={level}" for code, level in sorted(settings.severity.items())])),
        ("fail-on", settings.fail_on),
        ("rules-dir", listing(settings.rules_dirs)),
        ("lang", settings.lang),
    ]
    for name, value in settings.options.items():
        rows.append((f"options.{name}", listing([str(v) for v in value]) if isinstance(value, list) else str(value)))
    width = max(len(key) for key, _ in rows)
    value_width = min(max(len(value) for _, value in rows), 60)
    lines = [f"config file: {effective.path or '(none found: defaults)'}"]
    lines.extend(f"{key.ljust(width)}  {value.ljust(value_width)}  # {effective.origins[key]}" for key, value in rows)
    return "\n".join(lines) + "\n"


@click.command("config")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Read this config file instead of looking for one.")
def command(config_path):
    """Print the effective configuration and where each value came from."""
    import datetime

    from .cli import _run, default_lang

    def run():
        effective = resolve({}, config_path, default_lang(), datetime.date.today())
        click.echo(describe(effective), nl=False)
        return 0

    sys.exit(_run(run))
