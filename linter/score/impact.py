"""How much the business stands on each entity: what weighs a check in the scores and an action in the plan.

An application weighs its criticality times its reach:

- criticality (`criticality`, as CMDBs record it): critical 4, high 2,
  medium 1, low 0.5; not stated counts as medium;
- reach: log10(users + 9), so 1 person weighs 1, 91 people 2, 991 people 3,
  9,991 people 4 (each tenfold of people adds the same); `users` not stated
  counts as 1, the weight of one person.

A component (infrastructure, a data store, an integration) weighs the sum of
the applications that need it: its own application, the ends of a flow, and
every application that names it in `depends_on` or `data`, directly or
through another application. An entity no application needs, and a rule about
the whole estate, weigh as the average application. An estate that states
neither `users` nor `criticality` and has no shared component is scored as
without weighting. docs/scoring.md gives a worked example.
"""

from __future__ import annotations

import math
from typing import Optional

from ..model.estate import Entity, Estate, dependencies
from ..model.vocabulary import SECTIONS

CRITICALITY = {"critical": 4.0, "high": 2.0, "medium": 1.0, "low": 0.5}
ESTATE_WIDE = (None, None)  # the (section, id) key of an estate-wide check

# (section, id) -> the applications it belongs to (scorecard.application_owners); asked of any check's key,
# an estate-wide one's (None, None) included, which belongs to none.
Owners = dict[tuple[Optional[str], Optional[str]], tuple[str, ...]]


def application_weight(app: Entity) -> float:
    stated = app.data.get("criticality")
    criticality = CRITICALITY.get(stated, 1.0) if isinstance(stated, str) else 1.0
    users = app.data.get("users")
    reach = math.log10(users + 9) if isinstance(users, int) and not isinstance(users, bool) and users >= 0 else 1.0
    return criticality * reach


class Impact:
    """The weight of every entity of an estate, (section, id) -> weight, and of estate-wide checks."""

    def __init__(self, estate: Optional[Estate], owners: Owners) -> None:
        self.weights: dict[tuple[Optional[str], Optional[str]], float] = {}
        self.dependents_of: dict[str, set[str]] = {}  # component id -> applications that need it, directly or not
        if estate is None:
            self.average = 1.0
            return
        applications = {app.id: application_weight(app) for app in estate.applications.values() if app.valid}
        self.average = sum(applications.values()) / len(applications) if applications else 1.0
        reverse = _reverse_needs(estate)
        for section in SECTIONS:
            for entity in estate.entities(section):
                concerned = set(owners.get((section, entity.id), ()))
                if section != "applications":
                    concerned |= self.dependents(entity.id, reverse)
                else:
                    concerned |= self.dependents(entity.id, reverse) | {entity.id}
                weights = [applications[app] for app in concerned if app in applications]
                self.weights[(section, entity.id)] = sum(weights) if weights else self.average

    def dependents(self, entity_id: str, reverse: dict[str, set[str]]) -> set[str]:
        """The applications that need `entity_id` to run, directly or through another application."""
        found = self.dependents_of.get(entity_id)
        if found is None:
            found = set()
            stack = [entity_id]
            while stack:
                for app in reverse.get(stack.pop(), ()):
                    if app not in found:
                        found.add(app)
                        stack.append(app)
            self.dependents_of[entity_id] = found
        return found

    def of(self, section: Optional[str], entity_id: Optional[str]) -> float:
        """The weight of a check on that entity; an estate-wide check (None, None) weighs the average."""
        return self.weights.get((section, entity_id), self.average)


def _reverse_needs(estate: Estate) -> dict[str, set[str]]:
    """id -> applications that name it in `depends_on` or `data`."""
    reverse: dict[str, set[str]] = {}
    for app in estate.applications.values():
        if not app.valid:
            continue
        targets = [t for t in app.data.get("data") or [] if isinstance(t, str)]
        targets += [target for _, target in dependencies(app)]
        for target in targets:
            reverse.setdefault(target, set()).add(app.id)
    return reverse
