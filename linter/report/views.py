"""The plain data that crosses from the engine to the reports, typed so that its shape reads here.

Frozen dataclasses for what code passes around; TypedDicts for what is JSON
in the end (the scores and the estate view travel in the json report and the
html page as they are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, TypedDict


@dataclass(frozen=True)
class RuleDoc:
    """A rule's identity and texts in one language, as reports show them."""

    code: str
    name: str
    severity: str
    family: str
    status: str
    title: str
    rationale: str
    remediation: str
    source: Optional[dict[str, Any]] = None  # the rule file's `source`: the text and the place it comes from
    principle: Optional[str] = None

    def as_dict(self) -> dict[str, Any]:
        """The json form (`si-lint rules --format json`)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "category": self.family,
            "status": self.status,
            "title": self.title,
            "rationale": self.rationale,
            "remediation": self.remediation,
            "source": self.source,
            "principle": self.principle,
        }


class ScoreLine(TypedDict):
    """One score: the share of applicable checks passed, weighted by severity (docs/scoring.md)."""

    score: Optional[float]  # None when nothing applied
    waived_share: Optional[float]
    checks: int
    passed: int
    failed: int
    waived: int


class Completeness(TypedDict):
    """The share of the facts the rules read that the estate states (a product's facts count as stated)."""

    share: Optional[float]  # percent; None when no rule read anything
    stated: int
    read: int


class Scores(TypedDict):
    weights: dict[str, float]  # severity -> weight
    estate: ScoreLine  # each check weighted by its severity and by the impact of what it is about (score/impact.py)
    unweighted: ScoreLine  # the same checks, weighted by severity only
    categories: dict[str, ScoreLine]  # family -> ScoreLine
    applications: dict[str, ScoreLine]  # application id -> ScoreLine
    completeness: dict  # "estate": Completeness, "applications": {id: Completeness}


@dataclass(frozen=True)
class Summary:
    """What a run found, counted: the json report's `summary`, the text report's last line."""

    files: int
    entities: dict[str, int]  # section -> number of entities
    findings: int
    errors: int
    warnings: int
    infos: int
    waived: int
    by_code: dict[str, int]  # code -> findings in force
    fail_on: str
    failed: bool
    scores: Optional[Scores] = None  # for the formats that show them
    unchecked: tuple[str, ...] = ()  # ids of the entities the schema rejects: the principle rules did not see them

    def as_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "files": self.files,
            "entities": self.entities,
            "findings": self.findings,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "waived": self.waived,
            "by_code": self.by_code,
            "fail_on": self.fail_on,
            "failed": self.failed,
            "unchecked": list(self.unchecked),
        }
        if self.scores is not None:
            document["scores"] = self.scores
        return document


class Factor(TypedDict, total=False):
    """One link of an availability chain: a component, the application's own figure, or an any_of group."""

    id: Optional[str]
    kind: Optional[str]  # own, applications, infrastructure, data_stores; None when the id is unknown
    value: Optional[float]  # percent; None when the component states no figure
    any_of: list[Factor]  # for a redundant group
    weakest: bool


class AvailabilityView(TypedDict):
    value: Optional[float]  # end-to-end, percent
    target: Optional[float]
    missing: list[str]  # ids with no figure, counted as 100
    own_stated: bool  # False: the application's own figure (its vendor's, for a product) is not stated: counted as 100
    chain: list[Factor]


class WaiverView(TypedDict, total=False):
    rule: str
    reason: str
    approved_by: Optional[str]
    expires: str
    days_left: Optional[int]
    entity: str
    section: str


class ApplicationCard(TypedDict):
    id: str
    name: Optional[str]
    owner: Optional[str]
    usage: Optional[str]
    category: Optional[str]
    file: str
    line: int
    valid: bool
    score: Optional[ScoreLine]
    completeness: Optional[Completeness]
    cells: dict[str, str]  # family -> worst state: error, warning, info, waived or passed
    findings: list[dict[str, Any]]  # Diagnostic.as_dict()
    waived: list[dict[str, Any]]
    waivers: list[WaiverView]
    availability: Optional[AvailabilityView]
    worst: Optional[str]


class ActionView(TypedDict):
    """One action of the remediation plan (`si_lint.score.plan`), in words: the html report's "What to do first"."""

    rank: int
    id: str
    title: str
    gain: str  # in words: "+3.4 points"
    severity: Optional[str]
    owner: Optional[str]
    applications: list[str]
    codes: list[str]  # the codes of its findings, once each
    findings: int
    needs: list[int]  # ranks of the actions it needs


class PlanView(TypedDict):
    actions: list[ActionView]  # the first ones
    total: int  # actions in the whole plan
    score: Optional[float]  # the estate score today
    top_score: Optional[float]  # with the actions shown (and what they need) done
    done: Optional[float]  # with every action done


class TrendPoint(TypedDict):
    """The estate at one commit, from `si-lint history --format json`."""

    commit: str
    date: str
    author: str
    subject: str  # the commit's first line; empty in a history written before it was kept
    score: Optional[float]
    completeness: Optional[float]
    findings: dict[str, int]  # severity -> number


class EstateView(TypedDict):
    """What the html report shows beyond findings, built by `si_lint.score.overview`."""

    organization: Optional[str]
    today: str
    categories: list[str]  # families, in display order
    applications: list[ApplicationCard]  # worst first
    compliant: int  # applications with no error or warning in force (docs/scoring.md, "The html report")
    other: dict  # findings, waived and waivers that belong to no application
    expiring: list[WaiverView]
    expiring_days: int
    plan: Optional[PlanView]  # what to do first
    trend: Optional[list[TrendPoint]]  # oldest first, when a history is given


@dataclass(frozen=True)
class Report:
    """Everything a reporter may read: findings, their counts, the rules behind them, and the options."""

    # Diagnostic, in force / silenced by a waiver (not named here: rules.diagnostic imports the reports, and the
    # reports' plain data import nothing of the engine)
    diagnostics: list
    waived: list
    summary: Summary
    rules: dict[str, RuleDoc] = field(default_factory=dict)  # code -> RuleDoc
    lang: str = "en"
    color: bool = False
    show_waived: bool = False
    tool_version: str = ""
    estate_view: Optional[EstateView] = None  # for the formats that declare they need it
    csv_delimiter: str = ","  # --format csv: `;` for a French Excel
