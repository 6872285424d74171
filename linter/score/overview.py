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
from typing import TYPE_CHECKING, Any, Literal, Optional

from ..i18n.messages import families
from ..model.estate import is_number
from ..model.vocabulary import SECTIONS
from ..report.views import (
    ActionView,
    ApplicationCard,
    AvailabilityView,
    EstateView,
    Factor,
    PlanView,
    Scores,
    TrendPoint,
    WaiverView,
)
from ..rules.availability import end_to_end
from ..rules.diagnostic import SEVERITY_RANK
from .scorecard import Scorecard, application_owners

if TYPE_CHECKING:
    from ..model.estate import Entity
    from ..rules.availability import Availability, Link
    from ..rules.engine import Result

EXPIRING_DAYS = 90
TOP_ACTIONS = 10  # the html report's "What to do first"; `si-lint plan` gives them all


def overview(
    result: Result, scored_result: Result, with_view: bool, trend: Optional[list[TrendPoint]] = None
) -> tuple[Scores, Optional[EstateView]]:
    """The scores of `scored_result`, and the estate view of `result` when `with_view`.

    The two differ when a baseline hid findings: scores count them all, and
    so does the plan of what to do first. `trend`: the points of a history.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # as in the engine: many small acyclic objects, nothing for the collector to find
    try:
        scorecard = Scorecard(scored_result)
        scored = scorecard.scores()
        if not with_view:
            return scored, None
        view = estate_view(result, scorecard.cells(), scored)
        view["plan"] = plan_view(scored_result, scorecard, scored)
        view["trend"] = trend
        return scored, view
    finally:
        if was_enabled:
            gc.enable()


def plan_view(result: Result, scorecard: Scorecard, scored: Scores) -> PlanView:
    """The first actions of the remediation plan, in the run's language."""
    from ..i18n.messages import render
    from ..report.plan import gain_words
    from .plan import form

    lang = result.settings.lang
    plan = form(result, scorecard, top=TOP_ACTIONS)
    ranks = {action.id: rank for rank, action in enumerate(plan.actions, 1)}
    actions = [
        ActionView(
            rank=rank,
            id=action.id,
            title=render(lang, action.title),
            gain=gain_words(lang, action),
            severity=action.severity,
            owner=action.owner,
            applications=list(action.applications),
            codes=list(dict.fromkeys(d.code for d in action.findings)),
            findings=len(action.findings),
            needs=[ranks[need] for need in action.needs],
        )
        for rank, action in enumerate(plan.actions[:TOP_ACTIONS], 1)
    ]
    return PlanView(
        actions=actions, total=len(plan.actions), score=plan.score, top_score=plan.top_score, done=plan.done
    )


def estate_view(result: Result, cells: dict[str, dict[str, str]], scored: Scores) -> EstateView:
    """`cells` and `scored` are the run's `scoring.Scorecard` cells and scores."""
    estate, today = result.estate, result.settings.today
    view = EstateView(
        organization=estate.organization if estate is not None else None,
        today=today.isoformat(),
        categories=_categories(scored),
        applications=[],
        compliant=0,
        other={"findings": [], "waived": [], "waivers": []},
        expiring=[],
        expiring_days=EXPIRING_DAYS,
        plan=None,
        trend=None,
    )
    if estate is None:
        view["other"]["findings"] = [d.as_dict() for d in result.diagnostics]
        return view
    owners = application_owners(estate)
    figures = end_to_end(estate)
    apps: dict[str, ApplicationCard] = {}
    for app in estate.applications.values():
        file, line, _ = estate.position(app)
        apps[app.id] = ApplicationCard(
            id=app.id,
            name=_text(app.data.get("name")),
            owner=_text(app.data.get("owner")),
            usage=_text(app.data.get("usage")),
            category=_text(app.data.get("category")),
            file=file,
            line=line,
            valid=app.valid,
            score=scored["applications"].get(app.id),
            completeness=scored["completeness"]["applications"].get(app.id),
            cells=cells.get(app.id, {}),
            findings=[],
            waived=[],
            waivers=[],
            availability=_availability(app, figures.get(app.id)) if app.valid else None,
            worst=None,
        )
    held: tuple[tuple[Literal["findings", "waived"], list], ...] = (
        ("findings", result.diagnostics),
        ("waived", result.waived),
    )
    for key, diagnostics in held:
        for diagnostic in diagnostics:
            targets = owners.get((diagnostic.section, diagnostic.entity), ())
            for target in targets:
                apps[target][key].append(diagnostic.as_dict())
            if not targets:
                view["other"][key].append(diagnostic.as_dict())
    for section in SECTIONS:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            for data in entity.data.get("waivers") or []:
                waiver = _waiver(data, today)
                holder = apps[entity.id]["waivers"] if section == "applications" else view["other"]["waivers"]
                holder.append(WaiverView(**waiver, entity=entity.id, section=section))
                if waiver["days_left"] is not None and 0 <= waiver["days_left"] <= EXPIRING_DAYS:
                    view["expiring"].append(WaiverView(**waiver, entity=entity.id, section=section))
    # Errors first: a card is read from the top, and may be read no further.
    view["other"]["findings"].sort(key=lambda d: -SEVERITY_RANK[d["severity"]])
    for card in apps.values():
        card["findings"].sort(key=lambda d: -SEVERITY_RANK[d["severity"]])
        card["worst"] = max((d["severity"] for d in card["findings"]), key=SEVERITY_RANK.__getitem__, default=None)
    view["applications"] = sorted(apps.values(), key=_order)
    view["compliant"] = sum(1 for card in apps.values() if card["valid"] and card["worst"] in (None, "info"))
    view["expiring"].sort(key=lambda w: (w["days_left"], w["entity"], w["rule"]))
    return view


def _categories(scored: Scores) -> list[str]:
    """The built-in families first, then any custom rule's family."""
    built_in = families()
    return list(built_in) + sorted(c for c in scored["categories"] if c not in built_in)


def _order(app: ApplicationCard) -> tuple[float, str]:
    """Worst score first: the applications that hold the estate back lead the report."""
    line = app["score"]
    score = line["score"] if line is not None else None
    return (score if score is not None else 101.0, app["id"])


def _text(value: object) -> Optional[str]:
    return value if isinstance(value, str) else None


def _waiver(data: dict[str, Any], today: datetime.date) -> WaiverView:
    """`data` is a waiver of a valid entity: the schema gave its fields their types."""
    expires = str(data.get("expires"))
    try:
        days_left: Optional[int] = (datetime.date.fromisoformat(expires) - today).days
    except ValueError:  # EST003 already reports a date that does not exist
        days_left = None
    return WaiverView(
        rule=data["rule"],
        reason=data["reason"],
        approved_by=data.get("approved_by"),
        expires=expires,
        days_left=days_left,
    )


# --- availability -------------------------------------------------------------------


def _availability(app: Entity, figure: Optional[Availability]) -> Optional[AvailabilityView]:
    """The figure, the target, and the chain of factors it multiplies, the one leading to the weakest marked."""
    target = app.get("availability.target")
    target = target if is_number(target) else None
    if figure is None or (not figure.chain and target is None):
        return None
    chain = [_factor(link) for link in figure.chain]
    if figure.via is not None:
        chain[figure.via]["weakest"] = True
    return AvailabilityView(
        value=figure.value,
        target=target,
        missing=list(figure.missing),
        own_stated=is_number(app.get("availability.own")),
        chain=chain,
    )


def _factor(link: Link) -> Factor:
    if link.kind == "any_of":
        return Factor(any_of=[_factor(member) for member in link.members], value=link.value)
    return Factor(
        id=None if link.kind == "own" else link.id, kind=None if link.kind == "unknown" else link.kind, value=link.value
    )
