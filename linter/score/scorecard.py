"""Scores: the share of applicable checks that pass, errors weighing more than infos.

A *check* is one rule evaluated on one entity (or once, for an estate-wide
rule). It passed, failed (a finding in force) or was waived (every finding
silenced by a live waiver: accepted, not passed). `docs/scoring.md` is the
model in words; this module computes it from the engine's `Result` alone,
without asking anything of the rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from ..i18n.messages import Plural, families, percent, say
from ..model.vocabulary import SECTIONS
from ..report.views import Completeness, ScoreLine, Scores
from ..rules.checks.estate_facts import facts
from .impact import Impact, Owners

if TYPE_CHECKING:
    from ..model.estate import Entity, Estate
    from ..rules.catalogue import Rule
    from ..rules.diagnostic import Diagnostic
    from ..rules.engine import Result
    from ..rules.settings import Settings

WEIGHTS = {"error": 3, "warning": 2, "info": 1}
# EST rules are about reading the estate, not about its principles: never scored.
UNSCORED_FAMILY = "EST"

PASSED, FAILED, WAIVED = "passed", "failed", "waived"

# One check: (code, section, id); section and id None for an estate-wide rule.
Check = tuple[str, Optional[str], Optional[str]]
# The estate's tally, each family's, each application's, and the estate's without impact weights.
Tallies = tuple["Tally", dict[str, "Tally"], dict[str, "Tally"], "Tally"]


@dataclass
class Tally:
    """Checks counted, and their weight, by state."""

    weight: float = 0
    checks: int = 0
    passed_weight: float = 0
    failed_weight: float = 0
    waived_weight: float = 0
    passed: int = 0
    failed: int = 0
    waived: int = 0

    def add(self, weight: float, count: int, state: str) -> None:
        """Add checks (count > 0) or take them away (count < 0)."""
        self.weight += weight
        self.checks += count
        setattr(self, state + "_weight", getattr(self, state + "_weight") + weight)
        setattr(self, state, getattr(self, state) + count)

    def line(self) -> ScoreLine:
        share = (lambda part: round(100 * part / self.weight, 1)) if self.weight else (lambda part: None)
        return ScoreLine(
            score=share(self.passed_weight),
            waived_share=share(self.waived_weight),
            checks=self.checks,
            passed=self.passed,
            failed=self.failed,
            waived=self.waived,
        )


class Scorecard:
    """The checks of one run, counted rather than listed: 10,000 applications make 300,000 checks.

    Every applicable check is first counted as passed, section by section;
    then each (rule, entity) with a finding moves from passed to failed, or
    to waived when all its findings are waived. Which entities a rule applies
    to comes from the rule itself: its scope, and its `applies_to` condition.
    """

    def __init__(self, result: Result) -> None:
        estate, catalogue, settings = result.estate, result.catalogue, result.settings
        self.estate = estate
        ran = [catalogue[code] for code in result.rules_run if code in catalogue]
        ran += [rule for rule in catalogue if rule.scope == "waivers" and settings.enabled(rule.code)]
        self.rules = {rule.code: rule for rule in ran if _scored(rule)}
        self.weight = {
            code: WEIGHTS[settings.severity.get(code, rule.severity)] for code, rule in catalogue.rules.items()
        }
        self.valid: dict[str, set[str]] = {}  # section -> ids evaluated (an id written twice counts once)
        self.holders: dict[str, set[str]] = {}  # section -> ids that carry waivers
        # (section, id) -> codes whose `applies_to` leaves the entity out
        self.excluded: dict[tuple[str, str], tuple[str, ...]] = {}
        self.owners: Owners = {}
        self.states: dict[Check, str] = {}  # (code, section, id) -> FAILED or WAIVED; absent means passed
        self.unstated: set[Check] = set()  # (code, section, id) of the findings that rest on a missing field
        self.in_force: Counter[Check] = Counter()  # (code, section, id) -> findings in force
        self.waived_keys: set[Check] = set()  # (code, section, id) with a finding silenced by a waiver
        self._counted: Optional[Tallies] = None  # what _tallies() found: the card does not change once built
        self.impact = Impact(None, {})
        if estate is None:
            return
        conditional = [
            (rule, applies)
            for rule in self.rules.values()
            for applies in (rule.applicable(settings.options),)
            if applies is not None
        ]
        for section in SECTIONS:
            entities = [entity for entity in estate.entities(section) if entity.valid]
            self.valid[section] = set(entity.id for entity in entities)
            self.holders[section] = set(entity.id for entity in entities if entity.data.get("waivers"))
            for entity in entities:
                left_out = tuple(
                    rule.code
                    for rule, applies in conditional
                    if section in rule.sections and not applies(_facts(estate, entity, settings))
                )
                if left_out:
                    self.excluded[(section, entity.id)] = left_out
        self.owners = application_owners(estate)
        self.impact = Impact(estate, self.owners)
        self.unstated = {(d.code, d.section, d.entity) for d in result.diagnostics + result.waived if d.unstated}
        self.in_force = Counter((d.code, d.section, d.entity) for d in result.diagnostics if d.code in self.rules)
        self.waived_keys = {(d.code, d.section, d.entity) for d in result.waived if d.code in self.rules}
        for diagnostics, state in ((result.waived, WAIVED), (result.diagnostics, FAILED)):
            for diagnostic in diagnostics:
                if diagnostic.code in self.rules:
                    key = (diagnostic.code, diagnostic.section, diagnostic.entity)
                    if self.states.get(key) != FAILED:
                        self.states[key] = state

    def applies(self, rule: Rule, section: Optional[str], entity_id: Optional[str]) -> bool:
        """Whether the rule was evaluated on that entity (section and id None: the estate as a whole)."""
        if rule.scope == "estate":
            return section is None and entity_id is None
        if rule.scope == "waivers":
            return section is not None and entity_id in self.holders.get(section, ())
        if (
            section is None
            or entity_id is None
            or section not in rule.sections
            or entity_id not in self.valid.get(section, ())
        ):
            return False
        return rule.code not in self.excluded.get((section, entity_id), ())

    def _pattern(self, section: str, entity_id: str) -> tuple[str, tuple[str, ...], bool]:
        """What decides which rules apply to an entity: its section, the rules it is left out of, its waivers."""
        return section, self.excluded.get((section, entity_id), ()), entity_id in self.holders[section]

    def _entity_rules(self, section: str, entity_id: str) -> list[Rule]:
        """The rules whose checks on this entity count as passed until a finding says otherwise."""
        return [
            rule
            for rule in self.rules.values()
            if rule.scope != "estate" and self.counts_when_passed(rule, section, entity_id)
        ]

    def scores(self) -> Scores:
        """The estate's, each family's and each application's score."""
        estate, families_, applications, unweighted = self._tallies()
        return Scores(
            weights=dict(WEIGHTS),
            estate=estate.line(),
            unweighted=unweighted.line(),
            categories={family: tally.line() for family, tally in families_.items()},
            applications={app: tally.line() for app, tally in applications.items()},
            completeness=self.completeness(),
        )

    def what_if(
        self, cleared: Iterable[Diagnostic] = (), withdrawn: Iterable[tuple[str, str]] = ()
    ) -> tuple[float, float]:
        """(passed, total) check weight of the estate with the `cleared` findings gone and every waiver of the
        `withdrawn` entities, (section, id), taken away: what an action of the plan buys.

        A check passes once none of its findings is left in force; one that was
        waived is not passed either way; an entity without waivers has no waiver
        checks. Only the checks the findings name move, so the plan can ask this
        of every action of a large estate.
        """
        estate = self._tallies()[0]
        passed, weight = estate.passed_weight, estate.weight
        withdrawing = set(withdrawn)
        for key, n in Counter((d.code, d.section, d.entity) for d in cleared if d.code in self.rules).items():
            code, section, entity_id = key
            rule = self.rules[code]
            if (rule.scope == "waivers" and (section, entity_id) in withdrawing) or n < self.in_force[key]:
                continue  # left to the withdrawal below, or still failed by another finding
            if key in self.waived_keys:
                continue  # failed -> waived: neither is passed
            check = self.weight[code] * self.impact.of(section, entity_id)
            if self.counts_when_passed(rule, section, entity_id):
                passed += check
            else:
                weight -= check  # a check that only counts when it fails leaves the score
        for section, entity_id in withdrawing:
            for rule in self.rules.values():
                if rule.scope == "waivers" and (rule.code, section, entity_id) in self.states:
                    weight -= self.weight[rule.code] * self.impact.of(section, entity_id)
        return passed, weight

    def counts_when_passed(self, rule: Rule, section: Optional[str], entity_id: Optional[str]) -> bool:
        """Whether the check counts in the score when it passes: every applicable check, except a waiver's own.

        The checks of a waiver (expired, unused) can lower a score when they fail but never raise it when
        they pass: adding a waiver must change nothing but the waived share.
        """
        return rule.scope != "waivers" and self.applies(rule, section, entity_id)

    def _tallies(self) -> Tallies:
        """The estate's tally, each family's and each application's: every check counted once."""
        if self._counted is not None:
            return self._counted
        estate, unweighted = Tally(), Tally()
        families_ = {family: Tally() for family in families()}
        applications = {app: Tally() for app in (self.estate.applications if self.estate is not None else ())}
        # Most entities of a section have the same rules: sum them once per pattern.
        patterns: dict[tuple[str, tuple[str, ...], bool], list[str]] = {}
        for section, valid_ids in self.valid.items():
            for entity_id in valid_ids:
                patterns.setdefault(self._pattern(section, entity_id), []).append(entity_id)
        for (section, _, _), ids in patterns.items():
            by_family: dict[str, tuple[float, int]] = {}
            for rule in self._entity_rules(section, ids[0]):
                weight, count = by_family.get(rule.family, (0, 0))
                by_family[rule.family] = (weight + self.weight[rule.code], count + 1)
            impact = sum(self.impact.of(section, entity_id) for entity_id in ids)
            for family, (weight, count) in by_family.items():
                estate.add(weight * impact, count * len(ids), PASSED)
                unweighted.add(weight * len(ids), count * len(ids), PASSED)
                families_.setdefault(family, Tally()).add(weight * impact, count * len(ids), PASSED)
            weight = sum(w for w, _ in by_family.values())
            count = sum(c for _, c in by_family.values())
            for entity_id in ids:
                for owner in self.owners.get((section, entity_id), ()):
                    applications[owner].add(weight, count, PASSED)
        for rule in self.rules.values():
            if rule.scope == "estate":
                estate.add(self.weight[rule.code] * self.impact.average, 1, PASSED)
                unweighted.add(self.weight[rule.code], 1, PASSED)
                families_.setdefault(rule.family, Tally()).add(self.weight[rule.code] * self.impact.average, 1, PASSED)
        for (code, check_section, check_id), state in self.states.items():
            rule, weight = self.rules[code], self.weight[code]
            impact = self.impact.of(check_section, check_id)
            # A finding always counts, even on an entity the applicability above did not foresee.
            was = PASSED if self.counts_when_passed(rule, check_section, check_id) else None
            weighted = [
                (estate, weight * impact),
                (families_.setdefault(rule.family, Tally()), weight * impact),
                (unweighted, weight),
            ]
            weighted += [(applications[owner], weight) for owner in self.owners.get((check_section, check_id), ())]
            for tally, check in weighted:
                if was:
                    tally.add(-check, -1, was)
                tally.add(check, 1, state)
        self._counted = (estate, families_, applications, unweighted)
        return self._counted

    def completeness(self) -> dict[str, Any]:
        """Of the facts the rules read, how many the estate states, overall and per application.

        A fact counts when it is stated (or taken from a product), or when a rule fired only because it
        is missing (an unstated finding): a missing field no rule needed is not held against the estate.
        Entity rules only: an estate-wide rule's finding says itself what is missing.
        """
        reading = [rule for rule in self.rules.values() if rule.reads and rule.sections]
        estate, apps = [0, 0], {app: [0, 0] for app in (self.estate.applications if self.estate is not None else ())}
        for entity_section in ("providers", "infrastructure", "data_stores", "applications"):
            rules = [rule for rule in reading if entity_section in rule.sections]
            for entity_id in self.valid.get(entity_section, ()) if rules else ():
                assert self.estate is not None  # valid ids come from it
                entity = self.estate.sections[entity_section][entity_id]
                stated = read = 0
                for rule in rules:
                    if not self.applies(rule, entity_section, entity_id):
                        continue
                    present = sum(1 for field in rule.reads if entity.states(field))
                    stated += present
                    read += present
                    if (rule.code, entity_section, entity_id) in self.unstated:
                        read += len(rule.reads) - present
                for tally in [estate] + [apps[owner] for owner in self.owners.get((entity_section, entity_id), ())]:
                    tally[0] += stated
                    tally[1] += read
        return {"estate": _completeness(estate), "applications": {app: _completeness(c) for app, c in apps.items()}}

    def cells(self) -> dict[str, dict[str, str]]:
        """app -> family -> worst state of its checks there: a severity in force, else waived, else passed."""
        rank = {PASSED: 0, WAIVED: 1, "info": 2, "warning": 3, "error": 4}
        severity = {weight: name for name, weight in WEIGHTS.items()}
        cells: dict[str, dict[str, str]] = {}

        def mark(owner: str, family: str, state: str) -> None:
            row = cells.setdefault(owner, {})
            if rank[state] > rank.get(row.get(family, ""), -1):
                row[family] = state

        # pattern -> families with a rule on such an entity
        pattern_families: dict[tuple[str, tuple[str, ...], bool], set[str]] = {}
        for (section, entity_id), owners in self.owners.items():
            if section is not None and entity_id is not None and entity_id in self.valid.get(section, ()):
                pattern = self._pattern(section, entity_id)
                if pattern not in pattern_families:
                    pattern_families[pattern] = {rule.family for rule in self._entity_rules(section, entity_id)}
                for owner in owners:
                    row = cells.setdefault(owner, {})
                    for family in pattern_families[pattern]:
                        row.setdefault(family, PASSED)
        for (code, section, entity_id), state in self.states.items():
            rule = self.rules[code]
            state = severity[self.weight[code]] if state == FAILED else state
            for owner in self.owners.get((section, entity_id), ()):
                mark(owner, rule.family, state)
        return cells


def _completeness(counts: list[int]) -> Completeness:
    stated, read = counts
    return Completeness(share=round(100 * stated / read, 1) if read else None, stated=stated, read=read)


def _facts(estate: Estate, entity: Entity, settings: Settings) -> dict[str, Any]:
    if entity.facts is None:
        entity.facts = facts(estate, entity, settings.options)
    return entity.facts


def _scored(rule: Rule) -> bool:
    return rule.scope != "file" and rule.family != UNSCORED_FAMILY


def application_owners(estate: Estate) -> Owners:
    """(section, id) -> applications it belongs to: itself, its stores, and the flows it is an end of."""
    applications = estate.applications
    owners: Owners = {("applications", app): (app,) for app in applications}
    for store in estate.data_stores.values():
        owner = store.data.get("application")
        if isinstance(owner, str) and owner in applications:
            owners[("data_stores", store.id)] = (owner,)
    for flow in estate.integrations:
        ends = [
            end for end in (flow.data.get("from"), flow.data.get("to")) if isinstance(end, str) and end in applications
        ]
        if ends:
            key = ("integrations", flow.id)
            owners[key] = tuple(dict.fromkeys(owners.get(key, ()) + tuple(ends)))
    return owners


def scores(result: Result) -> Scores:
    return Scorecard(result).scores()


# --- `check --statistics` ------------------------------------------------------------


def statistics(result: Result, scored: Scores) -> str:
    """Findings per rule, most frequent first (like `ruff --statistics`), then the scores."""
    lang = result.settings.lang
    counts: dict[str, list[Any]] = {}
    for column, diagnostics in ((0, result.diagnostics), (1, result.waived)):
        for diagnostic in diagnostics:
            counts.setdefault(diagnostic.code, [0, 0, diagnostic.severity, diagnostic.rule])[column] += 1
    lines = []
    if counts:
        head = [say(lang, "stats." + key) for key in ("count", "waived", "code", "severity", "name")]
        lines.append(f"{head[0]:>7}  {head[1]:>7}  {head[2]:<8}  {head[3]:<13}  {head[4]}")
        for code, (active, waived, severity, name) in sorted(
            counts.items(), key=lambda item: (-item[1][0], -item[1][1], item[0])
        ):
            lines.append(f"{active:>7}  {waived:>7}  {code:<8}  {say(lang, 'severity.' + severity):<13}  {name}")
    else:
        lines.append(say(lang, "stats.none"))
    weights = ", ".join(
        f"{say(lang, 'severity.' + severity)} {weight}" for severity, weight in scored["weights"].items()
    )
    lines += ["", say(lang, "stats.scores", weights=weights)]
    lines_of = [(say(lang, "stats.estate"), scored["estate"]), (say(lang, "stats.unweighted"), scored["unweighted"])]
    lines_of += list(scored["categories"].items())
    width = max(10, *(len(label) for label, _ in lines_of))
    for label, tally in lines_of:
        lines.append(f"  {label:<{width}} {_score_line(tally, lang)}")
    complete = scored["completeness"]["estate"]
    if complete["read"] and complete["share"] is not None:  # a share whenever something was read
        lines += [
            "",
            say(
                lang,
                "stats.completeness",
                share=percent(lang, complete["share"], 1),
                stated=complete["stated"],
                read=complete["read"],
            ),
        ]
    unread = sum(1 for d in result.diagnostics if result.catalogue[d.code].family == UNSCORED_FAMILY)
    if unread:
        lines += ["", say(lang, "report.unread", n=unread)]
    return "\n".join(lines) + "\n"


def checks_of(tally: ScoreLine) -> dict[str, Any]:
    """The parameters of `report.checks` for one score: its checks counted, and how they ended."""
    return {
        "checks": Plural("report.checks_count", tally["checks"]),
        "passed": tally["passed"],
        "failed": tally["failed"],
        "waived": tally["waived"],
    }


def _score_line(tally: ScoreLine, lang: str) -> str:
    if tally["score"] is None:
        return f"{say(lang, 'word.na'):>6}"
    text = f"{percent(lang, tally['score'], 1):>6}  ({say(lang, 'report.checks', **checks_of(tally))}"
    if tally["waived"] and tally["waived_share"] is not None:  # a share whenever a check was waived
        text += say(lang, "stats.waived_share", share=percent(lang, tally["waived_share"], 1))
    return text + ")"
