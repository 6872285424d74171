"""Waivers, as rules 1.1 has them: which findings they silence, and what is wrong with them.

A waiver sits on the entity whose finding it excuses (providers, infrastructure,
data stores, applications, integrations), or, for an estate-wide rule, in the
top-level `waivers` list. Live waivers silence findings; an expired one is
GOV003; one that excuses nothing is GOV004; one naming no rule, or a rule that
cannot be waived, is EST005; one in the wrong place is EST003, saying where
it belongs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Optional

from ..i18n.messages import Day, Text, frozen, hint
from ..model.estate import Entity, Estate, Waiver
from ..model.vocabulary import SECTIONS
from .catalogue import Catalogue, Rule
from .checks.registry import Clause, Finding
from .diagnostic import Problem
from .settings import Settings

CODE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")


@dataclass
class Outcome:
    active: list[tuple[Rule, Finding]] = field(default_factory=list)  # (rule, Finding) in force
    waived: list[tuple[Rule, Finding]] = field(default_factory=list)  # (rule, Finding) silenced by a live waiver
    problems: list[Problem] = field(default_factory=list)  # EST003, EST005 about waivers, placed


def apply(
    findings: list[tuple[Rule, Finding]], rules_run: list[str], estate: Estate, catalogue: Catalogue, settings: Settings
) -> Outcome:
    """Silence the findings live waivers excuse, and add the findings about the waivers themselves."""
    outcome = Outcome()
    live: dict[tuple[str, Optional[int]], list[Waiver]] = {}  # (code, id(entity) or None) -> [Waiver]
    expired: list[Waiver] = []
    today = settings.today.isoformat()
    for waiver in _all(estate):
        problem = _misplaced_or_unknown(waiver, catalogue, estate)
        if problem is not None:
            outcome.problems.append(problem)
        elif str(waiver.data["expires"]) < today:
            expired.append(waiver)
        else:
            live.setdefault((waiver.data["rule"], _key(waiver.entity)), []).append(waiver)
    for rule, finding in findings:
        excusing = live.get((rule.code, _key(finding.entity)))
        if excusing:
            for waiver in excusing:
                waiver.used = True
            outcome.waived.append((rule, finding))
        else:
            outcome.active.append((rule, finding))
    firing = {(rule.code, _key(finding.entity)) for rule, finding in outcome.active}
    ran = set(rules_run)
    if settings.runs(catalogue["GOV003"]):
        for waiver in expired:
            back = (waiver.data["rule"], _key(waiver.entity)) in firing
            outcome.active.append(
                (
                    catalogue["GOV003"],
                    _about(
                        waiver,
                        "expires",
                        {"today": Day(settings.today.isoformat()), "back": Clause(["back"] if back else [])},
                    ),
                )
            )
    if settings.runs(catalogue["GOV004"]):
        for entries in live.values():
            for waiver in entries:
                if not waiver.used and waiver.data["rule"] in ran:
                    outcome.active.append((catalogue["GOV004"], _about(waiver, "rule", {})))
    return outcome


def _all(estate: Estate) -> Iterator[Waiver]:
    for section in SECTIONS:
        for entity in estate.entities(section):
            if entity.valid:
                for position, data in enumerate(entity.written.get("waivers") or []):
                    yield Waiver(entity, entity.document, ("waivers", position), data)
    for document, position, data in estate.top_waivers:
        yield Waiver(None, document, ("waivers", position), data)


def _key(entity: Optional[Entity]) -> Optional[int]:
    """A waiver and a finding meet on the very entity (two integrations may share FROM->TO), or the estate."""
    return id(entity) if entity is not None else None


def _about(waiver: Waiver, field_name: str, params: dict[str, Any]) -> Finding:
    """A finding about the waiver itself, at its `field_name`."""
    params = dict(params, rule=waiver.data["rule"], expires=Day(waiver.data["expires"]), on=_on(waiver))
    if waiver.entity is not None:
        return Finding(waiver.entity, waiver.path + (field_name,), params, about={"rule": waiver.data["rule"]})
    return Finding(
        None, waiver.path + (field_name,), params, document=waiver.document, about={"rule": waiver.data["rule"]}
    )


def _on(waiver: Waiver) -> Text:
    return Text("waiver.on_entity", id=waiver.entity.id) if waiver.entity is not None else Text("waiver.on_estate")


def _misplaced_or_unknown(waiver: Waiver, catalogue: Catalogue, estate: Estate) -> Optional[Problem]:
    code = waiver.data["rule"]
    rule: Optional[Rule] = catalogue.rules.get(code)
    if rule is None:
        reason = Text(
            "waiver.unknown" if CODE.match(code) else "waiver.not_a_code", hint=hint(code.upper(), catalogue.rules)
        )
        return _problem(waiver, "EST005", None, {"rule": code, "reason": reason}, estate)
    if not rule.waivable:
        why = (
            "waiver.cannot_est"
            if rule.family == "EST"
            else "waiver.cannot_waivers"
            if rule.scope == "waivers"
            else "waiver.cannot"
        )
        return _problem(waiver, "EST005", None, {"rule": code, "reason": Text(why, code=code)}, estate)
    estate_wide = rule.scope == "estate"
    if estate_wide == (waiver.entity is None):
        return None
    where = Text("waiver.belongs_top" if estate_wide else "waiver.belongs_entity", rule=code)
    dotted = ".".join(str(step) for step in waiver.path[:1]) + f"[{waiver.path[1]}].rule"
    if waiver.entity is not None:
        dotted = f"{waiver.entity.section}.{waiver.entity.id}.{dotted}"
    return _problem(waiver, "EST003", Text("schema.at", path=dotted, problem=where), {}, estate)


def _problem(waiver: Waiver, code: str, text: Optional[Text], params: dict, estate: Estate) -> Problem:
    path = waiver.path + ("rule",)
    if waiver.entity is not None:
        file, line, column = estate.position(waiver.entity, path)
        return Problem(
            code,
            text,
            file,
            line,
            column,
            waiver.entity.section,
            waiver.entity.id,
            tuple((name, frozen(value)) for name, value in params.items()),
        )
    line, column = waiver.document.place(path)
    return Problem(
        code,
        text,
        waiver.document.path,
        line,
        column,
        params=tuple((name, frozen(value)) for name, value in params.items()),
    )
