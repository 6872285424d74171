"""Reading a config file with the position of every key: YAML through si-lint's loader, TOML through tomllib.

tomllib keeps no positions, so the keys below `tool.si-lint` are located in
the text, however the table is spelt; a key that cannot be located (inside an
inline table) points at its table, or at the top of the file.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Union

from ..i18n.messages import Text
from ..load.inputs import read_text
from ..rules.diagnostic import InputError, Place

KEYS = (
    "paths",
    "baseline",
    "select",
    "ignore",
    "extend-select",
    "preview",
    "severity",
    "fail-on",
    "rules-dir",
    "products-dir",
    "options",
    "lang",
)
# The format spec names the products key `products_dir`; both spellings are read.
ALIASES = {"products_dir": "products-dir"}
# A key path -> where it is written, (line, column).
Positions = Callable[[tuple[Any, ...]], tuple[int, int]]


@dataclass(frozen=True)
class ConfigFile:
    path: str  # as shown in messages
    folder: Path  # relative paths in the file (rules-dir) are read from here
    values: dict[str, Any]
    positions: Positions

    def where(self, *path: Any) -> Place:
        line, column = self.positions(path)
        return Place(self.path, line, column)


def read_config(path: Path, root: Path) -> ConfigFile:
    """The config file at `path`, named in messages relative to `root`, the folder the run is resolved from."""
    name = shown(path, root)
    text = read_text(str(path), name=name)
    if path.name == "pyproject.toml":
        return _read_toml(text, path, name)
    return _read_yaml(text, path, name)


def _read_yaml(text: str, path: Path, name: str) -> ConfigFile:
    from ..load.loader import load_text, refuse_problems

    document = load_text(text, name)
    refuse_problems(document)
    data = document.data if document.data is not None else {}

    def positions(key_path: tuple[Any, ...]) -> tuple[int, int]:
        return document.place(key_path) if isinstance(data, dict) else document.root

    config = ConfigFile(document.path, path.parent, data, positions)
    if not isinstance(data, dict):
        raise InputError(Text("config.not_a_mapping", keys=", ".join(KEYS)), where=config.where())
    return config


_TOML_ERROR_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_PART = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_TOML_DOTTED = rf"{_TOML_PART}(?:\s*\.\s*{_TOML_PART})*"
_TOML_HEADER = re.compile(rf"\s*\[\s*({_TOML_DOTTED})\s*\]")
_TOML_KEY = re.compile(rf"\s*({_TOML_DOTTED})\s*=")
_TOML_PARTS = re.compile(r"""("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)""")
_TABLE = ("tool", "si-lint")


def parse_toml(text: str, path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.9 and 3.10 only
        import tomli as tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _TOML_ERROR_PLACE.search(message)
        where = Place(path, int(place.group(1)), int(place.group(2))) if place else Place(path, text.count("\n") + 1, 1)
        message = re.sub(r"\s*\(at end of document\)", "", _TOML_ERROR_PLACE.sub("", message))
        raise InputError(Text("config.invalid_toml", problem=toml_problem(message)), where=where) from None
    except (ValueError, RecursionError) as error:  # integers past Python's limit, absurd nesting
        raise InputError(Text("config.invalid_toml", problem=str(error) or type(error).__name__), where=path) from None


# What the TOML parser says, in our words for both languages (its own text is English only).
_TOML_PROBLEMS = {
    "Invalid value": "config.toml.value",
    "Unterminated string": "config.toml.string",
    "Unclosed array": "config.toml.array",
    "Unclosed inline table": "config.toml.table",
    "Cannot overwrite a value": "config.toml.twice",
    "Cannot declare": "config.toml.twice",
    "Expected '=' after a key": "config.toml.equals",
    "Expected newline or end of document": "config.toml.newline",
    "Invalid initial character for a key part": "config.toml.key",
    "Invalid statement": "config.toml.statement",
    "Unescaped '\\' in a string": "config.toml.escape",
    "Illegal character": "config.toml.character",
}


def toml_problem(message: str) -> Union[Text, str]:
    """The parser's problem in our words; one we have not worded yet keeps the parser's text."""
    key = next((key for start, key in _TOML_PROBLEMS.items() if message.startswith(start)), None)
    return Text(key) if key is not None else message


def _read_toml(text: str, path: Path, name: str) -> ConfigFile:
    data = parse_toml(text, name)
    tool = data.get("tool", {})
    table = tool.get("si-lint", {}) if isinstance(tool, dict) else {}
    found = _toml_positions(text)

    def positions(key_path: tuple[Any, ...]) -> tuple[int, int]:
        for length in range(len(key_path), -1, -1):
            if key_path[:length] in found:
                return found[key_path[:length]]
        return (1, 1)

    config = ConfigFile(name, path.parent, table, positions)
    if not isinstance(tool, dict) or not isinstance(table, dict):
        raise InputError(Text("config.not_a_table", keys=", ".join(KEYS)), where=config.where())
    return config


def _toml_positions(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where each key below `tool.si-lint` is written, however the table is spelt.

    `[tool.si-lint]` and its subtables, dotted keys (`"si-lint".fail-on` under
    `[tool]`, `tool.si-lint.lang` at the top); the table itself (key `()`) is
    where `si-lint` is written, else where `tool` is (an inline table).
    """
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("[["):  # an array of tables: never si-lint's
            table = ("[[",)
            continue
        header = _TOML_HEADER.match(line)
        match = header or _TOML_KEY.match(line)
        if not match:
            continue
        path = _parts(match.group(1)) if header else table + _parts(match.group(1))
        if header:
            table = path
        place = (number, match.start(1) + 1)
        if path[:2] == _TABLE:
            if len(path) == 2:
                found[()] = place
            found.setdefault(path[2:], place)
        elif path and _TABLE[: len(path)] == path:  # `[tool]`, or `tool = {si-lint = {...}}`
            found.setdefault((), place)
    return found


def shown(path: Path, root: Path) -> str:
    """The path relative to `root`, as the user working there would type it."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _TOML_PARTS.findall(dotted))
