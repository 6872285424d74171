"""Stage 4, rules: run the catalogue over the model, apply waivers, and place every finding.

`lint()` is the whole pipeline, load -> validate -> model -> rules, and returns
a `Result`; it never prints and never exits (the CLI decides both).
"""

from __future__ import annotations

import gc
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterable, Optional


from . import loader, model, validate, waivers
from .catalogue import Catalogue, Rule, load_catalogue
from .checks import CHECKS, Clause, Finding, facts, stated
from .diagnostic import SEVERITY_RANK, Diagnostic, Problem
from .messages import Listing, render
from .model import Estate
from .product_catalogue import load_products
from .settings import Settings
from .views import Summary
from .vocabulary import SECTIONS


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
        entities, unchecked = {}, ()
        if self.estate is not None:
            entities = {name: len(section) for name, section in self.estate.sections.items()}
            entities["integrations"] = len(self.estate.integrations)
            unchecked = tuple(entity.id for section in SECTIONS for entity in self.estate.entities(section)
                              if not entity.valid)
        return Summary(files=len(self.files), entities=entities, findings=len(self.diagnostics),
                       errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
                       waived=len(self.waived), by_code=dict(sorted(by_code.items())), fail_on=self.settings.fail_on,
                       failed=self.failed(), unchecked=unchecked)


def lint(paths: Iterable[str], settings: Settings, catalogue: Optional[Catalogue] = None,
         stdin_name: Optional[str] = None) -> Result:
    """Lint the estate in `paths` (files, folders, or `-` for standard input, named `stdin_name`)."""
    catalogue = catalogue or load_catalogue(settings.rules_dirs)
    return lint_documents(loader.load_paths(paths, stdin_name), settings, catalogue)


def lint_text(text: str, settings: Settings, catalogue: Catalogue, path: str = "<estate>") -> Result:
    """Lint one estate given as text (rule examples, tests, editors)."""
    return lint_documents([loader.load_text(text, path)], settings, catalogue)


def lint_documents(documents: list, settings: Settings, catalogue: Catalogue,
                   products: Optional[dict] = None) -> Result:
    """Validate, model and run the rules over loaded documents (kept documents may be linted again).

    `products` (id -> Product) defaults to the built-in catalogue and the settings' `products_dirs`.
    """
    if products is None:
        products = load_products(settings.products_dirs)
    was_enabled = gc.isenabled()
    gc.disable()  # the estate is a large acyclic tree: scanning it finds nothing
    try:
        problems = [problem for document in documents for problem in document.problems]
        found, invalid = validate.validate(documents)
        problems.extend(found)
        estate, found = model.build(documents, invalid, products)
        problems.extend(found)
        findings, rules_run = _run_rules(estate, settings, catalogue)
        outcome = waivers.apply(findings, rules_run, estate, catalogue, settings)
        problems.extend(outcome.problems)
        # Two stages may meet the same problem at the same place: each once, judged on what it is, not its words.
        diagnostics = [_from_problem(problem, catalogue, settings) for problem in dict.fromkeys(problems)]
        diagnostics.extend(_diagnostic(rule, finding, estate, settings) for rule, finding in outcome.active)
        waived = [_diagnostic(rule, finding, estate, settings) for rule, finding in outcome.waived]
    finally:
        if was_enabled:
            gc.enable()
    diagnostics.sort(key=Diagnostic.sort_key)
    waived.sort(key=Diagnostic.sort_key)
    return Result(diagnostics, waived, [document.path for document in documents], estate, catalogue, settings,
                  rules_run)


def _from_problem(problem: Problem, catalogue: Catalogue, settings: Settings) -> Diagnostic:
    """An EST finding of the reading stages, worded and rated by its rule file like any other."""
    rule = catalogue[problem.code]
    params = dict(problem.params)
    if problem.text is not None:
        params["problem"] = problem.text
    return _worded(rule, "message", params, (problem.file, problem.line, problem.column),
                   problem.section, problem.entity, settings)


def _run_rules(estate: Estate, settings: Settings, catalogue: Catalogue) -> tuple[list, list]:
    """(rule, Finding) of every rule that runs on the estate, and the codes that ran."""
    options = settings.options
    findings: list = []
    rules_run = []
    for rule in catalogue:
        if rule.scope in ("file", "waivers") or not settings.runs(rule):
            continue
        rules_run.append(rule.code)
        if rule.when is not None:
            findings.extend((rule, finding) for finding in _declarative(rule, estate, settings))
        else:
            findings.extend((rule, finding) for finding in CHECKS[rule.check](estate, settings))
    return findings, rules_run


def _declarative(rule: Rule, estate: Estate, settings: Settings):
    options = settings.options
    test = rule.predicate(options)
    applies = rule.applicable(options)
    target = ".".join(rule.target)
    for section in rule.sections:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            if entity.facts is None:
                entity.facts = facts(estate, entity, options)
            if (applies is None or applies(entity.facts)) and test(entity.facts):
                value = stated(entity, target) if target else None
                missing = tuple(field for field in rule.reads if not entity.states(field))
                yield Finding(entity, rule.target, {"value": value}, missing=missing)


def _diagnostic(rule: Rule, finding: Finding, estate: Estate, settings: Settings) -> Diagnostic:
    entity = finding.entity
    params = dict(finding.params)
    if entity is not None:
        params.setdefault("id", entity.id)
        params.setdefault("name", entity.data.get("name") or entity.id)
        place = estate.position(entity, finding.path)
    elif finding.anchor is not None:
        place = estate.position(finding.anchor, finding.path)
    elif finding.document is not None:
        place = (finding.document.path,) + finding.document.place(finding.path)
    else:
        place = estate.anchor()
    template = "message"
    if finding.missing:
        template = "unstated"
        params["field"] = Listing(finding.missing, "and")
    return _worded(rule, template, params, place, entity.section if entity is not None else None,
                   entity.id if entity is not None else None, settings,
                   field=".".join(str(step) for step in finding.path), unstated=bool(finding.missing))


def _worded(rule: Rule, template: str, params: dict, place: tuple, section, entity, settings: Settings,
            field: str = "", unstated: bool = False) -> Diagnostic:
    """The one place a finding gets its words, severity and name: from its rule."""
    lang = settings.lang
    text = rule.text(template, lang)
    options = settings.options  # a message may quote an option, like {min_availability}
    words = {}
    # Only what the template names is put into words: a large estate has tens of thousands of findings.
    for name in _placeholders(text):
        value = params[name] if name in params else options.get(name, _UNKNOWN)
        if value is not _UNKNOWN:
            words[name] = value.worded(lang) if isinstance(value, Clause) else render(lang, value)
    message = text.format_map(_Template(words))
    file, line, column = place
    return Diagnostic(rule.code, settings.severity.get(rule.code, rule.severity), message, file, line, column,
                      section, entity, rule.name, field, unstated)


_UNKNOWN = object()


@lru_cache(maxsize=None)
def _placeholders(template: str) -> tuple:
    import string

    return tuple({name for _, name, _, _ in string.Formatter().parse(template) if name})


class _Template(dict):
    """Leaves an unknown {placeholder} as written instead of failing the run."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
