"""COL: natively collaborative, one version of each content."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ...i18n.messages import Listing, Plural, Text
from ...model.estate import Entity, Estate
from ..settings import Settings
from .estate_facts import is_content, valid_entities
from .registry import Clause, Finding, check, entity_check


@entity_check("proprietary_formats")
def proprietary_formats(app: Entity, estate: Estate, settings: Settings) -> Iterator[Finding]:
    closed = _closed_formats(tuple(settings.options["proprietary_formats"]))
    used = [f for f in app.data.get("exchange_formats") or [] if f.lower().lstrip(".") in closed]
    if used:
        yield Finding(app, ("exchange_formats",), {"formats": Listing(used)})


@cache
def _closed_formats(formats: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.lower().lstrip(".") for f in formats)


def _office_tools(estate: Estate, options: dict[str, Any]) -> list[Entity]:
    """The content applications (`content_categories`) whose category is office or messaging, any case (COL006)."""
    return [
        app
        for app in valid_entities(estate, "applications")
        if is_content(app, options) and app.data["category"].lower() in ("office", "messaging")
    ]


@check("office_tools_for_all")
def office_tools_for_all(estate: Estate, settings: Settings) -> Iterator[Finding]:
    if estate.workforce is None:
        return
    workforce, document = estate.workforce
    tools = _office_tools(estate, settings.options)
    counted = [app for app in tools if isinstance(app.data.get("users"), int)]
    uncounted = [app.id for app in tools if not isinstance(app.data.get("users"), int)]
    reached = max((app.data["users"] for app in counted), default=0)
    if reached < workforce:
        left_out = 100 * (workforce - reached) / workforce if workforce else 0
        best = max(counted, key=lambda app: app.data["users"], default=None)
        yield Finding(
            None,
            ("workforce",),
            {
                "workforce": workforce,
                "reached": Plural("check.people", reached),
                "share": round(left_out, 1),
                "tools": Listing(app.id for app in tools) if tools else Text("word.none_of_them"),
                "best": Clause([best.id] if best is not None else []),
                "uncounted": Clause(uncounted),
            },
            missing=("users",) if tools and not counted else (),
            document=document,
        )
