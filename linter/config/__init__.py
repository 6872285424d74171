"""Configuration: the settings a run uses, from the flags over the config file over the defaults.

The stages of reading a configuration, one module each: `discovery` finds
the file, `reading` reads it with the position of every key, `checking`
checks each key's value; `resolve` (here) merges them under the flags and
loads the rule catalogue the codes are checked against; `command` is
`si-lint config`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from ..catalogue import Catalogue, load_catalogue
from ..diagnostic import SEVERITIES, InputError
from ..messages import LANGUAGES, Text, hint, show_value
from ..settings import DEFAULT_OPTIONS, Settings
from . import checking
from .discovery import discover
from .reading import ALIASES, KEYS, read_config

DEFAULT = "default"
ENVIRONMENT = "environment"  # the language was taken from LC_ALL, LC_MESSAGES or LANG


@dataclass(frozen=True)
class Effective:
    """The settings a run uses, the catalogue they were checked against, and where each value came from."""

    settings: Settings
    catalogue: Catalogue
    origins: dict  # key (options as `options.NAME`) -> DEFAULT | "FILE:LINE:COL" | "--flag" | ENVIRONMENT
    path: Optional[str]  # the config file read, if any
    paths: tuple = ()  # the estate's paths the config names (`paths:`), relative to the current folder


def resolve(flags: dict, config_path: Optional[str], env_lang: str, today) -> Effective:
    """Settings from flags over the config file over defaults.

    `flags` maps a config key to the flag's value, None when the flag was not
    given; `env_lang` is the language the environment asks for, used when no
    flag or file sets one.
    """
    if config_path is not None:
        path = Path(config_path)
        if not path.is_file():
            raise InputError(Text("config.no_file", path=config_path))
    else:
        path = discover(Path.cwd())
    config = read_config(path) if path is not None else None
    values = config.values if config is not None else {}
    for alias, key in ALIASES.items():
        if alias in values:
            values = {key if name == alias else name: value for name, value in values.items()}
            config = replace(config, values=values, positions=_aliased(config.positions, alias, key))
    for key in values:
        if key not in KEYS:
            raise InputError(Text("config.unknown_key", key=show_value(key), hint=hint(str(key), KEYS),
                                  keys=", ".join(KEYS)), where=config.where(key))

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

    fail_on = pick("fail-on", lambda c: checking.choice(c, "fail-on", SEVERITIES), "warning")
    lang = pick("lang", lambda c: checking.choice(c, "lang", LANGUAGES), None)
    if lang is None:
        lang, origins["lang"] = env_lang, ENVIRONMENT
    rules_dirs = pick("rules-dir", lambda c: checking.folders(c, "rules-dir"), ())
    products_dirs = pick("products-dir", lambda c: checking.folders(c, "products-dir"), ())
    preview = pick("preview", lambda c: checking.flag(c, "preview"), False)
    paths = pick("paths", checking.paths, ())
    catalogue = load_catalogue(rules_dirs)

    def codes(key: str, default):
        if flags.get(key) is not None:
            if not flags[key] and key == "select":
                raise InputError(Text("config.empty_selection", key=f"--{key}"))
            for code in flags[key]:
                checking.check_code(code, catalogue, f"--{key}", key)
        result = pick(key, lambda c: checking.code_list(c, key), default)
        if origins[key] not in (DEFAULT, f"--{key}"):
            if not result and key == "select":
                raise InputError(Text("config.empty_selection", key=key), where=config.where(key))
            for code, where in result:
                checking.check_code(code, catalogue, where, key)
            result = [code for code, _ in result]
        return tuple(result) if result is not None else None

    select = codes("select", None)
    ignore = codes("ignore", ())
    extend_select = codes("extend-select", ())
    severity = pick("severity", lambda c: checking.severity(c, catalogue), {})

    options = dict(DEFAULT_OPTIONS)
    given = checking.options(config) if "options" in values else {}
    options.update(given)
    for name in DEFAULT_OPTIONS:
        origins[f"options.{name}"] = config.where("options", name) if name in given else DEFAULT
    origins.pop("options", None)

    settings = Settings(options=options, select=select, ignore=ignore, extend_select=extend_select,
                        severity=severity, fail_on=fail_on, rules_dirs=tuple(rules_dirs),
                        products_dirs=tuple(products_dirs), preview=preview, lang=lang, today=today)
    return Effective(settings, catalogue, origins, config.path if config is not None else None, tuple(paths))


def _aliased(positions, alias: str, key: str):
    """Positions of a config read under another spelling of a key: looked up under the spelling written."""
    return lambda path: positions((alias,) + tuple(path[1:]) if path[:1] == (key,) else path)
