"""The estate seen by the people who decide: what the html report shows, as plain data.

Built on the engine's side from a `Result` and its scores, so that the html
reporter stays a pure function of `Report` and knows nothing of rules or of
the model: per application its findings, waivers, heat-map cells and
end-to-end availability chain; what belongs to no application; and the
waivers that expire soon.
"""

from __future__ import annotations

import datetime
import gc
from typing import Optional

from .checks import end_to_end
from .diagnostic import SEVERITY_RANK
from .scoring import CATEGORIES, WAIVER_SECTIONS, Scorecard, application_owners

EXPIRING_DAYS = 90


def overview(result, scored_result, with_view: bool) -> tuple:
    """The scores of `scored_result`, and the estate view of `result` when `with_view`.

    The two differ when a baseline hid findings: scores count them all.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # as in the engine: many small acyclic objects, nothing for the collector to find
    try:
        scorecard = Scorecard(scored_result)
        scored = scorecard.scores()
        return scored, estate_view(result, scorecard.cells(), scored) if with_view else None
    finally:
        if was_enabled:
            gc.enable()


def estate_view(result, cells: dict, scored: dict) -> dict:
    """`cells` and `scored` are the run's `scoring.Scorecard` cells and scores."""
    estate, today = result.estate, result.settings.today
    view = {
        "organization": estate.organization if estate is not None else None,
        "today": today.isoformat(),
        "categories": _categories(scored),
        "applications": [],
        "other": {"findings": [], "waived": [], "waivers": []},
        "expiring": [],
        "expiring_days": EXPIRING_DAYS,
    }
    if estate is None:
        view["other"]["findings"] = [d.as_dict() for d in result.diagnostics]
        return view
    owners = application_owners(estate)
    figures = end_to_end(estate)
    apps: dict = {}
    for app in estate.applications.values():
        file, line, _ = estate.position(app)
        apps[app.id] = {
            "id": app.id, "name": _text(app.data.get("name")), "owner": _text(app.data.get("owner")),
            "usage": _text(app.data.get("usage")), "category": _text(app.data.get("category")),
            "file": file, "line": line, "valid": app.valid,
            "score": scored["applications"].get(app.id),
            "cells": cells.get(app.id, {}),
            "findings": [], "waived": [], "waivers": [],
            "availability": _availability(estate, app, figures) if app.valid else None,
        }
    for key, diagnostics in (("findings", result.diagnostics), ("waived", result.waived)):
        for diagnostic in diagnostics:
            targets = owners.get((diagnostic.section, diagnostic.entity), ())
            for target in targets:
                apps[target][key].append(diagnostic.as_dict())
            if not targets:
                view["other"][key].append(diagnostic.as_dict())
    for section in WAIVER_SECTIONS:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            for data in entity.data.get("waivers") or []:
                waiver = _waiver(data, today)
                holder = apps[entity.id]["waivers"] if section == "applications" else view["other"]["waivers"]
                holder.append(dict(waiver, entity=entity.id, section=section))
                if waiver["days_left"] is not None and waiver["days_left"] <= EXPIRING_DAYS:
                    view["expiring"].append(dict(waiver, entity=entity.id, section=section))
    for app in apps.values():
        # Errors first: a card is read from the top, and may be read no further.
        app["findings"].sort(key=lambda d: -SEVERITY_RANK[d["severity"]])
        app["worst"] = max((d["severity"] for d in app["findings"]), key=SEVERITY_RANK.get, default=None)
    view["applications"] = sorted(apps.values(), key=_order)
    view["expiring"].sort(key=lambda w: (w["days_left"], w["entity"], w["rule"]))
    return view


def _categories(scored: dict) -> list:
    """The eight principle categories first, then any custom rule's prefix."""
    return list(CATEGORIES) + sorted(c for c in scored["categories"] if c not in CATEGORIES)


def _order(app: dict):
    """Worst score first: the applications that hold the estate back lead the report."""
    score = (app["score"] or {}).get("score")
    return (score if score is not None else 101.0, app["id"])


def _text(value) -> Optional[str]:
    return value if isinstance(value, str) else None


def _waiver(data: dict, today: datetime.date) -> dict:
    expires = str(data.get("expires"))
    try:
        days_left: Optional[int] = (datetime.date.fromisoformat(expires) - today).days
    except ValueError:  # EST003 already reports a date that does not exist
        days_left = None
    return {"rule": data.get("rule"), "reason": data.get("reason"), "approved_by": data.get("approved_by"),
            "expires": expires, "days_left": days_left}


# --- availability -------------------------------------------------------------------

def _availability(estate, app, figures) -> Optional[dict]:
    """The figure, the target, and the chain of factors it multiplies (any_of groups in parallel)."""
    figure = figures.get(app.id)
    chain = []
    own = app.get("availability.own")
    if _number(own) and own < 100:
        chain.append({"id": None, "kind": "own", "value": own})
    for item in list(app.data.get("data") or []) + list(app.data.get("depends_on") or []):
        if isinstance(item, dict):
            members = [_factor(estate, member, figures) for member in item.get("any_of") or []]
            failure = 1.0
            for member in members:
                failure *= 1 - (member["value"] if member["value"] is not None else 100) / 100
            chain.append({"any_of": members, "value": 100 * (1 - failure)})
        else:
            chain.append(_factor(estate, item, figures))
    target = app.get("availability.target")
    if not chain and not _number(target):
        return None
    # The weakest link of this chain: for a dependency that is an application, its own whole figure.
    known = [factor for factor in chain if factor["value"] is not None and factor["value"] < 100]
    if known:
        min(known, key=lambda factor: factor["value"])["weakest"] = True
    return {
        "value": figure.value * 100 if figure is not None else None,
        "target": target if _number(target) else None,
        "missing": list(figure.missing) if figure is not None else [],
        "chain": chain,
    }


def _factor(estate, member, figures) -> dict:
    entity = estate.by_id.get(member) if isinstance(member, str) else None
    if entity is None:
        return {"id": str(member), "kind": None, "value": None}
    if entity.section == "applications":
        figure = figures.get(member)
        return {"id": member, "kind": "applications", "value": figure.value * 100 if figure is not None else None}
    value = entity.data.get("availability")
    return {"id": member, "kind": entity.section, "value": value if _number(value) else None}


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
