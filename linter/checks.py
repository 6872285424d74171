"""The checks a JSON Schema condition cannot say: graph-level rules, and messages that list.

A rule file names its check (`check: end_to_end_availability`); `CHECKS` maps
the name to the function. A check yields `Finding`s and knows nothing of
messages' wording, positions or output formats: the engine does that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator, Optional

from .availability import end_to_end
from .model import Entity, Estate
from .vocabulary import DEVICE_FAMILIES


@dataclass(frozen=True)
class Finding:
    entity: Optional[Entity]  # None for estate-wide findings
    path: tuple = ()  # where inside the entity (or the anchor) the finding points
    params: dict = field(default_factory=dict)  # values for the message template
    anchor: Optional[Entity] = None  # where an estate-wide finding points


CHECKS: dict[str, Callable[[Estate, dict], Iterator[Finding]]] = {}


def check(name: str):
    def register(function):
        CHECKS[name] = function
        return function
    return register


# --- facts shared by declarative conditions and checks -------------------------

def effective_devices(entity: Entity) -> list:
    access = entity.data.get("access")
    access = access if isinstance(access, dict) else {}
    if "devices" in access:
        return list(access["devices"])
    if access.get("browser") is True and not access.get("installed_clients"):
        return list(DEVICE_FAMILIES)
    return []


def provider_type(estate: Estate, entity: Entity) -> Optional[str]:
    provider = estate.lookup(entity.data.get("provider"), "providers")
    return provider.data.get("type") if provider is not None else None


def is_independent_space(entity: Entity) -> bool:
    return entity.data.get("kind") in ("warehouse", "lake") and "application" not in entity.data


_DEFAULT_DATA = {"operational": "structured", "warehouse": "structured", "lake": "structured",
                 "documents": "documents", "media": "media", "geographic": "geographic"}


def data_kinds(entity: Entity) -> list:
    if "data" in entity.data:
        return list(entity.data["data"])
    kind = _DEFAULT_DATA.get(entity.data.get("kind"))
    return [kind] if kind else []


def is_content(entity: Entity, options: dict) -> bool:
    """Whether the application holds content (office, documents, ...): categories compare in any case."""
    category = entity.data.get("category")
    return isinstance(category, str) and category.lower() in _lowered(tuple(options["content_categories"]))


@lru_cache(maxsize=None)
def _lowered(words: tuple) -> frozenset:
    return frozenset(word.lower() for word in words)


def facts(estate: Estate, entity: Entity, options: dict) -> dict:
    """The entity's data plus derived values, named with `$`, for declarative conditions."""
    derived = dict(entity.data)
    if entity.section != "integrations":
        kind = provider_type(estate, entity)
        if kind is not None:
            derived["$provider_type"] = kind
    if entity.section == "applications":
        derived["$effective_devices"] = effective_devices(entity)
        derived["$content"] = is_content(entity, options)
    elif entity.section == "data_stores":
        derived["$independent"] = is_independent_space(entity)
        derived["$data"] = data_kinds(entity)
    return derived


def _valid(estate: Estate, section: str) -> Iterator[Entity]:
    return (entity for entity in estate.entities(section) if entity.valid)


def _listing(values) -> str:
    return ", ".join(str(v) for v in values)


class Clause:
    """A message parameter that may be empty, so the rule file keeps the wording in both languages.

    In a template, `{missing:; no figure for * (counted as 100%)}` gives the
    text after the colon with `*` replaced by the listing, or nothing when
    there is nothing to list.
    """

    def __init__(self, values) -> None:
        self.values = list(values)

    def __format__(self, spec: str) -> str:
        if not self.values:
            return ""
        listing = _listing(self.values)
        return spec.replace("*", listing) if spec else listing


def _percent(value: float) -> str:
    """99.95 -> '99.95', 10.0 -> '10': figures as people write them, up to six decimals."""
    return f"{round(value, 6):.6f}".rstrip("0").rstrip(".")


# --- ACC ---------------------------------------------------------------------------

@check("missing_devices")
def missing_devices(estate: Estate, options: dict) -> Iterator[Finding]:
    for app in _valid(estate, "applications"):
        devices = effective_devices(app)
        missing = [d for d in options["required_devices"] if d != "chromebook" and d not in devices]
        if missing:
            yield Finding(app, ("access", "devices"), {"missing": _listing(missing)})


# --- CLD ---------------------------------------------------------------------------

_NOT_PUBLIC = ("on-premise", "private-cloud", "colocation")


@check("public_cloud")
def public_cloud(estate: Estate, options: dict) -> Iterator[Finding]:
    for section in ("infrastructure", "data_stores", "applications"):
        for entity in _valid(estate, section):
            delivery = entity.data.get("delivery")
            if delivery in ("on-premise", "desktop"):
                yield Finding(entity, ("delivery",), {"where": f"delivery: {delivery}"})
                continue
            kind = provider_type(estate, entity)
            if kind in _NOT_PUBLIC:
                yield Finding(entity, ("provider",), {"where": f"provider: {entity.data['provider']}, {kind}"})


@check("iaas_providers")
def iaas_providers(estate: Estate, options: dict) -> Iterator[Finding]:
    referenced = set()
    for section in ("infrastructure", "data_stores", "applications"):
        for entity in estate.entities(section):
            if isinstance(entity.data.get("provider"), str):
                referenced.add(entity.data["provider"])
    iaas = [p for p in estate.providers.values()
            if p.valid and p.id in referenced and "iaas" in (p.data.get("offers") or [])]
    not_public = [p for p in iaas if p.data.get("type") != "public-cloud"]
    limit = options["max_iaas_providers"]
    if iaas and (len(iaas) > limit or not_public):
        # Point at what to change: the type of a private provider, else the offers of one too many.
        anchor, path = (not_public[0], ("type",)) if not_public else (iaas[max(int(limit), 0)], ("offers",))
        yield Finding(None, path, {
            "count": len(iaas), "limit": limit, "providers": _listing(p.id for p in iaas),
            "not_public": _listing(f"{p.id} ({p.data.get('type')})" for p in not_public) or "-",
        }, anchor=anchor)


# --- COL ---------------------------------------------------------------------------

@check("proprietary_formats")
def proprietary_formats(estate: Estate, options: dict) -> Iterator[Finding]:
    closed = {f.lower().lstrip(".") for f in options["proprietary_formats"]}
    for app in _valid(estate, "applications"):
        used = [f for f in app.data.get("exchange_formats") or [] if f.lower().lstrip(".") in closed]
        if used:
            yield Finding(app, ("exchange_formats",), {"formats": _listing(used)})


# --- DAT ---------------------------------------------------------------------------

@check("data_independence")
def data_independence(estate: Estate, options: dict) -> Iterator[Finding]:
    for store in _valid(estate, "data_stores"):
        if "application" not in store.data:
            continue
        targets = [estate.lookup(t, "data_stores") for t in store.data.get("exported_to") or []]
        if not any(t is not None and is_independent_space(t) for t in targets):
            yield Finding(store, ("exported_to",), {"application": store.data["application"]})


@check("data_spaces")
def data_spaces(estate: Estate, options: dict) -> Iterator[Finding]:
    held: dict[str, list] = {}
    covered: set = set()
    for store in _valid(estate, "data_stores"):
        for kind in data_kinds(store):
            held.setdefault(kind, []).append(store)
            if is_independent_space(store):
                covered.add(kind)
    for kind in ("structured", "documents", "media", "geographic"):
        if kind in held and kind not in covered:
            stores = held[kind]
            # Anchored at the first store holding the kind, on its `data` list when written out.
            yield Finding(None, ("data",), {"kind": kind, "stores": _listing(s.id for s in stores)},
                          anchor=stores[0])


# --- AVL ---------------------------------------------------------------------------

def _link_label(link) -> str:
    """The weakest link as AVL002 names it: `orders-db (99.95%)`, `any_of(a, b) (99.99%)`, own figure."""
    if link.kind == "own":
        return f"{link.id} (availability.own {_percent(link.value)}%)"
    if link.kind == "any_of":
        return f"any_of({', '.join(member.id for member in link.members)}) ({_percent(link.value)}%)"
    return f"{link.id} ({_percent(link.value)}%)"


def _shown_below(value: float, target: float) -> str:
    """`value` with three decimals, or more when rounding would hide that it is below `target`."""
    for digits in range(3, 10):
        text = f"{value:.{digits}f}"
        if float(text) < target:
            return text
    return text


@check("end_to_end_availability")
def end_to_end_availability(estate: Estate, options: dict) -> Iterator[Finding]:
    figures = end_to_end(estate)
    for app in _valid(estate, "applications"):
        target = app.get("availability.target")
        if target is None:
            continue
        figure = figures[app.id]
        # Products of fractions carry float noise: a chain that meets its target exactly must pass.
        if figure.value < target - 1e-9:
            yield Finding(app, ("availability", "target"), {
                "figure": _shown_below(figure.value, target), "target": _percent(target),
                "weakest": _link_label(figure.weakest) if figure.weakest else None,
                "missing": Clause(figure.missing),
            })


@check("same_service_for_all")
def same_service_for_all(estate: Estate, options: dict) -> Iterator[Finding]:
    external = [app for app in _valid(estate, "applications")
                if "external" in (app.data.get("audience") or []) and app.get("availability.target") is not None]
    if not external:
        return
    lowest = min(external, key=lambda app: app.get("availability.target"))
    floor = lowest.get("availability.target")
    for app in _valid(estate, "applications"):
        target = app.get("availability.target")
        if app.data.get("audience") == ["internal"] and target is not None and target < floor:
            yield Finding(app, ("availability", "target"), {
                "target": _percent(target), "floor": _percent(floor), "external": lowest.id,
            })


# --- INT ---------------------------------------------------------------------------

@check("shared_database")
def shared_database(estate: Estate, options: dict) -> Iterator[Finding]:
    for flow in _valid(estate, "integrations"):
        if flow.data.get("via") == "shared-database":
            yield Finding(flow, ("via",), {"stores": Clause([])})
    for app in _valid(estate, "applications"):
        foreign: dict[str, int] = {}  # "store (owner)" -> position of its first mention
        for i, target in enumerate(app.data.get("data") or []):
            store = estate.lookup(target, "data_stores")
            owner = store.data.get("application") if store is not None else None
            if isinstance(owner, str) and owner != app.id:
                foreign.setdefault(f"{target} ({owner})", i)
        if foreign:
            yield Finding(app, ("data", min(foreign.values())), {"stores": Clause(foreign)})


# --- CST ---------------------------------------------------------------------------

@check("office_cost")
def office_cost(estate: Estate, options: dict) -> Iterator[Finding]:
    # Costs in different currencies are not added up: each currency is summed and compared on its own.
    by_currency: dict[str, list] = {}
    for app in _valid(estate, "applications"):
        cost = app.get("cost.per_user_month")
        if is_content(app, options) and cost is not None:
            by_currency.setdefault(app.get("cost.currency", "EUR"), []).append(app)
    ceiling = options["office_cost_ceiling"]
    for currency, apps in sorted(by_currency.items()):
        total = sum(app.get("cost.per_user_month") for app in apps)
        if total > ceiling + 1e-9:
            yield Finding(None, ("cost", "per_user_month"), {
                "total": _percent(total), "currency": currency, "ceiling": _percent(ceiling),
                "apps": _listing(f"{app.id} {_percent(app.get('cost.per_user_month'))}" for app in apps),
            }, anchor=apps[0])
