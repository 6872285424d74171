"""The values of a config file, key by key: every problem is an InputError naming the file, line and column."""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any, Callable, Union

from ..i18n.messages import Text, hint, show_value
from ..model.vocabulary import DEVICE_FAMILIES
from ..rules.catalogue import Catalogue
from ..rules.diagnostic import SEVERITIES, InputError, Place
from .reading import ConfigFile


def code_list(config: ConfigFile, key: str) -> list[tuple[str, Place]]:
    """(code, where) of a list of codes or prefixes, or of one comma-separated string as on the command line."""
    value = config.values[key]
    if isinstance(value, str):
        return [(code.strip().upper(), config.where(key)) for code in value.split(",") if code.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(Text("config.code_list", key=key), where=config.where(key))
    return [(item.strip().upper(), config.where(key, position)) for position, item in enumerate(value)]


def choice(config: ConfigFile, key: str, allowed: Collection[str]) -> str:
    value = config.values[key]
    if value not in allowed:
        raise InputError(
            Text("config.not_one_of", key=key, value=show_value(value), allowed=", ".join(allowed)),
            where=config.where(key),
        )
    return value


def folders(config: ConfigFile, key: str) -> tuple[str, ...]:
    """A folder or a list of folders (rules-dir, products-dir), written relative to the config file; absolute."""
    value = config.values[key]
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise InputError(Text("config.folders_type", key=key), where=config.where(key))
    found: list[str] = []
    for position, item in enumerate(items):
        folder = config.folder / item
        if not folder.is_dir():
            where = config.where(key, position) if isinstance(value, list) else config.where(key)
            raise InputError(Text("config.folder_missing", key=key, value=show_value(item)), where=where)
        found.append(str(folder.resolve()))
    return tuple(found)


def paths(config: ConfigFile) -> tuple[str, ...]:
    """The estate's files or folders (what a bare `si-lint` lints), written relative to the config file; absolute."""
    value = config.values["paths"]
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(item, str) and item for item in items):
        raise InputError(Text("config.paths_type"), where=config.where("paths"))
    return tuple(str((config.folder / item).resolve()) for item in items)


def baseline(config: ConfigFile) -> str:
    """The baseline file, written relative to the config file; absolute. It may not exist yet (`--write-baseline`)."""
    value = config.values["baseline"]
    if not isinstance(value, str) or not value.strip():
        raise InputError(Text("config.baseline_type"), where=config.where("baseline"))
    return str((config.folder / value).resolve())


def flag(config: ConfigFile, key: str) -> bool:
    value = config.values[key]
    if not isinstance(value, bool):
        raise InputError(
            Text("config.not_one_of", key=key, value=show_value(value), allowed="true, false"), where=config.where(key)
        )
    return value


def _number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and not (isinstance(value, float) and math.isnan(value))
    )


def _word(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


# option -> (a list?, test of the value or of each item)
OPTION_TESTS: dict[str, tuple[bool, Callable[[Any], bool]]] = {
    "min_availability": (False, lambda v: _number(v) and 0 < v <= 100),
    "office_cost_ceiling": (False, lambda v: _number(v) and 0 <= v < math.inf),
    "max_iaas_providers": (False, lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0),
    "required_devices": (True, lambda v: v in DEVICE_FAMILIES),
    "proprietary_formats": (True, _word),
    "content_categories": (True, _word),
    "currency": (False, lambda v: isinstance(v, str) and len(v) == 3 and v.isalpha() and v.isupper()),
    "device_cost_default": (False, lambda v: _number(v) and 0 <= v < math.inf),
    "min_device_families": (
        False,
        lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= len(DEVICE_FAMILIES),
    ),
}


def _expected(name: str) -> Text:
    return Text("config.expect." + name, families=", ".join(DEVICE_FAMILIES))


def options(config: ConfigFile) -> dict[str, Any]:
    value = config.values["options"]
    if not isinstance(value, dict):
        raise InputError(Text("config.options_type"), where=config.where("options"))
    for name, option in value.items():
        where = config.where("options", name)
        if name not in OPTION_TESTS:
            raise InputError(
                Text(
                    "config.unknown_option",
                    name=show_value(name),
                    hint=hint(str(name), OPTION_TESTS),
                    known=", ".join(OPTION_TESTS),
                ),
                where=where,
            )
        is_list, test = OPTION_TESTS[name]
        if not is_list:
            if not test(option):
                raise InputError(
                    Text("config.option_value", name=name, value=show_value(option), expected=_expected(name)),
                    where=where,
                )
            continue
        if not isinstance(option, list):
            raise InputError(Text("config.option_list", name=name, expected=_expected(name)), where=where)
        for position, item in enumerate(option):
            if not test(item):
                raise InputError(
                    Text("config.option_value", name=name, value=show_value(item), expected=_expected(name)),
                    where=config.where("options", name, position),
                )
    return value


def known_code(code: str, catalogue: Catalogue, where: Union[Place, str], key: str) -> None:
    """A code or prefix names some rule; EST rules cannot be left out."""
    if not code or not any(known.startswith(code) for known in catalogue.rules):
        prefixes = {rule.family for rule in catalogue}
        raise InputError(
            Text("config.unknown_code", key=key, code=show_value(code), hint=hint(code, [*catalogue.rules, *prefixes])),
            where=where,
        )
    if key == "ignore" and (code.startswith("EST") or "EST".startswith(code)):
        raise InputError(Text("config.ignore_est", key=key, code=code), where=where)


def severity(config: ConfigFile, catalogue: Catalogue) -> dict[str, str]:
    value = config.values["severity"]
    if not isinstance(value, dict):
        raise InputError(Text("config.severity_type"), where=config.where("severity"))
    overrides: dict[str, str] = {}
    for code, level in value.items():
        where = config.where("severity", code)
        if not isinstance(code, str) or code.upper() not in catalogue.rules:
            raise InputError(
                Text("config.severity_unknown", code=show_value(code), hint=hint(str(code).upper(), catalogue.rules)),
                where=where,
            )
        if code.upper().startswith("EST"):
            raise InputError(Text("config.severity_est", code=code), where=where)
        if level not in SEVERITIES:
            raise InputError(
                Text(
                    "config.not_one_of", key=f"severity.{code}", value=show_value(level), allowed=", ".join(SEVERITIES)
                ),
                where=where,
            )
        overrides[code.upper()] = level
    return overrides
