"""INT: integration through a platform."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n.messages import Text
from ...model.estate import Entity, Estate, Path, dependencies
from ..settings import Settings
from .estate_facts import valid_entities
from .registry import Clause, Finding, check


@check("shared_database")
def shared_database(estate: Estate, settings: Settings) -> Iterator[Finding]:
    for flow in valid_entities(estate, "integrations"):
        if flow.data.get("via") == "shared-database":
            yield Finding(flow, ("via",), {"stores": Clause([])})
    owners = {store_id: store.data.get("application") for store_id, store in estate.data_stores.items()}
    for app in valid_entities(estate, "applications"):
        # A store of another application, read or written (`data`) or needed to run (`depends_on`).
        foreign: dict = {}  # "store (owner)" -> path of its first mention
        for path, target in store_references(app):
            owner = owners.get(target) if isinstance(target, str) else None
            if isinstance(owner, str) and owner != app.id:
                foreign.setdefault(Text("check.store_of", store=target, owner=owner), path)
        if foreign:
            yield Finding(
                app,
                min(foreign.values()),
                {"stores": Clause(foreign)},
                about={"stores": tuple(dict.fromkeys(text.params["store"] for text in foreign))},
            )


def store_references(app: Entity) -> Iterator[tuple[Path, object]]:
    """(path, id) of every store the application names: read or written (`data`), or needed to run (`depends_on`)."""
    for i, target in enumerate(app.data.get("data") or []):
        yield ("data", i), target
    yield from dependencies(app)
