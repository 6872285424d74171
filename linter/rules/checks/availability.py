"""AVL: availability."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from ...i18n.messages import Listing, Text
from ...model.estate import Entity, Estate
from ..availability import Link, end_to_end
from ..settings import Settings
from .estate_facts import valid_entities
from .registry import Clause, Finding, check


def _figure_below(value: float, target: float) -> float:
    """`value` with three decimals, or more when rounding would hide that it is below `target`."""
    for digits in range(3, 10):
        shown = round(value, digits)
        if shown < target:
            return shown
    return value


def _link(link: Link) -> Text:
    """The weakest link as AVL002 names it: a component, an application's own figure, or a redundant group."""
    if link.kind == "own":
        return Text("check.link_own", id=link.id, figure=link.value)
    if link.kind == "any_of":
        return Text("check.link_group", members=Listing(member.id for member in link.members), figure=link.value)
    return Text("check.link", id=link.id, figure=link.value)


@check("end_to_end_availability")
def end_to_end_availability(estate: Estate, settings: Settings) -> Iterator[Finding]:
    figures = end_to_end(estate)
    for app in valid_entities(estate, "applications"):
        target = _target(app)
        if target is None:
            continue
        figure = figures[app.id]
        # Products of fractions carry float noise: a chain that meets its target exactly must pass.
        if figure.value < target - 1e-9:
            yield Finding(
                app,
                ("availability", "target"),
                {
                    "figure": _figure_below(figure.value, target),
                    "target": target,
                    "weakest": _link(figure.weakest) if figure.weakest else "-",
                    "missing": Clause(figure.missing),
                },
            )


@check("same_service_for_all")
def same_service_for_all(estate: Estate, settings: Settings) -> Iterator[Finding]:
    targets = [(app, _target(app)) for app in valid_entities(estate, "applications")]
    external = external_floor(estate)
    if external is None:
        return
    floor, lowest = external
    for app, target in targets:
        if app.data.get("audience") == ["internal"] and target is not None and target < floor:
            yield Finding(app, ("availability", "target"), {"target": target, "floor": floor, "external": lowest.id})


def external_floor(estate: Estate) -> Optional[tuple[float, Entity]]:
    """(target, application): the lowest availability target promised to external users; None when none is."""
    external = [
        (target, app)
        for app, target in ((app, _target(app)) for app in valid_entities(estate, "applications"))
        if target is not None and "external" in (app.data.get("audience") or [])
    ]
    return min(external, key=lambda pair: pair[0]) if external else None


def _target(app: Entity) -> Optional[float]:
    availability = app.data.get("availability")
    return availability.get("target") if isinstance(availability, dict) else None
