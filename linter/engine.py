"""Stage 4, rules: run the catalogue over the model, apply waivers, and place every finding.

`lint()` is the whole pipeline, load -> validate -> model -> rules, and returns
a `Result`; it never prints and never exits (the CLI decides both).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import loader, model, validate
from .catalogue import Catalogue, Rule, load_catalogue
from .checks import CHECKS, Clause, Finding, facts
from .diagnostic import SEVERITY_RANK, Diagnostic, Problem
from .messages import Text, render
from .model import Estate
from .settings import Settings
from .views import Summary

WAIVABLE_SECTIONS = ("providers", "infrastructure", "data_stores", "applications")


@dataclass
class Result:
    diagnostics: list  # findings in force, sorted by file and position
    waived: list  # findings silenced by a live waiver
    files: list
    estate: Optional[Estate]
    catalogue: Catalogue
    settings: Settings
    rules_run: list = field(default_factory=list)

    def failed(self) -> bool:
        threshold = SEVERITY_RANK[self.settings.fail_on]
        return any(SEVERITY_RANK[d.severity] >= threshold for d in self.diagnostics)

    def summary(self) -> Summary:
        counts = {"error": 0, "warning": 0, "info": 0}
        by_code: dict[str, int] = {}
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] += 1
            by_code[diagnostic.code] = by_code.get(diagnostic.code, 0) + 1
        entities = {}
        if self.estate is not None:
            entities = {name: len(section) for name, section in self.estate.sections.items()}
            entities["integrations"] = len(self.estate.integrations)
        return Summary(files=len(self.files), entities=entities, findings=len(self.diagnostics),
                       errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
                       waived=len(self.waived), by_code=dict(sorted(by_code.items())), fail_on=self.settings.fail_on,
                       failed=self.failed())


def lint(paths: Iterable[str], settings: Settings, catalogue: Optional[Catalogue] = None) -> Result:
    catalogue = catalogue or load_catalogue(settings.rules_dirs)
    return lint_documents(loader.load_paths(paths), settings, catalogue)


def lint_text(text: str, settings: Settings, catalogue: Catalogue, path: str = "<estate>") -> Result:
    """Lint one estate given as text (rule examples, tests, editors)."""
    return lint_documents([loader.load_text(text, path)], settings, catalogue)


def lint_documents(documents: list, settings: Settings, catalogue: Catalogue) -> Result:
    """Validate, model and run the rules over loaded documents (kept documents may be linted again)."""
    was_enabled = gc.isenabled()
    gc.disable()  # the estate is a large acyclic tree: scanning it finds nothing
    try:
        problems = [problem for document in documents for problem in document.problems]
        found, invalid = validate.validate(documents)
        problems.extend(found)
        estate, found = model.build(documents, invalid)
        problems.extend(found)
        active, waived, rules_run = _run_rules(estate, settings, catalogue)
    finally:
        if was_enabled:
            gc.enable()
    diagnostics = [_from_problem(problem, catalogue, settings) for problem in problems]
    diagnostics.extend(active)
    diagnostics.sort(key=Diagnostic.sort_key)
    waived.sort(key=Diagnostic.sort_key)
    return Result(diagnostics, waived, [document.path for document in documents], estate, catalogue, settings,
                  rules_run)


def _from_problem(problem: Problem, catalogue: Catalogue, settings: Settings) -> Diagnostic:
    """An EST finding of the reading stages, worded and rated by its rule file like any other."""
    rule = catalogue[problem.code]
    return _worded(rule, {"problem": problem.text}, (problem.file, problem.line, problem.column),
                   problem.section, problem.entity, settings)


def _run_rules(estate: Estate, settings: Settings, catalogue: Catalogue):
    options = settings.options
    findings: list[tuple[Rule, Finding]] = []
    rules_run = []
    for rule in catalogue:
        if rule.scope in ("file", "waivers") or not settings.enabled(rule.code):
            continue
        rules_run.append(rule.code)
        if rule.when is not None:
            findings.extend((rule, f) for f in _declarative(rule, estate, options))
        else:
            findings.extend((rule, f) for f in CHECKS[rule.check](estate, options))
    waivers = _collect_waivers(estate, catalogue, settings)
    active: list[Diagnostic] = []
    waived: list[Diagnostic] = []
    for rule, finding in findings:
        diagnostic = _diagnostic(rule, finding, estate, settings)
        # An estate-wide finding is waived on the entity it points at (its anchor).
        owner = finding.entity or finding.anchor
        live = waivers.live.get((rule.code, owner.id)) if owner is not None else None
        if live:
            for waiver in live:
                waiver.used = True
            waived.append(diagnostic)
        else:
            active.append(diagnostic)
    active.extend(_waiver_findings(waivers, estate, catalogue, settings, set(rules_run)))
    return active, waived, rules_run


def _declarative(rule: Rule, estate: Estate, options: dict):
    test = rule.predicate(options)
    applies = rule.applicable(options)
    for section in rule.sections:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            if entity.facts is None:
                entity.facts = facts(estate, entity, options)
            if (applies is None or applies(entity.facts)) and test(entity.facts):
                value = entity.get(".".join(rule.target)) if rule.target else None
                yield Finding(entity, rule.target, {"value": _show(value)})


def _show(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "[]"  # an empty list still reads as a value
    return str(value)


def _diagnostic(rule: Rule, finding: Finding, estate: Estate, settings: Settings) -> Diagnostic:
    entity = finding.entity
    where = entity if entity is not None else finding.anchor
    params = dict(finding.params)
    if entity is not None:
        params.setdefault("id", entity.id)
        params.setdefault("name", entity.data.get("name") or entity.id)
    return _worded(rule, params, estate.position(where, finding.path),
                   entity.section if entity is not None else None, entity.id if entity is not None else None,
                   settings)


def _worded(rule: Rule, params: dict, place: tuple, section, entity, settings: Settings) -> Diagnostic:
    """The one place a finding gets its words, severity and name: from its rule."""
    lang = settings.lang
    words = {name: value if isinstance(value, (str, Clause)) else render(lang, value)
             for name, value in params.items()}
    message = rule.text("message", lang).format_map(_Template(words))
    file, line, column = place
    return Diagnostic(rule.code, settings.severity.get(rule.code, rule.severity), message, file, line, column,
                      section, entity, rule.name)


class _Template(dict):
    """Leaves an unknown {placeholder} as written instead of failing the run."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# --- waivers ----------------------------------------------------------------------

class _Waiver:
    __slots__ = ("entity", "position", "data", "used")

    def __init__(self, entity, position: int, data: dict) -> None:
        self.entity, self.position, self.data, self.used = entity, position, data, False


class _Waivers:
    def __init__(self) -> None:
        self.live: dict[tuple, list[_Waiver]] = {}
        self.expired: list[_Waiver] = []
        self.unknown: list[_Waiver] = []


def _collect_waivers(estate: Estate, catalogue: Catalogue, settings: Settings) -> _Waivers:
    waivers = _Waivers()
    today = settings.today.isoformat()
    for section in WAIVABLE_SECTIONS:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            for position, data in enumerate(entity.data.get("waivers") or []):
                waiver = _Waiver(entity, position, data)
                code = data["rule"]
                rule = catalogue.rules.get(code)
                if rule is None or rule.family == "EST":  # EST005 itself has scope `waivers`
                    waivers.unknown.append(waiver)
                elif str(data["expires"]) < today:
                    waivers.expired.append(waiver)
                else:
                    waivers.live.setdefault((code, entity.id), []).append(waiver)
    return waivers


def _waiver_findings(waivers: _Waivers, estate: Estate, catalogue: Catalogue, settings: Settings, ran: set):
    found: list[Diagnostic] = []

    def emit(code: str, waiver: _Waiver, field_name: str, params: dict) -> None:
        rule = catalogue.rules.get(code)
        if rule is None or not settings.enabled(code) and not code.startswith("EST"):
            return
        params = dict(params, rule=waiver.data["rule"], expires=waiver.data["expires"])
        found.append(_diagnostic(rule, Finding(waiver.entity, ("waivers", waiver.position, field_name), params),
                                 estate, settings))

    for waiver in waivers.unknown:
        code = waiver.data["rule"]
        reason = Text("waiver.est") if code in catalogue.rules else _unknown_rule_hint(code, catalogue)
        emit("EST005", waiver, "rule", {"reason": reason})
    for waiver in waivers.expired:
        emit("GOV003", waiver, "expires", {"today": settings.today.isoformat()})
    for entries in waivers.live.values():
        for waiver in entries:
            if not waiver.used and waiver.data["rule"] in ran:
                emit("GOV004", waiver, "rule", {})
    return found


def _unknown_rule_hint(code: str, catalogue: Catalogue) -> Text:
    import difflib

    close = difflib.get_close_matches(code, list(catalogue.rules), n=1)
    return Text("waiver.did_you_mean", code=close[0]) if close else Text("waiver.see_rules")
