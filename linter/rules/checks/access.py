"""ACC: access from any device, through the browser."""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n.messages import Listing, Text
from ...model.estate import Entity, Estate
from ...model.vocabulary import DEVICE_FAMILIES
from ..settings import Settings
from .estate_facts import effective_devices, valid_entities
from .registry import Finding, check, entity_check


@entity_check("missing_devices")
def missing_devices(app: Entity, estate: Estate, settings: Settings) -> Iterator[Finding]:
    devices = effective_devices(app)
    missing = [d for d in settings.options["required_devices"] if d != "chromebook" and d not in devices]
    if missing:
        unstated = () if app.states("access.devices") else ("access.devices",)
        yield Finding(
            app, ("access", "devices"), {"missing": Listing(missing), "why": _no_devices(app)}, missing=unstated
        )


@check("device_choice")
def device_choice(estate: Estate, settings: Settings) -> Iterator[Finding]:
    """ACC007: the device families the company's `access-devices` offer, together."""
    fleets = [c for c in valid_entities(estate, "infrastructure") if c.data.get("type") == "access-devices"]
    if not fleets:
        return
    offered = [
        family for family in DEVICE_FAMILIES if any(family in (fleet.data.get("families") or []) for fleet in fleets)
    ]
    required = settings.options["required_devices"]
    minimum = settings.options["min_device_families"]
    among = [family for family in required if family in offered]
    if len(among) < minimum or "chromebook" not in offered:
        stated_any = any("families" in fleet.data for fleet in fleets)
        yield Finding(
            None,
            ("families",),
            {
                "offered": Listing(offered) if offered else Text("check.no_family"),
                "count": len(among),
                "minimum": minimum,
                "fleets": Listing(fleet.id for fleet in fleets),
            },
            anchor=fleets[0],
            missing=() if stated_any else ("families",),
        )


def _no_devices(app: Entity) -> Text:
    """Why an application that states no devices counts as usable from none (its unstated message says it)."""
    if app.get("access.browser") is True:
        return Text("check.installed_client_cancels", clients=Listing(app.get("access.installed_clients") or []))
    return Text("check.no_browser")
