"""Facts derived from the estate that declarative conditions and checks both read."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, Optional

from ...i18n.messages import Text
from ...model.estate import Entity, Estate
from ...model.vocabulary import DEVICE_FAMILIES


def effective_devices(entity: Entity) -> list[str]:
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


_DEFAULT_DATA = {
    "operational": "structured",
    "warehouse": "structured",
    "lake": "structured",
    "documents": "documents",
    "media": "media",
    "geographic": "geographic",
}


def data_kinds(entity: Entity) -> list[str]:
    if "data" in entity.data:
        return list(entity.data["data"])
    kind = entity.data.get("kind")
    default = _DEFAULT_DATA.get(kind) if isinstance(kind, str) else None
    return [default] if default else []


def is_content(entity: Entity, options: dict[str, Any]) -> bool:
    """Whether the application holds content (office, documents, ...): categories compare in any case."""
    category = entity.data.get("category")
    return isinstance(category, str) and category.lower() in _lowered(tuple(options["content_categories"]))


@cache
def _lowered(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


def facts(estate: Estate, entity: Entity, options: dict[str, Any]) -> dict[str, Any]:
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


def valid_entities(estate: Estate, section: str) -> Iterator[Entity]:
    return (entity for entity in estate.entities(section) if entity.valid)


def stated(entity: Entity, dotted: str) -> Any:
    """A field's value for a message: as written, or marked as taken from the entity's product."""
    value = entity.get(dotted)
    if isinstance(value, list) and not value:
        value = "[]"  # an empty list still reads as a value
    product = entity.source(dotted)
    return Text("word.from_product", value=value, product=product.id) if product is not None else value
