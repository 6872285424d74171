"""The remediation plan: the findings of a run grouped into actions a team can own, ranked by what they buy.

An action is one change to one thing: an application, a component, a flow,
or the estate as a whole. Its findings are the ones that change clears, every
finding of the run in exactly one action; its gain is the estate score with
those findings passing less the score today, computed with the scoring model
of `docs/scoring.md`. `docs/plan.md` says how actions are formed. This module
forms and ranks; `report/plan.py` puts the plan into words.
"""

from __future__ import annotations

import copy
from collections import ChainMap, Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Optional

from ..i18n.messages import Listing, Money, Plural, Text
from ..model.estate import Entity, Estate, dependencies, is_number
from ..model.vocabulary import ID_SECTIONS
from ..rules.availability import Availability, end_to_end
from ..rules.checks.availability import external_floor
from ..rules.checks.estate_facts import data_kinds
from ..rules.diagnostic import SEVERITY_RANK, Diagnostic
from .scorecard import Scorecard, application_owners

if TYPE_CHECKING:
    from ..rules.catalogue import Catalogue
    from ..rules.engine import Result

# Actions on one entity, each finding in the action of its rule's kind on its entity: kind -> title key
# (None: titled once the action is complete, by `_title_<kind>`).
PER_ENTITY = {
    "move": None,
    "access": None,
    "collaboration": "collaboration",
    "formats": "formats",
    "spreadsheet": "spreadsheet",
    "keys": "keys",
    "classify": "classify",
    "owner": "owner",
}
# Actions whose subject is not simply the finding's entity: placed by `_place_<kind>`.
ESTATE_WIDE = frozenset(("est", "waivers", "iaas-providers", "data-spaces", "export", "route", "office-cost"))
# Actions whose own title already asks for the missing fact (an owner, a class, a figure, a target).
ASKS_FOR_FACTS = frozenset(("raise", "owner", "classify", "target", "availability", "same-service"))
# A move that changes how an application is delivered also changes how it is reached: it takes these actions in.
REDELIVERY_TAKES = ("access", "spreadsheet")
SENSITIVE = ("confidential", "secret")
DATA_KINDS = ("structured", "documents", "media", "geographic")
COMPONENTS = ("infrastructure", "data_stores")
TOLERANCE = 1e-9  # as the end-to-end check: products of fractions carry float noise

# (passed, total) check weight of the estate.
Tally = tuple[float, float]


@dataclass(frozen=True)
class Action:
    id: str  # kind:subject, stable from run to run
    kind: str
    title: Text
    entities: tuple[str, ...]  # ids of what the action changes
    findings: tuple[Diagnostic, ...]  # the Diagnostics it clears
    needs: tuple[str, ...]  # ids of the actions it relies on: its findings clear once they are done too
    owner: Optional[str]
    applications: tuple[str, ...]  # ids of the applications concerned
    severity: Optional[str]  # the highest of its findings
    gain: float  # estate score points, one decimal: the score with it (and its needs) done less without it
    score: Optional[float]  # the estate score with it and its needs done
    exact: float  # the gain before rounding, for the ranking


@dataclass(frozen=True)
class Plan:
    actions: list[Action]  # ranked
    score: Optional[float]  # the estate score today
    done: Optional[float]  # with every action done
    top: Optional[int]  # how many actions `top_score` counts
    top_score: Optional[float]  # with the first `top` actions, and what they need, done
    findings: int
    unread: int  # EST findings: what they concern is not scored


def form(result: Result, scorecard: Optional[Scorecard] = None, top: Optional[int] = None) -> Plan:
    """The plan of a run. `scorecard`: the run's, when already computed."""
    builder = _Builder(result)
    for diagnostic in result.diagnostics:
        builder.place(diagnostic)
    groups = builder.finish()
    scorer = _Measure(result, scorecard or Scorecard(result))
    actions = [_action(group, groups, builder, scorer) for group in groups.values()]
    # By the gain shown first: two rounded scores can make a smaller exact gain show more (0.55 as 0.6).
    actions.sort(
        key=lambda a: (-a.gain, -round(a.exact, 9), -SEVERITY_RANK.get(a.severity or "", 0), -len(a.applications), a.id)
    )
    every = scorer.measure(groups.values())
    top_score = None
    if top is not None:
        chosen: set[str] = set()
        for action in actions[:top]:
            chosen |= _closure(groups, action.id) | {action.id}
        top_score = _score(scorer.measure(groups[key] for key in chosen))
    unread = sum(1 for d in result.diagnostics if _family(result.catalogue, d.code) == "EST")
    return Plan(
        actions, _score((scorer.passed, scorer.weight)), _score(every), top, top_score, len(result.diagnostics), unread
    )


def _score(tally: Tally) -> Optional[float]:
    passed, weight = tally
    return round(100 * passed / weight, 1) if weight else None


def _exact(tally: Tally) -> float:
    passed, weight = tally
    return 100 * passed / weight if weight else 0.0


def _family(catalogue: Catalogue, code: str) -> str:
    rule = catalogue.rules.get(code)
    return rule.family if rule is not None else code[:3]


def _closure(groups: dict[str, _Group], key: str) -> set[str]:
    """The actions `key` needs, and what they need in turn."""
    seen: set[str] = set()
    stack = list(groups[key].needs)
    while stack:
        need = stack.pop()
        if need not in seen and need != key:
            seen.add(need)
            stack.extend(groups[need].needs)
    return seen


def _action(group: _Group, groups: dict[str, _Group], builder: _Builder, scorer: _Measure) -> Action:
    needs = _closure(groups, group.key)
    before = scorer.measure(groups[key] for key in needs) if needs else (scorer.passed, scorer.weight)
    after = scorer.measure([group] + [groups[key] for key in needs])
    scored_after = _score(after)
    exact = _exact(after) - _exact(before)
    # The gain shown is the one the rank uses, rounded once (rounding each score apart let a gain ranked lower
    # read higher); + 0.0: a gain of -0.0 reads as 0.0.
    gain = round(exact, 1) + 0.0 if scored_after is not None else 0.0
    severity = max((d.severity for d in group.findings), key=lambda name: SEVERITY_RANK[name], default=None)
    assert group.title is not None  # `finish` titles every action
    return Action(
        group.key,
        group.kind,
        group.title,
        tuple(group.entities),
        tuple(group.findings),
        tuple(sorted(group.needs)),
        builder.owner(group.subject),
        builder.applications(group),
        severity,
        gain,
        scored_after,
        exact,
    )


# --- forming actions ----------------------------------------------------------------


class _Group:
    """An action being formed: the findings one change clears, and what doing it changes in the estate."""

    def __init__(self, key: str, kind: str, subject: Optional[Entity], entities: Iterable[str] = ()) -> None:
        self.key, self.kind, self.subject = key, kind, subject
        self.entities = list(entities) or ([subject.id] if subject is not None else [])
        self.findings: list[Diagnostic] = []
        self.needs: set[str] = set()
        self.title: Optional[Text] = None
        self.withdraw: list[tuple[str, str]] = []  # (section, id) of entities whose waivers all go
        self.adds: list[tuple[str, str, dict[str, Any]]] = []  # (section, id, data) of entities the action creates
        self.applications: set[str] = set()  # concerned beyond the owners of its findings

    @property
    def entity(self) -> Entity:
        """The entity an action on one entity changes (its kind is never estate-wide)."""
        assert self.subject is not None
        return self.subject


class _Builder:
    def __init__(self, result: Result) -> None:
        assert result.estate is not None  # a run that read its inputs has an estate
        self.result = result
        self.estate = estate = result.estate
        self.options = result.settings.options
        self.catalogue = result.catalogue
        self.lang = result.settings.lang
        self.groups: dict[str, _Group] = {}
        self.owners = application_owners(estate)
        self.flows: dict[str, Entity] = {}
        for flow in estate.integrations:
            self.flows.setdefault(flow.id, flow)
        self.platforms = [
            e for e in estate.infrastructure.values() if e.valid and e.data.get("type") == "integration-platform"
        ]
        # The kinds of data no space holds, each the subject of a finding of a data-spaces rule.
        self.uncovered = {d.about_value("kind", None) for d in result.diagnostics if self.kind(d) == "data-spaces"}
        floor = external_floor(estate)
        self.floor = floor[0] if floor is not None else None
        self._figures: Optional[dict[str, Availability]] = None
        self._dependents: Optional[dict[str, set[str]]] = None

    # --- placing each finding in its action

    def place(self, d: Diagnostic) -> None:
        """Put a finding in the action its rule declares (`action` in the rule file), on what the finding is about."""
        kind = self.kind(d)
        entity = self.entity(d.section, d.entity)
        if kind in ESTATE_WIDE:
            getattr(self, "_place_" + kind.replace("-", "_"))(d, entity)
        elif kind is None or entity is None:
            self.generic(d)
        elif kind in PER_ENTITY:
            title = Text(f"plan.{PER_ENTITY[kind]}", id=entity.id) if PER_ENTITY[kind] else None
            self.group(f"{kind}:{entity.id}", kind, entity, title=title).findings.append(d)
        else:
            getattr(self, "_place_" + kind.replace("-", "_"))(d, entity)

    def kind(self, d: Diagnostic) -> Optional[str]:
        """The kind of action its rule declares for the finding; None when the rule declares none."""
        rule = self.catalogue.rules.get(d.code)
        return rule.action_kind(d.section) if rule is not None else None

    def entity(self, section: Optional[str], entity_id: Optional[str]) -> Optional[Entity]:
        if entity_id is None:
            return None
        if section == "integrations":
            return self.flows.get(entity_id)
        if section in ID_SECTIONS:
            return self.estate.sections[section].get(entity_id)
        return None

    def group(
        self, key: str, kind: str, subject: Optional[Entity], title: Optional[Text] = None, entities: Iterable[str] = ()
    ) -> _Group:
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(key, kind, subject, entities)
            group.title = title
        return group

    def generic(self, d: Diagnostic) -> None:
        """A rule the plan knows no action for (a custom rule, a new one): fix it where it fires."""
        rule = self.catalogue.rules.get(d.code)
        title = rule.text("title", self.lang) if rule is not None else d.code
        entity = self.entity(d.section, d.entity)
        words = (
            Text("plan.fix", code=d.code, title=title, id=d.entity)
            if d.entity
            else Text("plan.fix_estate", code=d.code, title=title)
        )
        self.group(f"fix:{d.code}:{d.entity or ''}", "fix", entity, title=words).findings.append(d)

    def _place_est(self, d: Diagnostic, entity: Optional[Entity]) -> None:
        self.group(f"est:{d.file}", "est", None, title=Text("plan.est", file=d.file)).findings.append(d)

    def _place_waivers(self, d: Diagnostic, entity: Optional[Entity]) -> None:
        key = f"waivers:{entity.id}" if entity is not None else "waivers"
        group = self.group(key, "waivers", entity)
        group.findings.append(d)

    def raise_group(self, component: Entity) -> _Group:
        return self.group(f"raise:{component.id}", "raise", component)

    def _place_raise(self, d: Diagnostic, component: Entity) -> None:
        self.raise_group(component).findings.append(d)

    def _place_availability(self, d: Diagnostic, app: Entity) -> None:
        """An end-to-end availability finding goes with its weakest link when raising that link (and what else it
        takes) reaches the target."""
        target = app.get("availability.target")
        components, reached = self.reach(app, target) if is_number(target) else ([], False)
        if reached and components:
            group = self.raise_group(self.estate.by_id[components[0]])
            needs = components[1:]
        else:
            group = self.group(f"availability:{app.id}", "availability", app)
            needs = components
        group.findings.append(d)
        group.needs.update(self.raise_group(self.estate.by_id[c]).key for c in needs)

    def _place_same_service(self, d: Diagnostic, app: Entity) -> None:
        self._target(d, app, "same-service")

    def _place_target(self, d: Diagnostic, app: Entity) -> None:
        self._target(d, app, "target")

    def _target(self, d: Diagnostic, app: Entity, kind: str) -> None:
        """A target at least what external users are promised, and a chain that reaches it."""
        group = self.group(f"{kind}:{app.id}", kind, app)
        group.findings.append(d)
        if self.floor is not None:
            components, _ = self.reach(app, self.floor)
            group.needs.update(self.raise_group(self.estate.by_id[c]).key for c in components)

    def _place_iaas_providers(self, d: Diagnostic, entity: Optional[Entity]) -> None:
        """Leave the providers the finding names: the ones that are not public clouds, else the IaaS ones."""
        providers, leave = d.about_value("providers"), d.about_value("leave")
        group = self.group(
            "iaas-providers",
            "iaas-providers",
            None,
            entities=list(leave),
            title=Text("plan.iaas", limit=self.options["max_iaas_providers"], providers=Listing(providers, "and")),
        )
        group.findings.append(d)
        group.applications.update(
            app.id for app in self.estate.applications.values() if app.data.get("provider") in leave
        )

    def _place_data_spaces(self, d: Diagnostic, store: Optional[Entity]) -> None:
        self._place_export(d, store)

    def _place_export(self, d: Diagnostic, store: Optional[Entity]) -> None:
        """The data kinds no space holds, and the stores holding them: one data space; other stores, one export each."""
        if self.kind(d) == "data-spaces" or (store is not None and set(data_kinds(store)) & self.uncovered):
            group = self.group("data-spaces", "data-spaces", None)
            group.findings.append(d)
            if self.kind(d) == "export" and store is not None:
                group.entities.append(store.id)
        elif store is not None:
            self.group(f"export:{store.id}", "export", store, title=Text("plan.export", id=store.id)).findings.append(d)
        else:
            self.generic(d)

    def _place_route(self, d: Diagnostic, flow: Optional[Entity]) -> None:
        """Flows that bypass a platform: routed through the platform there is, else through one to set up."""
        if self.platforms or flow is None:
            name = d.entity or ""
            group = self.group(f"route:{name}", "route", flow, title=Text("plan.route", id=name))
        else:
            group = self.group("platform", "platform", None)
            if flow.id not in group.entities:
                group.entities.append(flow.id)
        group.findings.append(d)

    def _place_foreign_data(self, d: Diagnostic, app: Entity) -> None:
        stores = d.about_value("stores")
        self.group(
            f"foreign-data:{app.id}",
            "foreign-data",
            app,
            title=Text("plan.foreign_data", id=app.id, stores=Listing(stores, "and")),
        ).findings.append(d)

    def _place_office_cost(self, d: Diagnostic, entity: Optional[Entity]) -> None:
        """The entities whose costs the finding sums: the content applications', and the access devices'."""
        group = self.group(
            "office-cost",
            "office-cost",
            None,
            entities=list(d.about_value("costed")),
            title=Text(
                "plan.office_cost",
                ceiling=Money(self.options["office_cost_ceiling"], self.options.get("currency", "EUR")),
            ),
        )
        group.findings.append(d)
        group.applications.update(d.about_value("applications"))

    # --- availability: what it takes to reach a figure

    def figures(self) -> dict[str, Availability]:
        if self._figures is None:
            self._figures = end_to_end(self.estate)
        return self._figures

    def reach(self, app: Entity, goal: float) -> tuple[list[str], bool]:
        """The components to raise to min_availability, weakest first, for `app` to reach `goal`; and whether it does.

        Only infrastructure and data stores below min_availability are raised:
        an application's own figure or a redundant group is the application's
        own business, and stops the search.
        """
        floor = self.options["min_availability"]
        raised: list[str] = []
        applications: Optional[set[str]] = None
        while True:
            if raised:
                applications = applications or self._closure(app)
                figure = end_to_end(_estate_with(self.estate, applications, raised, floor)).get(app.id)
            else:
                figure = self.figures().get(app.id)
            if figure is None:
                return raised, False
            if figure.value >= goal - TOLERANCE:
                return raised, True
            link = figure.weakest
            if (
                link is None
                or link.kind not in COMPONENTS
                or link.id is None
                or link.value is None
                or link.value >= floor
                or link.id in raised
            ):
                return raised, False
            raised.append(link.id)

    def _closure(self, app: Entity) -> set[str]:
        """The applications `app` needs to run, itself included."""
        applications = self.estate.applications
        seen, stack = {app.id}, [app.id]
        while stack:
            for _, target in dependencies(applications[stack.pop()]):
                if target in applications and target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen

    # --- what an action concerns

    def dependents(self, component_id: str) -> set[str]:
        """The applications that need `component_id` to run, directly or through another application."""
        if self._dependents is None:
            reverse: dict[str, set[str]] = {}
            for app in self.estate.applications.values():
                if not app.valid:
                    continue
                targets = [t for t in app.data.get("data") or [] if isinstance(t, str)]
                targets += [target for _, target in dependencies(app)]
                for target in targets:
                    reverse.setdefault(target, set()).add(app.id)
            self._dependents = reverse
        found: set[str] = set()
        stack = [component_id]
        while stack:
            for dependent in self._dependents.get(stack.pop(), ()):
                if dependent not in found:
                    found.add(dependent)
                    stack.append(dependent)
        return found

    def applications(self, group: _Group) -> tuple[str, ...]:
        """The applications its findings count for, and those that rely on a component it changes."""
        apps = set(group.applications)
        for d in group.findings:
            apps.update(self.owners.get((d.section, d.entity), ()))
        for entity_id in group.entities:
            entity = self.estate.by_id.get(entity_id) or self.flows.get(entity_id)
            if entity is not None:
                apps.update(self.owners.get((entity.section, entity.id), ()))
                if entity.section in COMPONENTS:
                    apps |= self.dependents(entity.id)
        return tuple(sorted(apps))

    def owner(self, entity: Optional[Entity]) -> Optional[str]:
        if entity is None:
            return None
        if entity.section == "data_stores":
            entity = self.estate.lookup(entity.data.get("application"), "applications")
        elif entity.section == "integrations":
            ends = [self.estate.lookup(entity.data.get(end), "applications") for end in ("from", "to")]
            owners = [self.owner(end) for end in ends]
            return ", ".join(dict.fromkeys(o for o in owners if o)) or None
        owner = entity.data.get("owner") if entity is not None else None
        return owner if isinstance(owner, str) else None

    # --- after placing: merges, titles, what each action changes

    def finish(self) -> dict[str, _Group]:
        groups = self.groups
        for key in [k for k in groups if k.startswith("move:")]:
            move = groups[key]
            if move.entity.section == "applications" and any(self.changes_delivery(d) for d in move.findings):
                for kind in REDELIVERY_TAKES:
                    other = groups.pop(f"{kind}:{move.entity.id}", None)
                    if other is not None:
                        move.findings.extend(other.findings)
        for group in groups.values():
            group.findings.sort(key=lambda d: d.sort_key())
            if group.kind not in ASKS_FOR_FACTS and group.findings and all(d.unstated for d in group.findings):
                group.title = self._title_state_facts(group)
            elif group.title is None:
                group.title = getattr(self, "_title_" + group.kind.replace("-", "_"))(group)
            self._effects(group)
        return groups

    def changes_delivery(self, d: Diagnostic) -> bool:
        rule = self.catalogue.rules.get(d.code)
        return rule is not None and bool((rule.action or {}).get("changes_delivery"))

    def _title_move(self, group: _Group) -> Text:
        entity, kinds = group.entity, {self.kind(d) for d in group.findings}
        if entity.section != "applications":
            sensitive = (
                entity.data.get("classification") in SENSITIVE
                and entity.get("encryption.customer_managed_keys") is not True
            )
            return Text("plan.move_component_keys" if sensitive else "plan.move_component", id=entity.id)
        redelivering = [d for d in group.findings if self.changes_delivery(d)]
        if not redelivering:
            return Text("plan.updates", id=entity.id)
        to_saas = all((self.catalogue.rules[d.code].action or {}).get("to") == "saas" for d in redelivering)
        if entity.data.get("usage") == "support" or to_saas:
            target = "saas"
        elif entity.data.get("built") == "in-house":
            target = "paas"
        else:
            target = "saas_or_paas"
        how = Text("plan.how.browser") if "access" in kinds else ""
        key = "plan.rebuild" if "spreadsheet" in kinds else "plan.move"
        return Text(key, id=entity.id, target=Text("plan.to." + target), how=how)

    def _title_state_facts(self, group: _Group) -> Text:
        """Findings that rest only on facts not stated: what they need is the facts, not a change."""
        fields = Listing(dict.fromkeys(d.field for d in group.findings if d.field), "and")
        if group.subject is None:
            return Text("plan.state_facts_estate", fields=fields)
        return Text("plan.state_facts", id=group.entity.id, fields=fields)

    def _title_access(self, group: _Group) -> Text:
        only_offline = {d.field.split(".")[-1] for d in group.findings} == {"offline"}
        return Text("plan.offline" if only_offline else "plan.access", id=group.entity.id)

    def _title_raise(self, group: _Group) -> Text:
        component, target = group.entity, Text("plan.percent", value=self.options["min_availability"])
        figure = component.data.get("availability")
        if not is_number(figure):
            return Text("plan.state_figure", id=component.id, target=target)
        return Text("plan.raise", id=component.id, target=target, now=Text("plan.percent", value=figure))

    def _title_availability(self, group: _Group) -> Text:
        app = group.entity
        figure = self.figures().get(app.id)
        now = Text("plan.percent", value=round(figure.value, 3)) if figure is not None else "?"
        return Text(
            "plan.availability", id=app.id, now=now, target=Text("plan.percent", value=app.get("availability.target"))
        )

    def _title_same_service(self, group: _Group) -> Text:
        app = group.entity
        return Text(
            "plan.same_service",
            id=app.id,
            floor=Text("plan.percent", value=self.floor),
            target=Text("plan.percent", value=app.get("availability.target")),
        )

    def _title_target(self, group: _Group) -> Text:
        if self.floor is None:
            return Text("plan.target_free", id=group.entity.id)
        return Text("plan.target", id=group.entity.id, floor=Text("plan.percent", value=self.floor))

    def _title_waivers(self, group: _Group) -> Text:
        counts = Counter((self.catalogue.rules[d.code].action or {}).get("waivers") for d in group.findings)
        parts = Listing(
            (Plural(f"plan.{state}_waivers", counts[state]) for state in ("expired", "unused") if counts[state]), "and"
        )
        if group.subject is None:
            return Text("plan.waivers_estate", waivers=parts)
        return Text("plan.waivers", id=group.entity.id, waivers=parts)

    def _title_data_spaces(self, group: _Group) -> Text:
        kinds = Listing((Text("plan.kind." + kind) for kind in DATA_KINDS if kind in self.uncovered), "and")
        if not group.entities:
            return Text("plan.data_space", kinds=kinds)
        return Text("plan.data_space_copy", kinds=kinds, stores=Listing(group.entities, "and"))

    def _title_platform(self, group: _Group) -> Text:
        return Text("plan.platform", flows=Listing(group.entities, "and"))

    def _effects(self, group: _Group) -> None:
        """What doing the action changes beyond its findings, for the score: waivers withdrawn, entities created."""
        entity = group.subject
        if group.kind == "waivers" and entity is not None:
            # Withdrawing every waiver an entity holds takes its waiver checks out of the score.
            if len(group.findings) >= len(entity.data.get("waivers") or []):
                group.withdraw.append((entity.section, entity.id))
        elif group.kind == "data-spaces":
            kinds = [kind for kind in DATA_KINDS if kind in self.uncovered]
            group.adds.append(("data_stores", _free_id(self.estate, "data-space"), {"kind": "lake", "data": kinds}))
        elif group.kind == "platform":
            group.adds.append(
                ("infrastructure", _free_id(self.estate, "integration-platform"), {"type": "integration-platform"})
            )


def _free_id(estate: Estate, base: str) -> str:
    name, n = base, 1
    while name in estate.by_id:
        n += 1
        name = f"{base}-{n}"
    return name


def _estate_with(estate: Estate, applications: set[str], raised: list[str], figure: float) -> Estate:
    """The estate restricted to `applications`, with the `raised` components at `figure`: for end_to_end."""
    patched = copy.copy(estate)
    patched.sections = dict(estate.sections)
    patched.sections["applications"] = {a: estate.applications[a] for a in applications}
    changed: dict[str, Entity] = {}
    for component_id in raised:
        old = estate.by_id[component_id]
        changed[component_id] = Entity(
            old.id, old.section, dict(old.data, availability=figure), old.place, old.valid, old.document
        )
    patched.by_id = ChainMap(changed, estate.by_id)  # copying every id for each try would cost more than the rest
    return patched


def _estate_patched(
    estate: Estate, withdraw: Iterable[tuple[str, str]], adds: Iterable[tuple[str, str, dict[str, Any]]]
) -> Estate:
    """The estate with the waivers of some entities withdrawn and new entities added: what the score counts."""
    patched = copy.copy(estate)
    patched.sections = {name: dict(entities) for name, entities in estate.sections.items()}
    patched.by_id = dict(estate.by_id)
    patched.integrations = list(estate.integrations)
    for section, entity_id in withdraw:
        if section == "integrations":
            for i, flow in enumerate(patched.integrations):
                if flow.id == entity_id:
                    patched.integrations[i] = _without_waivers(flow)
                    break
        else:
            clone = _without_waivers(estate.sections[section][entity_id])
            patched.sections[section][entity_id] = patched.by_id[entity_id] = clone
    for section, entity_id, data in adds:
        document = estate.documents[0]
        patched.sections[section][entity_id] = patched.by_id[entity_id] = Entity(
            entity_id, section, data, document.root, True, document
        )
    return patched


def _without_waivers(entity: Entity) -> Entity:
    data = {key: value for key, value in entity.data.items() if key != "waivers"}
    return Entity(entity.id, entity.section, data, entity.place, entity.valid, entity.document)


# --- the score of a variant of the run ---------------------------------------------


class _Measure:
    """The estate's (passed, total) check weight once some actions are done, asked of the run's one Scorecard.

    An action that creates entities (a data space, a platform) changes which
    checks there are: its variant of the run is scored anew.
    """

    def __init__(self, result: Result, card: Scorecard) -> None:
        self.result, self.card = result, card
        self.passed, self.weight = card.what_if()

    def measure(self, groups: Iterable[_Group]) -> Tally:
        done = list(groups)
        removed = [d for group in done for d in group.findings]
        withdrawn = {place for group in done for place in group.withdraw}
        adds = [add for group in done for add in group.adds]
        if not adds:
            return self.card.what_if(removed, withdrawn)
        gone = {id(d) for d in removed}
        assert self.result.estate is not None  # adds come from actions on an estate
        variant = replace(
            self.result,
            diagnostics=[d for d in self.result.diagnostics if id(d) not in gone],
            estate=_estate_patched(self.result.estate, withdrawn, adds),
        )
        return Scorecard(variant).what_if()
