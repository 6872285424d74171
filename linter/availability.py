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

from .model import Entity, Estate, dependencies


@dataclass(frozen=True)
class Link:
    """One factor: a component, the application's own figure, or an any_of group of members."""

    kind: str  # "own", "applications", "infrastructure", "data_stores", "any_of", or "unknown"
    id: Optional[str]  # the component's id; the application's for "own"; None for a group
    value: Optional[float]  # percent; None when the component states no figure (counted as 100)
    members: tuple = ()  # of Link, for a group


@dataclass(frozen=True)
class Availability:
    value: float  # end to end, percent
    chain: tuple = ()  # the direct factors, in order: own, then data, then depends_on
    weakest: Optional[Link] = None  # the lowest factor below 100 anywhere below, if any
    via: Optional[int] = None  # index in `chain` of the factor that leads to `weakest`
    missing: tuple = ()  # ids with no figure, anywhere below


class _Partial:
    """A factor being combined: its fraction, its weakest link, and the components with no figure below it."""

    __slots__ = ("fraction", "weakest", "missing")

    def __init__(self, fraction: float = 1.0, weakest: Optional[Link] = None, missing=()) -> None:
        self.fraction, self.weakest, self.missing = fraction, weakest, missing

    def include(self, other: "_Partial") -> bool:
        """Put `other` in series; True when it brings a new weakest link."""
        self.fraction *= other.fraction
        if other.missing:
            self.missing = tuple(dict.fromkeys(self.missing + tuple(other.missing)))
        if other.weakest is not None and (self.weakest is None or other.weakest.value < self.weakest.value):
            self.weakest = other.weakest
            return True
        return False


def end_to_end(estate: Estate) -> dict[str, Availability]:
    """Every valid application's end-to-end availability.

    Dependencies are computed before their dependents with an explicit stack
    (estates can be deep). An application met again while still open is in a
    cycle: EST006 reports it, and here it counts as 100%.
    """
    applications = estate.applications
    figures: dict[str, Availability] = {}
    components: dict = {}  # id -> (Link, _Partial) of a store or infrastructure: the same in every chain
    opened: set = set()
    for start in applications:
        if start in opened:
            continue
        stack = [(start, False)]
        while stack:
            app_id, ready = stack.pop()
            if ready:
                if applications[app_id].valid:
                    figures[app_id] = _combine(estate, applications[app_id], figures, components)
                continue
            if app_id in opened:
                continue
            opened.add(app_id)
            stack.append((app_id, True))
            stack.extend((target, False) for _, target in dependencies(applications[app_id])
                         if target in applications and target not in opened)
    return figures


def _component(estate: Estate, member, figures: dict, components: dict) -> tuple[Link, _Partial]:
    found = components.get(member) if isinstance(member, str) else None
    if found is not None:
        return found
    entity = estate.by_id.get(member) if isinstance(member, str) else None
    if entity is None or entity.section == "providers":  # EST004 reports it
        return Link("unknown", str(member), None), _Partial()
    if entity.section == "applications":
        figure = figures.get(member)
        if figure is None:  # in a cycle, or invalid
            return Link("applications", member, None), _Partial()
        return (Link("applications", member, figure.value),
                _Partial(figure.value / 100, figure.weakest, figure.missing))
    value = entity.data.get("availability")
    # The component may have failed the schema (EST003): only a figure the format allows is counted.
    if type(value) not in (int, float) or not 0 <= value <= 100:
        found = Link(entity.section, member, None), _Partial(missing=(member,))
    else:
        link = Link(entity.section, member, value)
        found = link, _Partial(value / 100, link if value < 100 else None)
    components[member] = found  # never changed afterwards: `include` changes only the total
    return found


def _combine(estate: Estate, app: Entity, figures: dict, components: dict) -> Availability:
    total = _Partial()
    chain: list = []
    via = None
    own = app.get("availability.own", 100)
    if type(own) in (int, float) and own < 100:
        link = Link("own", app.id, own)
        chain.append(link)
        if total.include(_Partial(own / 100, link)):
            via = 0
    for item in list(app.data.get("data") or []) + list(app.data.get("depends_on") or []):
        if isinstance(item, dict):
            parts = [_component(estate, member, figures, components) for member in item.get("any_of") or []]
            failure = 1.0
            for _, part in parts:
                failure *= 1 - part.fraction
            link = Link("any_of", None, 100 * (1 - failure), tuple(member for member, _ in parts))
            part = _Partial(1 - failure, link if failure > 0 else None,
                            tuple(m for _, member in parts for m in member.missing))
        else:
            link, part = _component(estate, item, figures, components)
        chain.append(link)
        if total.include(part):
            via = len(chain) - 1
    return Availability(total.fraction * 100, tuple(chain), total.weakest, via, tuple(total.missing))
