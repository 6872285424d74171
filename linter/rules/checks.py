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
from ..i18n.messages import Listing, Money, Plural, Text, render
from ..model.estate import Entity, Estate, dependencies
from ..model.vocabulary import DEVICE_FAMILIES


@dataclass(frozen=True)
class Finding:
    entity: Optional[Entity]  # None for estate-wide findings
    path: tuple = ()  # where inside the entity (or the anchor) the finding points
    params: dict = field(default_factory=dict)  # values for the message template
    anchor: Optional[Entity] = None  # where an estate-wide finding points; None: the estate's anchor
    missing: tuple = ()  # the fields whose absence alone makes it fire: worded with the rule's `unstated` text
    document: object = None  # for a finding at the top level of a file (top-level waivers): the path is from there


CHECKS: dict[str, Callable[..., Iterator[Finding]]] = {}  # name -> check(estate, settings)
ENTITY_CHECKS: set = set()  # the names of CHECKS registered with `entity_check`


def check(name: str):
    def register(function):
        CHECKS[name] = function
        return function
    return register


def entity_check(name: str):
    """A check that looks at one entity at a time: check(entity, estate, settings), called by the engine for
    each valid entity of its rule's scope.

    It reads the entity's data (stated, and from its product), its provider's type and the
    options, nothing else, and its findings are about that entity: so an editor keeps what it
    found on an entity that did not change (engine.Memo), as for declarative rules.
    """
    def register(function):
        CHECKS[name] = function
        ENTITY_CHECKS.add(name)
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


def stated(entity: Entity, dotted: str):
    """A field's value for a message: as written, or marked as taken from the entity's product."""
    value = entity.get(dotted)
    if isinstance(value, list) and not value:
        value = "[]"  # an empty list still reads as a value
    product = entity.source(dotted)
    return Text("word.from_product", value=value, product=product.id) if product is not None else value


class Clause:
    """A message parameter that may be empty, so the rule file keeps the wording in both languages.

    In a template, `{missing:; no figure for * (counted as 100%)}` gives the
    text after the colon with `*` replaced by the listing, or nothing when
    there is nothing to list. Its values are put into words by the engine.
    """

    def __init__(self, values) -> None:
        self.values = tuple(values)

    def __eq__(self, other) -> bool:
        return isinstance(other, Clause) and self.values == other.values

    def __hash__(self) -> int:
        return hash(self.values)

    def worded(self, lang: str) -> "Clause":
        return Clause(render(lang, value) for value in self.values)

    def __format__(self, spec: str) -> str:
        if not self.values:
            return ""
        listing = ", ".join(str(value) for value in self.values)
        return spec.replace("*", listing) if spec else listing


def _figure_below(value: float, target: float) -> float:
    """`value` with three decimals, or more when rounding would hide that it is below `target`."""
    for digits in range(3, 10):
        shown = round(value, digits)
        if shown < target:
            return shown
    return value


# --- ACC ---------------------------------------------------------------------------

@entity_check("missing_devices")
def missing_devices(app: Entity, estate: Estate, settings) -> Iterator[Finding]:
    devices = effective_devices(app)
    missing = [d for d in settings.options["required_devices"] if d != "chromebook" and d not in devices]
    if missing:
        unstated = () if app.states("access.devices") else ("access.devices",)
        yield Finding(app, ("access", "devices"), {"missing": Listing(missing), "why": _no_devices(app)},
                      missing=unstated)


@check("device_choice")
def device_choice(estate: Estate, settings) -> Iterator[Finding]:
    """ACC007: the device families the company's `access-devices` offer, together."""
    fleets = [c for c in _valid(estate, "infrastructure") if c.data.get("type") == "access-devices"]
    if not fleets:
        return
    offered = [family for family in DEVICE_FAMILIES
               if any(family in (fleet.data.get("families") or []) for fleet in fleets)]
    required = settings.options["required_devices"]
    minimum = settings.options["min_device_families"]
    among = [family for family in required if family in offered]
    if len(among) < minimum or "chromebook" not in offered:
        stated_any = any("families" in fleet.data for fleet in fleets)
        yield Finding(None, ("families",), {
            "offered": Listing(offered) if offered else Text("check.no_family"), "count": len(among), "minimum": minimum,
            "fleets": Listing(fleet.id for fleet in fleets),
        }, anchor=fleets[0], missing=() if stated_any else ("families",))


def _no_devices(app: Entity) -> Text:
    """Why an application that states no devices counts as usable from none (its unstated message says it)."""
    if app.get("access.browser") is True:
        return Text("check.installed_client_cancels", clients=Listing(app.get("access.installed_clients") or []))
    return Text("check.no_browser")


# --- CLD ---------------------------------------------------------------------------

_NOT_PUBLIC = ("on-premise", "private-cloud", "colocation")


@entity_check("public_cloud")
def public_cloud(entity: Entity, estate: Estate, settings) -> Iterator[Finding]:
    delivery = entity.data.get("delivery")
    if delivery in ("on-premise", "desktop"):
        yield Finding(entity, ("delivery",), {"where": Text("check.where_delivery",
                                                            delivery=stated(entity, "delivery"))})
        return
    kind = provider_type(estate, entity)
    if kind in _NOT_PUBLIC:
        yield Finding(entity, ("provider",), {"where": Text(
            "check.where_provider", provider=entity.data["provider"], type=Text("word.provider." + kind))})


@check("iaas_providers")
def iaas_providers(estate: Estate, settings) -> Iterator[Finding]:
    referenced = set()
    for section in ("infrastructure", "data_stores", "applications"):
        for entity in estate.entities(section):
            if isinstance(entity.data.get("provider"), str):
                referenced.add(entity.data["provider"])
    iaas = [p for p in estate.providers.values()
            if p.valid and p.id in referenced and "iaas" in (p.data.get("offers") or [])]
    not_public = [p for p in iaas if p.data.get("type") != "public-cloud"]
    limit = settings.options["max_iaas_providers"]
    if iaas and (len(iaas) > limit or not_public):
        # Point at what to change: the type of a private provider, else the offers of one too many.
        anchor, path = (not_public[0], ("type",)) if not_public else (iaas[max(int(limit), 0)], ("offers",))
        yield Finding(None, path, {
            "count": Plural("check.providers", len(iaas)), "limit": limit, "providers": Listing(p.id for p in iaas),
            "not_public": Clause(Text("check.provider_and_type", id=p.id, type=Text("word.provider." + p.data["type"]))
                                 for p in not_public),
        }, anchor=anchor)


@check("supported_versions")
def supported_versions(estate: Estate, settings) -> Iterator[Finding]:
    today = settings.today.isoformat()
    for app in _valid(estate, "applications"):
        end = app.get("lifecycle.end_of_support")
        if isinstance(end, str) and end < today:
            version = app.get("lifecycle.version")
            product = app.source("lifecycle.end_of_support")
            yield Finding(app, ("lifecycle", "end_of_support"), {
                "date": end, "today": today,
                "version": Text("check.version", version=version) if version is not None else Text("check.a_version"),
                "source": Clause([product.id] if product is not None else []),
            })


# --- COL ---------------------------------------------------------------------------

@entity_check("proprietary_formats")
def proprietary_formats(app: Entity, estate: Estate, settings) -> Iterator[Finding]:
    closed = _closed_formats(tuple(settings.options["proprietary_formats"]))
    used = [f for f in app.data.get("exchange_formats") or [] if f.lower().lstrip(".") in closed]
    if used:
        yield Finding(app, ("exchange_formats",), {"formats": Listing(used)})


@lru_cache(maxsize=None)
def _closed_formats(formats: tuple) -> frozenset:
    return frozenset(f.lower().lstrip(".") for f in formats)


def _office_tools(estate: Estate) -> list:
    """The content applications of category office or messaging, any case (COL006)."""
    return [app for app in _valid(estate, "applications")
            if isinstance(app.data.get("category"), str) and app.data["category"].lower() in ("office", "messaging")]


@check("office_tools_for_all")
def office_tools_for_all(estate: Estate, settings) -> Iterator[Finding]:
    if estate.workforce is None:
        return
    workforce, document = estate.workforce
    tools = _office_tools(estate)
    counted = [app for app in tools if isinstance(app.data.get("users"), int)]
    reached = max((app.data["users"] for app in counted), default=0)
    if reached < workforce:
        left_out = 100 * (workforce - reached) / workforce if workforce else 0
        best = max(counted, key=lambda app: app.data["users"], default=None)
        yield Finding(None, ("workforce",), {
            "workforce": workforce, "reached": Plural("check.people", reached), "share": round(left_out, 1),
            "tools": Listing(app.id for app in tools) if tools else Text("word.none_of_them"),
            "best": Clause([best.id] if best is not None else []),
        }, missing=("users",) if tools and not counted else (), document=document)


# --- DAT ---------------------------------------------------------------------------

@check("data_independence")
def data_independence(estate: Estate, settings) -> Iterator[Finding]:
    for store in _valid(estate, "data_stores"):
        if "application" not in store.data:
            continue
        targets = [estate.lookup(t, "data_stores") for t in store.data.get("exported_to") or []]
        if not any(t is not None and is_independent_space(t) for t in targets):
            yield Finding(store, ("exported_to",), {"application": store.data["application"]},
                          missing=() if store.states("exported_to") else ("exported_to",))


@check("data_spaces")
def data_spaces(estate: Estate, settings) -> Iterator[Finding]:
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
            yield Finding(None, ("data",), {"kind": Text("word.data_kind." + kind),
                                            "stores": Listing(s.id for s in stores)}, anchor=stores[0])


# --- AVL ---------------------------------------------------------------------------

def _link(link) -> Text:
    """The weakest link as AVL002 names it: a component, an application's own figure, or a redundant group."""
    if link.kind == "own":
        return Text("check.link_own", id=link.id, figure=link.value)
    if link.kind == "any_of":
        return Text("check.link_group", members=Listing(member.id for member in link.members), figure=link.value)
    return Text("check.link", id=link.id, figure=link.value)


@check("end_to_end_availability")
def end_to_end_availability(estate: Estate, settings) -> Iterator[Finding]:
    figures = end_to_end(estate)
    for app in _valid(estate, "applications"):
        target = _target(app)
        if target is None:
            continue
        figure = figures[app.id]
        # Products of fractions carry float noise: a chain that meets its target exactly must pass.
        if figure.value < target - 1e-9:
            yield Finding(app, ("availability", "target"), {
                "figure": _figure_below(figure.value, target), "target": target,
                "weakest": _link(figure.weakest) if figure.weakest else "-",
                "missing": Clause(figure.missing),
            })


@check("same_service_for_all")
def same_service_for_all(estate: Estate, settings) -> Iterator[Finding]:
    targets = [(app, _target(app)) for app in _valid(estate, "applications")]
    external = [(target, app) for app, target in targets
                if target is not None and "external" in (app.data.get("audience") or [])]
    if not external:
        return
    floor, lowest = min(external, key=lambda pair: pair[0])
    for app, target in targets:
        if app.data.get("audience") == ["internal"] and target is not None and target < floor:
            yield Finding(app, ("availability", "target"), {"target": target, "floor": floor, "external": lowest.id})


def _target(app: Entity):
    availability = app.data.get("availability")
    return availability.get("target") if isinstance(availability, dict) else None


# --- INT ---------------------------------------------------------------------------

@check("shared_database")
def shared_database(estate: Estate, settings) -> Iterator[Finding]:
    for flow in _valid(estate, "integrations"):
        if flow.data.get("via") == "shared-database":
            yield Finding(flow, ("via",), {"stores": Clause([])})
    owners = {store_id: store.data.get("application") for store_id, store in estate.data_stores.items()}
    for app in _valid(estate, "applications"):
        # A store of another application, read or written (`data`) or needed to run (`depends_on`).
        foreign: dict = {}  # "store (owner)" -> path of its first mention
        for path, target in store_references(app):
            owner = owners.get(target) if isinstance(target, str) else None
            if isinstance(owner, str) and owner != app.id:
                foreign.setdefault(Text("check.store_of", store=target, owner=owner), path)
        if foreign:
            yield Finding(app, min(foreign.values()), {"stores": Clause(foreign)})


def store_references(app: Entity) -> Iterator[tuple]:
    """(path, id) of every store the application names: read or written (`data`), or needed to run (`depends_on`)."""
    for i, target in enumerate(app.data.get("data") or []):
        yield ("data", i), target
    yield from dependencies(app)


# --- CST ---------------------------------------------------------------------------

@check("office_cost")
def office_cost(estate: Estate, settings) -> Iterator[Finding]:
    """The office budget per user per month (rules 1.1): content applications and access devices together.

    Only costs in the `currency` option are summed; others are listed as not counted, never converted.
    """
    options = settings.options
    currency, ceiling = options["currency"], options["office_cost_ceiling"]
    software, devices, other = [], [], []
    for app in _valid(estate, "applications"):
        if is_content(app, options) and _number(app.get("cost.per_user_month")):
            (software if app.get("cost.currency", "EUR") == currency else other).append(app)
    for component in _valid(estate, "infrastructure"):
        if component.data.get("type") == "access-devices" and _number(component.get("cost.per_user_month")):
            (devices if component.get("cost.currency", "EUR") == currency else other).append(component)
    spent = sum(entity.get("cost.per_user_month") for entity in software + devices)
    device_cost = sum(entity.get("cost.per_user_month") for entity in devices)
    assumed = not devices  # no access-devices component states a cost in the currency
    if assumed:
        device_cost = options["device_cost_default"]
        spent += device_cost
    if spent <= ceiling + 1e-9 or not software and assumed:
        return
    yield Finding(None, (), {
        "total": Money(round(spent, 6), currency), "ceiling": Money(ceiling, currency),
        "software": Clause(_cost_of(entity, currency) for entity in software),
        "devices": (Text("check.device_default", cost=Money(device_cost, currency)) if assumed
                    else Listing(_cost_of(entity, currency) for entity in devices)),
        "other": Clause(_cost_of(entity, entity.get("cost.currency", "EUR")) for entity in other),
    }, missing=("cost.per_user_month",) if assumed and spent - device_cost <= ceiling + 1e-9 else ())


def _cost_of(entity: Entity, currency: str) -> Text:
    return Text("check.cost_of", id=entity.id, cost=Money(entity.get("cost.per_user_month"), currency))


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
