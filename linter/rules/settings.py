"""What a run is asked to do: rule selection, severities, thresholds, language, date."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Optional, Protocol


class Selectable(Protocol):
    """What selection reads of a rule (a catalogue.Rule): the catalogue reads these settings, so not imported."""

    @property
    def code(self) -> str: ...

    @property
    def status(self) -> str: ...


# The thresholds of rules.md, with their defaults.
DEFAULT_OPTIONS = {
    "min_availability": 99.99,
    "office_cost_ceiling": 10,
    "max_iaas_providers": 2,
    "required_devices": ["windows", "macos", "chromebook", "android", "ios"],
    "proprietary_formats": ["doc", "docx", "xls", "xlsx", "ppt", "pptx", "msg", "pst"],
    "content_categories": ["office", "documents", "messaging", "collaboration", "intranet"],
    # from rules 1.1
    "currency": "EUR",
    "device_cost_default": 5.5,
    "min_device_families": 3,
}


@dataclass(frozen=True)
class Settings:
    options: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_OPTIONS))
    select: Optional[tuple[str, ...]] = None  # codes or prefixes; None means every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code -> severity override
    fail_on: str = "warning"
    rules_dirs: tuple[str, ...] = ()
    products_dirs: tuple[str, ...] = ()
    preview: bool = False  # run the rules in preview too
    lang: str = "en"
    today: datetime.date = field(default_factory=datetime.date.today)

    def __post_init__(self) -> None:
        # Options given in part (Settings(options={"max_iaas_providers": 3})) keep the other defaults,
        # so a check never meets a missing option.
        object.__setattr__(self, "options", {**DEFAULT_OPTIONS, **self.options})

    def enabled(self, code: str) -> bool:
        """ruff's logic: the most specific of select/extend-select and ignore wins."""

        def best(prefixes: Iterable[str]) -> int:
            return max((len(p) for p in prefixes if code.startswith(p)), default=-1)

        selected = best(tuple(self.select if self.select is not None else ("",)) + tuple(self.extend_select))
        return selected >= 0 and selected > best(self.ignore)

    def runs(self, rule: Selectable) -> bool:
        """Whether the rule runs: enabled, and if it is in preview, asked for (--preview, or its exact code)."""
        if rule.status == "preview" and not self.preview:
            named = tuple(self.select or ()) + tuple(self.extend_select)
            return rule.code in named and self.enabled(rule.code)
        return self.enabled(rule.code)
