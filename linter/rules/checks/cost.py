"""CST: reasonable costs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from ...i18n.messages import Listing, Money, Text
from ...model.estate import Entity, Estate, is_number
from ..settings import Settings
from .estate_facts import is_content, valid_entities
from .registry import Clause, Finding, check


@check("office_cost")
def office_cost(estate: Estate, settings: Settings) -> Iterator[Finding]:
    """The office budget per user per month (rules 1.1): content applications and access devices together,
    each device weighted by the share of the workforce that has it when it states `users` (rules 1.2).

    Only costs in the `currency` option are summed; others are listed as not counted, never converted.
    """
    options = settings.options
    currency, ceiling = options["currency"], options["office_cost_ceiling"]
    software: list[Entity] = []
    devices: list[Entity] = []
    other: list[Entity] = []
    for app in valid_entities(estate, "applications"):
        if is_content(app, options) and is_number(app.get("cost.per_user_month")):
            (software if app.get("cost.currency", "EUR") == currency else other).append(app)
    for component in valid_entities(estate, "infrastructure"):
        if component.data.get("type") == "access-devices" and is_number(component.get("cost.per_user_month")):
            (devices if component.get("cost.currency", "EUR") == currency else other).append(component)
    people = estate.workforce[0] if estate.workforce is not None else 0
    device_cost = sum(_device_cost(component, people) for component in devices)
    spent = sum(entity.get("cost.per_user_month") for entity in software) + device_cost
    assumed = not devices  # no access-devices component states a cost in the currency
    if assumed:
        device_cost = options["device_cost_default"]
        spent += device_cost
    if spent <= ceiling + 1e-9 or not software and assumed:
        return
    yield Finding(
        None,
        (),
        {
            "total": Money(round(spent, 2), currency),
            "ceiling": Money(ceiling, currency),
            "software": Clause(_cost_of(entity, currency) for entity in software),
            "devices": (
                Text("check.device_default", cost=Money(device_cost, currency))
                if assumed
                else Listing(_device_cost_of(component, people, currency) for component in devices)
            ),
            "other": Clause(_cost_of(entity, entity.get("cost.currency", "EUR")) for entity in other),
        },
        missing=("cost.per_user_month",) if assumed and spent - device_cost <= ceiling + 1e-9 else (),
        about={
            "costed": tuple(entity.id for entity in software + devices),
            "applications": tuple(app.id for app in software),
        },
    )


def _users(component: Entity, people: int) -> Optional[int]:
    """How many people have the device, when it says so and the workforce is known (rules 1.2), else None."""
    users = component.data.get("users")
    return users if people > 0 and isinstance(users, int) and not isinstance(users, bool) else None


def _device_cost(component: Entity, people: int) -> float:
    """A device's cost per person of the workforce: weighted by who has it, in full when that is not stated."""
    users = _users(component, people)
    cost = component.get("cost.per_user_month")
    return cost * users / people if users is not None else cost


def _device_cost_of(component: Entity, people: int, currency: str) -> Text:
    users = _users(component, people)
    if users is None:
        return _cost_of(component, currency)
    return Text(
        "check.cost_of_share",
        id=component.id,
        cost=Money(component.get("cost.per_user_month"), currency),
        users=users,
        workforce=people,
        weighted=Money(round(_device_cost(component, people), 2), currency),
    )


def _cost_of(entity: Entity, currency: str) -> Text:
    return Text("check.cost_of", id=entity.id, cost=Money(entity.get("cost.per_user_month"), currency))
