"""DAT: data independent of applications."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n.messages import Listing, Text
from ...model.estate import Estate
from ..settings import Settings
from .estate_facts import data_kinds, is_independent_space, valid_entities
from .registry import Finding, check


@check("data_independence")
def data_independence(estate: Estate, settings: Settings) -> Iterator[Finding]:
    for store in valid_entities(estate, "data_stores"):
        if "application" not in store.data:
            continue
        targets = [estate.lookup(t, "data_stores") for t in store.data.get("exported_to") or []]
        if not any(t is not None and is_independent_space(t) for t in targets):
            yield Finding(
                store,
                ("exported_to",),
                {"application": store.data["application"]},
                missing=() if store.states("exported_to") else ("exported_to",),
            )


@check("data_spaces")
def data_spaces(estate: Estate, settings: Settings) -> Iterator[Finding]:
    held: dict[str, list] = {}
    covered: set = set()
    for store in valid_entities(estate, "data_stores"):
        for kind in data_kinds(store):
            held.setdefault(kind, []).append(store)
            if is_independent_space(store):
                covered.add(kind)
    for kind in ("structured", "documents", "media", "geographic"):
        if kind in held and kind not in covered:
            stores = held[kind]
            # Anchored at the first store holding the kind, on its `data` list when written out.
            yield Finding(
                None,
                ("data",),
                {"kind": Text("word.data_kind." + kind), "stores": Listing(s.id for s in stores)},
                anchor=stores[0],
                about={"kind": kind},
            )
