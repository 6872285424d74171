"""End-to-end availability, computed once for every output: AVL002's finding and the html chain.

The arithmetic is the format's (estate-format.md, "Availability arithmetic"):
an application's own figure times one factor per entry of its `data` and
`depends_on`; an application dependency brings its own end-to-end figure; an
`any_of` group fails only when all its members fail; a component with no
figure counts as 100 and is listed as missing.

The *weakest link* is the lowest single factor anywhere below the application
(a component, an application's own figure, or a redundant group as a whole),
so that the finding names what to strengthen even when it sits inside a
dependency; `via` says which direct factor of the chain leads to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model.estate import Entity, Estate, dependencies


@dataclass(frozen=True)
class Link:
    """One factor: a component, the application's own figure, or an any_of group of members."""

    kind: str  # "own", "applications", "infrastructure", "data_stores", "any_of", or "unknown"
    id: Optional[str]  # the component's id; the application's for "own"; None for a group
    value: Optional[float]  # percent; None when the component states no figure (counted as 100)
    members: tuple[Link, ...] = ()  # for a group


@dataclass(frozen=True)
class Availability:
    value: float  # end to end, percent
    chain: tuple[Link, ...] = ()  # the direct factors, in order: own, then data, then depends_on
    weakest: Optional[Link] = None  # the lowest factor below 100 anywhere below, if any
    via: Optional[int] = None  # index in `chain` of the factor that leads to `weakest`
    missing: tuple[str, ...] = ()  # ids with no figure, anywhere below


# A factor as it is put in series: (Link, fraction, weakest link below it or None, ids with no figure below it).
Factor = tuple[Link, float, Optional[Link], tuple[str, ...]]
_UNKNOWN: tuple[float, None, tuple[str, ...]] = 1.0, None, ()


def end_to_end(estate: Estate) -> dict[str, Availability]:
    """Every valid application's end-to-end availability.

    Dependencies are computed before their dependents with an explicit stack
    (estates can be deep). An application met again while still open is in a
    cycle: EST006 reports it, and here it counts as 100%.
    """
    applications = estate.applications
    figures: dict[str, Availability] = {}
    factors: dict[str, Factor] = {}  # id -> factor of a component: the same in every chain that names it
    opened: set[str] = set()
    for start in applications:
        if start in opened:
            continue
        stack = [(start, False)]
        while stack:
            app_id, ready = stack.pop()
            if ready:
                if applications[app_id].valid:
                    figures[app_id] = _combine(estate, applications[app_id], figures, factors)
                continue
            if app_id in opened:
                continue
            opened.add(app_id)
            stack.append((app_id, True))
            stack.extend(
                (target, False)
                for _, target in dependencies(applications[app_id])
                if target in applications and target not in opened
            )
    return figures


def _factor(estate: Estate, member: object, figures: dict[str, Availability], factors: dict[str, Factor]) -> Factor:
    if not isinstance(member, str):  # EST003 reports it
        return (Link("unknown", str(member), None),) + _UNKNOWN
    cached = factors.get(member)
    if cached is not None:
        return cached
    entity = estate.by_id.get(member)
    if entity is None or entity.section == "providers":  # EST004 reports it
        return (Link("unknown", member, None),) + _UNKNOWN
    found: Factor
    if entity.section == "applications":
        figure = figures.get(member)
        if figure is None:  # in a cycle, or invalid
            return (Link("applications", member, None),) + _UNKNOWN
        found = Link("applications", member, figure.value), figure.value / 100, figure.weakest, figure.missing
    else:
        value = entity.data.get("availability")
        # The component may have failed the schema (EST003): only a figure the format allows is counted.
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
            found = Link(entity.section, member, None), 1.0, None, (member,)
        else:
            link = Link(entity.section, member, value)
            found = link, value / 100, link if value < 100 else None, ()
    factors[member] = found  # final: an application's figure is computed before its dependents'
    return found


def _group(
    estate: Estate, members: list[object], figures: dict[str, Availability], factors: dict[str, Factor]
) -> Factor:
    """An `any_of` group as one factor: it fails only when every member fails."""
    parts = [_factor(estate, member, figures, factors) for member in members]
    failure = 1.0
    for part in parts:
        failure *= 1 - part[1]
    link = Link("any_of", None, 100 * (1 - failure), tuple(part[0] for part in parts))
    return link, 1 - failure, link if failure > 0 else None, tuple(m for part in parts for m in part[3])


def _figure(link: Link) -> float:
    """The figure of a weakest link: one always has one (below 100), a component without one is only missing."""
    assert link.value is not None
    return link.value


def _combine(estate: Estate, app: Entity, figures: dict[str, Availability], factors: dict[str, Factor]) -> Availability:
    data = app.data
    fraction = 1.0
    weakest: Optional[Link] = None
    via: Optional[int] = None
    missing: tuple[str, ...] = ()
    chain: list[Link] = []
    own = app.get("availability.own", 100)
    if type(own) in (int, float) and own < 100:
        weakest = Link("own", app.id, own)
        chain.append(weakest)
        fraction, via = own / 100, 0
    for item in list(data.get("data") or []) + list(data.get("depends_on") or []):
        if isinstance(item, dict):
            link, part, below, absent = _group(estate, item.get("any_of") or [], figures, factors)
        else:
            link, part, below, absent = _factor(estate, item, figures, factors)
        chain.append(link)
        fraction *= part
        if absent:
            missing = tuple(dict.fromkeys(missing + absent))
        if below is not None and (weakest is None or _figure(below) < _figure(weakest)):
            weakest, via = below, len(chain) - 1
    return Availability(fraction * 100, tuple(chain), weakest, via, missing)
