"""Configuration: the settings a run uses, from the flags over the config file over the defaults.

The stages of reading a configuration, one module each: `discovery` finds
the file, `reading` reads it with the position of every key, `values`
checks each key's value; `resolve` (here) merges them under the flags and
loads the rule catalogue the codes are checked against; `cli/config.py` is
`si-lint config`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar, Union

from ..i18n.messages import LANGUAGES, Text, hint, show_value
from ..rules.catalogue import Catalogue, load_catalogue
from ..rules.diagnostic import SEVERITIES, InputError
from ..rules.settings import DEFAULT_OPTIONS, Settings
from . import values
from .discovery import discover
from .reading import ALIASES, KEYS, ConfigFile, Positions, read_config, shown

DEFAULT = "default"
ENVIRONMENT = "environment"  # the language was taken from LC_ALL, LC_MESSAGES or LANG
_Value = TypeVar("_Value")
_Default = TypeVar("_Default")


@dataclass(frozen=True)
class Effective:
    """The settings a run uses, the catalogue they were checked against, and where each value came from."""

    settings: Settings
    catalogue: Catalogue
    origins: dict[str, str]  # key (options as `options.NAME`) -> DEFAULT | "FILE:LINE:COL" | "--flag" | ENVIRONMENT
    path: Optional[str]  # the config file read, if any
    paths: tuple[str, ...] = ()  # the estate's paths the config names (`paths:`), absolute
    baseline: Optional[str] = None  # the baseline file: --baseline as written, else `baseline:`, absolute


def resolve(
    flags: dict[str, Any], config_path: Optional[Path], env_lang: str, today: datetime.date, root: Path
) -> Effective:
    """Settings from flags over the config file over defaults.

    `flags` maps a config key to the flag's value, None when the flag was not
    given; `env_lang` is the language the environment asks for, used when no
    flag or file sets one. The config file is `config_path` when given, else the
    one discovered from the folder `root` up; every folder it names is absolute.
    """
    config = _config_file(config_path, root)
    source = _Sources(flags, config)
    fail_on = source.pick("fail-on", lambda c: values.choice(c, "fail-on", SEVERITIES), "warning")
    lang = source.pick("lang", lambda c: values.choice(c, "lang", LANGUAGES), None)
    if lang is None:
        lang, source.origins["lang"] = env_lang, ENVIRONMENT
    rules_dirs = source.pick("rules-dir", lambda c: values.folders(c, "rules-dir"), ())
    products_dirs = source.pick("products-dir", lambda c: values.folders(c, "products-dir"), ())
    preview = source.pick("preview", lambda c: values.flag(c, "preview"), False)
    paths = source.pick("paths", values.paths, ())
    baseline = source.pick("baseline", values.baseline, None)
    catalogue = load_catalogue(rules_dirs)
    select = source.codes("select", None, catalogue)
    ignore = source.codes("ignore", (), catalogue)
    extend_select = source.codes("extend-select", (), catalogue)
    severity = source.pick("severity", lambda c: values.severity(c, catalogue), {})
    options = source.options()
    settings = Settings(
        options=options,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        severity=severity,
        fail_on=fail_on,
        rules_dirs=tuple(rules_dirs),
        products_dirs=tuple(products_dirs),
        preview=preview,
        lang=lang,
        today=today,
    )
    return Effective(
        settings, catalogue, source.origins, config.path if config is not None else None, tuple(paths), baseline
    )


def _config_file(config_path: Optional[Path], root: Path) -> Optional[ConfigFile]:
    """The config file named, else the one found from `root` up, read and its keys checked; or None."""
    path: Optional[Path]
    if config_path is not None:
        path = config_path
        if not path.is_file():
            raise InputError(Text("config.no_file", path=shown(config_path, root)))
    else:
        path = discover(root)
    if path is None:
        return None
    config = read_config(path, root)
    for alias, key in ALIASES.items():
        if alias in config.values:
            values = {key if name == alias else name: value for name, value in config.values.items()}
            config = replace(config, values=values, positions=_aliased(config.positions, alias, key))
    for key in config.values:
        if key not in KEYS:
            raise InputError(
                Text("config.unknown_key", key=show_value(key), hint=hint(str(key), KEYS), keys=", ".join(KEYS)),
                where=config.where(key),
            )
    return config


class _Sources:
    """Each setting taken from the flag if given, else the config file, else the default; and where it came from."""

    def __init__(self, flags: dict[str, Any], config: Optional[ConfigFile]) -> None:
        self.flags = flags
        self.config = config
        self.values = config.values if config is not None else {}
        self.origins: dict[str, str] = {}

    def _file(self) -> ConfigFile:
        """The config file, asked for only for a key it holds."""
        assert self.config is not None
        return self.config

    def pick(self, key: str, read: Callable[[ConfigFile], _Value], default: _Default) -> Union[_Value, _Default]:
        """The flag if given, else the file's value (checked by `read`), else the default."""
        if self.flags.get(key) is not None:
            self.origins[key] = f"--{key}"
            return self.flags[key]
        if key in self.values:
            self.origins[key] = str(self._file().where(key))
            return read(self._file())
        self.origins[key] = DEFAULT
        return default

    def codes(self, key: str, default: _Default, catalogue: Catalogue) -> Union[tuple[str, ...], _Default]:
        """A list of rule codes (select, ignore, extend-select), each checked against the catalogue."""
        flag = self.flags.get(key)
        if flag is not None:
            if not flag and key == "select":
                raise InputError(Text("config.empty_selection", key=f"--{key}"))
            for code in flag:
                values.known_code(code, catalogue, f"--{key}", key)
            self.origins[key] = f"--{key}"
            return tuple(flag)
        if key not in self.values:
            self.origins[key] = DEFAULT
            return default
        written = values.code_list(self._file(), key)
        self.origins[key] = str(self._file().where(key))
        if not written and key == "select":
            raise InputError(Text("config.empty_selection", key=key), where=self._file().where(key))
        for code, where in written:
            values.known_code(code, catalogue, where, key)
        return tuple(code for code, _ in written)

    def options(self) -> dict[str, Any]:
        """The rule options: the defaults, with those the file sets."""
        given = values.options(self._file()) if "options" in self.values else {}
        for name in DEFAULT_OPTIONS:
            self.origins[f"options.{name}"] = str(self._file().where("options", name)) if name in given else DEFAULT
        return {**DEFAULT_OPTIONS, **given}


def _aliased(positions: Positions, alias: str, key: str) -> Positions:
    """Positions of a config read under another spelling of a key: looked up under the spelling written."""
    return lambda path: positions((alias,) + tuple(path[1:]) if path[:1] == (key,) else path)
