"""CLD: public cloud, true SaaS, no updates to manage."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n.messages import Day, Listing, Plural, Text
from ...model.estate import Entity, Estate
from ..settings import Settings
from .estate_facts import provider_type, stated, valid_entities
from .registry import Clause, Finding, check, entity_check

_NOT_PUBLIC = ("on-premise", "private-cloud", "colocation")


@entity_check("public_cloud")
def public_cloud(entity: Entity, estate: Estate, settings: Settings) -> Iterator[Finding]:
    delivery = entity.data.get("delivery")
    if delivery in ("on-premise", "desktop"):
        yield Finding(
            entity, ("delivery",), {"where": Text("check.where_delivery", delivery=stated(entity, "delivery"))}
        )
        return
    kind = provider_type(estate, entity)
    if kind in _NOT_PUBLIC:
        yield Finding(
            entity,
            ("provider",),
            {
                "where": Text(
                    "check.where_provider", provider=entity.data["provider"], type=Text("word.provider." + kind)
                )
            },
        )


@check("iaas_providers")
def iaas_providers(estate: Estate, settings: Settings) -> Iterator[Finding]:
    referenced = set()
    for section in ("infrastructure", "data_stores", "applications"):
        for entity in estate.entities(section):
            if isinstance(entity.data.get("provider"), str):
                referenced.add(entity.data["provider"])
    iaas = [
        p
        for p in estate.providers.values()
        if p.valid and p.id in referenced and "iaas" in (p.data.get("offers") or [])
    ]
    not_public = [p for p in iaas if p.data.get("type") != "public-cloud"]
    limit = settings.options["max_iaas_providers"]
    if iaas and (len(iaas) > limit or not_public):
        # Point at what to change: the type of a private provider, else the offers of one too many.
        anchor, path = (not_public[0], ("type",)) if not_public else (iaas[max(int(limit), 0)], ("offers",))
        yield Finding(
            None,
            path,
            {
                "count": Plural("check.providers", len(iaas)),
                "limit": limit,
                "providers": Listing(p.id for p in iaas),
                "not_public": Clause(
                    Text("check.provider_and_type", id=p.id, type=Text("word.provider." + p.data["type"]))
                    for p in not_public
                ),
            },
            anchor=anchor,
            about={"providers": tuple(p.id for p in iaas), "leave": tuple(p.id for p in (not_public or iaas))},
        )


@check("supported_versions")
def supported_versions(estate: Estate, settings: Settings) -> Iterator[Finding]:
    today = settings.today.isoformat()
    for app in valid_entities(estate, "applications"):
        end = app.get("lifecycle.end_of_support")
        if isinstance(end, str) and end < today:
            version = app.get("lifecycle.version")
            product = app.source("lifecycle.end_of_support")
            yield Finding(
                app,
                ("lifecycle", "end_of_support"),
                {
                    "date": Day(end),
                    "today": Day(today),
                    "version": Text("check.version", version=version)
                    if version is not None
                    else Text("check.a_version"),
                    "source": Clause([product.id] if product is not None else []),
                },
            )
